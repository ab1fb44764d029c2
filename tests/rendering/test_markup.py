import pytest

from resumate.rendering.markup import inline


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
