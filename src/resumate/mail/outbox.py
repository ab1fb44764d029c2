"""The embedded mailer: each message an `.eml` file in a folder, its link logged for a click."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from pathlib import Path

from resumate.atomic import write_atomically
from resumate.mail.base import Mail, MailUnavailable

log = logging.getLogger("resumate.mail")


class OutboxMailer:
    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    async def close(self) -> None:
        """Nothing to let go of: each message is a file written and closed."""

    async def send(self, mail: Mail) -> None:
        data = mail.message(self.sender).as_bytes()
        # Named by time first, so a listing reads oldest to newest.
        name = f"{time.time_ns():020d}-{secrets.token_hex(4)}.eml"
        try:
            await asyncio.to_thread(write_atomically, self.folder / name, data)
        except OSError as exc:
            raise MailUnavailable(f"the outbox {self.folder} is not writable") from exc
        action = f" → {mail.link}" if mail.link else ""
        log.info("mail to %s: %s%s", mail.to, mail.subject, action)
