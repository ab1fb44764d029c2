"""The web resume: the template's own HTML, as printed, made a web page for a visitor.

The document is the one the PDF is printed from (`render_document`), so the page shows what the
PDF shows. Added to it: the bundled fonts (a visitor's browser has none of them), a viewport,
what search engines and link previews read (`robots`, Open Graph with the owner's own name and
first page), and, on a narrow screen, the sheets given up for one flowing column.
"""

from __future__ import annotations

from html import escape
from typing import Any

from resumate.rendering.fonts import font_faces

# Wider than a sheet with its margins: the sheets as printed. Narrower: one flowing column,
# a sidebar under the main column, text at a phone's reading size.
NARROW = "860px"
WEB_CSS = f"""
@media screen and (max-width: {NARROW}) {{
  html {{ min-width: 0 !important; background: #fff !important; }}
  body {{ width: auto !important; margin: 0 !important; padding: 24px 18px 72px !important;
    columns: auto !important; column-width: auto !important; column-height: auto !important;
    font-size: max(var(--font-size), 15px); }}
  .columns {{ display: block !important; }}
  .columns > * {{ width: auto !important; }}
  img {{ max-width: 100%; height: auto; }}
}}
.share-download {{ position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 1;
  padding: 10px 16px; border-radius: 999px; background: #1f2937; color: #fff;
  font: 600 15px/1.2 system-ui, sans-serif; text-decoration: none;
  box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }}
.share-download:focus-visible {{ outline: 3px solid #6366f1; outline-offset: 2px; }}
@media print {{ .share-download {{ display: none; }} }}
"""


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
    head.append(f"<style>{FONT_FACES}\n{WEB_CSS}</style>")
    page = html.replace("</head>", "\n".join(head) + "\n</head>", 1)
    if pdf_url is not None:
        button = (
            f'<a class="share-download" href="{escape(pdf_url)}" download>'
            'PDF <span aria-hidden="true">↓</span></a>'
        )
        page = page.replace("<body>", "<body>\n" + button, 1)
    return page
