"""A resume as a Word file (.docx), written with python-docx: text a person edits in Word, and
that parsers read as its structure says.

Everything is paragraphs in Word's own styles, in reading order: the name as Title, the label
as Subtitle, the contact details on one line (e-mail and sites as links), each section's
heading as Heading 1 and each entry's title line as Heading 2 with its dates after a tab, set
at the right edge; bullets as List Bullet, references as Quote. No text boxes, tables or images:
what Word shows is what a parser reads, in the same order. The page, fonts and colours follow
the resume's design (`resumate.transfer.export.styles`).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from resumate.rendering.page_style import PageStyle
from resumate.transfer.export.outline import Entry, Item, Outline, Part, Quote
from resumate.transfer.export.spans import Span, Text, words
from resumate.transfer.export.styles import (
    MUTED,
    line_room,
    style_document,
    text_width,
    word_language,
)

APART = " · "
PROPERTY_LIMIT = 255


def word_file(resume: Outline) -> bytes:
    """The resume as the bytes of a .docx file."""
    document = docx.Document()
    style_document(document, resume.style)
    _properties(document, resume)
    body = document.paragraphs[0] if document.paragraphs else None
    if body is not None:  # the template's one empty paragraph
        body._element.getparent().remove(body._element)
    if resume.name:
        _add(document, "Title", resume.name)
    if resume.label:
        _add(document, "Subtitle", resume.label)
    if resume.contact:
        contact = _add(document)
        contact.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _contact(contact, resume)
    for section in resume.sections:
        _add(document, "Heading1", section.heading)
        for part in section.parts:
            _part(document, part, resume.style)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def _properties(document: Document, resume: Outline) -> None:
    properties = document.core_properties
    # The file's properties hold at most 255 characters; a name may have 500.
    properties.title = resume.title[:PROPERTY_LIMIT]
    properties.author = properties.last_modified_by = resume.name[:PROPERTY_LIMIT]
    properties.language = word_language(resume.style.language)
    properties.comments = properties.keywords = properties.subject = ""
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1


def _contact(paragraph: Paragraph, resume: Outline) -> None:
    """The contact details apart on one line, or on as few as they fill: a line ends between
    two details, never inside one (an address cut in two reads as two)."""
    room, size = line_room(resume.style), resume.style.font_size
    used = 0.0
    for index, text in enumerate(resume.contact):
        width = text_width(words(text), size)
        if index and used + text_width(APART, size) + width > room:
            paragraph.add_run().add_break()
            used = 0.0
        elif index:
            paragraph.add_run(APART)
            used += text_width(APART, size)
        _spans(paragraph, text)
        used += width


def _part(document: Document, part: Part, style: PageStyle) -> None:
    if isinstance(part, Entry):
        _entry(document, part, style)
    elif isinstance(part, Item):
        paragraph = _add(document)
        if part.name:
            _weight(paragraph.add_run(part.name), bold=True)
        if part.level:
            paragraph.add_run(f" ({part.level})")
        if part.keywords:
            paragraph.add_run(f" — {part.keywords}")
    elif isinstance(part, Quote):
        for text in part.text:
            _spans(_add(document, "Quote"), text)
        if part.name:
            _add(document, text=f"— {part.name}")
    else:
        _spans(_add(document), part)


def _entry(document: Document, entry: Entry, style: PageStyle) -> None:
    if entry.heading or entry.when:
        header = _add(document, "Heading2")
        if entry.title:
            header.add_run(entry.title)
        if entry.org:
            if entry.title:
                header.add_run(", ")
            _weight(header.add_run(entry.org), bold=False)
        if entry.when:
            # At the right edge after a tab, or under the title where they would not fit
            # beside it (a tab past its stop would wrap them anywhere).
            beside = text_width(f"{entry.heading}    {entry.when}", style.font_size)
            if beside <= line_room(style):
                header.add_run("\t")
            elif entry.heading:
                header.add_run().add_break()
            _muted(_weight(header.add_run(entry.when), bold=False))
    if entry.details:
        _texts(_add(document), entry.details, muted=True)
    for text in entry.text:
        _spans(_add(document), text)
    for bullet in entry.bullets:
        _spans(_add(document, "ListBullet"), bullet)
    if entry.keywords:
        _add(document, text=entry.keywords)


def _add(document: Document, style: str = "", text: str = "") -> Paragraph:
    """A paragraph at the end, in the style with this id (python-docx's look-up by a style's
    name reads every style of the file, each time: most of the time a file took)."""
    paragraph = document.add_paragraph(text)
    if style:
        paragraph._p.style = style
    return paragraph


def _texts(paragraph: Paragraph, texts: tuple[Text, ...], *, muted: bool = False) -> None:
    """Texts on one line, apart: contact details, an entry's description and links."""
    for index, text in enumerate(texts):
        if index:
            paragraph.add_run(APART)
        _spans(paragraph, text, muted=muted)


def _spans(paragraph: Paragraph, text: Text, *, muted: bool = False) -> None:
    for span in text:
        if span.text == "\n":
            paragraph.add_run().add_break()
        elif span.link:
            _link(paragraph, span, muted=muted)
        else:
            _styled(paragraph.add_run(span.text), span, muted=muted)


def _styled(run: Run, span: Span, *, muted: bool) -> Run:
    _weight(run, bold=span.bold or None, italic=span.italic or None)
    if muted:
        _muted(run)
    return run


def _muted(run: Run) -> None:
    run.font.color.rgb = MUTED


def _weight(run: Run, *, bold: bool | None = None, italic: bool | None = None) -> Run:
    """Bold or italic (None: as the style says), for every script: Word keeps Arabic and
    Hebrew's own ("complex script") bold and italic apart."""
    font = run.font
    if bold is not None:
        font.bold = font.cs_bold = bold
    if italic is not None:
        font.italic = font.cs_italic = italic
    return run


def _link(paragraph: Paragraph, span: Span, *, muted: bool) -> None:
    """A run that links out: Word's w:hyperlink, its address in the part's relationships."""
    relation = paragraph.part.relate_to(span.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relation)
    run = _styled(Run(OxmlElement("w:r"), paragraph), span, muted=muted)
    run.text = span.text
    hyperlink.append(run._r)
    paragraph._p.append(hyperlink)
