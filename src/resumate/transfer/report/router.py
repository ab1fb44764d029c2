"""/api/resumes/{id}/ats-report: what an applicant tracking system reads from the resume's PDF."""

from __future__ import annotations

from fastapi import APIRouter

from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.transfer.report.deps import ReportServiceDep
from resumate.transfer.report.schemas import ReportOut, report_out

router = APIRouter(prefix="/api/resumes/{resume_id}", tags=["pdf"])


@router.get("/ats-report", response_model=ReportOut, responses=responses(401, 404, 422, 503))
async def ats_report(resume: OwnedResume, service: ReportServiceDep) -> ReportOut:
    """The resume's PDF read back by a résumé parser and compared with the resume, field by field.

    Each field is `found` (read back as written), `changed` (read as something else: `read`
    says what) or `missing`; the score is the share found, 100 only when every field is. The
    findings are what trips recruiters' systems (contact details late in the text, columns side
    by side, dates that do not read as dates, characters with no text), each with what to
    change; `text` is the PDF's lines in the order a parser reads them. The PDF is the one the
    download gives (printed now if the resume changed); the report is kept until it changes.
    """
    return report_out(await service.report(resume))
