"""A cover letter in its resume's design: the template's own letterhead, then the letter."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from markupsafe import escape

from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.letter import LETTER_CSS, letterhead, render_letter
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from tests.pdfs import assert_readable
from tests.rendering.conftest import pdf_text
from tests.rendering.test_security_canary import Canary, assert_nothing_leaked, running_canary
from tests.rendering.test_security_payloads import Markup, text_payload
from tests.resume_parser import lines_of, text_items

BUILTINS = load_builtins()
CLASSIC = next(b.source for b in BUILTINS if b.slug == "classic")
DAY = date(2026, 12, 4)
RESUME: dict[str, Any] = {
    "basics": {
        "name": "Ada Lovelace",
        "label": "Analyst",
        "email": "ada@example.com",
        "phone": "+44 20 7946 0000",
        "image": "https://example.com/ada.png",
        "summary": "Writes the first programs.",
        "location": {"city": "London", "countryCode": "GB"},
    },
    "work": [{"name": "Analytical Engine", "position": "Programmer", "highlights": ["Bernoulli"]}],
    "skills": [{"name": "Mathematics", "keywords": ["Algebra"]}],
}
LETTER = (
    "Dear Mr Babbage,\n\nI write about the **engine**.\nA second line.\n\nYours sincerely,\nAda"
)


def letter(template: TemplateSource = CLASSIC, data: dict[str, Any] = RESUME, **kw: Any) -> Any:
    options: dict[str, Any] = {
        "text": LETTER,
        "recipient": "Charles Babbage\nDorset Street",
        "today": DAY,
    } | kw
    theme = options.pop("theme", {})
    return render_letter(template, data, theme, **options)


def test_the_letterhead_keeps_who_it_is_from_and_nothing_of_the_resume_body() -> None:
    head = letterhead({**RESUME, "meta": {"language": "de"}})
    assert head == {
        "basics": {k: v for k, v in RESUME["basics"].items() if k not in ("image", "summary")},
        "meta": {"language": "de"},
    }
    assert letterhead({"basics": "not an object"}) == {"basics": {}}


@pytest.mark.parametrize("builtin", BUILTINS, ids=[b.slug for b in BUILTINS])
def test_every_template_heads_the_letter_with_its_own_masthead(builtin: Any) -> None:
    document = letter(builtin.source)
    resume = render_document(builtin.source, RESUME, {})
    html = document.html
    # The template's markup for the name, exactly as on the resume.
    name = re.search(r'<h1 class="name">Ada Lovelace</h1>', resume.html)
    assert name is not None
    assert name.group(0) in html
    assert html.index("ada@example.com") < html.index('<section class="letter">')
    # Nothing but the letterhead from the resume: no summary, no sections, no photo.
    for absent in ("Writes the first programs", "Analytical Engine", "Mathematics", "ada.png"):
        assert absent not in html
    assert html.count("<body") == 1
    assert html.index('<section class="letter">') < html.index("</body>")
    assert LETTER_CSS in html


def test_the_letter_is_dated_addressed_and_split_into_paragraphs() -> None:
    html = letter().html
    body = html[html.index('<section class="letter">') :]
    assert '<p class="letter-date" dir="auto">December 4, 2026</p>' in body
    assert '<p class="letter-recipient" dir="auto">Charles Babbage<br>Dorset Street</p>' in body
    paragraphs = re.findall(r'<p class="letter-text" dir="auto">(.*?)</p>', body)
    assert paragraphs == [
        "Dear Mr Babbage,",
        "I write about the <strong>engine</strong>.<br>A second line.",
        "Yours sincerely,<br>Ada",
    ]


def test_a_letter_without_recipient_leaves_the_line_out() -> None:
    for recipient in (None, "", "  \n "):
        assert 'class="letter-recipient"' not in letter(recipient=recipient).html


@pytest.mark.parametrize(
    ("language", "when", "kind", "direction"),
    [
        ("en", "December 4, 2026", "Cover letter", "ltr"),
        ("de", "4. Dezember 2026", "Anschreiben", "ltr"),
        ("fr", "4 décembre 2026", "Lettre de motivation", "ltr"),
        ("es", "4 de diciembre de 2026", "Carta de presentación", "ltr"),
        ("ja", "2026年12月4日", "カバーレター", "ltr"),
        ("ar", "4 ديسمبر 2026", "خطاب تقديم", "rtl"),
        ("he", "4 בדצמבר 2026", "מכתב מקדים", "rtl"),
    ],
)
def test_date_title_and_direction_follow_the_resumes_language(
    language: str, when: str, kind: str, direction: str
) -> None:
    document = letter(theme={"language": language})
    assert document.title == f"Ada Lovelace — {kind}"
    assert f"<title>{escape(document.title)}</title>" in document.html
    assert f'lang="{language}" dir="{direction}"' in document.html
    assert f'class="letter-date" dir="auto">{when}</p>' in document.html


def test_a_letter_with_no_name_is_titled_by_its_kind_alone() -> None:
    document = letter(data={"basics": {"email": "a@example.com"}})
    assert (document.title, document.author) == ("Cover letter", "")


@pytest.fixture(scope="module")
def canary() -> Any:
    with running_canary(verdict="silent") as listening:
        yield listening


async def test_hostile_text_and_recipient_print_as_text_and_fetch_nothing(
    renderer: Renderer, canary: Canary, tmp_path: Path
) -> None:
    u = f"http://127.0.0.1:{canary.port}/"
    payload = text_payload(u)
    document = letter(text=f"Dear team,\n\n{payload}\n\nAda", recipient=payload)
    found = Markup(document.html)
    # Every "<" the payload holds arrived as "&lt;": the page has only the template's markup.
    assert document.html.count("<") == found.markup_count
    assert found.tags <= {"html", "head", "meta", "title", "style", "body", "header", "h1"} | {
        *("p", "ul", "li", "a", "span", "main", "section", "strong", "em", "br", "wbr"),
    }
    assert found.attributes <= {"lang", "dir", "charset", "class", "href"}
    # A Markdown link in the person's text stays a link, as in the resume; no other scheme does.
    assert {urlsplit(href).scheme for href in found.hrefs} <= {"http", "https", "mailto"}
    assert not any(href.startswith(("data:", "javascript:")) for href in found.hrefs)
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    text = pdf_text(printed.data, tmp_path)
    assert "{{ 7*7 }}" in text
    assert "<iframe" in text
    assert_nothing_leaked(text)
    canary.assert_silent()


async def test_a_printed_letter_reads_letterhead_first_in_bundled_fonts(renderer: Renderer) -> None:
    document = letter(theme={"fontFamily": "inter", "accentColor": "#7c3aed"})
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    assert printed.pages == 1
    assert_readable(printed.data)
    items, _widths = text_items(printed.data)
    assert {item.font.split("+")[-1].split("-")[0] for item in items} == {"Inter"}
    lines = [line.text for line in lines_of(items)]
    assert lines[:2] == ["Ada Lovelace", "Analyst"]
    order = ["ada@example.com", "December 4, 2026", "Charles Babbage", "Dear Mr Babbage,", "Yours"]
    found = [next(i for i, line in enumerate(lines) if text in line) for text in order]
    assert found == sorted(found)
    assert lines[-1] == "Ada"
