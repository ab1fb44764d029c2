"""The PDF's text layer says the characters the page shows, for every glyph of the bundled fonts.

A font may draw several characters with one glyph: Inter draws the apostrophe U+2019 and the
modifier letter U+02BC alike, Noto Sans SC the en dash and the figure dash. The PDF's map from
glyph to text (its `ToUnicode` CMap) can name one character per glyph, and Chromium names the
lowest code point, so a résumé's right quotation mark reads back as a modifier letter and its
en dash as a figure dash: text a parser does not match. Where the font's character map names a
glyph, Chromium uses it even for a shaped form: an Arabic letter's joined form reads back as its
presentation form (U+FE91 for an initial ب) and lam-alef as one compatibility ligature, which
parsers do not match either. For every such glyph of the bundled fonts, the text a résumé means
is chosen once (`preferred`, `glyph_texts`) and kept in `fonts/shared-glyphs.json`; after each
print the CMaps are rewritten with it (`corrected_text_maps`). Run this module to rebuild the
table after changing a font: `python -m resumate.rendering.text_layer` (needs fontTools).
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from resumate.rendering.fonts import FONTS_DIR

TABLE = FONTS_DIR / "shared-glyphs.json"
# Where characters share a glyph, the one résumés mean, when the general rule would not pick it.
# U+30FB: the katakana middle dot of Japanese text, not the hyphenation point U+2027.
PREFERRED = frozenset({0x2013, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x30FB})
# Hebrew and Arabic presentation forms: a shaped glyph of letters a résumé holds in their
# ordinary form (NFKC gives it: U+FEFB → "لا").
PRESENTATION_FORMS = ((0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))

_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w.-]+)[^>]*?/ToUnicode\s+(\d+)\s+0\s+R", re.S)
_STREAM = re.compile(rb"\d+\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_CONTENTS = re.compile(rb"/Contents\s+(\d+)\s+0\s+R")
_ACTUAL_TEXT = re.compile(rb"/ActualText\s*<([0-9A-Fa-f]+)>")
# The faces that draw right-to-left text, as PDFs name them: only their PDFs have spans to turn.
RIGHT_TO_LEFT_FACES = re.compile(
    rb"/BaseFont\s*/(?:[A-Z]{6}\+)?(?:IBMPlexSansArabic|NotoSansHebrew)"
)


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


def meant_text(code_point: int) -> str:
    """The text a glyph of this character stands for: the letters of a presentation form."""
    if any(low <= code_point <= high for low, high in PRESENTATION_FORMS):
        return unicodedata.normalize("NFKC", chr(code_point))
    return chr(code_point)


def in_drawing_order(text: str) -> str:
    """A glyph's text as a reader of the PDF wants it: reversed for right-to-left letters.

    Chromium draws right-to-left text in visual order and marks it `/ReversedChars`; readers
    reverse it character by character, so a lam-alef glyph's "لا" must be stored as "ال" to come
    back whole.
    """
    if len(text) > 1 and unicodedata.bidirectional(text[0]) in ("R", "AL"):
        return text[::-1]
    return text


@cache
def shared_glyphs() -> dict[str, dict[int, str]]:
    """For each bundled face (by PostScript name): glyph id → the text it should read as."""
    table: dict[str, dict[str, str]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return {
        face: {int(gid): text for gid, text in glyphs.items()} for face, glyphs in table.items()
    }


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
        wrong = {gid: text for gid, text in fixes.items() if gid in texts and texts[gid] != text}
        if not wrong:
            continue
        stream = zlib.compress(_cmap(texts | wrong))
        replaced[object_number] = b"<</Filter /FlateDecode\n/Length %d>>\nstream\n%s\nendstream" % (
            len(stream),
            stream,
        )
    return replaced


def reversed_actual_texts(pdf: bytes) -> dict[int, bytes]:
    """New page contents whose right-to-left `/ActualText` spans are in drawing order.

    Chromium draws right-to-left text in visual order inside `/ReversedChars` and gives each
    cluster its text in reading order (`/ActualText`, "بر" for one ligature glyph); poppler
    reverses the whole line character by character, so the cluster would read "رب". Written
    in drawing order, like the character maps (`in_drawing_order`), every word comes back whole.
    Returns object number → new object body, as `corrected_text_maps` does.
    """
    if not RIGHT_TO_LEFT_FACES.search(pdf):
        return {}
    replaced: dict[int, bytes] = {}
    for number in {int(n) for n in _CONTENTS.findall(pdf)}:
        at = pdf.find(b"\n%d 0 obj" % number)
        found = _STREAM.match(pdf, at + 1) if at >= 0 else None
        length = _LENGTH.search(found.group(1)) if found else None
        if found is None or length is None or b"/FlateDecode" not in found.group(1):
            continue
        content = zlib.decompress(pdf[found.end() : found.end() + int(length.group(1))])
        turned = _ACTUAL_TEXT.sub(_turned_span, content)
        if turned == content:
            continue
        stream = zlib.compress(turned)
        replaced[number] = b"<</Filter /FlateDecode\n/Length %d>>\nstream\n%s\nendstream" % (
            len(stream),
            stream,
        )
    return replaced


def _turned_span(match: re.Match[bytes]) -> bytes:
    text = bytes.fromhex(match.group(1).decode()).decode("utf-16")
    turned = in_drawing_order(text)
    if turned == text:
        return match.group(0)
    return b"/ActualText <FEFF%s>" % turned.encode("utf-16-be").hex().upper().encode()


def build_table(fonts: Path = FONTS_DIR) -> dict[str, dict[str, str]]:
    """Every glyph of every bundled face whose text Chromium would get wrong (needs fontTools):
    glyphs several characters share, and presentation forms."""
    from fontTools.ttLib import TTFont  # a development tool, only to rebuild the table

    table: dict[str, dict[str, str]] = {}
    for path in sorted(fonts.rglob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            order = font.getGlyphOrder()
            texts = glyph_texts(font)
            name = font["name"].getDebugName(6)
        table[name] = {
            str(order.index(glyph)): text
            for glyph, text in sorted(texts.items(), key=lambda item: order.index(item[0]))
        }
    return table


def glyph_texts(font: Any) -> dict[str, str]:
    """Glyph name → text, for the glyphs whose lowest code point is not what they mean.

    Glyphs the font's character map does not name (a joined form reached by substitution) need
    nothing here: Chromium names them from the text they were shaped from.
    """
    by_glyph: dict[str, list[int]] = {}
    for code_point, glyph in font.getBestCmap().items():
        by_glyph.setdefault(glyph, []).append(code_point)
    meant = {glyph: meant_text(preferred(cps)) for glyph, cps in by_glyph.items()}
    wrong = {
        glyph: text
        for glyph, text in meant.items()
        if len(by_glyph[glyph]) > 1 or text != chr(min(by_glyph[glyph]))
    }
    return {glyph: in_drawing_order(text) for glyph, text in wrong.items()}


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build_table(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TABLE.name}")
