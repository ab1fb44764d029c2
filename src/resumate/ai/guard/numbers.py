"""Figures and dates in a text, each read to a value so equal ones compare equal however written.

"40%", "40 percent" and "40 %" are one amount; "$1.2M" and "1.2 million dollars" another;
"2021-03", "03/2021" and "March 2021" one date. A written form that could mean two values
("1.200" is 1.2 in English and 1200 in German) keeps both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from resumate.ai.guard.lexicon import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    TENS_EN,
    UNITS_EN,
    plain,
)

Unit = Literal["", "percent", "money"]


@dataclass(frozen=True)
class Amount:
    value: float
    unit: Unit


@dataclass(frozen=True)
class When:
    """A date as precise as it was written: a year, maybe a quarter, month and day."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None

    def within(self, other: When) -> bool:
        """Whether `other` states this date: same year, and every part this one names."""
        if self.year != other.year:
            return False
        if self.month is not None and other.month != self.month:
            return False
        if self.day is not None and other.day != self.day:
            return False
        if self.quarter is not None:
            quarter = other.quarter or (other.month and (other.month - 1) // 3 + 1)
            return quarter == self.quarter
        return True


@dataclass(frozen=True)
class Found:
    """A figure or date at [start, end) of the text, with every value it may mean."""

    kind: Literal["number", "date"]
    start: int
    end: int
    amounts: frozenset[Amount] = frozenset()
    dates: frozenset[When] = frozenset()


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


YEAR = r"(?:19|20)\d{2}"
MONTH_NUMBERS = {plain(name): number for name, number in MONTHS.items()}
MONTH_NAME = _alternation(sorted(set(MONTHS) | set(MONTH_NUMBERS)))
ISO_DATE = re.compile(rf"(?<![\w.])({YEAR})[-/](0[1-9]|1[0-2])(?:[-/](0[1-9]|[12]\d|3[01]))?(?!\w)")
DAY_FIRST = re.compile(rf"(?<![\w.])(\d{{1,2}})[./](\d{{1,2}})[./]({YEAR})(?![\w])")
MONTH_YEAR = re.compile(rf"(?<![\w.])(0?[1-9]|1[0-2])[./]({YEAR})(?!\w)")
NAMED_DATE = re.compile(
    rf"(?<!\w)(?:(\d{{1,2}})\.?\s+(?:de\s+)?)?({MONTH_NAME})\.?,?\s+"
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?:de\s+)?({YEAR})(?!\w)",
    re.IGNORECASE,
)
QUARTER = re.compile(rf"(?<!\w)(?:Q([1-4])|([1-4])Q)\s?[/'-]?\s?({YEAR})(?!\w)", re.IGNORECASE)
SHORT_RANGE = re.compile(rf"(?<![\w.])({YEAR})\s?[-–]\s?(\d{{2}})(?![\w.,%])")

MULTIPLIER = _alternation(list(MULTIPLIERS))
PERCENT = "%|" + _alternation(PERCENT_WORDS)
CURRENCY = _alternation(CURRENCY_WORDS) + "|[" + re.escape(CURRENCY_SIGNS) + "]"
QUANTITY = re.compile(
    rf"(?:(?P<sign>[{re.escape(CURRENCY_SIGNS)}]|(?<!\w)(?:usd|eur|gbp|chf)(?=[\s\d])))?\s?"
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<plus>\+)?"
    rf"(?:\s?(?P<mult>{MULTIPLIER})\.?(?!\w))?"
    rf"(?:\s?(?P<pct>{PERCENT})(?!\w))?"
    rf"(?:\s?(?P<cur>{CURRENCY})(?!\w))?",
    re.IGNORECASE,
)
SPELLED_EN = re.compile(
    rf"(?<!\w)({_alternation(list(TENS_EN))})-({_alternation(list(UNITS_EN))})(?!\w)",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FOLLOWING_UNIT = re.compile(rf"\s?(?:(?P<pct>{PERCENT})|(?P<cur>{CURRENCY}))(?!\w)", re.I)


def dates(text: str) -> Iterator[Found]:
    """The dates a text names, years alone included; overlapping forms read once."""
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def found(match: re.Match[str], *whens: When) -> Iterator[Found]:
        if free(match.start(), match.end()) and whens:
            taken.append((match.start(), match.end()))
            yield Found("date", match.start(), match.end(), dates=frozenset(whens))

    for match in NAMED_DATE.finditer(text):
        day = match.group(1) or match.group(3)
        month = MONTH_NUMBERS[plain(match.group(2))]
        day_number = int(day) if day and 1 <= int(day) <= 31 else None
        yield from found(match, When(int(match.group(4)), month, day_number))
    for match in ISO_DATE.finditer(text):
        year, month_text, day = match.groups()
        yield from found(match, When(int(year), int(month_text), int(day) if day else None))
    for match in DAY_FIRST.finditer(text):
        first, second, year = (int(part) for part in match.groups())
        options = [When(year, m, d) for d, m in ((first, second), (second, first)) if m <= 12]
        yield from found(match, *options)
    for match in MONTH_YEAR.finditer(text):
        yield from found(match, When(int(match.group(2)), int(match.group(1))))
    for match in QUARTER.finditer(text):
        quarter = int(match.group(1) or match.group(2))
        yield from found(match, When(int(match.group(3)), quarter=quarter))
    for match in SHORT_RANGE.finditer(text):
        start = int(match.group(1))
        end = start // 100 * 100 + int(match.group(2))
        if end > start and free(match.start(), match.end()):
            taken.append((match.start(), match.end()))
            yield Found("date", match.start(1), match.end(1), dates=frozenset({When(start)}))
            yield Found("date", match.start(2), match.end(2), dates=frozenset({When(end)}))


def quantities(text: str, language: str, skip: list[tuple[int, int]]) -> Iterator[Found]:
    """The figures a text states outside the `skip` spans (dates); a bare year is a date."""

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in skip)

    for match in QUANTITY.finditer(text):
        num = match.group("num")
        start = match.start("sign") if match.group("sign") else match.start("num")
        if not free(match.start("num"), match.end("num")):
            continue
        unit: Unit = "percent" if match.group("pct") else ""
        if match.group("sign") or match.group("cur"):
            unit = "money"
        bare = not (match.group("mult") or unit or match.group("plus"))
        if bare and re.fullmatch(YEAR, num):
            # A year, or a count like "2000 patients": both readings are kept.
            amounts = frozenset({Amount(int(num), "")})
            yield Found("date", start, match.end(), amounts, frozenset({When(int(num))}))
            continue
        scale = MULTIPLIERS.get(plain(match.group("mult") or "").rstrip("."), 1.0)
        amounts = frozenset(Amount(round(v * scale, 6), unit) for v in readings(num))
        yield Found("number", start, match.end(), amounts)
    yield from _spelled(text, language, free)


def _spelled(text: str, language: str, free: Callable[[int, int], bool]) -> Iterator[Found]:
    words = NUMBER_WORDS.get(language, NUMBER_WORDS["en"])
    taken: list[tuple[int, int]] = []
    if language == "en":
        for match in SPELLED_EN.finditer(text):
            tens = TENS_EN[match.group(1).lower()] + UNITS_EN[match.group(2).lower()]
            if not free(match.start(), match.end()):
                continue
            taken.append((match.start(), match.end()))
            yield _with_unit(text, match.start(), match.end(), tens)
    for match in WORD.finditer(text):
        value = words.get(match.group().lower())
        inside = any(s <= match.start() < e for s, e in taken)
        if value is not None and not inside and free(match.start(), match.end()):
            yield _with_unit(text, match.start(), match.end(), value)


def _with_unit(text: str, start: int, end: int, value: float) -> Found:
    after = FOLLOWING_UNIT.match(text, end)
    unit: Unit = ""
    if after:
        unit = "percent" if after.group("pct") else "money"
        end = after.end()
    return Found("number", start, end, frozenset({Amount(value, unit)}))


def readings(number: str) -> set[float]:
    """What a written number may mean: "1.200" is 1.2 or 1200, "1,5" is 1.5, "1,234.5" one."""
    digits = number.replace("\u00a0", ",").replace("\u202f", ",")
    marks = [char for char in digits if char in ".,"]
    if not marks:
        return {float(digits)}
    if len(set(marks)) == 2:
        decimal = marks[-1]
        whole, _, fraction = digits.rpartition(decimal)
        return {float(re.sub(r"[.,]", "", whole) + "." + fraction)}
    if len(marks) > 1:
        return {float(re.sub(r"[.,]", "", digits))}
    whole, fraction = re.split(r"[.,]", digits)
    as_decimal = float(f"{whole}.{fraction}")
    if len(fraction) == 3:
        return {as_decimal, float(whole + fraction)}
    return {as_decimal}
