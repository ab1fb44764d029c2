"""Resumes printed by other tools, and the import's recall on each.

Each JSON Resume theme from npm runs in node as its own tool runs it (`corpus/render_theme.mjs`),
and its HTML is printed by the app's Chromium, which blocks the network: a theme's web fonts and
icon sheet do not load, so it prints in fallback fonts without icons, as it would offline
anywhere. Each Word layout (`tests.transfer.word_resumes`) is exported by LibreOffice.
RenderCV is not a source: its Typst templates import a package from the Typst registry on
every first compile, which cannot be fetched here.

`python -m tests.transfer.corpus_pdfs` prints the recall table and the commonest misses.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resumate.config import RenderSettings
from resumate.document.sample import sample_resume
from resumate.rendering.renderer import Renderer
from resumate.transfer.reading.files import read_resume
from resumate.transfer.reading.pdf import read_pdf
from resumate.transfer.reading.prose import rejoin
from tests.templates.test_template_pdfs import sample
from tests.transfer.reading.recall import Recall, recall
from tests.transfer.word_resumes import LAYOUTS, export_pdfs, word_file

RENDER_THEME = Path(__file__).parent / "corpus" / "render_theme.mjs"
# package.json pins each theme (devDependencies): a sidebar, a gutter and a one-column layout.
THEMES = ["jsonresume-theme-even", "jsonresume-theme-macchiato", "jsonresume-theme-stackoverflow"]
SOURCES = [*THEMES, *LAYOUTS]
RESUMES: dict[str, Callable[[], dict[str, Any]]] = {"json-resume": sample, "ours": sample_resume}
# The fields the import must find on any resume, by the paths that hold them.
FIELDS = {
    "names": re.compile(r"basics\.name"),
    "emails": re.compile(r"basics\.email"),
    "phones": re.compile(r"basics\.phone"),
    "companies": re.compile(r"work\[\d+\]\.name"),
    "positions": re.compile(r"work\[\d+\]\.position"),
}
YEAR = re.compile(r"^(\d{4})(-\d{2}){0,2}$")
SCHEME = re.compile(r"^(https?://)?(www\.)?|/$")


@dataclass(frozen=True)
class Printed:
    source: str
    resume: str
    recall: Recall
    printed: frozenset[str]  # the paths whose values are in the PDF's text, as far as can be told


def theme_html(theme: str, document: dict[str, Any]) -> str:
    run = subprocess.run(
        ["node", str(RENDER_THEME), theme],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        timeout=60,
    )
    if run.returncode != 0:  # most often: node_modules not installed (`make install-node`)
        raise RuntimeError(f"{theme} did not render: {run.stderr.strip()}")
    return run.stdout


async def print_theme(renderer: Renderer, theme: str, document: dict[str, Any]) -> bytes:
    html = await asyncio.to_thread(theme_html, theme, document)
    name = document["basics"]["name"]
    return (await renderer.pdf(html, title=name, author=name)).data


def printed_paths(pdf: bytes, expected: dict[str, str]) -> frozenset[str]:
    """The fields a theme printed, as far as its text tells: the value stands in it as a word or
    words (a date: its year; a link: its address with or without scheme). Themes reword a few
    values, and a short one can stand elsewhere, so this is close, not exact."""
    lines = read_pdf(pdf).lines
    links = " ".join(SCHEME.sub("", link) for line in lines for link in line.links)
    text = " ".join(
        f"{rejoin([' '.join(line.cells) for line in lines])} {links}".split()
    ).casefold()

    def shown(value: str) -> bool:
        year = YEAR.match(value)
        needle = year.group(1) if year else SCHEME.sub("", value)
        needle = re.escape(" ".join(needle.split()).casefold())
        return re.search(rf"(?<!\w){needle}(?!\w)", text) is not None

    return frozenset(path for path, value in expected.items() if shown(value))


async def print_all(renderer: Renderer) -> list[Printed]:
    printed = []
    for theme in THEMES:
        for resume, make in RESUMES.items():
            document = make()
            pdf = await print_theme(renderer, theme, document)
            found = recall(document, read_resume(pdf).document)
            printed.append(Printed(theme, resume, found, printed_paths(pdf, found.expected)))
    documents = {(layout, resume): make() for layout in LAYOUTS for resume, make in RESUMES.items()}
    files = {"-".join(key): word_file(doc, table=LAYOUTS[key[0]]) for key, doc in documents.items()}
    pdfs = await asyncio.to_thread(export_pdfs, files)  # one LibreOffice run for every file
    for (layout, resume), document in documents.items():
        pdf = pdfs[f"{layout}-{resume}"]
        found = recall(document, read_resume(pdf).document)
        printed.append(Printed(layout, resume, found, printed_paths(pdf, found.expected)))
    return printed


def field_share(results: Iterable[Recall], field: re.Pattern[str]) -> float | None:
    """The share of a field's values found over several resumes; None where none has it."""
    pairs = [(path in r.missed) for r in results for path in r.expected if field.fullmatch(path)]
    return 1 - sum(pairs) / len(pairs) if pairs else None


def prints(printed: Iterable[Printed], field: re.Pattern[str]) -> bool:
    """Whether every value of a field is in the PDFs' text."""
    return all(
        path in p.printed for p in printed for path in p.recall.expected if field.fullmatch(path)
    )


def overall_share(results: Iterable[Recall]) -> float:
    """The share of every field found over several resumes."""
    counts = [(len(r.expected), len(r.missed)) for r in results]
    return 1 - sum(missed for _, missed in counts) / sum(expected for expected, _ in counts)


def table(printed: list[Printed]) -> list[list[str]]:
    """One row per source: recall over every field and over the printed ones, then per field
    (marked * where the source does not print all of that field's values)."""
    rows = [["source", "fields", "printed", "all", "of printed", *FIELDS]]
    for source in dict.fromkeys(p.source for p in printed):
        ours = [p for p in printed if p.source == source]
        results = [p.recall for p in ours]
        shown = sum(len(p.printed) for p in ours)
        lost = sum(len(p.printed & p.recall.missed.keys()) for p in ours)
        shares = [
            ("-" if share is None else f"{share:.0%}") + ("" if prints(ours, pattern) else "*")
            for pattern in FIELDS.values()
            for share in [field_share(results, pattern)]
        ]
        rows.append(
            [
                source,
                str(sum(len(r.expected) for r in results)),
                str(shown),
                f"{overall_share(results):.0%}",
                f"{1 - lost / shown:.0%}",
                *shares,
            ]
        )
    return rows


def commonest_misses(printed: list[Printed], top: int = 10) -> list[tuple[str, int, str]]:
    """The kinds of printed field missed most (`work[].summary`): how often, and one example."""
    kinds: Counter[str] = Counter()
    example: dict[str, str] = {}
    for p in printed:
        for path, (expected, got) in p.recall.missed.items():
            if path not in p.printed:
                continue
            kind = re.sub(r"\[\d+\]", "[]", path)
            kinds[kind] += 1
            example.setdefault(kind, f"{p.resume}: {path} {expected!r} -> {got!r}")
    return [(kind, count, example[kind]) for kind, count in kinds.most_common(top)]


async def main() -> None:
    with tempfile.TemporaryDirectory() as work_dir:
        renderer = Renderer(RenderSettings(), Path(work_dir))
        try:
            printed = await print_all(renderer)
        finally:
            await renderer.close()
    rows = table(printed)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print("* the source does not print every value of this field")
    for source in SOURCES:
        print(f"\n{source}: the printed fields missed most (count, kind, an example)")
        for kind, count, seen in commonest_misses([p for p in printed if p.source == source]):
            print(f"{count:3} {kind:28} {seen}")


if __name__ == "__main__":
    asyncio.run(main())
