"""Templates print a country by its name in the page's language, not its ISO code."""

from __future__ import annotations

from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.environment import compile_template
from resumate.templates.builtin import load_builtins

CLASSIC = next(b for b in load_builtins() if b.slug == "classic")


def test_templates_print_the_name_in_the_page_language() -> None:
    template = compile_template("{{ code | country_name }}")
    assert template.render(code="FR", theme=None) == "France"
    source = TemplateSource(html="{{ basics.location.countryCode | country_name }}", css="")
    data = {"basics": {"location": {"countryCode": "FR"}}}
    assert render_document(source, data, {"language": "de"}).html == "Frankreich"


def test_the_built_in_templates_print_the_country_by_name() -> None:
    source = TemplateSource(html=CLASSIC.html, css=CLASSIC.css, defaults=CLASSIC.defaults)
    data = {"basics": {"name": "Ada", "location": {"city": "Berlin", "countryCode": "DE"}}}
    html = render_document(source, data, {"language": "de"}).html
    assert "Berlin, Deutschland" in html
    assert "Berlin, DE" not in html
