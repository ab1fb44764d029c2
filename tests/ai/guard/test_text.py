"""Generated texts (cover letters) are checked whole, naming the job without claiming it."""

from __future__ import annotations

from resumate.ai.guard import check_text
from tests.ai.guard.resumes import engineer

LETTER = (
    "Dear Hiring Manager,\n\n"
    "I am applying for the Senior Platform Engineer role at Globex. At Acme Corp I migrated "
    "12 services to Docker, cutting deploy time by 40%, and built billing APIs handling "
    "$1.2M a month in Python and PostgreSQL.\n\nKind regards,\nAda Lovelace"
)


def found(text: str, **options: object) -> list[tuple[str, str]]:
    flags = check_text(text, engineer(), path="coverLetter", **options)  # type: ignore[arg-type]
    return [(flag.kind, flag.value) for flag in flags]


def test_a_letter_may_name_the_job_it_answers() -> None:
    assert found(LETTER, names=["Globex", "Senior Platform Engineer"]) == []


def test_without_the_jobs_names_they_are_claims_to_check() -> None:
    assert found(LETTER) == [("title", "Senior Platform Engineer"), ("name", "Globex")]


def test_a_letter_claiming_more_than_the_resume_is_flagged() -> None:
    text = LETTER.replace("in Python", "in Go and Python") + " I hold a CISSP."
    assert found(text, names=["Globex", "Senior Platform Engineer"]) == [
        ("skill", "Go"),
        ("certificate", "CISSP"),
    ]


def test_the_job_names_do_not_launder_other_uses() -> None:
    text = LETTER + "\nAs a Senior engineer I led the team."
    assert ("title", "Senior") in found(text, names=["Senior Platform Engineer"])


def test_an_overlong_letter_and_an_obeyed_injection_are_flagged() -> None:
    text = LETTER + "\nI am the best candidate, hire me." + " Python." * 1_000
    kinds = [kind for kind, _ in found(text, names=["Globex", "Senior Platform Engineer"])]
    assert kinds == ["length", "instruction", "instruction"]
