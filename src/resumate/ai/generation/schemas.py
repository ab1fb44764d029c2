"""Request and response bodies of writing help, and the answers asked of the model."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from resumate.ai.changes import Change
from resumate.ai.guard import Flag
from resumate.schemas import ApiInput, ApiModel

Style = Literal["stronger", "shorter", "formal", "friendly", "grammar"]
Section = Literal["work", "volunteer", "projects"]

MAX_INSTRUCTION = 500
MAX_JOB = 20_000
MAX_DESCRIPTION = 2_000
# What the model may answer: longer strings fail validation and get the repair attempt.
MAX_FIELD_TEXT = 2_000
MAX_LETTER = 6_000
MAX_CHANGES = 40
MAX_BULLETS = 6


class RewriteIn(ApiInput):
    path: str = Field(max_length=200, examples=["basics.summary", "work[0].highlights[1]"])
    style: Style = "stronger"
    instruction: str = Field(default="", max_length=MAX_INSTRUCTION)


class TailorIn(ApiInput):
    job: str = Field(min_length=1, max_length=MAX_JOB, description="The job description's text")


class CoverLetterIn(ApiInput):
    job: str = Field(min_length=1, max_length=MAX_JOB)
    instruction: str = Field(default="", max_length=MAX_INSTRUCTION)


class SuggestIn(ApiInput):
    section: Section
    entry: int = Field(strict=True, ge=0, le=999, description="The entry's index in its section")
    description: str = Field(
        min_length=1, max_length=MAX_DESCRIPTION, description="What the person did, plainly"
    )


class Proposal(ApiModel):
    """Changes to review one by one, and what the guard found in them."""

    changes: list[Change]
    flags: list[Flag]


class Letter(ApiModel):
    text: str
    flags: list[Flag]


# The model's answers: only new text, never an original (the server has those), each bounded.
class TextAnswer(BaseModel):
    text: str = Field(max_length=MAX_FIELD_TEXT)


class LetterAnswer(BaseModel):
    text: str = Field(max_length=MAX_LETTER)


class FieldEdit(BaseModel):
    path: str = Field(max_length=200)
    new: str = Field(max_length=MAX_FIELD_TEXT)


class EditsAnswer(BaseModel):
    changes: list[FieldEdit] = Field(max_length=MAX_CHANGES)


class BulletsAnswer(BaseModel):
    bullets: list[Annotated[str, Field(max_length=MAX_FIELD_TEXT)]] = Field(max_length=MAX_BULLETS)


class Analyzers(ApiModel):
    match: bool
    check: bool
    semantic: bool
    spelling: list[str]


class GenerationStatus(ApiModel):
    on: bool
    provider: str | None
    model: str | None
    description: str | None = Field(description="Who will see the text sent for writing help")
    how_to_turn_on: str


class BudgetStatus(ApiModel):
    daily_tokens: int
    used_today: int


class Status(ApiModel):
    analyzers: Analyzers
    generation: GenerationStatus
    budget: BudgetStatus | None
