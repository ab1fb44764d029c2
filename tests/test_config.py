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
    }
    base.update(values)
    return Settings.model_validate(base)


def test_embedded_defaults_need_no_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RESUMATE_DATABASE_URL", "RESUMATE_ENV", "RESUMATE_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.database_url == "sqlite+aiosqlite:///data/resumate.db"
    assert settings.auth.provider == "local"
    assert settings.should_auto_migrate


def test_settings_read_resumate_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUMATE_DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/r")
    monkeypatch.setenv("RESUMATE_AUTH_ACCESS_TOKEN_SECONDS", "300")
    settings = Settings()
    assert settings.database_url == "postgresql+asyncpg://u:p@127.0.0.1:5432/r"
    assert settings.auth.access_token_seconds == 300


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
