"""The language a resume is written in: its headings, dates, fonts and direction follow it.

A resume's language is the one its design names (the Design tab's choice), else the one its
JSON Resume `meta.language` names, else the one its own text is written in when the script
tells (Japanese kana, Korean hangul, Chinese characters, Arabic, Hebrew, Cyrillic), else English.
Tags are BCP 47; what CLDR knows of each (its name, its direction) comes from Babel.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
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
    """The language a resume's letters tell, when their script names one; None for Latin."""
    scripts: Counter[str] = Counter()
    kana = hangul = 0
    ukrainian = 0
    for char in sample_text(data):
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        script = name.split(" ")[0]
        if script in ("HIRAGANA", "KATAKANA"):
            kana += 1
            script = "CJK"
        elif script == "HANGUL":
            hangul += 1
            script = "CJK"
        elif script == "CJK":
            pass
        elif script == "CYRILLIC" and char.lower() in "іїєґ":
            ukrainian += 1
        scripts[script] += 1
    if not scripts:
        return None
    script, _ = scripts.most_common(1)[0]
    if script == "CJK":
        # A few katakana brand names do not make Chinese text Japanese; kana in sentences do.
        if kana * 10 >= scripts["CJK"]:
            return "ja"
        return "ko" if hangul * 2 >= scripts["CJK"] else "zh-Hans"
    return {
        "ARABIC": "ar",
        "HEBREW": "he",
        "CYRILLIC": "uk" if ukrainian else "ru",
    }.get(script)


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
