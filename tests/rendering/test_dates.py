"""Dates read as the resume's language writes them: CLDR's months, order and year marks."""

from __future__ import annotations

import pytest

from resumate.rendering.dates import date_range, month_year
from resumate.rendering.environment import compile_template
from resumate.rendering.page_style import resolve


@pytest.mark.parametrize(
    ("date", "shown"),
    [("2014-12-01", "Dec 2014"), ("2014-12", "Dec 2014"), ("2014", "2014"), ("2014-13", "2014")],
)
def test_english_dates_read_like_a_resume(date: str, shown: str) -> None:
    assert month_year(date) == shown


@pytest.mark.parametrize("value", [None, "", 2014, "soon"])
def test_what_is_not_a_date_prints_as_written_or_not_at_all(value: object) -> None:
    assert month_year(value) == (value if isinstance(value, str) else "")


@pytest.mark.parametrize(
    ("language", "month", "year"),
    [
        ("de", "März 2021", "2021"),
        ("fr", "mars 2021", "2021"),
        ("es", "mar 2021", "2021"),
        ("nl", "mrt 2021", "2021"),
        ("ru", "март 2021\u202fг.", "2021"),
        ("ar", "مارس 2021", "2021"),
        ("he", "מרץ 2021", "2021"),
        ("ja", "2021年3月", "2021年"),
        ("zh-Hans", "2021年3月", "2021年"),
        ("zh-Hant", "2021年3月", "2021年"),
        ("ko", "2021년 3월", "2021년"),
    ],
)
def test_months_and_years_follow_cldr(language: str, month: str, year: str) -> None:
    assert month_year("2021-03-14", language) == month
    assert month_year("2021", language) == year


def test_date_ranges() -> None:
    assert date_range("2013-12-01", "2014-12-01") == "Dec 2013 – Dec 2014"
    assert date_range("2013-12", None) == "Dec 2013 – Present"
    assert date_range("2016-08-24", "2016-08-24") == "Aug 2016"
    assert date_range(None, "2016") == "2016"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("de", "Dez. 2013 – heute"),
        ("fr", "déc. 2013 – aujourd’hui"),
        ("ja", "2013年12月 – 現在"),
        ("ko", "2013년 12월 – 현재"),
    ],
)
def test_a_range_still_going_ends_in_the_language(language: str, shown: str) -> None:
    assert date_range("2013-12", None, language) == shown


def test_templates_print_dates_in_the_theme_language() -> None:
    template = compile_template("{{ date_range(start, none) }} · {{ single | month_year }}")
    german = template.render(
        start="2021-03", single="2019-05", theme=resolve({"language": "de"}, {})
    )
    english = template.render(start="2021-03", single="2019-05")
    assert german == "März 2021 – heute · Mai 2019"
    assert english == "Mar 2021 – Present · May 2019"
