"""The coach's word lists per language: weak openers, first-person pronouns, clichés, numbers.

English is the fullest; German and Spanish carry the lists every rule needs. A language without
lists gets only the rules that need none (length, dates, contact details).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What the coach may propose for a weak opener: drop it ("Responsible for X" → "X"), turn
# "Helped <verb>" into the verb's past tense (asking first), or only point at it.
OpenerFix = Literal["remove", "own_verb", "none"]


@dataclass(frozen=True)
class Opener:
    phrase: str
    fix: OpenerFix


@dataclass(frozen=True)
class Cliche:
    phrase: str  # a regular expression, matched case-insensitively on whole words
    removable: bool  # an adjective that can go without breaking the sentence


@dataclass(frozen=True)
class Words:
    openers: tuple[Opener, ...]
    pronouns: frozenset[str]  # lower case; "I" is matched as written
    subjects: frozenset[str]  # pronouns a bullet can drop at its start ("I led" → "Led")
    plural_subjects: frozenset[str]  # dropping these claims the team's work as one's own
    cliches: tuple[Cliche, ...]
    numbers: frozenset[str]  # number words that make a bullet concrete without a digit


def _openers(fix: OpenerFix, *phrases: str) -> tuple[Opener, ...]:
    return tuple(Opener(phrase, fix) for phrase in phrases)


def _cliches(removable: bool, *phrases: str) -> tuple[Cliche, ...]:
    return tuple(Cliche(phrase, removable) for phrase in phrases)


ENGLISH = Words(
    openers=(
        *_openers("remove", "responsible for", "in charge of", "tasked with"),
        *_openers("own_verb", "helped to", "helped", "assisted in", "assisted with", "assisted"),
        *_openers(
            "none", "worked on", "was involved in", "involved in", "participated in",
            "duties included", "duties were", "was responsible for",
        ),
    ),
    pronouns=frozenset(
        {"i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "i'm", "i've"}
    ),
    subjects=frozenset({"i", "we"}),
    plural_subjects=frozenset({"we"}),
    cliches=(
        *_cliches(
            True, "results-driven", "results-oriented", "detail-oriented", "hard-working",
            "hardworking", "highly motivated", "self-motivated", "go-getting", "dynamic",
            "passionate", "seasoned", "world-class", "best-in-class", "cutting-edge",
        ),
        *_cliches(
            False, "synerg(?:y|ies|istic)", "team player", "go-getter", "self-starter",
            "think(?:s|ing)? outside (?:of )?the box", "out-of-the-box thinking",
            "proven track record", "works? well under pressure", "fast-paced environment",
            "wears? many hats", "move the needle", "thought leader", "game[- ]changer",
            "rock ?star", "ninja", "value[- ]add",
        ),
    ),
    numbers=frozenset(
        {
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
            "hundreds", "thousand", "thousands", "million", "millions", "billion", "dozen",
            "dozens", "double", "doubled", "doubling", "tripled", "half", "halved", "twice",
            "percent",
        }
    ),
)  # fmt: skip

GERMAN = Words(
    openers=(
        *_openers("remove", "verantwortlich für", "zuständig für"),
        *_openers(
            "none", "half bei", "half beim", "half mit", "habe geholfen", "geholfen bei",
            "mithilfe bei", "unterstützte bei", "unterstützung bei", "beteiligt an",
            "mitgewirkt an", "mitarbeit an", "arbeitete an",
        ),
    ),
    pronouns=frozenset(
        {
            "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines",
            "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
        }
    ),
    subjects=frozenset(),
    plural_subjects=frozenset(),
    cliches=(
        *_cliches(True, "hochmotiviert(?:e|er|es|en)?", "dynamisch(?:e|er|es|en)?"),
        *_cliches(
            False, "teamplayer(?:in)?", "synergien?", "über den tellerrand",
            "belastbar(?:keit)?", "zielorientiert(?:e|er|es|en)?",
            "ergebnisorientiert(?:e|er|es|en)?", "macher(?:in)?",
        ),
    ),
    numbers=frozenset(
        {
            "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
            "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig", "fünfzig", "hundert",
            "hunderte", "tausend", "tausende", "million", "millionen", "dutzend", "dutzende",
            "doppelt", "verdoppelt", "halbiert", "prozent",
        }
    ),
)  # fmt: skip

SPANISH = Words(
    openers=(
        *_openers(
            "remove", "responsable de", "encargado de", "encargada de", "a cargo de"
        ),
        *_openers(
            "none", "ayudé a", "ayudé con", "ayudé en", "ayudé", "ayudar a", "apoyé en",
            "colaboré en", "participé en", "trabajé en", "involucrado en", "involucrada en",
        ),
    ),
    pronouns=frozenset(
        {
            "yo", "mi", "mis", "mío", "mía", "míos", "mías", "conmigo", "nosotros",
            "nosotras", "nuestro", "nuestra", "nuestros", "nuestras",
        }
    ),
    subjects=frozenset({"yo"}),
    plural_subjects=frozenset(),
    cliches=(
        *_cliches(
            True, "altamente motivad[oa]s?", "dinámic[oa]s?", "apasionad[oa]s?",
            "proactiv[oa]s?",
        ),
        *_cliches(
            False, "sinergias?", "jugador(?:a)? de equipo", "orientad[oa]s? a (?:los )?resultados",
            "pensar fuera de la caja", "trabajo bajo presión",
        ),
    ),
    numbers=frozenset(
        {
            "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
            "diez", "once", "doce", "veinte", "treinta", "cincuenta", "cien", "cientos",
            "mil", "miles", "millón", "millones", "docena", "docenas", "doble", "duplicó",
            "duplicamos", "mitad", "ciento",
        }
    ),
)  # fmt: skip

WORDS: dict[str, Words] = {"en": ENGLISH, "de": GERMAN, "es": SPANISH}
