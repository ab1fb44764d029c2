"""Dates as people write them, read as ISO 8601 when they mean one date."""

from __future__ import annotations

from datetime import date

import pytest

from resumate.transfer.dates import full_year, means_now, read_date

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2016/03", "2016-03"),
        ("03/2016", "2016-03"),
        ("3/2016", "2016-03"),
        ("2016.03", "2016-03"),
        ("2016-3", "2016-03"),
        ("March 2016", "2016-03"),
        ("Mar 2016", "2016-03"),
        ("Sept. 2016", "2016-09"),
        ("sept 2016", "2016-09"),
        ("'16", "2016"),
        ("'98", "1998"),
        ("Mar '16", "2016-03"),
        ("March 15, 2016", "2016-03-15"),
        ("15 March 2016", "2016-03-15"),
        ("15.03.2016", "2016-03-15"),
        ("2016/03/15", "2016-03-15"),
        ("2016-03-15T08:30:00Z", "2016-03-15"),
        ("März 2016", "2016-03"),
        ("Feb. 2016", "2016-02"),
        ("janv. 2018", "2018-01"),
        ("mars 2016", "2016-03"),
        ("marzo de 2016", "2016-03"),
        ("setembro 2016", "2016-09"),
        ("maggio 2015", "2015-05"),
        ("mrt 2019", "2019-03"),
        ("stycznia 2019", "2019-01"),
        ("сентябрь 2015", "2015-09"),
        ("Ocak 2020", "2020-01"),
        ("2016年3月", "2016-03"),
        ("2011년 5월", "2011-05"),
    ],
)
def test_a_date_with_one_meaning_is_read(written: str, iso: str) -> None:
    assert read_date(written, TODAY) == iso


@pytest.mark.parametrize(
    "written",
    ["Summer 2016", "13/2016", "2016-13", "31.02.2016", "spring", "n/a", "2016 or 2017", "Mar"],
)
def test_a_date_without_one_meaning_is_not_guessed(written: str) -> None:
    assert read_date(written, TODAY) is None


@pytest.mark.parametrize(
    "written",
    ["present", "Present", "NOW", "current", "today", "heute", "jetzt", "aktuell", "bis heute",
     "actuel", "aujourd'hui", "presente", "actual", "oggi", "heden", "obecnie",
     "настоящее время", "сейчас", "至今", "現在", "현재", " Present. "],
)  # fmt: skip
def test_now_in_many_languages_means_ongoing(written: str) -> None:
    assert means_now(written)


def test_a_date_is_not_now() -> None:
    assert not means_now("2016")
    assert not means_now("presently employed elsewhere")


def test_two_digit_years_fall_in_the_last_hundred_years_up_to_a_little_ahead() -> None:
    assert full_year(31, TODAY) == 2031
    assert full_year(32, TODAY) == 1932
