"""A file read as the import's dry run reads it, keeping the file's text to check against.

The steps are the transfer service's own (`TransferService.read`), called one by one because
that method gives back the document and not the text it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumate.transfer.lenient import Imported, ImportRefused, read_leniently
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.service import CHOOSE_A_FILE, FileInvalid, read_json_resume
from resumate.transfer.upload import Parsed, UploadedFile, file_notes, is_json_file


@dataclass(frozen=True)
class Source:
    """What the dry run answers, and the file's lines in the order it draws them (none for a
    JSON Resume file or LinkedIn's export, which are already in fields)."""

    parsed: Parsed
    lines: tuple[str, ...] = ()


async def read_source(reader: ReadingWorker, body: dict[str, Any] | UploadedFile) -> Source:
    """The file's reading and text; `ImportRefused` or `FileInvalid` as the import raises them."""
    if isinstance(body, dict):
        return Source(Parsed(read_leniently(body)))
    if not body.data.strip():
        raise FileInvalid(CHOOSE_A_FILE)
    if is_json_file(body):
        return Source(Parsed(read_json_resume(body.data)))
    try:
        read = await reader.read(body.data)
        imported = read_leniently(read.document)
    except (Unreadable, ImportRefused) as unreadable:
        raise FileInvalid(str(unreadable)) from None
    notes = file_notes(read, imported)
    parsed = Parsed(Imported(imported.document, notes), read.kind, read.confidence, read.pages)
    return Source(parsed, tuple(read.stream))
