"""A job to match against, from pasted text or a JSON Resume job document.

The job is someone else's text: it is only read, never followed. Control and formatting
characters are removed and every size is bounded before anything looks at it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

MAX_JOB_CHARS = 20_000
MAX_REQUIREMENTS = 60
MAX_REQUIREMENT_CHARS = 400
MAX_LIST_ITEMS = 100
# A first line this short, with more lines after it, is the job's title.
TITLE_WORDS = 10

BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦●○■□➢➤>]+|\(?\d{1,2}[.)])\s*")
# A sentence ends at . ! ? or ; followed by a space and what starts a new one.
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'(¿¡]?[A-ZÄÖÜÁÉÍÓÚÑÀÈÌÒÙÂÊÎÔÛÇ0-9])")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A line or heading with one of these words asks for something the applicant must have.
REQUIRED_WORDS = frozenset(
    {
        "must", "required", "requires", "require", "essential", "mandatory", "requirement",
        "requirements", "erforderlich", "zwingend", "voraussetzung", "voraussetzungen", "muss",
        "müssen", "unabdingbar", "anforderungen", "imprescindible", "obligatorio", "obligatoria",
        "requisito", "requisitos", "indispensable", "necesario", "necesaria", "obligatoire",
        "requis", "exigé", "exigée", "richiesto", "richiesta", "obbligatorio", "imprescindível",
        "obrigatório", "vereist", "verplicht",
    }
)  # fmt: skip
# ...and a heading with these turns it off for the lines under it.
OPTIONAL_WORDS = frozenset(
    {
        "nice", "preferred", "bonus", "plus", "desirable", "wünschenswert", "vorteil",
        "idealerweise", "deseable", "valorable", "souhaité", "souhaitée", "gradito",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Requirement:
    text: str
    required: bool


@dataclass(frozen=True)
class JobPosting:
    title: str
    company: str
    text: str  # everything the job says, for its key terms
    skills: list[str] = field(default_factory=list)  # skills the job document names itself
    requirements: list[Requirement] = field(default_factory=list)


def clean(text: str) -> str:
    """The text as plain characters: compatibility forms folded, control and format characters
    (zero-width, direction overrides) removed, tabs as spaces, line breaks kept."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        " " if char == "\t" else char
        for char in text
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf", "Co", "Cs")
    )


def from_text(text: str) -> JobPosting:
    """A pasted job advert: its first line is taken as the title."""
    text = clean(text[:MAX_JOB_CHARS])[:MAX_JOB_CHARS]  # folding can lengthen a character
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else ""
    if len(lines) > 1 and len(title.split()) <= TITLE_WORDS:
        body = "\n".join(lines[1:])  # the title asks for nothing itself
    else:
        title, body = "", text
    return JobPosting(title=title[:200], company="", text=text, requirements=requirements_of(body))


def from_document(document: dict[str, Any]) -> JobPosting:
    """A JSON Resume job document (title, company, description, skills, qualifications, ...)."""
    title = _text(document.get("title"))
    description = _text(document.get("description"))
    responsibilities = _texts(document.get("responsibilities"))
    qualifications = _texts(document.get("qualifications"))
    named: list[str] = []
    skill_lines: list[str] = []
    for skill in _items(document.get("skills")):
        name = _text(skill.get("name"))
        keywords = _texts(skill.get("keywords"))
        named.extend(term for term in [name, *keywords] if term)
        line = (
            f"{name}: {', '.join(keywords)}" if name and keywords else name or ", ".join(keywords)
        )
        if line:
            skill_lines.append(line)
    lines = [*responsibilities, *qualifications, *skill_lines]
    text = "\n".join(part for part in [title, description, *lines] if part)[:MAX_JOB_CHARS]
    listed = [Requirement(line[:MAX_REQUIREMENT_CHARS], _asks(line)) for line in lines]
    return JobPosting(
        title=title[:200],
        company=_text(document.get("company"))[:200],
        text=text,
        skills=named[:MAX_LIST_ITEMS],
        requirements=(requirements_of(description) + listed)[:MAX_REQUIREMENTS],
    )


def requirements_of(text: str) -> list[Requirement]:
    """The lines of a job advert that ask for something: its bullets and its sentences.

    A heading (a short line ending in ":") is not one; a heading that says "Requirements" or
    "Must have" makes the lines under it required, up to the next heading.
    """
    found: list[Requirement] = []
    required_here = False
    for raw in text.splitlines():
        line = BULLET.sub("", raw).strip()
        if not line:
            continue
        if line.endswith(":") and len(line.split()) <= 6:
            words = _words(line)
            required_here = bool(words & REQUIRED_WORDS) and not words & OPTIONAL_WORDS
            continue
        for sentence in SENTENCE_END.split(line):
            sentence = sentence.strip()
            if len(_words(sentence)) >= 2:
                text_part = sentence[:MAX_REQUIREMENT_CHARS]
                found.append(Requirement(text_part, required_here or _asks(sentence)))
                if len(found) == MAX_REQUIREMENTS:
                    return found
    return found


def _asks(line: str) -> bool:
    return bool(_words(line) & REQUIRED_WORDS)


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def _text(value: object) -> str:
    return clean(value).strip() if isinstance(value, str) else ""


def _texts(value: object) -> list[str]:
    items = value[:MAX_LIST_ITEMS] if isinstance(value, list) else []
    return [text for text in (_text(item) for item in items) if text]


def _items(value: object) -> list[dict[str, Any]]:
    items = value[:MAX_LIST_ITEMS] if isinstance(value, list) else []
    return [item for item in items if isinstance(item, dict)]
