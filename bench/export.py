"""Exporting a resume: the time to write each format, against the JSON export in the same run.

Run `scripts/bench.sh export`, or add `--quick` for fewer samples.

Two resumes in the Classic template's design: the product's sample (one page) and JSON Resume's
sample with four times the jobs and projects (three pages). Each format is written over and
over in this process, as the export route writes it once the resume is loaded: JSON Resume
(the baseline: the document in the standard's order with the design in `meta`), the outline
every file format starts from, Markdown, plain text, Word (.docx), and the first page as a PNG
at scales 1, 2 and 4, drawn from the PDF (printed once beforehand by Chromium, untimed: the app
keeps the printed PDF). The last column is what the import reads back from the Word file.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench._pdf_runs import percentile
from resumate.config import RenderSettings
from resumate.document.sample import sample_resume
from resumate.document.schemas import in_schema_order
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from resumate.transfer.design import with_design
from resumate.transfer.export.markdown import markdown
from resumate.transfer.export.outline import outline
from resumate.transfer.export.plain import plain_text
from resumate.transfer.export.png import page_png
from resumate.transfer.export.word import word_file
from resumate.transfer.reading.files import read_resume
from resumate.transfer.report.compare import UNPRINTED, leaves

SHARED = Path(__file__).resolve().parents[2] / "shared" / "jsonresume" / "sample.resume.json"
CLASSIC = next(template for template in load_builtins() if template.slug == "classic")


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def long_resume() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHARED.read_text("utf-8"))
    for section in ("work", "projects"):
        data[section] = [
            copy.deepcopy(entry) | {"name": f"{entry['name']} {n}"}
            for n in range(1, 5)
            for entry in data[section]
        ]
    return data


async def printed(resumes: dict[str, dict[str, Any]]) -> dict[str, tuple[bytes, int]]:
    """Each resume's PDF and its pages, printed by Chromium as the app prints it."""
    renderer = Renderer(RenderSettings(), Path(tempfile.mkdtemp()))
    source = TemplateSource(CLASSIC.html, CLASSIC.css, CLASSIC.defaults)
    try:
        found = {}
        for name, data in resumes.items():
            document = render_document(source, data, {})
            pdf = await renderer.pdf(document.html, title=document.title, author=document.author)
            found[name] = (pdf.data, pdf.pages)
        return found
    finally:
        await renderer.close()


def json_export(data: dict[str, Any]) -> bytes:
    """The JSON export's own work: the standard's key order, the design in meta, the bytes."""
    document = with_design(in_schema_order(data), CLASSIC.slug, {})
    return json.dumps(document, ensure_ascii=False).encode()


def timed(step: Callable[[], object], runs: int) -> tuple[list[float], object]:
    made = step()  # warm: imports, caches, compiled templates
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        samples.append((time.perf_counter() - start) * 1000)
    return samples, made


def recovered(data: dict[str, Any], docx: bytes) -> str:
    """The share of the resume's fields the import reads back from the Word file."""
    expected = {p: v for p, v in leaves(data).items() if not p.startswith(UNPRINTED)}
    found = leaves(read_resume(docx).document)
    same = sum(found.get(path) == value for path, value in expected.items())
    return f"{same}/{len(expected)}"


def markdown_file(data: dict[str, Any]) -> bytes:
    return markdown(outline(data, {}, CLASSIC.defaults)).encode()


def text_file(data: dict[str, Any]) -> bytes:
    return plain_text(outline(data, {}, CLASSIC.defaults)).encode()


def docx_file(data: dict[str, Any]) -> bytes:
    return word_file(outline(data, {}, CLASSIC.defaults))


def row(label: str, resume: str, samples: list[float], made: object, base: float) -> str:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    size = f"{len(made) / 1024:.1f} KB" if isinstance(made, bytes) else "—"
    return f"| {label} | {resume} | {p50:.2f} | {p95:.2f} | {size} | {p50 / base:.1f}× |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples per row")
    runs = 10 if parser.parse_args().quick else 40
    resumes = {"sample, 1 page": sample_resume(), "long, 3 pages": long_resume()}
    say("printing each resume's PDF once (Chromium), for the PNG rows")
    pdfs = asyncio.run(printed(resumes))
    say(f"writing each format {runs} times per row")
    print("| format | resume | p50 ms | p95 ms | size | × JSON p50 | import reads back |")
    print("|---|---|---:|---:|---:|---:|---|")
    for name, data in resumes.items():
        steps: list[tuple[str, Callable[[], object]]] = [
            ("JSON Resume (baseline)", partial(json_export, data)),
            ("outline (every file format's start)", partial(outline, data, {}, CLASSIC.defaults)),
            ("Markdown", partial(markdown_file, data)),
            ("plain text", partial(text_file, data)),
            ("Word (.docx)", partial(docx_file, data)),
        ]
        steps += [
            (f"PNG, page 1, scale {scale}", partial(page_png, pdfs[name][0], 1, scale))
            for scale in (1, 2, 4)
        ]
        base = 0.0
        for label, step in steps:
            samples, made = timed(step, runs)
            base = base or percentile(samples, 50)
            word = label.startswith("Word") and isinstance(made, bytes)
            check = recovered(data, made) if isinstance(made, bytes) and word else ""
            print(f"{row(label, name, samples, made, base)} {check} |")


if __name__ == "__main__":
    main()
