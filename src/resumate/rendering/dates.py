"""Dates as a reader of the resume's language writes them: CLDR's month names and order.

A JSON Resume date (YYYY, YYYY-MM or YYYY-MM-DD) is shown as a month and year ("Mar 2021",
"März 2021", "2021年3月"), or a year alone when it names no month, each by CLDR's skeleton
for it (Babel), so the order, abbreviations and year marks are the language's own.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton

from resumate.document.language import DEFAULT_LANGUAGE, locale
from resumate.rendering.words import PRESENT, translate

# CLDR skeletons: abbreviated month with year, and a year alone.
MONTH_AND_YEAR = "yMMM"
YEAR = "y"


def month_year(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A JSON Resume date as a reader writes it: "Mar 2021"; the year alone when no month."""
    if not isinstance(value, str) or not value:
        return ""
    year, _, rest = value.partition("-")
    if not (year.isdigit() and 1 <= int(year) <= 9999):
        return year
    month = rest[:2]
    if month.isdigit() and 1 <= int(month) <= 12:
        return format_skeleton(
            MONTH_AND_YEAR, date(int(year), int(month), 1), locale=locale(language)
        )
    return format_skeleton(YEAR, date(int(year), 1, 1), locale=locale(language))


def date_range(start: object, end: object, language: str = DEFAULT_LANGUAGE) -> str:
    """Two dates joined by an en dash; one if both are the same; "Present" after one still going."""
    first, last = month_year(start, language), month_year(end, language)
    if first and last:
        return first if first == last else f"{first} – {last}"
    if first:
        return f"{first} – {translate(PRESENT, language)}"
    return last
