"""Whether a string the assistant gave is text of the file: the guarantee of tidying.

A string passes when, with whitespace and typographic variants evened out, it is one of the
reading's own values (which the reader took from the file: dates as ISO, links with a scheme) or
it occurs in the file's text as whole words — "Java" does not pass on "JavaScript", nor "5" on
"2015". Case counts: "ACME" in a file does not make "Acme" its text. A date field may also hold
the ISO form of a date the text writes ("Mar 2016" → "2016-03", read as the import reads dates),
or a year the text names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from resumate.ai.guard.injection import INVISIBLE
from resumate.transfer.dates import read_date
from resumate.transfer.reading.pieces import written_date

DATE_KEYS = frozenset({"startDate", "endDate", "date", "releaseDate"})
# Marks that mean the same in any text: a model writes straight quotes and plain hyphens.
EVEN = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "‐": "-",
                      "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})  # fmt: skip
# What sits between the words of a written date, and around it.
DATE_GAPS = re.compile(r"[\s,;|·•()\[\]]+|\s-\s")
WORD = re.compile(r"\w")
# A written date is at most a few words before its year: "15 de marzo de 2016".
DATE_WORDS = 4


def evened(text: str) -> str:
    """The text as it is compared: NFKC, no invisible characters (the prompt has none), straight
    quotes and hyphens, single spaces."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.translate(EVEN).split())


def whole(text: str) -> str:
    """A pattern finding the text as whole words: not "Java" in "JavaScript", "5" in "2015"."""
    before = r"(?<!\w)" if WORD.match(text[0]) else ""
    after = r"(?!\w)" if WORD.match(text[-1]) else ""
    return before + re.escape(text) + after


class FileText:
    """The file's text and the reading's values, to tell whether a string is from the file."""

    def __init__(self, lines: Iterable[str], values: Iterable[str]) -> None:
        self.text = evened(" ".join(lines))
        self.values = frozenset(evened(value) for value in values)
        self._words = [word for word in DATE_GAPS.split(self.text) if word]

    def holds(self, value: str, key: str = "") -> bool:
        """Whether `value`, found under `key`, is text of the file."""
        text = evened(value)
        if not text or text in self.values:
            return True
        if key in DATE_KEYS and self._dated(text):
            return True
        return self._occurs(text)

    def _occurs(self, text: str) -> bool:
        return re.search(whole(text), self.text) is not None

    def _dated(self, iso: str) -> bool:
        """An ISO date whose year the text names, read from a date the text writes."""
        year = iso[:4]
        if not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", iso) or not self._occurs(year):
            return False
        return len(iso) == 4 or any(read.startswith(iso) for read in self._dates_of(year))

    def _dates_of(self, year: str) -> Iterator[str]:
        """Every date the text writes with `year` in its last word: "Mar 2016", "03/2016"."""
        for end, word in enumerate(self._words):
            if year not in word:
                continue
            for start in range(max(0, end - DATE_WORDS), end + 1):
                found = read_date(" ".join(self._words[start : end + 1]))
                if found is None and start == end:
                    found = written_date(word)
                if found is not None:
                    yield found
