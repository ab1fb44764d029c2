"""The Cognito identity pool: credentials for one person's own folder of the uploads bucket.

The app is the pool's developer provider: it vouches for a signed-in Cognito user by their
`sub` (GetOpenIdTokenForDeveloperIdentity, a call only the app's role may make) and trades the
token for the credentials of the pool's authenticated role (GetCredentialsForIdentity). IAM
limits that role to `<identity id>/*` in the uploads bucket, through the policy variable
`${cognito-identity.amazonaws.com:sub}`: whatever the app signs with them reaches no one
else's files.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from resumate.config import CognitoSettings
from resumate.errors import ServiceUnavailable
from resumate.transfer.direct.bucket import Credentials

if TYPE_CHECKING:
    from mypy_boto3_cognito_identity import CognitoIdentityClient

log = logging.getLogger("resumate.transfer")

# The issuer name of the pool's own OpenID tokens, as GetCredentialsForIdentity expects it.
POOL_LOGIN = "cognito-identity.amazonaws.com"
# The shortest a token may live; it is traded for credentials at once.
TOKEN_SECONDS = 900


class UploadsUnavailable(ServiceUnavailable):
    default_message = "Uploading files is unavailable right now. Try again in a moment."


class IdentityPool:
    def __init__(self, settings: CognitoSettings) -> None:
        if not settings.identity_pool_id:
            raise ValueError("RESUMATE_AUTH_COGNITO_IDENTITY_POOL_ID names no identity pool")
        self.pool_id = settings.identity_pool_id
        self.provider = settings.developer_provider
        config = Config(
            connect_timeout=3.0, read_timeout=10.0, retries={"mode": "standard", "max_attempts": 2}
        )
        region = settings.resolved_region or self.pool_id.partition(":")[0]
        self._client: CognitoIdentityClient = boto3.session.Session().client(
            "cognito-identity",
            region_name=region,
            endpoint_url=settings.endpoint_url,
            config=config,
        )

    async def credentials(self, subject: str) -> tuple[str, Credentials]:
        """The person's identity id (their folder) and credentials for it."""
        try:
            return await asyncio.to_thread(self._credentials, subject)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            log.warning("the identity pool %s refused a request: %s", self.pool_id, code or "?")
            raise UploadsUnavailable() from exc
        except BotoCoreError as exc:
            log.warning("the identity pool is unreachable: %s", type(exc).__name__)
            raise UploadsUnavailable() from exc

    def _credentials(self, subject: str) -> tuple[str, Credentials]:
        vouched = self._client.get_open_id_token_for_developer_identity(
            IdentityPoolId=self.pool_id,
            Logins={self.provider: subject},
            TokenDuration=TOKEN_SECONDS,
        )
        identity_id = vouched["IdentityId"]
        answer = self._client.get_credentials_for_identity(
            IdentityId=identity_id, Logins={POOL_LOGIN: vouched["Token"]}
        )
        given = answer["Credentials"]
        credentials = Credentials(
            access_key_id=given["AccessKeyId"],
            secret_access_key=given["SecretKey"],
            session_token=given["SessionToken"],
            expires_at=given["Expiration"],
        )
        return identity_id, credentials

    async def close(self) -> None:
        self._client.close()
