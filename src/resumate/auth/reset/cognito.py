"""Password reset in a Cognito user pool: the pool mails a code and checks it."""

from __future__ import annotations

import logging
from functools import partial
from typing import Literal

from resumate.auth.cognito.client import CognitoRefused
from resumate.auth.cognito.errors import sign_up_refused, unexpected
from resumate.auth.cognito.service import CognitoAuthService
from resumate.auth.cognito.tokens import first_good_version
from resumate.auth.provider import IssuedSession
from resumate.auth.repository import UserRepository
from resumate.auth.reset.service import ResetLinkInvalid
from resumate.auth.service import check_password_policy, normalise_email
from resumate.auth.throttle import MailLimit
from resumate.db import release, utcnow
from resumate.errors import FieldError, ResumateError, ValidationFailed
from resumate.mail import Mail, Postbox

log = logging.getLogger("resumate.auth")

CODE_REFUSED = frozenset({"CodeMismatchException", "ExpiredCodeException", "UserNotFoundException"})
CODE_INVALID = "This code is not right or has expired. Ask for a new one."


class CognitoPasswordResets:
    kind: Literal["link", "code"] = "code"

    def __init__(self, accounts: CognitoAuthService, throttle: MailLimit, postbox: Postbox):
        self.accounts = accounts
        self.client = accounts.client
        self.throttle = throttle
        self.postbox = postbox

    async def request(self, email: str, address: str) -> None:
        email = normalise_email(email)
        await self.throttle.take(email, address, utcnow())
        # Cognito's answer depends on the account (and outages show): never in the request's.
        self.postbox.post(partial(self._ask_pool, email))

    async def _ask_pool(self, email: str) -> Mail | None:
        try:
            await self.client.forgot_password(email)
        except CognitoRefused as exc:
            # No such user, an address not verified, ...: the answer was the same anyway.
            log.info("Cognito sent no reset code: %s", exc.code)
        except ResumateError as exc:
            log.warning("Cognito could not send a reset code: %s", exc.code)
        return None  # the pool sends its own mail

    async def check(self, token: str) -> None:
        """A code can only be checked by using it."""

    async def confirm(
        self, token: str, password: str, email: str | None, sign_in_from: str | None
    ) -> IssuedSession | None:
        if email is None:
            raise ValidationFailed(
                "Enter the email address the code was sent to.",
                fields=[FieldError(field="email", message="is required")],
            )
        email = normalise_email(email)
        check_password_policy(password, email)
        try:
            await self.client.confirm_forgot_password(email, token.strip(), password)
        except CognitoRefused as exc:
            if exc.code in CODE_REFUSED:
                raise ResetLinkInvalid(CODE_INVALID) from exc
            raise sign_up_refused(exc) from exc  # the pool's own password rules, by field
        try:
            await self.client.admin_user_global_sign_out(email)
        except CognitoRefused as exc:
            raise unexpected(exc) from exc
        # Access tokens issued before now stop working here too, as after a sign-out.
        user = await UserRepository(self.accounts.session).by_email(email)
        if user is not None:
            version = first_good_version(self.accounts.verifier.clock())
            user.token_version = max(user.token_version, version)
        # Kept whatever happens next: the password has changed in the pool already. Signing in
        # counts the attempt in a transaction of its own, which must not wait for this one.
        await release(self.accounts.session)
        if sign_in_from is None:
            return None
        return await self.accounts.login(email, password, sign_in_from)
