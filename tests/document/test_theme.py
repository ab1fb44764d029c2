"""The theme's section list is the document's: every template lays out exactly those sections."""

from __future__ import annotations

import re
from importlib import resources

from resumate.document.editor import SECTION_TITLES
from resumate.document.schemas import JsonResume
from resumate.document.theme import DEFAULT_ORDER, SECTIONS, Theme

LIBRARY = (resources.files("resumate.templates") / "builtin" / "_sections.html").read_text()


def list_sections() -> set[str]:
    """The standard's lists; the person's own sections are keyed `custom-<id>` instead."""
    schema = JsonResume.model_json_schema()["properties"]
    lists = {key for key, field in schema.items() if field.get("type") == "array"}
    return lists - {"customSections"}


def test_the_sections_are_the_summary_and_every_list_in_the_document() -> None:
    assert set(SECTIONS) == {"summary"} | list_sections()


def test_a_new_theme_orders_every_section_once() -> None:
    assert Theme().section_order == list(DEFAULT_ORDER)
    assert sorted(DEFAULT_ORDER) == sorted(SECTIONS)


def test_a_new_theme_puts_experience_projects_education_and_skills_first() -> None:
    assert Theme().section_order[1:5] == ["work", "projects", "education", "skills"]


def test_the_editor_names_every_section() -> None:
    assert set(SECTION_TITLES) == set(SECTIONS)


def test_the_templates_have_a_macro_for_every_section_and_dispatch_to_it() -> None:
    macros = set(re.findall(r"macro (\w+)_section\(\)", LIBRARY))
    dispatched = dict(re.findall(r'name == "(\w+)" %\}\{\{ (\w+)_section\(\) \}\}', LIBRARY))
    assert macros == set(SECTIONS)
    assert dispatched == {name: name for name in SECTIONS}
