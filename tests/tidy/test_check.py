"""What counts as text of the file: whole words, as written, and dates the file writes."""

from __future__ import annotations

import pytest

from resumate.tidy.check import FileText

LINES = [
    "Ada Lovelace",
    "Senior analyst, Babbage & Co — Mar 2016 – 15.09.2019",
    "Cut costs by 30% with JavaScript tooling",
    "“Notes” on the Analytical Engine, 1843",
]
FILE = FileText(LINES, ["2016-03", "https://ada.example"])


@pytest.mark.parametrize(
    "text",
    [
        "Senior analyst",
        "Babbage & Co",
        "Cut costs by 30% with   JavaScript tooling",  # spaces evened out
        '"Notes" on the Analytical Engine',  # straight quotes for curly ones
        "Babbage & Co - Mar 2016",  # a hyphen for a dash
        "Ada Lovelace Senior analyst",  # across two lines
        "https://ada.example",  # the reading's own value, a link given its scheme
    ],
)
def test_text_of_the_file_passes(text: str) -> None:
    assert FILE.holds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Java",  # a part of a word
        "Cut costs by 40% with JavaScript tooling",  # a number changed
        "senior analyst",  # case counts
        "Globex",
        "Lead analyst",
    ],
)
def test_text_not_in_the_file_fails(text: str) -> None:
    assert not FILE.holds(text)


@pytest.mark.parametrize("date", ["2016-03", "2016", "2019-09-15", "2019-09", "2019", "1843"])
def test_a_date_field_may_hold_a_date_the_file_writes(date: str) -> None:
    assert FILE.holds(date, "startDate")


@pytest.mark.parametrize("date", ["2016-04", "2017", "2019-10", "1843-01", "March 2017"])
def test_a_date_the_file_does_not_write_fails(date: str) -> None:
    assert not FILE.holds(date, "endDate")


def test_a_date_passes_only_in_a_date_field() -> None:
    assert not FILE.holds("2019-09")
    assert FILE.holds("2019-09", "endDate")
