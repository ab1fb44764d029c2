"""The language a resume is written in: its headings, dates, fonts and direction follow it.

A resume's language is the one its design names (the Design tab's choice), else the one its
JSON Resume `meta.language` names, else the one its own text is written in when the script
tells (Japanese kana, Korean hangul, Chinese characters, Arabic, Hebrew, Cyrillic), else English.
Tags are BCP 47; what CLDR knows of each (its name, its direction) comes from Babel.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, get_args

from babel import Locale

Language = Literal[
    "en",
    "de",
    "fr",
    "es",
    "pt",
    "it",
    "nl",
    "pl",
    "ru",
    "uk",
    "tr",
    "ar",
    "he",
    "zh-Hans",
    "zh-Hant",
    "ja",
    "ko",
]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"
Direction = Literal["ltr", "rtl"]

# Region and script tags people write for a supported language.
ALIASES: dict[str, Language] = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hans-cn": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant",
    "iw": "he",
}
# How much text is enough to tell a language by its script.
SAMPLE_CHARS = 20_000
# The letters of each script that names a language (Latin names none; it is counted so that a
# Latin resume with a few Chinese or Arabic words stays English).
SCRIPT_LETTERS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
    "hebrew": re.compile(r"[\u05d0-\u05ea\ufb1d-\ufb4f]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "kana": re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff]"),
    "hangul": re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]"),
}
NAMED_BY_SCRIPT: dict[str, Language] = {"arabic": "ar", "hebrew": "he"}
# Letters Ukrainian writes and Russian does not.
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")


def normalize(tag: object) -> Language | None:
    """A supported language for a BCP 47 tag ("de-AT" → "de", "zh-TW" → "zh-Hant"), or None."""
    if not isinstance(tag, str) or not tag.strip():
        return None
    text = tag.strip().replace("_", "-")
    lowered = text.lower()
    by_lower = {language.lower(): language for language in LANGUAGES}
    if lowered in by_lower:
        return by_lower[lowered]
    if lowered in ALIASES:
        return ALIASES[lowered]
    primary = lowered.split("-")[0]
    if primary == "zh":
        return "zh-Hant" if "-hant" in lowered else "zh-Hans"
    return ALIASES.get(primary) or by_lower.get(primary)


def resume_language(data: dict[str, Any], chosen: object = None) -> Language:
    """The language a resume prints in: the design's choice, its `meta`, its script, English."""
    meta = data.get("meta")
    declared = meta.get("language") if isinstance(meta, dict) else None
    return normalize(chosen) or normalize(declared) or written_in(data) or DEFAULT_LANGUAGE


def direction(language: str) -> Direction:
    """ "rtl" for languages CLDR writes right to left (Arabic, Hebrew), else "ltr"."""
    return "rtl" if locale(language).character_order == "right-to-left" else "ltr"


@cache
def locale(language: str) -> Locale:
    return Locale.parse(language, sep="-")


@cache
def native_names() -> dict[Language, str]:
    """Each supported language in its own words ("Deutsch", "日本語"), for the Design tab."""
    names: dict[Language, str] = {}
    for language in LANGUAGES:
        name = locale(language).get_display_name(locale(language)) or language
        names[language] = name[:1].upper() + name[1:]
    return names


def written_in(data: dict[str, Any]) -> Language | None:
    """The language a resume's letters tell, when their script names one; None for Latin.

    It runs on every preview, so the letters of each script are counted by regular expression
    (in C), not looked up one by one.
    """
    text = sample_text(data)
    counts = {script: len(letters.findall(text)) for script, letters in SCRIPT_LETTERS.items()}
    han, kana, hangul = counts.pop("han"), counts.pop("kana"), counts.pop("hangul")
    counts["cjk"] = han + kana + hangul
    script = max(counts, key=lambda name: counts[name])
    if counts[script] == 0:
        return None
    if script == "cjk":
        # A few katakana brand names do not make Chinese text Japanese; kana in sentences do.
        if kana * 10 >= counts["cjk"]:
            return "ja"
        return "ko" if hangul * 2 >= counts["cjk"] else "zh-Hans"
    if script == "cyrillic":
        return "uk" if UKRAINIAN_LETTERS.search(text) else "ru"
    return NAMED_BY_SCRIPT.get(script)


def sample_text(data: dict[str, Any]) -> str:
    """The resume's own words, up to SAMPLE_CHARS, without addresses and dates."""
    parts: list[str] = []
    size = 0
    for text in strings(data):
        if "@" in text or "://" in text:
            continue
        parts.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    return " ".join(parts)[:SAMPLE_CHARS]


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "meta":
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
