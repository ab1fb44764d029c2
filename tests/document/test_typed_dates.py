"""Dates typed as people write them: read as ISO 8601, printed back in each date format."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest
from babel import Locale

from resumate.document.dates import (
    Reading,
    date_mismatch,
    editor_words,
    format_examples,
    month_names,
    read_typed,
    written,
)
from resumate.document.language import LANGUAGES
from resumate.document.schemas import parse_resume
from resumate.document.theme import DateFormat
from resumate.rendering.dates import month_year

TODAY = date(2026, 12, 3)

# Typed, in the resume's language → stored → printed short, long, numeric, iso, year.
TYPED = [
    ("en", "March 2021", "2021-03", ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("en", "Mar 2021", "2021-03", ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("en", "03/2021", "2021-03", ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("en", "3.2021", "2021-03", ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("en", "2021-03", "2021-03", ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("en", "2021", "2021", ("2021", "2021", "2021", "2021", "2021")),
    ("en", " sept. 2016 ", "2016-09", ("Sep 2016", "September 2016", "09/2016", "2016-09", "2016")),
    ("en", "March 15, 2021", "2021-03-15",
     ("Mar 2021", "March 2021", "03/2021", "2021-03", "2021")),
    ("de", "März 2021", "2021-03", ("März 2021", "März 2021", "03/2021", "2021-03", "2021")),
    ("de", "Dez. 2020", "2020-12", ("Dez. 2020", "Dezember 2020", "12/2020", "2020-12", "2020")),
    ("de", "15.03.2021", "2021-03-15", ("März 2021", "März 2021", "03/2021", "2021-03", "2021")),
    ("fr", "mars 2021", "2021-03", ("mars 2021", "mars 2021", "03/2021", "2021-03", "2021")),
    ("fr", "janv. 2018", "2018-01", ("janv. 2018", "janvier 2018", "01/2018", "2018-01", "2018")),
    ("es", "marzo de 2021", "2021-03", ("mar 2021", "marzo de 2021", "3/2021", "2021-03", "2021")),
    ("pt", "setembro 2016", "2016-09",
     ("set. de 2016", "setembro de 2016", "09/2016", "2016-09", "2016")),
    ("nl", "mrt 2019", "2019-03", ("mrt 2019", "maart 2019", "03-2019", "2019-03", "2019")),
    ("pl", "stycznia 2019", "2019-01", ("sty 2019", "styczeń 2019", "01.2019", "2019-01", "2019")),
    ("ru", "сентябрь 2015", "2015-09",
     ("сент. 2015\u202fг.", "сентябрь 2015\u202fг.", "09.2015", "2015-09", "2015")),
    ("tr", "Ocak 2020", "2020-01", ("Oca 2020", "Ocak 2020", "01.2020", "2020-01", "2020")),
    ("ja", "2016年3月", "2016-03", ("2016年3月", "2016年3月", "2016/03", "2016-03", "2016年")),
    ("ko", "2011년 5월", "2011-05", ("2011년 5월", "2011년 5월", "2011/5", "2011-05", "2011년")),
]  # fmt: skip
PICK = " Pick a month from the calendar, or type a month and year."
FORMATS: tuple[DateFormat, ...] = get_args(DateFormat)


@pytest.mark.parametrize(("language", "typed", "stored", "shown"), TYPED)
def test_a_typed_date_is_stored_as_iso_and_printed_in_each_format(
    language: str, typed: str, stored: str, shown: tuple[str, ...]
) -> None:
    assert read_typed(typed, language=language, today=TODAY) == Reading(stored)
    printed = tuple(month_year(stored, language, style) for style in FORMATS)
    assert printed == shown


@pytest.mark.parametrize(
    "typed",
    ["Present", "today", "heute", "bis heute", "aujourd'hui", "actualidad", "presente", "oggi",
     "heden", "obecnie", "сейчас", "至今", "現在", "현재", " Present. "],
)  # fmt: skip
def test_now_in_the_resumes_languages_leaves_an_end_date_out(typed: str) -> None:
    assert read_typed(typed, end=True) == Reading("", ongoing=True)


def test_now_is_no_start_date() -> None:
    assert read_typed("heute") == Reading(
        None, problem="“heute” means ongoing, which only an end date can be."
    )


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("Marchh 2021", "“Marchh” is not a month name." + PICK),
        ("last spring", "“last spring” does not read as a date." + PICK),
        ("2013-12-021", "“2013-12-021” does not read as a date." + PICK),
        ("March", "Add the year, like “March 2021”."),
        ("Mar 21", "Write the year in full, like 2021."),
        ("3/21", "Write the year in full, like 2021."),
        ("13/2021", "There is no month 13: months go from 1 to 12."),
        ("2021-13", "There is no month 13: months go from 1 to 12."),
        ("31.02.2021", "2021-02 has no day 31."),
        ("2021-02-30", "2021-02 has no day 30."),
        ("0999", "The year must be between 1000 and 2999."),
        ("3050", "The year must be between 1000 and 2999."),
    ],
)  # fmt: skip
def test_a_date_that_does_not_read_says_why(typed: str, problem: str) -> None:
    assert read_typed(typed, today=TODAY) == Reading(None, problem=problem)


def test_an_empty_date_is_no_date() -> None:
    assert read_typed("   ") == Reading("")


@pytest.mark.parametrize("language", LANGUAGES)
def test_month_names_come_from_cldr_for_every_language(language: str) -> None:
    months = Locale.parse(language, sep="-").months["format"]
    for width in ("wide", "abbreviated"):
        name = months[width][3].casefold().rstrip(".")
        assert month_names(language)[name] == 3
        assert read_typed(f"{name} 2021", language=language) == Reading("2021-03")


def test_the_editor_reads_by_the_same_words() -> None:
    words = editor_words("de")
    assert words["months"]["dez"] == 12
    assert {"heute", "aujourd'hui", "至今"} <= set(words["now"])
    assert (words["first"], words["last"]) == (1000, 2999)


def test_the_design_tab_shows_each_format_in_the_language() -> None:
    examples = format_examples(["de", "ja"])
    assert examples["de"] == {
        "short": "Short — März 2021",
        "long": "Long — März 2021",
        "numeric": "Numbers — 03/2021",
        "iso": "ISO 8601 — 2021-03",
        "year": "Year only — 2021",
    }
    assert examples["ja"]["year"] == "Year only — 2021年"


def test_a_year_alone_prints_as_a_year_in_every_format() -> None:
    assert {written(2021, None, "fr", style) for style in FORMATS} == {"2021"}


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ("March 2021", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD: 2021-03 for “March 2021”"),
        ("Present", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD; to say an entry is ongoing,"
         " leave its end date out"),
        ("Marchh 2021", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD. “Marchh” is not a month"
         " name."),
        ("{x}", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD. “{x}” is not a month name."),
    ],
)  # fmt: skip
def test_the_api_says_what_is_wrong_with_a_date(sent: str, message: str) -> None:
    assert date_mismatch(sent) == message
    with pytest.raises(ValueError, match="startDate") as refused:
        parse_resume({"work": [{"startDate": sent}]})
    assert message in str(refused.value)


def test_a_message_quotes_a_long_text_cut_short() -> None:
    problem = read_typed("x" * 5000).problem
    assert problem.startswith("“" + "x" * 39 + "…” is not a month name.")
    assert len(date_mismatch("spring " * 1000)) < 120
