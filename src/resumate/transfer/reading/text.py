"""Plain text and Markdown, pasted in a box or uploaded as .txt or .md, read into lines.

A text has no type sizes, so the sizes given here are relative: body text is 1.0, a Markdown
heading of level 1 is 2.0, of level 2 is 1.5 and deeper ones 1.2 (setext headings likewise: `===`
under a line is level 1, `---` level 2). Headings written in plain text ("EXPERIENCE" alone on a
line) are not guessed here; the field extractor finds them from `upper`, `gap` and the words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.lines import CELL, Line, Source
from resumate.transfer.reading.runs import Runs

MAX_CHARS = 200_000
# Past this length a line's Markdown emphasis is not looked for (its search is quadratic).
MAX_MARKED_LINE = 5_000
# Beyond this share of control characters a "text" is a binary file.
MAX_CONTROL_SHARE = 0.1
BODY_SIZE = 1.0
HEADING_SIZES = {1: 2.0, 2: 1.5}
DEEP_HEADING_SIZE = 1.2

NOT_TEXT = "This is not a text file."

_ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(=+|-{2,})[ \t]*$")
_RULE = re.compile(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^(?:[-*+•‣◦▪●]|\d{1,3}[.)])[ \t]+(?=\S)")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_FENCE = re.compile(r"^(```|~~~)")
_TABLE_SEPARATOR = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_PIPE = re.compile(r"(?<!\\)\|")
# Aligned columns: a tab, three spaces or more, or two that do not just follow a sentence's end.
_ALIGNMENT = re.compile(r"[ \t]*\t[ \t]*| {3,}|(?<![.!?:;,]) {2}")
_INLINE = re.compile(
    r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>~])"
    r"|!\[(?P<alt>[^\]]*)\]\([^)]*\)"
    r"|\[(?P<label>[^\]]+)\]\(\s*<?(?P<href>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
    r"|<(?P<auto>(?:https?|mailto):[^>\s]+|[\w.+-]+@[\w.-]+)>"
    r"|`(?P<code>[^`]+)`"
    r"|(?P<bare>https?://[^\s<>]+)"
    r"|\*\*(?P<strong>(?=\S).+?(?<=\S))\*\*"
    r"|(?<!\w)__(?P<strong2>(?=\S).+?(?<=\S))__(?!\w)"
    r"|\*(?P<em>(?=[^\s*]).*?(?<=[^\s*]))\*"
    r"|(?<!\w)_(?P<em2>(?=\S).+?(?<=\S))_(?!\w)"
)
_KINDS = ("escaped", "alt", "label", "auto", "code", "bare", "strong", "strong2", "em", "em2")
_MAX_NESTING = 4


def read_text(data: bytes | str) -> Source:
    """The lines of a plain or Markdown text, with the cues its markup gives."""
    text = _decoded(data) if isinstance(data, bytes) else data
    if len(text) > MAX_CHARS:
        raise Unreadable(f"This text is too long to be a résumé (over {MAX_CHARS:,} characters).")
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise Unreadable(NOT_TEXT)
    return Source(kind="text", lines=_Reader().read(text))


def _decoded(data: bytes) -> str:
    if len(data) > 4 * MAX_CHARS:
        raise Unreadable(f"This text is too long to be a résumé (over {MAX_CHARS:,} characters).")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows Notepad's "Unicode": UTF-16 with its byte order mark.
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise Unreadable(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _control_share(text: str) -> float:
    control = sum(
        1 for char in text if char not in "\t\n\r\f\v" and unicodedata.category(char) == "Cc"
    )
    return control / len(text) if text else 0.0


class _Reader:
    """Goes through a text line by line, keeping what the lines before it said."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.gap = False
        # Whether the last line kept came from the raw line just before (a setext underline's text).
        self.follows = False
        self.fenced = False

    def read(self, text: str) -> list[Line]:
        for raw in text.splitlines():
            self._take(raw.strip())
        return self.lines

    def _take(self, raw: str) -> None:
        if _FENCE.match(raw):
            self.fenced = not self.fenced
            self._blank()
        elif not raw:
            self._blank()
        elif self.fenced:
            self._keep(_inline(raw, marked=False))
        elif (underline := _SETEXT.match(raw)) and self._underlines():
            level = 1 if underline[1].startswith("=") else 2
            self.lines[-1] = replace(self.lines[-1], heading=True, size=_heading_size(level))
            self.follows = False
        elif _RULE.match(raw) or _SETEXT.match(raw):
            self._blank()
        elif "|" in raw and _TABLE_SEPARATOR.match(raw):
            self.follows = False
        else:
            self._keep(_line(_QUOTE.sub("", raw).strip()))

    def _underlines(self) -> bool:
        last = self.lines[-1] if self.lines else None
        return bool(
            self.follows and last and not (last.bullet or last.heading or CELL in last.text)
        )

    def _blank(self) -> None:
        self.gap = bool(self.lines)
        self.follows = False

    def _keep(self, line: Line | None) -> None:
        if line is None:
            self.follows = False
            return
        self.lines.append(replace(line, gap=1.0 if self.gap else 0.0))
        self.gap = False
        self.follows = True


def _line(raw: str) -> Line | None:
    """A line that is not a rule, an underline or a fence: a heading, a table row or text."""
    if heading := _ATX.match(raw):
        line = _inline(heading[2] or "")
        return replace(line, heading=True, size=_heading_size(len(heading[1]))) if line else None
    if raw.startswith("|"):
        cells = [cell.strip() for cell in _PIPE.split(raw.strip("|"))]
        return _inline(CELL.join(cell for cell in cells if cell))
    item = _ITEM.match(raw)
    line = _inline(raw[item.end() :] if item else raw)
    return replace(line, bullet=True) if line and item else line


def _heading_size(level: int) -> float:
    return HEADING_SIZES.get(level, DEEP_HEADING_SIZE)


def _inline(text: str, *, marked: bool = True) -> Line | None:
    """One line of Markdown: its emphasis as spans, its links' addresses as links."""
    runs = Runs()
    text = _ALIGNMENT.sub(CELL, text)
    if marked and len(text) <= MAX_MARKED_LINE:
        _add_marked(runs, text, bold=False, italic=False, depth=0)
    else:
        runs.add(text)
    line = runs.line()
    return replace(line, size=BODY_SIZE) if line else None


def _add_marked(runs: Runs, text: str, *, bold: bool, italic: bool, depth: int) -> None:
    if depth > _MAX_NESTING:
        runs.add(text, bold=bold, italic=italic)
        return
    position = 0
    for match in _INLINE.finditer(text):
        runs.add(text[position : match.start()], bold=bold, italic=italic)
        position = match.end()
        group = next(name for name in _KINDS if match[name] is not None)
        inner = match[group]
        if group in ("escaped", "code", "auto", "bare"):
            runs.add(inner, bold=bold, italic=italic)
            if group == "auto":
                runs.links.append(inner if ":" in inner else f"mailto:{inner}")
        elif group == "label":
            runs.links.append(match["href"])
            _add_marked(runs, inner, bold=bold, italic=italic, depth=depth + 1)
        elif group in ("strong", "strong2"):
            _add_marked(runs, inner, bold=True, italic=italic, depth=depth + 1)
        elif group in ("em", "em2"):
            _add_marked(runs, inner, bold=bold, italic=True, depth=depth + 1)
    runs.add(text[position:], bold=bold, italic=italic)
