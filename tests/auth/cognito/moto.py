"""moto's Cognito on loopback, its user pools, and a key-set stand-in that counts fetches."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.helpers import PASSWORD, unique_email

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient
    from mypy_boto3_cognito_idp.literals import ExplicitAuthFlowsTypeType
    from mypy_boto3_cognito_idp.type_defs import (
        AccountRecoverySettingTypeTypeDef,
        UserPoolPolicyTypeTypeDef,
    )

# moto keeps unsigned calls (GlobalSignOut is one) in us-east-1 whatever the client says, so the
# pools live there.
REGION = "us-east-1"
AUTH_FLOWS: list[ExplicitAuthFlowsTypeType] = [
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
]
# moto signs every pool's tokens with one fixed key of this id.
MOTO_KID = "dummy"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """`moto_server` from this environment on a free loopback port; yields its URL."""
    executable = Path(sys.executable).with_name("moto_server")
    if not executable.exists():
        raise RuntimeError("moto_server is missing: install the dev extras (moto[server])")
    port = free_port()
    process = subprocess.Popen(
        [str(executable), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/moto-api/", timeout=1):  # noqa: S310
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass(frozen=True)
class Pool:
    """A user pool in moto with the app clients the tests use."""

    endpoint: str
    pool_id: str
    client_id: str
    other_client_id: str
    secret_client_id: str
    client_secret: str

    @property
    def issuer(self) -> str:
        # The issuer real Cognito names, though moto serves the keys from its own address.
        return f"https://cognito-idp.{REGION}.amazonaws.com/{self.pool_id}"

    def idp(self) -> CognitoIdentityProviderClient:
        return idp_client(self.endpoint)

    def settings(self, jwks_url: str, **changes: object) -> dict[str, object]:
        """The `auth` settings of an app signing users in through this pool."""
        cognito: dict[str, object] = {
            "user_pool_id": self.pool_id,
            "client_id": self.client_id,
            "region": REGION,
            "issuer": self.issuer,
            "jwks_url": jwks_url,
            "endpoint_url": self.endpoint,
        }
        cognito.update(changes)
        return {"provider": "cognito", "cognito": cognito}

    def tokens(
        self, email: str | None = None, client_id: str | None = None, password: str = PASSWORD
    ) -> dict[str, Any]:
        """A user signed up and signed in straight at the pool, outside the app: its tokens."""
        email = email or unique_email("pool")
        idp = self.idp()
        idp.sign_up(
            ClientId=self.client_id,
            Username=email,
            Password=password,
            UserAttributes=[{"Name": "email", "Value": email}],
        )
        idp.admin_confirm_sign_up(UserPoolId=self.pool_id, Username=email)
        answer = idp.initiate_auth(
            ClientId=client_id or self.client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": password},
        )
        return dict(answer["AuthenticationResult"])


def idp_client(endpoint: str) -> CognitoIdentityProviderClient:
    return boto3.session.Session().client("cognito-idp", region_name=REGION, endpoint_url=endpoint)


def create_pool(endpoint: str, name: str, *, require_uppercase: bool = False) -> Pool:
    """A pool whose password rules are the product's (length only) unless told otherwise."""
    idp = idp_client(endpoint)
    policies: UserPoolPolicyTypeTypeDef = {
        "PasswordPolicy": {
            "MinimumLength": 8,
            "RequireUppercase": require_uppercase,
            "RequireLowercase": False,
            "RequireNumbers": False,
            "RequireSymbols": False,
        }
    }
    # As the deployment's pool: reset codes go to verified addresses only.
    recovery: AccountRecoverySettingTypeTypeDef = {
        "RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]
    }
    pool_id = idp.create_user_pool(
        PoolName=name, Policies=policies, AccountRecoverySetting=recovery
    )["UserPool"]["Id"]

    def app_client(client_name: str, secret: bool = False) -> tuple[str, str]:
        created = idp.create_user_pool_client(
            UserPoolId=pool_id,
            ClientName=client_name,
            GenerateSecret=secret,
            ExplicitAuthFlows=AUTH_FLOWS,
        )["UserPoolClient"]
        return created["ClientId"], created.get("ClientSecret", "")

    client_id, _ = app_client("resumate")
    other_client_id, _ = app_client("another-app")
    secret_client_id, client_secret = app_client("resumate-with-secret", secret=True)
    return Pool(endpoint, pool_id, client_id, other_client_id, secret_client_id, client_secret)


@dataclass
class JwksProxy:
    """Serves moto's key sets on another address, counting fetches; can add keys of our own."""

    upstream: str
    fetches: Counter[str] = field(default_factory=Counter)
    extra_keys: list[dict[str, Any]] = field(default_factory=list)
    address: str = ""

    def url(self, pool_id: str) -> str:
        return f"{self.address}/{pool_id}/.well-known/jwks.json"

    def fetched(self, pool_id: str) -> int:
        return self.fetches[f"/{pool_id}/.well-known/jwks.json"]

    @contextlib.contextmanager
    def serving(self) -> Iterator[JwksProxy]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                proxy.fetches[self.path] += 1
                try:
                    with urllib.request.urlopen(proxy.upstream + self.path, timeout=5) as answer:  # noqa: S310
                        jwks = json.load(answer)
                except OSError:
                    self.send_error(502)
                    return
                jwks["keys"] = jwks["keys"] + proxy.extra_keys
                body = json.dumps(jwks).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"http://127.0.0.1:{server.server_address[1]}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()


@dataclass(frozen=True)
class OwnKey:
    """An RSA key of the tests' own, for tokens moto would never issue."""

    kid: str
    private_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )

    def jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return jwk | {"kid": self.kid, "alg": "RS256", "use": "sig"}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})


def access_claims(pool: Pool, **changes: Any) -> dict[str, Any]:
    """The claims of an access token as Cognito writes them."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": pool.issuer,
        "sub": "6f1c1f0e-0000-4000-8000-000000000000",
        "client_id": pool.client_id,
        "token_use": "access",
        "scope": "aws.cognito.signin.user.admin",
        "auth_time": now,
        "iat": now,
        "exp": now + 3600,
        "jti": "a1b2c3",
        "username": "someone@example.com",
    }
    claims.update(changes)
    return claims
