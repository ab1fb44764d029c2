"""What later pages carry in their margins: the name at the top, "2 / 3" at the foot.

Both are CSS page-margin boxes, which Chromium prints outside the document's own flow, so no
template has to make room for them. The name is user data put in a CSS string, so every
character that could end the string, the rule or the `<style>` element is written as a CSS
escape (`css_string`).
"""

from __future__ import annotations

import unicodedata

# Small and quiet, in the body face, so they read as page furniture rather than content: the
# text colour this share of the way from the page's background.
MARK_STYLE = "font-size: 8pt; font-weight: 400; font-style: normal;"
MARK_INK = 0.6


def quiet_ink(text: str = "#1f2328", background: str = "#ffffff") -> str:
    """The text colour thinned toward the background (grey on white, light on a dark page)."""
    ink, paper = bytes.fromhex(text[1:7]), bytes.fromhex(background[1:7])
    mixed = (round(MARK_INK * t + (1 - MARK_INK) * b) for t, b in zip(ink, paper, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string that cannot break out of its declaration.

    Letters, digits and spaces stay; every other character becomes a hex escape, and
    control characters (newlines included) become spaces.
    """
    out = []
    for char in text:
        if unicodedata.category(char).startswith("C"):
            out.append(" ")
        elif char.isalnum() or char == " ":
            out.append(char)
        else:
            # The space ends the escape (CSS reads it as part of it), so none is ever lost.
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def page_marks_css(
    name: str,
    font_stack: str,
    *,
    running_header: bool,
    page_numbers: bool,
    direction: str = "ltr",
    ink: str = "#797b7e",
) -> str:
    """The margin boxes of every page after the first, or nothing when both are off.

    They sit where a line of the text ends: at the right, or at the left of a right-to-left page.
    """
    shown = " ".join(name.split())
    look = f"font-family: {font_stack}; color: {ink}; {MARK_STYLE}"
    side = "left" if direction == "rtl" else "right"
    boxes = []
    if running_header and shown:
        boxes.append(f"@top-{side} {{ content: {css_string(shown)}; {look} }}")
    if page_numbers:
        boxes.append(f'@bottom-{side} {{ content: counter(page) " / " counter(pages); {look} }}')
    if not boxes:
        return ""
    first_page = f"@top-{side} {{ content: none; }} @bottom-{side} {{ content: none; }}"
    return f"@page {{ {' '.join(boxes)} }}\n@page :first {{ {first_page} }}\n"
