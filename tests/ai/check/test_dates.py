"""Dates: entries that end before they start, gaps between jobs and full-time jobs that overlap."""

from __future__ import annotations

from datetime import date
from typing import Any

from resumate.ai.check.dates import date_findings

TODAY = date(2026, 12, 1)


def job(name: str, start: str, end: str | None = None, **more: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "startDate": start, **more}
    if end is not None:
        entry["endDate"] = end
    return entry


def found(*jobs: dict[str, Any], **sections: Any) -> list[tuple[str, str, str]]:
    data = {"work": list(jobs), **sections}
    return [(f.path, f.kind, f.message) for f in date_findings(data, TODAY)]


def test_a_gap_over_six_months_is_named_on_the_later_job() -> None:
    assert found(job("Acme", "2018-01", "2019-12"), job("Birch", "2020-08")) == [
        (
            "work[1].startDate",
            "date_gap",
            "7-month gap before this job, after Acme ended (2019-12)",
        )
    ]


def test_six_months_between_jobs_is_no_gap() -> None:
    assert found(job("Acme", "2018-01", "2019-12"), job("Birch", "2020-07")) == []


def test_a_year_alone_is_read_kindly() -> None:
    # "2019" may end in December and "2020" may start in January: no gap can be proven.
    assert found(job("Acme", "2017", "2019"), job("Birch", "2020")) == []


def test_a_gap_covered_by_a_longer_job_is_no_gap() -> None:
    side = job("Short", "2016-01", "2016-06", position="Part-time tutor")
    jobs = (job("Long", "2015-01", "2022-01"), side)
    assert found(*jobs, job("Next", "2022-03")) == []


def test_overlapping_full_time_jobs_over_three_months() -> None:
    assert found(job("Acme", "2018-01", "2020-06"), job("Birch", "2020-01")) == [
        (
            "work[1].startDate",
            "date_overlap",
            "Overlaps Acme by 6 months: fix the dates or say it was part-time",
        )
    ]


def test_three_months_of_overlap_is_a_handover() -> None:
    assert found(job("Acme", "2018-01", "2020-03"), job("Birch", "2020-01")) == []


def test_part_time_and_freelance_roles_may_overlap() -> None:
    main = job("Acme", "2018-01")
    side = job("Self", "2019-01", "2021-01", position="Freelance designer")
    assert found(main, side) == []


def test_an_end_before_the_start_in_any_dated_section() -> None:
    school = {"institution": "Leeds", "startDate": "2015", "endDate": "2012"}
    assert found(job("Acme", "2020-05", "2019-02"), education=[school]) == [
        ("work[0].endDate", "date_order", "Ends (2019-02) before it starts (2020-05)"),
        ("education[0].endDate", "date_order", "Ends (2012) before it starts (2015)"),
    ]


def test_dates_it_cannot_read_are_left_alone() -> None:
    assert found(job("Acme", "last spring", "2019-02"), job("Birch", "2022-13")) == []
