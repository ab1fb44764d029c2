from pathlib import Path

import pytest
from pydantic import ValidationError

from resumate.auth.keys import load_or_create_signing_key
from resumate.config import Settings, async_database_url

STRONG_SECRET = "k" * 48


def production(tmp_path: Path, **values: object) -> Settings:
    pem = load_or_create_signing_key(tmp_path).private_key
    from cryptography.hazmat.primitives import serialization

    key = pem.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    base: dict[str, object] = {
        "env": "production",
        "secret_key": STRONG_SECRET,
        "auth": {"private_key": key},
        "database": {"url": "postgresql://app@db.internal/resumate"},
        "public_url": "https://cv.example.com",
        "mail": {"backend": "smtp", "smtp_host": "mail.example.com"},
    }
    base.update(values)
    return Settings.model_validate(base)


def test_embedded_defaults_need_no_configuration(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("RESUMATE_DATABASE_URL", "RESUMATE_ENV", "RESUMATE_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path}/data/resumate.db"
    assert settings.auth.provider == "local"
    assert settings.should_auto_migrate


def test_relative_paths_are_taken_from_where_the_app_starts_and_passed_on_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Chromium's fontconfig, SQLite and the storage folder each have their own idea of "here"."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESUMATE_DATA_DIR", "data")
    monkeypatch.setenv("RESUMATE_STORAGE_LOCAL_DIR", "files")
    monkeypatch.setenv("RESUMATE_RENDER_CHROMIUM_PATH", "bin/chromium")
    settings = Settings()
    assert settings.data_dir == tmp_path / "data"
    assert settings.storage_dir == tmp_path / "files"
    assert settings.render.chromium_path == tmp_path / "bin" / "chromium"
    monkeypatch.chdir(tmp_path.parent)  # the paths do not move with a later change of directory
    assert settings.data_dir == tmp_path / "data"


def test_settings_read_resumate_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUMATE_DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/r")
    monkeypatch.setenv("RESUMATE_AUTH_ACCESS_TOKEN_SECONDS", "300")
    settings = Settings()
    assert settings.database_url == "postgresql+asyncpg://u:p@127.0.0.1:5432/r"
    assert settings.auth.access_token_seconds == 300


def test_trusted_proxies_are_networks_read_as_terraform_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().trusted_proxies == []
    monkeypatch.setenv("RESUMATE_TRUSTED_PROXIES", '["10.0.0.0/24", "10.0.1.0/24", "fd00::/8"]')
    assert [str(network) for network in Settings().trusted_proxies] == [
        "10.0.0.0/24",
        "10.0.1.0/24",
        "fd00::/8",
    ]
    monkeypatch.setenv("RESUMATE_TRUSTED_PROXIES", '["10.0.0.1/24"]')  # host bits set: a typo
    with pytest.raises(ValueError, match="trusted_proxies"):
        Settings()


def test_production_starts_with_every_secret_set(tmp_path: Path) -> None:
    settings = production(tmp_path)
    assert settings.secure_cookies
    assert not settings.should_auto_migrate


@pytest.mark.parametrize("secret", [None, "changeme", "short-secret"])
def test_production_refuses_a_default_or_missing_secret_key(
    tmp_path: Path, secret: str | None
) -> None:
    with pytest.raises(ValidationError, match="RESUMATE_SECRET_KEY"):
        production(tmp_path, secret_key=secret)


def test_production_refuses_a_missing_signing_key(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="RESUMATE_AUTH_PRIVATE_KEY"):
        production(tmp_path, auth={})


def test_production_refuses_the_embedded_database(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="RESUMATE_DATABASE_URL"):
        production(tmp_path, database={})


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://a/b", "postgresql+asyncpg://a/b"),
        ("postgresql://a/b", "postgresql+asyncpg://a/b"),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("postgresql+asyncpg://a/b", "postgresql+asyncpg://a/b"),
    ],
)
def test_database_urls_map_onto_the_async_drivers(given: str, used: str) -> None:
    assert async_database_url(given) == used


def test_the_development_signing_key_is_created_once_and_kept(tmp_path: Path) -> None:
    first = load_or_create_signing_key(tmp_path)
    second = load_or_create_signing_key(tmp_path)
    assert first.kid == second.kid
    assert (tmp_path / "jwt-signing-key.pem").stat().st_mode & 0o077 == 0


COGNITO = {
    "user_pool_id": "eu-west-1_AbCdEf123",
    "client_id": "4n0th3rcl13nt1d",
    "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123",
    "jwks_url": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json",
}


def test_production_starts_with_cognito_and_no_signing_key(tmp_path: Path) -> None:
    settings = production(tmp_path, auth={"provider": "cognito", "cognito": COGNITO})
    assert settings.auth.cognito.resolved_region == "eu-west-1"


@pytest.mark.parametrize("missing", ["user_pool_id", "client_id", "issuer", "jwks_url"])
def test_production_refuses_cognito_without_its_pool_client_issuer_or_keys(
    tmp_path: Path, missing: str
) -> None:
    cognito = {name: value for name, value in COGNITO.items() if name != missing}
    with pytest.raises(ValidationError, match=f"RESUMATE_AUTH_COGNITO_{missing.upper()}"):
        production(tmp_path, auth={"provider": "cognito", "cognito": cognito})


@pytest.mark.parametrize("provider", ["local", "cognito"])
def test_production_needs_the_public_url_and_a_chosen_mailer_with_either_provider(
    tmp_path: Path, provider: str
) -> None:
    """Both providers mail: sign-up links, the notice to an address already signed up."""
    # The local provider keeps production()'s signing key; Cognito needs none.
    given: dict[str, object] = {"auth": {"provider": "cognito", "cognito": COGNITO}}
    if provider == "local":
        given = {}
    with pytest.raises(ValidationError) as error:
        production(tmp_path, **given, public_url=None, mail={})
    assert "RESUMATE_PUBLIC_URL" in str(error.value)
    assert "RESUMATE_MAIL_BACKEND" in str(error.value)
    with pytest.raises(ValidationError, match="RESUMATE_MAIL_BACKEND"):
        production(tmp_path, **given, mail={"smtp_host": "mail.example.com"})
    chosen = production(tmp_path, **given, mail={"backend": "outbox"})
    assert (chosen.auth.provider, chosen.mail.backend) == (provider, "outbox")


def test_production_refuses_a_key_set_fetched_without_tls(tmp_path: Path) -> None:
    cognito = COGNITO | {"jwks_url": "http://cognito.internal/jwks.json"}
    with pytest.raises(ValidationError, match="RESUMATE_AUTH_COGNITO_JWKS_URL"):
        production(tmp_path, auth={"provider": "cognito", "cognito": cognito})


def test_cognito_settings_read_their_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RESUMATE_AUTH_PROVIDER", "cognito")
    monkeypatch.setenv("RESUMATE_AUTH_COGNITO_USER_POOL_ID", COGNITO["user_pool_id"])
    monkeypatch.setenv("RESUMATE_AUTH_COGNITO_REGION", "eu-central-1")
    monkeypatch.setenv("RESUMATE_AUTH_COGNITO_CLIENT_SECRET", "s3cr3t")
    settings = Settings()
    assert settings.auth.provider == "cognito"
    assert settings.auth.cognito.user_pool_id == COGNITO["user_pool_id"]
    assert settings.auth.cognito.resolved_region == "eu-central-1"
    assert settings.auth.cognito.client_secret is not None
    assert settings.auth.cognito.missing() == [
        "RESUMATE_AUTH_COGNITO_CLIENT_ID",
        "RESUMATE_AUTH_COGNITO_ISSUER",
        "RESUMATE_AUTH_COGNITO_JWKS_URL",
    ]
