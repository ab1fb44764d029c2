"""What the master resume and the person's own instruction state: the only sources of facts.

A fact in a proposal is stated when its value is among the source's figures or dates, or its
words appear in the source in order, compared in plain lower case and, for inflections
("designed" and "design"), by their stems in the resume's language.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from resumate.ai.fields import all_text, without_contact
from resumate.ai.guard.facts import WORD, Fact, key
from resumate.ai.guard.lexicon import language, plain
from resumate.ai.guard.numbers import Amount, When, dates, quantities
from resumate.ai.skills import find_skills

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
class Source:
    language: str
    words: str = " "  # every text's `key`, " | " apart and padded
    stems: str = " "
    amounts: set[Amount] = field(default_factory=set)
    dates: list[When] = field(default_factory=list)
    contact: str = " "  # what contact-like text the prose and instruction hold
    skills: set[str] = field(default_factory=set)  # the skills it names, as `key`s

    @classmethod
    def of(cls, master: dict[str, Any], instruction: str = "") -> Source:
        """Everything the master resume states, anywhere in it, and the user's instruction."""
        texts = [text for text in all_text(master) if text.strip()]
        if instruction.strip():
            texts.append(instruction)
        lang = language(" ".join(texts))
        source = cls(lang)
        keys = [key(text) for text in texts]
        source.words = " " + " | ".join(keys) + " "
        source.stems = " | ".join(stems(text, lang) for text in texts)
        for text in texts:
            source.skills.update(key(hit.term) for hit in find_skills(text))
            spans = []
            for found in dates(text):
                source.dates.extend(found.dates)
                source.amounts.update(found.amounts)
                spans.append((found.start, found.end))
            for found in quantities(text, lang, spans):
                source.dates.extend(found.dates)
                source.amounts.update(found.amounts)
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
            return self._has_date(fact) or self._has_amount(fact)
        if not fact.key:
            return True
        if f" {fact.key} " in self.words or stems(fact.text, self.language) in self.stems:
            return True
        return fact.kind == "skill" and self._has_parts(fact)

    def _has_parts(self, fact: Fact) -> bool:
        """Whether a many-word skill is a named skill and other words the source has."""
        words = fact.key.split()
        if len(words) < 2 or not any(word in self.skills for word in words):
            return False
        return all(stems(word, self.language) in self.stems for word in words)

    def _has_date(self, fact: Fact) -> bool:
        return any(when.within(stated) for when in fact.dates for stated in self.dates)

    def _has_amount(self, fact: Fact) -> bool:
        if fact.dates and not fact.amounts:
            return False
        values = {amount.value for amount in self.amounts}
        for amount in fact.amounts:
            # A unit the source left out is no new fact: "cut costs by 40" is "by 40%".
            if amount in self.amounts or Amount(amount.value, "") in self.amounts:
                return True
            if amount.unit == "" and amount.value in values:
                return True
        return False
