"""Bodies of the fit route."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from resumate.rendering.cuts import Cut
from resumate.rendering.fit import Fit, Knobs
from resumate.resumes.pdf.schemas import Draft
from resumate.schemas import ApiModel

MAX_PAGES = 4


class FitIn(Draft):
    """The page count to fit, and (like the preview) unsaved edits: each part left out is taken
    from the saved resume."""

    pages: int = Field(ge=1, le=MAX_PAGES, description="the most pages the resume may print on")


class FitTheme(ApiModel):
    """The theme options a fit sets; the editor applies them through its normal save."""

    font_size: float = Field(description="points")
    line_height: float
    margin_mm: float
    spacing: float


class Suggestion(ApiModel):
    action: Literal["cut", "shorten", "hide"]
    section: str
    index: int | None = Field(description="the entry in the section; null for the whole section")
    label: str
    lines: int = Field(description="about how many printed lines it takes")
    bullets: int
    text: str


class FitOut(ApiModel):
    fits: bool
    pages: int = Field(description="pages it prints on with `theme`")
    before: int = Field(description="pages it prints on as it is")
    theme: FitTheme = Field(
        description="the loosest design that fits; when nothing fits, the tightest readable one"
    )
    limits: FitTheme = Field(description="the tightest readable design for this resume")
    suggestions: list[Suggestion] = Field(description="what to cut when it cannot fit")


def fit_theme(knobs: Knobs) -> FitTheme:
    return FitTheme(
        font_size=knobs.font_size,
        line_height=knobs.line_height,
        margin_mm=knobs.margin_mm,
        spacing=knobs.spacing,
    )


def suggestion(cut: Cut) -> Suggestion:
    return Suggestion(
        action=cut.action,
        section=cut.section,
        index=cut.index,
        label=cut.label,
        lines=cut.lines,
        bullets=cut.bullets,
        text=cut.text,
    )


def fit_out(fit: Fit) -> FitOut:
    return FitOut(
        fits=fit.fits,
        pages=fit.pages,
        before=fit.before,
        theme=fit_theme(fit.knobs),
        limits=fit_theme(fit.limits),
        suggestions=[suggestion(cut) for cut in fit.suggestions],
    )
