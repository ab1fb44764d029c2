"""PDF printing: a browser per request against warm pages, throughput, the cached path, memory.

Run `scripts/bench.sh pdf` (`make bench` runs it with the API benchmark), or add `--quick`.

Everything runs in this one process, on one machine and one document, in one run: the original
design (Chromium launched, used once and closed for every PDF), the Renderer's warm pages one
request at a time, then 1, 2 and 4 clients printing back to back, the memory of the process
tree after that, a template thumbnail, one resume in Latin, Japanese, Arabic and Hebrew printed
in turns (the fonts for other scripts against Latin), and generate-pdf through the app for a
resume whose PDF is already stored. Targets are printed beside the figures and never asserted.
Each row also shows the CPU the rest of the machine used meanwhile: on two cores, other work
slows every figure here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from playwright.async_api import async_playwright
from tests.databases import migrated_database

from bench._pdf_app import cached_generate
from bench._pdf_procs import MB, Watch, memory
from bench._pdf_runs import baseline, percentile, sequential, throughput, thumbnails
from bench._pdf_scripts import by_script
from bench.api import SAMPLE
from resumate.config import RenderSettings
from resumate.document.sample import sample_resume
from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.rendering.thumbnail import SCALE, SHEET_HEIGHT, SHEET_WIDTH
from resumate.templates.builtin import load_builtins

TEMPLATE = "classic"
ONE_PAGE_SECTIONS = ("basics", "work", "skills")
CLIENTS = (1, 2, 4)
WARM_UP = 6
# Targets: printed with a pass/miss mark, never asserted.
WARM_P50_MS, SPEEDUP, PDFS_PER_SECOND, CACHED_P50_MS, CHROMIUM_MB = 40, 10, 35, 10, 700


@dataclass(frozen=True)
class Row:
    measure: str
    result: str
    target: str = ""
    ok: bool | None = None
    others: float | None = None  # the rest of the machine's CPU, as a fraction of one core


@dataclass(frozen=True)
class OnePage:
    data: dict[str, Any]
    document: Document
    described: str


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def latency(samples: list[float]) -> str:
    return f"p50 {percentile(samples, 50):6.1f} ms  p95 {percentile(samples, 95):6.1f} ms"


def template() -> TemplateSource:
    found = next(b for b in load_builtins() if b.slug == TEMPLATE)
    return TemplateSource(found.html, found.css, found.defaults)


async def one_page(renderer: Renderer) -> OnePage:
    """The JSON Resume sample if it prints on one page, else its basics, work and skills."""
    sample: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    whole = render_document(template(), sample, {})
    pages = (await renderer.pdf(whole.html, title=whole.title, author=whole.author)).pages
    if pages == 1:
        return OnePage(sample, whole, f"the JSON Resume sample, {TEMPLATE} template, 1 page")
    data = {key: sample[key] for key in ONE_PAGE_SECTIONS}
    part = render_document(template(), data, {})
    printed = await renderer.pdf(part.html, title=part.title, author=part.author)
    described = (
        f"the JSON Resume sample's {' + '.join(ONE_PAGE_SECTIONS)}, {TEMPLATE} template:"
        f" {printed.pages} page(s), {len(printed.data) // 1024} KB of PDF"
        f" (the whole sample prints on {pages})"
    )
    return OnePage(data, part, described)


async def baseline_row(
    settings: RenderSettings, work_dir: Path, html: str, runs: int
) -> tuple[Row, float]:
    """The row, and its p50 for the warm rows to compare with."""
    say(f"baseline: {runs} requests, each launching its own Chromium")
    watch = Watch()
    async with async_playwright() as playwright:
        chromium, samples = await baseline(playwright, settings, work_dir, html, runs)
    print(f"browser: Chromium {chromium} via Playwright {version('playwright')}")
    measured = f"baseline: a browser per request ×{runs}"
    return Row(measured, latency(samples), others=watch.stop().others), percentile(samples, 50)


async def warm_rows(
    renderer: Renderer, document: Document, runs: int, launched: float
) -> list[Row]:
    say(f"warm: {runs} one-page PDFs one at a time, after {WARM_UP} to warm up")
    await sequential(renderer, document, WARM_UP)
    watch = Watch()
    samples = await sequential(renderer, document, runs)
    p50 = percentile(samples, 50)
    speedup = launched / p50
    return [
        Row(
            f"warm: Renderer.pdf ×{runs}",
            latency(samples),
            f"p50 ≤ {WARM_P50_MS} ms",
            p50 <= WARM_P50_MS,
            watch.stop().others,
        ),
        Row(
            "  baseline p50 / warm p50",
            f"{speedup:.1f}× faster",
            f"≥ {SPEEDUP}×",
            speedup >= SPEEDUP,
        ),
    ]


async def throughput_rows(renderer: Renderer, document: Document, seconds: float) -> list[Row]:
    say(f"throughput: {', '.join(map(str, CLIENTS))} clients, {seconds:g} s each")
    runs = []
    for clients in CLIENTS:
        watch = Watch()
        runs.append((await throughput(renderer, document, clients, seconds), watch.stop()))
    best = max(run.per_second for run, _ in runs)
    rows = []
    for run, used in runs:
        is_best, cpu = run.per_second == best, 1000 * used.ours / run.pdfs
        rows.append(
            Row(
                f"throughput: {run.clients} client(s), {cpu:.0f} ms CPU/PDF",
                f"{run.per_second:5.1f} PDFs/s  p50 {percentile(run.samples_ms, 50):6.1f} ms",
                f"≥ {PDFS_PER_SECOND}/s at best" if is_best else "",
                best >= PDFS_PER_SECOND if is_best else None,
                used.others,
            )
        )
    # What the same work would reach with every core to itself, if CPU were the only limit.
    cpu_per_pdf = sum(used.ours for _, used in runs) / sum(run.pdfs for run, _ in runs)
    cores = os.cpu_count() or 1
    ceiling = f"{cores / cpu_per_pdf:5.1f} PDFs/s"
    return [*rows, Row(f"  ceiling: {cores} idle cores ÷ CPU per PDF", ceiling, "(an estimate)")]


def memory_rows() -> list[Row]:
    used = memory()
    target = f"≤ {CHROMIUM_MB} MB"
    return [
        Row("memory: this Python process, RSS", f"{used.python_rss / MB:.0f} MB"),
        Row("memory: Playwright's Node driver, RSS", f"{used.driver_rss / MB:.0f} MB"),
        Row(
            f"memory: Chromium's {used.chromium_processes} processes, RSS sum",
            f"{used.chromium_rss / MB:.0f} MB",
            target,
            used.chromium_rss <= CHROMIUM_MB * MB,
        ),
        Row(
            "memory: the same, PSS sum (shared pages once)",
            f"{used.chromium_pss / MB:.0f} MB",
            target,
            used.chromium_pss <= CHROMIUM_MB * MB,
        ),
    ]


async def thumbnail_row(renderer: Renderer, runs: int) -> Row:
    say(f"thumbnails: {runs} PNGs of the {TEMPLATE} template with the sample data")
    html = render_document(template(), sample_resume(), {}).html
    await thumbnails(renderer, html, 1)
    watch = Watch()
    samples = await thumbnails(renderer, html, runs)
    measure = f"thumbnail: Renderer.png {SHEET_WIDTH}×{SHEET_HEIGHT} at {SCALE:g} ×{runs}"
    return Row(measure, latency(samples), others=watch.stop().others)


async def cached_rows(
    settings: RenderSettings, database_url: str, data_dir: Path, data: dict[str, Any], calls: int
) -> list[Row]:
    say(f"cached path: generate-pdf ×{calls} for an unchanged resume, through the app")
    watch = Watch()
    cached = await cached_generate(settings, database_url, data_dir, data, calls)
    p50 = percentile(cached.samples_ms, 50)
    return [
        Row(
            "generate-pdf: 1st call (launch + print)",
            f"{cached.first_ms:.0f} ms, {cached.pages} page(s)",
        ),
        Row(
            f"generate-pdf: unchanged resume ×{calls}",
            latency(cached.samples_ms),
            f"p50 ≤ {CACHED_P50_MS} ms",
            p50 <= CACHED_P50_MS,
            watch.stop().others,
        ),
    ]


async def script_rows(renderer: Renderer, rounds: int) -> list[Row]:
    say(f"scripts: one resume in Latin, Japanese, Arabic and Hebrew, {rounds} rounds in turns")
    watch = Watch()
    runs = await by_script(renderer, template(), rounds)
    others = watch.stop().others
    latin = percentile(runs[0].samples_ms, 50)
    return [
        Row(
            f"script: {run.script}, {run.size_kb:.0f} KB",
            latency(run.samples_ms),
            f"{percentile(run.samples_ms, 50) / latin:.2f}× Latin",
            others=others,
        )
        for run in runs
    ]


async def measure(args: argparse.Namespace, scratch: Path, database_url: str) -> list[Row]:
    settings = RenderSettings(
        chromium_path=args.chromium, concurrency=args.concurrency, queue_limit=args.queue
    )
    renderer = Renderer(settings, scratch / "renderer")
    try:
        chosen = await one_page(renderer)
        print(f"document: {chosen.described}")
        html = chosen.document.html
        first, launched = await baseline_row(settings, scratch / "renderer", html, args.baseline)
        rows = [first, *await warm_rows(renderer, chosen.document, args.warm, launched)]
        rows += await throughput_rows(renderer, chosen.document, args.seconds)
        rows += memory_rows()
        rows.append(await thumbnail_row(renderer, args.thumbnails))
        rows += await script_rows(renderer, args.scripts)
    finally:
        await renderer.close()
    return rows + await cached_rows(
        settings, database_url, scratch / "app", chosen.data, args.cached
    )


def mark(ok: bool | None) -> str:
    return "" if ok is None else "pass" if ok else "MISS"


def print_table(rows: list[Row]) -> None:
    print(f"\n{'measure':<46} {'result':<32} {'target':<17} {'':<4} {'others':>6}")
    for row in rows:
        others = "" if row.others is None else f"{100 * row.others:.0f}%"
        print(f"{row.measure:<46} {row.result:<32} {row.target:<17} {mark(row.ok):<4} {others:>6}")
    print("others: CPU the rest of the machine used during the row, as % of one core")
    busiest = max(row.others or 0.0 for row in rows)
    if busiest > 0.25:
        print(f"note: other work used up to {100 * busiest:.0f}% of a core; these figures suffer")


def main() -> None:
    defaults = RenderSettings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 2 s per throughput row")
    parser.add_argument("--seconds", type=float, help="seconds per throughput row (default 5)")
    parser.add_argument("--concurrency", type=int, default=defaults.concurrency, help="pages")
    parser.add_argument("--queue", type=int, default=defaults.queue_limit, help="waiting line")
    parser.add_argument(
        "--chromium", type=Path, default=defaults.chromium_path, help="the browser to run"
    )
    args = parser.parse_args()
    if args.concurrency + args.queue < max(CLIENTS):
        parser.error(f"--concurrency plus --queue must admit {max(CLIENTS)} clients")
    args.seconds = args.seconds or (2 if args.quick else 5)
    args.baseline, args.warm, args.cached, args.thumbnails, args.scripts = (
        (5, 30, 20, 3, 10) if args.quick else (10, 60, 50, 5, 40)
    )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    print(
        f"renderer: {args.chromium}, {args.concurrency} pages, a queue of {args.queue},"
        " bundled fonts, lockdown on"
    )
    with tempfile.TemporaryDirectory(prefix="resumate-bench-") as scratch:
        data_dir = Path(scratch)
        with migrated_database("sqlite", data_dir) as url:
            rows = asyncio.run(measure(args, data_dir, url))
    print_table(rows)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
