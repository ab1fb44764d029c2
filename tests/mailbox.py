"""Reading the mail the app sent: from the outbox folder, or as an SMTP server received it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Any, cast

import httpx

from resumate.mail.deps import MAILER
from resumate.mail.outbox import OutboxMailer

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


def outbox_of(client: httpx.AsyncClient) -> Path:
    """The outbox folder of the app behind an ASGI test client."""
    app: Any = cast(httpx.ASGITransport, client._transport).app
    while not hasattr(app, "state"):  # wrapped, as the page client's recorder wraps it
        app = app.app
    mailer = MAILER.of(app)
    assert isinstance(mailer, OutboxMailer), "the test app sends its mail to the outbox"
    return mailer.folder


def take_mail(folder: Path, to: str) -> list[Received]:
    """The mail to `to`, oldest first, taken out of the outbox (which a whole session's tests
    share: taking what was read keeps it small)."""
    taken = []
    for path in sorted(folder.glob("*.eml")) if folder.is_dir() else []:
        raw = path.read_bytes()
        if to.lower().encode() not in raw.lower():
            continue
        mail = parse(raw)
        if mail.to.lower() == to.lower():
            taken.append(mail)
            path.unlink()
    return taken


def last_mail(folder: Path, to: str) -> Received:
    """The newest mail to `to`, taken out of the outbox with any older ones."""
    taken = take_mail(folder, to)
    assert taken, f"nothing was mailed to {to}"
    return taken[-1]


def link_token(mail: Received, path: str) -> str:
    """The token of the mail's link under `path` (`/verify-email/`)."""
    for link in _LINK.findall(mail.text):
        _, found, token = str(link).partition(path)
        if found:
            return token
    raise AssertionError(f"no {path} link in {mail.subject!r}:\n{mail.text}")
