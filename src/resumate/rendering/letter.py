"""A cover letter printed in its resume's design: the same masthead, type, colours and page.

The resume's own template is rendered with the letterhead alone — the person's name, label and
contact details, no sections — so the letter's top is exactly the resume's, whatever the
template. The letter (date, recipient, the text's paragraphs) follows it inside the same
`<body>`, styled only through the theme's custom properties like every template. The text is
the person's, edited in the Assistant: it is escaped and keeps only the resume's inline marks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from markupsafe import Markup, escape

from resumate.document.language import locale
from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.markup import inline, paragraphs
from resumate.rendering.words import COVER_LETTER, translate

# What the letterhead keeps of `basics`: who the letter is from and how to reach them.
LETTERHEAD = ("name", "label", "email", "phone", "url", "website", "location", "profiles")
# The letter's own layout: a block below the masthead, whole paragraphs kept together where a
# page allows, the date and the recipient set apart from the text.
LETTER_CSS = (
    ".letter { margin-top: 1.8em; max-width: 42em; }\n"
    ".letter p { margin: 0 0 0.85em; orphans: 3; widows: 3; }\n"
    ".letter .letter-date { margin-bottom: 1.6em; color: #4b5563; }\n"
    ".letter .letter-recipient { margin-bottom: 1.6em; }\n"
)


def letterhead(data: dict[str, Any]) -> dict[str, Any]:
    """The resume reduced to its letterhead: basics' name and contact details, nothing else."""
    found = data.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    kept = {key: basics[key] for key in LETTERHEAD if basics.get(key)}
    meta = data.get("meta")
    # The resume's language travels in meta; without it a letterhead could be told apart wrongly.
    return {"basics": kept, **({"meta": meta} if isinstance(meta, dict) else {})}


def letter_body(text: str, recipient: str | None, language: str, today: date) -> Markup:
    """The letter's block: its date in the resume's language, the recipient, then the text."""
    when = format_date(today, format="long", locale=locale(language))
    parts = [f'<p class="letter-date" dir="auto">{escape(when)}</p>']
    if recipient and recipient.strip():
        parts.append(f'<p class="letter-recipient" dir="auto">{inline(recipient.strip())}</p>')
    parts += [f'<p class="letter-text" dir="auto">{inline(part)}</p>' for part in paragraphs(text)]
    return Markup(f'<section class="letter">{"".join(parts)}</section>')  # noqa: S704


def render_letter(
    template: TemplateSource,
    data: dict[str, Any],
    theme: dict[str, Any],
    *,
    text: str,
    recipient: str | None,
    today: date,
) -> Document:
    """The HTML a cover letter is printed from, in the design `data` and `theme` print with."""
    # The letterhead has no sections, so a template that lays out columns from them gets none.
    head = render_document(template, letterhead(data), theme)
    style = head.style
    body = letter_body(text, recipient, style.language, today)
    page, found, rest = head.html.rpartition("</body>")
    html = f"{page}{body}{found}{rest}" if found else f"{head.html}{body}"
    html = html.replace("</style>", f"{LETTER_CSS}</style>", 1)
    kind = translate(COVER_LETTER, style.language)
    title = f"{head.author} — {kind}" if head.author else kind
    old_title, new_title = (f"<title>{escape(t)}</title>" for t in (head.title, title))
    html = html.replace(old_title, new_title, 1)
    return Document(html=html, style=style, title=title, author=head.author)
