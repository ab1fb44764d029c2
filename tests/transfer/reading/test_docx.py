"""Word files read into lines with the cues Word's styles, lists and tables give."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from resumate.transfer.reading.docx import MAX_PARAGRAPHS, read_docx
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.lines import CELL, Line, Span

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def saved(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {NAMESPACES} xmlns:r="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships" r:id="{rid}"><w:r><w:t>{text}</w:t></w:r>'
            "</w:hyperlink>"
        )
    )


def add_xml(document: Document, xml: str) -> None:
    document.element.body.sectPr.addprevious(parse_xml(xml))


def resume() -> Document:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Berlin\t+49 30 1234567"
    document.add_paragraph("Jane Doe", style="Title")
    contact = document.add_paragraph("jane@example.com · ")
    add_link(contact, "github.com/jane", "https://github.com/jane")
    document.add_paragraph()
    document.add_heading("Experience", level=1)
    job = document.add_paragraph()
    job.add_run("Senior Engineer").bold = True
    job.add_run(", Acme GmbH\t03/2019 – present")
    document.add_paragraph("Built the payments service", style="List Bullet")
    document.add_paragraph("Cut build times by 40%", style="List Bullet")
    document.add_heading("Skills", level=1)
    skills = document.add_table(rows=2, cols=2)
    for row, (area, tools) in enumerate([("Languages", "Python, Go"), ("Tools", "Docker")]):
        skills.cell(row, 0).text = area
        skills.cell(row, 1).text = tools
    return document


def two_columns() -> Document:
    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).row_cells(0)
    left.text = "Skills"
    left.add_paragraph("Python")
    right.text = "Experience"
    right.add_paragraph("Senior Engineer, Acme GmbH")
    right.add_paragraph("Built the payments service", style="List Bullet")
    return document


def read(document: Document) -> list[Line]:
    return read_docx(saved(document)).lines


def find(lines: list[Line], text: str) -> Line:
    return next(line for line in lines if line.text == text)


def test_a_resume_reads_in_order_with_the_header_first() -> None:
    source = read_docx(saved(resume()))
    assert (source.kind, source.pages) == ("docx", 1)
    assert [line.text for line in source.lines] == [
        f"Berlin{CELL}+49 30 1234567",
        "Jane Doe",
        "jane@example.com · github.com/jane",
        "Experience",
        f"Senior Engineer, Acme GmbH{CELL}03/2019 – present",
        "Built the payments service",
        "Cut build times by 40%",
        "Skills",
        f"Languages{CELL}Python, Go",
        f"Tools{CELL}Docker",
    ]


def test_title_and_heading_styles_are_headings_with_their_size() -> None:
    lines = read(resume())
    assert (find(lines, "Jane Doe").heading, find(lines, "Jane Doe").size) == (True, 26.0)
    experience = find(lines, "Experience")
    assert (experience.heading, experience.bold, experience.size) == (True, True, 14.0)
    assert not find(lines, "Cut build times by 40%").heading


def test_a_hyperlink_gives_its_target_and_an_email_a_mailto_link() -> None:
    line = find(read(resume()), "jane@example.com · github.com/jane")
    assert line.links == ("https://github.com/jane", "mailto:jane@example.com")


def test_a_bold_title_run_is_a_bold_span_of_a_line_not_bold_itself() -> None:
    line = read(resume())[4]
    assert not line.bold
    assert line.spans == (
        Span("Senior Engineer", bold=True),
        Span(f", Acme GmbH{CELL}03/2019 – present"),
    )
    assert line.cells == ["Senior Engineer, Acme GmbH", "03/2019 – present"]


def test_a_line_whose_runs_are_all_bold_is_bold() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Acme ").bold = True
    paragraph.add_run("GmbH").bold = True
    [line] = read(document)
    assert (line.bold, line.spans) == (True, (Span("Acme GmbH", bold=True),))


def test_list_styles_make_bullets_and_a_typed_glyph_is_taken_off() -> None:
    document = docx.Document()
    document.add_paragraph("Built it", style="List Bullet")
    document.add_paragraph("Ran it", style="List Number")
    document.add_paragraph("•\tShipped it")
    document.add_paragraph("Not a list")
    assert [(line.text, line.bullet) for line in read(document)] == [
        ("Built it", True),
        ("Ran it", True),
        ("Shipped it", True),
        ("Not a list", False),
    ]


def test_a_line_break_splits_a_paragraph_and_goes_on_with_its_item() -> None:
    document = docx.Document()
    item = document.add_paragraph("Led a team", style="List Bullet")
    item.add_run().add_break()
    item.add_run("of five")
    assert [(line.text, line.bullet) for line in read(document)] == [
        ("Led a team", True),
        ("of five", False),
    ]


def test_empty_paragraphs_give_one_gap_and_no_line() -> None:
    document = docx.Document()
    for text in ["Jane Doe", "", "", "Experience", "Acme"]:
        document.add_paragraph(text)
    assert [(line.text, line.gap) for line in read(document)] == [
        ("Jane Doe", 0.0),
        ("Experience", 1.0),
        ("Acme", 0.0),
    ]


def test_a_run_in_larger_type_gives_the_line_its_size() -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Jane Doe").font.size = Pt(20)
    document.add_paragraph("Berlin")
    assert [line.size for line in read(document)] == [20.0, 11.0]


def test_an_outline_level_marks_a_heading_in_any_style() -> None:
    add_xml(
        document := docx.Document(),
        f'<w:p {NAMESPACES}><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
        "<w:r><w:t>Berufserfahrung</w:t></w:r></w:p>",
    )
    assert read(document)[0].heading


def test_a_layout_table_is_read_column_by_column() -> None:
    lines = read(two_columns())
    assert [(line.text, line.column, line.bullet) for line in lines] == [
        ("Skills", 0, False),
        ("Python", 0, False),
        ("Experience", 1, False),
        ("Senior Engineer, Acme GmbH", 1, False),
        ("Built the payments service", 1, True),
    ]


def test_a_row_with_one_long_cell_is_read_across_a_line_at_a_time() -> None:
    document = docx.Document()
    dates, job = document.add_table(rows=1, cols=2).row_cells(0)
    dates.text = "2019 – 2023"
    job.text = "Senior Engineer"
    job.add_paragraph("Built the payments service", style="List Bullet")
    assert [(line.text, line.bullet) for line in read(document)] == [
        (f"2019 – 2023{CELL}Senior Engineer", False),
        ("Built the payments service", True),
    ]


def test_content_controls_and_tracked_insertions_are_read() -> None:
    add_xml(
        document := docx.Document(),
        f"<w:sdt {NAMESPACES}><w:sdtContent><w:p><w:r><w:t>Jane </w:t></w:r>"
        "<w:ins><w:r><w:t>Doe</w:t></w:r></w:ins></w:p></w:sdtContent></w:sdt>",
    )
    assert [line.text for line in read(document)] == ["Jane Doe"]


def test_hidden_and_deleted_text_is_left_out() -> None:
    add_xml(
        document := docx.Document(),
        f"<w:p {NAMESPACES}><w:r><w:t>Jane</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> kubernetes python</w:t></w:r>"
        "<w:del><w:r><w:delText> Smith</w:delText></w:r></w:del></w:p>",
    )
    assert [line.text for line in read(document)] == ["Jane"]


def test_a_text_box_is_read_once_not_with_its_fallback_copy() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent>"
    add_xml(
        document := docx.Document(),
        f"<w:p {NAMESPACES}><w:r><w:t>Jane Doe</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>'
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    )
    assert [line.text for line in read(document)] == ["Jane Doe", "Sidebar"]


def test_a_field_hyperlink_gives_its_target() -> None:
    add_xml(
        document := docx.Document(),
        f'<w:p {NAMESPACES}><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "https://jane.dev" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>My site</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    [line] = read(document)
    assert (line.text, line.links) == ("My site", ("https://jane.dev",))


def test_a_file_that_is_not_a_zip_is_damaged() -> None:
    with pytest.raises(Unreadable, match="damaged"):
        read_docx(b"%PDF-1.7 not a Word file")


def test_a_zip_that_is_not_a_word_file_is_damaged() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(Unreadable, match=r"damaged or is not a \.docx file"):
        read_docx(buffer.getvalue())


def test_an_old_binary_doc_is_refused_with_a_way_out() -> None:
    with pytest.raises(Unreadable, match=r"old Word file \(\.doc\)\. Save it in Word as \.docx"):
        read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))


def test_a_zip_bomb_is_refused_before_it_is_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(4 * 2**20))
    with pytest.raises(Unreadable, match="unpacks far beyond its size"):
        read_docx(buffer.getvalue())


def test_a_document_of_too_many_paragraphs_is_refused() -> None:
    document = docx.Document()
    for _ in range(MAX_PARAGRAPHS + 1000):
        document.add_paragraph("x")
    with pytest.raises(Unreadable, match="too long for a résumé"):
        read(document)


def test_all_caps_formatting_marks_the_line_upper_and_keeps_the_text() -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Experience").font.all_caps = True
    document.add_paragraph("Experience")
    assert [(line.text, line.upper) for line in read(document)] == [
        ("Experience", True),
        ("Experience", False),
    ]


def test_rows_in_a_repeating_content_control_are_read() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell.format("Python") + cell.format("5 years") + "</w:tr>"
    add_xml(
        document := docx.Document(),
        f"<w:tbl {NAMESPACES}><w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt></w:tbl>",
    )
    assert [line.cells for line in read(document)] == [["Python", "5 years"]]


def test_the_first_page_header_is_read_when_the_first_page_differs() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Jane Doe"
    section.header.paragraphs[0].text = "Jane Doe – page 2"
    document.add_paragraph("Experience")
    assert [line.text for line in read(document)] == ["Jane Doe", "Experience"]


def test_a_style_based_on_itself_is_read_as_a_plain_style() -> None:
    document = docx.Document()
    style = document.styles.add_style("Loop", WD_STYLE_TYPE.PARAGRAPH)
    style.element.append(parse_xml(f'<w:basedOn {NAMESPACES} w:val="{style.style_id}"/>'))
    document.add_paragraph("Jane Doe", style="Loop")
    assert [(line.text, line.heading) for line in read(document)] == [("Jane Doe", False)]
