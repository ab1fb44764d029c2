"""Words as a matcher compares them: the text's language, its stopwords, and Snowball stems.

"managed" and "manage", "ventas" and "venta", "Patientinnen" and "Patienten" compare equal
because both sides are cut to the stem their language's Snowball stemmer (PyStemmer) gives.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import Stemmer  # type: ignore[import-not-found]
from bm25s import stopwords as bm25s_stopwords  # type: ignore[import-untyped]

from resumate.ai.skills import TOKEN

# Language code → (Snowball algorithm, bm25s's stopword list).
LANGUAGES = {
    "en": ("english", "STOPWORDS_EN_PLUS"),
    "de": ("german", "STOPWORDS_GERMAN"),
    "es": ("spanish", "STOPWORDS_SPANISH"),
    "fr": ("french", "STOPWORDS_FRENCH"),
    "it": ("italian", "STOPWORDS_ITALIAN"),
    "pt": ("portuguese", "STOPWORDS_PORTUGUESE"),
    "nl": ("dutch", "STOPWORDS_DUTCH"),
}
DEFAULT_LANGUAGE = "en"
# Enough words to tell a language by its stopwords; more only costs time.
SAMPLE_WORDS = 2000
SPLIT = re.compile(r"[-/]")

_stemmers = threading.local()  # PyStemmer's stemmers are not safe to share between threads


@dataclass(frozen=True)
class Token:
    surface: str  # as written
    stem: str
    start: int
    end: int
    index: int  # its place among all the text's words, stopwords included


@cache
def stopwords(language: str) -> frozenset[str]:
    words: tuple[str, ...] = getattr(bm25s_stopwords, LANGUAGES[language][1])
    return frozenset(words)


@cache
def vocabulary() -> dict[str, dict[str, list[str]]]:
    """Our own word lists: job-advert boilerplate and skills outside software, by language."""
    text = resources.files(__package__).joinpath("data/vocabulary.toml").read_text("utf-8")
    loaded: dict[str, dict[str, list[str]]] = tomllib.loads(text)
    return loaded


@cache
def boilerplate(language: str) -> frozenset[str]:
    """Words a job advert uses that say nothing about the job (English ones too: adverts mix)."""
    lists = vocabulary()["boilerplate"]
    return frozenset(lists.get(language, [])) | frozenset(lists["en"])


def language_of(text: str) -> str:
    """The language whose stopwords the text uses most (English when none stand out)."""
    words = Counter(word.lower() for word in re.findall(r"[^\W\d_]+", text)[:SAMPLE_WORDS])
    counts = {
        code: sum(count for word, count in words.items() if word in stopwords(code))
        for code in LANGUAGES
    }
    best = max(counts, key=lambda code: (counts[code], code == DEFAULT_LANGUAGE))
    return best if counts[best] > 0 else DEFAULT_LANGUAGE


def stemmer(language: str) -> Stemmer.Stemmer:
    table: dict[str, Stemmer.Stemmer] | None = getattr(_stemmers, "table", None)
    if table is None:
        table = _stemmers.table = {}
    if language not in table:
        table[language] = Stemmer.Stemmer(LANGUAGES[language][0])
    return table[language]


def stems(words: list[str], language: str) -> list[str]:
    """Each word's stem; names like c++ or node.js are kept whole."""
    lowered = [word.lower() for word in words]
    cut: list[str] = stemmer(language).stemWords(lowered)
    result = [stem if word.isalpha() else word for word, stem in zip(lowered, cut, strict=True)]
    if language == "de":
        result = [_ungender(stem) for stem in result]
    return result


def tokens(text: str, language: str) -> list[Token]:
    """The text's words with their stems, stopwords left out (their places still counted)."""
    parts: list[tuple[str, int, int]] = []
    for match in TOKEN.finditer(text):
        offset = match.start()
        for piece in SPLIT.split(match.group()):
            if piece:
                start = text.index(piece, offset)
                parts.append((piece, start, start + len(piece)))
                offset = start + len(piece)
    cut = stems([piece for piece, _, _ in parts], language)
    stop = stopwords(language)
    return [
        Token(piece, stem, start, end, index)
        for index, ((piece, start, end), stem) in enumerate(zip(parts, cut, strict=True))
        if piece.lower() not in stop
    ]


def term_stems(term: str, language: str) -> tuple[str, ...]:
    """The stems a term is looked for by: "atención al cliente" → ("atencion", "client")."""
    return tuple(token.stem for token in tokens(term, language))


def contains(words: tuple[str, ...], stems: tuple[str, ...]) -> bool:
    """Whether the stems occur in the words, in order and next to each other."""
    size = len(stems)
    if size == 1:
        return stems[0] in words
    return any(words[index : index + size] == stems for index in range(len(words) - size + 1))


def content_stems(text: str, language: str) -> tuple[str, ...]:
    """The stems of the words that say what a line asks for, boilerplate ("years of
    experience") left out."""
    skip = boilerplate(language)
    return tuple(t.stem for t in tokens(text, language) if t.surface.lower() not in skip)


def _ungender(stem: str) -> str:
    # German feminine forms: "Patientinnen" stems to "patientinn", "Patienten" to "patient".
    if len(stem) >= 7 and stem.endswith("inn"):
        return stem[:-3]
    if len(stem) >= 8 and stem.endswith("in"):
        return stem[:-2]
    return stem
