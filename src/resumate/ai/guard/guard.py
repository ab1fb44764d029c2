"""The provenance guard: a proposal may say nothing about the person the master resume does not.

Every figure, date, organisation, name, title, certificate and skill in a change's new text
must already be somewhere in the master resume (any field) or in the person's own instruction;
the job description is not a source. Removing a fact is fine; adding or changing one is
flagged. So are changes to fields no proposal may touch, text far longer than the field
allows, contact details, and text that obeys an instruction hidden in the job description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from resumate.ai.changes import Change
from resumate.ai.fields import writable
from resumate.ai.guard.facts import Fact, read_facts
from resumate.ai.guard.injection import INSTRUCTIONS
from resumate.ai.guard.source import Source
from resumate.document.labels import path_parts
from resumate.schemas import ApiModel

FlagKind = Literal[
    "number", "date", "organization", "title", "skill", "certificate", "name",
    "instruction", "length", "contact", "path",
]  # fmt: skip

# How long a proposal's text may be, by the field it goes into; texts that are no field of the
# resume (a cover letter) get TEXT_LIMIT.
LIMITS = {"highlights": 1_000, "summary": 2_000, "description": 2_000, "label": 200}
TEXT_LIMIT = 6_000
# A rewrite may grow its original at most this much: twice as long plus a sentence.
GROWTH = 300

# What a model writes when it follows the job text rather than the task: addresses to a
# screener, claims to be the best, talk about itself.
OBEYED = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:dear|attention|note to(?: the)?|hey|hello)\s+(?:ai|a\.i\.|screening (?:ai|system"
        r"|software|tool)|ats|chatgpt|assistant|language model|bot)\b",
        r"\b(?:attention|note to(?: the)?|hey|hello)\s+(?:recruiters?|screeners?"
        r"|hiring managers?)\b",
        r"\bas an? (?:ai|a\.i\.|language model|large language model|llm|assistant)\b",
        r"\b(?:i am|i'm) (?:an? )?(?:ai|language model|assistant|chatbot)\b",
        r"\bhire (?:me|this (?:candidate|person|applicant))\b",
        r"\b(?:i am|i'm|is) the (?:best|perfect|ideal|strongest|top) (?:candidate|applicant|fit)\b",
        r"\bthe best (?:candidate|applicant)s? (?:you|we|they) (?:have|'ve) ever\b",
        r"\b(?:ignore|disregard)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules)\b",
        r"\b(?:stellen sie mich ein|ich bin (?:der beste|die beste) (?:kandidat|kandidatin|bewerber"
        r"|bewerberin)|als (?:ki|sprachmodell))\b",
        r"\b(?:contrátame|contrátenme|contraten(?:me)?|(?:soy|es) (?:el mejor candidato|la mejor "
        r"candidata)|como (?:ia|modelo de lenguaje))\b",
        r"<<<|>>>|UNTRUSTED_TEXT",
    )
]


class Flag(ApiModel):
    """A fact or a risk in a proposal the person must look at; blocking ones need their yes."""

    path: str
    kind: FlagKind
    value: str
    message: str
    blocking: bool = True


def check_changes(
    changes: Sequence[Change], master_data: dict[str, Any], *, instruction: str = ""
) -> list[Flag]:
    """Every flag for a list of proposed changes, against the master resume's facts."""
    source = Source.of(master_data, instruction)
    flags: list[Flag] = []
    for change in changes:
        if not writable(change.path):
            message = "The assistant may not change this field: it holds a fact, not prose."
            flags.append(Flag(path=change.path, kind="path", value=change.path, message=message))
            continue
        limit = min(_field_limit(change.path), 2 * len(change.original.strip()) + GROWTH)
        flags.extend(_checked(change.path, change.new, source, limit))
    return flags


def check_text(
    text: str,
    master_data: dict[str, Any],
    *,
    path: str,
    instruction: str = "",
    names: Iterable[str] = (),
) -> list[Flag]:
    """Every flag for a generated text (a cover letter) as a whole.

    `names` are the hiring organisation's and the role's names as the job states them: a
    letter may address them without claiming them, so they are read as spelled out, not as
    facts about the person. Any other use of their words is checked as usual.
    """
    source = Source.of(master_data, instruction)
    visible = text
    for name in (name for name in names if name.strip()):
        pattern = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)
        visible = pattern.sub(lambda match: " " * len(match.group()), visible)
    limit = _field_limit(path) if writable(path) else TEXT_LIMIT
    # Blanked names keep every offset, so flags read the same words the text has.
    return _checked(path, visible, source, limit)


def _checked(path: str, text: str, source: Source, limit: int) -> list[Flag]:
    flags: list[Flag] = []
    if len(text.strip()) > limit:
        message = f"This text is {len(text.strip()):,} characters; at most {limit:,} fit here."
        flags.append(Flag(path=path, kind="length", value=str(len(text.strip())), message=message))
    seen: set[tuple[str, str]] = set()
    for fact in read_facts(text, source.language):
        if (fact.kind, fact.key) in seen:
            continue
        seen.add((fact.kind, fact.key))
        if not source.states(fact):
            flags.append(Flag(path=path, kind=fact.kind, value=fact.text, message=_message(fact)))
        elif not source.states_in(fact, path):
            # Stated, but by another job or project: moved figures are the subtle invention.
            message = (
                f"“{fact.text}” is in your resume, but not in this entry. "
                "Keep it only if it belongs here."
            )
            flag = Flag(path=path, kind=fact.kind, value=fact.text, message=message)
            flags.append(flag.model_copy(update={"blocking": False}))
    for phrase in _obeyed(text):
        message = (
            f"“{phrase}” reads like an instruction from the job text or a note to a reader, "
            "not like your resume. Remove it."
        )
        flags.append(Flag(path=path, kind="instruction", value=phrase, message=message))
    return flags


def _obeyed(text: str) -> list[str]:
    phrases = [m.group() for pattern in (*OBEYED, *INSTRUCTIONS) for m in pattern.finditer(text)]
    return list(dict.fromkeys(phrases))


def _message(fact: Fact) -> str:
    quoted = f"“{fact.text}”"
    match fact.kind:
        case "number":
            return f"{quoted} is not a figure in your resume. Keep it only if it is true."
        case "date":
            return f"{quoted} is not a date in your resume. Dates may not change."
        case "contact":
            return f"{quoted} is contact information; it does not belong in this text."
        case "title":
            return f"{quoted} is not a title in your resume. Add it only if it is true."
        case "certificate":
            return f"{quoted} is not a certificate in your resume. Add it only if it is true."
        case "organization" | "name":
            return f"{quoted} is not named in your resume. Add it only if it is true."
        case _:
            return f"{quoted} is not in your resume. Add it only if it is true."


def _field_limit(path: str) -> int:
    parts = path_parts(path)
    named = [part for part in parts if isinstance(part, str)]
    return LIMITS.get(named[-1], TEXT_LIMIT) if named else TEXT_LIMIT
