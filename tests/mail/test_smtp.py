from __future__ import annotations

from pathlib import Path

import pytest

from resumate.config import MailSettings
from resumate.mail import MailUnavailable
from resumate.mail.smtp import SmtpMailer
from tests.mail.test_outbox import LINK, reset_mail
from tests.smtp import SENDER, USERNAME, SmtpServer


async def test_mail_goes_through_starttls_with_a_login(smtp: SmtpServer) -> None:
    await SmtpMailer(smtp.settings()).send(reset_mail())

    [mail] = smtp.mail_to("ada@example.com")
    assert (mail.subject, mail.sender, mail.link) == ("Reset your password", SENDER, LINK)
    assert smtp.logins == [USERNAME]


async def test_mail_goes_through_implicit_tls(smtp_tls: SmtpServer) -> None:
    await SmtpMailer(smtp_tls.settings()).send(reset_mail())

    assert [m.subject for m in smtp_tls.mail_to("ada@example.com")] == ["Reset your password"]
    assert smtp_tls.logins == [USERNAME]


async def test_a_wrong_password_is_a_clear_error(smtp: SmtpServer) -> None:
    with pytest.raises(MailUnavailable, match=rf"SMTP server 127.0.0.1:{smtp.port} did not take"):
        await SmtpMailer(smtp.settings(smtp_password="wrong")).send(reset_mail())
    assert smtp.received == []


async def test_a_certificate_nobody_vouches_for_is_refused(smtp: SmtpServer) -> None:
    # Without the test CA the server's certificate is untrusted: no mail, no password sent.
    with pytest.raises(MailUnavailable, match="certificate"):
        await SmtpMailer(smtp.settings(smtp_ca_file=None)).send(reset_mail())
    assert smtp.logins == []


async def test_the_server_refuses_a_login_without_tls(smtp: SmtpServer) -> None:
    with pytest.raises(MailUnavailable):
        await SmtpMailer(smtp.settings(smtp_security="none")).send(reset_mail())
    assert smtp.received == []


async def test_a_refused_connection_is_a_clear_error(tmp_path: Path) -> None:
    settings = MailSettings(
        backend="smtp", smtp_host="127.0.0.1", smtp_port=_closed_port(), timeout_seconds=2
    )
    with pytest.raises(MailUnavailable, match="did not take the mail") as error:
        await SmtpMailer(settings).send(reset_mail())
    assert error.value.status == 503


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
