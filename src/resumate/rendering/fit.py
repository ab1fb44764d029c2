"""Fit a resume on N printed pages: the loosest readable design on which it prints that short.

Four settings are shrunk, each from the resume's own value down to a readable limit, in the
order of what they cost a reader: the space between sections and entries first, then the
margins, then the line height, and the type size last, so the text stays as large as it can.
The candidate designs form one ladder, loosest to tightest. Each is printed by the same print
as the PDF download and only its sheets are counted (`Renderer.pages`): the loosest rung (the
resume as it is) and the tightest first, so a resume that cannot fit is refused at once, then a
search of the rungs between, two at a time: three rounds for a thirty-rung ladder.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from resumate.rendering.cuts import Cut, cuts
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.page_style import FALLBACK_DEFAULTS, PageStyle, resolve

# How many sheets an HTML document prints on.
PageCounter = Callable[[str], Awaitable[int]]

# The readable limits: type no smaller than 9 pt nor more than 1 pt under the template's own,
# lines at least 1.15 apart, 10 mm margins (room for a printer and the later pages' marks),
# and no less than 70 % of the template's space between sections and entries.
MIN_FONT_SIZE = 9.0
MAX_FONT_DROP = 1.0
MIN_LINE_HEIGHT = 1.15
MIN_MARGIN_MM = 10.0
MIN_SPACING = 0.7


@dataclass(frozen=True)
class Knobs:
    """The settings a fit may change, in the order it shrinks them."""

    spacing: float
    margin_mm: float
    line_height: float
    font_size: float

    def theme(self) -> dict[str, float]:
        """As theme options (the stored, camelCase names)."""
        return {
            "fontSize": self.font_size,
            "lineHeight": self.line_height,
            "marginMm": self.margin_mm,
            "spacing": self.spacing,
        }


# One rung's change to each setting, the steps the editor's sliders move by (a tenth of a point
# of type keeps more of the size a fit can keep than half points would).
STEPS = Knobs(spacing=0.05, margin_mm=1.0, line_height=0.05, font_size=0.1)
# Rungs printed at once in each round of the search: the renderer's pages print side by side.
PROBES = 2
ORDER = tuple(field.name for field in fields(Knobs))


@dataclass(frozen=True)
class Fit:
    """The answer: `knobs` is the loosest design that fits, or the tightest readable one (and
    `pages` what it prints on) when none does; `suggestions` then say what to cut."""

    fits: bool
    pages: int
    before: int
    knobs: Knobs
    limits: Knobs
    suggestions: tuple[Cut, ...] = ()


def knobs_of(style: PageStyle) -> Knobs:
    return Knobs(
        spacing=style.spacing,
        margin_mm=style.margin_mm,
        line_height=style.line_height,
        font_size=style.font_size,
    )


def readable_limits(start: Knobs, defaults: dict[str, Any]) -> Knobs:
    """The tightest a fit may go from `start`: each setting's readable limit, or the resume's
    own value where the person already chose tighter (a fit never loosens a setting)."""
    merged = FALLBACK_DEFAULTS | {k: v for k, v in defaults.items() if v is not None}
    floor = Knobs(
        spacing=MIN_SPACING,
        margin_mm=MIN_MARGIN_MM,
        line_height=MIN_LINE_HEIGHT,
        font_size=max(MIN_FONT_SIZE, float(merged["fontSize"]) - MAX_FONT_DROP),
    )
    return Knobs(**{name: min(getattr(start, name), getattr(floor, name)) for name in ORDER})


def ladder(start: Knobs, tight: Knobs) -> list[Knobs]:
    """Every design from `start` to `tight`, loosest first: one setting at a time, by its step."""
    rungs = [start]
    for name in ORDER:
        high, low, step = getattr(start, name), getattr(tight, name), getattr(STEPS, name)
        count = math.ceil((high - low) / step - 1e-9)
        for k in range(1, count + 1):
            value = low if k == count else round(high - k * step, 2)
            rungs.append(replace(rungs[-1], **{name: value}))
    return rungs


async def fit(
    template: TemplateSource,
    data: dict[str, Any],
    theme: dict[str, Any],
    pages: int,
    count: PageCounter,
    photo: str | None = None,
) -> Fit:
    """The loosest readable design on which `data` prints on at most `pages` sheets."""
    style = resolve(theme, template.defaults, data)
    start = knobs_of(style)
    tight = readable_limits(start, template.defaults)
    rungs = ladder(start, tight)
    printed: dict[int, int] = {}

    async def sheets(rung: int) -> int:
        if rung not in printed:
            document = render_document(template, data, theme | rungs[rung].theme(), photo)
            printed[rung] = await count(document.html)
        return printed[rung]

    # The two ends at once: the renderer prints on more than one page at a time.
    before, _ = await asyncio.gather(sheets(0), sheets(len(rungs) - 1))
    if before <= pages:
        return Fit(fits=True, pages=before, before=before, knobs=start, limits=tight)
    tightest = len(rungs) - 1
    if printed[tightest] > pages:
        return Fit(
            fits=False,
            pages=printed[tightest],
            before=before,
            knobs=tight,
            limits=tight,
            suggestions=cuts(data, style),
        )
    found = await bisect(sheets, pages, tightest)
    return Fit(fits=True, pages=printed[found], before=before, knobs=rungs[found], limits=tight)


async def bisect(
    sheets: Callable[[int], Awaitable[int]], pages: int, tightest: int, probes: int = PROBES
) -> int:
    """The first rung that prints on `pages` sheets, knowing rung 0 does not and the last does.

    Each round prints `probes` rungs at once, evenly between the loosest rung known not to fit
    and the tightest known to fit, and keeps the part between the last that did not and the
    first that did. Pages only grow as the settings loosen, but for the odd entry that moves to
    the next page whole; the rung returned is always one that was printed and fits.
    """
    loose, tight = 0, tightest
    while tight - loose > 1:
        span = tight - loose
        between = sorted({loose + max(1, span * k // (probes + 1)) for k in range(1, probes + 1)})
        counts = await asyncio.gather(*(sheets(rung) for rung in between))
        for rung, count in zip(between, counts, strict=True):
            if count <= pages:
                tight = rung
                break
            loose = rung
    return tight
