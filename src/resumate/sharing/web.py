"""The web resume: the template's own HTML, as printed, made a web page for a visitor.

The document is the one the PDF is printed from (`render_document`), so the page shows what the
PDF shows. Added to it: the bundled fonts (a visitor's browser has none of them), a viewport,
what search engines and link previews read (`robots`, Open Graph with the owner's own name and
first page), and, on a narrow screen, the sheets given up for one flowing column.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

from resumate.rendering.fonts import font_faces
from resumate.templates.builtin import load_builtins

# Wider than a sheet with its margins: the sheets as printed, centred. Narrower: one flowing
# column at a phone's reading size, a side column under the main one, and room at the end for
# the download button, which floats over the page.
NARROW = "860px"
WEB_CSS = f"""
@media screen and (max-width: {NARROW}) {{
  html {{ min-width: 0 !important; background: #fff !important; }}
  body {{ box-sizing: border-box !important; width: auto !important; max-width: 760px;
    margin: 0 auto !important; padding: 24px 20px 96px !important;
    columns: auto !important; column-width: auto !important; column-height: auto !important;
    font-size: max(var(--font-size), 15px); }}
  .columns {{ display: flex !important; flex-direction: column; align-items: stretch !important;
    gap: 1.6em; }}
  .columns > * {{ width: auto !important; min-width: 0 !important; }}
  .columns > aside {{ order: 1; }}
  img {{ max-width: 100%; height: auto; }}
}}
/* The root paints the sheets down the whole window: in a window taller than the resume that
   would be an empty sheet more. The grey of the gutters, spread from the body (the sheets),
   covers them. */
@media screen and (width > {NARROW}) {{
  body {{ box-shadow: 0 0 0 100vmax #e5e7eb; }}
}}
.share-download {{ position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 1;
  padding: 10px 16px; border-radius: 999px; background: #1f2937; color: #fff;
  font: 600 15px/1.2 system-ui, sans-serif; text-decoration: none;
  box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }}
.share-download:hover {{ background: #111827; }}
.share-download:focus-visible {{ outline: 3px solid #6366f1; outline-offset: 2px; }}
@media print {{ .share-download {{ display: none; }} }}
"""
# What a built-in's own layout needs on a narrow screen beyond the above: gutters made for a
# sheet's width (a date or heading column) given back to the text. Matched by the template's
# CSS in the document, so an older version of a template, or a user's own, gets none.
NARROW_LAYOUTS = {
    # Name and contact side by side, and dates | body | place in one grid of subgrids.
    "compact": """
  .masthead { display: block; }
  .masthead .contact { justify-content: flex-start; text-align: start; margin-top: 0.5em; }
  main, main .section { display: block; }
  .section > .section-title { margin-bottom: 0.5em; }
  .section > .section-title + * { margin-top: 0; }
  .entry { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 0.9em; }
  .entry > *, .entry .entry-main { flex: 1 0 100%; }
  .entry .entry-main { order: -1; }
  .entry .dates, .entry .location { flex: 0 1 auto; text-align: start; padding-top: 0; }
""",
    # Headings in a column of their own beside the content.
    "minimal": """
  body { --side: 0px; --gap: 0px; }
  .masthead { margin-block-end: 1.6em; }
""",
}


@cache
def narrow_layouts() -> tuple[tuple[str, str], ...]:
    """(a built-in's CSS, its narrow-screen rules), for the built-ins that have some."""
    return tuple(
        (template.css, NARROW_LAYOUTS[template.slug])
        for template in load_builtins()
        if template.slug in NARROW_LAYOUTS
    )


def layout_css(html: str) -> str:
    """The narrow-screen rules for the built-in template that made `html`, if it has any."""
    for css, rules in narrow_layouts():
        if css in html:
            return f"@media screen and (max-width: {NARROW}) {{{rules}}}\n"
    return ""


def font_face_css() -> str:
    rules = []
    for face in font_faces():
        parts = [
            f'font-family: "{face["family"]}"',
            f'src: url("{face["url"]}") format("truetype")',
            f"font-weight: {face['weight']}",
            f"font-style: {face['style']}",
            "font-display: swap",
        ]
        if face.get("unicodeRange"):
            parts.append(f"unicode-range: {face['unicodeRange']}")
        rules.append("@font-face { " + "; ".join(parts) + "; }")
    return "\n".join(rules)


FONT_FACES = font_face_css()


def web_page(
    html: str,
    data: dict[str, Any],
    *,
    title: str,
    page_url: str,
    image_url: str,
    pdf_url: str | None,
    indexable: bool,
) -> str:
    """The printed document with the head a web page needs, and a download button."""
    basics = data.get("basics") if isinstance(data.get("basics"), dict) else {}
    description = str(basics.get("label") or "") if isinstance(basics, dict) else ""
    head = [
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="robots" content="{"index, follow" if indexable else "noindex, nofollow"}">',
        '<meta property="og:type" content="profile">',
        f'<meta property="og:title" content="{escape(title)}">',
        f'<meta property="og:url" content="{escape(page_url)}">',
        f'<meta property="og:image" content="{escape(image_url)}">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    if description:
        head.append(f'<meta property="og:description" content="{escape(description)}">')
        head.append(f'<meta name="description" content="{escape(description)}">')
    head.append(f"<style>{FONT_FACES}\n{WEB_CSS}{layout_css(html)}</style>")
    page = html.replace("</head>", "\n".join(head) + "\n</head>", 1)
    if pdf_url is not None:
        button = (
            f'<a class="share-download" href="{escape(pdf_url)}" download>'
            'PDF <span aria-hidden="true">↓</span></a>'
        )
        page = page.replace("<body>", "<body>\n" + button, 1)
    return page
