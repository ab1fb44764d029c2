"""Spelling and grammar, offline: Harper for English, pyspellchecker's dictionaries for others.

The resume's own facts (names, employers, schools, titles, skills, links) and every word of the
skill gazetteer are known words here, so "PostgreSQL", "Kubernetes" or "Okafor" are never
called misspelled. Checkers are built once per process (a dictionary takes up to a second to
load) and Harper's linter, which is not thread-safe, is used under a lock.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

import harper
from spellchecker import SpellChecker

from resumate.ai.check.finding import Finding, edit
from resumate.ai.fields import TextField, all_text, prose_fields
from resumate.ai.skills import find_skills, gazetteer

# The resume languages a kept offline dictionary exists for (pyspellchecker ships them).
DICTIONARIES = frozenset({"de", "es", "fr", "it", "pt", "nl", "ru", "ar"})
DIALECTS = {
    "GB": harper.Dialect.BRITISH,
    "UK": harper.Dialect.BRITISH,
    "IE": harper.Dialect.BRITISH,
    "AU": harper.Dialect.AUSTRALIAN,
    "NZ": harper.Dialect.AUSTRALIAN,
    "CA": harper.Dialect.CANADIAN,
    "IN": harper.Dialect.INDIAN,
}
# A comma before "and" is a house style, not an error; length is the coach's rule.
QUIET_RULES = ("OxfordComma", "NoOxfordComma", "LongSentences")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
NAME = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
# pyspellchecker's Spanish list holds headwords only (no plurals, no conjugations): a word
# counts as known when it is a regular form of one ("pacientes", "gestioné", "coordinamos").
AR, ER_IR = ("ar",), ("er", "ir")
INFLECTIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "es": (
        ("es", ("",)), ("s", ("",)),
        ("é", AR), ("ó", AR), ("aron", AR), ("amos", AR), ("aba", AR), ("aban", AR),
        ("ando", AR), ("ado", AR), ("ada", AR), ("ados", AR), ("adas", AR),
        ("í", ER_IR), ("ió", ER_IR), ("ieron", ER_IR), ("imos", ER_IR), ("ía", ER_IR),
        ("ían", ER_IR), ("iendo", ER_IR), ("ido", ER_IR), ("ida", ER_IR), ("idos", ER_IR),
        ("idas", ER_IR), ("o", ("ar", "er", "ir")), ("a", ("ar", "er", "ir")),
        ("as", ("ar", "er", "ir")), ("an", ("ar", "er", "ir")), ("mente", ("",)),
    )
}  # fmt: skip
_lock = threading.Lock()


def spelling_and_grammar(data: dict[str, Any], language: str) -> list[Finding]:
    """Spelling and grammar findings in the resume's prose, in its language."""
    fields = prose_fields(data)
    if language == "en":
        return list(_harper(fields, known_words(data), dialect(data)))
    if language in DICTIONARIES:
        return list(_dictionary(fields, known_words(data), language))
    return []


def dialect(data: dict[str, Any]) -> harper.Dialect:
    """The English a resume spells: its `meta.language` region ("en-GB"), else its country's."""
    meta = data.get("meta")
    tag = meta.get("language") if isinstance(meta, dict) else None
    parts = tag.replace("_", "-").split("-") if isinstance(tag, str) else []
    region = parts[-1] if len(parts) > 1 else None
    if region is None:
        basics = data.get("basics")
        location = basics.get("location") if isinstance(basics, dict) else None
        code = location.get("countryCode") if isinstance(location, dict) else None
        region = code if isinstance(code, str) else None
    return DIALECTS.get((region or "").upper(), harper.Dialect.AMERICAN)


def known_words(data: dict[str, Any]) -> frozenset[str]:
    """The resume's facts as lower-case words: everything outside its prose fields."""
    prose = {field.text for field in prose_fields(data)}
    words: set[str] = set()
    for text in all_text(data):
        if text not in prose:
            words.update(word.lower() for word in NAME.findall(text))
            words.update(word.lower() for word in WORD.findall(text))
    return frozenset(words)


@cache
def skill_words() -> frozenset[str]:
    """Every word of the skill gazetteer ("kubernetes", "postgresql", "tableau")."""
    return frozenset(word for term in gazetteer() for word in term.split())


def _whitelisted(word: str, known: frozenset[str]) -> bool:
    lowered = word.lower()
    return (
        lowered in known
        or lowered in skill_words()
        or any(letter.isdigit() for letter in word)
        or (len(word) > 1 and word.isupper())  # an acronym: ICU, CRM
        or any(letter.isupper() for letter in word[1:])  # a name: SaaS, iPhone, McKinsey
    )


@cache
def linter(which: harper.Dialect) -> harper.Linter:
    """Harper for one dialect, warmed: its first unknown word builds the suggestion index."""
    built = harper.Linter(which)
    config = built.get_lint_config()
    built.set_lint_config({**config, **dict.fromkeys(QUIET_RULES, False)})
    built.lint("Warm the speling index.")
    return built


def _harper(
    fields: list[TextField], known: frozenset[str], which: harper.Dialect
) -> Iterator[Finding]:
    mask = _mask(fields, known)
    with _lock:
        checker = linter(which)
        results = [(field, checker.lint(field.text, regex_mask=mask)) for field in fields]
    for field, lints in results:
        for lint in lints:
            if lint.lint_kind == "Spelling":
                if _whitelisted(lint.problem_text, known):
                    continue
                yield _spelling(field, lint.span.start, lint.span.end, _replacement(lint))
            else:
                yield _grammar(field, lint)


def _mask(fields: list[TextField], known: frozenset[str]) -> str | None:
    """A pattern Harper skips: the resume's own names and skills that are not English words.

    Skipping saves Harper seeking suggestions for each (milliseconds a word); everyday words
    stay checked, as skipping them would break the sentences around them.
    """
    english = dictionary("en")
    names = {word for field in fields for word in NAME.findall(field.text) if word.lower() in known}
    for field in fields:
        for hit in find_skills(field.text):
            names.update(NAME.findall(field.text[hit.start : hit.end]))
    unusual = {name for name in names if not english.known(name.lower().split("-"))}
    if not unusual:
        return None
    escaped = sorted((name.replace("-", r"\-") for name in unusual), key=len, reverse=True)
    return r"\b(?:" + "|".join(escaped) + r")\b"


def _replacement(lint: harper.Lint) -> str | None:
    first = lint.suggestions[0] if lint.suggestions else None
    return (
        first.replacement_text
        if first is not None and first.kind == harper.SuggestionKind.REPLACE
        else None
    )


def _grammar(field: TextField, lint: harper.Lint) -> Finding:
    text, start, end = field.text, lint.span.start, lint.span.end
    message = f'"{lint.problem_text}": {lint.message.replace("`", chr(34))}'
    new = None
    if lint.suggestions:
        first = lint.suggestions[0]
        if first.kind == harper.SuggestionKind.REPLACE:
            new = text[:start] + first.replacement_text + text[end:]
        elif first.kind == harper.SuggestionKind.REMOVE:
            new = text[:start] + text[end:]
        else:
            new = text[:end] + first.replacement_text + text[end:]
    return Finding(field.path, "grammar", message, edit(field.path, text, new) if new else None)


def _spelling(field: TextField, start: int, end: int, replacement: str | None) -> Finding:
    word = field.text[start:end]
    if replacement is None:
        return Finding(field.path, "spelling", f'Possible misspelling: "{word}"')
    new = field.text[:start] + replacement + field.text[end:]
    message = f'Possible misspelling: "{word}" (did you mean "{replacement}"?)'
    return Finding(field.path, "spelling", message, edit(field.path, field.text, new))


@cache
def dictionary(language: str) -> SpellChecker:
    # Distance 1 only: a typo is one slip, and distance 2 takes most of a second per word.
    return SpellChecker(language=language, distance=1)


def _dictionary(fields: list[TextField], known: frozenset[str], language: str) -> Iterator[Finding]:
    with _lock:
        checker = dictionary(language)
    for field in fields:
        for match in WORD.finditer(field.text):
            word = match.group()
            if _skipped(field.text, match, known, language):
                continue
            correction = _correction(checker, word, language)
            if correction is not None:
                yield _spelling(field, match.start(), match.end(), correction)


def _skipped(text: str, match: re.Match[str], known: frozenset[str], language: str) -> bool:
    word = match.group()
    if len(word) < 3 or _whitelisted(word, known):
        return True
    # Part of a hyphenated compound, or cut short before "und" ("Gesundheits- und ...").
    if text[match.end() : match.end() + 1] == "-" or text[match.start() - 1 : match.start()] == "-":
        return True
    # Outside German, a capital inside a sentence marks a name the dictionary cannot know.
    starts_sentence = (
        not text[: match.start()].strip() or SENTENCE_END.search(text[: match.start()]) is not None
    )
    return language != "de" and word[0].isupper() and not starts_sentence


def _correction(checker: SpellChecker, word: str, language: str) -> str | None:
    """The likeliest known word one slip away from an unknown `word`; None if it looks right.

    A word with no known neighbour is more likely a name or a compound than a typo; one whose
    neighbour differs only by accents is most often a form the dictionary lacks ("ayudé").
    """
    lowered = word.lower()
    if checker.known(list(_lemmas(lowered, language))):
        return None
    for stem, ending in _stems(lowered, language):
        near = checker.known(checker.edit_distance_1(stem))
        if near:
            if any(_plain(option) == _plain(stem) for option in near):
                return None
            best = max(sorted(near), key=checker.word_usage_frequency) + ending
            return best[:1].upper() + best[1:] if word[:1].isupper() else best
    return None


def _lemmas(word: str, language: str) -> Iterator[str]:
    """The word and, in a dictionary of headwords only, the headwords it may be a form of."""
    yield word
    for ending, heads in INFLECTIONS.get(language, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            yield from (word[: -len(ending)] + head for head in heads)


def _stems(word: str, language: str) -> Iterator[tuple[str, str]]:
    """Where to look for a slip: the word, then (in a headword dictionary) its singular."""
    yield word, ""
    if language in INFLECTIONS:
        for ending in ("es", "s"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                yield word[: -len(ending)], ending


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
