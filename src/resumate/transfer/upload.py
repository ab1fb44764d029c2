"""What an import is sent: a JSON Resume document as the body, or a resume file in a form.

`POST /api/resumes/import` takes either, told apart by the request's Content-Type; the
dashboard's form sends a file. A file's reading ends in the same `read_leniently` as a JSON
body's (see `resumate.transfer.service`), and what the file's readers noticed comes along as
notes: a sentence about the file as a whole under the path `(file)`, and a field the reading is
unsure of under its own path, to be checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from resumate.document.fields import MAX_DOCUMENT_BYTES, TOO_DEEP
from resumate.document.labels import path_parts
from resumate.errors import INVALID_JSON, FieldError, PayloadTooLarge, ValidationFailed
from resumate.transfer.lenient import Imported, ImportWarning, as_written
from resumate.transfer.reading.limits import MAX_BYTES

if TYPE_CHECKING:
    from resumate.transfer.reading.files import ReadResume
    from resumate.transfer.reading.images import PageImage

# The routes that take a file, and so the larger body limit (`RESUMATE_IMPORT_MAX_BODY_BYTES`).
UPLOAD_PATHS = ("/api/resumes/import", "/resumes/import")
FILE_NOTE = "(file)"
UNSURE_NOTE = "Read from the file, but not for certain: check it."
MULTIPART = "multipart/form-data"
# JSON is parsed in the app's own process: past four times the largest document, whatever its
# whitespace, a body or file is refused unread (the import's body limit is for files of 10 MB).
MAX_JSON_BYTES = 4 * MAX_DOCUMENT_BYTES

ImportKind = Literal["json", "pdf", "docx", "linkedin", "text"]


@dataclass(frozen=True)
class UploadedFile:
    """A file sent to import: its bytes, and the name the browser gave it (which may lie)."""

    data: bytes
    name: str = ""


@dataclass(frozen=True)
class Parsed:
    """An import's document and its notes, the kind of file it came from, how sure each field
    read from it is (by path, 0 to 1; none for JSON), its pages, and those drawn (a PDF's, when
    asked for)."""

    imported: Imported
    kind: ImportKind = "json"
    confidence: dict[str, float] = field(default_factory=dict)
    pages: int = 1
    page_images: list[PageImage] = field(default_factory=list)


async def import_body(request: Request) -> dict[str, Any] | UploadedFile:
    """The import's body: a file sent as `multipart/form-data`, or a JSON object sent as JSON."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type == MULTIPART:
        return await _uploaded(request)
    if _is_json_type(media_type):
        return json_document(await request.body())
    unsent = FieldError(field="body", message="must be JSON (application/json) or a file in a form")
    raise ValidationFailed(
        "Send a JSON Resume document as application/json, or a file as multipart/form-data.",
        fields=[unsent],
    )


def _is_json_type(media_type: str) -> bool:
    """`application/json`, or `application/ld+json` and its like, as FastAPI reads JSON."""
    main, _, sub = media_type.partition("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))


def json_document(body: bytes) -> dict[str, Any]:
    """The JSON object a body holds, refused as FastAPI refuses a body that is not one."""
    if not body:
        raise ValidationFailed(fields=[FieldError(field="body", message="is required")])
    if len(body) > MAX_JSON_BYTES:
        raise PayloadTooLarge(f"The request body must be at most {MAX_JSON_BYTES} bytes of JSON.")
    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        not_utf8 = FieldError(field="body", message="is not UTF-8 encoded JSON")
        raise ValidationFailed(INVALID_JSON, fields=[not_utf8]) from None
    except json.JSONDecodeError as exc:
        where = FieldError(
            field="body", message=f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        )
        raise ValidationFailed(INVALID_JSON, fields=[where]) from None
    except RecursionError:  # deeper than the parser goes, far past the document's own limit
        too_deep = FieldError(field="body", message=TOO_DEEP)
        raise ValidationFailed(f"The request body {TOO_DEEP}.", fields=[too_deep]) from None
    if not isinstance(document, dict):
        not_object = FieldError(field="body", message="must be a JSON object { … }")
        raise ValidationFailed(fields=[not_object])
    return document


async def _uploaded(request: Request) -> UploadedFile:
    try:
        # A small form: the file, and any field a client adds (ignored) each of a few KB.
        async with request.form(max_files=1, max_fields=16, max_part_size=64 * 1024) as form:
            part = form.get("file")
            if isinstance(part, UploadFile):
                # One byte past the limit, so that a larger file is refused by its size.
                return UploadedFile(await part.read(MAX_BYTES + 1), part.filename or "")
    except HTTPException as exc:
        if exc.status_code != 400:  # the body's own limits (413, 408) answer for themselves
            raise
        unread = FieldError(field="file", message="is not in a form that can be read")
        raise ValidationFailed(
            f"The form could not be read: {exc.detail}", fields=[unread]
        ) from None
    if isinstance(part, str):  # a file sent as a plain field (`curl -F 'file=<cv.txt'`)
        return UploadedFile(part.encode())
    raise ValidationFailed(fields=[FieldError(field="file", message="is required")])


def is_json_file(upload: UploadedFile) -> bool:
    """Whether a file is to be read as a JSON Resume: one starting with `{`, or named .json and
    not a PDF or a ZIP by its content."""
    if upload.data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return True
    other = upload.data.startswith((b"%PDF-", b"PK\x03\x04"))
    return upload.name.lower().endswith(".json") and not other


def file_notes(read: ReadResume, imported: Imported) -> list[ImportWarning]:
    """Everything to tell about a file read: its readers' sentences, then what the lenient
    reading changed, then each field read with too little certainty."""
    # Loaded here, not with the app: the module imports every reader, which the worker runs.
    from resumate.transfer.reading.files import UNSURE

    about_file = [ImportWarning(FILE_NOTE, "", sentence) for sentence in read.warnings]
    named = {warning.path for warning in imported.warnings}
    unsure = []
    for path, sure in read.confidence.items():
        value = value_at(read.document, path)
        if sure < UNSURE and path not in named and value is not None:
            unsure.append(ImportWarning(path, as_written(value), UNSURE_NOTE))
    return [*about_file, *imported.warnings, *unsure]


def value_at(document: dict[str, Any], path: str) -> Any:
    """The value at `work[0].name` in a document, or None when there is none."""
    value: Any = document
    for part in path_parts(path):
        if isinstance(part, int) and isinstance(value, list) and 0 <= part < len(value):
            value = value[part]
        elif isinstance(part, str) and isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value
