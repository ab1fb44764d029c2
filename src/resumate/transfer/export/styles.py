"""The Word file's page and styles, from the resume's design: paper, margins, font, accent.

Word's built-in styles carry the structure (Title, Subtitle, Heading 1 and 2, List Bullet,
Quote), so Word's navigation pane, screen readers and résumé parsers all find it; here they
take the resume's look. The bundled fonts are named, not embedded: Word uses the face where it
is installed, and the font table tells it what kind of face to put in its place where it is
not (a serif for Source Serif 4, a fixed pitch for JetBrains Mono).
"""

from __future__ import annotations

import unicodedata

from babel.core import get_global
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from resumate.rendering.fonts import ARABIC, CJK_FACES, FAMILIES, HEBREW
from resumate.rendering.page_style import PageStyle

TEXT, MUTED = RGBColor(0x1F, 0x23, 0x28), RGBColor(0x4B, 0x55, 0x63)
PAPER = {"A4": (Mm(210), Mm(297)), "Letter": (Inches(8.5), Inches(11))}
# Word's kind of face for each of ours, and a common face of that kind.
KINDS = {
    "serif": ("roman", "variable", "Georgia"),
    "sans-serif": ("swiss", "variable", "Arial"),
    "monospace": ("modern", "fixed", "Courier New"),
}
RIGHT_TO_LEFT = {"ar": ARABIC.name, "he": HEBREW.name}
# CSS line height is about 1.2 times Word's "single" line for these faces.
WORD_LINE = 1.2
# What may follow each element we add, in the order the schema sets (Word refuses others).
AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:bidi", "w:spacing", "w:ind")
AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing")
AFTER_LANGUAGE = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
AFTER_SIZE = (
    *("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign"),
    *("w:rtl", "w:cs", "w:em", "w:lang", *AFTER_LANGUAGE),
)


def line_room(style: PageStyle) -> float:
    """How wide a line of text is on the page, in points."""
    return float(PAPER[style.page_size][0].pt) - 2 * style.margin_mm * 72 / 25.4


def text_width(text: str, size: float) -> float:
    """About how wide a text is set, in points, erring wide: an ideograph takes an em, any
    other character a little more than the half em most take in these faces."""
    wide = sum(unicodedata.east_asian_width(char) in "WF" for char in text)
    return (wide + (len(text) - wide) * 0.56) * size


def style_document(document: Document, style: PageStyle) -> None:
    """Page size and margins, fonts, sizes, colours and spacing of every style the file uses."""
    section = document.sections[0]
    section.page_width, section.page_height = PAPER[style.page_size]
    margin = Mm(style.margin_mm)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    size, body, heading = style.font_size, style.font_family, style.heading_font_family
    accent = style.accent_color.lstrip("#").upper()
    styles = document.styles
    normal = _styled(styles["Normal"], style, body, size, TEXT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(size * 0.3)
    normal.paragraph_format.line_spacing = round(style.line_height / WORD_LINE, 2)
    if style.direction == "rtl":
        _insert(normal.element.get_or_add_pPr(), "<w:bidi {ns}/>", AFTER_BIDI)
    title = _styled(styles["Title"], style, heading, size * 2.2, TEXT, bold=True)
    subtitle = _styled(styles["Subtitle"], style, body, size * 1.12, MUTED, italic=False)
    for masthead in (title, subtitle):
        masthead.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        masthead.paragraph_format.space_after = Pt(size * 0.3)
    _border(title, None)
    accented = RGBColor.from_string(accent)
    section_title = _styled(styles["Heading 1"], style, heading, size + 1, accented, bold=True)
    section_title.font.all_caps = True
    section_title.paragraph_format.space_before = Pt(size * 1.1)
    section_title.paragraph_format.space_after = Pt(size * 0.4)
    _border(section_title, accent)
    entry = _styled(styles["Heading 2"], style, body, size, TEXT, bold=True)
    entry.paragraph_format.space_before = Pt(size * 0.6)
    entry.paragraph_format.space_after = Pt(0)
    # The dates stand at the far edge of the text, after a tab.
    width = section.page_width - section.left_margin - section.right_margin
    entry.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _styled(styles["List Bullet"], style, body, size, TEXT)
    _styled(styles["Quote"], style, body, size, TEXT, italic=True)
    _font_table(document, [body, heading])
    _no_thumbnail(document)


def _styled(
    found: object,
    style: PageStyle,
    family: str,
    size: float,
    colour: RGBColor,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
) -> ParagraphStyle:
    """A paragraph style in the resume's font, language, size and colour."""
    assert isinstance(found, ParagraphStyle)
    font = found.font
    font.size = Pt(round(size * 2) / 2)
    font.color.rgb = colour
    # Arabic and Hebrew take the "complex script" bold, italic and size.
    font.bold = font.cs_bold = bold
    font.italic = font.cs_italic = italic
    properties = found.element.get_or_add_rPr()
    for old in properties.findall(qn("w:szCs")):
        properties.remove(old)
    half_points = round(size * 2)
    _insert(properties, f'<w:szCs {{ns}} w:val="{half_points}"/>', AFTER_SIZE)
    fonts = properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    name = FAMILIES[family].name
    cjk = CJK_FACES.get(style.language)
    for slot, face in (
        ("w:ascii", name),
        ("w:hAnsi", name),
        ("w:eastAsia", cjk.name if cjk else name),
        ("w:cs", RIGHT_TO_LEFT.get(style.language, name)),
    ):
        fonts.set(qn(slot), face)
    # Nor the letter spacing Word's own title styles add.
    for old in (*properties.findall(qn("w:lang")), *properties.findall(qn("w:spacing"))):
        properties.remove(old)
    # Word's proofing language, in the slot of its kind of script.
    slot = "w:eastAsia" if cjk else "w:bidi" if style.language in RIGHT_TO_LEFT else "w:val"
    _insert(
        properties, f'<w:lang {{ns}} {slot}="{word_language(style.language)}"/>', AFTER_LANGUAGE
    )
    return found


def word_language(language: str) -> str:
    """A language tag as Word names proofing languages, with its likeliest region: "de-DE"."""
    likely = str(get_global("likely_subtags").get(language.replace("-", "_"), language))
    parts = likely.split("_")
    return f"{parts[0]}-{parts[-1]}" if len(parts) > 1 else parts[0]


def _border(found: ParagraphStyle, colour: str | None) -> None:
    """A thin rule under the paragraph in this colour, as the printed page draws one; or none."""
    properties = found.element.get_or_add_pPr()
    for old in properties.findall(qn("w:pBdr")):
        properties.remove(old)
    if colour is not None:
        rule = f'<w:bottom w:val="single" w:sz="6" w:space="1" w:color="{colour}"/>'
        _insert(properties, f"<w:pBdr {{ns}}>{rule}</w:pBdr>", AFTER_BORDER)


def _insert(parent: BaseOxmlElement, xml: str, successors: tuple[str, ...]) -> None:
    parent.insert_element_before(parse_xml(xml.format(ns=nsdecls("w"))), *successors)


def _font_table(document: Document, families: list[str]) -> None:
    """Each font named, with its kind and a common face of that kind for where it is missing."""
    part = next(
        part
        for part in document.part.package.iter_parts()
        if part.partname == "/word/fontTable.xml"
    )
    table = parse_xml(part.blob)
    for key in dict.fromkeys(families):
        family = FAMILIES[key]
        kind, pitch, alternative = KINDS[family.generic]
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{family.name}">'
                f'<w:altName w:val="{alternative}"/><w:family w:val="{kind}"/>'
                f'<w:pitch w:val="{pitch}"/></w:font>'
            )
        )
    # python-docx keeps a part it does not model as bytes, with no setter.
    part._blob = serialize_part_xml(table)


def _no_thumbnail(document: Document) -> None:
    """Without python-docx's sample page as the picture file browsers show of the file."""
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]
