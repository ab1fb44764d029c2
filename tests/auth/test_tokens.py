"""The access-token matrix: every forged or malformed token is refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from resumate.auth.keys import SigningKey, thumbprint
from resumate.auth.tokens import TokenIssuer
from resumate.errors import Unauthorized

NOW = datetime.now(UTC)
USER = uuid.uuid4()
SESSION = uuid.uuid4()


def new_key() -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return SigningKey(kid=thumbprint(private.public_key()), private_key=private)


KEY = new_key()
ISSUER = TokenIssuer(
    key=KEY, issuer="resumate", audience="resumate-api", lifetime=timedelta(minutes=15)
)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "iss": "resumate",
        "aud": "resumate-api",
        "sub": str(USER),
        "iat": int(NOW.timestamp()),
        "exp": int((NOW + timedelta(minutes=15)).timestamp()),
        "ver": 0,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def signed(payload: dict[str, Any], key: SigningKey = KEY, kid: str | None = None) -> str:
    return jwt.encode(payload, key.private_key, algorithm="RS256", headers={"kid": kid or key.kid})


def test_a_token_it_issued_verifies() -> None:
    verified = ISSUER.verify(ISSUER.issue(USER, 3, NOW, SESSION))
    assert verified.user_id == USER
    assert verified.token_version == 3
    assert verified.session_id == SESSION


def test_alg_none_is_refused() -> None:
    header = b64(json.dumps({"alg": "none", "typ": "JWT", "kid": KEY.kid}).encode())
    token = f"{header}.{b64(json.dumps(claims()).encode())}."
    with pytest.raises(Unauthorized):
        ISSUER.verify(token)


def test_hs256_signed_with_the_public_key_is_refused() -> None:
    public_pem = KEY.public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": KEY.kid}).encode())
    body = b64(json.dumps(claims()).encode())
    mac = hmac.new(public_pem, f"{header}.{body}".encode(), hashlib.sha256).digest()
    with pytest.raises(Unauthorized):
        ISSUER.verify(f"{header}.{body}.{b64(mac)}")


def test_unknown_key_id_is_refused() -> None:
    other = new_key()
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(claims(), key=other))


def test_right_key_id_on_a_foreign_signature_is_refused() -> None:
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(claims(), key=new_key(), kid=KEY.kid))


def test_expired_token_is_refused() -> None:
    past = NOW - timedelta(hours=1)
    token = signed(
        claims(iat=int(past.timestamp()), exp=int((past + timedelta(minutes=15)).timestamp()))
    )
    with pytest.raises(Unauthorized):
        ISSUER.verify(token)


@pytest.mark.parametrize("missing", ["exp", "iat", "iss", "aud", "sub"])
def test_token_missing_a_required_claim_is_refused(missing: str) -> None:
    payload = claims()
    del payload[missing]
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(payload))


def test_wrong_issuer_is_refused() -> None:
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(claims(iss="https://evil.example.com")))


def test_wrong_audience_is_refused() -> None:
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(claims(aud="some-other-api")))


def test_tampered_payload_is_refused() -> None:
    header, _, signature = ISSUER.issue(USER, 0, NOW, SESSION).split(".")
    forged = b64(json.dumps(claims(sub=str(uuid.uuid4()))).encode())
    with pytest.raises(Unauthorized):
        ISSUER.verify(f"{header}.{forged}.{signature}")


def test_subject_that_is_not_a_user_id_is_refused() -> None:
    with pytest.raises(Unauthorized):
        ISSUER.verify(signed(claims(sub="admin")))


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x.y.z"])
def test_garbage_is_refused(garbage: str) -> None:
    with pytest.raises(Unauthorized):
        ISSUER.verify(garbage)


def test_jwks_publishes_the_public_key_only() -> None:
    (jwk,) = KEY.jwks()["keys"]
    assert jwk["kid"] == KEY.kid
    assert jwk["alg"] == "RS256"
    assert "d" not in jwk
    assert "p" not in jwk
