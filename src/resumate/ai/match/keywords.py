"""The terms a job asks for: the skills it names, and its other key words and phrases.

Skills come from the open gazetteer (`resumate.ai.skills`), from our own list of skills outside
software (data/vocabulary.toml) and from a job document's own skills. Key terms are the job's
other content words, and two-word phrases it repeats, so a nurse's or a salesperson's advert
has terms too. Everything is compared by stems (see `language`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Literal

from resumate.ai.match.jobs import JobPosting
from resumate.ai.match.language import Token, boilerplate, contains, term_stems, tokens, vocabulary
from resumate.ai.skills import find_skills

Kind = Literal["skill", "keyword"]
MAX_SKILLS = 40
MAX_KEYWORDS = 20
# A two-word phrase is a term of its own when the job says it this often.
PHRASE_REPEATS = 2
# Between the words of one term: spaces and the stopwords left out ("atención al cliente").
GLUE = re.compile(r"[\s\w']*")


@dataclass(frozen=True)
class Term:
    term: str  # as the job (or the gazetteer) writes it
    stems: tuple[str, ...]
    kind: Kind
    required: bool


@dataclass(frozen=True)
class _Span:
    term: str
    start: int  # first and last word's places among the job's words
    end: int


def job_terms(job: JobPosting, language: str) -> list[Term]:
    """The job's skills (in the order it names them), then its key terms (most used first)."""
    words = tokens(job.text, language)
    required = [term_stems(line.text, language) for line in job.requirements if line.required]
    skills = _skills(job, words, language)
    taken = {stem for term in skills for stem in term}
    keywords = _keywords(job.text, words, language, taken)
    kinds: list[tuple[Kind, dict[tuple[str, ...], str]]] = [
        ("skill", skills),
        ("keyword", keywords),
    ]
    return [
        Term(text, stems, kind, any(contains(line, stems) for line in required))
        for kind, found in kinds
        for stems, text in found.items()
    ]


def _skills(job: JobPosting, words: list[Token], language: str) -> dict[tuple[str, ...], str]:
    # Ours first: of two names for the same words, our spelling is kept.
    spans = _supplement_spans(job.text, words, language)
    spans += [
        _Span(shown(job.text[hit.start : hit.end], language), *_places(words, hit.start, hit.end))
        for hit in find_skills(job.text)
        # "competitive" is in the gazetteer, but a "competitive salary" asks for nothing
        if not set(job.text[hit.start : hit.end].lower().split()) <= boilerplate(language)
    ]
    spans.sort(key=lambda span: (span.start, span.start - span.end))
    found: dict[tuple[str, ...], str] = {}
    last = -1
    for span in spans:
        if span.start > last:  # the longer of two overlapping names wins
            stems = term_stems(span.term, language)
            if stems:
                found.setdefault(stems, span.term)
            last = span.end
    for named in job.skills:
        stems = term_stems(named, language)
        if stems:
            found.setdefault(stems, named)
    return dict(list(found.items())[:MAX_SKILLS])


def _supplement_spans(text: str, words: list[Token], language: str) -> list[_Span]:
    table = supplement(language)
    spans = []
    for index in range(len(words)):
        for size in range(min(4, len(words) - index), 0, -1):
            run = words[index : index + size]
            term = table.get(tuple(word.stem for word in run))
            if term is not None and _one_phrase(text, run):
                spans.append(_Span(term, run[0].index, run[-1].index))
                break
    return spans


@cache
def supplement(language: str) -> dict[tuple[str, ...], str]:
    """Our skills outside software, in the job's language and in English, by their stems."""
    lists = vocabulary()["skills"]
    table: dict[tuple[str, ...], str] = {}
    for term in [*lists.get(language, []), *lists["en"]]:
        stems = term_stems(term, language)
        if stems:
            table.setdefault(stems, term)
    return table


def _keywords(
    text: str, words: list[Token], language: str, taken: set[str]
) -> dict[tuple[str, ...], str]:
    skip = boilerplate(language)
    content = [
        word
        for word in words
        if word.surface.isalpha()
        and (len(word.surface) >= 3 or word.surface.isupper())
        and word.surface.lower() not in skip
        and word.stem not in taken
    ]
    singles = Counter(word.stem for word in content)
    pairs = Counter(
        (left.stem, right.stem)
        for left, right in itertools.pairwise(content)
        if right.index == left.index + 1 and not text[left.end : right.start].strip()
    )
    phrases = {pair: count for pair, count in pairs.items() if count >= PHRASE_REPEATS}
    for (left, right), count in phrases.items():
        singles[left] -= count
        singles[right] -= count
    first: dict[tuple[str, ...], int] = {}
    spelled: dict[tuple[str, ...], str] = {}
    for word, following in itertools.zip_longest(content, content[1:]):
        pair = (word.stem, following.stem) if following else ()
        if following and pair in phrases and following.index == word.index + 1:
            first.setdefault(pair, word.index)
            spelled.setdefault(
                pair, f"{shown(word.surface, language)} {shown(following.surface, language)}"
            )
        first.setdefault((word.stem,), word.index)
        spelled.setdefault((word.stem,), shown(word.surface, language))
    counts = {(stem,): count for stem, count in singles.items() if count > 0} | phrases
    ranked = sorted(counts, key=lambda stems: (-counts[stems], first[stems]))
    return {stems: spelled[stems] for stems in ranked[:MAX_KEYWORDS]}


def shown(written: str, language: str) -> str:
    """A term as written where case tells something (German nouns, ICU, PostgreSQL), else in
    lower case (a capital that only starts a sentence)."""
    if language == "de" or any(char.isupper() for char in written[1:]):
        return written
    return written.lower()


def _one_phrase(text: str, run: list[Token]) -> bool:
    """Whether nothing but words stands between the run's words: "care, triage" is two terms."""
    return all(
        GLUE.fullmatch(text[left.end : right.start]) for left, right in itertools.pairwise(run)
    )


def _places(words: list[Token], start: int, end: int) -> tuple[int, int]:
    """The places of the first and last (non-stop) words within characters start..end."""
    first = bisect.bisect_left(words, start, key=lambda word: word.start)
    last = bisect.bisect_right(words, end, key=lambda word: word.end) - 1
    return (words[first].index, words[last].index) if first <= last else (-1, -1)
