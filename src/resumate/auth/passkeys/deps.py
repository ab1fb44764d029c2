"""The passkey service as a dependency, and what the account page shows of passkeys."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from resumate.auth.deps import AuthBackendDep, LocalAuthServiceDep, PageUser
from resumate.auth.passkeys.errors import PasskeysUnavailable
from resumate.auth.passkeys.models import Passkey
from resumate.auth.passkeys.relying_party import Availability, availability
from resumate.auth.passkeys.service import PasskeyService
from resumate.deps import DatabaseDep, SessionDep, SettingsDep


async def get_passkey_service(
    session: SessionDep, database: DatabaseDep, auth: AuthBackendDep, settings: SettingsDep
) -> PasskeyService:
    """Passkeys belong to the app's own accounts: with Cognito every passkey route is a 404."""
    if auth.cognito is not None:
        raise PasskeysUnavailable()
    return PasskeyService(session, database.sessionmaker, settings.auth.passkey, auth.throttle)


PasskeyServiceDep = Annotated[PasskeyService, Depends(get_passkey_service)]


# The local provider, which starts the session a passkey signs in to.
SessionStarterDep = LocalAuthServiceDep


@dataclass(frozen=True)
class PasskeyOffer:
    """What a page shows of passkeys: nothing with Cognito (`shown` False); otherwise the
    button, or where this page's address cannot use passkeys, why and where to go instead."""

    shown: bool
    availability: Availability
    # The account page's list, and what was just done to it ("added", "renamed", "removed").
    passkeys: list[Passkey] = field(default_factory=list)
    done: str | None = None
    # A passkey just added, whose naming dialog opens with the page.
    fresh: uuid.UUID | None = None


async def passkey_offer(
    request: Request, auth: AuthBackendDep, settings: SettingsDep
) -> PasskeyOffer:
    # Behind CloudFront the request names the origin server, not the site people see: the
    # public URL, when set, is the page's real origin.
    origin = settings.public_url or f"{request.url.scheme}://{request.url.netloc}"
    usable = availability(settings.auth.passkey, origin, request.url.path)
    return PasskeyOffer(shown=auth.cognito is None, availability=usable)


PasskeyOfferDep = Annotated[PasskeyOffer, Depends(passkey_offer)]
DONE = frozenset({"added", "renamed", "removed"})


async def passkey_section(
    request: Request,
    user: PageUser,
    offer: PasskeyOfferDep,
    session: SessionDep,
    database: DatabaseDep,
    auth: AuthBackendDep,
    settings: SettingsDep,
) -> PasskeyOffer:
    """The account page's passkeys section."""
    if not offer.shown:
        return offer
    service = PasskeyService(session, database.sessionmaker, settings.auth.passkey, auth.throttle)
    done = request.query_params.get("passkey")
    passkeys = await service.list(user)
    new = request.query_params.get("new")
    return PasskeyOffer(
        shown=True,
        availability=offer.availability,
        passkeys=passkeys,
        done=done if done in DONE else None,
        fresh=next((passkey.id for passkey in passkeys if str(passkey.id) == new), None),
    )


PasskeySectionDep = Annotated[PasskeyOffer, Depends(passkey_section)]
