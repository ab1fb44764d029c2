"""Every built-in template, printed for real with the sample and with a long resume.

The PDF opens at the theme's paper size, and `pdftotext` (what applicant tracking systems see)
finds every non-empty field value, with dates and addresses as the templates show them.
"""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from resumate.document.countries import country_name
from resumate.rendering.dates import month_year
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.environment import display_url
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import BuiltinTemplate, load_builtins

SHARED = Path(__file__).resolve().parents[3] / "shared" / "jsonresume"
PAPER = {"A4": (595, 842), "Letter": (612, 792)}
TEMPLATES = {template.slug: template for template in load_builtins()}
NOT_SHOWN = {"$schema", "meta", "image"}


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SHARED / "sample.resume.json").read_text("utf-8"))
    return data


def long_resume() -> dict[str, Any]:
    """The sample with four times the jobs and projects: two pages or more."""
    data = sample()
    for section in ("work", "projects"):
        entries = data[section]
        data[section] = [
            copy.deepcopy(entry) | {"name": f"{entry['name']} {n}"}
            for n in range(1, 5)
            for entry in entries
        ]
    return data


def field_values(value: object, key: str = "") -> list[str]:
    """Every non-empty string in the document, as a template prints it."""
    if isinstance(value, dict):
        return [v for k, item in value.items() if k not in NOT_SHOWN for v in field_values(item, k)]
    if isinstance(value, list):
        return [v for item in value for v in field_values(item, key)]
    if not isinstance(value, str) or not value.strip():
        return []
    if key.endswith("Date") or key == "date":
        return [month_year(value)]
    if key == "url":
        return [display_url(value)]
    if key == "countryCode":
        return [country_name(value, "en")]
    return [value.strip()]


def normalised(text: str) -> str:
    # pdftotext joins a word broken after a hyphen at a line end; spacing differs by layout.
    return re.sub(r"\s+", " ", re.sub(r"-\s*", "", text)).strip()


def pdf_plain_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "resume.pdf"
    path.write_bytes(pdf)
    # Reading order, not -layout: side-by-side columns are read one after the other.
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdf_fonts(pdf: bytes, tmp_path: Path) -> dict[str, bool]:
    """The PDF's fonts and whether each is embedded, as `pdffonts` lists them."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = [row.split() for row in listing.stdout.splitlines()[2:]]
    return {row[0]: row[-5] == "yes" for row in rows}


async def print_pdf(
    renderer: Renderer, template: BuiltinTemplate, data: dict[str, Any], theme: dict[str, Any]
) -> bytes:
    source = TemplateSource(template.html, template.css, template.defaults)
    document = render_document(source, data, theme)
    return (await renderer.pdf(document.html, title=document.title, author=document.author)).data


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize(
    ("resume", "paper"), [(sample, "A4"), (long_resume, "Letter")], ids=["sample", "long"]
)
async def test_every_field_is_in_the_pdf_text(
    renderer: Renderer, tmp_path: Path, slug: str, resume: Any, paper: str
) -> None:
    data = resume()
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, {"pageSize": paper})
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == PAPER[paper]
    if resume is long_resume:
        assert len(reader.pages) >= 2
    text = normalised(pdf_plain_text(pdf, tmp_path))
    missing = [value for value in field_values(data) if normalised(value) not in text]
    assert missing == []


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_no_page_ends_with_a_lone_heading(
    renderer: Renderer, tmp_path: Path, slug: str
) -> None:
    pdf = await print_pdf(renderer, TEMPLATES[slug], long_resume(), {})
    headings = {
        "summary",
        "experience",
        "volunteering",
        "education",
        "awards",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "certificates",
    }
    pages = pdf_plain_text(pdf, tmp_path).split("\f")[:-1]
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines, f"page {number} is empty"
        assert lines[-1].lower() not in headings, f"page {number} ends with {lines[-1]!r}"


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_scripts_beyond_latin_print_with_bundled_fonts(
    renderer: Renderer, tmp_path: Path, slug: str
) -> None:
    data = {
        "basics": {"name": "Анна Каренина", "label": "Αναλύτρια δεδομένων"},
        "work": [{"name": "数据工程师", "position": "Инженер"}],
    }
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, {})
    text = normalised(pdf_plain_text(pdf, tmp_path))
    for value in ("Анна Каренина", "Αναλύτρια δεδομένων", "数据工程师", "Инженер"):
        assert value in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert any("NotoSansSC" in name for name in fonts)
    # Every font embedded, so the PDF looks the same everywhere.
    assert fonts
    assert all(embedded for embedded in fonts.values()), fonts
