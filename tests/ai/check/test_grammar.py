"""Spelling and grammar: Harper for English, dictionaries for other languages, facts known."""

from __future__ import annotations

import harper

from resumate.ai.changes import apply_changes
from resumate.ai.check.grammar import dialect, spelling_and_grammar


def test_english_misspellings_and_grammar_with_harper_suggestions() -> None:
    bullet = "Recieved there requests from the the sales team"
    data = {"work": [{"name": "Acme", "highlights": [bullet]}]}
    found = [
        (f.kind, f.message, f.suggestion.new if f.suggestion else None)
        for f in spelling_and_grammar(data, "en")
    ]
    assert found == [
        (
            "spelling",
            'Possible misspelling: "Recieved" (did you mean "Received"?)',
            "Received there requests from the the sales team",
        ),
        (
            "grammar",
            '"there": Did you mean "their"?',
            "Recieved their requests from the the sales team",
        ),
        (
            "grammar",
            '"the the": Did you mean to repeat this word?',
            "Recieved there requests from the sales team",
        ),
    ]


def test_skills_names_employers_and_acronyms_are_not_misspellings() -> None:
    data = {
        "basics": {
            "name": "Maya Okafor",
            "summary": "Ran Kubernetes and PostgreSQL at Northwind for Okafor-Smith; ICU and CRM.",
        },
        "work": [{"name": "Northwind", "highlights": ["Tuned Terraform and gRPC for FY2023"]}],
        "skills": [{"name": "Tools", "keywords": ["Okafor-Smith"]}],
    }
    assert spelling_and_grammar(data, "en") == []


def test_a_spelling_suggestion_applies_cleanly() -> None:
    data = {"basics": {"summary": "Nurse with 8 yeers on the ward."}}
    [finding] = spelling_and_grammar(data, "en")
    assert finding.suggestion is not None
    outcome = apply_changes(data, [finding.suggestion])
    assert outcome.data["basics"]["summary"] == "Nurse with 8 years on the ward."


def test_british_resumes_are_checked_in_british_english() -> None:
    assert dialect({"basics": {"location": {"countryCode": "GB"}}}) == harper.Dialect.BRITISH
    assert dialect({"meta": {"language": "en-AU"}}) == harper.Dialect.AUSTRALIAN
    assert dialect({}) == harper.Dialect.AMERICAN
    british = {"basics": {"location": {"countryCode": "GB"}, "summary": "Organised 3 wards."}}
    assert spelling_and_grammar(british, "en") == []


def test_an_oxford_comma_is_a_choice_not_an_error() -> None:
    data = {"basics": {"summary": "Worked with nurses, doctors and families every day."}}
    assert spelling_and_grammar(data, "en") == []


def test_names_inside_a_spanish_sentence_are_not_checked() -> None:
    data = {"basics": {"summary": "Trabajé con Zorvanix en Madrid durante 3 años."}}
    assert spelling_and_grammar(data, "es") == []


def test_languages_without_a_dictionary_get_no_spelling_findings() -> None:
    data = {"basics": {"summary": "Zarządzałem zespołem 5 osób."}}
    assert spelling_and_grammar(data, "pl") == []
