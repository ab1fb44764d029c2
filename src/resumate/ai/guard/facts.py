"""What a text states: figures, dates, names, titles, certificates, skills and contact details.

Each fact carries what it is compared by: amounts and dates by value (`numbers`), the rest by
its words in plain lower case (`key`). Read in order, each span once: contact details, then
dates, figures, certificates, skills, titles, and last the capitalised names left over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from resumate.ai.guard.lexicon import (
    CERTIFICATE_WORDS,
    CERTIFICATES,
    MONTHS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    TITLE_ONLY_CAPITALISED,
    TITLE_PHRASES,
    TITLE_WORDS,
    frequency,
    language,
    plain,
)
from resumate.ai.guard.numbers import Amount, When, dates, quantities
from resumate.ai.skills import SkillHit, find_skills

FactKind = Literal[
    "number", "date", "organization", "name", "title", "skill", "certificate", "contact"
]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|io|dev|app|me|info|co)(?:/[^\s<>\"')\]]*)?(?!\w)"
)
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]{7,}\d(?!\w)")
GROUPED_FIGURE = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+")
WORD = re.compile(r"[^\W_](?:[\w'’&+]|[.\-](?=\w))*", re.UNICODE)
# Small words inside a name ("Bank of America", "Universidad de Granada"); none in German,
# whose nouns are all capitalised ("Betreuung von Patienten" names nothing).
CONNECTORS = {
    "en": frozenset({"of"}),
    "es": frozenset({"de", "del"}),
    "fr": frozenset({"de", "du", "des"}),
}
SALUTATION = re.compile(
    r"\b(?:dear\s+)?hiring\s+(?:manager|team|committee)s?\b"
    r"|\b(?:dear\s+)?recruit(?:ing|ment)\s+(?:manager|team)s?\b",
    re.IGNORECASE,
)
# Counts in pyspellchecker's lists above which a word is everyday rather than a tool's name:
# "retention" 490 and "python" 913 are common, "ran" 199,425 and "sales" 23,600 very.
COMMON = 100
VERY_COMMON = 20_000
POSSESSIVE = re.compile(r"['’]s(?!\w)")
SENTENCE_END = ".!?:;•·\n|–—(\"“‘'"


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    text: str  # as written
    start: int
    end: int
    key: str = ""  # plain words, for every kind but number and date
    amounts: frozenset[Amount] = frozenset()
    dates: frozenset[When] = frozenset()


@dataclass
class _Reader:
    text: str
    language: str
    taken: list[tuple[int, int]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(
        self,
        kind: FactKind,
        start: int,
        end: int,
        amounts: frozenset[Amount] = frozenset(),
        whens: frozenset[When] = frozenset(),
    ) -> None:
        text = self.text[start:end]
        self.taken.append((start, end))
        self.facts.append(Fact(kind, text, start, end, key(text), amounts, whens))


def key(text: str) -> str:
    """A name as compared: its words in plain lower case, without a possessive "'s"."""
    return " ".join(word.group() for word in WORD.finditer(POSSESSIVE.sub("", plain(text))))


def read_facts(text: str, lang: str | None = None) -> list[Fact]:
    """Every fact a text states, in reading order."""
    reader = _Reader(text, lang or language(text))
    # Greetings name a reader, not a fact: "Dear Hiring Manager", "Sehr geehrte Damen und Herren".
    reader.taken.extend(match.span() for match in SALUTATION.finditer(text))
    _contact(reader)
    for found in dates(text):
        if reader.free(found.start, found.end):
            reader.add("date", found.start, found.end, found.amounts, found.dates)
    for found in quantities(text, reader.language, list(reader.taken)):
        if reader.free(found.start, found.end):
            reader.add(found.kind, found.start, found.end, found.amounts, found.dates)
    words = list(WORD.finditer(text))
    _certificates(reader, words)
    skills = [
        hit
        for hit in find_skills(text)
        if reader.free(hit.start, hit.end) and not _everyday(text, hit, reader.language)
    ]
    _names(reader, words, skills)
    for hit in skills:
        if reader.free(hit.start, hit.end):
            reader.add("skill", hit.start, hit.end)
    _titles(reader, words)
    return sorted(reader.facts, key=lambda fact: fact.start)


def _everyday(text: str, hit: SkillHit, lang: str) -> bool:
    """Whether a one-word skill is written as an everyday word ("users", "Ran" opening a line).

    The gazetteer lists "users", "clusters" and "RAN"; written in lower case, or capitalised
    only because a sentence (or, in German, a noun) starts there, a common word claims nothing.
    """
    written = text[hit.start : hit.end]
    if " " in hit.term or _acronym(written) or not written.isalpha():
        return False
    if written.islower():
        return frequency(written, lang) >= COMMON
    if _sentence_start(text, hit.start):
        return frequency(written, lang) >= VERY_COMMON
    return lang == "de" and frequency(written, lang) >= COMMON


def _contact(reader: _Reader) -> None:
    for pattern in (EMAIL, URL):
        for match in pattern.finditer(reader.text):
            end = match.start() + len(match.group().rstrip(".,;:!?"))
            if reader.free(match.start(), end):
                reader.add("contact", match.start(), end)
    for match in PHONE.finditer(reader.text):
        digits = sum(char.isdigit() for char in match.group())
        figure = GROUPED_FIGURE.fullmatch(match.group())
        if digits >= 9 and not figure and reader.free(match.start(), match.end()):
            reader.add("contact", match.start(), match.end())


def _certificates(reader: _Reader, words: list[re.Match[str]]) -> None:
    for phrase in (name for name in CERTIFICATES if " " in name):
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", reader.text, re.I):
            if reader.free(match.start(), match.end()):
                reader.add("certificate", match.start(), match.end())
    for index, word in enumerate(words):
        written = word.group()
        name = plain(written)
        if name in CERTIFICATES and (written.isupper() or not name.isalpha()):
            if reader.free(word.start(), word.end()):
                reader.add("certificate", word.start(), word.end())
        elif name in CERTIFICATE_WORDS and reader.free(word.start(), word.end()):
            # "AWS Certified Solutions Architect" is one certificate: the capitalised run
            # around the word, or the word alone ("certified") when it stands alone.
            first, last = index, index
            while first > 0 and _joined_capital(reader.text, words[first - 1], words[first]):
                first -= 1
            while last + 1 < len(words) and _joined_capital(
                reader.text, words[last], words[last + 1], after=True
            ):
                last += 1
            start, end = words[first].start(), words[last].end()
            if reader.free(start, end):
                reader.add("certificate", start, end)


def _joined_capital(
    text: str, left: re.Match[str], right: re.Match[str], *, after: bool = False
) -> bool:
    between = text[left.end() : right.start()]
    word = right if after else left
    return between in (" ", " – ", " - ") and word.group()[:1].isupper()


def _titles(reader: _Reader, words: list[re.Match[str]]) -> None:
    for phrase in TITLE_PHRASES:
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", reader.text, re.I):
            if reader.free(match.start(), match.end()):
                reader.add("title", match.start(), match.end())
    for word in words:
        written, name = word.group(), plain(word.group())
        if name not in TITLE_WORDS and name.rstrip(".") not in TITLE_WORDS:
            continue
        if name in TITLE_ONLY_CAPITALISED and not written[:1].isupper():
            continue
        if reader.free(word.start(), word.end()):
            reader.add("title", word.start(), word.end())


def _names(reader: _Reader, words: list[re.Match[str]], skills: list[SkillHit]) -> None:
    """Capitalised runs and acronyms: titles, organisations, then names of anything else."""
    capitalised = [word for word in words if word.group()[:1].isupper()]
    title_case = len(words) >= 5 and len(capitalised) >= 0.7 * len(words)
    for run in _runs(reader, words):
        while run and _ignored(run[0].group()):
            run = run[1:]
        while run and _ignored(run[-1].group()):
            run = run[:-1]
        if not run:
            continue
        lowered = {key(word.group()) for word in run}
        opener = plain(run[0].group())
        # A sentence's first word is capitalised whatever it is ("Led", "As"), but may open a
        # title ("Senior Nurse at ...") or a two-word organisation ("Acme Corp hired ...").
        if (
            _sentence_start(reader.text, run[0].start())
            and not _acronym(run[0].group())
            and opener not in TITLE_WORDS
            and not (len(run) == 2 and lowered & ORGANISATION_WORDS)
        ):
            run = run[1:]
            lowered = {key(word.group()) for word in run}
        if not run:
            continue
        text = reader.text[run[0].start() : run[-1].end()]
        if reader.language == "de" and lowered & TITLE_WORDS:
            # Nouns stand side by side in German ("Stationsleitung Einarbeitung"): the title
            # is the title word alone.
            for word in run:
                if key(word.group()) in TITLE_WORDS:
                    reader.add("title", word.start(), word.end())
            run = [word for word in run if reader.free(word.start(), word.end())]
        elif lowered & TITLE_WORDS or any(_has_phrase(text, p) for p in TITLE_PHRASES):
            reader.add("title", run[0].start(), run[-1].end())
            continue
        if lowered & ORGANISATION_WORDS:
            reader.add("organization", run[0].start(), run[-1].end())
            continue
        for part in _outside(run, skills):
            if len(part) == 1 and not _proper(part[0].group()):
                # German capitalises every noun and a title-case line every word: one
                # capital proves nothing there.
                if reader.language == "de" or title_case:
                    continue
            elif title_case and not any(_proper(word.group()) for word in part):
                continue
            reader.add("name", part[0].start(), part[-1].end())


def _outside(run: list[re.Match[str]], skills: list[SkillHit]) -> Iterator[list[re.Match[str]]]:
    """The parts of a run no skill covers: "Kubernetes Migration" leaves "Migration"."""
    part: list[re.Match[str]] = []
    for word in run:
        if any(hit.start <= word.start() < hit.end for hit in skills):
            if part:
                yield part
            part = []
        else:
            part.append(word)
    if part:
        yield part


def _runs(reader: _Reader, words: list[re.Match[str]]) -> Iterator[list[re.Match[str]]]:
    connectors = CONNECTORS.get(reader.language, frozenset())
    run: list[re.Match[str]] = []
    for index, word in enumerate(words):
        written = word.group()
        free = reader.free(word.start(), word.end())
        if free and written[:1].isupper():
            if run and not _adjacent(reader.text, run[-1], word):
                yield run
                run = []
            run.append(word)
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        bridge = (
            free
            and run
            and written in connectors
            and after is not None
            and after.group()[:1].isupper()
            and _adjacent(reader.text, run[-1], word)
        )
        if bridge:
            run.append(word)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    between = text[left.end() : right.start()]
    # "St. Mary's": a short abbreviation's full stop does not end the name.
    abbreviation = between == ". " and len(left.group()) <= 3
    return between in (" ", " & ", "-") or abbreviation


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _proper(word: str) -> bool:
    """Whether a word is a name by its spelling: an acronym or a capital inside (McKinsey)."""
    return _acronym(word) or any(char.isupper() for char in word[1:])


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t")
    return not before or before[-1] in SENTENCE_END


def _acronym(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _ignored(word: str) -> bool:
    name = plain(word)
    return name in NOT_NAMES or name in MONTHS or word.islower()
