"""Safe inline formatting in resume text: **bold**, *italic*, [links](https://...), line breaks.

The text is escaped first, then only these forms become tags, so nothing a user types can open
any other element or attribute. Links keep only http, https and mailto targets. A blank line
starts a new paragraph (`paragraphs`), a single newline is a line break.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# Where an address may wrap: after a slash, dot, "@" or query sign (and never after a hyphen).
_ADDRESS_BREAK = re.compile(r"(?<=[/.@?&=])(?=[^/.@?&=])")
_ENTITY = r"&[a-z0-9#]+;"
_HYPHEN = re.compile(rf"(-+)({_ENTITY}|[^-])", re.DOTALL)
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
    # Markup (a macro's output) is escaped already; anything else is escaped here.
    text = str(escape(value))
    parts, position = [], 0
    # Links are cut out first so that emphasis never rewrites an address.
    for match in _LINK.finditer(text):
        parts.append(_emphasis(text[position : match.start()]))
        parts.append(_link(_emphasis(match.group(1)), match.group(2)))
        position = match.end()
    parts.append(_emphasis(text[position:]))
    joined = "".join(parts).replace("\r\n", "\n").strip("\n")
    return Markup(joined.replace("\n", "<br>"))  # noqa: S704 - escaped text and fixed tags


def paragraphs(value: object) -> list[str]:
    """The paragraphs of a text, split at blank lines, so each can be its own `<p>`."""
    if value is None:
        return []
    text = str(value).replace("\r\n", "\n")
    return [part for part in _BLANK_LINE.split(text) if part.strip()]


def breakable(value: object) -> Markup:
    """An address or e-mail with wrap points after "/", ".", "@": text extraction keeps it whole.

    The address is one box (`.address`, an inline block no wider than its line): it moves to
    the next line whole when it fits there, and wraps at those points only when longer than a
    line. A line never ends at one of its hyphens: parsers take a line-final hyphen for
    hyphenation and drop it. Each hyphen is kept with the character after it (`.keep`); an
    address part longer than a line still wraps anywhere else (`overflow-wrap: anywhere`).
    """
    text = str(escape(str(value or "")))
    text = _HYPHEN.sub(r'<span class="keep">\1\2</span>', text)
    # Entities stay whole: no wrap point goes inside "&amp;" and the like.
    pieces = re.split(rf"({_ENTITY}|<[^>]*>)", text)
    wrapped = [p if p.startswith(("&", "<")) else _ADDRESS_BREAK.sub("<wbr>", p) for p in pieces]
    address = "".join(wrapped)
    return Markup(f'<span class="address">{address}</span>')  # noqa: S704 - escaped, fixed tags
