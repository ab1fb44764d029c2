"""What each task asks the model, and what of the resume it sends: only the sections the task
needs, never contact details, and the job description fenced as untrusted data."""

from __future__ import annotations

import json
from typing import Any

from resumate.ai.fields import TextField, without_contact
from resumate.ai.generation.schemas import Style
from resumate.ai.guard.injection import DATA_NOTE, clean, fence
from resumate.ai.providers.base import Message, Prompt

SYSTEM = (
    "You help a person improve the wording of their resume. Never add a fact: no number, "
    "date, employer, school, job title, certificate or skill that the resume (or the person's "
    "own words, when given) does not already state."
)
STYLES: dict[Style, str] = {
    "stronger": "Start with a strong action verb and make the result clear; keep every fact.",
    "shorter": "Say the same in fewer words; keep every fact.",
    "formal": "Use a formal, professional tone; keep every fact.",
    "friendly": "Use a warm, friendly tone; keep every fact.",
    "grammar": "Fix only spelling, grammar and punctuation; change nothing else.",
}
# Keys no task needs inside a section's entries: links and places identify people too.
PRIVATE_KEYS = frozenset({"url", "email", "phone", "image", "location", "profiles"})
# What a tailored resume or a letter may draw on; the rest (references, meta) is never sent.
FACT_SECTIONS = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "projects",
)
# How much of the resume one prompt carries at most, so a huge document cannot run up a bill.
MAX_RESUME_CHARS = 16_000
MAX_FIELDS = 60


def rewrite(text: str, label: str, style: Style, instruction: str, max_tokens: int) -> Prompt:
    asked = [f"Rewrite this {label} of a resume. {STYLES[style]}"]
    if instruction.strip():
        asked.append(f"The person asks:\n{_quoted(instruction)}")
    asked.append(f"The text:\n{_quoted(text)}")
    asked.append('Answer as JSON: {"text": "<the rewritten text>"}')
    return _prompt("\n\n".join(asked), max_tokens)


def tailor(data: dict[str, Any], fields: list[TextField], job: str, max_tokens: int) -> Prompt:
    listed = "\n".join(f"- {field.path}: {field.text}" for field in fields)
    asked = (
        "Tailor this resume to the job below: rewrite the fields that can speak more directly "
        "to the job, using only facts the resume states. A skill or qualification the job asks "
        "for that the resume lacks must not be added. Change only fields listed, by their path; "
        "leave out fields you would keep.\n\n"
        f"The resume (read only):\n{_resume(data)}\n\n"
        f"Fields you may rewrite:\n{listed}\n\n"
        f"The job description:\n{fence(job)}\n\n"
        'Answer as JSON: {"changes": [{"path": "<a path listed above>", "new": "<new text>"}]}'
    )
    return _prompt(asked, max_tokens, untrusted=True)


def cover_letter(data: dict[str, Any], job: str, instruction: str, max_tokens: int) -> Prompt:
    asked = [
        "Write a cover letter for the job below from the resume below: three or four short "
        "paragraphs, under 350 words, starting with a greeting and ending before the signature. "
        "Use only facts the resume states; write no names, addresses or contact details.",
        f"The resume:\n{_resume(data)}",
        f"The job description:\n{fence(job)}",
    ]
    if instruction.strip():
        asked.append(f"The person asks:\n{_quoted(instruction)}")
    asked.append('Answer as JSON: {"text": "<the letter>"}')
    return _prompt("\n\n".join(asked), max_tokens, untrusted=True)


def suggest(entry: dict[str, Any], description: str, max_tokens: int) -> Prompt:
    shown = {key: value for key, value in entry.items() if key not in PRIVATE_KEYS}
    asked = (
        "Suggest up to four resume bullets for the entry below from the person's own "
        "description of what they did. Each bullet starts with an action verb, and uses only "
        "facts from the description or the entry.\n\n"
        f"The entry:\n{_json(shown)}\n\n"
        f"What the person did, in their words:\n{_quoted(description)}\n\n"
        'Answer as JSON: {"bullets": ["<bullet>", "<bullet>"]}'
    )
    return _prompt(asked, max_tokens)


def _prompt(asked: str, max_tokens: int, *, untrusted: bool = False) -> Prompt:
    system = f"{SYSTEM} {DATA_NOTE}" if untrusted else SYSTEM
    return Prompt((Message("system", system), Message("user", asked)), max_tokens=max_tokens)


def _quoted(text: str) -> str:
    """The person's own words or resume text: trusted, but cleaned of invisible characters."""
    return f'"""\n{clean(text)}\n"""'


def _resume(data: dict[str, Any]) -> str:
    """The resume as a provider may see it: the task's sections, no contact details."""
    view = without_contact(data)
    shown = {key: _private_out(view[key]) for key in FACT_SECTIONS if key in view}
    return _json(shown)[:MAX_RESUME_CHARS]


def _private_out(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _private_out(v) for k, v in value.items() if k not in PRIVATE_KEYS}
    if isinstance(value, list):
        return [_private_out(item) for item in value]
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
