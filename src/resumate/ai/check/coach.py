"""The writing coach: what a careful reader would point out in a resume, with no model.

Each finding names its field by path and says in one line what was found. Where an edit is
safe it carries one as a `Change` the user may accept; where the edit could change what the
resume claims ("Helped migrate" → "Migrated") it also says why to ask first. Nothing is
applied here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from resumate.ai.check.bullets import field_findings, first_word, repeated_verbs
from resumate.ai.check.contact import contact_findings
from resumate.ai.check.dates import date_findings, months
from resumate.ai.check.finding import Finding, capitalised, edit
from resumate.ai.check.tense import VERBS, Tense, base_form, past_tense, tense_of
from resumate.ai.check.words import WORDS
from resumate.ai.fields import TextField, prose_fields

TIMED_SECTIONS = ("work", "volunteer", "projects")


def coach(data: dict[str, Any], language: str, today: date) -> list[Finding]:
    """Every coach finding for a resume written in `language`, as of `today`."""
    words = WORDS.get(language)
    fields = prose_fields(data)
    findings = list(contact_findings(data))
    for field in fields:
        findings.extend(field_findings(field, words))
    if words is not None:
        findings.extend(repeated_verbs(fields))
    if language == "en":
        findings.extend(tense_findings(data, fields, today))
    findings.extend(date_findings(data, today))
    return findings


def tense_findings(data: dict[str, Any], fields: list[TextField], today: date) -> Iterator[Finding]:
    """Present tense in a role that ended; the odd tense out in a role that goes on."""
    for section in TIMED_SECTIONS:
        entries = data.get(section)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            bullets = [
                (field, tense)
                for field in fields
                if field.section == section and field.entry == index and field.kind == "highlight"
                if (tense := tense_of(field.text)) is not None
            ]
            if _ended(entry, today):
                wrong: Tense = "present"
                yield from (
                    _finding(field, "{word} is present tense in a role that ended", "past")
                    for field, tense in bullets
                    if tense == wrong
                )
            else:
                yield from _mixed(bullets)


def _ended(entry: object, today: date) -> bool:
    """Whether a role ended before this month (a year alone ends in its December)."""
    end = months(entry.get("endDate")) if isinstance(entry, dict) else None
    return end is not None and end.last < today.year * 12 + today.month - 1


def _mixed(bullets: list[tuple[TextField, Tense]]) -> Iterator[Finding]:
    past = sum(tense == "past" for _field, tense in bullets)
    present = len(bullets) - past
    if not past or not present:
        return
    usual: Tense = "past" if past >= present else "present"
    for field, tense in bullets:
        if tense != usual:
            reason = f"Mixed tense: {{word}} is {tense}, the role's other bullets are {usual}"
            yield _finding(field, reason, usual)


def _finding(field: TextField, reason: str, wanted: Tense) -> Finding:
    word = first_word(field.text) or ""
    verb = base_form(word) or next((v for v in VERBS if past_tense(v) == word.lower()), None)
    suggestion = None
    if verb is not None:
        form = past_tense(verb) if wanted == "past" else verb
        start = field.text.index(word)
        new = field.text[:start] + _cased(form, word) + field.text[start + len(word) :]
        suggestion = edit(field.path, field.text, new)
    message = reason.format(word=f'"{word}"')
    return Finding(field.path, "tense", capitalised(message), suggestion)


def _cased(form: str, like: str) -> str:
    return capitalised(form) if like[:1].isupper() else form
