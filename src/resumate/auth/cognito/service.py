"""The `cognito` auth provider: accounts and sessions live in a Cognito user pool.

Cognito checks passwords and issues the tokens; the app keeps a local row per Cognito user
(linked by `sub`, see cognito_tokens) so resumes have an owner, throttles sign-in the same way as
the local provider, and records sign-outs so that outstanding access tokens stop working.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.cognito.client import (
    CognitoClient,
    CognitoRefused,
    CognitoUnavailable,
    Tokens,
)
from resumate.auth.cognito.errors import (
    is_wrong_password,
    password_change_refused,
    sign_in_refused,
    sign_up_refused,
    unexpected,
)
from resumate.auth.cognito.tokens import (
    CognitoAuthenticator,
    CognitoClaims,
    CognitoTokenVerifier,
    JwksCache,
    first_good_version,
    good_again_at,
)
from resumate.auth.models import User
from resumate.auth.provider import FollowUp, IssuedSession
from resumate.auth.repository import UserRepository
from resumate.auth.service import (
    WRONG_CREDENTIALS,
    check_password_policy,
    normalise_email,
    remove_account,
)
from resumate.auth.signup.email_change import EmailChanges, address_taken
from resumate.auth.signup.errors import already_registered, invalid_link
from resumate.auth.signup.letters import AccountMail, follow_up, nothing
from resumate.auth.signup.models import SIGN_UP
from resumate.auth.signup.repository import ConfirmationRepository
from resumate.auth.signup.service import pending_sign_up
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import SESSION_ENDED
from resumate.config import CognitoSettings
from resumate.db import release, utcnow
from resumate.errors import FieldError, ResumateError, Unauthorized, ValidationFailed

log = logging.getLogger("resumate.auth")


@dataclass(frozen=True)
class Cognito:
    """What the app builds once for the provider: the pool's client and token checks."""

    client: CognitoClient
    authenticator: CognitoAuthenticator
    confirm_sign_up: Literal["admin", "pool"]

    @classmethod
    def from_settings(cls, settings: CognitoSettings) -> Cognito:
        client = CognitoClient(settings)
        assert settings.jwks_url is not None
        assert settings.issuer is not None
        verifier = CognitoTokenVerifier(
            JwksCache(settings.jwks_url, max_age=settings.jwks_cache_seconds),
            issuer=settings.issuer,
            client_id=client.client_id,
        )
        return cls(client, CognitoAuthenticator(verifier, client), settings.confirm_sign_up)


class CognitoAuthService:
    def __init__(
        self,
        session: AsyncSession,
        sessionmaker: async_sessionmaker[AsyncSession],
        cognito: Cognito,
        throttle: LoginThrottle,
        presented_token: Callable[[], str | None],
        mail: AccountMail,
    ) -> None:
        self.session = session
        self.sessionmaker = sessionmaker
        self.users = UserRepository(session)
        self.client = cognito.client
        self.authenticator = cognito.authenticator
        self.verifier = cognito.authenticator.verifier
        self.confirm_sign_up = cognito.confirm_sign_up
        self.throttle = throttle
        # The access token this request was signed in with: Cognito's own calls for the
        # signed-in user (sign out everywhere, change password) take it instead of an id.
        self.presented_token = presented_token
        self.mail = mail

    async def register(self, email: str, password: str, address: str) -> FollowUp:
        """SignUp in the pool, its user left unconfirmed until the link is opened (the pool
        holds the password; only the link's hash is kept here)."""
        email = normalise_email(email)
        check_password_policy(password, email)
        await self.mail.throttle.take(email, address, utcnow())
        await release(self.session)
        try:
            confirmed = await self.client.sign_up(email, password, email)
        except CognitoRefused as exc:
            if exc.code == "UsernameExistsException":
                return follow_up(lambda: self.mail.account_exists(email))
            raise sign_up_refused(exc) from exc
        if confirmed:  # by the pool's own pre-sign-up Lambda: only signing in is left
            return follow_up(lambda: self.mail.account_ready(email))
        if self.confirm_sign_up == "pool":
            # The pool wants a confirmation code, a step this product does not offer.
            log.error(
                "Cognito left a sign-up unconfirmed; set RESUMATE_AUTH_COGNITO_CONFIRM_SIGN_UP"
            )
            raise CognitoUnavailable("Signing up is unavailable right now.")
        token = await ConfirmationRepository(self.session).add(SIGN_UP, email, utcnow())
        return follow_up(lambda: self.mail.sign_up_link(email, token))

    async def resend_confirmation(self, email: str, address: str) -> FollowUp:
        email = normalise_email(email)
        await self.mail.throttle.take(email, address, utcnow())
        confirmations = ConfirmationRepository(self.session)
        if await confirmations.latest_pending(SIGN_UP, email, utcnow()) is not None:
            token = await confirmations.add(SIGN_UP, email, utcnow())
            return follow_up(lambda: self.mail.sign_up_link(email, token))
        if await self.users.by_email(email) is not None:
            return follow_up(lambda: self.mail.account_exists(email))
        return follow_up(nothing)

    async def verify_email(self, token: str) -> IssuedSession | None:
        """Confirm the pool's user; the password is Cognito's to check, on the sign-in page."""
        confirmation = await pending_sign_up(self.session, token)
        await ConfirmationRepository(self.session).spend(confirmation, utcnow())
        try:
            # The link proves the address, so the pool may mail reset codes to it (recovery is
            # by verified e-mail only). Marked before confirming: a retry after a failure of
            # either call does both.
            await self.client.admin_mark_email_verified(confirmation.email)
            await self.client.admin_confirm_sign_up(confirmation.email)
        except CognitoRefused as exc:
            if exc.code == "NotAuthorizedException":  # confirmed already, by an earlier link
                raise already_registered() from exc
            if exc.code == "UserNotFoundException":  # gone from the pool since
                raise invalid_link() from exc
            raise unexpected(exc) from exc
        return None

    async def request_email_change(
        self, user: User, email: str, password: str, address: str
    ) -> FollowUp:
        await self.confirm_password(user, password)
        email = normalise_email(email)
        await self.mail.throttle.take(email, address, utcnow())
        return EmailChanges(self.sessionmaker, self.mail).request(user, email)

    async def confirm_email_change(self, user: User, token: str) -> FollowUp:
        _, claims = await self._presented_for(user)

        async def move_identity(email: str) -> None:
            try:
                await self.client.admin_change_email(claims.username, email)
            except CognitoRefused as exc:
                if exc.code == "AliasExistsException":
                    raise address_taken() from exc
                raise unexpected(exc) from exc

        changes = EmailChanges(self.sessionmaker, self.mail)
        return await changes.confirm(self.session, user, token, provider=move_identity)

    async def login(self, email: str, password: str, address: str) -> IssuedSession:
        email = normalise_email(email)
        reservation = await self.throttle.reserve(email, address, utcnow())
        # No connection is held while Cognito checks the password.
        await release(self.session)
        try:
            issued = await self._password_session(email, password, email)
        except CognitoRefused as exc:
            if is_wrong_password(exc):
                raise Unauthorized(WRONG_CREDENTIALS) from exc  # the reservation is the failure
            await self.throttle.withdraw(reservation)
            raise sign_in_refused(exc) from exc
        await self.throttle.succeeded(self.session, reservation)
        return issued

    async def refresh(self, raw_token: str) -> IssuedSession:
        username, refresh_token = self._unwrap(raw_token)
        try:
            tokens = await self.client.refresh_auth(refresh_token, username)
        except CognitoRefused as exc:
            # Whatever the reason (a secret hash too: the username came with the token), the
            # token is no good; it came from the client, so this is no fault to log.
            raise Unauthorized(SESSION_ENDED) from exc
        user, claims = await self.authenticator.resolve(self.session, tokens.access_token)
        return self._issued(user, tokens, claims, fallback_refresh=refresh_token)

    async def end_session(self, raw_token: str) -> None:
        """Revoke this device's refresh token. Best effort: the device forgets it either way."""
        try:
            _, refresh_token = self._unwrap(raw_token)
        except Unauthorized:
            return
        await self._revoke(refresh_token)

    async def end_all_sessions(self, user: User) -> None:
        token, _ = await self._presented_for(user)
        await self._sign_out_everywhere(user, token)

    async def change_password(self, user: User, current: str, new: str) -> IssuedSession:
        token, claims = await self._presented_for(user)
        check_password_policy(new, user.email, field="newPassword")
        try:
            await self.client.change_password(token, current, new)
        except CognitoRefused as exc:
            raise password_change_refused(exc) from exc
        await self._sign_out_everywhere(user, token)
        try:
            return await self._password_session(claims.username, new, user.email, user=user)
        except CognitoRefused as exc:
            raise sign_in_refused(exc) from exc

    async def confirm_password(self, user: User, password: str) -> None:
        _, claims = await self._presented_for(user)
        try:
            tokens = await self.client.password_auth(claims.username, password)
        except CognitoRefused as exc:
            if exc.code == "ChallengeRequired":
                return  # a second step is asked for only once the password was right
            if is_wrong_password(exc):
                raise ValidationFailed(
                    "The password is not right.",
                    fields=[FieldError(field="password", message="is not right")],
                ) from exc
            raise sign_in_refused(exc) from exc
        # Checking the password opened a session of its own; close it again.
        if tokens.refresh_token:
            await self._revoke(tokens.refresh_token)

    async def close_account(self, user: User) -> None:
        """Delete the row, then the Cognito user, so its tokens cannot bring it back to life."""
        _, claims = await self._presented_for(user)
        await remove_account(self.session, self.throttle, user)
        try:
            await self.client.admin_delete_user(claims.username)
        except CognitoRefused as exc:
            if exc.code != "UserNotFoundException":
                raise unexpected(exc) from exc

    async def _password_session(
        self, username: str, password: str, email: str, user: User | None = None
    ) -> IssuedSession:
        if user is not None:
            await self._wait_until_good(user)
        tokens = await self.client.password_auth(username, password)
        claims = await self.verifier.verify(tokens.access_token)
        user = await self.authenticator.link(self.session, claims, email)
        if claims.version < user.token_version:
            # Signed out within this very second: Cognito stamps tokens to the second, so the
            # session just opened would be refused. Close it and open one in the next second.
            if tokens.refresh_token:
                await self._revoke(tokens.refresh_token)
            await self._wait_until_good(user)
            tokens = await self.client.password_auth(username, password)
            claims = await self.verifier.verify(tokens.access_token)
            self.authenticator.check_current(user, claims)
        return self._issued(user, tokens, claims)

    async def _revoke(self, refresh_token: str) -> None:
        try:
            await self.client.revoke_token(refresh_token)
        except (CognitoRefused, ResumateError) as exc:
            log.warning("a refresh token could not be revoked: %s", exc.code)

    async def _wait_until_good(self, user: User) -> None:
        delay = good_again_at(user.token_version) - self.verifier.clock()
        if 0 < delay <= 2:
            await asyncio.sleep(delay)

    async def _sign_out_everywhere(self, user: User, token: str) -> None:
        try:
            await self.client.global_sign_out(token)
        except CognitoRefused as exc:
            # Already signed out in Cognito (by another app, say): recording it here still counts.
            log.info("Cognito refused a global sign-out: %s", exc.code)
        user.token_version = max(user.token_version, first_good_version(self.verifier.clock()))
        await self.session.flush()

    async def _presented_for(self, user: User) -> tuple[str, CognitoClaims]:
        token = self.presented_token()
        if not token:
            raise Unauthorized()
        claims = await self.verifier.verify(token)
        if claims.subject != user.external_subject:
            raise Unauthorized(SESSION_ENDED)
        return token, claims

    def _issued(
        self,
        user: User,
        tokens: Tokens,
        claims: CognitoClaims,
        fallback_refresh: str | None = None,
    ) -> IssuedSession:
        refresh_token = tokens.refresh_token or fallback_refresh
        if refresh_token is None:
            raise unexpected(CognitoRefused("NoRefreshToken", ""))
        return IssuedSession(
            user=user,
            access_token=tokens.access_token,
            refresh_token=self._wrap(refresh_token, claims.username),
            expires_in=tokens.expires_in,
        )

    # With a client secret every refresh must name the Cognito username, so the refresh token
    # handed out carries it: `base64url(username)~token` (Cognito's tokens never contain `~`).
    def _wrap(self, refresh_token: str, username: str) -> str:
        if not self.client.has_secret:
            return refresh_token
        encoded = base64.urlsafe_b64encode(username.encode()).decode().rstrip("=")
        return f"{encoded}~{refresh_token}"

    def _unwrap(self, raw_token: str) -> tuple[str | None, str]:
        if not self.client.has_secret:
            return None, raw_token
        encoded, separator, refresh_token = raw_token.partition("~")
        try:
            username = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise Unauthorized(SESSION_ENDED) from exc
        if not separator or not username or not refresh_token:
            raise Unauthorized(SESSION_ENDED)
        return username, refresh_token
