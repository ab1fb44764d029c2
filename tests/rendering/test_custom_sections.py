"""Every built-in template prints the person's own sections in the chosen order, styled as
entries, and the headings the person renamed; the text export writes both too."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

import docx
import pytest

from resumate.document.sample import sample_resume
from resumate.rendering.document import render_document
from resumate.rendering.page_style import resolve
from resumate.templates.builtin import BuiltinTemplate, load_builtins
from resumate.transfer.export.outline import outline
from resumate.transfer.export.plain import plain_text
from resumate.transfer.export.word import word_file

BUILTINS = load_builtins()
PATENTS = {
    "id": "pat1",
    "title": "Patents",
    "items": [
        {
            "name": "Folding hinge",
            "subtitle": "US 11,234,567",
            "startDate": "2021-03",
            "url": "https://patents.example/1",
            "summary": "A hinge that folds flat.",
            "highlights": ["Licensed to two makers"],
        }
    ],
}
SHOWS = {
    "id": "ex2",
    "title": "Exhibitions",
    "items": [{"name": "Tate Modern", "location": "London"}],
}


def resume(*custom: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(sample_resume())
    data["customSections"] = list(custom)
    return data


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 class="section-title">([^<]*)</h2>', html)


@pytest.mark.parametrize("template", BUILTINS, ids=[t.slug for t in BUILTINS])
def test_each_template_prints_custom_sections_where_the_order_puts_them(
    template: BuiltinTemplate,
) -> None:
    theme = {"sectionOrder": ["custom-ex2", "work", "custom-pat1", "education"]}
    html = render_document(template.source, resume(PATENTS, SHOWS), theme).html
    shown = headings(html)
    assert shown.index("Exhibitions") < shown.index("Experience") < shown.index("Patents")
    assert shown.index("Patents") < shown.index("Education")
    section = html[
        html.index('<section class="section section-custom"><h2 class="section-title">Patents') :
    ]
    section = section[: section.index("</section>")]
    for text in ("entry-title", "Folding hinge", "entry-org", "US 11,234,567", "Mar 2021"):
        assert text in section
    assert '<ul class="highlights"><li>Licensed to two makers</li></ul>' in section


@pytest.mark.parametrize("template", BUILTINS, ids=[t.slug for t in BUILTINS])
def test_each_template_prints_the_headings_the_person_chose(template: BuiltinTemplate) -> None:
    theme = {"sectionTitles": {"work": "Studio work", "education": "Schooling"}}
    shown = headings(render_document(template.source, resume(), theme).html)
    assert "Studio work" in shown
    assert "Schooling" in shown
    assert "Experience" not in shown


def test_a_custom_section_not_in_the_order_comes_last_and_hidden_or_empty_ones_never() -> None:
    empty = {"id": "none", "title": "Nothing yet", "items": []}
    data = resume(PATENTS, SHOWS, empty)
    style = resolve(
        {"sectionOrder": ["work", "skills"], "hiddenSections": ["custom-ex2"]}, {}, data
    )
    shown = style.visible_sections(data)
    assert shown[:2] == ["work", "skills"]
    assert shown[-1] == "custom-pat1"
    assert "custom-ex2" not in shown
    assert "custom-none" not in shown
    # A key in the order whose section was deleted prints nothing.
    style = resolve({"sectionOrder": ["custom-gone", "work"]}, {}, data)
    assert "custom-gone" not in style.visible_sections(data)


def test_the_text_export_writes_custom_sections_and_chosen_headings() -> None:
    theme = {"sectionOrder": ["custom-pat1", "work"], "sectionTitles": {"work": "Studio work"}}
    text = plain_text(outline(resume(PATENTS), theme, {}))
    assert text.index("Patents\nFolding hinge, US 11,234,567\nMar 2021") < text.index("Studio work")
    assert "• Licensed to two makers" in text
    assert "\nExperience\n" not in text


def test_the_word_export_writes_custom_sections_and_chosen_headings() -> None:
    theme = {"sectionOrder": ["custom-pat1", "work"], "sectionTitles": {"work": "Studio work"}}
    written = docx.Document(io.BytesIO(word_file(outline(resume(PATENTS), theme, {}))))
    lines = [paragraph.text for paragraph in written.paragraphs]
    assert lines.index("Patents") < lines.index("Studio work")
    assert "Licensed to two makers" in lines
