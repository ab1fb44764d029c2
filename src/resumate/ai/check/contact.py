"""The coach's rule for the header: a name, an e-mail address, a phone or place, a headline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from resumate.ai.check.finding import Finding


def contact_findings(data: dict[str, Any]) -> Iterator[Finding]:
    basics = data.get("basics")
    basics = basics if isinstance(basics, dict) else {}
    if not _said(basics.get("name")):
        yield Finding("basics.name", "contact_missing", "No name: put your full name at the top")
    if not _said(basics.get("email")):
        message = "No e-mail address: give employers a way to reply"
        yield Finding("basics.email", "contact_missing", message)
    location = basics.get("location")
    placed = isinstance(location, dict) and any(_said(value) for value in location.values())
    if not _said(basics.get("phone")) and not placed:
        message = "No phone number or location: add at least one"
        yield Finding("basics.phone", "contact_missing", message)
    if not _said(basics.get("label")):
        message = 'No headline: add the role you are, such as "Registered Nurse"'
        yield Finding("basics.label", "contact_missing", message)


def _said(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
