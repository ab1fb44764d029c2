"""The four tasks: each builds its prompt from a loaded resume and turns the model's answer
into a proposal — originals filled in from the resume, unknown or unwritable paths dropped,
and everything checked by the guard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from resumate.ai.changes import Change
from resumate.ai.fields import PathError, prose_fields, value_at, writable
from resumate.ai.generation import prompts
from resumate.ai.generation.schemas import (
    BulletsAnswer,
    CoverLetterIn,
    EditsAnswer,
    Letter,
    LetterAnswer,
    Proposal,
    RewriteIn,
    SuggestIn,
    TailorIn,
    TextAnswer,
)
from resumate.ai.guard import check_changes, check_text
from resumate.ai.providers.base import Prompt
from resumate.document.labels import field_label
from resumate.errors import FieldError, ValidationFailed

A = TypeVar("A", bound=BaseModel)
# Where a cover letter's flags point: it is no field of the resume.
LETTER_PATH = "coverLetter"
# Output limits per task; the operator's max_output_tokens caps them all.
# A first line this short is the job's title, as the job match reads it too.
TITLE_WORDS = 8
OUTPUT_TOKENS = {"rewrite": 400, "suggest": 600, "tailor": 4000, "cover-letter": 1200}


@dataclass(frozen=True)
class Task(Generic[A]):
    """One call's prompt, the answer it asks for, and how that answer becomes the result."""

    name: str
    prompt: Prompt
    answer: type[A]
    finish: Callable[[A], Proposal | Letter]


def rewrite(data: dict[str, Any], asked: RewriteIn, max_tokens: int) -> Task[TextAnswer]:
    original = _text_at(data, asked.path)
    label = (field_label(asked.path) or "text").split(" · ")[-1].lower()
    prompt = prompts.rewrite(
        original, label, asked.style, asked.instruction, _limit("rewrite", max_tokens)
    )

    def finish(answer: TextAnswer) -> Proposal:
        new = answer.text.strip()
        changes = (
            [] if new == original.strip() else [Change(path=asked.path, original=original, new=new)]
        )
        return _proposal(changes, data, asked.instruction)

    return Task("rewrite", prompt, TextAnswer, finish)


def tailor(data: dict[str, Any], asked: TailorIn, max_tokens: int) -> Task[EditsAnswer]:
    fields = prose_fields(data)[: prompts.MAX_FIELDS]
    if not fields:
        raise ValidationFailed(
            "The resume has no summary or bullets to tailor yet.",
            fields=[FieldError(field="job", message="the resume has no text to tailor")],
        )
    prompt = prompts.tailor(data, fields, asked.job, _limit("tailor", max_tokens))

    listed = {field.path: field.text for field in fields}

    def finish(answer: EditsAnswer) -> Proposal:
        changes: dict[str, Change] = {}
        for edit in answer.changes:
            # Only the fields the prompt offered, each once; anything else is dropped.
            original = listed.get(edit.path)
            new = edit.new.strip()
            if original is None or edit.path in changes or new == original.strip():
                continue
            if not new and not edit.path.endswith("]"):
                continue  # only a bullet may be removed; a summary is never emptied
            changes[edit.path] = Change(path=edit.path, original=original, new=new)
        return _proposal(list(changes.values()), data, "")

    return Task("tailor", prompt, EditsAnswer, finish)


def cover_letter(data: dict[str, Any], asked: CoverLetterIn, max_tokens: int) -> Task[LetterAnswer]:
    prompt = prompts.cover_letter(
        data, asked.job, asked.instruction, _limit("cover-letter", max_tokens)
    )

    def finish(answer: LetterAnswer) -> Letter:
        text = answer.text.strip()
        flags = check_text(
            text, data, path=LETTER_PATH, instruction=asked.instruction, names=_job_title(asked.job)
        )
        return Letter(text=text, flags=flags)

    return Task("cover-letter", prompt, LetterAnswer, finish)


def suggest(data: dict[str, Any], asked: SuggestIn, max_tokens: int) -> Task[BulletsAnswer]:
    entries = data.get(asked.section)
    if not isinstance(entries, list) or asked.entry >= len(entries):
        raise ValidationFailed(fields=[FieldError(field="entry", message="names no entry")])
    entry = entries[asked.entry]
    if not isinstance(entry, dict):
        raise ValidationFailed(fields=[FieldError(field="entry", message="names no entry")])
    highlights = entry.get("highlights")
    count = len(highlights) if isinstance(highlights, list) else 0
    # Every new bullet names the place one past the last: each is added at the end in turn.
    path = f"{asked.section}[{asked.entry}].highlights[{count}]"
    prompt = prompts.suggest(entry, asked.description, _limit("suggest", max_tokens))

    def finish(answer: BulletsAnswer) -> Proposal:
        existing = {line.strip() for line in highlights or [] if isinstance(line, str)}
        bullets = dict.fromkeys(b.strip() for b in answer.bullets if b.strip() not in existing)
        changes = [Change(path=path, original="", new=bullet) for bullet in bullets if bullet]
        return _proposal(changes, data, asked.description)

    return Task("suggest", prompt, BulletsAnswer, finish)


def _job_title(job: str) -> list[str]:
    """The role a pasted job names on its first line, which a letter may address by name."""
    first = next((line.strip() for line in job.splitlines() if line.strip()), "")
    return [first] if len(first.split()) <= TITLE_WORDS else []


def _proposal(changes: list[Change], data: dict[str, Any], instruction: str) -> Proposal:
    return Proposal(changes=changes, flags=check_changes(changes, data, instruction=instruction))


def _limit(task: str, max_tokens: int) -> int:
    return min(OUTPUT_TOKENS[task], max_tokens)


def _current(data: dict[str, Any], path: str) -> str | None:
    """The text a model's edit replaces; None for a path that is no writable prose field."""
    if not writable(path):
        return None
    try:
        value = value_at(data, path)
    except PathError:
        return None
    return value if isinstance(value, str) else None


def _text_at(data: dict[str, Any], path: str) -> str:
    if not writable(path):
        raise ValidationFailed(
            fields=[FieldError(field="path", message="names no summary, description or bullet")]
        )
    text = _current(data, path)
    if text is None or not text.strip():
        raise ValidationFailed(
            fields=[FieldError(field="path", message="names no text to rewrite")]
        )
    return text
