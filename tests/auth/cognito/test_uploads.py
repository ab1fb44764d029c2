"""Direct uploads with Cognito accounts: the identity pool (moto's, in server mode) gives the
signed-in person credentials of their own, the form is signed with those, and the file goes to
the test S3 server, which takes that signature only for the uploads bucket."""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from resumate.config import CognitoSettings, Settings
from resumate.transfer.direct.identity import POOL_LOGIN, IdentityPool, UploadsUnavailable
from tests.auth.cognito.conftest import own_app
from tests.auth.cognito.moto import REGION, JwksProxy, Pool
from tests.databases import test_settings
from tests.helpers import unique_email
from tests.storage.conftest import S3Server, s3_admin, s3_bucket, s3_server
from tests.transfer.direct.conftest import key_of, send, uploads_bucket, uploads_settings
from tests.transfer.resume_files import TEXT_RESUME

__all__ = ["s3_admin", "s3_bucket", "s3_server", "uploads_bucket"]

UPLOADS = "/api/resumes/import/uploads"
PROVIDER = "login.resumate"
# What moto's identity pool hands every identity (its credentials are fixed).
POOL_ACCESS_KEY = "TESTACCESSKEY12345"
POOL_SESSION_TOKEN = "ABC12345"


@pytest.fixture(scope="module")
def identity_pool_id(moto: str) -> str:
    client = boto3.session.Session().client(
        "cognito-identity", region_name=REGION, endpoint_url=moto
    )
    created = client.create_identity_pool(
        IdentityPoolName="resumate_uploads",
        AllowUnauthenticatedIdentities=False,
        DeveloperProviderName=PROVIDER,
    )
    return created["IdentityPoolId"]


@pytest.fixture
def pooled(
    database_url: str,
    data_dir: Path,
    pool: Pool,
    jwks: JwksProxy,
    identity_pool_id: str,
    s3_server: S3Server,
    uploads_bucket: str,
) -> Settings:
    """An app's settings: Cognito accounts, the identity pool, and the test uploads bucket."""
    auth = pool.settings(
        jwks.url(pool.pool_id), identity_pool_id=identity_pool_id, developer_provider=PROVIDER
    )
    return test_settings(database_url, data_dir, auth=auth, **uploads_settings(s3_server))


def signed_in(pool: Pool, who: str) -> dict[str, str]:
    """A pool user's bearer header."""
    tokens = pool.tokens(unique_email(who))
    return {"Authorization": f"Bearer {tokens['AccessToken']}"}


async def test_the_form_is_signed_with_the_persons_own_credentials_for_their_folder(
    pooled: Settings, pool: Pool
) -> None:
    headers = signed_in(pool, "uploader")
    async with own_app(pooled) as client:
        asked = await client.post(UPLOADS, json={"filename": "cv.md"}, headers=headers)
        assert asked.status_code == 201, asked.text
        ticket = asked.json()
        fields = ticket["fields"]
        # The pool's credentials, not the app's: S3 checks them against the pool's role.
        assert fields["x-amz-credential"].startswith(f"{POOL_ACCESS_KEY}/")
        assert fields["x-amz-security-token"] == POOL_SESSION_TOKEN
        # The folder is the person's identity in the pool, as the role's policy requires.
        key = key_of(ticket["uploadId"])
        assert re.fullmatch(rf"{REGION}:[0-9a-f-]{{36}}/[A-Za-z0-9_-]{{24}}", key)
        assert fields["key"] == key
        # moto's credentials last 90 seconds: the form never outlives them.
        left = datetime.fromisoformat(ticket["expiresAt"]) - datetime.now(UTC)
        assert timedelta(0) < left <= timedelta(seconds=90)

        sent = await send(ticket, TEXT_RESUME.encode(), "cv.md")
        assert sent.status_code == 204, sent.text
        read = await client.post(f"{UPLOADS}/{ticket['uploadId']}?dryRun=true", headers=headers)
        assert read.status_code == 200, read.text
        assert read.json()["document"]["basics"]["name"] == "Ada Lovelace"

        # Someone else in the pool cannot import it.
        theirs = signed_in(pool, "other")
        again = await client.post(f"{UPLOADS}/{ticket['uploadId']}", headers=theirs)
        assert again.status_code == 404


async def test_the_pools_credentials_reach_no_other_bucket(
    pooled: Settings, pool: Pool, s3_bucket: str
) -> None:
    headers = signed_in(pool, "uploader")
    async with own_app(pooled) as client:
        ticket = (await client.post(UPLOADS, json={}, headers=headers)).json()
    # The same signature pointed at the app's PDF bucket is refused there.
    elsewhere = ticket | {"url": ticket["url"].rsplit("/", 1)[0] + f"/{s3_bucket}"}
    refused = await send(elsewhere, TEXT_RESUME.encode())
    assert refused.status_code == 403


async def test_an_identity_pool_that_cannot_be_reached_is_a_503(pool: Pool) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    auth = pool.settings(
        "https://keys.invalid",
        identity_pool_id=f"{REGION}:0-0",
        endpoint_url=f"http://127.0.0.1:{port}",
    )
    settings = CognitoSettings.model_validate(auth["cognito"])
    identity = IdentityPool(settings)
    with pytest.raises(UploadsUnavailable) as raised:
        await identity.credentials("someone")
    await identity.close()
    assert raised.value.status == 503


def test_the_pools_login_name_is_the_one_aws_gives_its_own_tokens() -> None:
    assert POOL_LOGIN == "cognito-identity.amazonaws.com"
