"""What the assistant is shown of a reading: its sections with every contact detail replaced by
a marker ("[private 3]"), which it may move with the text around it but cannot read.

Hidden: the whole of the basics but its headline and summary (name, e-mail, phone, links,
address, profiles), every entry's link, e-mail and phone, references (other people), and, in any
text, the person's own contact details, any e-mail address, phone number or web address. The
markers are put back in the answer (`show`); a marker the assistant made up stays as it wrote it,
and so fails the check against the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from resumate.ai.fields import all_text
from resumate.tidy.answer import BASICS_KEYS, SECTIONS, keys_of
from resumate.transfer.dates import read_date
from resumate.transfer.reading.contact import EMAIL, LINK, PHONE

MARKER = re.compile(r"\[private \d{1,4}\]")
# Keys whose value reaches the person, in any entry.
HIDDEN_KEYS = frozenset({"url", "email", "phone", "image"})
# A range of years is no phone number, nor is a written date.
YEARS = re.compile(r"(?:1[89]|20)\d{2}\s*[-–—]\s*(?:1[89]|20)\d{2}")
PHONE_DIGITS = 7
# Shorter details are not looked for in the text: "NY" would hide every "NY".
SHORTEST = 3


class Private:
    """The markers of one reading: each detail, wherever it is, gets the same one."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._markers: dict[str, str] = {}
        self._details: dict[str, str] = {}
        own = sorted({text for text in _contact(document) if len(text) >= SHORTEST}, key=len)
        words = "|".join(re.escape(text) for text in reversed(own))  # the longest first
        self._own = re.compile(rf"(?<!\w)(?:{words})(?!\w)") if words else None

    def view(self, document: dict[str, Any]) -> dict[str, Any]:
        """The reading as the assistant may see it: its sections, their details hidden."""
        shown: dict[str, Any] = {}
        basics = document.get("basics")
        if isinstance(basics, dict):
            kept = {key: self.hide(basics[key]) for key in BASICS_KEYS if key in basics}
            if kept:
                shown["basics"] = kept
        for section, model in SECTIONS.items():
            entries = document.get(section)
            if isinstance(entries, list) and entries:
                keys = keys_of(model)
                shown[section] = [self._entry(entry, keys) for entry in entries]
        return shown

    def _entry(self, entry: Any, keys: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(entry, dict):
            return {}
        shown: dict[str, Any] = {}
        for key in keys:
            value = entry.get(key)
            if isinstance(value, str) and key in HIDDEN_KEYS:
                shown[key] = self._marker(value)
            elif isinstance(value, str):
                shown[key] = self.hide(value)
            elif isinstance(value, list):
                shown[key] = [self.hide(item) for item in value if isinstance(item, str)]
        return shown

    def hide(self, text: Any) -> Any:
        """The text with every contact detail in it replaced by its marker."""
        if not isinstance(text, str):
            return text
        if self._own is not None:
            text = self._own.sub(lambda found: self._marker(found.group(0)), text)
        text = EMAIL.sub(lambda found: self._marker(found.group(0)), text)
        text = LINK.sub(self._link, text)
        return PHONE.sub(self._phone, text)

    def show(self, value: Any) -> Any:
        """The answer with each marker put back as the detail it stands for."""
        if isinstance(value, str):
            return MARKER.sub(lambda found: self._details.get(found[0], found[0]), value)
        if isinstance(value, list):
            return [self.show(item) for item in value]
        if isinstance(value, dict):
            return {key: self.show(item) for key, item in value.items()}
        return value

    def _marker(self, detail: str) -> str:
        if MARKER.fullmatch(detail):
            return detail
        if detail not in self._markers:
            marker = f"[private {len(self._markers) + 1}]"
            self._markers[detail] = marker
            self._details[marker] = detail
        return self._markers[detail]

    def _link(self, found: re.Match[str]) -> str:
        # A web address, not a name with a dot in it: "Node.js" and "ASP.NET" stay.
        text = found.group(0)
        address = "://" in text or text.casefold().startswith("www.") or "/" in text
        return self._marker(text) if address else text

    def _phone(self, found: re.Match[str]) -> str:
        text = found.group(0)
        digits = sum(char.isdigit() for char in text)
        number = digits >= PHONE_DIGITS and not YEARS.fullmatch(text.strip())
        return self._marker(text) if number and read_date(text.strip()) is None else text


def _contact(document: dict[str, Any]) -> Iterator[str]:
    """The person's own details in the basics: all but the headline, summary and networks."""
    basics = document.get("basics")
    if not isinstance(basics, dict):
        return
    for key, value in basics.items():
        if key == "profiles" and isinstance(value, list):
            for profile in value:
                if isinstance(profile, dict):
                    yield from all_text({k: v for k, v in profile.items() if k != "network"})
        elif key not in BASICS_KEYS:
            yield from all_text(value)
