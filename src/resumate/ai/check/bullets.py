"""The coach's rules for one field's words: openers, numbers, length, clichés, pronouns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from resumate.ai.check.finding import Finding, capitalised, edit
from resumate.ai.check.tense import VERBS, past_tense
from resumate.ai.check.words import Cliche, Opener, Words
from resumate.ai.fields import TextField

LONGEST_WORDS = 30
LONGEST_CHARS = 220
SHORTEST_WORDS = 4
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
DIGIT = re.compile(r"\d")
# Auxiliaries after "I": "I am a nurse" cannot lose its "I".
AUXILIARIES = frozenset({"am", "was", "have", "had", "will", "would", "can", "could", "do", "did"})
ARTICLE_BEFORE = re.compile(r"\b([Aa]n?) $")
# Words that open bullets without being the verb: three bullets opening "The" are fine.
NOT_VERBS = frozenset(
    {
        "a", "an", "the", "and", "as", "at", "for", "in", "of", "on", "to", "with", "my", "our",
        "der", "die", "das", "ein", "eine", "mit", "für", "im", "el", "la", "los", "las", "un",
        "una", "con", "para", "en", "de",
    }
)  # fmt: skip


def field_findings(field: TextField, words: Words | None) -> Iterator[Finding]:
    """Every finding about one field's own text, in a fixed order."""
    if words is not None and field.kind != "label":
        yield from weak_opener(field, words.openers)
    if words is not None:
        yield from first_person(field, words)
        for cliche in words.cliches:
            yield from buzzword(field, cliche)
    if field.kind == "highlight":
        if words is not None:
            yield from no_number(field, words)
        yield from length(field)


def weak_opener(field: TextField, openers: tuple[Opener, ...]) -> Iterator[Finding]:
    for opener in openers:
        match = _opener_pattern(opener.phrase).match(field.text)
        if match is None:
            continue
        found = match.group(1)
        message = f'Weak opener "{found}": start with what you did'
        rest = field.text[match.end() :]
        if opener.fix == "remove":
            yield Finding(
                field.path, "weak_opener", message, edit(field.path, field.text, capitalised(rest))
            )
        elif opener.fix == "own_verb" and (verb := WORD.match(rest)) and verb.group() in VERBS:
            # "Helped migrate" → "Migrated" claims the whole of it: the user must say so.
            past = capitalised(past_tense(verb.group()))
            new = past + rest[verb.end() :]
            confirm = (
                f'"{found} {verb.group()}" → "{past}" may overstate your part: '
                "use it only if you led it"
            )
            yield Finding(
                field.path, "weak_opener", message, edit(field.path, field.text, new), confirm
            )
        else:
            yield Finding(field.path, "weak_opener", message)
        return


@cache
def _opener_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"\s*({re.escape(phrase)})(?!\w)\s*", re.IGNORECASE)


def no_number(field: TextField, words: Words) -> Iterator[Finding]:
    if DIGIT.search(field.text):
        return
    if any(word.lower() in words.numbers for word in WORD.findall(field.text)):
        return
    yield Finding(
        field.path,
        "no_number",
        "No number in this bullet: add a count, amount or result if you have one",
    )


def length(field: TextField) -> Iterator[Finding]:
    count = len(field.text.split())
    if count > LONGEST_WORDS or len(field.text) > LONGEST_CHARS:
        message = f"Long bullet ({count} words): keep it under {LONGEST_WORDS} words, one idea each"
        yield Finding(field.path, "too_long", message)
    elif count < SHORTEST_WORDS:
        message = f"Short bullet ({count} words): say what you did and what came of it"
        yield Finding(field.path, "too_short", message)


def buzzword(field: TextField, cliche: Cliche) -> Iterator[Finding]:
    for match in _cliche_pattern(cliche.phrase).finditer(field.text):
        found = match.group()
        message = f'Cliché "{found}": show it with an example instead'
        if cliche.removable:
            new = _without(field.text, match.start(), match.end())
            yield Finding(field.path, "buzzword", message, edit(field.path, field.text, new))
        else:
            yield Finding(field.path, "buzzword", message)


@cache
def _cliche_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE)


def _without(text: str, start: int, end: int) -> str:
    """The text with an adjective taken out, its spaces, list comma and article mended."""
    if text[end : end + 2] == ", ":
        end += 2
    elif text[end : end + 5].lower() == " and ":
        end += 5
    elif text[start - 2 : start] == ", ":
        start -= 2
    elif text[max(start - 5, 0) : start].lower() == " and ":
        start -= 5
    elif text[end : end + 1] == " ":
        end += 1
    elif start and text[start - 1] == " ":
        start -= 1
    head, tail = text[:start], text[end:]
    if article := ARTICLE_BEFORE.search(head):
        vowel = tail[:1].lower() in "aeiou"
        word = "an" if vowel else "a"
        head = (
            head[: article.start(1)]
            + (capitalised(word) if article.group(1)[0] == "A" else word)
            + " "
        )
    return head + capitalised(tail) if not head.strip() else head + tail


def first_person(field: TextField, words: Words) -> Iterator[Finding]:
    found = [word for word in WORD.findall(field.text) if _pronoun(word, words)]
    if not found:
        return
    named = ", ".join(f'"{word}"' for word in dict.fromkeys(found))
    message = f"First person ({named}): resumes usually leave pronouns out"
    pattern = _subject_pattern(tuple(sorted(words.subjects)))
    if not words.subjects or not pattern.search(field.text):
        yield Finding(field.path, "first_person", message)
        return
    new = pattern.sub(lambda m: m.group(1) + m.group(3).upper(), field.text)
    dropped = [m.group(2) for m in pattern.finditer(field.text)]
    plural = [word for word in dropped if word.lower() in words.plural_subjects]
    confirm = None
    if plural:
        confirm = f'Dropping "{plural[0]}" may claim the team\'s work as yours alone'
    yield Finding(field.path, "first_person", message, edit(field.path, field.text, new), confirm)


def _pronoun(word: str, words: Words) -> bool:
    lowered = word.lower()
    if lowered == "i" or lowered == "us":
        return word in ("I", "us")  # "US" is a country
    return lowered in words.pronouns


@cache
def _subject_pattern(subjects: tuple[str, ...]) -> re.Pattern[str]:
    """A subject pronoun opening a sentence, followed by a word that is not an auxiliary."""
    names = "|".join(re.escape(subject) for subject in subjects)
    auxiliaries = "|".join(AUXILIARIES)
    return re.compile(
        rf"(^\s*|[.!?]\s+)({names})\s+(?!(?:{auxiliaries})\b)([^\W\d_])", re.IGNORECASE
    )


def first_word(text: str) -> str | None:
    match = WORD.search(text)
    return match.group() if match is not None and match.start() <= 3 else None


def repeated_verbs(fields: list[TextField]) -> Iterator[Finding]:
    """Bullets opening with a word three or more bullets open with, after its first use."""
    bullets = [
        (field, word)
        for field in fields
        if field.kind == "highlight"
        if (word := first_word(field.text))
    ]
    counts: dict[str, int] = {}
    for _field, word in bullets:
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    seen: set[str] = set()
    for field, word in bullets:
        lowered = word.lower()
        if counts[lowered] >= 3 and lowered in seen and lowered not in NOT_VERBS:
            message = f'"{word}" opens {counts[lowered]} bullets: use another verb here'
            yield Finding(field.path, "repeated_verb", message)
        seen.add(lowered)
