"""Passkeys: register one, sign in with one (alone, or as a second factor), list, rename, remove.

Every ceremony's challenge is made here, kept hashed with its purpose (and user, when known),
and taken once, in a transaction of its own, before the answer is checked: a refused answer
still spends it, so no answer can be tried twice. Challenges expire after five minutes.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from resumate.auth.models import User
from resumate.auth.passkeys import ceremony
from resumate.auth.passkeys.errors import NO_SUCH_REQUEST, PasskeyRefused
from resumate.auth.passkeys.models import Passkey, PasskeyChallenge
from resumate.auth.passkeys.relying_party import default_name
from resumate.auth.passkeys.repository import ChallengeRepository, PasskeyRepository
from resumate.auth.passkeys.schemas import AuthenticationCredential, Registration
from resumate.auth.repository import UserRepository
from resumate.auth.throttle import LoginThrottle
from resumate.config import PasskeySettings
from resumate.db import utcnow
from resumate.errors import Conflict, FieldError, NotFound, ValidationFailed, validation_error

CHALLENGE_LIFETIME = timedelta(minutes=5)
TIMEOUT_MS = 240_000  # what the browser is told: within the challenge's lifetime
MAX_PASSKEYS = 20
REGISTER = "register"
SIGN_IN = "sign-in"
UNKNOWN = "This passkey is not registered here. Sign in another way, then add it."
COPIED = (
    "This passkey's signature counter went backwards, so it may have been copied. "
    "Sign in another way and remove it."
)
TRANSPORTS = {transport.value for transport in AuthenticatorTransport}


def _json_options(options: Any) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(options_to_json(options))
    return parsed


@dataclass
class PasskeyService:
    session: AsyncSession
    # Challenges are made and taken in transactions of their own (see the module docstring).
    sessionmaker: async_sessionmaker[AsyncSession]
    settings: PasskeySettings
    throttle: LoginThrottle

    @property
    def passkeys(self) -> PasskeyRepository:
        return PasskeyRepository(self.session)

    # Registration ------------------------------------------------------------------------------

    async def registration_options(self, user: User) -> dict[str, Any]:
        """Options for `navigator.credentials.create()`: a discoverable passkey for this user."""
        existing = await self.passkeys.of_user(user.id)
        options = generate_registration_options(
            rp_id=self.settings.rp_id,
            rp_name=self.settings.rp_name,
            user_id=user.id.bytes,
            user_name=user.email,
            challenge=await self._new_challenge(REGISTER, user.id),
            timeout=TIMEOUT_MS,
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.REQUIRED,
                require_resident_key=True,
                user_verification=UserVerificationRequirement.PREFERRED,
            ),
            exclude_credentials=[_descriptor(passkey) for passkey in existing],
        )
        return _json_options(options)

    async def register(self, user: User, registration: Registration, user_agent: str) -> Passkey:
        """Check the new credential against its challenge and keep its public key (422 naming
        the field when it does not check out)."""
        credential = registration.credential
        try:
            data = ceremony.client_data(credential.response.client_data_json)
        except ceremony.CredentialUnreadable as exc:
            raise _invalid(FieldError(field=exc.field, message=exc.message)) from exc
        challenge = await self._take_challenge(data, REGISTER)
        if challenge is None or challenge.user_id != user.id:
            raise _invalid(FieldError(field=ceremony.CLIENT_DATA, message=NO_SUCH_REQUEST))
        self._check_origin(data, _invalid)
        try:
            verified = verify_registration_response(
                credential=credential.model_dump(by_alias=True, exclude_none=True),
                expected_challenge=data.challenge,
                expected_rp_id=self.settings.rp_id,
                expected_origin=data.origin,
            )
        except WebAuthnException as exc:
            raise _invalid(ceremony.refusal(exc, ceremony.ATTESTATION)) from exc
        if await self.passkeys.count(user.id) >= MAX_PASSKEYS:
            raise Conflict(f"You have {MAX_PASSKEYS} passkeys already. Remove one to add another.")
        if await self.passkeys.by_credential_id(verified.credential_id) is not None:
            raise Conflict("This passkey is registered already.")
        wanted = registration.name or default_name(user_agent, credential.authenticator_attachment)
        passkey = Passkey(
            user_id=user.id,
            credential_id=verified.credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
            transports=[t for t in credential.response.transports if t in TRANSPORTS],
            name=await self._unique_name(user.id, wanted),
        )
        try:
            return await self.passkeys.add(passkey)
        except IntegrityError as exc:  # registered by a concurrent request
            raise Conflict("This passkey is registered already.") from exc

    # Sign-in -----------------------------------------------------------------------------------

    async def authentication_options(self, user_id: uuid.UUID | None = None) -> dict[str, Any]:
        """Options for `navigator.credentials.get()`: any discoverable passkey of this site, or,
        as a second factor, one of `user_id`'s."""
        allowed = await self.passkeys.of_user(user_id) if user_id else []
        options = generate_authentication_options(
            rp_id=self.settings.rp_id,
            challenge=await self._new_challenge(SIGN_IN, user_id),
            timeout=TIMEOUT_MS,
            allow_credentials=[_descriptor(passkey) for passkey in allowed],
            user_verification=UserVerificationRequirement.PREFERRED,
        )
        return _json_options(options)

    async def authenticate(
        self,
        credential: AuthenticationCredential | dict[str, Any],
        address: str,
        *,
        user_id: uuid.UUID | None = None,
    ) -> User:
        """The user a passkey's answer proves, for a password-less sign-in (`user_id` None) or
        as the second factor of `user_id`'s sign-in.

        The answer must be to a live challenge of `authentication_options` (the same `user_id`
        when one was given there). A refusal is 401 `passkey_refused` naming the field and
        counts as a failed sign-in of `address` (429 once over the limit); a credential that is
        not shaped like a browser's is 422. Starts no session: the caller does.
        """
        if not isinstance(credential, AuthenticationCredential):
            credential = _parsed(credential)
        reservation = await self.throttle.reserve_address(address, utcnow())
        try:
            data = ceremony.client_data(credential.response.client_data_json)
            raw_id = ceremony.decode(credential.raw_id, "credential.rawId")
            handle = credential.response.user_handle
            user_handle = (
                ceremony.decode(handle, "credential.response.userHandle") if handle else None
            )
        except ceremony.CredentialUnreadable as exc:
            raise PasskeyRefused(fields=[FieldError(field=exc.field, message=exc.message)]) from exc
        challenge = await self._take_challenge(data, SIGN_IN)
        if challenge is None or challenge.user_id != user_id:
            field = FieldError(field=ceremony.CLIENT_DATA, message=NO_SUCH_REQUEST)
            raise PasskeyRefused(NO_SUCH_REQUEST, fields=[field])
        self._check_origin(data, _refused)
        passkey = await self.passkeys.by_credential_id(raw_id)
        if (
            passkey is None
            or (user_id is not None and passkey.user_id != user_id)
            or (user_handle is not None and user_handle != passkey.user_id.bytes)
        ):
            raise PasskeyRefused(
                UNKNOWN, fields=[FieldError(field="credential.id", message=UNKNOWN)]
            )
        try:
            verified = verify_authentication_response(
                credential=credential.model_dump(by_alias=True, exclude_none=True),
                expected_challenge=data.challenge,
                expected_rp_id=self.settings.rp_id,
                expected_origin=data.origin,
                credential_public_key=passkey.public_key,
                credential_current_sign_count=passkey.sign_count,
            )
        except WebAuthnException as exc:
            refusal = ceremony.refusal(exc, ceremony.AUTHENTICATOR_DATA)
            copied = "sign count" in str(exc)
            raise PasskeyRefused(COPIED if copied else None, fields=[refusal]) from exc
        if not await self.passkeys.record_use(passkey.id, verified.new_sign_count, utcnow()):
            raise PasskeyRefused(
                COPIED, fields=[FieldError(field=ceremony.AUTHENTICATOR_DATA, message=COPIED)]
            )
        user = await UserRepository(self.session).get(passkey.user_id)
        if user is None:
            raise PasskeyRefused(UNKNOWN)
        await self.throttle.succeeded(self.session, reservation)
        return user

    # Managing ----------------------------------------------------------------------------------

    async def list(self, user: User) -> list[Passkey]:
        return await self.passkeys.of_user(user.id)

    async def get(self, user: User, passkey_id: uuid.UUID) -> Passkey:
        """The user's own passkey; another user's is 404, like one that does not exist."""
        passkey = await self.passkeys.owned(user.id, passkey_id)
        if passkey is None:
            raise NotFound("No such passkey.")
        return passkey

    async def rename(self, user: User, passkey_id: uuid.UUID, name: str) -> Passkey:
        passkey = await self.get(user, passkey_id)
        passkey.name = name
        await self.session.flush()
        return passkey

    async def remove(self, user: User, passkey_id: uuid.UUID) -> None:
        await self.passkeys.delete(await self.get(user, passkey_id))

    # Inside ------------------------------------------------------------------------------------

    async def _new_challenge(self, purpose: str, user_id: uuid.UUID | None) -> bytes:
        challenge = secrets.token_bytes(32)
        now = utcnow()
        async with self.sessionmaker.begin() as session:
            await ChallengeRepository(session).add(
                PasskeyChallenge(
                    challenge_hash=ceremony.hash_challenge(challenge),
                    purpose=purpose,
                    user_id=user_id,
                    expires_at=now + CHALLENGE_LIFETIME,
                ),
                now,
            )
        return challenge

    async def _take_challenge(
        self, data: ceremony.ClientData, purpose: str
    ) -> PasskeyChallenge | None:
        # Committed at once, whatever the answer turns out to be: a challenge is spent by trying.
        async with self.sessionmaker.begin() as session:
            return await ChallengeRepository(session).take(data.challenge_hash, purpose, utcnow())

    def _check_origin(self, data: ceremony.ClientData, error: Any) -> None:
        if not self.settings.allows(data.origin):
            message = f"was made on {data.origin}, which may not use this site's passkeys"
            raise error(FieldError(field=ceremony.CLIENT_DATA, message=message))

    async def _unique_name(self, user_id: uuid.UUID, wanted: str) -> str:
        taken = {passkey.name for passkey in await self.passkeys.of_user(user_id)}
        name, number = wanted, 2
        while name in taken:
            name = f"{wanted[:60]} {number}"
            number += 1
        return name


def _descriptor(passkey: Passkey) -> PublicKeyCredentialDescriptor:
    transports = [AuthenticatorTransport(t) for t in passkey.transports if t in TRANSPORTS]
    return PublicKeyCredentialDescriptor(id=passkey.credential_id, transports=transports or None)


def _parsed(credential: dict[str, Any]) -> AuthenticationCredential:
    try:
        return AuthenticationCredential.model_validate(credential)
    except ValidationError as exc:
        errors = [e | {"loc": ("credential", *e["loc"])} for e in exc.errors()]
        raise validation_error(errors) from exc


def _invalid(field: FieldError) -> ValidationFailed:
    return ValidationFailed(
        f"The passkey was not accepted: {field.field} {field.message}.", fields=[field]
    )


def _refused(field: FieldError) -> PasskeyRefused:
    return PasskeyRefused(fields=[field])
