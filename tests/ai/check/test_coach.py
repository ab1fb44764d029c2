"""The writing coach on English resumes: each finding's kind, path, message and suggestion."""

from __future__ import annotations

from datetime import date
from typing import Any

from resumate.ai.changes import apply_changes
from resumate.ai.check.finding import Finding
from resumate.ai.check.service import check
from tests.ai.check.resumes import clean, nurse, sales

TODAY = date(2026, 12, 1)
NO_NUMBER = "No number in this bullet: add a count, amount or result if you have one"
Row = tuple[str, str, str, str | None, str | None]


def rows(findings: list[Finding]) -> list[Row]:
    return [
        (f.path, f.kind, f.message, f.suggestion.new if f.suggestion else None, f.confirm)
        for f in findings
    ]


def coached(data: dict[str, Any]) -> list[Row]:
    return rows(check(data, None, TODAY))


def test_a_clean_resume_has_no_findings() -> None:
    assert coached(clean()) == []


def test_a_nurse_resume() -> None:
    summary = "Hard-working nurse and a true team player. I care for patients."
    assert coached(nurse()) == [
        (
            "basics.phone",
            "contact_missing",
            "No phone number or location: add at least one",
            None,
            None,
        ),
        (
            "basics.label",
            "contact_missing",
            'No headline: add the role you are, such as "Registered Nurse"',
            None,
            None,
        ),
        (
            "basics.summary",
            "first_person",
            'First person ("I"): resumes usually leave pronouns out',
            summary.replace("I care", "Care"),
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "Hard-working": show it with an example instead',
            "Nurse and a true team player. I care for patients.",
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "team player": show it with an example instead',
            None,
            None,
        ),
        (
            "work[0].highlights[0]",
            "weak_opener",
            'Weak opener "Responsible for": start with what you did',
            "The night rota of 14 nurses",
            None,
        ),
        (
            "work[0].highlights[1]",
            "weak_opener",
            'Weak opener "Helped": start with what you did',
            "Trained new staff on the Epic charting system",
            '"Helped train" → "Trained" may overstate your part: use it only if you led it',
        ),
        ("work[0].highlights[1]", "no_number", NO_NUMBER, None, None),
        ("work[0].highlights[2]", "no_number", NO_NUMBER, None, None),
        ("work[0].highlights[3]", "no_number", NO_NUMBER, None, None),
        (
            "work[0].highlights[3]",
            "too_short",
            "Short bullet (3 words): say what you did and what came of it",
            None,
            None,
        ),
        (
            "work[0].highlights[2]",
            "tense",
            '"Manage" is present tense in a role that ended',
            "Managed discharge planning with social workers",
            None,
        ),
        (
            "work[0].startDate",
            "date_gap",
            "11-month gap before this job, after Riverside Clinic ended (2020-01)",
            None,
            None,
        ),
    ]


def test_a_sales_resume() -> None:
    assert coached(sales()) == [
        (
            "basics.summary",
            "buzzword",
            'Cliché "Results-driven": show it with an example instead',
            "Seller who thinks outside the box.",
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "thinks outside the box": show it with an example instead',
            None,
            None,
        ),
        ("work[0].highlights[1]", "no_number", NO_NUMBER, None, None),
        (
            "work[0].highlights[2]",
            "buzzword",
            'Cliché "synergy": show it with an example instead',
            None,
            None,
        ),
        ("work[0].highlights[3]", "no_number", NO_NUMBER, None, None),
        (
            "work[0].highlights[3]",
            "too_long",
            "Long bullet (33 words): keep it under 30 words, one idea each",
            None,
            None,
        ),
        (
            "work[1].highlights[0]",
            "weak_opener",
            'Weak opener "Worked on": start with what you did',
            None,
            None,
        ),
        (
            "work[0].highlights[1]",
            "repeated_verb",
            '"Closed" opens 3 bullets: use another verb here',
            None,
            None,
        ),
        (
            "work[0].highlights[2]",
            "repeated_verb",
            '"Closed" opens 3 bullets: use another verb here',
            None,
            None,
        ),
        (
            "work[0].startDate",
            "date_overlap",
            "Overlaps Copperleaf by 6 months: fix the dates or say it was part-time",
            None,
            None,
        ),
    ]


def test_every_suggestion_applies_cleanly_and_changes_only_its_field() -> None:
    for data in (nurse(), sales()):
        for finding in check(data, None, TODAY):
            if finding.suggestion is None:
                continue
            outcome = apply_changes(data, [finding.suggestion])
            assert outcome.applied == [finding.suggestion], finding
            assert outcome.data != data


def test_nothing_is_applied_by_the_check() -> None:
    data = nurse()
    check(data, None, TODAY)
    assert data == nurse()


def test_we_is_dropped_only_with_a_question() -> None:
    data = {"basics": {"summary": "We shipped 3 apps. My team won 2 awards."}}
    [finding] = [f for f in check(data, None, TODAY) if f.kind == "first_person"]
    assert finding.message == 'First person ("We", "My"): resumes usually leave pronouns out'
    assert finding.suggestion is not None
    assert finding.suggestion.new == "Shipped 3 apps. My team won 2 awards."
    assert finding.confirm == 'Dropping "We" may claim the team\'s work as yours alone'


def test_a_pronoun_before_an_auxiliary_is_flagged_without_a_suggestion() -> None:
    data = {"basics": {"summary": "I am a nurse with 8 years on the ward."}}
    [finding] = [f for f in check(data, None, TODAY) if f.kind == "first_person"]
    assert finding.suggestion is None


def test_us_in_capitals_is_a_country_not_a_pronoun() -> None:
    data = {"basics": {"summary": "Sold 40 licences across the US and Canada."}}
    assert [f for f in check(data, None, TODAY) if f.kind == "first_person"] == []


def test_removing_an_adjective_mends_the_article() -> None:
    data = {"basics": {"summary": "A dynamic engineer with 5 years in fintech."}}
    [finding] = [f for f in check(data, None, TODAY) if f.kind == "buzzword"]
    assert finding.suggestion is not None
    assert finding.suggestion.new == "An engineer with 5 years in fintech."


def test_mixed_tense_in_a_current_role_flags_the_odd_one_out() -> None:
    data = {
        "work": [
            {
                "name": "Acme",
                "startDate": "2024-01",
                "highlights": ["Managed 4 sites", "Built 2 teams", "Leads 3 audits a year"],
            }
        ]
    }
    tense = [f for f in check(data, None, TODAY) if f.kind == "tense"]
    assert rows(tense) == [
        (
            "work[0].highlights[2]",
            "tense",
            'Mixed tense: "Leads" is present, the role\'s other bullets are past',
            "Led 3 audits a year",
            None,
        )
    ]


def test_past_bullets_in_a_current_role_are_fine() -> None:
    data = {
        "work": [
            {
                "name": "Acme",
                "startDate": "2024-01",
                "highlights": ["Managed 4 sites", "Built 2 teams"],
            }
        ]
    }
    assert [f for f in check(data, None, TODAY) if f.kind == "tense"] == []


def test_three_bullets_opening_with_an_article_are_not_a_repeated_verb() -> None:
    bullets = ["The 3 wards I ran", "The 40 beds we kept", "The 2 audits we passed"]
    data = {"work": [{"name": "Acme", "startDate": "2024-01", "highlights": bullets}]}
    assert [f for f in check(data, None, TODAY) if f.kind == "repeated_verb"] == []
