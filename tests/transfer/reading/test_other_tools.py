"""Resumes printed by other tools import with the fields people check first.

Three JSON Resume themes from npm (`tests.transfer.corpus_pdfs`) and two Word layouts exported
by LibreOffice (`tests.transfer.word_resumes`) print JSON Resume's sample and ours; each PDF is
imported and compared field by field with its source. Every source prints the name, email,
phone and job title of each resume; Macchiato alone prints no company, as it reads the old
schema's `work[].company`, so its companies are not counted.

Names, e-mail addresses, phones, companies and job titles come back from every source (the
goal, 95%, is asserted). The rest is what the sources leave a reader to guess: skills as chips
with no separators between keywords, the year-only date printed as January, a reference set
beside its heading, an awarder set in a table cell beside its award. The floor
over all fields is where the import stands today, so that it only rises.
"""

from __future__ import annotations

import pytest

from resumate.rendering.renderer import Renderer
from tests.transfer.corpus_pdfs import (
    FIELDS,
    SOURCES,
    Printed,
    field_share,
    overall_share,
    print_all,
    prints,
)

GOAL = 0.95
# The fields of `FIELDS` each source prints.
PRINTS = {source: set(FIELDS) for source in SOURCES} | {
    "jsonresume-theme-macchiato": set(FIELDS) - {"companies"}
}
FLOORS: dict[str, dict[str, float]] = {source: {} for source in SOURCES}
# Recall over every field of both resumes, as it stands (`python -m tests.transfer.corpus_pdfs`).
OVERALL_FLOORS = {
    "jsonresume-theme-even": 0.44,
    "jsonresume-theme-macchiato": 0.46,
    "jsonresume-theme-stackoverflow": 0.73,
    "libreoffice-word": 0.88,
    "libreoffice-word-table": 0.84,
}


@pytest.fixture(scope="module")
async def printed(renderer: Renderer) -> list[Printed]:
    return await print_all(renderer)


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_prints_the_fields_checked_on_it(printed: list[Printed], source: str) -> None:
    ours = [p for p in printed if p.source == source]
    assert {name for name, field in FIELDS.items() if prints(ours, field)} == PRINTS[source]


@pytest.mark.parametrize(
    ("source", "field"), [(source, field) for source in SOURCES for field in sorted(PRINTS[source])]
)
def test_the_import_finds_a_field_other_tools_print(
    printed: list[Printed], source: str, field: str
) -> None:
    share = field_share([p.recall for p in printed if p.source == source], FIELDS[field])
    assert share is not None
    assert share >= FLOORS[source].get(field, GOAL)


@pytest.mark.parametrize("source", SOURCES)
def test_overall_recall_on_other_tools_does_not_fall(printed: list[Printed], source: str) -> None:
    assert overall_share(p.recall for p in printed if p.source == source) >= OVERALL_FLOORS[source]
