"""The hostile-payload resume (`tests.rendering.test_security_payloads`) through every export.

Every field holds every payload at once: markup that would fetch the canary, break-outs,
dangerous link schemes in the inline [link](...) markup, template syntax. Each format must
carry every field as text, link only to http(s) and mailto addresses, and make nothing that
opens it reach out: a Markdown renderer gets no HTML, LibreOffice opening the Word file and
pdfium drawing the PDF's pages leave the canary silent.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE

from resumate.rendering.renderer import Renderer
from resumate.transfer.export.markdown import markdown
from resumate.transfer.export.plain import plain_text
from resumate.transfer.export.png import page_png
from resumate.transfer.export.word import word_file
from resumate.transfer.reading.files import read_resume
from tests.rendering.conftest import pdf_text
from tests.rendering.test_security_canary import (
    METADATA_URL,
    Canary,
    assert_nothing_leaked,
    canary_urls,
    running_canary,
)
from tests.rendering.test_security_payloads import field_paths, hostile_resume, payload_values
from tests.templates.test_template_pdfs import TEMPLATES, print_pdf
from tests.transfer.export.office import to_pdfs
from tests.transfer.export.pngs import decoded
from tests.transfer.export.resumes import outlined
from tests.transfer.export.test_markdown import OWN_TAGS, Rendered

SAFE = {"http", "https", "mailto"}


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary(verdict="silent") as listening:
        yield listening


def hostile(canary: Canary) -> dict[str, Any]:
    """Field after field, the payload aims at each spelling of the canary and the metadata."""
    urls = [*canary_urls(canary.port), METADATA_URL]
    return hostile_resume(payload_values(urls[n % len(urls)]) for n in range(10_000))


def assert_every_field(text: str) -> None:
    for path in field_paths():
        assert re.search(re.escape(path) + r"(?![\w.])", text), path


def test_plain_text_keeps_every_payload_as_text(canary: Canary) -> None:
    text = plain_text(outlined(hostile(canary)))
    assert_every_field(text)
    assert "<iframe" in text
    assert "{{ 7*7 }}" in text


def test_markdown_renders_no_html_and_links_only_safe_addresses(canary: Canary) -> None:
    page = Rendered(markdown(outlined(hostile(canary))))
    assert page.tags <= OWN_TAGS
    assert {urlsplit(link).scheme for link in page.links} <= SAFE
    assert_every_field(page.words)
    assert "<iframe" in page.words


def test_the_word_file_links_only_safe_addresses_and_holds_every_field(canary: Canary) -> None:
    data = word_file(outlined(hostile(canary)))
    document = docx.Document(io.BytesIO(data))
    external = [rel for rel in document.part.rels.values() if rel.is_external]
    assert {rel.reltype for rel in external} == {RELATIONSHIP_TYPE.HYPERLINK}
    assert {urlsplit(rel.target_ref).scheme for rel in external} <= SAFE
    assert_every_field("\n".join(paragraph.text for paragraph in document.paragraphs))
    assert read_resume(data).document  # and our own import reads it


def test_libreoffice_opening_the_word_file_reaches_nothing(canary: Canary, tmp_path: Path) -> None:
    pdf = to_pdfs({"hostile": word_file(outlined(hostile(canary)))}, tmp_path)["hostile"]
    text = pdf_text(pdf, tmp_path)
    assert "{{ 7*7 }}" in text
    assert_nothing_leaked(text)
    canary.assert_silent()


async def test_the_pages_as_png_are_drawn_from_the_pdf_alone(
    renderer: Renderer, canary: Canary
) -> None:
    pdf = await print_pdf(renderer, TEMPLATES["classic"], hostile(canary), {})
    image = decoded(page_png(pdf, 1, 1))
    assert (image.width, image.height) == (794, 1123)
    canary.assert_silent()
