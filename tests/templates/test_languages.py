"""Every built-in template prints its headings, "Present" and months in the resume's language."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
from pdfminer.high_level import extract_text

from resumate.document.language import LANGUAGES, direction
from resumate.document.sample import sample_resume
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.rendering.words import PRESENT, headings, translate
from resumate.templates.builtin import load_builtins

TEMPLATES = {template.slug: template for template in load_builtins()}
HEADING = re.compile(r'<h2 class="section-title">([^<]*)</h2>')
DATES = re.compile(r'<span class="dates"[^>]*>([^<]*)</span>')
# The sample's current job began in March 2021; its certificate dates from May 2019.
STILL_GOING = {
    "en": "Mar 2021 – Present",
    "de": "März 2021 – heute",
    "fr": "mars 2021 – aujourd’hui",
    "es": "mar 2021 – actualidad",
    "pt": "mar. de 2021 – atual",
    "it": "mar 2021 – oggi",
    "nl": "mrt 2021 – heden",
    "pl": "mar 2021 – obecnie",
    "ru": "март 2021\u202fг. – настоящее время",
    "uk": "бер. 2021\u202fр. – дотепер",
    "tr": "Mar 2021 – Günümüz",
    "ar": "مارس 2021 – حتى الآن",
    "he": "מרץ 2021 – היום",
    "zh-Hans": "2021年3月 – 至今",
    "zh-Hant": "2021年3月 – 至今",
    "ja": "2021年3月 – 現在",
    "ko": "2021년 3월 – 현재",
}


def render(slug: str, language: str, data: dict[str, Any] | None = None) -> str:
    template = TEMPLATES[slug]
    source = TemplateSource(template.html, template.css, template.defaults)
    return render_document(source, data or sample_resume(), {"language": language}).html


def test_every_language_is_expected() -> None:
    assert set(STILL_GOING) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", sorted(TEMPLATES))
def test_headings_are_the_language_words(slug: str, language: str) -> None:
    html = render(slug, language)
    titles = headings(language)
    shown = HEADING.findall(html)
    expected = {titles[name] for name in (*sample_sections(), "contact")}
    assert set(shown) <= expected
    assert len(shown) >= len(sample_sections())
    if language != "en":
        english = set(headings("en").values()) - set(titles.values())
        assert not set(shown) & english


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_follow_the_language(language: str) -> None:
    dates = DATES.findall(render("classic", language))
    assert STILL_GOING[language] in dates
    assert f" – {translate(PRESENT, language)}" in STILL_GOING[language]


@pytest.mark.parametrize("language", ["ja", "zh-Hans", "zh-Hant", "ko"])
def test_east_asian_dates_put_the_year_first(language: str) -> None:
    dates = DATES.findall(render("classic", language))
    assert dates
    assert all(re.match(r"\d{4}", text) for text in dates)


@pytest.mark.parametrize(("language", "month"), [("de", "Mai 2019"), ("fr", "mai 2019")])
def test_european_dates_put_the_month_first(language: str, month: str) -> None:
    assert month in DATES.findall(render("classic", language))


@pytest.mark.parametrize(("language", "may"), [("ar", "مايو 2019"), ("he", "מאי 2019")])
def test_right_to_left_languages_use_their_cldr_months(language: str, may: str) -> None:
    html = render("modern", language)
    assert may in DATES.findall(html)
    assert f'lang="{language}" dir="rtl"' in html


def test_academic_citations_date_in_the_language() -> None:
    data = {"publications": [{"name": "On Graphs", "releaseDate": "2020-02"}]}
    assert "2020年2月" in DATES.findall(render("academic", "ja", data))


def test_the_document_title_is_in_the_language() -> None:
    assert "<title>Maya Okafor — Lebenslauf</title>" in render("classic", "de")


def sample_sections() -> list[str]:
    data = sample_resume()
    listed = [key for key, value in data.items() if isinstance(value, list) and value]
    return ["summary", *listed] if data["basics"].get("summary") else listed


def comparable(text: str) -> str:
    """Text as pdfminer and the catalogue can both be compared: NFKC, without any spacing."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_printed_pdf_has_the_language_headings(renderer: Renderer, language: str) -> None:
    # Modern prints headings as written; others upper-case them in CSS, as the language does.
    template = TEMPLATES["modern"]
    source = TemplateSource(template.html, template.css, template.defaults)
    document = render_document(source, sample_resume(), {"language": language})
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    text = comparable(extract_text(io.BytesIO(printed.data)))
    titles = headings(language)
    # pdfminer gives right-to-left lines in the order their glyphs are drawn: left to right.
    drawn = text[::-1] if direction(language) == "rtl" else text
    missing = [titles[name] for name in sample_sections() if comparable(titles[name]) not in drawn]
    assert missing == []
