"""A PDF page's content streams read into operands and operators, for pdfminer's interpreter.

pdfminer's own content parser reads a stream a byte state at a time, and on a browser's PDF,
which draws each glyph with an operator of its own, that is nearly half the time of reading it.
`objects` reads the same streams with one regular expression and yields exactly what pdfminer's
`PDFContentParser.nextobject` would, quirks included (a lone sign is no number, a name's `#`
escapes, a string's escapes as pdfminer reads them). Where it meets anything else — an inline
image, a token cut by the end of a stream, a dictionary of an odd length — it hands the page to
pdfminer's parser, which skips what was already yielded and reads on: what is read stays
pdfminer's. `Interpreter` is pdfminer's page interpreter reading through it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import KWD, LIT, PSKeyword, literal_name

_TOKEN = re.compile(
    rb"(?:[\s\x00]|%[^\r\n]*)*"  # blanks and comments before the token
    rb"(?:(?P<number>[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
    rb"|(?P<nothing>[-+]\.?|\.)"  # pdfminer reads no number from a lone sign or point
    rb"|(?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|/(?P<name>(?:[^#/%\[\]()<>{}\s]|#[0-9A-Fa-f]{0,2})*)"
    rb"|(?P<open><<)|(?P<close>>>)"
    rb"|<(?P<hex>[0-9A-Fa-f\s]*)>(?!>)"
    rb"|\((?P<plain>[^()\\]*)\)"
    rb"|(?P<string>\()"
    rb"|(?P<other>[<>])"
    rb"|(?P<single>.)"  # any other byte is an operator of its own: ' " [ ] { } and the rest
    rb"|(?P<end>\Z))",
    re.DOTALL,
)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{0,2})")
_STRING_STOP = re.compile(rb"[()\\]")
_OCTAL = b"01234567"
_ESCAPES = dict(zip(b"btnfr()\\", b"\b\t\n\f\r()\\", strict=True))
_BUFFER = 4096  # pdfminer reads a stream in pieces of this size; one escape sees no further
_INLINE_IMAGE = frozenset({b"BI", b"ID"})
_TRUE, _FALSE = b"true", b"false"
_KINDS = {b"[": "a", b"<<": "d", b"{": "p"}
_ENDS = {b"]": "a", b">>": "d", b"}": "p"}
_PDFMINER = logging.getLogger("pdfminer.pdfinterp")


class _Unsupported(Exception):
    """A construct `objects` leaves to pdfminer's parser."""


def objects(streams: Sequence[PDFStream]) -> Iterator[Any]:
    """The page's operands and operators in order, as pdfminer's content parser yields them."""
    done = 0
    try:
        for found in _read(streams):
            yield found
            done += 1
    except _Unsupported:
        yield from _pdfminer(streams, done)


def _pdfminer(streams: Sequence[PDFStream], skip: int) -> Iterator[Any]:
    try:
        parser = PDFContentParser(streams)
        while True:
            found = parser.nextobject()[1]
            if skip:
                skip -= 1
            else:
                yield found
    except PSEOF:
        return


def _read(streams: Sequence[PDFStream]) -> Iterator[Any]:
    # Open arrays, dictionaries and procedures: the kind of each and what it holds so far.
    context: list[tuple[str, list[Any]]] = []
    current: list[Any] = []
    kind = ""
    for stream in streams:
        data = stream_value(stream).get_data()
        end = len(data)
        position = 0
        while True:
            match = _TOKEN.match(data, position)
            assert match is not None  # the last alternatives take any byte, or the end
            assert match.lastgroup is not None
            group, token = match.lastgroup, match.group(match.lastgroup)
            position = match.end()
            if group == "number":
                try:
                    value: Any = float(token) if b"." in token else int(token)
                except ValueError:  # more digits than Python converts: pdfminer drops it too
                    continue
            elif group == "keyword":
                if token in _INLINE_IMAGE:
                    raise _Unsupported
                value = True if token == _TRUE else False if token == _FALSE else KWD(token)
            elif group == "hex":
                value = _hex(token)
            elif group == "name":
                value = _name(token, position == end)
            elif group == "plain":
                value = token
            elif group == "string":
                value, position = _string(data, position)
            elif group == "nothing":
                continue
            elif group == "end":
                break
            elif group == "other":
                raise _Unsupported
            elif token in _KINDS:  # brackets, or an operator of one character
                context.append((kind, current))
                kind, current = _KINDS[token], []
                continue
            elif token in _ENDS:
                if _ENDS[token] != kind:
                    continue  # closes what is not open: pdfminer lets it pass
                value = _dictionary(current) if kind == "d" else current
                kind, current = context.pop()
            else:
                value = KWD(token)
            if context:
                current.append(value)
            else:
                yield value


def _hex(digits: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", digits)
    if len(digits) % 2:  # pdfminer reads a last odd digit as a byte of its own
        return bytes.fromhex(digits[:-1].decode()) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode())


def _name(raw: bytes, at_end: bool) -> Any:
    if at_end and (not raw or b"#" in raw):
        raise _Unsupported  # pdfminer carries such a name on into the next stream
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda m: bytes((int(m[1], 16),)) if m[1] else b"", raw)
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


def _string(data: bytes, position: int) -> tuple[bytes, int]:
    """A string with escapes or nested parentheses, read as pdfminer reads it, and its end."""
    out = bytearray()
    depth = 1
    end = len(data)
    while True:
        stop = _STRING_STOP.search(data, position)
        if stop is None:
            raise _Unsupported  # not closed in this stream
        out += data[position : stop.start()]
        position = stop.end()
        char = data[stop.start()]
        if char == 0x28:  # (
            depth += 1
            out.append(char)
        elif char == 0x29:  # )
            depth -= 1
            if not depth:
                return bytes(out), position
            out.append(char)
        else:
            position = _escape(data, position, end, out)


def _escape(data: bytes, position: int, end: int, out: bytearray) -> int:
    """The escape after a backslash, read into `out`; where reading goes on."""
    if position >= end:
        raise _Unsupported
    digits = 0
    while digits < 3 and position + digits < end and data[position + digits] in _OCTAL:
        digits += 1
    if digits:
        if position + digits >= end:
            raise _Unsupported
        code = int(data[position : position + digits], 8)
        if code > 255:
            raise _Unsupported  # pdfminer fails on it
        out.append(code)
        return position + digits
    char = data[position]
    if char in _ESCAPES:
        out.append(_ESCAPES[char])
    elif (
        char == 0x0D
        and position + 1 < end
        and data[position + 1] == 0x0A
        and (position + 1) % _BUFFER
    ):
        # a line feed after it goes too, where pdfminer sees it: in the same piece of the stream
        position += 1
    # any other character after a backslash is dropped with it, as pdfminer does
    return position + 1


def _dictionary(items: list[Any]) -> dict[str, Any]:
    if len(items) % 2:
        raise _Unsupported  # pdfminer raises on it: let it
    return {literal_name(key): value for key, value in zip(items[::2], items[1::2], strict=True)}


class Interpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, reading the content streams with `objects`."""

    def execute(self, streams: Sequence[object]) -> None:
        valid: list[PDFStream] = []
        self.stream_ids.clear()
        for found in streams:
            stream = stream_value(found)
            # As pdfminer does, with its warnings: no inline stream, none already being read.
            if stream.objid is None:
                _PDFMINER.warning(
                    "Execute called on non-indirect object (inline image?) %r", stream
                )
            elif stream.objid in self.parent_stream_ids:
                _PDFMINER.warning(
                    "Refusing to execute circular reference to content stream %d", stream.objid
                )
            else:
                valid.append(stream)
                self.stream_ids.add(stream.objid)
        operators: dict[PSKeyword, tuple[Callable[..., None] | None, int]] = {}
        for found in objects(valid):
            if not isinstance(found, PSKeyword):
                self.argstack.append(found)
                continue
            if found not in operators:
                operators[found] = _operator(self, found)
            method, count = operators[found]
            if method is None:
                continue
            if count:
                arguments = self.pop(count)
                if len(arguments) == count:
                    method(*arguments)
            else:
                method()


def _operator(interpreter: PDFPageInterpreter, keyword: PSKeyword) -> tuple[Any, int]:
    """The interpreter's method for an operator and how many operands it takes, as pdfminer
    finds them."""
    name = str(keyword.name, "utf-8", "ignore")
    method = getattr(
        interpreter, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None
    )
    if method is None:
        return None, 0
    return method, method.__code__.co_argcount - 1
