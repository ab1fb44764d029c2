"""The built-in template catalogue, checked without Chromium: folders, defaults, rendering."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from resumate.document.theme import SECTIONS, Theme
from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.fonts import FAMILIES
from resumate.rendering.page_style import FALLBACK_DEFAULTS
from resumate.templates.builtin import BuiltinTemplate, load_builtins

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "jsonresume" / "sample.resume.json"
ROOT = Path(str(resources.files("resumate.templates") / "builtin"))
EXPECTED = {
    "classic",
    "modern",
    "compact",
    "sidebar",
    "minimal",
    "academic",
    "executive",
    "ats",
    "portrait",
    "horizon",
    "scholar",
    "studio",
}
# Keys a template's [defaults] may set: the theme's own fields, plus the heading font pairing.
THEME_KEYS = {field.alias or name for name, field in Theme.model_fields.items()}
DEFAULT_KEYS = THEME_KEYS | set(FALLBACK_DEFAULTS)
FONT_KEYS = ("fontFamily", "headingFontFamily")
THEME_PROPERTIES = (
    "--accent",
    "--text",
    "--background",
    "--space",
    "--font-body",
    "--font-heading",
    "--font-size",
    "--line-height",
)
TWO_COLUMNS = {"sidebar", "horizon"}
FORBIDDEN = ("<link", "<script", "<img", "url(", "@import", "@font-face")

BUILTINS = {b.slug: b for b in load_builtins()}
FOLDERS = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


def sample() -> dict[str, Any]:
    """The JSON Resume sample with a certificate added, so every section has content."""
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["certificates"] = [
        {
            "name": "Certified Kubernetes Administrator",
            "issuer": "CNCF",
            "date": "2020-02-01",
            "url": "https://cncf.example.com/cka",
        }
    ]
    return data


def render(template: BuiltinTemplate, theme: dict[str, Any] | None = None) -> Document:
    source = TemplateSource(template.html, template.css, template.defaults)
    return render_document(source, copy.deepcopy(sample()), theme or {})


def section_order(html: str) -> list[str]:
    found = re.findall(r'class="[^"]*\bsection-([a-z]+)\b', html)
    return [name for name in found if name in SECTIONS]


def rendered_sections(html: str) -> set[str]:
    return set(section_order(html))


def test_the_catalogue_has_every_expected_template() -> None:
    assert len(BUILTINS) >= 12
    assert set(BUILTINS) >= EXPECTED
    assert set(FOLDERS) == set(BUILTINS), "every folder is a template and every template a folder"
    assert len({b.name for b in BUILTINS.values()}) == len(BUILTINS), "names are distinct"


@pytest.mark.parametrize("slug", FOLDERS)
def test_every_folder_has_meta_template_and_style(slug: str) -> None:
    folder = ROOT / slug
    for name in ("meta.toml", "template.html", "style.css"):
        assert (folder / name).is_file(), f"{slug}/{name} is missing"
    meta = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8"))
    for key in ("name", "description"):
        assert isinstance(meta.get(key), str), f"{slug} has no {key}"
        assert meta[key].strip()
    assert isinstance(meta.get("defaults"), dict)
    assert meta["defaults"]


@pytest.mark.parametrize("slug", FOLDERS)
def test_defaults_are_valid_theme_values_with_bundled_fonts(slug: str) -> None:
    defaults = BUILTINS[slug].defaults
    assert set(defaults) <= DEFAULT_KEYS, f"unknown keys: {set(defaults) - DEFAULT_KEYS}"
    assert "fontFamily" in defaults
    for key in FONT_KEYS:
        if defaults.get(key) is not None:
            assert defaults[key] in FAMILIES, f"{key} {defaults[key]!r} is not a bundled font"
    # Every value a theme could also hold passes the theme's own validation (ranges, colour).
    Theme.model_validate({k: v for k, v in defaults.items() if k in THEME_KEYS})


@pytest.mark.parametrize("slug", FOLDERS)
def test_the_template_styles_itself_through_the_theme(slug: str) -> None:
    css = BUILTINS[slug].css
    for prop in THEME_PROPERTIES:
        assert f"var({prop})" in css, f"{slug} never uses {prop}"
    assert "@page" not in css, "page size and margins belong to the theme"


@pytest.mark.parametrize("slug", FOLDERS)
def test_the_sample_renders_without_any_outside_resource(slug: str) -> None:
    document = render(BUILTINS[slug])
    html = document.html.lower()
    assert "<title>richard hendriks — resume</title>" in html
    assert html.count("<style>") == 1
    for marker in FORBIDDEN:
        assert marker not in html, f"{slug} renders {marker!r}"


@pytest.mark.parametrize("slug", FOLDERS)
def test_every_section_with_content_is_rendered(slug: str) -> None:
    document = render(BUILTINS[slug])
    expected = set(document.style.visible_sections(sample()))
    assert expected == set(SECTIONS), "the sample fills every section"
    assert rendered_sections(document.html) == expected


@pytest.mark.parametrize("slug", FOLDERS)
def test_hidden_sections_are_left_out(slug: str) -> None:
    hidden = ["references", "skills"]
    document = render(BUILTINS[slug], {"hiddenSections": hidden})
    assert rendered_sections(document.html) == set(SECTIONS) - set(hidden)
    for name in hidden:
        assert f"section-{name}" not in document.html


@pytest.mark.parametrize("slug", FOLDERS)
def test_empty_sections_render_nothing(slug: str) -> None:
    data = sample()
    data["publications"] = []
    data["basics"]["summary"] = " "
    source = TemplateSource(BUILTINS[slug].html, BUILTINS[slug].css, BUILTINS[slug].defaults)
    html = render_document(source, data, {}).html
    assert rendered_sections(html) == set(SECTIONS) - {"publications", "summary"}


@pytest.mark.parametrize("slug", FOLDERS)
def test_sections_follow_the_chosen_order(slug: str) -> None:
    order = list(reversed(SECTIONS))
    document = render(BUILTINS[slug], {"sectionOrder": order})
    html = document.html
    if slug in TWO_COLUMNS:
        # Each column keeps the user's order; together they hold every section once.
        before, _, rest = html.partition("<aside")
        side, _, after = rest.partition("</aside>")
        columns = [section_order(side), section_order(before + after)]
    else:
        columns = [section_order(html)]
    assert sorted(name for column in columns for name in column) == sorted(order)
    for column in columns:
        assert column == [name for name in order if name in column]
