"""A resume's text cut into runs of one style, by the same rules the printed page follows.

Text fields allow **bold**, *italic* and [links](https://...) (`resumate.rendering.markup`).
Rather than read that markup a second time, with rules of its own that could drift, the text is
turned into the HTML the templates print (`inline`) and that HTML is read back into spans: a
link with a scheme a reader may not follow is its label alone here too, as it is in the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from resumate.rendering.markup import inline, paragraphs

# Characters no document format takes (XML refuses them, a terminal acts on them): C0 and C1
# controls but tab and newline, lone surrogates and the two non-characters XML names.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style; `link` is the http(s) or mailto address it leads to."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


Text = tuple[Span, ...]


def clean(value: object) -> str:
    """A field's value as text to write: newlines as "\\n", no unwritable characters."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return UNWRITABLE.sub("", text)


def plain(value: object) -> Text:
    """A field printed as it is, without markup (names, titles, dates)."""
    text = " ".join(clean(value).split())
    return (Span(text),) if text else ()


def linked(text: str, target: str) -> Text:
    """A link shown as `text`; plain text when there is no address a reader may follow."""
    shown = " ".join(clean(text).split())
    return (Span(shown, link=clean(target).strip()),) if shown else ()


def marked(value: object) -> Text:
    """A text field's runs, its inline markup read as the templates read it."""
    reader = _Reader()
    reader.feed(str(inline(clean(value))))
    reader.close()
    return tuple(reader.spans)


def blocks(value: object) -> list[Text]:
    """A long text's paragraphs (split at blank lines), each as its runs."""
    return [found for part in paragraphs(clean(value)) if (found := marked(part))]


def words(text: Text) -> str:
    """The text of some runs, as one string."""
    return "".join(span.text for span in text)


class _Reader(HTMLParser):
    """The spans of the few tags `inline` writes: strong, em, a, br."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[Span] = []
        self._bold = self._italic = 0
        self._link = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "strong":
            self._bold += 1
        elif tag == "em":
            self._italic += 1
        elif tag == "a":
            self._link = next((value or "" for name, value in attrs if name == "href"), "")
        elif tag == "br":
            self.spans.append(Span("\n"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "strong":
            self._bold -= 1
        elif tag == "em":
            self._italic -= 1
        elif tag == "a":
            self._link = ""

    def handle_data(self, data: str) -> None:
        if data:
            self.spans.append(Span(data, self._bold > 0, self._italic > 0, self._link))
