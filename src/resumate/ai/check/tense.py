"""English bullets' tense, told by their opening verb, and a verb's past tense.

Only verbs the lists know are judged: a bullet opening with a noun or a rare verb has no tense
here, so it is never flagged by guesswork.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "present"]

# Verbs resumes open bullets with, in their base form (nursing, sales and office work too).
VERBS = frozenset(
    """
    achieve administer advise analyse analyze answer approve arrange assess audit automate
    build care chair close coach collaborate communicate compile conduct configure consolidate
    contribute coordinate create cut debug define deliver deploy design develop diagnose direct
    document draft drive edit educate enable engineer ensure establish evaluate exceed execute
    expand facilitate forecast generate grow guide handle hire host identify implement improve
    increase initiate install integrate interview introduce investigate launch lead maintain
    manage map market measure mentor migrate model monitor negotiate onboard operate optimise
    optimize organise organize oversee own partner perform pitch plan prepare present process
    produce program promote prospect provide publish recruit redesign reduce refactor release
    renew report research resolve respond restructure review rewrite run schedule scale secure
    sell serve set ship simplify solve source speak spearhead streamline supervise support
    teach test track train transform translate treat triage troubleshoot update upgrade use
    win work write
    """.split()  # noqa: SIM905 - a word list reads best as words
)
IRREGULAR = {
    "build": "built", "cut": "cut", "drive": "drove", "grow": "grew", "lead": "led",
    "oversee": "oversaw", "rewrite": "rewrote", "run": "ran", "sell": "sold", "set": "set",
    "speak": "spoke", "teach": "taught", "win": "won", "write": "wrote",
}  # fmt: skip
PAST = {IRREGULAR.get(verb) or "" for verb in VERBS} - {""}
VOWELS = "aeiou"
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def past_tense(verb: str) -> str:
    """ "migrate" → "migrated", "plan" → "planned", "lead" → "led" (lower case in and out)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        return verb[:-1] + "ied"
    if _doubles(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _doubles(verb: str) -> bool:
    """Short one-vowel verbs ending consonant-vowel-consonant double it: plan, ship, map."""
    vowels = sum(letter in VOWELS for letter in verb)
    return (
        len(verb) <= 4
        and vowels == 1
        and verb[0] not in VOWELS
        and verb[-1] not in VOWELS + "wxy"
        and verb[-2] in VOWELS
    )


def base_form(word: str) -> str | None:
    """The known verb a word is a form of ("manages" → "manage"), or None."""
    lowered = word.lower()
    for candidate in (lowered, lowered[:-1], lowered[:-2], lowered[:-3] + "y"):
        if candidate in VERBS and lowered in _forms(candidate):
            return candidate
    return None


def _forms(verb: str) -> set[str]:
    third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in VOWELS else verb + "s"
    if verb.endswith(("s", "sh", "ch", "x")):
        third = verb + "es"
    return {verb, third}


def tense_of(text: str) -> Tense | None:
    """The tense a bullet's first word tells: "Managed" past, "Manage(s)" present, else None."""
    match = WORD.search(text)
    if match is None or match.start() > 3:
        return None
    word = match.group().lower()
    if word in VERBS and word in PAST:  # "cut", "set": either tense
        return None
    if word in PAST or (word.endswith("ed") and _past_of_known(word)):
        return "past"
    if base_form(word) is not None:
        return "present"
    return None


def _past_of_known(word: str) -> bool:
    return any(past_tense(verb) == word for verb in VERBS if verb[:2] == word[:2])
