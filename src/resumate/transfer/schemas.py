"""Response bodies of the import: the new resume, and what of the file it could not take."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import Response
from pydantic import Field

from resumate.resumes.models import Resume
from resumate.resumes.schemas import ResumeOut, etag, resume_out
from resumate.schemas import ApiModel
from resumate.transfer.lenient import ImportWarning


class ImportWarningOut(ApiModel):
    """A value of the file changed or left out on the way in."""

    path: str = Field(description="Where it was in the file, e.g. work[2].endDate.")
    value: str = Field(description="The value as the file had it (JSON text when not a string).")
    message: str = Field(description="What the import did with it.")


class ImportedResumeOut(ResumeOut):
    warnings: list[ImportWarningOut] = Field(
        description="Each value of the file that was repaired or left out; empty when none."
    )


def imported_answer(resume: Resume, warnings: list[ImportWarning]) -> Response:
    """The new resume with what the import could not take as written, as a 201."""
    body = ImportedResumeOut.model_construct(
        **dict(resume_out(resume)),
        warnings=[ImportWarningOut.model_construct(**asdict(warning)) for warning in warnings],
    )
    return Response(
        body.model_dump_json(by_alias=True),
        status_code=201,
        media_type="application/json",
        headers={"ETag": etag(resume), "Location": f"/api/resumes/{resume.id}"},
    )
