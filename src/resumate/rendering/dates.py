"""Dates as a reader of the resume's language writes them, in the resume's chosen format.

A JSON Resume date (YYYY, YYYY-MM or YYYY-MM-DD) is shown as a month and year by the theme's
`dateFormat` ("Mar 2021", "March 2021", "03/2021", "2021-03" or "2021"), or a year alone when
it names no month, each by its CLDR skeleton or pattern (`resumate.document.dates`, through
Babel), so the order, abbreviations and year marks are the language's own.
"""

from __future__ import annotations

from resumate.document.dates import written
from resumate.document.language import DEFAULT_LANGUAGE
from resumate.document.theme import DateFormat
from resumate.rendering.words import PRESENT, translate

DEFAULT_FORMAT: DateFormat = "short"


def month_year(
    value: object, language: str = DEFAULT_LANGUAGE, style: DateFormat = DEFAULT_FORMAT
) -> str:
    """A JSON Resume date as a reader writes it: "Mar 2021"; the year alone when no month."""
    if not isinstance(value, str) or not value:
        return ""
    year, _, rest = value.partition("-")
    if not (year.isdigit() and 1 <= int(year) <= 9999):
        return year
    month = rest[:2]
    named = month.isdigit() and 1 <= int(month) <= 12
    return written(int(year), int(month) if named else None, language, style)


def date_range(
    start: object,
    end: object,
    language: str = DEFAULT_LANGUAGE,
    style: DateFormat = DEFAULT_FORMAT,
) -> str:
    """Two dates joined by an en dash; one if both are the same; "Present" after one still going."""
    first, last = month_year(start, language, style), month_year(end, language, style)
    if first and last:
        return first if first == last else f"{first} – {last}"
    if first:
        return f"{first} – {translate(PRESENT, language)}"
    return last
