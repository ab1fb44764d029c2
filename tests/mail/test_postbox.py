from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from resumate.mail import Mail, OutboxMailer, Postbox
from tests.mail.test_outbox import SENDER, reset_mail
from tests.mailbox import read_outbox


async def test_posting_returns_at_once_and_the_mail_goes_afterwards(tmp_path: Path) -> None:
    postbox = Postbox(OutboxMailer(tmp_path, SENDER))
    go = asyncio.Event()

    async def prepare() -> Mail:
        await go.wait()
        return reset_mail()

    postbox.post(prepare)
    await asyncio.sleep(0.01)
    assert read_outbox(tmp_path, "ada@example.com") == []

    go.set()
    await postbox.drain()
    assert [m.subject for m in read_outbox(tmp_path, "ada@example.com")] == ["Reset your password"]


async def test_a_job_with_nothing_to_send_sends_nothing(tmp_path: Path) -> None:
    postbox = Postbox(OutboxMailer(tmp_path, SENDER))

    async def nobody() -> Mail | None:
        return None

    postbox.post(nobody)
    postbox.post(Mail(to="bob@example.com", subject="Hello", text="Hi"))
    await postbox.close()
    assert len(read_outbox(tmp_path, "bob@example.com")) == 1
    assert read_outbox(tmp_path, "ada@example.com") == []


async def test_a_failing_job_is_logged_and_the_others_still_go(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="resumate.mail")
    postbox = Postbox(OutboxMailer(tmp_path, SENDER))

    async def broken() -> Mail:
        raise RuntimeError("the database went away")

    postbox.post(broken)
    postbox.post(reset_mail())
    await postbox.drain()

    assert "preparing a mail failed" in caplog.text
    assert len(read_outbox(tmp_path, "ada@example.com")) == 1


async def test_a_failing_send_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "outbox"
    blocked.write_text("not a folder")
    postbox = Postbox(OutboxMailer(blocked, SENDER))

    postbox.post(reset_mail())
    await postbox.drain()

    assert "was not sent" in caplog.text
