"""The Cognito user pool's API, called from worker threads, its failures sorted for the app.

Outages and throttling become the app's own errors here (503, 429); every other refusal is a
`CognitoRefused` carrying Cognito's code, for the service to answer as the operation needs.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from resumate.config import CognitoSettings
from resumate.errors import ServiceUnavailable, TooManyRequests

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient
    from mypy_boto3_cognito_idp.type_defs import (
        AuthenticationResultTypeTypeDef,
        ConfirmForgotPasswordRequestTypeDef,
        ForgotPasswordRequestTypeDef,
        SignUpRequestTypeDef,
    )

log = logging.getLogger("resumate.auth")

T = TypeVar("T")

THROTTLED = frozenset(
    {"TooManyRequestsException", "LimitExceededException", "TooManyFailedAttemptsException"}
)
RETRY_AFTER_SECONDS = 30


class CognitoRefused(Exception):
    """Cognito answered the request with a refusal (wrong password, name taken, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class CognitoUnavailable(ServiceUnavailable):
    default_message = "Signing in is unavailable right now. Try again in a moment."


@dataclass(frozen=True)
class Tokens:
    access_token: str
    # Absent when renewing: Cognito keeps the refresh token unless the client rotates them.
    refresh_token: str | None
    expires_in: int


@dataclass(frozen=True)
class CognitoUser:
    username: str
    attributes: dict[str, str]


class CognitoClient:
    """One boto3 client for the process (they are thread-safe) bound to one pool and app client."""

    def __init__(
        self,
        settings: CognitoSettings,
        *,
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
    ) -> None:
        if settings.missing():
            raise ValueError("the Cognito provider needs " + ", ".join(settings.missing()))
        assert settings.user_pool_id is not None
        assert settings.client_id is not None
        self.user_pool_id = settings.user_pool_id
        self.client_id = settings.client_id
        self._secret = settings.client_secret.get_secret_value() if settings.client_secret else None
        config = Config(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retries={"mode": "standard", "max_attempts": 2},
        )
        # A private session: sessions are not thread-safe, the client made from it is. Only the
        # admin calls need credentials (boto3's usual chain: environment, task role, ...); the
        # user-facing calls are unsigned.
        self._client: CognitoIdentityProviderClient = boto3.session.Session().client(
            "cognito-idp",
            region_name=settings.resolved_region,
            endpoint_url=settings.endpoint_url,
            config=config,
        )

    @property
    def has_secret(self) -> bool:
        return self._secret is not None

    def close(self) -> None:
        self._client.close()

    def secret_hash(self, username: str) -> dict[str, str]:
        """The SECRET_HASH parameter, for app clients that have a secret."""
        if self._secret is None:
            return {}
        digest = hmac.new(
            self._secret.encode(), (username + self.client_id).encode(), hashlib.sha256
        ).digest()
        return {"SECRET_HASH": base64.b64encode(digest).decode()}

    async def sign_up(self, username: str, password: str, email: str) -> bool:
        """Create the user; True when the pool confirmed it straight away."""
        request: SignUpRequestTypeDef = {
            "ClientId": self.client_id,
            "Username": username,
            "Password": password,
            "UserAttributes": [{"Name": "email", "Value": email}],
        }
        if hashed := self.secret_hash(username):
            request["SecretHash"] = hashed["SECRET_HASH"]
        answer = await self._call(lambda: self._client.sign_up(**request))
        return bool(answer["UserConfirmed"])

    async def admin_confirm_sign_up(self, username: str) -> None:
        await self._call(
            lambda: self._client.admin_confirm_sign_up(
                UserPoolId=self.user_pool_id, Username=username
            )
        )

    async def admin_mark_email_verified(self, username: str) -> None:
        """Mark the user's address verified (`email_verified`): the pool mails reset codes only
        to verified addresses, and the app's sign-up link has just proved this one."""
        await self._call(
            lambda: self._client.admin_update_user_attributes(
                UserPoolId=self.user_pool_id,
                Username=username,
                UserAttributes=[{"Name": "email_verified", "Value": "true"}],
            )
        )

    async def admin_change_email(self, username: str, email: str) -> None:
        """Move the user to a new address, verified: the app's link has just proved it."""
        await self._call(
            lambda: self._client.admin_update_user_attributes(
                UserPoolId=self.user_pool_id,
                Username=username,
                UserAttributes=[
                    {"Name": "email", "Value": email},
                    {"Name": "email_verified", "Value": "true"},
                ],
            )
        )

    async def password_auth(self, username: str, password: str) -> Tokens:
        parameters = {"USERNAME": username, "PASSWORD": password} | self.secret_hash(username)
        answer = await self._call(
            lambda: self._client.initiate_auth(
                ClientId=self.client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters=parameters
            )
        )
        if "AuthenticationResult" not in answer:
            # MFA, a forced new password, ...: steps this product does not offer.
            raise CognitoRefused("ChallengeRequired", answer.get("ChallengeName", "unknown"))
        return _tokens(answer["AuthenticationResult"])

    async def refresh_auth(self, refresh_token: str, username: str | None) -> Tokens:
        parameters = {"REFRESH_TOKEN": refresh_token}
        if username is not None:
            parameters |= self.secret_hash(username)
        answer = await self._call(
            lambda: self._client.initiate_auth(
                ClientId=self.client_id, AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters=parameters
            )
        )
        if "AuthenticationResult" not in answer:
            raise CognitoRefused("ChallengeRequired", answer.get("ChallengeName", "unknown"))
        return _tokens(answer["AuthenticationResult"])

    async def global_sign_out(self, access_token: str) -> None:
        await self._call(lambda: self._client.global_sign_out(AccessToken=access_token))

    async def revoke_token(self, refresh_token: str) -> None:
        secret = {"ClientSecret": self._secret} if self._secret else {}
        await self._call(
            lambda: self._client.revoke_token(
                Token=refresh_token, ClientId=self.client_id, **secret
            )
        )

    async def change_password(self, access_token: str, previous: str, proposed: str) -> None:
        await self._call(
            lambda: self._client.change_password(
                AccessToken=access_token, PreviousPassword=previous, ProposedPassword=proposed
            )
        )

    async def forgot_password(self, username: str) -> None:
        """Have the pool mail the user a code for a new password."""
        request: ForgotPasswordRequestTypeDef = {"ClientId": self.client_id, "Username": username}
        if hashed := self.secret_hash(username):
            request["SecretHash"] = hashed["SECRET_HASH"]
        await self._call(lambda: self._client.forgot_password(**request))

    async def confirm_forgot_password(self, username: str, code: str, password: str) -> None:
        request: ConfirmForgotPasswordRequestTypeDef = {
            "ClientId": self.client_id,
            "Username": username,
            "ConfirmationCode": code,
            "Password": password,
        }
        if hashed := self.secret_hash(username):
            request["SecretHash"] = hashed["SECRET_HASH"]
        await self._call(lambda: self._client.confirm_forgot_password(**request))

    async def admin_user_global_sign_out(self, username: str) -> None:
        await self._call(
            lambda: self._client.admin_user_global_sign_out(
                UserPoolId=self.user_pool_id, Username=username
            )
        )

    async def admin_delete_user(self, username: str) -> None:
        await self._call(
            lambda: self._client.admin_delete_user(UserPoolId=self.user_pool_id, Username=username)
        )

    async def get_user(self, access_token: str) -> CognitoUser:
        answer = await self._call(lambda: self._client.get_user(AccessToken=access_token))
        attributes = {a["Name"]: a.get("Value", "") for a in answer["UserAttributes"]}
        return CognitoUser(username=answer["Username"], attributes=attributes)

    async def _call(self, call: Callable[[], T]) -> T:
        """Run a blocking boto3 call in a worker thread, sorting what can go wrong."""
        try:
            return await asyncio.to_thread(call)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
            if code in THROTTLED:
                raise TooManyRequests(
                    "Too many attempts. Wait a little and try again.",
                    retry_after=RETRY_AFTER_SECONDS,
                ) from exc
            if code == "InternalErrorException" or status >= 500:
                log.warning("Cognito failed: %s (HTTP %s)", code or "no code", status)
                raise CognitoUnavailable(retry_after=RETRY_AFTER_SECONDS) from exc
            raise CognitoRefused(code, str(error.get("Message", ""))) from exc
        except BotoCoreError as exc:
            # Unreachable, timed out, or no credentials for an admin call.
            log.warning("Cognito unreachable: %s", type(exc).__name__)
            raise CognitoUnavailable(retry_after=RETRY_AFTER_SECONDS) from exc


def _tokens(result: AuthenticationResultTypeTypeDef) -> Tokens:
    return Tokens(
        access_token=result["AccessToken"],
        refresh_token=result.get("RefreshToken"),
        expires_in=int(result.get("ExpiresIn", 3600)),
    )
