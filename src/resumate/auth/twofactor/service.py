"""Two-factor on the account: set up an authenticator app, recovery codes, turn it off."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.auth.provider import AuthProvider
from resumate.auth.throttle import LoginThrottle
from resumate.auth.twofactor import recovery, totp
from resumate.auth.twofactor.methods import Attempt, methods_of
from resumate.auth.twofactor.repository import RecoveryCodeRepository, TotpRepository
from resumate.auth.twofactor.signin import choose, wrong_code
from resumate.auth.twofactor.totp import SecretBox
from resumate.db import release, utcnow
from resumate.errors import Conflict, FieldError, ValidationFailed

MANAGED_ELSEWHERE = (
    "Two-step verification for this account is managed by the identity provider, not here."
)
ALREADY_ON = "Two-step verification is already on. Turn it off first to set up a new app."
NOT_STARTED = "Set up the authenticator app first: there is no set-up to confirm."
NOT_ON = "Two-step verification is off for this account."
SETUP_CODE_WRONG = "That code is not right. Check that the app shows Resumate and try a new code."


@dataclass(frozen=True)
class TotpSetup:
    """What the user needs to add the account to an authenticator app."""

    secret: str
    uri: str
    qr_svg: str

    @property
    def grouped_secret(self) -> str:
        return totp.grouped(self.secret)


@dataclass(frozen=True)
class TwoFactorStatus:
    enabled: bool
    methods: list[str]
    recovery_codes_left: int


class TwoFactorService:
    def __init__(
        self,
        session: AsyncSession,
        box: SecretBox,
        auth: AuthProvider,
        throttle: LoginThrottle,
        *,
        managed_elsewhere: bool,
    ) -> None:
        self.session = session
        self.box = box
        self.auth = auth
        self.throttle = throttle
        self.managed_elsewhere = managed_elsewhere
        self.factors = TotpRepository(session)
        self.codes = RecoveryCodeRepository(session)

    async def status(self, user: User) -> TwoFactorStatus:
        methods = [method.name for method in await methods_of(self.session, user.id)]
        return TwoFactorStatus(
            enabled=bool(methods),
            methods=methods,
            recovery_codes_left=await self.codes.left(user.id),
        )

    async def start_totp(self, user: User) -> TotpSetup:
        """A new secret, kept sealed and not in use until `enable_totp` sees a code from it."""
        if self.managed_elsewhere:
            raise Conflict(MANAGED_ELSEWHERE)
        factor = await self.factors.of(user.id)
        if factor is not None and factor.enabled_at is not None:
            raise Conflict(ALREADY_ON)
        secret = totp.new_secret()
        await self.factors.start(user.id, self.box.seal(secret), utcnow())
        return self._setup(user, secret)

    async def pending_setup(self, user: User) -> TotpSetup | None:
        """The set-up waiting for its first code, to show again after a wrong one."""
        factor = await self.factors.of(user.id)
        if factor is None or factor.enabled_at is not None:
            return None
        try:
            return self._setup(user, self.box.open(factor.secret_encrypted))
        except ValueError:  # sealed under an earlier app secret: set up again
            return None

    async def enable_totp(self, user: User, code: str) -> list[str]:
        """Turn two-factor on with the app's first code; the answer is the recovery codes."""
        if self.managed_elsewhere:
            raise Conflict(MANAGED_ELSEWHERE)
        factor = await self.factors.of(user.id)
        if factor is None:
            raise Conflict(NOT_STARTED)
        if factor.enabled_at is not None:
            raise Conflict(ALREADY_ON)
        setup = await self.pending_setup(user)
        if setup is None:
            raise Conflict(NOT_STARTED)
        now = utcnow()
        step = totp.matching_step(setup.secret, "".join(code.split()), now)
        if step is None:
            raise ValidationFailed(
                SETUP_CODE_WRONG, fields=[FieldError(field="code", message="is not right")]
            )
        if not await self.factors.enable(user.id, step, now):
            raise Conflict(ALREADY_ON)
        return await self._new_codes(user)

    async def new_recovery_codes(self, user: User, password: str) -> list[str]:
        """A new set; the old one stops working at once."""
        await self.auth.confirm_password(user, password)
        if not await self.factors_on(user):
            raise Conflict(NOT_ON)
        return await self._new_codes(user)

    async def disable(self, user: User, password: str, code: str) -> None:
        """Off, with the password and a code from the app or a recovery code."""
        await self.auth.confirm_password(user, password)
        offered = await methods_of(self.session, user.id)
        if not offered:
            raise Conflict(NOT_ON)
        chosen = choose(offered, None, code)
        now = utcnow()
        await release(self.session)
        reservation = await self.throttle.reserve_second_factor(user.id, now)
        if not await chosen.verify(Attempt(self.session, self.box, user.id, code, now)):
            raise wrong_code()
        await self.throttle.succeeded(self.session, reservation)
        await self.codes.remove(user.id)
        await self.factors.remove(user.id)

    async def factors_on(self, user: User) -> bool:
        factor = await self.factors.of(user.id)
        return factor is not None and factor.enabled_at is not None

    async def _new_codes(self, user: User) -> list[str]:
        codes, hashes = recovery.new_set()
        await self.codes.replace(user.id, hashes, utcnow())
        return codes

    def _setup(self, user: User, secret: str) -> TotpSetup:
        uri = totp.provisioning_uri(secret, user.email)
        return TotpSetup(secret=secret, uri=uri, qr_svg=totp.qr_svg(uri))
