"""The PDF's text layer says the characters the page shows, for every glyph of the bundled fonts.

A font may draw several characters with one glyph: Inter draws the apostrophe U+2019 and the
modifier letter U+02BC alike, Noto Sans SC the en dash and the figure dash. The PDF's map from
glyph to text (its `ToUnicode` CMap) can name one character per glyph, and Chromium names the
lowest code point, so a résumé's right quotation mark reads back as a modifier letter and its
en dash as a figure dash: text a parser does not match. For every such glyph of the bundled
fonts, the character a résumé means is chosen once (`preferred`) and kept in
`fonts/shared-glyphs.json`; after each print the CMaps are rewritten with it
(`corrected_text_maps`). Run this module to rebuild the
table after changing a font: `python -m resumate.rendering.text_layer` (needs fontTools).
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from functools import cache
from pathlib import Path

from resumate.rendering.fonts import FONTS_DIR

TABLE = FONTS_DIR / "shared-glyphs.json"
# Where characters share a glyph, the one résumés mean, when the general rule would not pick it.
PREFERRED = frozenset({0x2013, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022})

_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w.-]+)[^>]*?/ToUnicode\s+(\d+)\s+0\s+R", re.S)
_STREAM = re.compile(rb"\d+\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


def preferred(code_points: list[int]) -> int:
    """Of the characters one glyph draws, the one a résumé most likely holds."""

    def rank(code_point: int) -> tuple[bool, bool, bool, bool, bool, int]:
        char = chr(code_point)
        return (
            code_point not in PREFERRED,
            unicodedata.normalize("NFKC", char) != char,  # a compatibility form (µ for μ)
            unicodedata.category(char) == "Cf",  # invisible: the soft hyphen
            0x02B0 <= code_point <= 0x02FF,  # spacing modifier letters (U+02BC for U+2019)
            code_point >= 0x80,
            code_point,
        )

    return min(code_points, key=rank)


@cache
def shared_glyphs() -> dict[str, dict[int, int]]:
    """For each bundled face (by PostScript name): glyph id → the character it should read as."""
    table: dict[str, dict[str, int]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return {face: {int(gid): cp for gid, cp in glyphs.items()} for face, glyphs in table.items()}


def _text_map(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap as glyph id → text."""
    found: dict[int, str] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == b"bfchar":
            for source, target in _CHAR.findall(body):
                found[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
            continue
        for low, high, target in _RANGE.findall(body):
            start, end = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                texts = [
                    bytes.fromhex(t.decode()).decode("utf-16-be")
                    for t in re.findall(rb"<([0-9A-Fa-f]+)>", target)
                ]
                found.update(zip(range(start, end + 1), texts, strict=False))
                continue
            first = bytes.fromhex(target[1:-1].decode()).decode("utf-16-be")
            for offset in range(end - start + 1):
                found[start + offset] = first[:-1] + chr(ord(first[-1]) + offset)
    return found


def _cmap(texts: dict[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    ]
    entries = sorted(texts.items())
    for start in range(0, len(entries), 100):  # at most 100 entries a block
        block = entries[start : start + 100]
        lines.append(b"%d beginbfchar\n" % len(block))
        lines += [
            b"<%04X> <%s>\n" % (gid, text.encode("utf-16-be").hex().upper().encode())
            for gid, text in block
        ]
        lines.append(b"endbfchar\n")
    lines.append(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return b"".join(lines)


def corrected_text_maps(pdf: bytes) -> dict[int, bytes]:
    """New versions of the PDF's ToUnicode objects that name the wrong character for a glyph.

    Returns object number → the whole new object's body (dictionary and stream), for an
    incremental update; empty when every map is already right.
    """
    table = shared_glyphs()
    replaced: dict[int, bytes] = {}
    for face, number in _FONT.findall(pdf):
        fixes = table.get(face.decode())
        object_number = int(number)
        if not fixes or object_number in replaced:
            continue
        # Found by a plain search, then matched in place: a regular expression over the whole
        # file for each font cost a millisecond apiece.
        at = pdf.find(b"\n%d 0 obj" % object_number)
        found = _STREAM.match(pdf, at + 1) if at >= 0 else None
        length = _LENGTH.search(found.group(1)) if found else None
        if found is None or length is None:
            continue
        raw = pdf[found.end() : found.end() + int(length.group(1))]
        cmap = zlib.decompress(raw) if b"/FlateDecode" in found.group(1) else raw
        texts = _text_map(cmap)
        wrong = {
            gid: chr(cp) for gid, cp in fixes.items() if gid in texts and texts[gid] != chr(cp)
        }
        if not wrong:
            continue
        stream = zlib.compress(_cmap(texts | wrong))
        replaced[object_number] = b"<</Filter /FlateDecode\n/Length %d>>\nstream\n%s\nendstream" % (
            len(stream),
            stream,
        )
    return replaced


def build_table(fonts: Path = FONTS_DIR) -> dict[str, dict[str, int]]:
    """Every glyph of every bundled face that more than one character maps to (needs fontTools)."""
    from fontTools.ttLib import TTFont  # a development tool, only to rebuild the table

    table: dict[str, dict[str, int]] = {}
    for path in sorted(fonts.rglob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            order = font.getGlyphOrder()
            cmap = font.getBestCmap()
            name = font["name"].getDebugName(6)
        by_glyph: dict[str, list[int]] = {}
        for code_point, glyph in cmap.items():
            by_glyph.setdefault(glyph, []).append(code_point)
        table[name] = {
            str(order.index(glyph)): preferred(code_points)
            for glyph, code_points in sorted(
                by_glyph.items(), key=lambda item: order.index(item[0])
            )
            if len(code_points) > 1
        }
    return table


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build_table(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TABLE.name}")
