"""A person's own language model: set, read back (never the key), removed, and built for use.

The key is sealed with the app's SecretBox. A base URL is refused unless it is safe to call
from the server (public https, or a private address only where the operator allows it), and
the operator's key is never sent to it: the provider built from these settings carries only
the person's own key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.ai.providers.urls import UnsafeURL, checked_url
from resumate.ai.userprovider.models import UserProvider
from resumate.ai.userprovider.repository import UserProviderRepository
from resumate.ai.userprovider.schemas import ProviderIn, ProviderKind, ProviderOut
from resumate.auth.twofactor.totp import SecretBox
from resumate.config import AISettings
from resumate.errors import FieldError, NotFound, ValidationFailed

NOT_SET = "You have not set your own language model."


@dataclass(frozen=True)
class UserProviderConfig:
    """What building the person's provider takes: theirs alone, the key opened."""

    kind: ProviderKind
    base_url: str | None
    model: str
    api_key: SecretStr


class UserProviderService:
    def __init__(self, session: AsyncSession, box: SecretBox, settings: AISettings) -> None:
        self.providers = UserProviderRepository(session)
        self.box = box
        self.settings = settings

    async def get(self, user_id: uuid.UUID) -> ProviderOut:
        found = await self.providers.get(user_id)
        if found is None:
            raise NotFound(NOT_SET)
        return shown(found)

    async def put(self, user_id: uuid.UUID, given: ProviderIn) -> ProviderOut:
        base_url = await self._safe(given.base_url) if given.base_url else None
        key = given.api_key.get_secret_value()
        values = {
            "kind": given.kind,
            "base_url": base_url,
            "model": given.model,
            "key_encrypted": self.box.seal(key),
            "key_hint": key[-4:],
        }
        found = await self.providers.get(user_id)
        if found is None:
            found = await self.providers.add(UserProvider(user_id=user_id, **values))
        else:
            for name, value in values.items():
                setattr(found, name, value)
            await self.providers.flush()
        return shown(found)

    async def remove(self, user_id: uuid.UUID) -> None:
        if not await self.providers.delete(user_id):
            raise NotFound(NOT_SET)

    async def _safe(self, url: str) -> str:
        try:
            return await checked_url(url, allow_private=self.settings.allow_private_urls)
        except UnsafeURL as unsafe:
            message = f"The address {unsafe}."
            field = FieldError(field="baseUrl", message=message)
            raise ValidationFailed(message, fields=[field]) from None


def shown(provider: UserProvider) -> ProviderOut:
    return ProviderOut(
        kind=provider.kind,
        base_url=provider.base_url,
        model=provider.model,
        key_last4=provider.key_hint,
    )


async def user_provider_config(
    session: AsyncSession, user_id: uuid.UUID, box: SecretBox, settings: AISettings
) -> UserProviderConfig | None:
    """The person's own provider settings, key opened; None when the operator does not allow
    them (any more), the person set none, or the key was sealed under another app secret."""
    if not settings.allow_user_providers:
        return None
    found = await UserProviderRepository(session).get(user_id)
    if found is None:
        return None
    try:
        key = box.open(found.key_encrypted)
    except ValueError:
        return None
    kind: ProviderKind = "anthropic" if found.kind == "anthropic" else "openai"
    return UserProviderConfig(kind, found.base_url, found.model, SecretStr(key))


async def exported_provider(session: AsyncSession, user_id: uuid.UUID) -> dict[str, Any] | None:
    """What the account export holds of the person's own model: never the key."""
    found = await UserProviderRepository(session).get(user_id)
    if found is None:
        return None
    return {"kind": found.kind, "base_url": found.base_url, "model": found.model}
