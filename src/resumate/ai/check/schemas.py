"""The check's answer: every finding, each naming its field by path and by the editor's label."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from resumate.ai.changes import Change
from resumate.ai.check.finding import Kind

KINDS_DOC = (
    'weak_opener: a bullet opens with a weak phrase ("Responsible for", "Helped"); '
    "no_number: a bullet has no digit or number word; tense: present tense in a role that "
    "ended, or the odd tense out in a role; too_long: over 30 words or 220 characters; "
    'too_short: under 4 words; buzzword: a cliché ("team player"); repeated_verb: three or '
    "more bullets open with the same word; first_person: I, me, my, we...; date_gap: over 6 "
    "months between jobs; date_overlap: two full-time jobs overlap over 3 months; date_order: "
    "an entry ends before it starts; contact_missing: no name, e-mail, phone or location, or "
    "headline; spelling; grammar."
)


class CheckIn(BaseModel):
    """Nothing to send: the saved resume is checked."""

    model_config = ConfigDict(extra="forbid")


class FindingOut(BaseModel):
    path: str = Field(examples=["work[0].highlights[1]"])
    kind: Kind = Field(description=KINDS_DOC)
    message: str = Field(description="One line naming what was found")
    suggestion: Change | None = Field(
        default=None,
        description="An edit the user may accept (POST it to apply); never applied by the check",
    )
    confirm: str | None = Field(
        default=None,
        description="Why to ask before accepting: the edit may change what the resume claims",
    )
    label: str | None = Field(default=None, examples=["Work experience 1 · Highlights"])


class CheckOut(BaseModel):
    version: int = Field(description="The resume version the findings are about")
    findings: list[FindingOut]
