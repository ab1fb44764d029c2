"""The ways to prove the second factor at sign-in, one entry each in `METHODS`.

A method answers two questions: does this account have it, and does this proof pass. Sign-in
offers an account every method it has (`secondFactor.methods` in the API) and checks a proof
with the one the client names (or, without a name, the first whose `accepts` the proof's shape
fits). A new method is one more class here and one more entry in `METHODS`.

Passkeys are a method only on top of the app's code: an account with two-step on and a passkey
may answer with the passkey, but a passkey alone does not turn two-step on (whoever signs in
with the password on a computer without the passkey would be locked out).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.passkeys.errors import PasskeyRefused
from resumate.auth.passkeys.repository import PasskeyRepository
from resumate.auth.passkeys.service import PasskeyService
from resumate.auth.twofactor import recovery, totp
from resumate.auth.twofactor.repository import RecoveryCodeRepository, TotpRepository
from resumate.auth.twofactor.totp import SecretBox
from resumate.errors import ValidationFailed


@dataclass(frozen=True)
class PasskeyCheck:
    """What checks a passkey's answer: the service, and the client's address, against which a
    refused answer counts as it does for a password-less sign-in."""

    service: PasskeyService
    address: str


@dataclass(frozen=True)
class Attempt:
    """One proof of a second factor, for one account, at one moment."""

    session: AsyncSession
    box: SecretBox
    user_id: uuid.UUID
    proof: str
    now: datetime
    # None where no passkey is asked for (turning two-step off takes a typed code).
    passkeys: PasskeyCheck | None = None


class SecondFactorMethod(Protocol):
    name: str

    async def has(self, session: AsyncSession, user_id: uuid.UUID) -> bool:
        """Whether the account can sign in with this method."""
        ...

    def accepts(self, proof: str) -> bool:
        """Whether the proof has this method's shape (to pick one when the client names none)."""
        ...

    async def verify(self, attempt: Attempt) -> bool:
        """True once per good proof: a proof that passed is spent, and fails the next time."""
        ...


class TotpMethod:
    name = "totp"

    async def has(self, session: AsyncSession, user_id: uuid.UUID) -> bool:
        factor = await TotpRepository(session).of(user_id)
        return factor is not None and factor.enabled_at is not None

    def accepts(self, proof: str) -> bool:
        digits = "".join(proof.split())
        return len(digits) == totp.DIGITS and digits.isascii() and digits.isdigit()

    async def verify(self, attempt: Attempt) -> bool:
        factors = TotpRepository(attempt.session)
        factor = await factors.of(attempt.user_id)
        if factor is None or factor.enabled_at is None:
            return False
        try:
            secret = attempt.box.open(factor.secret_encrypted)
        except ValueError:  # sealed under an earlier app secret: only recovery codes are left
            return False
        step = totp.matching_step(secret, "".join(attempt.proof.split()), attempt.now)
        return step is not None and await factors.spend_step(attempt.user_id, step)


def _json_object(proof: str) -> dict[str, Any] | None:
    try:
        parsed = json.loads(proof)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return None
    return parsed if isinstance(parsed, dict) else None


class PasskeyMethod:
    """The answer of one of the account's passkeys to the options of
    `POST /api/auth/login/second-factor/passkey`, as JSON (`PublicKeyCredential.toJSON()`)."""

    name = "passkey"

    async def has(self, session: AsyncSession, user_id: uuid.UUID) -> bool:
        if not await TotpMethod().has(session, user_id):
            return False
        return await PasskeyRepository(session).count(user_id) > 0

    def accepts(self, proof: str) -> bool:
        return _json_object(proof) is not None

    async def verify(self, attempt: Attempt) -> bool:
        credential = _json_object(attempt.proof)
        if credential is None or attempt.passkeys is None:
            return False
        check = attempt.passkeys
        try:
            await check.service.authenticate(credential, check.address, user_id=attempt.user_id)
        except (PasskeyRefused, ValidationFailed):  # a wrong code, which the sign-in counts
            return False
        return True


class RecoveryMethod:
    name = "recovery"

    async def has(self, session: AsyncSession, user_id: uuid.UUID) -> bool:
        return await RecoveryCodeRepository(session).left(user_id) > 0

    def accepts(self, proof: str) -> bool:
        return recovery.looks_like_recovery_code(proof)

    async def verify(self, attempt: Attempt) -> bool:
        code_hash = recovery.hash_code(attempt.proof)
        if code_hash is None:
            return False
        codes = RecoveryCodeRepository(attempt.session)
        return await codes.spend(attempt.user_id, code_hash, attempt.now)


# In the order sign-in offers them.
METHODS: tuple[SecondFactorMethod, ...] = (TotpMethod(), PasskeyMethod(), RecoveryMethod())
METHOD_NAMES = tuple(method.name for method in METHODS)


def method_named(name: str) -> SecondFactorMethod | None:
    return next((method for method in METHODS if method.name == name), None)


async def methods_of(session: AsyncSession, user_id: uuid.UUID) -> list[SecondFactorMethod]:
    return [method for method in METHODS if await method.has(session, user_id)]
