"""Template + resume data + theme → the one HTML document that is previewed and printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from resumate.rendering.environment import compile_template
from resumate.rendering.page_style import PageStyle, resolve
from resumate.rendering.words import RESUME, headings, translate

# How a document may be served for showing: framed by the app's own pages, loading nothing.
PREVIEW_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:; font-src 'self'; frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class TemplateSource:
    html: str
    css: str
    defaults: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    html: str
    style: PageStyle
    title: str
    author: str


def render_document(
    template: TemplateSource,
    data: dict[str, Any],
    theme: dict[str, Any],
    photo: str | None = None,
) -> Document:
    """`photo` is the person's picture as a `data:` URI, printed where the template places it
    unless the theme turns photos off."""
    style = resolve(theme, template.defaults, data)
    found = data.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    author = str(basics.get("name") or "").strip()
    kind = translate(RESUME, style.language)
    title = f"{author} — {kind}" if author else kind
    html = compile_template(template.html).render(
        resume=data,
        basics=basics,
        sections=style.visible_sections(data),
        theme=style,
        title=title,
        # The person's own heading for a section wins over the language's.
        titles=headings(style.language) | dict(style.section_titles),
        photo=photo if style.show_photo else None,
        # Both are ours (template CSS from the package, theme CSS from validated values).
        css=Markup(template.css),  # noqa: S704
        theme_css=Markup(style.css()),  # noqa: S704
    )
    return Document(html=html, style=style, title=title, author=author)
