"""Bodies of the PDF and preview routes."""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from resumate.document.schemas import JsonResume
from resumate.document.theme import Theme
from resumate.resumes.pdf.service import PdfLink
from resumate.schemas import ApiInput, ApiModel, not_blank

# A letter is a page or two; the assistant drafts at most 8,000 characters.
MAX_LETTER = 8000
MAX_RECIPIENT = 300


class Draft(ApiInput):
    """Unsaved edits to preview: each part left out is taken from the saved resume."""

    data: JsonResume | None = None
    theme: Theme | None = None
    template_id: uuid.UUID | None = Field(default=None)


def printable(value: str) -> str:
    """The text without characters that print as nothing a reader can read: controls (newlines
    and tabs kept), private-use and unassigned code points. A parser would read them as junk."""
    kept = (
        char
        for char in value
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Co", "Cn", "Cs")
    )
    return "".join(kept)


def printable_or_none(value: str | None) -> str | None:
    return None if value is None else printable(value)


def written_date(value: object) -> object:
    """A date as JSON writes one, "YYYY-MM-DD": a number is not a date (lax reading takes 0
    for 1 January 1970)."""
    if value is None or isinstance(value, str | dt.date):
        return value
    raise PydanticCustomError("date_type", "Input should be a valid date, written YYYY-MM-DD")


class LetterIn(ApiInput):
    """A cover letter to print in the resume's design, as the person edited it."""

    text: Annotated[
        str,
        StringConstraints(min_length=1, max_length=MAX_LETTER),
        AfterValidator(printable),
        AfterValidator(not_blank),
    ] = Field(description="The letter, paragraphs separated by a blank line")
    recipient: Annotated[str | None, AfterValidator(printable_or_none)] = Field(
        default=None,
        max_length=MAX_RECIPIENT,
        description="Who it goes to, a line each (name, company, address); printed above the text",
    )
    date: Annotated[dt.date | None, BeforeValidator(written_date)] = Field(
        default=None,
        description="The date printed on the letter (YYYY-MM-DD); today (UTC) when left out",
    )


class PdfOut(ApiModel):
    url: str
    expires_at: dt.datetime
    pages: int
    bytes: int


def pdf_out(link: PdfLink) -> PdfOut:
    return PdfOut(url=link.url, expires_at=link.expires_at, pages=link.pages, bytes=link.bytes)
