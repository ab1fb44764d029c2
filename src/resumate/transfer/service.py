"""Importing a resume (a JSON Resume document, or a PDF, Word, LinkedIn or text file) as a new
resume, and exporting one as JSON Resume.

Every way in (the API's JSON body or file, a file on the dashboard) ends in the same parser and
limits as a save, `parse_resume`, reached through `read_leniently`: what a save would refuse is
mended or left out, and reported (see `resumate.transfer.lenient`). A file that is not JSON is
first read into a document in the worker process (`resumate.transfer.reading.worker`). An export
carries the resume's design in `meta`, and an import of it restores that design (see
`resumate.transfer.design`).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict
from typing import Any

from sqlalchemy.orm.attributes import flag_modified

from resumate.db import release
from resumate.document.fields import TOO_DEEP
from resumate.document.schemas import JsonResume, in_schema_order
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.templates.service import TemplateService
from resumate.transfer.design import read_design, with_design
from resumate.transfer.lenient import (
    Imported,
    ImportRefused,
    ImportWarning,
    as_written,
    read_leniently,
)
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.upload import (
    MAX_JSON_BYTES,
    Parsed,
    UploadedFile,
    file_notes,
    is_json_file,
)

CHOOSE_A_FILE = (
    "Choose a file to import: a PDF, Word file (.docx), LinkedIn export (.zip), text (.txt, .md)"
    " or JSON Resume file (.json)."
)


class FileInvalid(ValueError):
    """An uploaded file that is not a JSON Resume document, said in words a person can act on."""


class TransferService:
    def __init__(
        self, resumes: ResumeService, templates: TemplateService, reader: ReadingWorker
    ) -> None:
        self.resumes = resumes
        self.templates = templates
        self.reader = reader

    async def read(self, body: dict[str, Any] | UploadedFile, *, images: bool = False) -> Parsed:
        """The document an import was sent, and what to tell about it; nothing is saved.

        A JSON body refused raises `ImportRefused`, a file `FileInvalid`. A file that is not
        JSON is read in the worker, with no database connection held meanwhile; with `images`
        (a dry run's, for the review page) a PDF's pages come drawn too.
        """
        if isinstance(body, dict):
            return Parsed(read_leniently(body))
        if not body.data.strip():
            raise FileInvalid(CHOOSE_A_FILE)
        if is_json_file(body):
            return Parsed(read_json_resume(body.data))
        await release(self.resumes.session)
        try:
            read = await self.reader.read(body.data, images=images)
            imported = read_leniently(read.document)
        except (Unreadable, ImportRefused) as unreadable:
            raise FileInvalid(str(unreadable)) from None
        notes = file_notes(read, imported)
        noted = Imported(imported.document, notes)
        return Parsed(noted, read.kind, read.confidence, read.pages, read.images)

    async def import_document(
        self,
        owner_id: uuid.UUID,
        imported: Imported,
        title: str | None,
        template_id: uuid.UUID | None,
    ) -> Resume:
        """A new resume from an imported document; what it could not take stays on it to show."""
        data = imported.document
        # JSON Resume names its theme in meta.theme; read it before the design comes out of meta.
        theme_name = getattr(data.meta, "theme", None) if data.meta is not None else None
        design, data = read_design(data)
        if template_id is None:
            # Ours by name: the design's template, else the standard's theme name, else the default.
            named = (design.template if design else None, theme_name)
            template_id = await self._template_named(*named)
        title = title or imported_title(data)
        theme = design.theme if design else None
        resume = await self.resumes.create(owner_id, title, template_id, data, theme)
        resume.import_warnings = [asdict(warning) for warning in imported.warnings] or None
        return resume

    def dismiss_warnings(self, resume: Resume) -> None:
        """Stop showing what the import reported; written when the request's session commits."""
        resume.import_warnings = None
        # Reading a notice is not an edit: the resume keeps its "Edited" time.
        flag_modified(resume, "updated_at")

    async def export(self, resume: Resume) -> tuple[dict[str, Any], str]:
        """The resume as a JSON Resume document with its design in meta, and its file name."""
        template = await self.templates.get(resume.template_id)
        document = with_design(in_schema_order(resume.data), template.slug, resume.theme)
        return document, exported_filename(resume.title)

    async def _template_named(self, *names: object) -> uuid.UUID | None:
        """The newest version of the first template of ours named; None (the default) if none."""
        for name in names:
            if isinstance(name, str) and name:
                found = await self.templates.by_slug(name.lower())
                if found is not None:
                    return found.id
        return None


def imported_title(data: JsonResume) -> str:
    basics = data.basics
    name = basics.name if basics and basics.name else None
    label = basics.label if basics and basics.label else None
    title = " – ".join(part for part in (name, label) if part) or "Imported resume"
    return title[:200]


def exported_filename(title: str, extension: str = "json") -> str:
    """The name a resume's exported file downloads as: its JSON Resume file by default."""
    filename = (re.sub(r"[^A-Za-z0-9._-]+", "-", title).strip("-") or "resume")[:80]
    return f"{filename}.{extension}"


def read_json_resume(content: bytes) -> Imported:
    """An uploaded file's resume, read as leniently as the API's import reads its body.

    Only a file that is not JSON, or whose JSON is not one object, is refused. A byte order
    mark is skipped; text after the object is left out and reported.
    """
    if not content.strip():
        raise FileInvalid("Choose a JSON Resume file (.json) to import.")
    if len(content) > MAX_JSON_BYTES:
        limit = MAX_JSON_BYTES // 2**20
        raise FileInvalid(f"This file is too large to be a JSON Resume: at most {limit} MB.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileInvalid("This file is not text. Choose a .json file.") from None
    try:
        # From the first non-blank character, so an error's line and column are the file's own.
        raw, end = json.JSONDecoder().raw_decode(text, len(text) - len(text.lstrip()))
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise FileInvalid(f"This file is not valid JSON ({problem}).") from None
    except RecursionError:  # deeper than the parser goes: far deeper than the limit below
        raise FileInvalid(f"This file {TOO_DEEP}: no resume needs that many.") from None
    if not isinstance(raw, dict):
        raise FileInvalid(
            "This file is JSON, but not a JSON Resume: it must hold one object { … }."
        )
    try:
        imported = read_leniently(raw)
    except ImportRefused as refused:
        raise FileInvalid(str(refused)) from None
    trailing = text[end:].strip()
    if trailing:
        note = ImportWarning("(after the JSON)", as_written(trailing), "Left out: not JSON.")
        imported = Imported(imported.document, [*imported.warnings, note])
    return imported
