"""Hostile resume data and theme values, through the real template and the real renderer.

Every string field of a JSON Resume document gets every payload at once: each tag, style and
script that could fetch, aimed at the canary in every spelling of its address, break-outs from
attributes, <title> and <style>, dangerous link schemes in the inline [link](...) markup, and
template syntax. The HTML must hold no markup but the template's own, the PDF must print the
payloads as text, and the canary must hear nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from markupsafe import escape
from pypdf import PdfReader

from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from tests.rendering.conftest import pdf_text
from tests.rendering.test_security_canary import (
    FILE_MARKUP,
    METADATA_URL,
    Canary,
    assert_nothing_leaked,
    canary_urls,
    fetching_markup,
    running_canary,
)

CLASSIC = next(b for b in load_builtins() if b.slug == "classic")
TEMPLATE = TemplateSource(CLASSIC.html, CLASSIC.css, CLASSIC.defaults)
SPELLINGS = [url.split("/")[2].removesuffix(":1") for url in canary_urls(1)]

T, L, E, D = "text", "link", "email", "date"  # the kinds of field, each filtered differently
SKELETON: dict[str, Any] = {
    "basics": {
        **dict.fromkeys(["name", "label", "phone", "summary"], T),
        **{"image": L, "email": E, "url": L},
        "location": dict.fromkeys(["address", "postalCode", "city", "countryCode", "region"], T),
        "profiles": [{"network": T, "username": T, "url": L}],
    },
    "work": [
        {
            **dict.fromkeys(["name", "location", "description", "position", "summary"], T),
            **{"url": L, "startDate": D, "endDate": D, "highlights": [T, T]},
        }
    ],
    "volunteer": [
        {
            **dict.fromkeys(["organization", "position", "summary"], T),
            **{"url": L, "startDate": D, "endDate": D, "highlights": [T]},
        }
    ],
    "education": [
        {
            **dict.fromkeys(["institution", "area", "studyType", "score"], T),
            **{"url": L, "startDate": D, "endDate": D, "courses": [T, T]},
        }
    ],
    "awards": [{"title": T, "date": D, "awarder": T, "summary": T}],
    "certificates": [{"name": T, "date": D, "url": L, "issuer": T}],
    "publications": [{"name": T, "publisher": T, "releaseDate": D, "url": L, "summary": T}],
    "skills": [{"name": T, "level": T, "keywords": [T, T]}],
    "languages": [{"language": T, "fluency": T}],
    "interests": [{"name": T, "keywords": [T]}],
    "references": [{"name": T, "reference": T}],
    "projects": [
        {
            **dict.fromkeys(["name", "description", "entity", "type"], T),
            **{"highlights": [T], "keywords": [T], "roles": [T, T], "url": L},
            **{"startDate": D, "endDate": D},
        }
    ],
    "meta": {"canonical": L, "version": T, "lastModified": T, "language": T},
    "x-unknown": T,
}
# Fields the classic template does not print (dates print only their year).
# meta.language is read as a language tag (unknown ones print in English), never printed.
UNPRINTED = {
    *("basics.image", "meta.canonical", "meta.version", "meta.lastModified", "meta.language"),
    "x-unknown",
}


def text_payload(u: str) -> str:
    """Everything at once: fetching markup, file markup, break-outs, links, template syntax."""
    tricks = [
        f'</style><style>@import url("{u}breakout");</style>',
        f'</title><script src="{u}title"></script>',
        f"\"><img src=\"{u}attr-dq\"> '><img src='{u}attr-sq'>",
        f'<!-- --><img src="{u}comment"> <![CDATA[<img src="{u}cdata">]]>',
        f'<meta http-equiv="refresh" content="0;url={u}refresh"><base href="{u}">',
        f"<img src=x onerror=\"fetch('{u}onerror')\"><svg onload=\"fetch('{u}svg')\"></svg>",
        f'<math><mtext><table><mglyph><style><img src="{u}mxss">',
        "[passwd](file:///etc/passwd) [js](javascript:fetch(1)) [sp]( javascript:x)",
        f"[data](data:text/html,<img src='{u}md-data'>) [canary]({u}md-link)",
        f'[q]({u}x"onmouseover="fetch(1)) **<img src="{u}bold">** *<iframe src="{u}em">*',
        f'&lt;img src="{u}entity"&gt; &#60;img src={u}numeric&#62;',
        "{{ 7*7 }} {% for i in range(3) %}X{% endfor %} {{ cycler.__init__ }}",
    ]
    return " ".join(fetching_markup(u) + FILE_MARKUP + tricks)


def hostile_resume(values: dict[str, str] | Iterator[dict[str, str]]) -> dict[str, Any]:
    """SKELETON with every field filled: "<its path> <payload for its kind>"."""

    def fill(node: Any, path: str) -> Any:
        if isinstance(node, dict):
            return {key: fill(child, f"{path}.{key}".lstrip(".")) for key, child in node.items()}
        if isinstance(node, list):
            return [fill(child, f"{path}.{n}") for n, child in enumerate(node)]
        chosen = values if isinstance(values, dict) else next(values)
        return chosen[node].replace("PATH", path)

    return dict(fill(SKELETON, ""))


def payload_values(u: str, link: str | None = None) -> dict[str, str]:
    return {
        T: f"PATH {text_payload(u)}",
        L: link or f'{u}PATH"><img src="{u}href-breakout"> {text_payload(u)}',
        E: f'PATH@example.com"><img src="{u}mailto-breakout">',
        D: f"<img src={u}date>-01",
    }


def field_paths(node: Any = SKELETON, path: str = "") -> list[str]:
    if isinstance(node, dict):
        return [p for k, c in node.items() for p in field_paths(c, f"{path}.{k}".lstrip("."))]
    if isinstance(node, list):
        return [p for n, c in enumerate(node) for p in field_paths(c, f"{path}.{n}")]
    return [] if node == D or path in UNPRINTED else [path]


class Markup(HTMLParser):
    """The tags, attributes and stray text-`<` of a document, as a browser would parse them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.markup_count = 0
        self.comments: list[str] = []
        self.style = ""
        self._in_style = False
        self.lang = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup_count += 1
        self.tags.add(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href":
                self.hrefs.append(value or "")
            if name == "lang":
                self.lang = value or ""

    def handle_endtag(self, tag: str) -> None:
        self.markup_count += 1
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data

    def handle_decl(self, decl: str) -> None:
        self.markup_count += 1

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def assert_only_template_markup(document: Document) -> Markup:
    """No tag, attribute, link scheme or style that the template itself does not write."""
    found = Markup(document.html)
    assert found.tags <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "p"} | {
        *("ul", "li", "a", "span", "main", "section", "h2", "div", "blockquote", "cite"),
        *("strong", "em", "br", "wbr"),
    }
    assert found.attributes <= {"lang", "dir", "charset", "class", "href"}
    assert {urlsplit(href).scheme for href in found.hrefs} <= {"http", "https", "mailto"}
    assert found.comments == []
    assert found.style == TEMPLATE.css + document.style.css()
    # Every "<" opens the template's own markup: each one from the data arrived as "&lt;".
    assert document.html.count("<") == found.markup_count
    return found


@pytest.mark.parametrize(
    "injected",
    ['<img src="x">', '<a href="javascript:x">j</a>', '<p onclick="x">', "<!-- x -->", "1 < 2"],
)
def test_the_markup_check_notices_what_the_template_did_not_write(injected: str) -> None:
    document = render_document(TEMPLATE, {"basics": {"name": "Ada"}}, {})
    assert_only_template_markup(document)
    tampered = replace(document, html=document.html.replace("Ada</h1>", f"Ada{injected}</h1>"))
    with pytest.raises(AssertionError):
        assert_only_template_markup(tampered)


def link_targets(pdf: bytes) -> set[str]:
    """Where the PDF's clickable links go."""
    targets = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.add(str(action["/URI"]))
    return targets


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary(verdict="silent") as listening:
        yield listening


@pytest.mark.parametrize("spelling", range(len(SPELLINGS)), ids=SPELLINGS)
def test_every_field_keeps_every_payload_as_text(canary: Canary, spelling: int) -> None:
    u = canary_urls(canary.port)[spelling]
    resume = hostile_resume(payload_values(u))
    document = render_document(TEMPLATE, resume, {})
    found = assert_only_template_markup(document)
    shown = document.html.replace("<wbr>", "")  # addresses' wrap points (`breakable`)
    for path in field_paths():  # each field did reach the page, as text
        assert re.search(re.escape(path) + r"(?![\w.])", shown), path
    assert found.lang == "en"  # the attribute takes a known language, never the data's text
    assert f"<title>{escape(document.title)}</title>" in document.html


@pytest.mark.parametrize(
    "link",
    [
        "file:///etc/passwd",
        "javascript:fetch('http://127.0.0.1:1/')",
        " JaVaScRiPt:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>fetch('http://127.0.0.1:1/')</script>",
        "vbscript:msgbox(1)",
        "//127.0.0.1:1/protocol-relative",
        "blob:http://127.0.0.1:1/x",
        "filesystem:http://127.0.0.1:1/x",
        "view-source:file:///etc/passwd",
        "chrome://version",
    ],
)
def test_link_fields_become_links_only_for_http_https_and_mailto(link: str) -> None:
    document = render_document(TEMPLATE, hostile_resume(payload_values(METADATA_URL, link)), {})
    assert_only_template_markup(document)
    assert link.strip() not in Markup(document.html).hrefs


async def test_a_resume_full_of_payloads_prints_them_as_text(
    renderer: Renderer, canary: Canary, tmp_path: Path
) -> None:
    # Field after field, the payload cycles through every spelling and the metadata address.
    urls = [*canary_urls(canary.port), METADATA_URL]
    cycle = (payload_values(urls[n % len(urls)]) for n in range(10_000))
    document = render_document(TEMPLATE, hostile_resume(cycle), {})
    assert_only_template_markup(document)
    result = await renderer.pdf(document.html, title=document.title, author=document.author)
    text = pdf_text(result.data, tmp_path)
    assert "<iframe" in text
    assert "{{ 7*7 }}" in text
    assert {urlsplit(target).scheme for target in link_targets(result.data)} == {"http", "mailto"}
    assert_nothing_leaked(text)
    canary.assert_silent()


async def test_file_links_print_no_file(renderer: Renderer, canary: Canary, tmp_path: Path) -> None:
    link = "file:///etc/passwd"
    values = {T: f"[passwd]({link}) {' '.join(FILE_MARKUP)}", L: link, E: link, D: link}
    document = render_document(TEMPLATE, hostile_resume(values), {})
    assert_only_template_markup(document)
    result = await renderer.pdf(document.html, title=document.title, author=document.author)
    assert {urlsplit(target).scheme for target in link_targets(result.data)} <= {"mailto"}
    assert_nothing_leaked(pdf_text(result.data, tmp_path))
    canary.assert_silent()


@pytest.mark.parametrize(
    "theme",
    [
        {"accentColor": "#ABCDEF", "fontFamily": "jetbrains-mono", "pageSize": "Letter"},
        {"fontSize": 8, "lineHeight": 1.0, "marginMm": 5, "hiddenSections": ["work", "skills"]},
        {"fontSize": "14", "lineHeight": "2", "marginMm": 40.0, "sectionOrder": ["projects"]},
        {"accent_color": "#000000", "font_family": "inter", "section_order": []},
    ],
)
async def test_clean_theme_values_print_without_reaching_out(
    theme: dict[str, Any], renderer: Renderer, canary: Canary, tmp_path: Path
) -> None:
    resume = {"basics": {"name": "Ada", "summary": "S"}, "work": [{"name": "W"}]}
    document = render_document(TEMPLATE, resume | {"projects": [{"name": "P"}]}, theme)
    assert_only_template_markup(document)
    assert re.fullmatch(r"[\w\s#:;{}()\-.,\"@>%*+]*", document.style.css())  # nothing but values
    assert "url(" not in document.style.css()
    result = await renderer.pdf(document.html, title=document.title, author=document.author)
    assert_nothing_leaked(pdf_text(result.data, tmp_path))
    canary.assert_silent()
