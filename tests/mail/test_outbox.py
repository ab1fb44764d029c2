from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

import pytest

from resumate.mail import Mail, MailUnavailable, OutboxMailer, deliver
from tests.mailbox import read_outbox

SENDER = "Resumate <no-reply@resumate.test>"
LINK = "http://127.0.0.1:8000/reset/abc123"


def reset_mail(to: str = "ada@example.com") -> Mail:
    return Mail(
        to=to,
        subject="Reset your password",
        text=f"Follow this link to choose a new password:\n\n{LINK}\n",
        html=f'<p><a href="{LINK}">Choose a new password</a></p>',
        link=LINK,
    )


async def test_a_sent_mail_is_a_parsable_message_in_the_outbox(tmp_path: Path) -> None:
    await OutboxMailer(tmp_path / "outbox", SENDER).send(reset_mail())

    [mail] = read_outbox(tmp_path / "outbox", "ada@example.com")
    assert mail.subject == "Reset your password"
    assert mail.sender == SENDER
    assert mail.link == LINK
    assert mail.html is not None
    assert f'href="{LINK}"' in mail.html
    assert mail.message["Message-ID"].endswith("@resumate.test>")


async def test_each_mail_is_logged_as_one_line_with_its_link(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="resumate.mail")
    await OutboxMailer(tmp_path, SENDER).send(reset_mail())

    [record] = caplog.records
    assert record.getMessage() == f"mail to ada@example.com: Reset your password → {LINK}"


async def test_mails_read_oldest_first_and_no_half_written_file_is_left(tmp_path: Path) -> None:
    mailer = OutboxMailer(tmp_path, SENDER)
    for subject in ("first", "second", "third"):
        await mailer.send(Mail(to="ada@example.com", subject=subject, text="hello"))
    await mailer.send(Mail(to="bob@example.com", subject="other", text="hello"))

    assert [m.subject for m in read_outbox(tmp_path, "ada@example.com")] == [
        "first",
        "second",
        "third",
    ]
    names = await asyncio.to_thread(os.listdir, tmp_path)
    assert [name.rpartition(".")[2] for name in names] == ["eml"] * 4


async def test_an_unwritable_outbox_is_a_clear_error(tmp_path: Path) -> None:
    blocked = tmp_path / "outbox"
    blocked.write_text("a file where the folder should be")

    with pytest.raises(MailUnavailable, match=r"outbox .* is not writable"):
        await OutboxMailer(blocked, SENDER).send(reset_mail())


async def test_deliver_logs_a_failure_without_the_address_and_carries_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "outbox"
    blocked.write_text("not a folder")

    assert not await deliver(OutboxMailer(blocked, SENDER), reset_mail())
    assert "ada@" not in caplog.text
    assert "…@example.com" in caplog.text


@pytest.mark.parametrize(
    ("to", "subject"),
    [
        ("not-an-address", "Hi"),
        ("ada@example.com\r\nBcc: eve@example.com", "Hi"),
        ("ada@example.com", "Hi\r\nBcc: eve@example.com"),
    ],
)
def test_a_mail_refuses_header_injection_and_bad_addresses(to: str, subject: str) -> None:
    with pytest.raises(ValueError, match=r"not a mail address|one line"):
        Mail(to=to, subject=subject, text="hello")
