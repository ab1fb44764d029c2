"""Reading the mail the app sent: from the outbox folder, or as an SMTP server received it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

_LINK = re.compile(r"https?://[^\s<>\"]+")


@dataclass(frozen=True)
class Received:
    to: str
    sender: str
    subject: str
    text: str
    html: str | None
    message: EmailMessage

    @property
    def link(self) -> str:
        """The one link the mail asks its reader to follow."""
        links = _LINK.findall(self.text)
        assert len(set(links)) == 1, f"expected one link in the mail, found {links}"
        return str(links[0])


def parse(raw: bytes) -> Received:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None, "every mail has a plain-text body"
    return Received(
        to=parseaddr(str(message["To"]))[1],
        sender=str(message["From"]),
        subject=str(message["Subject"]),
        text=text.get_content(),
        html=html.get_content() if html is not None else None,
        message=message,
    )


def read_outbox(folder: Path, to: str) -> list[Received]:
    """The mail to `to` in the outbox, oldest first."""
    if not folder.is_dir():
        return []
    mails = (parse(path.read_bytes()) for path in sorted(folder.glob("*.eml")))
    return [mail for mail in mails if mail.to.lower() == to.lower()]
