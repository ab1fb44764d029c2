"""Dates print in the resume's chosen format (theme `dateFormat`), in the resume's language."""

from __future__ import annotations

import pytest

from resumate.document.theme import DateFormat
from resumate.rendering.dates import date_range, month_year
from resumate.rendering.document import render_document
from resumate.rendering.environment import compile_template
from resumate.rendering.page_style import resolve
from resumate.templates.builtin import load_builtins


@pytest.mark.parametrize(
    ("style", "shown"),
    [
        ("short", "Mar 2021 – Present"),
        ("long", "March 2021 – Present"),
        ("numeric", "03/2021 – Present"),
        ("iso", "2021-03 – Present"),
        ("year", "2021 – Present"),
    ],
)
def test_each_format_prints_a_range(style: DateFormat, shown: str) -> None:
    assert date_range("2021-03-14", None, "en", style) == shown


@pytest.mark.parametrize(
    ("language", "numeric"),
    [("en", "03/2021"), ("de", "03/2021"), ("nl", "03-2021"), ("pl", "03.2021"),
     ("ja", "2021/03"), ("zh-Hans", "2021年3月")],
)  # fmt: skip
def test_numbers_are_the_languages_own_with_a_two_digit_month(language: str, numeric: str) -> None:
    # en has only "M/y": CLDR widens the month to the skeleton's "MM"; zh-Hans's own "yMM" stays.
    assert month_year("2021-03", language, "numeric") == numeric


def test_a_range_in_one_year_prints_once_in_the_year_format() -> None:
    assert date_range("2021-03", "2021-11", "en", "year") == "2021"
    assert date_range("2019-03", "2021-11", "de", "year") == "2019 – 2021"


def test_what_is_not_a_date_prints_as_written_in_every_format() -> None:
    assert {month_year("soon", "en", style) for style in ("short", "iso", "year")} == {"soon"}


def test_templates_print_dates_in_the_themes_format() -> None:
    template = compile_template("{{ date_range(start, none) }} · {{ single | month_year }}")
    theme = resolve({"language": "de", "dateFormat": "long"}, {})
    assert template.render(start="2021-03", single="2019-12", theme=theme) == (
        "März 2021 – heute · Dezember 2019"
    )
    numeric = resolve({"dateFormat": "numeric"}, {})
    assert template.render(start="2021-03", single="2019-12", theme=numeric) == (
        "03/2021 – Present · 12/2019"
    )


def test_the_printed_page_follows_the_date_format() -> None:
    classic = next(t.source for t in load_builtins() if t.slug == "classic")
    data = {"basics": {"name": "Ada"}, "work": [{"name": "Acme", "startDate": "2021-03"}]}
    iso = render_document(classic, data, {"dateFormat": "iso"}).html
    short = render_document(classic, data, {}).html
    assert "2021-03 – Present" in iso
    assert "Mar 2021 – Present" in short
