"""Reading a job: its language, its words' stems, its lines, and nothing it says obeyed."""

from __future__ import annotations

import pytest

from resumate.ai.match.jobs import Requirement, clean, from_text
from resumate.ai.match.language import language_of, term_stems
from tests.ai.match.samples import NURSE_JOB, PFLEGE_JOB, VENTAS_JOB


@pytest.mark.parametrize(
    ("text", "language"),
    [(NURSE_JOB, "en"), (PFLEGE_JOB, "de"), (VENTAS_JOB, "es"), ("Python, SQL", "en")],
)
def test_the_language_is_told_by_its_stopwords(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    ("one", "other", "language"),
    [
        ("managed", "manage", "en"),
        ("Patientinnen", "Patienten", "de"),
        ("Kundinnen", "Kunden", "de"),
        ("ventas", "venta", "es"),
        ("atención a clientes", "atención al cliente", "es"),
    ],
)
def test_inflections_compare_equal(one: str, other: str, language: str) -> None:
    assert term_stems(one, language) == term_stems(other, language)


def test_names_keep_their_symbols() -> None:
    assert term_stems("C++ and node.js", "en") == ("c++", "node.js")


def test_control_and_invisible_characters_are_removed() -> None:
    assert (
        clean("Wound\u200b care\x00\x1b[31m\tand\u202etriage\r\n") == "Wound care[31m andtriage\n"
    )


def test_a_pasted_job_is_read_line_by_line_and_its_requirement_headings_count() -> None:
    job = from_text(NURSE_JOB)
    assert job.title == "Registered Nurse – Intensive Care Unit"
    assert job.requirements == [
        Requirement("We are looking for a registered nurse to join our ICU team.", False),
        Requirement("Provide patient care to critically ill patients", False),
        Requirement("Wound care, triage and medication administration", False),
        Requirement("Document care in electronic health records (Epic)", False),
        Requirement("Current BLS certification", True),
        Requirement("2 years of ICU nursing experience", True),
        Requirement("ACLS certification", False),
    ]


def test_a_line_saying_it_is_required_is_required_in_each_language() -> None:
    lines = "\n".join(
        ["- Must hold a licence", "- Führerschein zwingend erforderlich", "- Inglés imprescindible"]
    )
    assert [line.required for line in from_text(f"Driver\n{lines}").requirements] == [True] * 3


def test_a_long_paragraph_is_split_into_sentences() -> None:
    job = from_text("Nurse\nYou will triage patients. You will dress wounds! Do you chart?")
    assert [line.text for line in job.requirements] == [
        "You will triage patients.",
        "You will dress wounds!",
        "Do you chart?",
    ]


def test_a_job_stays_within_its_size_after_folding() -> None:
    # U+FDFA folds to 18 characters.
    assert len(from_text("\ufdfa" * 20_000).text) == 20_000
