"""PDFs read into lines: every built-in template printed by Chromium, and files made by hand."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from resumate.document.sample import sample_resume
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.lines import Line, Source
from resumate.transfer.reading.pdf import (
    DAMAGED,
    LEFT_OUT,
    NO_LETTERS,
    NO_TEXT,
    NOT_PDF,
    PROTECTED,
    read_pdf,
)
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, print_pdf
from tests.templates.test_template_pdfs import sample as hendriks

SLUGS = sorted(TEMPLATES)
NAME = "Maya Okafor"
EMAIL = "maya.okafor@example.com"
PHONE = "+44 20 7946 0321"
TITLE = "Senior Product Designer"
HEADING = re.compile(r'<h2 class="section-title">([^<]*)</h2>')
# The sample's first job, written by people who write German, Arabic and Japanese.
WRITTEN = {
    "de": ("Jürgen Weiß", "Leitender Entwickler", "Effiziente, fließende Abläufe geschaffen"),
    "ar": ("ليلى حداد", "مصممة منتجات أولى", "أعادت تصميم تخطيط المناوبات في المستشفيات"),
    "ja": ("山田 花子", "シニアデザイナー", "シフト計画を再設計し、計画時間を三割短縮"),
}


def sample() -> dict[str, Any]:
    return copy.deepcopy(sample_resume())


def written(language: str) -> dict[str, Any]:
    data = sample()
    name, position, highlight = WRITTEN[language]
    data["basics"]["name"] = name
    data["work"][0] |= {"position": position, "highlights": [highlight]}
    return data


@pytest.fixture(scope="module")
async def read(renderer: Renderer) -> dict[str, Source]:
    """Every template printed once with the sample and read back."""
    return {
        slug: read_pdf(await print_pdf(renderer, template, sample(), {}))
        for slug, template in TEMPLATES.items()
    }


@pytest.fixture(scope="module")
async def languages(renderer: Renderer) -> dict[tuple[str, str], Source]:
    return {
        (language, slug): read_pdf(
            await print_pdf(renderer, TEMPLATES[slug], written(language), {"language": language})
        )
        for language in WRITTEN
        for slug in ("classic", "sidebar")
    }


def after_heading(lines: list[Line], heading: str) -> list[Line]:
    start = next(i for i, line in enumerate(lines) if line.text.casefold() == heading)
    return lines[start + 1 :]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_name_comes_first_then_the_contact_details(read: dict[str, Source], slug: str) -> None:
    lines = read[slug].lines
    assert lines[0].text == NAME
    head = " ".join(line.text for line in lines[1:6])
    assert EMAIL in head
    assert PHONE in head


@pytest.mark.parametrize("slug", SLUGS)
def test_the_section_headings_are_lines_of_their_own_in_order(
    read: dict[str, Source], slug: str
) -> None:
    template = TEMPLATES[slug]
    source = TemplateSource(template.html, template.css, template.defaults)
    shown = [
        title.casefold() for title in HEADING.findall(render_document(source, sample(), {}).html)
    ]
    found = [line.text.casefold() for line in read[slug].lines if line.text.casefold() in shown]
    assert found == shown


def test_a_sidebar_is_read_as_a_column_of_its_own(read: dict[str, Source]) -> None:
    lines = read["sidebar"].lines
    columns = [line.column for line in lines]
    assert columns == sorted(columns)  # the whole sidebar, then the whole main column
    sidebar = [line.text for line in lines if line.column == 0]
    main = [line.text for line in lines if line.column == 1]
    assert sidebar[:4] == [NAME, TITLE, "CONTACT", EMAIL]
    assert {"SKILLS", "Figma, HTML and CSS, Miro"} <= set(sidebar)
    assert main[0] == "Summary"
    assert main[1].startswith("Product designer with nine years")


@pytest.mark.parametrize(
    "slug", [slug for slug in SLUGS if slug not in ("compact", "sidebar", "horizon")]
)
def test_a_one_column_template_has_one_column(read: dict[str, Source], slug: str) -> None:
    assert {line.column for line in read[slug].lines} == {0}


def test_a_header_of_two_blocks_is_read_block_by_block(read: dict[str, Source]) -> None:
    lines = read["compact"].lines
    assert [(line.cells[0], line.column) for line in lines[:4]] == [
        (NAME, 0),
        (TITLE, 0),
        (EMAIL, 1),
        ("LinkedIn linkedin.com/in/mayaokafor", 1),
    ]
    assert {line.column for line in lines[4:]} == {0}


async def test_the_name_comes_first_beside_a_contact_block_set_higher(renderer: Renderer) -> None:
    source = read_pdf(await print_pdf(renderer, TEMPLATES["compact"], hendriks(), {}))
    assert [line.cells[0] for line in source.lines[:3]] == [
        "Richard Hendriks",
        "Programmer",
        "richard.hendriks@mail.com",
    ]


@pytest.mark.parametrize("slug", ["academic", "classic", "executive", "modern", "sidebar"])
def test_a_flush_right_date_stays_on_its_jobs_line_as_a_cell(
    read: dict[str, Source], slug: str
) -> None:
    line = next(line for line in read[slug].lines if "Mar 2021 – Present" in line.text)
    assert line.cells[0].startswith((TITLE, "Northwind Health"))
    assert line.cells[-1].startswith("Mar 2021 – Present")


def test_a_date_column_beside_the_entries_stays_on_their_lines(read: dict[str, Source]) -> None:
    line = next(line for line in read["compact"].lines if "Jun 2017 – Feb 2021" in line.text)
    assert line.cells[:2] == ["Jun 2017 – Feb 2021", "Product Designer, Ledgerline"]


@pytest.mark.parametrize("slug", SLUGS)
def test_highlights_are_bullets_without_their_glyph(read: dict[str, Source], slug: str) -> None:
    highlights = {text for job in sample()["work"] for text in job["highlights"]}
    lines = read[slug].lines
    assert {line.text for line in lines if line.bullet} == highlights
    first = next(i for i, line in enumerate(lines) if line.bullet)
    assert lines[first].left > lines[first - 1].left  # indented under the job's description


@pytest.mark.parametrize("slug", SLUGS)
def test_a_job_title_is_bold(read: dict[str, Source], slug: str) -> None:
    line = next(
        line for line in after_heading(read[slug].lines, "experience") if TITLE in line.text
    )
    assert any(span.bold and span.text.strip().startswith(TITLE) for span in line.spans)


@pytest.mark.parametrize("slug", ["executive", "modern", "sidebar"])
def test_a_title_before_its_date_makes_the_line_bold(read: dict[str, Source], slug: str) -> None:
    line = next(
        line for line in after_heading(read[slug].lines, "experience") if TITLE in line.text
    )
    assert line.bold


def test_a_heading_in_capitals_has_space_above_it(read: dict[str, Source]) -> None:
    lines = read["classic"].lines
    heading = next(line for line in lines if line.text == "EXPERIENCE")
    assert heading.upper
    assert heading.bold
    assert lines[0].gap == 0
    assert heading.gap > 1 > max(line.gap for line in lines if line.bullet)


def test_links_go_with_the_lines_they_cover(read: dict[str, Source]) -> None:
    lines = {line.text: line for line in read["sidebar"].lines}
    assert lines[EMAIL].links == (f"mailto:{EMAIL}",)
    assert lines["openrota.example.org"].links[0].startswith("https://openrota.example.org")
    assert lines["Summary"].links == ()


async def test_page_numbers_and_running_headers_are_left_out(renderer: Renderer) -> None:
    theme = {"runningHeader": True, "pageNumbers": True}
    source = read_pdf(await print_pdf(renderer, TEMPLATES["classic"], long_resume(), theme))
    assert source.pages >= 2
    assert not [line for line in source.lines if re.fullmatch(r"\d+ ?/ ?\d+", line.text)]
    assert [line.page for line in source.lines if line.text == "Richard Hendriks"] == [0]


@pytest.mark.parametrize("slug", ["classic", "sidebar"])
@pytest.mark.parametrize("language", sorted(WRITTEN))
def test_a_resume_in_another_script_reads_as_written(
    languages: dict[tuple[str, str], Source], language: str, slug: str
) -> None:
    source = languages[language, slug]
    assert source.lines[0].text == WRITTEN[language][0]
    for value in WRITTEN[language]:
        assert value in source.text
    assert source.warnings == []
    assert not re.search(r"\(cid:|[\ufb00-\ufb06\ue000-\uf8ff]", source.text)


def test_a_right_to_left_page_reads_its_right_column_first(
    languages: dict[tuple[str, str], Source],
) -> None:
    lines = languages["ar", "sidebar"].lines
    assert [line.column for line in lines] == sorted(line.column for line in lines)
    assert lines[0].text == WRITTEN["ar"][0]
    assert lines[0].left > 300  # the sidebar stands on the right


# Files made by hand: one page, text drawn with the fonts given as objects 5, 6, ...
WIDTHS = b" /FirstChar 32 /LastChar 255 /Widths [" + b"500 " * 224 + b"]"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /StandardEncoding >>"
NO_MAP = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [<<"
    b" /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /DW 500 /CIDSystemInfo << /Registry"
    b" (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>"
)
DEEP = b"[" * 100_000 + b"]" * 100_000


def font(name: bytes) -> bytes:
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /" + name + WIDTHS + b" >>"


def handmade(content: bytes, *fonts: bytes, page: bytes = b"") -> bytes:
    """A one-page PDF drawing `content`, its fonts named /F1, /F2, ... in order."""
    names = b" ".join(b"/F%d %d 0 R" % (n, n + 4) for n in range(1, len(fonts) + 1))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << " + names + b" >> >>" + page + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *fonts,
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def texts(pdf: bytes) -> list[str]:
    return [line.text for line in read_pdf(pdf).lines]


def test_bytes_that_are_not_a_pdf_are_refused() -> None:
    with pytest.raises(Unreadable, match=f"^{NOT_PDF}$"):
        read_pdf(b"PK\x03\x04 a zip file, not a PDF")


async def test_a_truncated_pdf_is_damaged(renderer: Renderer) -> None:
    pdf = await print_pdf(renderer, TEMPLATES["classic"], sample(), {})
    with pytest.raises(Unreadable, match=f"^{DAMAGED}$"):
        read_pdf(pdf[: len(pdf) // 2])


async def test_a_pdf_of_more_than_20_pages_is_refused(renderer: Renderer) -> None:
    data = sample()
    data["work"] = [data["work"][0] | {"name": f"Company {n}"} for n in range(200)]
    pdf = await print_pdf(renderer, TEMPLATES["classic"], data, {})
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages > 20
    message = f"This PDF has {pages} pages; a resume of up to 20 can be imported."
    with pytest.raises(Unreadable, match=f"^{message}$"):
        read_pdf(pdf)


def test_a_pdf_without_text_is_taken_for_a_scan() -> None:
    with pytest.raises(Unreadable, match=f"^{NO_TEXT}$"):
        read_pdf(handmade(b"0 0 1 rg 100 100 200 200 re f"))


@pytest.mark.parametrize(
    ("content", "page", "message"),
    [
        (b"BT /F1 12 Tf 72 700 Td " + DEEP + b" TJ ET", b"", DAMAGED),
        (b"0 0 1 rg 100 100 200 200 re f", b" /Annots " + DEEP + b" /Deep " + DEEP, NO_TEXT),
    ],
    ids=["drawn", "in-the-page"],
)
def test_deeply_nested_arrays_are_refused_cleanly(
    content: bytes, page: bytes, message: str
) -> None:
    with pytest.raises(Unreadable, match=f"^{message}$"):
        read_pdf(handmade(content, HELVETICA, page=page))


def test_a_pdf_locked_with_a_password_is_refused() -> None:
    writer = PdfWriter(
        clone_from=io.BytesIO(handmade(b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET", HELVETICA))
    )
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(Unreadable, match=f"^{re.escape(PROTECTED)}$"):
        read_pdf(locked.getvalue())


def test_glyphs_without_text_are_left_out_with_a_warning() -> None:
    pdf = handmade(
        b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET BT /F2 12 Tf 72 680 Td <00410042> Tj ET",
        HELVETICA,
        NO_MAP,
    )
    source = read_pdf(pdf)
    assert [line.text for line in source.lines] == ["Hello"]
    assert source.warnings == [LEFT_OUT]


def test_a_pdf_whose_glyphs_all_lack_text_is_refused() -> None:
    with pytest.raises(Unreadable, match=f"^{NO_LETTERS}$"):
        read_pdf(handmade(b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET", NO_MAP))


def test_ligatures_become_their_letters() -> None:
    # In the standard encoding \256 is the fi ligature and \257 the fl ligature.
    pdf = handmade(b"BT /F1 12 Tf 72 700 Td (ef\\256cient \\257ow) Tj ET", HELVETICA)
    assert texts(pdf) == ["efficient flow"]


def test_words_placed_apart_without_blanks_are_spaced() -> None:
    pdf = handmade(b"BT /F1 12 Tf 72 700 Td [(Placed) -300 (apart)] TJ ET", HELVETICA)
    assert texts(pdf) == ["Placed apart"]


def test_a_wide_gap_on_a_line_makes_a_cell() -> None:
    pdf = handmade(
        b"BT /F1 12 Tf 72 700 Td (Engineer at Initech) Tj 400 0 Td (2019 - 2021) Tj ET", HELVETICA
    )
    assert read_pdf(pdf).lines[0].cells == ["Engineer at Initech", "2019 - 2021"]


def test_invisible_text_beside_visible_text_is_left_out() -> None:
    pdf = handmade(
        b"BT /F1 12 Tf 72 700 Td (Shown) Tj ET BT 3 Tr /F1 12 Tf 72 680 Td (hidden) Tj 0 Tr ET",
        HELVETICA,
    )
    assert texts(pdf) == ["Shown"]


def test_invisible_text_alone_is_read_as_a_scans_ocr_layer() -> None:
    pdf = handmade(b"BT 3 Tr /F1 12 Tf 72 700 Td (Recognised text) Tj ET", HELVETICA)
    assert texts(pdf) == ["Recognised text"]


@pytest.mark.parametrize(
    ("name", "bold", "italic"),
    [
        (b"Helvetica-Bold", True, False),
        (b"Arial,BoldItalic", True, True),
        (b"SourceSans3-SemiBold", True, False),
        (b"Montserrat-Medium", False, False),
        (b"Times-Oblique", False, True),
        (b"Inter-Regular", False, False),
    ],
)
def test_bold_and_italic_come_from_the_font_name(name: bytes, bold: bool, italic: bool) -> None:
    line = read_pdf(handmade(b"BT /F1 12 Tf 72 700 Td (Styled text) Tj ET", font(name))).lines[0]
    assert (line.bold, line.italic) == (bold, italic)


def test_a_word_drawn_twice_a_hair_apart_reads_once_in_bold() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Twice) Tj ET BT /F1 12 Tf 72.4 700 Td (Twice) Tj ET"
    line = read_pdf(handmade(content, HELVETICA)).lines[0]
    assert (line.text, line.bold) == ("Twice", True)


def test_a_bullet_glyph_is_taken_off_its_line() -> None:
    # \267 is the bullet in the standard encoding.
    content = (
        b"BT /F1 12 Tf 72 700 Td (\\267 Point) Tj 0 -20 Td (\\267Close) Tj 0 -20 Td (- Dash) Tj"
        b" 0 -20 Td (-5 C) Tj 0 -20 Td (-Hyphen) Tj ET"
    )
    lines = read_pdf(handmade(content, HELVETICA)).lines
    assert [(line.text, line.bullet) for line in lines] == [
        ("Point", True),
        ("Close", True),
        ("Dash", True),
        ("-5 C", False),
        ("-Hyphen", False),
    ]


def test_a_page_number_alone_at_the_foot_is_left_out() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Resume) Tj ET BT /F1 10 Tf 280 30 Td (Page 1 of 1) Tj ET"
    assert texts(handmade(content, HELVETICA)) == ["Resume"]


def test_two_columns_under_a_heading_across_the_page_are_read_one_after_the_other() -> None:
    header = b"BT /F1 14 Tf 72 800 Td (Ada Lovelace, Analyst, London, ada@example.com) Tj ET\n"
    left = b"".join(
        b"BT /F1 10 Tf 72 %d Td (Left %d) Tj ET\n" % (760 - 14 * n, n) for n in range(20)
    )
    right = b"".join(
        b"BT /F1 10 Tf 320 %d Td (Right %d) Tj ET\n" % (765 - 17 * n, n) for n in range(16)
    )
    lines = read_pdf(handmade(header + left + right, HELVETICA)).lines
    assert [line.text for line in lines] == [
        "Ada Lovelace, Analyst, London, ada@example.com",
        *(f"Left {n}" for n in range(20)),
        *(f"Right {n}" for n in range(16)),
    ]
    assert [line.column for line in lines] == [0] * 21 + [1] * 16
    gaps = {line.text: line.gap for line in lines}
    assert gaps["Left 0"] > 2  # below the heading, in its column
    assert gaps["Right 0"] == 0  # the first line of its column
