"""Every non-empty field of a resume, as an exported file must show it.

A field is a non-empty text leaf of the document. Not every field is shown as it is stored,
for the same reasons the printed page does not: these are the known exceptions.

- `meta`, `$schema` and `basics.image` are not printed (no format shows a photo or tool data);
- dates are shown as the page prints them, in the resume's language ("Mar 2021");
- a text's own marks (**bold**, *italic*, [links](...)) are shown as what they mark;
- whitespace runs are one space.
"""

from __future__ import annotations

import re
from typing import Any

from resumate.rendering.dates import month_year
from resumate.transfer.export.spans import clean, marked, words

UNPRINTED = ("meta", "$schema", "basics.image")


def fields(node: Any, path: str = "") -> dict[str, str]:
    """Every non-empty text of a document by its path."""
    if isinstance(node, dict):
        return {
            found: value
            for key, child in node.items()
            for found, value in fields(child, f"{path}.{key}" if path else key).items()
        }
    if isinstance(node, list):
        return {
            found: value
            for index, child in enumerate(node)
            for found, value in fields(child, f"{path}[{index}]").items()
        }
    if isinstance(node, str) and node.strip() and not path.startswith(UNPRINTED):
        return {path: node}
    return {}


def shown(path: str, value: str, language: str = "en") -> list[str]:
    """The ways a file may show a field: as stored (whitespace made one space), or as printed."""
    if path.endswith(("Date", ".date")):
        return [month_year(value, language)]
    as_stored = " ".join(clean(value).split())
    return [as_stored, " ".join(words(marked(value)).split())]


def missing(data: dict[str, Any], text: str, language: str = "en") -> dict[str, str]:
    """The fields a file's text does not show."""
    written = " ".join(text.split())
    return {
        path: value
        for path, value in fields(data).items()
        if not any(form in written for form in shown(path, value, language))
    }


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
