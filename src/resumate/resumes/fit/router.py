"""/api/resumes/{id}/fit: the design on which the resume prints on at most N pages."""

from __future__ import annotations

from fastapi import APIRouter

from resumate.document.schemas import dump_resume
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.resumes.fit.deps import FitServiceDep
from resumate.resumes.fit.schemas import FitIn, FitOut, fit_out

router = APIRouter(prefix="/api/resumes/{resume_id}", tags=["pdf"])


@router.post("/fit", response_model=FitOut, responses=responses(401, 404, 422, 503))
async def fit(resume: OwnedResume, body: FitIn, service: FitServiceDep) -> FitOut:
    """Find the loosest readable design on which the resume prints on at most `pages` pages.

    Type size, line height, margins and spacing shrink, least costly first, no further than
    readable limits; each candidate is printed as the PDF download is and its pages counted.
    Nothing is saved: the editor applies `theme` as any design change. When even the tightest
    readable design prints on more pages, `fits` is false and `suggestions` name what to cut.
    Like the preview, it takes unsaved edits: each part left out comes from the saved resume.
    """
    found = await service.fit(
        resume,
        pages=body.pages,
        data=dump_resume(body.data) if body.data else None,
        theme=body.theme.stored() if body.theme else None,
        template_id=body.template_id,
    )
    return fit_out(found)
