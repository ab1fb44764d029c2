import re

import pytest
from markupsafe import escape

from resumate.rendering.markup import breakable, inline, paragraphs


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("**Led** a team", "<strong>Led</strong> a team"),
        ("an *italic* word", "an <em>italic</em> word"),
        ("an _italic_ word", "an <em>italic</em> word"),
        ("[site](https://ex.com/a_b)", '<a href="https://ex.com/a_b">site</a>'),
        ("[mail](mailto:a@ex.com)", '<a href="mailto:a@ex.com">mail</a>'),
        ("snake_case_words and 2*3*4", "snake_case_words and 2*3*4"),
        ("**unclosed", "**unclosed"),
    ],
)
def test_inline_formatting(text: str, html: str) -> None:
    assert str(inline(text)) == html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="http://127.0.0.1/x">',
        "<iframe src=//evil>",
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_markup_in_text_is_escaped(text: str) -> None:
    rendered = str(inline(text))
    assert "<" not in rendered.replace("&lt;", "")


@pytest.mark.parametrize(
    "target", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "//evil.com"]
)
def test_links_keep_only_safe_schemes(target: str) -> None:
    assert "href" not in str(inline(f"[click]({target})"))


def test_quotes_cannot_leave_the_href() -> None:
    rendered = str(inline('[a](https://x.com/"onmouseover="alert(1))'))
    assert 'onmouseover="' not in rendered


def test_a_blank_line_starts_a_paragraph_and_a_newline_breaks_the_line() -> None:
    assert paragraphs("One.\n\nTwo,\nthree.\r\n \r\nFour.") == ["One.", "Two,\nthree.", "Four."]
    assert str(inline("Two,\nthree.")) == "Two,<br>three."
    assert paragraphs(None) == []
    assert paragraphs("\n\n") == []


def test_an_address_wraps_after_slashes_and_dots_and_never_after_a_hyphen() -> None:
    shown = str(breakable("www.long-name.example.com/a-b"))
    assert shown == (
        '<span class="address">www.<wbr>long<span class="keep">-n</span>ame.<wbr>example.<wbr>'
        'com/<wbr>a<span class="keep">-b</span></span>'
    )


@pytest.mark.parametrize("text", ["<script>x</script>-y", 'a-"b" & c/d', "x-&y"])
def test_a_breakable_address_stays_escaped(text: str) -> None:
    shown = str(breakable(text))
    assert re.sub(r"<wbr>|<span class=\"(keep|address)\">|</span>", "", shown) == str(escape(text))
