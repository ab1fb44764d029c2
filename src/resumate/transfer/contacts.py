"""E-mail addresses and links in an imported file that are placeholders or cannot be followed.

The document model checks an e-mail loosely and a link not at all, as the standard's own
examples need. A file written from a template still says "your@email" or "N/A", and a resume
printed with it would send readers nowhere; import leaves such values out and says so.
"""

from __future__ import annotations

import re

# Text people leave in a field they have nothing for.
PLACEHOLDERS = frozenset(
    {"n/a", "na", "n.a.", "none", "null", "nil", "-", "--", "–", "—", "tbd", "todo", "xxx", "?",
     "...", "…", "url", "link", "website", "email", "e-mail", "your email", "your website",
     "http://", "https://", "www", "www.", "yourwebsite.com", "your-website.com", "example.com"}
)  # fmt: skip
PLACEHOLDER_MAILBOXES = frozenset(
    {"your", "you", "youremail", "your.email", "your_email", "your-email", "yourname", "your.name",
     "name", "email", "mail", "user", "username", "someone", "me", "firstname.lastname"}
)  # fmt: skip
RESERVED_DOMAINS = ("example.com", "example.org", "example.net", "email.com", "domain.com")
RESERVED_ENDINGS = (".example", ".test", ".invalid", ".localhost")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.IGNORECASE)


def tidied(address: str) -> str:
    """An address without the spaces around it or a link's "mailto:" in front."""
    text = address.strip()
    return text[len("mailto:") :].strip() if text.casefold().startswith("mailto:") else text


def email_problem(text: str) -> str | None:
    """What is wrong with an e-mail address as written, or None when it can be used."""
    address = text.strip()
    if address.casefold() in PLACEHOLDERS:
        return "a placeholder, not an e-mail address"
    mailbox, at, domain = address.casefold().rpartition("@")
    if not at or not mailbox or any(char.isspace() for char in address):
        return "not an e-mail address"
    if "." not in domain or domain.endswith(RESERVED_ENDINGS):
        return "a placeholder, not an e-mail address"
    if mailbox in PLACEHOLDER_MAILBOXES and domain in RESERVED_DOMAINS:
        return "a placeholder, not an e-mail address"
    return None


def url_problem(text: str) -> str | None:
    """What is wrong with a link as written, or None when it can be followed."""
    link = text.strip()
    if link.casefold() in PLACEHOLDERS:
        return "a placeholder, not a link"
    if link.startswith(("data:", "/")):
        return None  # a picture inlined, or a path on the same site
    rest = SCHEME.sub("", link)
    if not rest or any(char.isspace() for char in link) or "." not in rest.split("/")[0]:
        return "not a link"
    return None
