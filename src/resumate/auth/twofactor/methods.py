"""The ways to prove the second factor at sign-in, one entry each in `METHODS`.

A method answers two questions: does this account have it, and does this proof pass. Sign-in
offers an account every method it has (`secondFactor.methods` in the API) and checks a proof
with the one the client names (or, without a name, the first whose `accepts` the proof's shape
fits). A new method, such as passkeys, is one more class here and one more entry in `METHODS`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.twofactor import recovery, totp
from resumate.auth.twofactor.repository import RecoveryCodeRepository, TotpRepository
from resumate.auth.twofactor.totp import SecretBox


@dataclass(frozen=True)
class Attempt:
    """One proof of a second factor, for one account, at one moment."""

    session: AsyncSession
    box: SecretBox
    user_id: uuid.UUID
    proof: str
    now: datetime


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


# In the order sign-in offers them. Passkeys join here.
METHODS: tuple[SecondFactorMethod, ...] = (TotpMethod(), RecoveryMethod())
METHOD_NAMES = tuple(method.name for method in METHODS)


def method_named(name: str) -> SecondFactorMethod | None:
    return next((method for method in METHODS if method.name == name), None)


async def methods_of(session: AsyncSession, user_id: uuid.UUID) -> list[SecondFactorMethod]:
    return [method for method in METHODS if await method.has(session, user_id)]
