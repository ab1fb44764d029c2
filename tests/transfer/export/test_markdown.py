"""Markdown: every field as a Markdown reader shows it; only the resume's own marks are markup."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

from resumate.document.sample import sample_resume
from resumate.transfer.export.markdown import escape, markdown
from tests.transfer.export.fields import missing
from tests.transfer.export.resumes import MAKERS, outlined

# What a Markdown renderer that passes HTML through makes of the file.
RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
OWN_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "a", "br", "blockquote"}


class Rendered(HTMLParser):
    """The text, tags and link targets of the HTML a Markdown file renders as."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []
        self.feed(RENDERER.render(source))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [value or "" for name, value in attrs if name == "href"]
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return "".join(self.text)


def rendered(data: dict[str, Any], theme: dict[str, Any] | None = None) -> Rendered:
    return Rendered(markdown(outlined(data, theme)))


@pytest.mark.parametrize("resume", sorted(MAKERS))
def test_every_field_is_in_the_rendered_markdown(resume: str) -> None:
    data = MAKERS[resume]()
    page = rendered(data)
    language = outlined(data).style.language
    # An address shows as the page shows it; the address itself is the link's target.
    assert missing(data, f"{page.words} {' '.join(page.links)}", language) == {}
    assert page.tags <= OWN_TAGS


def test_the_structure_is_headings_and_lists() -> None:
    source = markdown(outlined(sample_resume()))
    assert source.startswith("# Maya Okafor\n\nSenior Product Designer\n")
    assert "\n## Experience\n\n### Senior Product Designer, Northwind Health\n" in source
    assert "\n- Built the design system now shared by four product teams\n" in source
    assert "turning **complex workflows** into" in source
    assert "[mayaokafor.example.com](https://mayaokafor.example.com)" in source


@pytest.mark.parametrize(
    "text",
    [
        "C# & C++ <dev> | *not* _emphasis_ `code` ~~gone~~ [not](a link)",
        "- not a list",
        "1. not a list either",
        "# not a heading",
        "> not a quote",
        "=== not an underline",
        "    not code",
        "&lt;entity&gt; &amp; &#60;",
        "\\ back\\slash \\*",
        "![image](http://127.0.0.1:1/x.png)",
    ],
)
def test_markdown_in_a_field_is_shown_as_written(text: str) -> None:
    page = Rendered(escape(text))
    assert " ".join(page.words.split()) == " ".join(text.split())
    assert page.tags <= {"p"}


def test_a_line_break_in_a_text_is_kept_and_its_next_line_escaped() -> None:
    data = {"basics": {"name": "Ada", "summary": "first line\n- second line"}}
    page = rendered(data)
    assert "br" in page.tags
    assert "li" not in page.tags
    assert "first line" in page.words
    assert "- second line" in page.words


def test_only_safe_links_become_links() -> None:
    summary = "[a](https://example.com/a) [b](javascript:void) [c](mailto:c@example.com)"
    page = rendered({"basics": {"summary": summary}})
    assert page.links == ["https://example.com/a", "mailto:c@example.com"]
    assert "b" in page.words.split()
