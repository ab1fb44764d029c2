"""Bodies of the job match route: a job in, an explained score out."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from resumate.ai.match.jobs import MAX_JOB_CHARS, MAX_LIST_ITEMS
from resumate.ai.match.scoring import MatchResult, PartName
from resumate.schemas import ApiInput, ApiModel

ShortText = Annotated[str, Field(max_length=500)]
Lines = Annotated[list[Annotated[str, Field(max_length=2000)]], Field(max_length=MAX_LIST_ITEMS)]


class JobSkill(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, extra="allow")

    name: ShortText | None = None
    level: ShortText | None = None
    keywords: Annotated[list[ShortText], Field(max_length=MAX_LIST_ITEMS)] = []


class JobDocument(BaseModel):
    """A JSON Resume job document; keys it does not define are kept but not read."""

    model_config = ConfigDict(alias_generator=to_camel, extra="allow", title="JobDocument")

    title: ShortText | None = None
    company: ShortText | None = None
    type: ShortText | None = None
    date: ShortText | None = None
    description: Annotated[str, Field(max_length=MAX_JOB_CHARS)] | None = None
    location: dict[str, Any] | None = None
    remote: ShortText | None = None
    salary: ShortText | None = None
    experience: ShortText | None = None
    responsibilities: Lines = []
    qualifications: Lines = []
    skills: Annotated[list[JobSkill], Field(max_length=MAX_LIST_ITEMS)] = []

    @model_validator(mode="after")
    def _bounded(self) -> JobDocument:
        read = [self.title, self.description, *self.responsibilities, *self.qualifications]
        read += [text for skill in self.skills for text in [skill.name, *skill.keywords]]
        if sum(len(text) for text in read if text) > MAX_JOB_CHARS:
            raise ValueError(f"holds more than {MAX_JOB_CHARS:,} characters of text")
        return self


def _one_error(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Text or document, the job's error is reported at `job`, as one message."""
    if isinstance(value, str) and len(value) > MAX_JOB_CHARS:
        raise PydanticCustomError("too_long", f"must be at most {MAX_JOB_CHARS:,} characters")
    if not isinstance(value, str | dict):
        raise PydanticCustomError("job", "must be the job's text or a JSON Resume job document")
    try:
        return handler(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise PydanticCustomError("job", f"{where}: {message}" if where else message) from exc


Job = Annotated[
    Annotated[str, Field(min_length=1, max_length=MAX_JOB_CHARS)] | JobDocument,
    WrapValidator(_one_error),
]


class MatchIn(ApiInput):
    job: Job = Field(
        description="The job advert's text, or a JSON Resume job document",
        examples=["Registered nurse, ICU. Must hold BLS. Wound care and triage."],
    )


class PartOut(ApiModel):
    name: PartName
    label: str
    score: int = Field(ge=0, le=100)
    weight: float = Field(description="The parts' weights add up to 1")
    detail: str


class MatchedOut(ApiModel):
    term: str
    kind: Literal["skill", "keyword"]
    paths: list[str] = Field(description="The resume fields that say it")


class MissingOut(ApiModel):
    term: str
    kind: Literal["skill", "keyword"]
    required: bool = Field(description="The job says it must be there")


class EvidenceOut(ApiModel):
    requirement: str
    path: str | None = Field(description="The resume line that best supports it, if any")
    text: str | None
    score: int = Field(ge=0, le=100)


class MatchOut(ApiModel):
    score: int = Field(ge=0, le=100, description="The parts' scores, weighted")
    parts: list[PartOut]
    matched: list[MatchedOut]
    missing: list[MissingOut] = Field(description="Add only what is true")
    evidence: list[EvidenceOut]
    language: str = Field(description="The job's language, as its words tell", examples=["en"])
    semantic: Literal["on", "off", "not_installed"] = Field(
        description="Whether matching by meaning ran (the resumate[semantic] extra)"
    )


def match_out(result: MatchResult) -> MatchOut:
    return MatchOut.model_validate(result)
