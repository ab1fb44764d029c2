"""Dates as people write them in their files, read as the standard's YYYY, YYYY-MM or YYYY-MM-DD.

JSON Resume asks for ISO 8601, but files written by hand or by other tools say "Mar 2016",
"03/2016", "'16" or "heute". Each reading here has one clear meaning; anything else is left to
the caller to report. Month names come from CLDR (through Babel) for every language a resume
can be written in, so "März 2016", "mars 2016" and "marzo de 2016" read as 2016-03.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale

from resumate.document.language import LANGUAGES

# "Until now" as people write it in an end date, lower-cased, in the languages resumes use.
NOW_WORDS = frozenset(
    {
        # English
        "present", "now", "current", "currently", "today", "ongoing", "to date", "till date",
        "to present", "till now", "until now", "present day", "the present", "to now",
        # German
        "heute", "jetzt", "aktuell", "bis heute", "bis jetzt", "derzeit", "laufend", "dato",
        # French
        "actuel", "actuellement", "aujourd'hui", "aujourd’hui", "en cours", "à ce jour",
        "présent", "maintenant",
        # Spanish, Portuguese, Italian
        "presente", "actual", "actualidad", "la actualidad", "hoy", "actualmente", "en curso",
        "atual", "atualmente", "hoje", "o presente", "em curso",
        "oggi", "attuale", "in corso", "ad oggi", "ad oggi in corso",
        # Dutch, Polish, Turkish
        "heden", "nu", "huidig", "tot heden", "obecnie", "teraz", "do dziś", "do teraz",
        "günümüz", "halen", "devam ediyor", "hâlâ",
        # Russian, Ukrainian
        "настоящее время", "по настоящее время", "сейчас", "н.в", "по н.в", "наст. время",
        "теперь", "зараз", "дотепер", "теперішній час", "по теперішній час", "досі",
        # Chinese, Japanese, Korean
        "至今", "现在", "現在", "目前", "今", "現在まで", "현재", "지금",
        # Arabic, Hebrew
        "الآن", "حتى الآن", "حاليا", "حاليًا", "היום", "עד היום", "כעת", "הווה",
    }
)  # fmt: skip
# Spellings CLDR leaves out that people write anyway.
EXTRA_MONTHS = {"sept": 9, "sep": 9, "june": 6, "july": 7, "mrz": 3}
# Words that sit between a month and a year: "marzo de 2016", "March of 2016".
FILLERS = frozenset({"de", "del", "of", "du", "van", "w", "в", "г", "года", "roku", "r"})

NUMERIC = (
    # 2016-03-15T10:00:00Z and other timestamps: the date part
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+(Z|[+-][\d:]+)?$"), "ymd"),
    (re.compile(r"^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{4})[./-](\d{1,2})$"), "ym"),
    (re.compile(r"^(\d{1,2})[./-](\d{4})$"), "my"),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), "dmy"),
    (re.compile(r"^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월])?\s*(?:(\d{1,2})\s*[日일])?$"), "ymd"),
    (re.compile(r"^'(\d{2})$"), "yy"),
)


@cache
def month_names() -> dict[str, int]:
    """Every month name and abbreviation CLDR gives, lower-cased, that means one month only."""
    seen: dict[str, set[int]] = {}
    for language in LANGUAGES:
        months = Locale.parse(language.replace("-", "_")).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    seen.setdefault(_word(name), set()).add(number)
    names = {name: numbers.pop() for name, numbers in seen.items() if len(numbers) == 1}
    return {**names, **EXTRA_MONTHS}


def _word(text: str) -> str:
    return text.casefold().strip().rstrip(".")


def means_now(text: str) -> bool:
    """Whether an end date says the entry goes on ("present", "heute", "至今", ...)."""
    words = " ".join(text.casefold().replace("_", " ").split()).strip(" .!-–—()[]")
    return words in NOW_WORDS


def read_date(text: str, today: date | None = None) -> str | None:
    """The ISO date a written date means, when it means one; None when it does not."""
    cleaned = " ".join(text.split())
    for pattern, order in NUMERIC:
        found = pattern.match(cleaned)
        if found:
            return _numeric(order, found.groups(), today or date.today())
    return _with_month_name(cleaned, today or date.today())


def _numeric(order: str, groups: tuple[str | None, ...], today: date) -> str | None:
    parts = [int(part) if part else None for part in groups if part is None or part.isdigit()]
    if order == "yy":
        return str(full_year(parts[0] or 0, today))
    if order == "my":
        return _iso(parts[1], parts[0])
    if order == "dmy":
        return _iso(parts[2], parts[1], parts[0])
    return _iso(*parts[:3])


def _with_month_name(text: str, today: date) -> str | None:
    """ "March 2016", "Sept. 2016", "15 mars 2016", "Mar '16", "marzo de 2016"."""
    tokens = [token for token in re.split(r"[\s,./-]+", text.casefold()) if token]
    months = [month_names()[token] for token in tokens if token in month_names()]
    rest = [token for token in tokens if token not in month_names() and token not in FILLERS]
    if len(months) != 1:
        return None
    years = [token for token in rest if re.fullmatch(r"\d{4}|'\d{2}", token)]
    days = [token for token in rest if re.fullmatch(r"\d{1,2}", token)]
    if len(years) != 1 or len(days) > 1 or len(rest) != len(years) + len(days):
        return None
    year = years[0]
    number = full_year(int(year[1:]), today) if year.startswith("'") else int(year)
    return _iso(number, months[0], int(days[0]) if days else None)


def full_year(short: int, today: date) -> int:
    """A two-digit year: this century up to a few years ahead, else the last one ('98 → 1998)."""
    this_century = today.year // 100 * 100
    year = this_century + short
    return year if year <= today.year + 5 else year - 100


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None or not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
