"""Any resume file read into a JSON Resume document: PDF, Word, LinkedIn's export, plain text.

The kind is told from the bytes, not the name a browser sends (a file may lie about its type);
the name only breaks a tie between text and Markdown. Each kind has its reader (`pdf`, `docx`,
`linkedin`, `text`); all but LinkedIn's, which is already in fields, hand their lines to the
field extractor (`resumate.transfer.reading.fields`). Every reader raises `Unreadable` with a
sentence for the person; the worker (`resumate.transfer.reading.worker`) adds time and memory
limits around this. For the review of an import, a PDF's pages are drawn as images too
(`resumate.transfer.reading.images`), within the same limits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from resumate.transfer.reading.docx import read_docx
from resumate.transfer.reading.fields import extract
from resumate.transfer.reading.images import IMAGE_SECONDS, PageImage, page_images
from resumate.transfer.reading.limits import MAX_BYTES, Unreadable, open_zip
from resumate.transfer.reading.linkedin import is_linkedin_export, read_linkedin
from resumate.transfer.reading.pdf import read_pdf
from resumate.transfer.reading.text import read_text

FileKind = Literal["pdf", "docx", "linkedin", "text"]
EXTENSIONS = (".pdf", ".docx", ".zip", ".txt", ".md", ".markdown")
# What the old formats start with: they get their own message, not "not a resume".
OLD_FORMATS = {b"\xd0\xcf\x11\xe0": "old Word file (.doc)", b"{\\rtf": "Rich Text file (.rtf)"}


@dataclass(slots=True)
class ReadResume:
    """What was read from a file: the document, how sure each field is, what to tell the person.

    `confidence` maps a field's path (`basics.name`, `work[0].position`) from 0 to 1; a field below
    `UNSURE` is marked for the person to check, and one not in it was read for certain (a
    LinkedIn export's columns). `warnings` are sentences about the file as a
    whole or a part left out.
    """

    kind: FileKind
    document: dict[str, Any]
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: int = 1
    # The file's lines in the order it draws them (what most résumé parsers read), and whether
    # its pages are set in columns side by side: what a report on the file says about it.
    stream: list[str] = field(default_factory=list)
    columns: bool = False
    # A PDF's pages drawn, when asked for (the review of an import); none if one could not be.
    images: list[PageImage] = field(default_factory=list)


UNSURE = 0.7


def kind_of(data: bytes) -> FileKind:
    """The file's kind from its first bytes; `Unreadable` for one no reader takes."""
    if not data.strip():
        raise Unreadable("This file is empty.")
    if len(data) > MAX_BYTES:
        raise Unreadable(f"This file is larger than {MAX_BYTES // 2**20} MB.")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for signature, name in OLD_FORMATS.items():
        if data.startswith(signature):
            raise Unreadable(f"This is an {name}. Save it as .docx or PDF and import that.")
    if data.startswith(b"PK\x03\x04"):
        if is_linkedin_export(data):
            return "linkedin"
        names = open_zip(data, "file").namelist()
        if "word/document.xml" in names:
            return "docx"
        raise Unreadable("This ZIP is neither a Word file (.docx) nor a LinkedIn data export.")
    return "text"


def read_resume(data: bytes, *, images: bool = False) -> ReadResume:
    """The resume in a file of any kind this import reads; `Unreadable` says why not. With
    `images`, a PDF's pages come drawn too."""
    started = time.monotonic()
    kind = kind_of(data)
    if kind == "linkedin":
        export = read_linkedin(data)
        return ReadResume(kind, export.document, {}, export.warnings)
    source = {"pdf": read_pdf, "docx": read_docx, "text": read_text}[kind](data)
    found = extract(source)
    warnings = [*source.warnings, *found.warnings]
    drawn = sorted(source.lines, key=lambda line: line.order)
    stream = [" ".join(line.cells) for line in drawn]
    columns = any(line.column > 0 for line in source.lines)
    read = ReadResume(
        kind, found.document, found.confidence, warnings, source.pages, stream, columns
    )
    if images and kind == "pdf":
        read.images = page_images(data, until=started + IMAGE_SECONDS)
    return read
