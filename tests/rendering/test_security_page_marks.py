"""The running header puts the resume's name, user data, into a CSS string: it can never leave it.

Whatever the name holds (quotes, backslashes, newlines, `</style>`, comment or rule breakers),
the string is made of letters, digits, spaces and hex escapes only, the document keeps one
`<style>` element, and Chromium prints the name back exactly as typed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.margin_boxes import css_string
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from tests.resume_parser import lines_of, text_items

CANARY = "http://127.0.0.1:9/"
CLASSIC = next(b for b in load_builtins() if b.slug == "classic")
TEMPLATE = TemplateSource(CLASSIC.html, CLASSIC.css, CLASSIC.defaults)
MARKED = {"runningHeader": True, "pageNumbers": True}
HOSTILE_NAMES = [
    'Ann "Quote" O\'Hara',
    "Back\\slash\\",
    "two\nlines\r\nand\ta tab",
    f'"; }} @import url({CANARY}); @page {{ @top-left {{ content: "x',
    f"</style><img src={CANARY}><style>",
    f"</STYLE ><script>fetch('{CANARY}')</script>",
    "*/ } body { display: none } /*",
    "\\22 ; color: red",
    "\\",
    "Zoë Ωμέγα 数据",
]
# Only letters, digits, spaces and hex escapes (each ended by its space) inside the quotes.
SAFE_STRING = re.compile(r'"(?:[^\W_]| |\\[0-9a-f]{1,6} )*"')


def decoded(css: str) -> str:
    return re.sub(r"\\([0-9a-f]{1,6}) ", lambda m: chr(int(m.group(1), 16)), css[1:-1])


def as_shown(name: str) -> str:
    return " ".join(name.split())


def resume(name: str) -> dict[str, Any]:
    """Two pages at least, so the running header prints."""
    filler = [{"position": f"Role {n}", "highlights": ["Did things. " * 40] * 3} for n in range(9)]
    return {"basics": {"name": name}, "work": filler}


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_name_is_one_css_string_that_reads_back_as_typed(name: str) -> None:
    quoted = css_string(as_shown(name))
    assert SAFE_STRING.fullmatch(quoted)
    assert decoded(quoted) == as_shown(name)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_name_cannot_end_the_style_element(name: str) -> None:
    html = render_document(TEMPLATE, resume(name), MARKED).html
    assert len(re.findall(r"</style", html, re.IGNORECASE)) == 1
    style = html.split("<style>")[1].split("</style>")[0]
    assert CANARY not in style
    assert re.search(r"@top-right \{[^}]*content: " + re.escape(css_string(as_shown(name))), style)


@pytest.mark.parametrize("name", HOSTILE_NAMES[:6])
async def test_chromium_prints_the_name_as_typed(renderer: Renderer, name: str) -> None:
    document = render_document(TEMPLATE, resume(name), MARKED)
    pdf = (await renderer.pdf(document.html, title=document.title, author=document.author)).data
    items, _ = text_items(pdf)
    second_page = [line.text for line in lines_of([item for item in items if item.page == 1])]
    assert as_shown(name) in second_page
