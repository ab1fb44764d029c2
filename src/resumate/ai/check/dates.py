"""The coach's rules for dates: entries that end before they start, gaps and overlaps between jobs.

JSON Resume dates are "2021", "2021-03" or "2021-03-14". A year alone could be any of its months,
so each date is a range of months and every rule takes the reading kindest to the person: a gap
or an overlap is reported only when no reading of the dates closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from resumate.ai.check.finding import Finding

LONGEST_GAP_MONTHS = 6
LONGEST_OVERLAP_MONTHS = 3
DATED_SECTIONS = ("work", "volunteer", "education", "projects")
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")
# Roles that run alongside a main job: they may overlap it.
NOT_FULL_TIME = re.compile(
    r"part[- ]?time|freelanc|contract|intern|volunteer|teilzeit|freiberuf|nebenjob|werkstudent"
    r"|praktik|tiempo parcial|media jornada|medio tiempo|autónom|prácticas",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Months:
    """A date as the range of months it may mean (month index = year * 12 + month - 1)."""

    first: int
    last: int


@dataclass(frozen=True)
class Job:
    index: int
    name: str
    start: Months
    end: Months  # this month for a current job
    ended: str | None  # the end date as written


def months(value: object) -> Months | None:
    if not isinstance(value, str) or (match := DATE.match(value.strip())) is None:
        return None
    year = int(match.group(1)) * 12
    if match.group(2) is None:
        return Months(year, year + 11)
    month = int(match.group(2))
    return Months(year + month - 1, year + month - 1) if 1 <= month <= 12 else None


def date_findings(data: dict[str, Any], today: date) -> Iterator[Finding]:
    for section in DATED_SECTIONS:
        for index, entry in _entries(data, section):
            start, end = months(entry.get("startDate")), months(entry.get("endDate"))
            if start is not None and end is not None and end.last < start.first:
                message = f"Ends ({entry['endDate']}) before it starts ({entry['startDate']})"
                yield Finding(f"{section}[{index}].endDate", "date_order", message)
    jobs = sorted(_jobs(data, today), key=lambda job: (job.start.first, job.index))
    yield from _gaps(jobs)
    yield from _overlaps([job for job in jobs if _full_time(data["work"][job.index])])


def _entries(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    entries = data.get(section)
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield index, entry


def _jobs(data: dict[str, Any], today: date) -> Iterator[Job]:
    now = Months(today.year * 12 + today.month - 1, today.year * 12 + today.month - 1)
    for index, entry in _entries(data, "work"):
        start = months(entry.get("startDate"))
        written_end = entry.get("endDate")
        end = months(written_end) if written_end else now
        if start is None or end is None or end.last < start.first:
            continue
        name = entry.get("name") or entry.get("position") or f"job {index + 1}"
        yield Job(index, str(name), start, end, written_end if written_end else None)


def _gaps(jobs: list[Job]) -> Iterator[Finding]:
    covered: Job | None = None  # the job that ends last among those started so far
    for job in jobs:
        if covered is not None:
            gap = job.start.first - covered.end.last - 1
            if gap > LONGEST_GAP_MONTHS:
                message = (
                    f"{gap}-month gap before this job, after {covered.name} ended ({covered.ended})"
                )
                yield Finding(f"work[{job.index}].startDate", "date_gap", message)
        if covered is None or job.end.last > covered.end.last:
            covered = job


def _overlaps(jobs: list[Job]) -> Iterator[Finding]:
    for later_position, later in enumerate(jobs):
        for earlier in jobs[:later_position]:
            overlap = (
                min(earlier.end.first, later.end.first)
                - max(earlier.start.last, later.start.last)
                + 1
            )
            if overlap > LONGEST_OVERLAP_MONTHS:
                message = (
                    f"Overlaps {earlier.name} by {overlap} months: "
                    "fix the dates or say it was part-time"
                )
                yield Finding(f"work[{later.index}].startDate", "date_overlap", message)


def _full_time(entry: dict[str, Any]) -> bool:
    said = " ".join(str(entry.get(key) or "") for key in ("position", "name", "summary"))
    return NOT_FULL_TIME.search(said) is None
