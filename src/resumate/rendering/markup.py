"""Safe inline formatting in resume text: **bold**, *italic* and [links](https://...).

The text is escaped first, then only these three forms become tags, so nothing a user types can
open any other element or attribute. Links keep only http, https and mailto targets.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _emphasis(text: str) -> str:
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _ITALIC.sub(r"<em>\1</em>", text)


def _link(label: str, target: str) -> str:
    # `target` is already escaped; judge the scheme on what a reader would really follow.
    real = html.unescape(target).strip()
    if not real.lower().startswith(SAFE_SCHEMES):
        return label
    return f'<a href="{target}">{label}</a>'


def inline(value: object) -> Markup:
    """Escape `value` and turn its inline formatting into HTML."""
    if value is None:
        return Markup("")
    text = str(escape(str(value)))
    parts, position = [], 0
    # Links are cut out first so that emphasis never rewrites an address.
    for match in _LINK.finditer(text):
        parts.append(_emphasis(text[position : match.start()]))
        parts.append(_link(_emphasis(match.group(1)), match.group(2)))
        position = match.end()
    parts.append(_emphasis(text[position:]))
    return Markup("".join(parts))  # noqa: S704 - built only from escaped text and fixed tags
