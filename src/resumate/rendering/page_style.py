"""A resume's theme, resolved against its template's defaults, as the CSS every template uses.

Templates style themselves only through these custom properties, so every theme option works
in every template: --accent, --font-body, --font-heading, --font-size, --line-height,
--page-margin. The page size and margins go in @page, which custom properties cannot reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumate.document.language import Direction, direction, resume_language
from resumate.document.theme import (
    CUSTOM_PREFIX,
    SECTIONS,
    DateFormat,
    PhotoShape,
    Section,
    SectionKey,
    Theme,
)
from resumate.rendering.fonts import FAMILIES, font_stack
from resumate.rendering.margin_boxes import page_marks_css, quiet_ink

PAGE_SIZES = {"A4": ("210mm", "297mm"), "Letter": ("8.5in", "11in")}
# On screen the sheets sit this far from the window's edges and from each other (CSS px).
SCREEN_GUTTER = 24
# Whatever a person writes stays on the page: a word longer than its line (an address, a user
# name, a German compound) wraps where it must instead of running past the edge, where Chromium
# would cut it from the page and the text layer alike. A hyphen and the character after it stay
# on one line (`breakable`), and paragraphs of a text stand apart.
TEXT_FITS_CSS = (
    "body { overflow-wrap: anywhere; }\n"
    ".address { display: inline-block; max-width: 100%; vertical-align: top; }\n"
    ".keep { white-space: nowrap; }\n"
    # A drawn bullet (an empty box before the item) is taken out of the line, where it stays
    # put (its static position), centred on the first line: a first word longer than the line
    # then wraps beside it instead of below it. The item itself stays unpositioned, so it is
    # drawn in reading order.
    ".highlights li::before { position: absolute;"
    " translate: 0 calc(var(--line-height) * 0.5em - 50%); }\n"
    ".summary + .summary, .entry-summary + .entry-summary, .reference p + p"
    " { margin-top: 0.45em; }\n"
)
# Headings turned off: the sections follow each other under no title.
NO_HEADINGS_CSS = ".section-title { display: none; }\n"
FALLBACK_DEFAULTS = {
    "accentColor": "#1d4ed8",
    "fontFamily": "source-serif-4",
    "headingFontFamily": None,
    "fontSize": 10.5,
    "lineHeight": 1.4,
    "marginMm": 16,
    "textColor": "#1f2328",
    "backgroundColor": "#ffffff",
    "spacing": 1.0,
}


@dataclass(frozen=True)
class PageStyle:
    accent_color: str
    font_family: str
    heading_font_family: str
    font_size: float
    line_height: float
    margin_mm: float
    page_size: str
    section_order: tuple[SectionKey, ...]
    hidden_sections: frozenset[SectionKey]
    language: str = "en"
    direction: Direction = "ltr"
    running_header: bool = False
    page_numbers: bool = False
    # The name the running header shows: the resume's basics.name.
    name: str = ""
    text_color: str = "#1f2328"
    background_color: str = "#ffffff"
    spacing: float = 1.0
    date_format: DateFormat = "short"
    section_headings: bool = True
    section_titles: tuple[tuple[Section, str], ...] = ()
    show_photo: bool = True
    photo_shape: PhotoShape = "circle"

    def css(self) -> str:
        width, height = PAGE_SIZES[self.page_size]
        margin = f"{self.margin_mm:g}mm"
        return (
            ":root {"
            f" --accent: {self.accent_color};"
            f" --text: {self.text_color};"
            f" --background: {self.background_color};"
            f" --space: {self.spacing:g};"
            f" --font-body: {font_stack(self.font_family, self.language)};"
            f" --font-heading: {font_stack(self.heading_font_family, self.language)};"
            f" --font-size: {self.font_size:g}pt;"
            f" --line-height: {self.line_height:g};"
            f" --page-margin: {margin};"
            # No ligatures or contextual alternates: their glyphs have no character of their own
            # (Inter's "(" beside capitals, JetBrains Mono's "=>"), and the text layer would
            # read "ﬁ", an arrow or a private-use code point where the page says "fi" or "->".
            ' font-variant-ligatures: none; font-feature-settings: "calt" 0, "case" 0; }\n'
            # The page's own background fills the whole sheet, margins included, when printed.
            f"@page {{ size: {self.page_size}; margin: {margin};"
            f" background-color: {self.background_color}; }}\n"
            + page_marks_css(
                self.name,
                font_stack(self.font_family, self.language),
                running_header=self.running_header,
                page_numbers=self.page_numbers,
                direction=self.direction,
                ink=quiet_ink(self.text_color, self.background_color),
            )
            + TEXT_FITS_CSS
            + ("" if self.section_headings else NO_HEADINGS_CSS)
            + screen_pages_css(width, height, margin)
        )

    def visible_sections(self, data: dict[str, Any]) -> list[str]:
        """Sections in the chosen order, without hidden ones and without empty ones.

        A section the order does not name comes after the ones it does: the standard ones,
        then the person's own (`custom-<id>`) in the order the document lists them.
        """
        known = [*SECTIONS, *(CUSTOM_PREFIX + id_ for id_ in custom_sections(data))]
        order = list(self.section_order) + [s for s in known if s not in self.section_order]
        return [s for s in order if s not in self.hidden_sections and has_content(data, s)]


def custom_sections(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The document's own sections by id, as a template finds them (malformed ones left out)."""
    found = data.get("customSections")
    sections = found if isinstance(found, list) else []
    return {s["id"]: s for s in sections if isinstance(s, dict) and isinstance(s.get("id"), str)}


def has_content(data: dict[str, Any], section: str) -> bool:
    if section == "summary":
        basics = data.get("basics")
        return isinstance(basics, dict) and bool(str(basics.get("summary") or "").strip())
    if section.startswith(CUSTOM_PREFIX):
        custom = custom_sections(data).get(section.removeprefix(CUSTOM_PREFIX), {})
        entries = custom.get("items")
        return isinstance(entries, list) and any(entries) and bool(custom.get("title"))
    entries = data.get(section)
    return isinstance(entries, list) and any(entries)


def resolve(
    theme: dict[str, Any], defaults: dict[str, Any], data: dict[str, Any] | None = None
) -> PageStyle:
    """The resume's own choices where it made them, the template's defaults elsewhere.

    The language is the theme's choice, else what the resume's data says or is written in.
    """
    chosen = Theme.model_validate(theme or {}).model_dump(by_alias=True)
    merged = FALLBACK_DEFAULTS | {k: v for k, v in defaults.items() if v is not None}
    # A template's defaults pass the same checks as a user's choices before reaching CSS.
    Theme.model_validate({k: v for k, v in merged.items() if k != "headingFontFamily"})
    if merged["headingFontFamily"] not in (None, *FAMILIES):
        raise ValueError(f"unknown heading font {merged['headingFontFamily']!r}")
    merged |= {k: v for k, v in chosen.items() if v is not None}
    body_font = merged["fontFamily"]
    # A font the user picked applies to headings too; otherwise the template's pairing stands.
    heading_font = (
        body_font if chosen.get("fontFamily") else merged.get("headingFontFamily") or body_font
    )
    return PageStyle(
        accent_color=merged["accentColor"],
        font_family=body_font,
        heading_font_family=heading_font,
        font_size=float(merged["fontSize"]),
        line_height=float(merged["lineHeight"]),
        margin_mm=float(merged["marginMm"]),
        page_size=merged["pageSize"],
        section_order=tuple(merged["sectionOrder"]),
        hidden_sections=frozenset(merged["hiddenSections"]),
        language=(language := resume_language(data or {}, chosen.get("language"))),
        direction=direction(language),
        running_header=bool(merged["runningHeader"]),
        page_numbers=bool(merged["pageNumbers"]),
        name=resume_name(data or {}),
        text_color=merged["textColor"],
        background_color=merged["backgroundColor"],
        spacing=float(merged["spacing"]),
        date_format=merged["dateFormat"],
        section_headings=bool(merged["sectionHeadings"]),
        section_titles=tuple(sorted(merged["sectionTitles"].items())),
        show_photo=bool(merged["showPhoto"]),
        photo_shape=merged["photoShape"],
    )


def resume_name(data: dict[str, Any]) -> str:
    basics = data.get("basics")
    return str(basics.get("name") or "") if isinstance(basics, dict) else ""


def screen_pages_css(width: str, height: str, margin: str) -> str:
    """On screen (the live preview), the document is laid out as the sheets it prints on.

    The body becomes a multi-column box whose columns are exactly a page's content area and
    wrap into rows (`column-wrap`), so Chromium breaks the content across sheets with the same
    fragmentation rules it prints with: the preview shows the PDF's page breaks, one sheet under
    the other. The sheets themselves are painted by the root background, one per row, in the
    theme's background colour.
    """
    gutter = f"{SCREEN_GUTTER}px"
    content_width = f"calc({width} - 2 * {margin})"
    content_height = f"calc({height} - 2 * {margin})"
    return (
        "@media screen {"
        f" html {{ min-width: calc({width} + 2 * {gutter}); background-color: #e5e7eb;"
        f" background-image: linear-gradient(var(--background) 0 {height}, transparent {height});"
        f" background-size: {width} calc({height} + {gutter}); background-repeat: repeat-y;"
        f" background-position: center {gutter}; }}"
        f" body {{ box-sizing: content-box; width: {content_width}; padding: {margin};"
        f" margin: {gutter} auto; column-width: {content_width}; column-height: {content_height};"
        f" column-wrap: wrap; column-fill: auto; column-gap: 0;"
        f" row-gap: calc(2 * {margin} + {gutter}); }} }}\n"
    )
