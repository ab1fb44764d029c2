"""What differs in the design (the theme) between a saved version and the resume now, in words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from resumate.document.editor import SECTION_TITLES
from resumate.rendering.fonts import FAMILIES
from resumate.resumes.versions.diff import SEP, Change, humanized, value_changes

DESIGN = "Design"
TEMPLATE_DEFAULT = "the template's"
DATE_EXAMPLES = {
    "short": "Mar 2021",
    "long": "March 2021",
    "numeric": "03/2021",
    "iso": "2021-03",
    "year": "2021",
}

# Each theme option (resumate.document.theme.Theme, by its JSON name) as the Design tab calls it;
# tests/resumes/versions/test_diff.py fails when an option has no label here.
LABELS = {
    "accentColor": "Accent colour",
    "textColor": "Text colour",
    "backgroundColor": "Background colour",
    "fontFamily": "Font",
    "fontSize": "Font size",
    "lineHeight": "Line height",
    "marginMm": "Margins",
    "spacing": "Spacing",
    "pageSize": "Page size",
    "sectionOrder": "Order of sections",
    "hiddenSections": "Hidden sections",
    "runningHeader": "Name on every page",
    "pageNumbers": "Page numbers",
    "dateFormat": "Dates",
    "sectionHeadings": "Section headings",
    "sectionTitles": "Heading",
    "showPhoto": "Photo",
    "photoShape": "Photo shape",
    "language": "Language",
}


def section_name(key: Any) -> str:
    if isinstance(key, str) and key.startswith("custom-"):
        return "a section of your own"
    return SECTION_TITLES.get(str(key), humanized(str(key)))


def _unit(suffix: str) -> Callable[[Any], str]:
    return lambda value: f"{value:g}{suffix}" if isinstance(value, int | float) else str(value)


SHOWN: dict[str, Callable[[Any], Any]] = {
    "fontFamily": lambda key: FAMILIES[key].name if key in FAMILIES else str(key),
    "fontSize": _unit(" pt"),
    "marginMm": _unit(" mm"),
    "spacing": _unit("×"),
    "dateFormat": lambda key: DATE_EXAMPLES.get(key, str(key)),
    "sectionOrder": lambda keys: [section_name(k) for k in keys or []],
    "hiddenSections": lambda keys: [section_name(k) for k in keys or []],
}


def _shown(key: str, value: Any) -> Any:
    if value is None:
        return TEMPLATE_DEFAULT if key != "language" else "automatic"
    return SHOWN.get(key, lambda same: same)(value)


def theme_changes(before: dict[str, Any], after: dict[str, Any]) -> Iterator[Change]:
    for key in [*LABELS, *(k for k in {**before, **after} if k not in LABELS)]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        label = f"{DESIGN}{SEP}{LABELS.get(key, humanized(key))}"
        path = f"theme.{key}"
        if key == "sectionTitles":
            yield from _heading_changes(label, path, old or {}, new or {})
        elif key == "sectionOrder":
            # The same sections in another order: the whole order is the change.
            shown = (", ".join(_shown(key, old)), ", ".join(_shown(key, new)))
            yield Change(label, path, "changed", *shown)
        else:
            yield from value_changes(label, path, _shown(key, old), _shown(key, new))


def _heading_changes(
    label: str, path: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Change]:
    for section in {**before, **after}:
        name = f"{label} of {section_name(section)}"
        old = before.get(section) or "the standard one"
        new = after.get(section) or "the standard one"
        if old != new:
            yield Change(name, f"{path}.{section}", "changed", old, new)
