"""Dates as people write them: read as JSON Resume's ISO 8601, and written back in a language.

People type "March 2021", "Mar 2021", "03/2021", "3.2021", "2021" or "heute"; files say
"Sept. 2016", "'16" or "2016年3月". Each reading here has one clear meaning; anything else is
not guessed. Month names come from CLDR (through Babel) for every language a resume can be
written in, so "März 2016", "mars 2016" and "marzo de 2016" read as 2016-03. The editor's script
reads typed dates by the same rules, from the same words (`editor_words`).

Dates print by one of the theme's formats (`DATE_FORMATS`), each a CLDR skeleton or pattern in
the resume's language: "Mar 2021", "March 2021", "03/2021", "2021-03", "2021".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, get_args

from babel import Locale
from babel.dates import format_date, match_skeleton

from resumate.document.language import DEFAULT_LANGUAGE, LANGUAGES, locale, normalize
from resumate.document.theme import DateFormat

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
        "ahora", "atual", "atualmente", "hoje", "o presente", "em curso", "agora",
        "oggi", "attuale", "in corso", "ad oggi", "ad oggi in corso",
        # Dutch, Polish, Turkish
        "heden", "nu", "huidig", "tot heden", "vandaag", "obecnie", "teraz", "do dziś",
        "do teraz", "dzisiaj", "günümüz", "halen", "devam ediyor", "hâlâ", "bugün", "şimdi",
        # Russian, Ukrainian
        "настоящее время", "по настоящее время", "сейчас", "н.в", "по н.в", "наст. время",
        "теперь", "сегодня", "зараз", "дотепер", "теперішній час", "по теперішній час", "досі",
        "сьогодні",
        # Chinese, Japanese, Korean
        "至今", "现在", "現在", "目前", "今", "今天", "現在まで", "今日", "현재", "지금", "오늘",
        # Arabic, Hebrew
        "الآن", "حتى الآن", "حاليا", "حاليًا", "اليوم", "היום", "עד היום", "כעת", "הווה", "עכשיו",
    }
)  # fmt: skip
# Spellings CLDR leaves out that people write anyway.
EXTRA_MONTHS = {"sept": 9, "sep": 9, "june": 6, "july": 7, "mrz": 3}
# Words that sit between a month and a year: "marzo de 2016", "March of 2016".
FILLERS = frozenset({"de", "del", "of", "du", "van", "w", "в", "г", "года", "roku", "r"})
FIRST_YEAR, LAST_YEAR = 1000, 2999  # what the schema's pattern allows
SHOWN = 40  # the most of a text a message quotes

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
YEAR_ALONE = re.compile(r"^\d{4}$")

# How each theme date format prints a month and year: a CLDR skeleton, or for "iso" a pattern.
DATE_FORMATS: dict[DateFormat, str] = {
    "short": "yMMM",
    "long": "yMMMM",
    "numeric": "yMM",
    "iso": "yyyy-MM",
    "year": "y",
}
FORMAT_NAMES: dict[DateFormat, str] = {
    "short": "Short",
    "long": "Long",
    "numeric": "Numbers",
    "iso": "ISO 8601",
    "year": "Year only",
}
EXAMPLE = date(2021, 3, 1)

# Why a typed date cannot be stored; the editor's script words them the same (js/editor/dates.js).
TRY = " Pick a month from the calendar, or type a month and year."
NOT_A_MONTH = "“{word}” is not a month name."
NO_YEAR = "Add the year, like “{text} 2021”."
SHORT_YEAR = "Write the year in full, like 2021."
NO_SUCH_MONTH = "There is no month {month}: months go from 1 to 12."
NO_SUCH_DAY = "{year}-{month:02d} has no day {day}."
YEAR_RANGE = f"The year must be between {FIRST_YEAR} and {LAST_YEAR}."
NOW_ONLY_AT_THE_END = "“{text}” means ongoing, which only an end date can be."
UNREADABLE = "“{text}” does not read as a date."
AS_ISO = "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"


@dataclass(frozen=True)
class Reading:
    """What a typed date means: its ISO value ("" when empty or ongoing), or why it has none."""

    value: str | None
    ongoing: bool = False
    problem: str = ""


@cache
def month_names(language: str | None = None) -> dict[str, int]:
    """Every month name and abbreviation CLDR gives, lower-cased, that means one month only;
    the language's own names win over another language's spelling of a different month."""
    seen: dict[str, set[int]] = {}
    for each in LANGUAGES:
        for name, number in _months_of(each).items():
            seen.setdefault(name, set()).add(number)
    names = {name: numbers.pop() for name, numbers in seen.items() if len(numbers) == 1}
    own = _months_of(normalize(language) or DEFAULT_LANGUAGE) if language else {}
    return {**names, **EXTRA_MONTHS, **own}


def _months_of(language: str) -> dict[str, int]:
    months = Locale.parse(language, sep="-").months
    return {
        _word(name): number
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for number, name in months[context][width].items()
    }


def _word(text: str) -> str:
    return text.casefold().strip().rstrip(".")


def means_now(text: str) -> bool:
    """Whether an end date says the entry goes on ("present", "heute", "至今", ...)."""
    words = " ".join(text.casefold().replace("_", " ").split()).strip(" .!-–—()[]")
    return words in NOW_WORDS


def read_date(text: str, today: date | None = None, language: str | None = None) -> str | None:
    """The ISO date a written date means, when it means one; None when it does not.

    A year alone ("2016") is left to the caller: in running text it is more often not a date.
    """
    cleaned = " ".join(text.split())
    for pattern, order in NUMERIC:
        found = pattern.match(cleaned)
        if found:
            return _numeric(order, found.groups(), today or date.today())
    return _with_month_name(cleaned, today or date.today(), language)


def read_typed(
    text: str, *, end: bool = False, language: str | None = None, today: date | None = None
) -> Reading:
    """A date typed into the editor: ISO, a year alone, any form `read_date` reads, or, for an
    end date, a word for "until now" (which JSON Resume says by leaving the end date out)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return Reading("")
    if means_now(cleaned):
        if end:
            return Reading("", ongoing=True)
        return Reading(None, problem=NOW_ONLY_AT_THE_END.format(text=_shown(cleaned)))
    if YEAR_ALONE.match(cleaned):
        found = _iso(int(cleaned))
        return Reading(found) if found else Reading(None, problem=YEAR_RANGE)
    found = read_date(cleaned, today, language)
    if found is not None:
        return Reading(found)
    return Reading(None, problem=problem(cleaned, language, hint=TRY))


def problem(text: str, language: str | None = None, hint: str = "") -> str:
    """Why `text` is not a date, as specifically as its shape tells; `hint` follows where the
    shape tells nothing more than that."""
    digits = re.findall(r"\d+", text)
    numbers = [int(n) for n in digits]
    tokens = [token for token in re.split(r"[\s,./-]+", text) if token]
    words = [token for token in tokens if re.search(r"[^\W\d_]", token)]
    known = month_names(language).keys() | FILLERS
    unknown = [word for word in words if _word(word) not in known]
    if any(len(group) == 3 or len(group) > 4 for group in digits):
        return UNREADABLE.format(text=_shown(text)) + hint
    if unknown:
        lost = (
            NOT_A_MONTH.format(word=_shown(unknown[0]))
            if len(words) == 1
            else UNREADABLE.format(text=_shown(text))
        )
        return lost + hint
    if words and not any(len(str(n)) == 4 for n in numbers):
        return SHORT_YEAR if numbers else NO_YEAR.format(text=_shown(text))
    if not words and re.fullmatch(r"\d{1,2}[./-]\d{1,2}", text):
        return SHORT_YEAR
    year = next((n for n in numbers if n >= 100), None)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        return YEAR_RANGE
    small = [n for n in numbers if n < 100]
    if not words and year is not None and len(small) == 1 and small[0] > 12:
        return NO_SUCH_MONTH.format(month=small[0])
    if year is not None and len(small) == 2:
        month, day = (small[1], small[0]) if re.match(r"^\d{1,2}\.", text) else tuple(small)
        if not 1 <= month <= 12:
            return NO_SUCH_MONTH.format(month=month)
        return NO_SUCH_DAY.format(year=year, month=month, day=day)
    return UNREADABLE.format(text=_shown(text)) + hint


def date_mismatch(text: str) -> str:
    """Why the API refuses `text` as a date, with the value to send when it reads as one."""
    cleaned = " ".join(text.split())
    reading = read_typed(cleaned, end=True)
    if reading.ongoing:
        return f"{AS_ISO}; to say an entry is ongoing, leave its end date out"
    if reading.value:
        return f"{AS_ISO}: {reading.value} for “{_shown(cleaned)}”"
    return f"{AS_ISO}. {problem(cleaned)}" if cleaned else AS_ISO


def _shown(text: str) -> str:
    """What a message quotes of a text: a long one is cut (an API answer never echoes a page)."""
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _numeric(order: str, groups: tuple[str | None, ...], today: date) -> str | None:
    parts = [int(part) if part else None for part in groups if part is None or part.isdigit()]
    if order == "yy":
        return str(full_year(parts[0] or 0, today))
    if order == "my":
        return _iso(parts[1], parts[0])
    if order == "dmy":
        return _iso(parts[2], parts[1], parts[0])
    return _iso(*parts[:3])


def _with_month_name(text: str, today: date, language: str | None) -> str | None:
    """ "March 2016", "Sept. 2016", "15 mars 2016", "Mar '16", "marzo de 2016"."""
    names = month_names(language)
    tokens = [token for token in re.split(r"[\s,./-]+", text.casefold()) if token]
    months = [names[token] for token in tokens if token in names]
    rest = [token for token in tokens if token not in names and token not in FILLERS]
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
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
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


# Writing ----------------------------------------------------------------------------------------


def written(
    year: int, month: int | None, language: str = DEFAULT_LANGUAGE, style: DateFormat = "short"
) -> str:
    """A month and year (or a year alone) in one of the theme's formats, in the language."""
    place = locale(language)
    if month is None or style == "year":
        pattern = "yyyy" if style == "iso" else _pattern("y", place)
        return format_date(date(year, 1, 1), pattern, locale=place)
    when = date(year, month, 1)
    if style == "iso":
        return format_date(when, DATE_FORMATS["iso"], locale=place)
    return format_date(when, _pattern(DATE_FORMATS[style], place), locale=place)


@cache
def _pattern(skeleton: str, place: Locale) -> str:
    """The language's pattern for a skeleton; as CLDR asks, a nearest match that writes the
    month narrower than the skeleton ("M/y" for "yMM") is widened to it ("MM/y")."""
    patterns = place.datetime_skeletons
    if skeleton in patterns:
        return str(patterns[skeleton].pattern)
    nearest = str(patterns[match_skeleton(skeleton, patterns) or "yMMM"].pattern)
    return re.sub(r"(?<![ML])M(?![ML])", "MM", nearest) if skeleton == "yMM" else nearest


# What the editor's page carries -------------------------------------------------------------


def editor_words(language: object = None) -> dict[str, Any]:
    """The words the editor's script reads typed dates by: CLDR's month names, "until now"."""
    return {
        "months": month_names(normalize(language)),
        "now": sorted(NOW_WORDS),
        "fillers": sorted(FILLERS),
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


def format_examples(languages: object) -> dict[str, dict[str, str]]:
    """How each date format prints March 2021 in each language, for the Design tab's choice."""
    given = languages if isinstance(languages, list | tuple | dict) else ()
    tags = [tag for tag in given if isinstance(tag, str)] or [DEFAULT_LANGUAGE]
    return {
        tag: {
            style: f"{FORMAT_NAMES[style]} — {written(EXAMPLE.year, EXAMPLE.month, tag, style)}"
            for style in get_args(DateFormat)
        }
        for tag in tags
    }
