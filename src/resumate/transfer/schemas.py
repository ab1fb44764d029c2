"""Response bodies of the import: the new resume, or (a dry run) the document a file holds, with
what of the file it could not take and how sure the reading of each field is."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Response
from pydantic import Field

from resumate.document.schemas import dump_resume
from resumate.resumes.models import Resume
from resumate.resumes.schemas import ResumeOut, etag, resume_out
from resumate.schemas import ApiModel
from resumate.transfer.lenient import ImportWarning
from resumate.transfer.upload import ImportKind, Parsed

Sureness = Annotated[float, Field(ge=0, le=1)]
CONFIDENCE = (
    "How sure the reading of a file is of each field it found, by the field's path"
    " (`work[0].position`), from 0 to 1; a field not named was read for certain. A field the"
    " reading is unsure of is also named in `warnings`, to be checked. Empty for a JSON Resume"
    " document."
)


class ImportWarningOut(ApiModel):
    """A value of the file changed, left out or read without certainty, or a note on the file."""

    path: str = Field(
        description="Where it was in the file, e.g. work[2].endDate; `(file)` for a note about"
        " the file as a whole."
    )
    value: str = Field(
        description="The value as the file had it (JSON text when not a string); empty for a"
        " note about the file as a whole."
    )
    message: str = Field(description="What the import did with it, or what to check.")


class PageImageOut(ApiModel):
    """A page of the file drawn as an image, to show beside what was read from it."""

    width: int = Field(ge=1, description="Its width in pixels (about 900).")
    height: int = Field(ge=1, description="Its height in pixels: the page's own proportions.")
    src: str = Field(
        description="The image: a PNG as a `data:image/png;base64,...` URL, for an `<img>`."
    )


class ImportedResumeOut(ResumeOut):
    warnings: list[ImportWarningOut] = Field(
        description="Each value of the file that was repaired, left out or read without"
        " certainty, and each note on the file as a whole; empty when none."
    )
    confidence: dict[str, Sureness] = Field(description=CONFIDENCE)


class ParsedFileOut(ApiModel):
    """What an import would save (`dryRun=true`): nothing is saved."""

    document: dict[str, Any] = Field(
        description="The JSON Resume document read, as the import would save it."
    )
    confidence: dict[str, Sureness] = Field(description=CONFIDENCE)
    warnings: list[ImportWarningOut] = Field(
        description="As an import's: what was repaired, left out or is to be checked."
    )
    kind: ImportKind = Field(description="The kind of file, told from its content.")
    pages: int = Field(ge=1, description="The file's pages (1 for one without pages).")
    page_images: list[PageImageOut] = Field(
        default_factory=list,
        description="A PDF's pages drawn as images, in order, one a page: the original to show"
        " beside the fields read. Empty for any other kind of file, and when a page could not"
        " be drawn in the time a file is given (show the PDF itself then).",
    )


def imported_answer(resume: Resume, parsed: Parsed) -> Response:
    """The new resume with what the import could not take as written, as a 201."""
    body = ImportedResumeOut.model_construct(
        **dict(resume_out(resume)),
        warnings=_warnings(parsed.imported.warnings),
        confidence=parsed.confidence,
    )
    return Response(
        body.model_dump_json(by_alias=True),
        status_code=201,
        media_type="application/json",
        headers={"ETag": etag(resume), "Location": f"/api/resumes/{resume.id}"},
    )


def parsed_answer(parsed: Parsed) -> Response:
    """What the import would save, as a 200."""
    body = ParsedFileOut.model_construct(
        document=dump_resume(parsed.imported.document),
        confidence=parsed.confidence,
        warnings=_warnings(parsed.imported.warnings),
        kind=parsed.kind,
        pages=max(parsed.pages, 1),
        page_images=[PageImageOut.model_construct(**asdict(image)) for image in parsed.page_images],
    )
    return Response(
        body.model_dump_json(by_alias=True), status_code=200, media_type="application/json"
    )


def _warnings(warnings: list[ImportWarning]) -> list[ImportWarningOut]:
    return [ImportWarningOut.model_construct(**asdict(warning)) for warning in warnings]
