"""Resumes written in Word the way people write them, exported to PDF by LibreOffice.

Each JSON Resume document becomes a Word file (python-docx) laid out as a typical Word resume:
the name in the Title style, contact and profile lines, Heading 1 sections, each entry as a bold
`Role, Employer` line with its dates under it, highlights in the List Bullet style, skills as
comma lists. The table layout sets an entry's head in a borderless two-column table, employer
and place over role and dates, as many Word templates do. Debian's LibreOffice Writer
(`libreoffice-writer-nogui`) exports the PDFs headless, from a temporary directory with a profile
of its own and a time limit. It opens no network socket (the files link to nothing to fetch) and
writes no link annotations, so a link is its printed text only; it sets the fonts the machine
has (DejaVu for Calibri where Carlito is not installed).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

# Each layout, by the name the recall table gives it: whether entries are set in tables.
LAYOUTS = {"libreoffice-word": False, "libreoffice-word-table": True}
EXPORT_TIMEOUT = 180
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
BOLD = re.compile(r"\*\*(.+?)\*\*")
SCHEME = re.compile(r"^https?://(www\.)?|/$")
LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)


def month(date: str) -> str:
    """`2013-12-01` as Word users type it: `Dec 2013`; a bare year stays a year."""
    parts = date.split("-")
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) > 1 else parts[0]


def dates(entry: dict[str, Any]) -> str:
    start, end = entry.get("startDate"), entry.get("endDate")
    if not start:
        return month(end) if end else ""
    return f"{month(start)} – {month(end) if end else 'Present'}"


def joined(*parts: Any, sep: str = ", ") -> str:
    return sep.join(str(part) for part in parts if part)


def link(paragraph: Paragraph, text: str, url: str, *, bold: bool = False) -> None:
    """A hyperlink run, as Word makes one of a typed address: blue and underlined."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel)
    run = paragraph.add_run(text)
    run.font.color.rgb = LINK_BLUE
    run.font.underline = True
    run.bold = bold or None
    hyperlink.append(run._r)
    paragraph._p.append(hyperlink)


def prose(paragraph: Paragraph, text: str) -> Paragraph:
    """Text with Markdown's `**bold**` set in bold, as a writer would in Word."""
    for index, piece in enumerate(BOLD.split(text)):
        if piece:
            paragraph.add_run(piece).bold = index % 2 == 1 or None
    return paragraph


def bullets(doc: WordDocument, items: Iterable[str]) -> None:
    for item in items:
        prose(doc.add_paragraph(style="List Bullet"), item)


def title_line(doc: WordDocument, title: str, url: str | None = None, role: str = "") -> None:
    """An entry's first line in bold (`Role, Title`), its title linked where it has an address."""
    line = doc.add_paragraph()
    line.paragraph_format.space_before = Pt(6)
    line.paragraph_format.space_after = Pt(0)
    line.paragraph_format.keep_with_next = True
    if role:
        line.add_run(f"{role}, ").bold = True
    if url:
        link(line, title, url, bold=True)
    else:
        line.add_run(title).bold = True


def side_by_side(doc: WordDocument, rows: list[tuple[str, str]], url: str | None) -> None:
    """An entry's head as Word templates set it: a borderless table, dates on the right."""
    table = doc.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (left, right) in enumerate(row for row in rows if any(row)):
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(11.5), Cm(4.5)
        head, side = cells[0].paragraphs[0], cells[1].paragraphs[0]
        head.paragraph_format.space_after = side.paragraph_format.space_after = Pt(0)
        if index == 0 and url:
            link(head, left, url, bold=True)
        else:
            run = head.add_run(left)
            run.bold, run.italic = index == 0 or None, index > 0 or None
        side.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        side.add_run(right).italic = index > 0 or None


def entry_head(
    doc: WordDocument, *, table: bool, title: str, role: str = "", when: str = "",
    where: str = "", url: str | None = None,
) -> None:  # fmt: skip
    """`Role, Title` in bold and `dates | place` in italics under it, or a table: the title and
    the place over the role and the dates (the title and the dates where there is no role)."""
    if table:
        rows = [(title, where), (role, when)] if role else [(title, when), (where, "")]
        side_by_side(doc, rows, url)
        return
    title_line(doc, title, url, role)
    if when or where:
        detail = doc.add_paragraph()
        detail.paragraph_format.space_after = Pt(2)
        detail.add_run(joined(when, where, sep=" | ")).italic = True


def linked_line(doc: WordDocument, pieces: list[tuple[str, str | None]]) -> None:
    """Details on one line between bars, each linked where it has an address."""
    line = doc.add_paragraph()
    line.paragraph_format.space_after = Pt(0)
    for index, (text, url) in enumerate(piece for piece in pieces if piece[0]):
        if index:
            line.add_run(" | ")
        if url:
            link(line, text, url)
        else:
            line.add_run(text)


def header(doc: WordDocument, basics: dict[str, Any]) -> None:
    """The name as the title, then the label, the address, the contacts and the profiles."""
    doc.add_paragraph(basics.get("name", ""), style="Title")
    if basics.get("label"):
        doc.add_paragraph(basics["label"], style="Subtitle")
    place = basics.get("location") or {}
    keys = ("address", "city", "region", "postalCode", "countryCode")
    if address := joined(*(place.get(key) for key in keys)):
        doc.add_paragraph(address).paragraph_format.space_after = Pt(0)
    email = basics.get("email", "")
    linked_line(
        doc,
        [
            (email, f"mailto:{email}" if email else None),
            (basics.get("phone", ""), None),
            (SCHEME.sub("", basics.get("url", "")), basics.get("url")),
        ],
    )
    profiles = [
        (
            f"{p.get('network')}: {p.get('username') or SCHEME.sub('', p.get('url', ''))}",
            p.get("url"),
        )
        for p in basics.get("profiles", [])
    ]
    linked_line(doc, profiles)


def jobs(doc: WordDocument, entries: list[dict[str, Any]], table: bool, name: str) -> None:
    """Work and volunteering: the role at the employer, dates and place, summary, highlights."""
    for entry in entries:
        entry_head(
            doc, table=table, title=entry.get(name, ""), role=entry.get("position", ""),
            when=dates(entry), where=entry.get("location", ""),
        )  # fmt: skip
        if entry.get("summary"):
            prose(doc.add_paragraph(), entry["summary"])
        bullets(doc, entry.get("highlights", []))


def schools(doc: WordDocument, entries: list[dict[str, Any]], table: bool) -> None:
    for entry in entries:
        degree = joined(entry.get("studyType"), entry.get("area"), sep=" in ")
        entry_head(
            doc, table=table, title=entry.get("institution", ""), role=degree,
            when=dates(entry),
        )  # fmt: skip
        if entry.get("score"):
            doc.add_paragraph(f"GPA: {entry['score']}")
        bullets(doc, entry.get("courses", []))


def projects(doc: WordDocument, entries: list[dict[str, Any]], table: bool) -> None:
    for entry in entries:
        entry_head(
            doc, table=table, title=entry.get("name", ""), when=dates(entry), url=entry.get("url")
        )
        if entry.get("description"):
            prose(doc.add_paragraph(), entry["description"])
        bullets(doc, entry.get("highlights", []))
        for label, key in (("Roles", "roles"), ("Technologies", "keywords")):
            if entry.get(key):
                doc.add_paragraph(f"{label}: {joined(*entry[key])}")


def honours(doc: WordDocument, entries: list[dict[str, Any]], table: bool, keys: str) -> None:
    """Certificates, awards and publications: a title, who gave it and when, a summary.
    `keys` names the title, giver and date fields, in that order."""
    title, giver, date = keys.split()
    for entry in entries:
        when = month(entry[date]) if entry.get(date) else ""
        entry_head(
            doc, table=table, title=entry.get(title, ""), when=when, where=entry.get(giver, ""),
            url=entry.get("url"),
        )  # fmt: skip
        if entry.get("summary"):
            prose(doc.add_paragraph(), entry["summary"])


def groups(doc: WordDocument, entries: list[dict[str, Any]], table: bool) -> None:
    """Skills and interests, one group a line: `Name (Level): keyword, keyword`."""
    for entry in entries:
        line = doc.add_paragraph(style="List Bullet")
        level = f"({entry['level']})" if entry.get("level") else ""
        line.add_run(f"{joined(entry.get('name'), level, sep=' ')}: ").bold = True
        line.add_run(joined(*entry.get("keywords", [])))


def languages(doc: WordDocument, entries: list[dict[str, Any]], table: bool) -> None:
    doc.add_paragraph(joined(*(f"{e.get('language')} ({e.get('fluency')})" for e in entries)))


def references(doc: WordDocument, entries: list[dict[str, Any]], table: bool) -> None:
    for entry in entries:
        doc.add_paragraph(f"“{entry.get('reference', '')}”").runs[0].italic = True
        doc.add_paragraph(f"— {entry.get('name', '')}")


Writer = Callable[[WordDocument, list[dict[str, Any]], bool], None]
# Each section a Word resume has, in the usual order: its heading and how its entries are written.
SECTIONS: dict[str, tuple[str, Writer]] = {
    "work": ("Experience", partial(jobs, name="name")),
    "volunteer": ("Volunteer Experience", partial(jobs, name="organization")),
    "education": ("Education", schools),
    "projects": ("Projects", projects),
    "skills": ("Skills", groups),
    "languages": ("Languages", languages),
    "certificates": ("Certifications", partial(honours, keys="name issuer date")),
    "awards": ("Awards", partial(honours, keys="title awarder date")),
    "publications": ("Publications", partial(honours, keys="name publisher releaseDate")),
    "interests": ("Interests", groups),
    "references": ("References", references),
}


def word_file(document: dict[str, Any], *, table: bool) -> bytes:
    """A JSON Resume document written as a Word resume: `table` sets entry heads in tables."""
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    basics = document.get("basics", {})
    header(doc, basics)
    if basics.get("summary"):
        doc.add_heading("Summary", level=1)
        prose(doc.add_paragraph(), basics["summary"])
    for key, (heading, write) in SECTIONS.items():
        if document.get(key):
            doc.add_heading(heading, level=1)
            write(doc, document[key], table)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def export_pdfs(files: dict[str, bytes]) -> dict[str, bytes]:
    """Word files by name, exported to PDF by one headless LibreOffice run."""
    with tempfile.TemporaryDirectory(prefix="resumate-word-") as work_dir:
        work = Path(work_dir)
        paths = []
        for name, data in files.items():
            paths.append(work / f"{name}.docx")
            paths[-1].write_bytes(data)
        command = [
            "soffice", "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, paths),
        ]  # fmt: skip
        try:
            process = subprocess.Popen(
                command, cwd=work, env={**os.environ, "HOME": str(work)},
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
            )  # fmt: skip
        except FileNotFoundError as error:
            raise RuntimeError(
                "LibreOffice is not installed (scripts/install-system-deps.sh)"
            ) from error
        with process:
            try:
                _, errors = process.communicate(timeout=EXPORT_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # soffice runs as a child of its launcher
                raise
        pdfs = {name: work / "pdf" / f"{name}.pdf" for name in files}
        if process.returncode != 0 or not all(pdf.exists() for pdf in pdfs.values()):
            raise RuntimeError(f"LibreOffice did not export the Word files: {errors.strip()}")
        return {name: pdf.read_bytes() for name, pdf in pdfs.items()}
