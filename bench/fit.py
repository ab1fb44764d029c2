"""Fit to N pages: the time to find the design, against one plain print in the same run.

Run `scripts/bench.sh fit`, or add `--quick` for fewer samples.

Three resumes in several templates: JSON Resume's sample (two pages in most templates), fitted
to one page and to two; the same without its publications, awards, interests and references (a
second page of a few lines), fitted to one; and the sample with four times the jobs and projects
(three or four pages), fitted to two. Each fit runs in this process, by the app's search
(`resumate.rendering.fit`) on one warm Chromium, as the fit route runs it once the resume is
loaded: the resume as it is is printed and its pages counted, then the tightest readable
design, then a bisection of the designs between. Every fit starts with nothing remembered. The
baseline is one plain print of the same resume (the PDF download's own work, text layer
included). The target is 1.5 s for a two-page resume.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._pdf_runs import percentile
from bench.export import SHARED, long_resume
from resumate.config import RenderSettings
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.fit import Fit, fit
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins

SLUGS = ("classic", "modern", "sidebar", "compact", "executive")
TARGET_MS = 1500


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHARED.read_text("utf-8"))
    return data


def trimmed() -> dict[str, Any]:
    data = sample()
    for key in ("publications", "awards", "interests", "references"):
        del data[key]
    return data


async def plain_print_ms(renderer: Renderer, source: TemplateSource, data: dict[str, Any]) -> float:
    start = time.perf_counter()
    document = render_document(source, data, {})
    await renderer.pdf(document.html, title=document.title, author=document.author)
    return (time.perf_counter() - start) * 1000


async def timed_fit(
    renderer: Renderer, source: TemplateSource, data: dict[str, Any], pages: int
) -> tuple[float, int, Fit]:
    """Milliseconds, prints and the answer of one fit, from nothing remembered."""
    prints = 0

    async def count(html: str) -> int:
        nonlocal prints
        prints += 1
        return await renderer.pages(html)

    start = time.perf_counter()
    found = await fit(source, data, {}, pages, count)
    return (time.perf_counter() - start) * 1000, prints, found


def outcome(found: Fit) -> str:
    if not found.fits:
        return f"refused ({found.pages} pages at the limits)"
    if found.before == found.pages:
        return "fits as it is"
    knobs = found.knobs
    return (
        f"{found.pages} p: {knobs.font_size:g} pt, {knobs.line_height:g}, "
        f"{knobs.margin_mm:g} mm, ×{knobs.spacing:g}"
    )


async def measure(runs: int) -> None:
    templates = {t.slug: t.source for t in load_builtins() if t.slug in SLUGS}
    renderer = Renderer(RenderSettings(), Path(tempfile.mkdtemp()))
    # Each resume, and the page counts it is fitted to.
    resumes = {
        "sample": (sample(), (1, 2)),
        "trimmed sample": (trimmed(), (1,)),
        "long": (long_resume(), (2,)),
    }
    try:
        await renderer.pages("<p>warm</p>")  # Chromium started and its fonts cached
        print(
            "| template | resume (pages) | fit to | answer | prints | p50 ms | p95 ms "
            "| one print p50 (baseline) | × one print | ≤ 1.5 s |"
        )
        print("|---|---|---:|---|---:|---:|---:|---:|---:|---|")
        for slug, source in templates.items():
            for name, (data, targets) in resumes.items():
                plain = [await plain_print_ms(renderer, source, data) for _ in range(runs)]
                base = percentile(plain, 50)
                for pages in targets:
                    await timed_fit(renderer, source, data, pages)  # warm: templates compiled
                    samples, prints, found = [], 0, None
                    for _ in range(runs):
                        ms, prints, found = await timed_fit(renderer, source, data, pages)
                        samples.append(ms)
                    assert found is not None
                    p50, p95 = percentile(samples, 50), percentile(samples, 95)
                    print(
                        f"| {slug} | {name} ({found.before}) | {pages} | {outcome(found)} "
                        f"| {prints} | {p50:.0f} | {p95:.0f} | {base:.0f} | {p50 / base:.1f}× "
                        f"| {'yes' if p95 <= TARGET_MS else 'no'} |"
                    )
    finally:
        await renderer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples per row")
    runs = 3 if parser.parse_args().quick else 8
    say(f"fitting each resume {runs} times per row, one warm Chromium in this process")
    asyncio.run(measure(runs))


if __name__ == "__main__":
    main()
