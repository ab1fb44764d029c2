"""A line put together run by run, each run in its style, as the Word and text readers build it.

Both readers meet the same chores once they have a line's runs: collapse the spaces, turn a tab
into `CELL`, take a typed bullet glyph off, merge runs of one style into spans, decide whether the
whole line is bold, and find the addresses written in it. They are done here, once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from resumate.transfer.reading.lines import CELL, Line, Span, is_upper

# Glyphs people type (or paste from Word) in front of a list item.
BULLETS = frozenset("•‣◦▪▫●○■□►▸▹➢➤✓✔·∙-*–—+")
# Characters that take up no room and would only split words.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
_URL = r"(?:https?://|www\.)[^\s<>\"']+"
# A domain followed by a path, written without a scheme: "linkedin.com/in/jane".
_DOMAIN_PATH = r"(?<![\w@.-])(?:[\w-]+\.)+[a-z]{2,}/[^\s<>\"']*"
_ADDRESS = re.compile(rf"(?P<email>{_EMAIL})|(?P<url>{_URL}|{_DOMAIN_PATH})")
_TRAILING = ".,;:!?)]}'\"»”’"


def find_links(text: str) -> list[str]:
    """The web addresses and e-mail addresses written in a text, e-mails as `mailto:` links."""
    found = []
    for match in _ADDRESS.finditer(text):
        if match["email"]:
            found.append(f"mailto:{match['email']}")
        elif address := match["url"].rstrip(_TRAILING):
            found.append(address)
    return found


def _link_key(link: str) -> str:
    key = link.lower().removeprefix("mailto:")
    key = re.sub(r"^[a-z]+://", "", key).removeprefix("www.")
    return key.rstrip("/")


def unique_links(links: Iterable[str]) -> tuple[str, ...]:
    """The links in order, each once: `https://www.x.org/a/` and `x.org/a` are one."""
    seen: dict[str, str] = {}
    for link in links:
        if link and _link_key(link) not in seen:
            seen[_link_key(link)] = link
    return tuple(seen.values())


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans with neighbours of one style made one."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic) == (span.bold, span.italic):
            merged[-1] = Span(last.text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return tuple(merged)


class Runs:
    """The text of one line as it is read, each character with its style."""

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._styles: list[tuple[bool, bool, float]] = []
        self.links: list[str] = []

    def add(self, text: str, *, bold: bool = False, italic: bool = False, size: float = 0) -> None:
        """Add a run of text in one style; a tab in it stands for `CELL`."""
        for char in text:
            if char not in INVISIBLE and (char.isspace() or unicodedata.category(char) != "Cc"):
                self._chars.append(char)
                self._styles.append((bold, italic, size))

    def line(self) -> Line | None:
        """The line these runs make, or None when they hold no text."""
        chars, styles = self._collapsed()
        bullet = len(chars) > 1 and chars[0] in BULLETS and chars[1] in (" ", CELL)
        if bullet:
            chars, styles = chars[2:], styles[2:]
        text = "".join(chars)
        if not text:
            return None
        marked = [style for char, style in zip(chars, styles, strict=True) if not char.isspace()]
        sizes = Counter(size for _, _, size in marked if size)
        spans = merge_spans(
            Span(char, bold, italic) for char, (bold, italic, _) in zip(chars, styles, strict=True)
        )
        return Line(
            text=text,
            size=sizes.most_common(1)[0][0] if sizes else 0.0,
            bold=bool(marked) and all(bold for bold, _, _ in marked),
            italic=bool(marked) and all(italic for _, italic, _ in marked),
            upper=is_upper(text),
            bullet=bullet,
            spans=spans,
            links=unique_links([*self.links, *find_links(text)]),
        )

    def _collapsed(self) -> tuple[list[str], list[tuple[bool, bool, float]]]:
        """Runs of white space made one space, or one `CELL` when a tab is among them."""
        chars: list[str] = []
        styles: list[tuple[bool, bool, float]] = []
        pending = ""
        for char, style in zip(self._chars, self._styles, strict=True):
            if char == CELL or char.isspace():
                pending = CELL if CELL in (char, pending) else " "
                continue
            if pending and chars:
                # White space takes the style of the text before it, so spans do not break on it.
                chars.append(pending)
                styles.append(styles[-1])
            pending = ""
            chars.append(char)
            styles.append(style)
        return chars, styles


def join(lines: Sequence[Line]) -> Line:
    """Lines that stand side by side (a table row's cells) made one line, cells apart."""
    first = lines[0]
    if len(lines) == 1:
        return first
    text = CELL.join(line.text for line in lines)
    spans: list[Span] = []
    for index, line in enumerate(lines):
        if index:
            spans.append(Span(CELL, spans[-1].bold, spans[-1].italic) if spans else Span(CELL))
        spans.extend(line.spans or (Span(line.text, line.bold, line.italic),))
    return replace(
        first,
        text=text,
        size=max(line.size for line in lines),
        bold=all(line.bold for line in lines),
        italic=all(line.italic for line in lines),
        upper=is_upper(text),
        heading=any(line.heading for line in lines),
        spans=merge_spans(spans),
        links=unique_links(link for line in lines for link in line.links),
    )
