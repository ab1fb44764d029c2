"""Theme values go into the document's CSS, so anything but a clean value is refused outright.

Each hostile value is refused by Theme validation, and also by the render path itself, which
validates the stored theme again: a bad theme saved under older rules still cannot reach CSS.
What is accepted comes out as a plain colour, number, keyword or font stack.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from resumate.document.theme import Theme
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.page_style import resolve
from resumate.templates.builtin import load_builtins

CANARY = "http://127.0.0.1:9/"
CLASSIC = next(b for b in load_builtins() if b.slug == "classic")
TEMPLATE = TemplateSource(CLASSIC.html, CLASSIC.css, CLASSIC.defaults)
BREAK_OUTS = [
    f"url({CANARY})",
    f";background:url({CANARY})",
    f"}} @import url({CANARY}); :root {{",
    f"}}</style><img src={CANARY}><style>",
    f"@font-face {{src: url({CANARY})}}",
    "\n",
]

HOSTILE: list[tuple[str, Any]] = [
    *(("accentColor", "#1d4ed8" + tail) for tail in BREAK_OUTS),
    *(("accentColor", value) for value in ["red", "#fff", "#1d4ed8ff", "rgb(0,0,0)", "var(--x)"]),
    *(("accentColor", value) for value in ["expression(fetch(1))", "\\23 1d4ed8", " #1d4ed8"]),
    *(("accentColor", value) for value in ["#１２３４５６", "＃123456", "#12345g", "#1d4ed8\x00"]),
    *(("accentColor", value) for value in [0x1D4ED8, ["#1d4ed8"], {"hex": "#1d4ed8"}, True]),
    *(("fontFamily", "inter" + tail) for tail in BREAK_OUTS),
    *(("fontFamily", value) for value in ["Inter", "INTER", "Source Serif 4", "comic-sans", ""]),
    *(("fontFamily", value) for value in ["file:///etc/passwd", "../fonts/inter", 1, ["inter"]]),
    *(("fontSize", "10" + tail) for tail in ["pt", *BREAK_OUTS[:-1]]),
    *(("fontSize", value) for value in ["nan", "inf", float("nan"), float("inf"), 1e309, "0x10"]),
    *(("fontSize", value) for value in [7.99, 14.01, -10, "", [10], {"pt": 10}]),
    *(("lineHeight", value) for value in ["1.4;}", 0.99, 2.01, float("nan"), "1.4 1.5"]),
    *(("marginMm", value) for value in ["16mm", 4.9, 40.1, float("-inf"), f"16;{BREAK_OUTS[1]}"]),
    *(("pageSize", "A4" + tail) for tail in BREAK_OUTS),
    *(("pageSize", value) for value in ["a4", "A3", "Letter landscape", "", None, 4]),
    *(("sectionOrder", value) for value in ["work", ["work", "work"], ["work", "</style>"]]),
    *(("sectionOrder", value) for value in [["__class__"], [1], [["work"]], {"work": 1}]),
    *(("hiddenSections", value) for value in ["summary", ["url(x)"], ["work", "work"], [None]]),
    *((key, "x") for key in ["css", "customCss", "headingFontFamily", "fontUrl", "style"]),
    *((key, "x") for key in ["backgroundImage", "__class__", "template", "accent-color"]),
    ("accent_color", f"#1d4ed8;background:url({CANARY})"),
    ("font_size", "10pt"),
]


@pytest.mark.parametrize(("key", "value"), HOSTILE, ids=[f"{k}={v!r}"[:60] for k, v in HOSTILE])
def test_a_value_that_is_not_clean_is_refused(key: str, value: Any) -> None:
    with pytest.raises(ValidationError):
        Theme.model_validate({key: value})
    with pytest.raises(ValidationError):
        render_document(TEMPLATE, {"basics": {"name": "Ada"}}, {key: value})


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ({"accentColor": "#AbCdEf"}, "--accent: #AbCdEf;"),
        ({"fontSize": "1e1"}, "--font-size: 10pt;"),
        ({"fontSize": 13.999999999}, "--font-size: 14pt;"),
        ({"fontSize": " 12\n"}, "--font-size: 12pt;"),  # read as the number it spells
        ({"lineHeight": "2"}, "--line-height: 2;"),
        ({"marginMm": 5}, "margin: 5mm;"),
        ({"pageSize": "Letter"}, "size: Letter;"),
        ({"fontFamily": "jetbrains-mono"}, '--font-body: "JetBrains Mono", "IBM Plex Sans Arabic"'),
    ],
)
def test_accepted_values_come_out_as_plain_values(theme: dict[str, Any], expected: str) -> None:
    css = resolve(theme, CLASSIC.defaults).css()
    assert expected in css
    # Arithmetic signs for calc() in the screen layout; still nothing that can fetch or inject.
    assert re.fullmatch(r"[\w\s#:;{}()\-.,\"@%*+]*", css)
    assert "url(" not in css
    assert "<" not in css
