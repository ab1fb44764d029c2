"""Fit to N pages: the loosest readable design that prints on N pages, or what to cut.

Every built-in template is fitted for real (Chromium counts the sheets); where a fit is found,
the PDF printed with it is the proof.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest

from resumate.rendering.cuts import Cut, cuts
from resumate.rendering.document import render_document
from resumate.rendering.fit import (
    MIN_LINE_HEIGHT,
    MIN_MARGIN_MM,
    MIN_SPACING,
    ORDER,
    STEPS,
    Fit,
    Knobs,
    bisect,
    fit,
    knobs_of,
    ladder,
    readable_limits,
)
from resumate.rendering.page_style import resolve
from resumate.rendering.renderer import Renderer
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, sample

SLUGS = sorted(TEMPLATES)
START = Knobs(spacing=1.0, margin_mm=18, line_height=1.4, font_size=10.5)


def within_limits(knobs: Knobs, slug: str) -> None:
    default = float(TEMPLATES[slug].defaults["fontSize"])
    assert knobs.font_size >= max(9.0, default - 1.0)
    assert knobs.line_height >= MIN_LINE_HEIGHT
    assert knobs.margin_mm >= MIN_MARGIN_MM
    assert knobs.spacing >= MIN_SPACING


def named_in(data: dict[str, Any], cut: Cut) -> bool:
    """The suggestion points at a real entry (or section) of the resume, by its own words."""
    entries = data[cut.section]
    if cut.index is None:
        return bool(entries)
    entry = entries[cut.index]
    name = entry.get("name") or entry.get("organization") or entry.get("title")
    return isinstance(name, str) and name in cut.label and name in cut.text


def test_the_ladder_runs_from_the_resume_to_the_limits_one_step_at_a_time() -> None:
    tight = Knobs(spacing=0.7, margin_mm=10, line_height=1.15, font_size=9.5)
    rungs = ladder(START, tight)
    assert (rungs[0], rungs[-1]) == (START, tight)
    for looser, tighter in itertools.pairwise(rungs):
        changed = [n for n in ORDER if getattr(looser, n) != getattr(tighter, n)]
        assert len(changed) == 1
        drop = getattr(looser, changed[0]) - getattr(tighter, changed[0])
        assert 0 < drop <= getattr(STEPS, changed[0]) + 1e-9


def test_the_type_size_shrinks_last_and_spacing_first() -> None:
    rungs = ladder(START, Knobs(spacing=0.7, margin_mm=10, line_height=1.15, font_size=9.5))
    first_change = {
        name: next(i for i, r in enumerate(rungs) if getattr(r, name) != getattr(START, name))
        for name in ORDER
    }
    assert sorted(first_change, key=first_change.__getitem__) == [
        "spacing",
        "margin_mm",
        "line_height",
        "font_size",
    ]
    font_starts = first_change["font_size"]
    assert all(r.line_height == 1.15 and r.margin_mm == 10 for r in rungs[font_starts:])


def test_the_limits_follow_the_template_and_never_loosen_a_choice() -> None:
    assert readable_limits(START, {"fontSize": 10.5}).font_size == 9.5
    # Never under 9 pt, even for a template whose own size is small.
    assert readable_limits(START, {"fontSize": 9.5}).font_size == 9.0
    # The person chose tighter than the limits already: a fit leaves those as they are.
    own = Knobs(spacing=0.5, margin_mm=6, line_height=1.1, font_size=8.5)
    assert readable_limits(own, {"fontSize": 10.5}) == own


@pytest.mark.parametrize(
    "counts",
    [[3, 3, 3, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 2, 3, 2]],
    ids=["monotone", "an-entry-jumps-back"],
)
async def test_bisection_returns_the_first_rung_seen_to_fit(counts: list[int]) -> None:
    seen: dict[int, int] = {}

    async def sheets(rung: int) -> int:
        seen[rung] = counts[rung]
        return counts[rung]

    found = await bisect(sheets, 2, len(counts) - 1)
    assert seen[found] <= 2
    assert seen[found - 1] > 2
    assert len(seen) <= 4


def test_cuts_name_the_oldest_job_the_longest_entry_and_a_spare_section() -> None:
    data = copy.deepcopy(sample())
    data["work"] = [
        {
            "name": "Nordlys",
            "position": "Senior engineer",
            "startDate": "2019-03",
            "highlights": [f"Shipped feature {n} to forty teams" for n in range(9)],
        },
        {
            "name": "Acme",
            "position": "Junior developer",
            "startDate": "2012-01",
            "endDate": "2014-06",
            "highlights": ["Kept the build green"],
        },
    ]
    found = cuts(data, resolve({}, TEMPLATES["classic"].defaults, data))
    texts = [cut.text for cut in found]
    assert texts[0].startswith("Cut the oldest job, Junior developer at Acme (2012–2014): about ")
    assert texts[1].startswith("Shorten Senior engineer at Nordlys (2019–present): 9 bullets")
    assert any(text.startswith("Hide the References section") for text in texts)
    assert all(cut.lines > 0 for cut in found)


async def fitted_pdf_pages(renderer: Renderer, slug: str, data: dict[str, Any], found: Fit) -> int:
    """The PDF printed as the download prints it, with the fit's design applied."""
    document = render_document(TEMPLATES[slug].source, data, found.knobs.theme())
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    return printed.pages


@pytest.mark.parametrize("slug", SLUGS)
async def test_the_long_resume_fits_one_page_or_the_refusal_names_what_to_cut(
    renderer: Renderer, slug: str
) -> None:
    data = long_resume()
    found = await fit(TEMPLATES[slug].source, data, {}, 1, renderer.pages)
    within_limits(found.knobs, slug)
    if found.fits:
        assert await fitted_pdf_pages(renderer, slug, data, found) == 1
    else:
        assert found.knobs == found.limits
        assert found.pages > 1
        assert found.suggestions
        assert all(named_in(data, cut) for cut in found.suggestions)
        assert found.suggestions[0].text.startswith("Cut the oldest job, ")


@pytest.mark.parametrize("slug", SLUGS)
async def test_the_long_resume_on_two_pages_keeps_the_largest_design_that_fits(
    renderer: Renderer, slug: str
) -> None:
    data = long_resume()
    template = TEMPLATES[slug].source
    found = await fit(template, data, {}, 2, renderer.pages)
    within_limits(found.knobs, slug)
    if not found.fits:
        assert found.pages > 2
        assert found.suggestions
        return
    assert await fitted_pdf_pages(renderer, slug, data, found) == found.pages <= 2
    if found.before > 2:
        # One step looser than the chosen design prints on more pages: nothing larger fits.
        rungs = ladder(knobs_of(resolve({}, template.defaults, data)), found.limits)
        looser = rungs[rungs.index(found.knobs) - 1]
        assert await renderer.pages(render_document(template, data, looser.theme()).html) > 2


async def test_a_resume_that_already_fits_is_left_as_it_is(renderer: Renderer) -> None:
    data = copy.deepcopy(sample())
    theme = {"fontSize": 11, "marginMm": 20}
    found = await fit(TEMPLATES["classic"].source, data, theme, 4, renderer.pages)
    assert found.fits
    assert found.before == found.pages
    assert (found.knobs.font_size, found.knobs.margin_mm) == (11, 20)
    assert found.suggestions == ()


async def test_the_photo_is_measured_where_the_template_prints_one() -> None:
    """Portrait puts the photo beside the name: every design tried is printed with it."""
    printed: list[str] = []

    async def count(html: str) -> int:
        printed.append(html)
        return 1

    photo = "data:image/png;base64,iVBORw0KGgo="
    await fit(TEMPLATES["portrait"].source, copy.deepcopy(sample()), {}, 1, count, photo)
    assert printed
    assert all(f'src="{photo}"' in html for html in printed)
