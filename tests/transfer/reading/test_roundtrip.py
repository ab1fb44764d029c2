"""Every template printed and imported back: the fields a resume goes in with come out again.

Each built-in template prints four resumes (ours, JSON Resume's own sample, a long one and one
in Cyrillic and Chinese) on A4 and Letter; the import reads each PDF back and every non-empty
field is compared with the source (`tests.transfer.reading.recall`): every one comes back, on
every template (Modern's levels, set smaller beside their names with nothing between, are told
apart by their type).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from resumate.document.countries import country_name
from resumate.document.sample import sample_resume
from resumate.rendering.renderer import Renderer
from resumate.transfer.reading.files import read_resume
from resumate.transfer.reading.pdf import read_pdf
from resumate.transfer.reading.prose import rejoin
from tests.templates.test_parse_back import non_latin
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, print_pdf, sample
from tests.transfer.reading.recall import leaves, recall

RESUMES: dict[str, Callable[[], dict[str, Any]]] = {
    "ours": sample_resume,
    "json-resume": sample,
    "long": long_resume,
    "non-latin": non_latin,
}


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("resume", sorted(RESUMES))
@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_a_printed_resume_imports_back_field_for_field(
    renderer: Renderer, slug: str, resume: str, paper: str
) -> None:
    data = RESUMES[resume]()
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, {"pageSize": paper})
    found = recall(data, read_resume(pdf).document)
    assert found.missed == {}


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_every_imported_value_is_text_of_the_file(renderer: Renderer, slug: str) -> None:
    pdf = await print_pdf(renderer, TEMPLATES[slug], sample(), {})
    source = read_pdf(pdf)
    links = " ".join(link for line in source.lines for link in line.links)
    # Lines joined as the import joins a wrapped paragraph ("length-" + "limited").
    text = rejoin([" ".join(line.cells) for line in source.lines])
    written = " ".join(f"{text} {links}".split())
    # Dates are rewritten as ISO, a link gets its scheme and a country's name ("United States")
    # its code; everything else is the file's own.
    kept = {
        path: country_name(value, "en") if path.endswith("countryCode") else value
        for path, value in leaves(read_resume(pdf).document).items()
        if not path.endswith(("Date", ".date", ".url"))
    }
    assert {path: value for path, value in kept.items() if value not in written} == {}
