"""What a mail is and what sends it.

    Mailer (Protocol)   send · close
    ├── OutboxMailer    .eml files in the data directory, link logged (outbox.py)
    └── SmtpMailer      an SMTP server over STARTTLS or TLS (smtp.py)

Sending is slow and may fail: it runs outside any database session, after the request's
answer is decided (`Postbox.post`, postbox.py), so neither its time nor its failure tells the
client anything. A failure raises MailUnavailable (503); `deliver` logs it and carries on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Protocol

from resumate.errors import ServiceUnavailable

log = logging.getLogger("resumate.mail")


class MailUnavailable(ServiceUnavailable):
    default_message = "Mail could not be sent right now. Try again shortly."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, retry_after=30)


@dataclass(frozen=True)
class Mail:
    """One message to one person; `link` is the one action it asks them to take, if any."""

    to: str
    subject: str
    text: str
    html: str | None = None
    link: str | None = None

    def __post_init__(self) -> None:
        if "@" not in parseaddr(self.to)[1] or any(c in self.to for c in "\r\n"):
            raise ValueError(f"not a mail address: {self.to!r}")
        if any(c in self.subject for c in "\r\n"):
            raise ValueError("a subject is one line")

    def message(self, sender: str) -> EmailMessage:
        """The message as it travels: plain text, with the HTML as its alternative."""
        message = EmailMessage()
        message["From"] = sender
        message["To"] = self.to
        message["Subject"] = self.subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2])
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(self.text)
        if self.html is not None:
            message.add_alternative(self.html, subtype="html")
        return message


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None:
        """Hand the mail on for delivery; MailUnavailable when that fails."""
        ...

    async def close(self) -> None: ...


async def deliver(mailer: Mailer, mail: Mail) -> bool:
    """Send, and on failure log it and carry on: the request's work is already saved, and the
    person can ask again (a new reset link, say). True when the mail went."""
    try:
        await mailer.send(mail)
    except MailUnavailable as exc:
        log.warning("mail %r to %s was not sent: %s", mail.subject, _domain(mail.to), exc)
        return False
    return True


def _domain(address: str) -> str:
    # The log names where mail was headed, not whose address it was.
    return "…@" + parseaddr(address)[1].rpartition("@")[2]
