"""Importing a resume file: the time to read it, per page, against a plain text extraction.

Run `scripts/bench.sh import`, or add `--quick` for fewer samples.

Files are made first, outside the timing: the product's sample printed by the Classic template
(one page), JSON Resume's long sample printed by Classic and by Sidebar (two and more pages,
one and two columns), a Word file and a Markdown file of the same resume. Each is then read
back over and over in this process, step by step: the reader's lines (`read_pdf`, `read_docx`,
`read_text`), then the fields found in them, then `read_resume` whole; and once more through
the worker process the app uses (`ReadingWorker`, the same limits), which adds the trip to the
child and back. The baseline is pdfminer.six's own `extract_text` on the same PDF: the least a
reader of the text layer does, so the ratio shows what finding lines, columns and fields adds.
Targets are printed beside the figures and never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from docx import Document as WordDocument
from pdfminer.high_level import extract_text

from bench._pdf_runs import percentile
from resumate.config import ImportSettings, RenderSettings
from resumate.document.sample import sample_resume
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from resumate.transfer.reading.docx import read_docx
from resumate.transfer.reading.fields import extract
from resumate.transfer.reading.files import read_resume
from resumate.transfer.reading.pdf import read_pdf
from resumate.transfer.reading.text import read_text
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.report.compare import Report, compare

SHARED = Path(__file__).resolve().parents[2] / "shared" / "jsonresume" / "sample.resume.json"
# Target: a two-page PDF read whole (heuristic path) in this many ms on two cores, p50.
TWO_PAGES_MS = 300
# Target: the parser report's own time, beyond printing the PDF it reads.
REPORT_MS = 150


@dataclass(frozen=True)
class Made:
    name: str
    data: bytes
    pages: int
    resume: dict[str, Any]


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def long_resume() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHARED.read_text("utf-8"))
    for section in ("work", "projects"):
        data[section] = [
            entry | {"name": f"{entry['name']} {n}"} for n in range(1, 5) for entry in data[section]
        ]
    return data


async def printed() -> list[Made]:
    templates = {b.slug: b for b in load_builtins()}
    renderer = Renderer(RenderSettings(), Path(tempfile.mkdtemp()))
    made = []
    try:
        for slug, data, name in (
            ("classic", sample_resume(), "PDF, one page (Classic)"),
            (
                "classic",
                json.loads(SHARED.read_text("utf-8")),
                "PDF, JSON Resume's sample (Classic)",
            ),
            ("sidebar", long_resume(), "PDF, long, two columns (Sidebar)"),
        ):
            found = templates[slug]
            source = TemplateSource(found.html, found.css, found.defaults)
            document = render_document(source, data, {})
            pdf = await renderer.pdf(document.html, title=document.title, author=document.author)
            made.append(Made(name, pdf.data, pdf.pages, data))
    finally:
        await renderer.close()
    return made


def word_file(data: dict[str, Any]) -> bytes:
    """The resume as a person types it in Word: name, headings, jobs with bullets."""
    document = WordDocument()
    basics = data["basics"]
    document.add_heading(basics["name"], level=0)
    document.add_paragraph(f"{basics['email']}\t{basics['phone']}")
    document.add_heading("Experience", level=1)
    for job in data["work"]:
        line = document.add_paragraph()
        line.add_run(job["position"]).bold = True
        line.add_run(
            f", {job['name']}\t{job.get('startDate', '')} – {job.get('endDate', 'present')}"
        )
        for highlight in job.get("highlights", []):
            document.add_paragraph(highlight, style="List Bullet")
    document.add_heading("Education", level=1)
    for school in data["education"]:
        document.add_paragraph(f"{school['studyType']}, {school['area']}, {school['institution']}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def markdown_file(data: dict[str, Any]) -> bytes:
    basics = data["basics"]
    lines = [f"# {basics['name']}", basics["email"], "", "## Experience"]
    for job in data["work"]:
        lines += [f"### {job['position']} — {job['name']}", f"{job.get('startDate', '')} – present"]
        lines += [f"- {highlight}" for highlight in job.get("highlights", [])]
    return "\n".join(lines).encode()


def parser_report(made: Made) -> Report:
    """The ATS report's work once the PDF is printed: read it back, compare with the resume."""
    return compare(made.resume, read_resume(made.data))


def timed(step: Callable[[], object], runs: int) -> list[float]:
    step()  # warm: imports, caches, compiled patterns
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def row(
    measure: str, samples: list[float], pages: int, baseline: float | None, target: str = ""
) -> None:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    ratio = f"{p50 / baseline:5.1f}×" if baseline else "    —"
    figures = f"{p50:7.1f} | {p95:7.1f} | {p50 / pages:7.1f}"
    print(f"| {measure:<44} | {pages} | {figures} | {ratio} | {target} |")


async def through_worker(made: Made, runs: int) -> list[float]:
    worker = ReadingWorker(ImportSettings())
    try:
        await worker.read(made.data)  # the child starts and loads the readers
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            await worker.read(made.data)
            samples.append((time.perf_counter() - start) * 1000)
        return samples
    finally:
        await worker.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples per row")
    runs = 10 if parser.parse_args().quick else 40
    say("printing the PDFs to read (Chromium), making the Word and Markdown files")
    pdfs = await printed()
    word = word_file(sample_resume())
    markdown = markdown_file(sample_resume())
    say(f"reading each file {runs} times per row")
    print("| what is read | pages | p50 ms | p95 ms | p50 per page | × baseline | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for made in pdfs:
        base = timed(partial(extract_text, io.BytesIO(made.data)), runs)
        base50 = percentile(base, 50)
        row(f"{made.name}: pdfminer's extract_text", base, made.pages, base50)
        row("  lines (read_pdf)", timed(partial(read_pdf, made.data), runs), made.pages, base50)
        source = read_pdf(made.data)
        fields = timed(partial(extract, source), runs)
        row("  fields from the lines (extract)", fields, made.pages, base50)
        whole = timed(partial(read_resume, made.data), runs)
        target = ""
        if made.pages == 2:
            met = "✓" if percentile(whole, 50) <= TWO_PAGES_MS else "✗"
            target = f"≤ {TWO_PAGES_MS} ms for 2 pages {met}"
        row("  whole (read_resume)", whole, made.pages, base50, target)
        worker = await through_worker(made, runs)
        row("  whole, through the worker process", worker, made.pages, base50)
        report = timed(partial(parser_report, made), runs)
        met = "✓" if percentile(report, 50) <= REPORT_MS else "✗"
        row(
            "  parser report (read + compare)",
            report,
            made.pages,
            base50,
            f"≤ {REPORT_MS} ms {met}",
        )
    row("Word file (.docx): whole", timed(partial(read_resume, word), runs), 1, None)
    row("  lines (read_docx)", timed(partial(read_docx, word), runs), 1, None)
    row("Markdown file: whole", timed(partial(read_resume, markdown), runs), 1, None)
    row("  lines (read_text)", timed(partial(read_text, markdown), runs), 1, None)


if __name__ == "__main__":
    asyncio.run(main())
