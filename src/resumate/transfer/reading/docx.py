"""Word files (.docx) read into lines, with the cues Word's own markup gives.

python-docx opens the file; the body is then walked in its XML, because the proxies python-docx
offers skip what résumé templates are full of: content controls (`w:sdt`), tracked insertions,
fields and text boxes. Word has no fixed pages, so every line is on page 0 and a gap comes only
from empty paragraphs. A table row is one line, cells apart, unless the table lays out columns of
a two-column résumé; then each column is read down in turn, its lines marked with their `column`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

import docx
from docx.opc.part import Part

from resumate.transfer.reading import limits
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.lines import Line, Source, is_upper
from resumate.transfer.reading.runs import Runs, join

MAX_PARAGRAPHS = 5_000
# Tables in tables in content controls: deeper than this is not a résumé's layout.
MAX_NESTING = 16

DAMAGED = "This Word file is damaged or is not a .docx file."
OLD_WORD = "This is an old Word file (.doc). Save it in Word as .docx or PDF and import that."
RICH_TEXT = "This is a Rich Text file (.rtf). Save it in Word as .docx or PDF and import that."
TOO_LONG = f"This Word file is too long for a résumé (over {MAX_PARAGRAPHS:,} paragraphs)."

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_VAL = f"{_W}val"
_P, _TBL, _TR, _TC, _R, _T = (f"{_W}{tag}" for tag in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_TXBX = f"{_W}txbxContent"
# Wrappers around runs whose runs are read as if the wrapper were not there.
_RUN_WRAPPERS = frozenset(
    f"{_W}{tag}" for tag in ("ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_BREAKS = frozenset((f"{_W}br", f"{_W}cr"))
_TABS = frozenset((f"{_W}tab", f"{_W}ptab"))
_SHAPES = frozenset((f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_MC}AlternateContent"))
_FIELD_LINK = re.compile(r'HYPERLINK\s+"?([^"\s\\]+)')
_HEADING_NAME = re.compile(r"^(heading [1-9]|title)$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list (bullet|number|paragraph)", re.IGNORECASE)
_OUTLINE_LEVELS = frozenset("012345678")  # 9 is body text
_OLE = b"\xd0\xcf\x11\xe0"
_V = TypeVar("_V")


class _Node(Protocol):
    """The little of an lxml element this module uses (lxml ships no types)."""

    @property
    def tag(self) -> object: ...  # a function, not a str, for comments
    @property
    def text(self) -> str | None: ...
    def get(self, key: str) -> str | None: ...
    def find(self, path: str) -> _Node | None: ...
    def iterchildren(self, tag: str = ...) -> Iterator[_Node]: ...
    def iter(self, tag: str) -> Iterator[_Node]: ...
    def getparent(self) -> _Node | None: ...


def read_docx(data: bytes) -> Source:
    """The lines of a Word file: the first page's header first, then the body in order."""
    if data.startswith(_OLE):
        raise Unreadable(OLD_WORD)
    if data.startswith(b"{\\rtf"):
        raise Unreadable(RICH_TEXT)
    limits.open_zip(data, "Word file").close()
    try:
        document = docx.Document(io.BytesIO(data))
        body: _Node | None = document.element.body
        if body is None:
            raise Unreadable(DAMAGED)
        styles = _Styles(document.styles.element)
        stories = [*_header(document), (document.part, body)]
    except Exception:  # python-docx and lxml raise many kinds on a damaged file
        raise Unreadable(DAMAGED) from None
    if sum(1 for _, root in stories for _ in root.iter(_P)) > MAX_PARAGRAPHS:
        raise Unreadable(TOO_LONG)
    lines = [line for part, root in stories for line in _Walker(styles, part).blocks(root)]
    return Source(kind="docx", lines=lines, pages=1)


def _header(document: docx.document.Document) -> list[tuple[Part, _Node]]:
    """The header the first page shows, as (part, root), when the file has one."""
    if not len(document.sections):
        return []
    section = document.sections[0]
    first = section.different_first_page_header_footer
    header = section.first_page_header if first else section.header
    if header.is_linked_to_previous:  # section 1 then has no header of its own
        return []
    return [(header.part, header.part.element)]


def _toggle(properties: _Node | None, name: str) -> bool | None:
    """A Word on/off property (bold, italic, hidden): None when the properties do not say."""
    found = properties.find(f"{_W}{name}") if properties is not None else None
    if found is None:
        return None
    return found.get(_VAL) not in ("0", "false", "off")


def _value(properties: _Node | None, path: str) -> str | None:
    found = properties.find(path) if properties is not None else None
    return found.get(_VAL) if found is not None else None


def _points(properties: _Node | None) -> float | None:
    half_points = _value(properties, f"{_W}sz")
    valid = half_points and half_points.isdecimal() and len(half_points) < 5
    return int(half_points) / 2 if half_points and valid else None


@dataclass(frozen=True, slots=True)
class _Look:
    """What a style (with the styles it is based on) says about its text."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    caps: bool | None = None
    heading: bool = False
    listed: bool = False


class _Styles:
    """The file's styles, each resolved through the chain of styles it is based on."""

    def __init__(self, root: _Node | None) -> None:
        self._styles = {
            style.get(f"{_W}styleId") or "": style
            for style in (root.iterchildren(f"{_W}style") if root is not None else ())
        }
        self._looks: dict[str, _Look] = {}
        defaults = (
            root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr") if root is not None else None
        )
        self.size = _points(defaults) or 0.0
        self.paragraph = next(
            (
                key
                for key, style in self._styles.items()
                if style.get(f"{_W}type") == "paragraph"
                and style.get(f"{_W}default") in ("1", "true")
            ),
            "",
        )

    def look(self, style_id: str | None) -> _Look:
        key = style_id or ""
        if key not in self._looks:
            self._looks[key] = self._resolve(key, set())
        return self._looks[key]

    def _resolve(self, key: str, seen: set[str]) -> _Look:
        style = self._styles.get(key)
        if style is None or key in seen or len(seen) > MAX_NESTING:
            return _Look()
        seen.add(key)
        base = self._resolve(_value(style, f"{_W}basedOn") or "", seen)
        run, paragraph = style.find(f"{_W}rPr"), style.find(f"{_W}pPr")
        name = _value(style, f"{_W}name") or ""
        outline = _value(paragraph, f"{_W}outlineLvl")
        numbering = _value(paragraph, f"{_W}numPr/{_W}numId")
        return _Look(
            bold=_first(_toggle(run, "b"), base.bold),
            italic=_first(_toggle(run, "i"), base.italic),
            size=_first(_points(run), base.size),
            caps=_first(_toggle(run, "caps"), base.caps),
            heading=base.heading or bool(_HEADING_NAME.match(name)) or outline in _OUTLINE_LEVELS,
            listed=(numbering != "0" if numbering else base.listed) or bool(_LIST_NAME.match(name)),
        )


def _first(value: _V | None, fallback: _V | None) -> _V | None:
    return value if value is not None else fallback


@dataclass(slots=True)
class _Paragraph:
    """One paragraph as it is walked: its style and the lines its breaks cut it into."""

    look: _Look
    pieces: list[Runs] = field(default_factory=lambda: [Runs()])
    # Per piece: whether all its text is formatted in capitals (Word's "All caps").
    capitals: list[bool] = field(default_factory=lambda: [True])
    boxes: list[_Node] = field(default_factory=list)


class _Walker:
    """Walks one story (the body or a header) of a Word file into lines."""

    def __init__(self, styles: _Styles, part: Part) -> None:
        self.styles = styles
        self.part = part

    def blocks(self, container: _Node, depth: int = 0) -> list[Line]:
        """The lines of the paragraphs and tables in a container, an empty paragraph a gap."""
        lines: list[Line] = []
        gap = False
        for child in container.iterchildren() if depth <= MAX_NESTING else ():
            if child.tag == _P:
                found = self.paragraph(child, depth)
            elif child.tag == _TBL:
                found = self.table(child, depth)
            elif child.tag in (_SDT, _CUSTOM_XML):
                found = self.blocks(_content(child), depth + 1)
            else:
                continue
            if not found:
                gap = gap or (child.tag == _P and bool(lines))
                continue
            if gap:
                found[0] = replace(found[0], gap=1.0)
                gap = False
            lines.extend(found)
        return lines

    def paragraph(self, element: _Node, depth: int) -> list[Line]:
        properties = element.find(f"{_W}pPr")
        look = self.styles.look(_value(properties, f"{_W}pStyle") or self.styles.paragraph)
        numbering = _value(properties, f"{_W}numPr/{_W}numId")
        outline = _value(properties, f"{_W}outlineLvl")
        heading = look.heading or outline in _OUTLINE_LEVELS
        listed = not heading and (numbering != "0" if numbering else look.listed)
        paragraph = _Paragraph(look)
        self._inline(element, paragraph, "")
        lines: list[Line] = []
        for runs, capitals in zip(paragraph.pieces, paragraph.capitals, strict=True):
            if line := runs.line():
                # A break inside a list item goes on with the item; it does not start another.
                bullet = line.bullet or (listed and not lines)
                upper = line.upper or (capitals and is_upper(line.text.upper()))
                lines.append(replace(line, heading=heading, bullet=bullet, upper=upper))
        for box in paragraph.boxes:
            lines.extend(self.blocks(box, depth + 1))
        return lines

    def _inline(self, element: _Node, paragraph: _Paragraph, link: str) -> None:
        for child in element.iterchildren():
            if child.tag == _R:
                self._run(child, paragraph, link)
            elif child.tag == f"{_W}hyperlink":
                self._inline(child, paragraph, self._target(child) or link)
            elif child.tag == _SDT:
                self._inline(_content(child), paragraph, link)
            elif child.tag in _RUN_WRAPPERS:
                field_link = _FIELD_LINK.search(child.get(f"{_W}instr") or "")
                self._inline(child, paragraph, field_link[1] if field_link else link)

    def _run(self, element: _Node, paragraph: _Paragraph, link: str) -> None:
        properties = element.find(f"{_W}rPr")
        if _toggle(properties, "vanish"):
            return  # hidden text: no one reading the page sees it
        character = self.styles.look(_value(properties, f"{_W}rStyle"))
        look = paragraph.look
        bold = _first(_toggle(properties, "b"), _first(character.bold, look.bold))
        italic = _first(_toggle(properties, "i"), _first(character.italic, look.italic))
        size = _first(_points(properties), _first(character.size, look.size)) or self.styles.size
        caps = _first(_toggle(properties, "caps"), _first(character.caps, look.caps))
        for child in element.iterchildren():
            runs = paragraph.pieces[-1]
            if child.tag == _T:
                runs.add(child.text or "", bold=bool(bold), italic=bool(italic), size=size)
                runs.links.extend([link] if link else [])
                if not caps and (child.text or "").strip():
                    paragraph.capitals[-1] = False
            elif child.tag in _TABS:
                runs.add("\t")
            elif child.tag == f"{_W}noBreakHyphen":
                runs.add("-", bold=bool(bold), italic=bool(italic), size=size)
            elif child.tag in _BREAKS:
                paragraph.pieces.append(Runs())
                paragraph.capitals.append(True)
            elif child.tag == f"{_W}instrText" and (found := _FIELD_LINK.search(child.text or "")):
                runs.links.append(found[1])
            elif child.tag in _SHAPES:
                paragraph.boxes.extend(_text_boxes(child))

    def _target(self, hyperlink: _Node) -> str:
        """Where a hyperlink goes, when it goes out of the file (not to a bookmark in it)."""
        relation = hyperlink.get(_R_ID)
        relationship = self.part.rels.get(relation) if relation else None
        if relationship is None or not relationship.is_external:
            return ""
        return str(relationship.target_ref)

    def table(self, element: _Node, depth: int) -> list[Line]:
        """Each row a line, cells apart, or column by column when its cells are columns."""
        lines: list[Line] = []
        for row in _unwrapped(element, _TR):
            cells = [self.blocks(cell, depth + 1) for cell in _unwrapped(row, _TC)]
            filled = [(index, found) for index, found in enumerate(cells) if found]
            if len(filled) > 1 and all(len(found) > 1 for _, found in filled):
                lines.extend(
                    replace(line, column=index) for index, found in filled for line in found
                )
                continue
            # Otherwise read the row across, a visual line at a time: first paragraphs together.
            for rank in range(max((len(found) for _, found in filled), default=0)):
                lines.append(join([found[rank] for _, found in filled if rank < len(found)]))
        return lines


def _content(wrapper: _Node) -> _Node:
    """What a content control (`w:sdt`) or a custom XML element holds."""
    content = wrapper.find(_SDT_CONTENT) if wrapper.tag == _SDT else wrapper
    return content if content is not None else wrapper


def _unwrapped(element: _Node, tag: str) -> Iterator[_Node]:
    """The children of one kind (a table's rows, a row's cells), even when in content controls."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            yield from _unwrapped(_content(child), tag)


def _text_boxes(shape: _Node) -> list[_Node]:
    """The text boxes drawn in a run, each once: not the copy kept for old versions of Word."""
    boxes = []
    for box in shape.iter(_TXBX):
        parent = box.getparent()
        while (
            parent is not None
            and parent is not shape
            and parent.tag not in (_TXBX, f"{_MC}Fallback")
        ):
            parent = parent.getparent()
        if parent is None or parent is shape:
            boxes.append(box)
    return boxes
