"""The terms a job asks for: named skills, our own skills outside software, its key words."""

from __future__ import annotations

from resumate.ai.match.jobs import from_document, from_text
from resumate.ai.match.keywords import job_terms


def terms(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(term.term, term.kind) for term in job_terms(from_text(text), language)]


def test_skills_outside_software_come_from_our_own_list() -> None:
    assert terms("Waiter\nTable service, food hygiene and cash handling.") == [
        ("table service", "skill"),
        ("food hygiene", "skill"),
        ("cash handling", "skill"),
        ("waiter", "keyword"),
    ]


def test_punctuation_parts_a_term() -> None:
    assert ("patient care", "skill") not in terms("Nurse\nAdvocate for the patient, care for all.")


def test_a_repeated_two_word_phrase_is_a_key_term_of_its_own() -> None:
    found = terms("Florist\nArrange wedding bouquets. Deliver wedding bouquets on time.")
    assert found[0] == ("wedding bouquets", "keyword")
    assert ("wedding", "keyword") not in found


def test_advert_boilerplate_is_no_term() -> None:
    found = terms("Baker\nStrong experience required. Competitive salary. Join our team!")
    assert found == [("baker", "keyword")]


def test_a_job_documents_own_skills_are_skills() -> None:
    job = from_document({"title": "Welder", "skills": [{"name": "TIG", "keywords": ["MIG"]}]})
    assert [(t.term, t.kind) for t in job_terms(job, "en")][:2] == [
        ("TIG", "skill"),
        ("MIG", "skill"),
    ]
