"""The parser report as the API answers it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from resumate.schemas import ApiModel
from resumate.transfer.report.compare import Report


class FieldCheckOut(ApiModel):
    path: str = Field(description="The field, as in the resume: work[0].position.")
    status: Literal["found", "changed", "missing"]
    value: str = Field(description="What the resume says (dates as the template prints them).")
    read: str | None = Field(
        default=None, description="What the parser read there instead, when it read something."
    )


class FindingOut(ApiModel):
    code: Literal["contact_not_first", "columns", "unmapped_glyphs", "dates", "fields", "headings"]
    message: str
    fix: str = Field(description="What to change.")


class ReportOut(ApiModel):
    score: int = Field(ge=0, le=100, description="The share of fields read back as written.")
    found: int
    total: int
    fields: list[FieldCheckOut]
    findings: list[FindingOut]
    text: list[str] = Field(description="The PDF's lines in the order a parser reads them.")
    pages: int


def report_out(report: Report) -> ReportOut:
    return ReportOut(
        score=report.score,
        found=report.found,
        total=len(report.fields),
        fields=[
            FieldCheckOut.model_validate(check, from_attributes=True) for check in report.fields
        ],
        findings=[FindingOut.model_validate(f, from_attributes=True) for f in report.findings],
        text=report.text,
        pages=report.pages,
    )
