"""What the master resume and the person's own instruction state: the only sources of facts.

A fact in a proposal is stated when its value is among the source's figures or dates, or its
words appear in the source in order, compared in plain lower case and, for inflections
("designed" and "design"), by their stems in the resume's language.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from resumate.ai.fields import all_text, without_contact
from resumate.ai.guard.facts import WORD, Fact, key
from resumate.ai.guard.lexicon import language, plain
from resumate.ai.guard.numbers import Amount, When, dates, quantities
from resumate.ai.skills import find_skills

ENTRY = re.compile(r"^[A-Za-z]+\[\d+\]")
# Two letters are the initials of too many word pairs to prove anything (HR, QA, PM).
MIN_INITIALS = 3
SMALL_WORDS = frozenset({"of", "and", "the", "for", "de", "del", "der", "die", "und", "y", "la"})
STEMMERS = {"en": "english", "de": "german", "es": "spanish", "fr": "french"}


@cache
def _stemmer(lang: str) -> Any:
    # PyStemmer is a C extension without type information: imported by name, used as Any.
    stemmer = importlib.import_module("Stemmer")
    return stemmer.Stemmer(STEMMERS.get(lang, "english"))


def stems(text: str, lang: str) -> str:
    """A text's words as stems, one space apart, padded so a phrase is found whole."""
    words = [word.group() for word in WORD.finditer(plain(text))]
    return " " + " ".join(_stemmer(lang).stemWords(words)) + " "


@dataclass
class Figures:
    """The amounts and dates some texts state."""

    amounts: set[Amount] = field(default_factory=set)
    dates: list[When] = field(default_factory=list)

    def read(self, text: str, lang: str) -> None:
        spans = []
        for found in dates(text):
            self.dates.extend(found.dates)
            self.amounts.update(found.amounts)
            spans.append((found.start, found.end))
        for found in quantities(text, lang, spans):
            self.dates.extend(found.dates)
            self.amounts.update(found.amounts)

    def has(self, fact: Fact) -> bool:
        return self._has_date(fact) or self._has_amount(fact)

    def _has_date(self, fact: Fact) -> bool:
        return any(when.within(stated) for when in fact.dates for stated in self.dates)

    def _has_amount(self, fact: Fact) -> bool:
        values = {amount.value for amount in self.amounts}
        for amount in fact.amounts:
            if amount in self.amounts or (amount.unit == "" and amount.value in values):
                return True
            # A unit the source left out is no new fact: "cut costs by 40" is "by 40%". A
            # duration is: "5 years" needs five years in the resume, not five patients.
            plain_value = Amount(amount.value, "") in self.amounts
            if amount.unit in ("percent", "money") and plain_value:
                return True
        return False


@dataclass
class Source:
    language: str
    words: str = " "  # every text's `key`, " | " apart and padded
    stems: str = " "
    figures: Figures = field(default_factory=Figures)
    # Each entry's own figures ("work[2]"), the instruction's counted in every one.
    entries: dict[str, Figures] = field(default_factory=dict)
    contact: str = " "  # what contact-like text the prose and instruction hold
    skills: set[str] = field(default_factory=set)  # the skills it names, as `key`s
    initials: set[str] = field(default_factory=set)  # "wms" for "warehouse management system"

    @classmethod
    def of(cls, master: dict[str, Any], instruction: str = "") -> Source:
        """Everything the master resume states, anywhere in it, and the user's instruction."""
        by_entry = _texts_by_entry(master)
        texts = [text for group in by_entry.values() for text in group if text.strip()]
        if instruction.strip():
            texts.append(instruction)
        lang = language(" ".join(texts))
        source = cls(lang)
        keys = [key(text) for text in texts]
        source.words = " " + " | ".join(keys) + " "
        source.stems = " | ".join(stems(text, lang) for text in texts)
        for text in texts:
            source.skills.update(key(hit.term) for hit in find_skills(text))
            source.initials.update(_initials(key(text).split()))
            source.figures.read(text, lang)
        for entry, group in by_entry.items():
            figures = source.entries[entry] = Figures()
            for text in (*group, instruction):
                figures.read(text, lang)
        # Contact details may appear in a proposal only when the prose already had them
        # (a project's link): the person's own e-mail or phone is never sent to a model.
        open_texts = [*all_text(without_contact(master)), instruction]
        source.contact = " " + " | ".join(key(text) for text in open_texts) + " "
        return source

    def states(self, fact: Fact) -> bool:
        """Whether the source already states this fact."""
        if fact.kind == "contact":
            return f" {fact.key} " in self.contact
        if fact.kind in ("number", "date"):
            return self.figures.has(fact)
        if not fact.key:
            return True
        if f" {fact.key} " in self.words or stems(fact.text, self.language) in self.stems:
            return True
        if _acronym(fact.text) and fact.key in self.initials:
            return True
        return fact.kind == "skill" and self._has_parts(fact)

    def states_in(self, fact: Fact, path: str) -> bool:
        """Whether the entry `path` belongs to (a job, a project) states a figure or date;
        True for paths outside any entry (the summary may draw on the whole resume)."""
        entry = _entry(path)
        if entry is None or fact.kind not in ("number", "date"):
            return True
        return entry in self.entries and self.entries[entry].has(fact)

    def _has_parts(self, fact: Fact) -> bool:
        """Whether a many-word skill is a named skill and other words the source has."""
        words = fact.key.split()
        if len(words) < 2 or not any(word in self.skills for word in words):
            return False
        return all(stems(word, self.language) in self.stems for word in words)


def _entry(path: str) -> str | None:
    """ "work[2]" for "work[2].highlights[0]"; None for "basics.summary"."""
    match = ENTRY.match(path)
    return match.group() if match else None


def _texts_by_entry(master: dict[str, Any]) -> dict[str, list[str]]:
    """Every text of the resume grouped by entry ("work[2]"), the rest under its section."""
    groups: dict[str, list[str]] = {}
    for section, value in master.items():
        if isinstance(value, list):
            for index, item in enumerate(value):
                groups.setdefault(f"{section}[{index}]", []).extend(all_text(item))
        else:
            groups.setdefault(section, []).extend(all_text(value))
    return groups


def _acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= MIN_INITIALS and text.isupper() and " " not in text


def _initials(words: list[str]) -> set[str]:
    """The initials of every run of 3 to 6 words, with and without small words ("bill of
    lading" is BOL and BL): an acronym for words the resume spells out states nothing new."""
    found: set[str] = set()
    for size in range(MIN_INITIALS, 7):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            found.add("".join(word[0] for word in run))
            found.add("".join(word[0] for word in run if word not in SMALL_WORDS))
    return {initials for initials in found if len(initials) >= MIN_INITIALS}
