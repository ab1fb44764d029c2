"""Word files: Word's own styles in reading order, the resume's design, read back by our import."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, RGBColor
from docx.styles.style import ParagraphStyle

from resumate.document.sample import sample_resume
from resumate.transfer.export.word import word_file
from resumate.transfer.reading.files import read_resume
from tests.transfer.export.resumes import RESUMES, german, outlined
from tests.transfer.reading.recall import recall

# What the import (and so a parser working like it) must recover of a Word export.
RECOVERED = 0.98


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


@pytest.mark.parametrize("resume", sorted(RESUMES))
def test_the_import_reads_back_every_field(resume: str) -> None:
    data = RESUMES[resume]()
    found = recall(data, read_resume(word_file(outlined(data))).document)
    assert found.share >= RECOVERED, found.missed
    assert found.missed == {}  # today: all of them


def test_the_structure_is_words_own_styles_in_reading_order() -> None:
    paragraphs = styled(opened(word_file(outlined(sample_resume()))))
    assert paragraphs[:2] == [("Title", "Maya Okafor"), ("Subtitle", "Senior Product Designer")]
    assert paragraphs[2][1].startswith("maya.okafor@example.com · +44 20 7946 0321 · ")
    assert ("Heading 1", "Experience") in paragraphs
    assert (
        "Heading 2",
        "Senior Product Designer, Northwind Health\tMar 2021 – Present · London",
    ) in paragraphs
    bullet = ("List Bullet", "Built the design system now shared by four product teams")
    assert bullet in paragraphs
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [
        "Summary", "Experience", "Projects", "Education", "Skills", "Certificates",
        "Languages", "Interests",
    ]  # fmt: skip


def test_no_text_boxes_tables_or_images() -> None:
    with zipfile.ZipFile(io.BytesIO(word_file(outlined(sample_resume())))) as archive:
        body = archive.read("word/document.xml").decode()
        names = archive.namelist()
    boxes = ("<w:tbl>", "<w:drawing", "<w:txbxContent", "<w:pict", "<w:fldSimple", "<w:object")
    assert [tag for tag in boxes if tag in body] == []
    assert [name for name in names if name.startswith(("word/media", "docProps/thumbnail"))] == []


def test_the_dates_stand_at_a_right_tab_at_the_text_edge() -> None:
    document = opened(word_file(outlined(sample_resume(), {"marginMm": 20})))
    entry = document.styles["Heading 2"]
    assert isinstance(entry, ParagraphStyle)
    stops = list(entry.paragraph_format.tab_stops)
    assert [(stop.alignment, round(stop.position.mm)) for stop in stops] == [
        (WD_TAB_ALIGNMENT.RIGHT, 210 - 2 * 20)
    ]


def test_the_design_sets_paper_margins_font_and_accent() -> None:
    theme = {"pageSize": "Letter", "marginMm": 12, "fontFamily": "inter", "accentColor": "#0f766e"}
    document = opened(word_file(outlined(sample_resume(), theme)))
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert section.left_margin is not None
    assert round(section.left_margin.mm, 1) == 12
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        assert document.styles[name].font.name == "Inter"
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0x0F, 0x76, 0x6E)
    assert heading.font.all_caps


def test_the_template_font_is_used_when_the_resume_chose_none() -> None:
    document = opened(word_file(outlined(sample_resume())))
    assert document.styles["Normal"].font.name == "Source Serif 4"  # Classic's
    with zipfile.ZipFile(io.BytesIO(word_file(outlined(sample_resume())))) as archive:
        fonts = archive.read("word/fontTable.xml").decode()
    assert '<w:font w:name="Source Serif 4"><w:altName w:val="Georgia"/>' in fonts


def test_a_german_resume_has_german_headings_and_proofing_language() -> None:
    data = word_file(outlined(german()))
    document = opened(data)
    assert [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"] == [
        "Berufserfahrung",
        "Kenntnisse",
    ]
    assert document.core_properties.language == "de-DE"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert '<w:lang w:val="de-DE"/>' in archive.read("word/styles.xml").decode()


def test_links_are_words_hyperlinks_and_the_title_and_author_are_set() -> None:
    document = opened(word_file(outlined(sample_resume())))
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert targets == {
        "mailto:maya.okafor@example.com",
        "https://mayaokafor.example.com",
        "https://linkedin.com/in/mayaokafor",
        "https://dribbble.com/mokafor",
        "https://openrota.example.org",
    }
    properties = document.core_properties
    assert (properties.title, properties.author) == ("Maya Okafor — Resume", "Maya Okafor")
