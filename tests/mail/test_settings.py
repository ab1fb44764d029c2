from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from resumate.app import create_app
from resumate.config import MailSettings, Settings
from resumate.mail import OutboxMailer, build_mailer
from resumate.mail.smtp import SmtpMailer
from tests.helpers import AppParts
from tests.test_config import production


def test_the_embedded_default_is_the_outbox_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    mailer = build_mailer(settings)
    assert isinstance(mailer, OutboxMailer)
    assert mailer.folder == tmp_path / "outbox"


def test_links_default_to_this_server_and_follow_the_public_url(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).site_url == "http://127.0.0.1:8000"
    assert Settings(data_dir=tmp_path, host="0.0.0.0", port=9000).site_url == (  # noqa: S104
        "http://127.0.0.1:9000"
    )
    public = Settings(data_dir=tmp_path, public_url="https://cv.example.com/")
    assert public.site_url == "https://cv.example.com"


@pytest.mark.parametrize("url", ["cv.example.com", "ftp://cv.example.com", "https://x.test/?a=1"])
def test_a_public_url_must_be_an_address(tmp_path: Path, url: str) -> None:
    with pytest.raises(ValidationError, match="public_url"):
        Settings(data_dir=tmp_path, public_url=url)


def test_smtp_needs_a_host_and_a_password_with_a_username(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="RESUMATE_MAIL_SMTP_HOST"):
        Settings(data_dir=tmp_path, mail={"backend": "smtp"})
    with pytest.raises(ValidationError, match="RESUMATE_MAIL_SMTP_PASSWORD"):
        Settings(data_dir=tmp_path, mail={"smtp_host": "mail.test", "smtp_username": "app"})
    with pytest.raises(ValidationError, match="RESUMATE_MAIL_FROM_ADDRESS"):
        Settings(data_dir=tmp_path, mail={"from_address": "nobody"})


def test_smtp_ports_follow_the_security(tmp_path: Path) -> None:
    ports = {
        security: MailSettings(smtp_security=security).resolved_smtp_port
        for security in ("starttls", "tls", "none")
    }
    assert ports == {"starttls": 587, "tls": 465, "none": 25}
    settings = Settings(data_dir=tmp_path, mail={"backend": "smtp", "smtp_host": "mail.test"})
    assert isinstance(build_mailer(settings), SmtpMailer)


def test_production_with_local_accounts_needs_the_public_url_and_a_chosen_mailer(
    tmp_path: Path,
) -> None:
    with pytest.raises(ValidationError) as error:
        production(tmp_path, public_url=None, mail={})
    assert "RESUMATE_PUBLIC_URL" in str(error.value)
    assert "RESUMATE_MAIL_BACKEND" in str(error.value)
    chosen = production(tmp_path, mail={"backend": "outbox"})
    assert chosen.mail.backend == "outbox"


async def test_the_app_keeps_its_mailer_as_a_part(tmp_path: Path) -> None:
    app = create_app(Settings(env="test", data_dir=tmp_path))
    parts = AppParts.of(app)
    try:
        assert isinstance(parts.mailer, OutboxMailer)
    finally:
        await parts.close()
