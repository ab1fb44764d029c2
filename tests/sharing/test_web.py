"""The web resume's page: a built-in whose layout has gutters for a sheet gets narrow rules."""

from __future__ import annotations

from resumate.document.sample import sample_resume
from resumate.rendering.document import TemplateSource, render_document
from resumate.sharing.web import NARROW_LAYOUTS, web_page
from resumate.templates.builtin import load_builtins

TEMPLATES = {template.slug: template for template in load_builtins()}


def page_of(source: TemplateSource) -> str:
    document = render_document(source, sample_resume(), {})
    return web_page(
        document.html,
        sample_resume(),
        title=document.title,
        page_url="https://resumate.example/r/token",
        image_url="https://resumate.example/r/token/preview.png",
        pdf_url="/r/token/pdf",
        indexable=False,
    )


def test_a_builtin_with_sheet_gutters_gets_its_narrow_rules() -> None:
    page = page_of(TEMPLATES["compact"].source)
    assert NARROW_LAYOUTS["compact"] in page
    assert NARROW_LAYOUTS["minimal"] not in page


def test_another_template_gets_the_common_rules_only() -> None:
    classic = TEMPLATES["classic"]
    page = page_of(TEMPLATES["classic"].source)
    assert not any(rules in page for rules in NARROW_LAYOUTS.values())
    own = page_of(TemplateSource(classic.html, classic.css + "\n.name { color: red; }"))
    assert not any(rules in own for rules in NARROW_LAYOUTS.values())
    assert 'class="share-download"' in own
