"""Settings: one small class per concern, all read from `RESUMATE_*` environment variables.

With nothing set the app runs on embedded defaults under one data directory (SQLite file,
local storage folder, local accounts, a signing key created on first start). Production mode
refuses to start while any secret is missing or left at a default.
"""

from __future__ import annotations

import os
import secrets
from email.utils import parseaddr
from functools import cached_property
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from resumate.config.ai import AISettings as AISettings
from resumate.config.paths import AbsolutePath as AbsolutePath
from resumate.config.transfer import ImportSettings as ImportSettings

SECRET_FILE = "secret-key"  # noqa: S105 - the file name, not its content


DEV_SECRET_PLACEHOLDERS = frozenset({"", "changeme", "change-me", "secret", "dev", "development"})


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RESUMATE_DATABASE_", extra="ignore")

    url: str | None = None
    pool_size: int = Field(default=20, ge=1, le=200)
    # A round trip before every checkout; worth it only where connections are cut silently.
    pre_ping: bool = False
    echo: bool = False


class CognitoSettings(BaseSettings):
    """The Cognito user pool and app client behind `RESUMATE_AUTH_PROVIDER=cognito`."""

    model_config = SettingsConfigDict(env_prefix="RESUMATE_AUTH_COGNITO_", extra="ignore")

    user_pool_id: str | None = None
    client_id: str | None = None
    # Only for app clients created with a secret: every call then carries a SECRET_HASH.
    client_secret: SecretStr | None = None
    # Defaults to the pool id's prefix (`eu-west-1_AbC` is in eu-west-1).
    region: str | None = None
    # The tokens' `iss` and where their keys are published: separate settings, because a
    # Cognito stand-in (or a proxy) serves the keys from another address than the issuer names.
    issuer: str | None = None
    jwks_url: str | None = None
    # Only for a Cognito stand-in; AWS is reached at its regional endpoint.
    endpoint_url: str | None = None
    jwks_cache_seconds: int = Field(default=3600, ge=0, le=86_400)
    # `admin`: the app confirms each sign-up itself (AdminConfirmSignUp), as a pre-sign-up
    # Lambda would, because the product has no confirmation-code step. `pool`: the pool
    # confirms sign-ups on its own (its Lambda) and the app needs no admin permission.
    confirm_sign_up: Literal["admin", "pool"] = "admin"
    # The identity pool that gives a signed-in user credentials for their own folder of the
    # uploads bucket (`RESUMATE_IMPORT_UPLOAD_BUCKET`); the app vouches for the user as the
    # pool's developer provider. Unset, the app signs uploads with its own credentials.
    identity_pool_id: str | None = None
    developer_provider: str = Field(default="login.resumate", min_length=1, max_length=128)

    @property
    def resolved_region(self) -> str | None:
        if self.region:
            return self.region
        prefix, _, _ = (self.user_pool_id or "").partition("_")
        return prefix or None

    def missing(self) -> list[str]:
        """The environment variables still needed for the provider to work."""
        required = {
            "USER_POOL_ID": self.user_pool_id,
            "CLIENT_ID": self.client_id,
            "ISSUER": self.issuer,
            "JWKS_URL": self.jwks_url,
        }
        return [f"RESUMATE_AUTH_COGNITO_{name}" for name, value in required.items() if not value]


class PasskeySettings(BaseSettings):
    """The WebAuthn relying party: the site name passkeys are made for, and the pages allowed
    to use them. Browsers refuse an IP address as the name."""

    model_config = SettingsConfigDict(env_prefix="RESUMATE_AUTH_PASSKEY_", extra="ignore")

    rp_id: str = Field(default="localhost", min_length=1, max_length=253)
    rp_name: str = Field(default="Resumate", min_length=1, max_length=64)
    # Exact origins (`https://resumate.example`); unset, `https://<rp_id>`, and for `localhost`
    # any port over http or https (`make run` and the tests pick their own port).
    origins: list[str] = Field(default_factory=list)

    def allows(self, origin: str) -> bool:
        if self.origins:
            return origin in self.origins
        if origin == f"https://{self.rp_id}":
            return True
        scheme, _, rest = origin.partition("://")
        host, _, port = rest.partition(":")
        return (
            self.rp_id == "localhost"
            and scheme in ("http", "https")
            and host == "localhost"
            and (port == "" or port.isdigit())
        )


class AuthSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RESUMATE_AUTH_", extra="ignore")

    provider: Literal["local", "cognito"] = "local"
    # PEM-encoded RSA private key; in development one is generated into the data directory.
    private_key: SecretStr | None = None
    issuer: str = "resumate"
    audience: str = "resumate-api"
    access_token_seconds: int = Field(default=900, ge=60, le=86_400)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    # Login throttling: failures allowed per window, per account and per client address.
    throttle_window_seconds: int = Field(default=900, ge=1)
    throttle_per_account: int = Field(default=5, ge=1)
    throttle_per_address: int = Field(default=20, ge=1)
    # Password-reset requests allowed per window (the same window), per address and per client.
    reset_per_email: int = Field(default=3, ge=1)
    reset_per_address: int = Field(default=10, ge=1)
    reset_link_minutes: int = Field(default=30, ge=1, le=30)
    # Sign-up and change-of-address mail per window: per address mailed, and per client.
    mail_per_email: int = Field(default=3, ge=1)
    mail_per_client: int = Field(default=20, ge=1)
    cookie_secure: bool | None = None  # defaults to True in production
    cognito: CognitoSettings = Field(default_factory=CognitoSettings)
    passkey: PasskeySettings = Field(default_factory=PasskeySettings)


class StorageSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RESUMATE_STORAGE_", extra="ignore")

    backend: Literal["local", "s3"] = "local"
    # Local backend: defaults to `storage/` in the data directory.
    local_dir: AbsolutePath | None = None
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key_id: SecretStr | None = None
    s3_secret_access_key: SecretStr | None = None
    s3_prefix: str = ""
    # Download links (signed local URLs or S3 presigned GETs) expire within 15 minutes.
    url_ttl_seconds: int = Field(default=600, ge=30, le=900)


class RenderSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RESUMATE_RENDER_", extra="ignore")

    # Debian's headless shell: the same engine as chromium, but it prints inside the page's own
    # process instead of starting a compositor per PDF (about half the time and memory).
    chromium_path: AbsolutePath = Path("/usr/lib/chromium/chromium-headless-shell")
    # Pages printing at once; Chromium uses about a core per busy page.
    concurrency: int = Field(default=2, ge=1, le=32)
    # Requests allowed to wait for a page; beyond that the answer is 503 with Retry-After.
    queue_limit: int = Field(default=6, ge=0, le=1000)
    timeout_seconds: float = Field(default=15, gt=0, le=120)


class MailSettings(BaseSettings):
    """How the app sends mail: an outbox folder (embedded default) or an SMTP server."""

    model_config = SettingsConfigDict(env_prefix="RESUMATE_MAIL_", extra="ignore")

    # `outbox`: each message is written to `outbox/` in the data directory and its link logged.
    backend: Literal["outbox", "smtp"] = "outbox"
    from_address: str = "Resumate <no-reply@localhost>"
    smtp_host: str | None = None
    smtp_port: int | None = Field(default=None, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    # `starttls` upgrades a plain connection (port 587), `tls` speaks TLS from the start (465);
    # `none` only for a relay on the same host or network.
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    # A private CA for the relay's certificate; by default the system's trusted CAs.
    smtp_ca_file: AbsolutePath | None = None
    timeout_seconds: float = Field(default=15, gt=0, le=120)

    @property
    def resolved_smtp_port(self) -> int:
        if self.smtp_port is not None:
            return self.smtp_port
        return {"starttls": 587, "tls": 465, "none": 25}[self.smtp_security]

    def problems(self) -> list[str]:
        """What keeps these settings from sending mail."""
        problems = []
        if self.backend == "smtp" and not self.smtp_host:
            problems.append("RESUMATE_MAIL_SMTP_HOST must name the SMTP server")
        if self.smtp_username and self.smtp_password is None:
            problems.append("RESUMATE_MAIL_SMTP_PASSWORD must be set with a username")
        if "@" not in parseaddr(self.from_address)[1]:
            problems.append("RESUMATE_MAIL_FROM_ADDRESS must be an address like a@example.com")
        return problems


def _origin(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError("must be the site's address, like https://resumate.example.com")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RESUMATE_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: AbsolutePath = Path("data")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # The address people reach the site at; links in mail are built on it, never on the Host
    # header a request brings. Defaults to http://host:port, which suits `make run`.
    public_url: Annotated[str | None, AfterValidator(_origin)] = None
    # Signs CSRF tokens and local download links; generated into the data directory in development.
    secret_key: SecretStr | None = None
    # Every route's request body limit but the import's (`RESUMATE_IMPORT_MAX_BODY_BYTES`).
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    # The longest a request body may take to arrive (a slow sender gets 408).
    body_timeout_seconds: float = Field(default=30, gt=0, le=600)
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (CIDRs, e.g. the load
    # balancer's subnets); none by default, where clients reach the app directly.
    trusted_proxies: list[IPv4Network | IPv6Network] = Field(default_factory=list)
    trash_retention_days: int = Field(default=30, ge=1)
    # Development applies migrations on start; production runs `resumate db upgrade` explicitly.
    auto_migrate: bool | None = None

    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    render: RenderSettings = Field(default_factory=RenderSettings)
    mail: MailSettings = Field(default_factory=MailSettings)
    ai: AISettings = Field(default_factory=AISettings)
    imports: ImportSettings = Field(default_factory=ImportSettings)

    @model_validator(mode="after")
    def _refuse_mail_that_cannot_go(self) -> Settings:
        if problems := self.mail.problems():
            raise ValueError("mail settings: " + "; ".join(problems))
        return self

    @model_validator(mode="after")
    def _refuse_a_provider_that_cannot_answer(self) -> Settings:
        if problems := self.ai.problems():
            raise ValueError("AI settings: " + "; ".join(problems))
        return self

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> Settings:
        if self.env != "production":
            return self
        problems = []
        secret = self.secret_key.get_secret_value() if self.secret_key else ""
        if secret.lower() in DEV_SECRET_PLACEHOLDERS or len(secret) < 32:
            problems.append("RESUMATE_SECRET_KEY must be set to a random value of 32+ characters")
        if self.auth.provider == "local" and self.auth.private_key is None:
            problems.append("RESUMATE_AUTH_PRIVATE_KEY must hold the PEM RSA signing key")
        if self.auth.provider == "cognito":
            cognito = self.auth.cognito
            problems.extend(
                f"{name} must be set for the Cognito provider" for name in cognito.missing()
            )
            # Whoever can answer for the key set can mint tokens: fetch it over TLS only.
            if cognito.jwks_url and not cognito.jwks_url.startswith("https://"):
                problems.append("RESUMATE_AUTH_COGNITO_JWKS_URL must be an https:// URL")
        if self.storage.backend == "s3" and not self.storage.s3_bucket:
            problems.append("RESUMATE_STORAGE_S3_BUCKET must name the bucket for PDFs")
        if not self.database.url:
            problems.append("RESUMATE_DATABASE_URL must point at the production database")
        # Either provider mails links and notices (sign-up links, "someone tried to sign up
        # with your address", changes of address): they must reach the real site, and the
        # outbox folder, which nobody reads in production, must be a deliberate choice.
        if self.public_url is None:
            problems.append("RESUMATE_PUBLIC_URL must be the address people reach the site at")
        if "backend" not in self.mail.model_fields_set:
            problems.append("RESUMATE_MAIL_BACKEND must be chosen (smtp, or outbox)")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def should_auto_migrate(self) -> bool:
        return self.auto_migrate if self.auto_migrate is not None else not self.is_production

    @property
    def secure_cookies(self) -> bool:
        configured = self.auth.cookie_secure
        return configured if configured is not None else self.is_production

    @property
    def site_url(self) -> str:
        """Where links in mail point: the public URL, or this server's own address."""
        if self.public_url is not None:
            return self.public_url
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host  # noqa: S104
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def storage_dir(self) -> Path:
        return self.storage.local_dir or self.data_dir / "storage"

    @cached_property
    def database_url(self) -> str:
        """The async SQLAlchemy URL: the configured one, or a SQLite file in the data directory."""
        url = self.database.url or f"sqlite:///{(self.data_dir / 'resumate.db').as_posix()}"
        return async_database_url(url)


def async_database_url(url: str) -> str:
    """Map a plain database URL onto the async driver this app uses for it."""
    for plain, driver in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgresql+psycopg://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url


def app_secret(settings: Settings) -> bytes:
    """The app's secret (it signs local download links): configured, or kept in the data dir."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()
