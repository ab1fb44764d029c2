"""The words that tell a job title from an employer, a school from a degree, in a header.

Templates print a job's title and employer in either order, and a school's degree before or
after the school; these small word lists (English, German, French, Spanish and the other
languages we print, lower-cased) say which is which when the style alone does not.
"""

from __future__ import annotations

import re
from functools import cache

TITLE_WORDS = (
    "engineer", "developer", "designer", "manager", "director", "lead", "head", "analyst",
    "consultant", "scientist", "architect", "specialist", "coordinator", "assistant", "associate",
    "intern", "officer", "administrator", "president", "founder", "co-founder", "owner", "editor",
    "writer", "teacher", "tutor", "nurse", "physician", "doctor", "accountant", "researcher",
    "professor", "lecturer", "technician", "operator", "representative", "agent", "advisor",
    "adviser", "executive", "chief", "vp", "ceo", "cto", "cfo", "coo", "cio", "programmer",
    "product owner", "scrum master", "student", "trainee", "apprentice", "volunteer", "partner",
    "principal", "staff", "fellow", "clerk", "supervisor", "strategist", "marketer", "recruiter",
    "mentor", "organizer", "organiser", "instructor", "coach", "sales", "support", "member",
    "ingenieur", "ingenieurin", "entwickler", "entwicklerin", "leiter", "leiterin", "berater",
    "beraterin", "referent", "referentin", "werkstudent", "werkstudentin", "praktikant",
    "praktikantin", "geschäftsführer", "geschäftsführerin", "mitarbeiter", "mitarbeiterin",
    "ingénieur", "ingénieure", "développeur", "développeuse", "chef", "responsable",
    "directeur", "directrice", "stagiaire", "chargé", "chargée", "ingeniero", "ingeniera",
    "desarrollador", "desarrolladora", "jefe", "jefa", "gerente", "analista", "consultor",
    "consultora", "diseñador", "diseñadora", "becario", "becaria", "sviluppatore", "progettista",
    "ontwikkelaar", "programista", "kierownik", "mühendis", "geliştirici", "инженер",
    "разработчик", "менеджер", "руководитель", "інженер", "розробник",
)  # fmt: skip
INSTITUTION_WORDS = (
    "university", "college", "school", "institute", "institut", "academy", "polytechnic",
    "conservatory", "seminary", "universität", "hochschule", "fachhochschule", "akademie",
    "gymnasium", "schule", "université", "école", "lycée", "universidad", "universidade",
    "escuela", "instituto", "colegio", "università", "politecnico", "universiteit",
    "hogeschool", "uniwersytet", "politechnika", "üniversitesi", "университет", "институт",
    "університет", "mit", "eth", "epfl", "ucl", "lse",
)  # fmt: skip
DEGREE_WORDS = (
    "bachelor", "master", "doctor", "doctorate", "phd", "ph.d", "msc", "m.sc", "bsc", "b.sc",
    "ba", "b.a", "ma", "m.a", "mba", "beng", "meng", "bs", "ms", "llb", "llm", "md", "mphil",
    "dphil", "associate", "diploma", "diplom", "certificate", "abitur", "licence", "licenciatura",
    "laurea", "magister", "staatsexamen", "ausbildung", "a-levels", "a levels", "gcse", "hnd",
    "bts", "dut", "máster", "grado", "doctorado", "mestrado", "doutorado", "специалист",
    "бакалавр", "магистр",
)  # fmt: skip
# Where a degree's kind ends and its subject begins, most telling first: "MSc, HCI",
# "BSc in Physics", "MA (Design)" ("Master of Arts" is one kind).
DEGREE_SPLITS = tuple(
    re.compile(pattern) for pattern in (r",\s+", r"\s+in\s+", r"\s+\(", r"\s+[–-]\s+")
)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def is_title(text: str) -> bool:
    return bool(_pattern(TITLE_WORDS).search(text))


def is_institution(text: str) -> bool:
    return bool(_pattern(INSTITUTION_WORDS).search(text))


def is_degree(text: str) -> bool:
    return bool(_pattern(DEGREE_WORDS).search(text))


def split_degree(text: str) -> tuple[str | None, str | None]:
    """A degree's kind and its subject: ("MSc", "Human-Computer Interaction")."""
    for pattern in DEGREE_SPLITS:
        parts = pattern.split(text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            kind, subject = parts[0].strip(), parts[1].strip()
            if pattern.pattern.endswith("\\("):
                subject = subject.removesuffix(")")
            if is_degree(subject) and not is_degree(kind):
                return subject, kind
            return kind, subject
    # "Bachelor Information Technology", "MSc Physics": the kind run into its subject.
    first, _, rest = text.partition(" ")
    if rest and is_degree(first) and not rest.lower().startswith(("of ", "in ", "degree")):
        return first, rest
    return (text, None) if is_degree(text) else (None, text)
