"""Verifying Cognito access tokens: every refusal, and the key set's caching.

Tokens come from moto's pool unless a test says "self-signed": those are signed with a key of
the tests' own (`OwnKey`), published, where a test needs it, beside moto's keys by `JwksProxy`.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import jwt
import pytest

from resumate.auth.cognito.tokens import CognitoTokenVerifier, JwksCache
from resumate.errors import ServiceUnavailable, Unauthorized
from tests.auth.cognito.moto import MOTO_KID, JwksProxy, OwnKey, Pool, access_claims, free_port


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def verifier(
    pool: Pool,
    jwks: JwksProxy,
    *,
    clock: Any = time.time,
    key_clock: Any = time.monotonic,
    issuer: str | None = None,
) -> CognitoTokenVerifier:
    cache = JwksCache(jwks.url(pool.pool_id), max_age=3600, clock=key_clock)
    return CognitoTokenVerifier(
        cache, issuer=issuer or pool.issuer, client_id=pool.client_id, clock=clock
    )


@pytest.fixture
def own_key(jwks: JwksProxy) -> Iterator[OwnKey]:
    """A key of the tests' own, published in the pool's key set for this test."""
    key = OwnKey(kid="tests-own-key")
    jwks.extra_keys.append(key.jwk())
    yield key
    jwks.extra_keys.clear()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


async def test_a_pool_access_token_verifies(pool: Pool, jwks: JwksProxy) -> None:
    token = pool.tokens()["AccessToken"]
    claims = await verifier(pool, jwks).verify(token)
    assert claims.subject == jwt.decode(token, options={"verify_signature": False})["sub"]


async def test_an_expired_token_is_refused(pool: Pool, jwks: JwksProxy) -> None:
    token = pool.tokens()["AccessToken"]  # moto's tokens live an hour
    two_hours_on = verifier(pool, jwks, clock=lambda: time.time() + 7200)
    with pytest.raises(Unauthorized):
        await two_hours_on.verify(token)


async def test_a_token_for_another_app_client_is_refused(pool: Pool, jwks: JwksProxy) -> None:
    token = pool.tokens(client_id=pool.other_client_id)["AccessToken"]
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(token)


async def test_an_id_token_is_refused_where_an_access_token_is_expected(
    pool: Pool, jwks: JwksProxy
) -> None:
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(pool.tokens()["IdToken"])


async def test_a_token_from_another_pool_is_refused_by_its_issuer(
    pool: Pool, other_pool: Pool, jwks: JwksProxy
) -> None:
    # moto signs every pool's tokens with the same key, so only the issuer tells them apart.
    token = other_pool.tokens()["AccessToken"]
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks, issuer=pool.issuer).verify(token)


async def test_a_tampered_token_is_refused(pool: Pool, jwks: JwksProxy) -> None:
    header, payload, signature = pool.tokens()["AccessToken"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "someone-else"
    forged = f"{header}.{b64(json.dumps(claims).encode())}.{signature}"
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(forged)


async def test_a_self_signed_token_under_the_pools_key_id_is_refused(
    pool: Pool, jwks: JwksProxy
) -> None:
    forged = OwnKey(kid=MOTO_KID).sign(access_claims(pool))
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(forged)


async def test_an_unknown_key_id_refetches_the_key_set_once_then_refuses(
    pool: Pool, jwks: JwksProxy
) -> None:
    checks = verifier(pool, jwks)
    await checks.verify(pool.tokens()["AccessToken"])
    before = jwks.fetched(pool.pool_id)
    for kid in ("made-up-1", "made-up-2", "made-up-3"):
        with pytest.raises(Unauthorized):
            await checks.verify(OwnKey(kid=kid).sign(access_claims(pool)))  # self-signed
    assert jwks.fetched(pool.pool_id) == before + 1


async def test_a_key_published_later_is_found_by_the_refetch(pool: Pool, jwks: JwksProxy) -> None:
    checks = verifier(pool, jwks)
    await checks.verify(pool.tokens()["AccessToken"])
    rotated = OwnKey(kid="rotated-in")
    jwks.extra_keys.append(rotated.jwk())
    try:
        claims = await checks.verify(rotated.sign(access_claims(pool)))  # self-signed
    finally:
        jwks.extra_keys.clear()
    assert claims.username == "someone@example.com"


async def test_the_key_set_is_cached_until_it_is_old(pool: Pool, jwks: JwksProxy) -> None:
    key_clock = Clock()
    checks = verifier(pool, jwks, key_clock=key_clock)
    before = jwks.fetched(pool.pool_id)
    for _ in range(3):
        await checks.verify(pool.tokens()["AccessToken"])
    assert jwks.fetched(pool.pool_id) == before + 1
    key_clock.now += 3600
    await checks.verify(pool.tokens()["AccessToken"])
    assert jwks.fetched(pool.pool_id) == before + 2


async def test_an_unreachable_key_set_is_unavailable_and_not_asked_again_at_once(
    pool: Pool,
) -> None:
    key_clock = Clock()
    with JwksProxy(upstream=f"http://127.0.0.1:{free_port()}").serving() as down:
        cache = JwksCache(down.url(pool.pool_id), max_age=3600, clock=key_clock)
        checks = CognitoTokenVerifier(cache, issuer=pool.issuer, client_id=pool.client_id)
        token = OwnKey(kid=MOTO_KID).sign(access_claims(pool))  # self-signed; never checked
        for _ in range(3):
            with pytest.raises(ServiceUnavailable):
                await checks.verify(token)
        assert down.fetched(pool.pool_id) == 1
        key_clock.now += 5
        with pytest.raises(ServiceUnavailable):
            await checks.verify(token)
        assert down.fetched(pool.pool_id) == 2


async def test_cached_keys_keep_working_while_the_key_set_is_down(pool: Pool, moto: str) -> None:
    key_clock = Clock()
    with JwksProxy(upstream=moto).serving() as flaky:
        cache = JwksCache(flaky.url(pool.pool_id), max_age=3600, clock=key_clock)
        checks = CognitoTokenVerifier(cache, issuer=pool.issuer, client_id=pool.client_id)
        await checks.verify(pool.tokens()["AccessToken"])
        flaky.upstream = f"http://127.0.0.1:{free_port()}"
        key_clock.now += 3600
        await checks.verify(pool.tokens()["AccessToken"])
        assert flaky.fetched(pool.pool_id) == 2


async def test_a_self_signed_token_with_a_published_key_verifies(
    pool: Pool, jwks: JwksProxy, own_key: OwnKey
) -> None:
    # The control for the refusals below: they differ from this token in one claim only.
    claims = await verifier(pool, jwks).verify(own_key.sign(access_claims(pool)))
    assert claims.subject == access_claims(pool)["sub"]


@pytest.mark.parametrize(
    "changes",
    [
        {"token_use": "id"},
        {"client_id": "another-client"},
        {"iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_elsewhere"},
        {"exp": int(time.time()) - 60},
        {"iat": int(time.time()) + 600},
        {"iat": "yesterday"},
        {"aud": "an-id-token-audience"},
    ],
    ids=["id-use", "client", "issuer", "expired", "future", "bad-iat", "audience"],
)
async def test_a_self_signed_token_with_one_claim_wrong_is_refused(
    pool: Pool, jwks: JwksProxy, own_key: OwnKey, changes: dict[str, Any]
) -> None:
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(own_key.sign(access_claims(pool, **changes)))


@pytest.mark.parametrize("missing", ["sub", "iss", "exp", "iat", "token_use", "client_id"])
async def test_a_self_signed_token_missing_a_claim_is_refused(
    pool: Pool, jwks: JwksProxy, own_key: OwnKey, missing: str
) -> None:
    claims = access_claims(pool)
    del claims[missing]
    with pytest.raises(Unauthorized):
        await verifier(pool, jwks).verify(own_key.sign(claims))


async def test_unsigned_and_hmac_tokens_are_refused(
    pool: Pool, jwks: JwksProxy, own_key: OwnKey
) -> None:
    body = b64(json.dumps(access_claims(pool)).encode())
    unsigned = b64(json.dumps({"alg": "none", "kid": own_key.kid}).encode()) + f".{body}."
    hmac_signed = jwt.encode(
        access_claims(pool), "a-shared-secret-of-32-bytes-long", headers={"kid": own_key.kid}
    )
    for token in (unsigned, hmac_signed, "", "abc", "a.b.c"):
        with pytest.raises(Unauthorized):
            await verifier(pool, jwks).verify(token)
