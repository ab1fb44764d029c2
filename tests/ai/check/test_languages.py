"""The coach and the spelling checker on German and Spanish resumes."""

from __future__ import annotations

from datetime import date

from resumate.ai.check.service import check
from tests.ai.check.resumes import german_nurse, spanish_sales
from tests.ai.check.test_coach import NO_NUMBER, rows

TODAY = date(2026, 12, 1)


def test_a_german_nurse_resume() -> None:
    assert rows(check(german_nurse(), None, TODAY)) == [
        (
            "basics.summary",
            "first_person",
            'First person ("Ich"): resumes usually leave pronouns out',
            None,
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "Hochmotivierte": show it with an example instead',
            "Pflegekraft, echte Teamplayerin. Ich arbeite gern im Team.",
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "Teamplayerin": show it with an example instead',
            None,
            None,
        ),
        (
            "work[0].highlights[0]",
            "weak_opener",
            'Weak opener "Verantwortlich für": start with what you did',
            "Die Einarbeitung von 6 neuen Kollegen",
            None,
        ),
        (
            "work[0].highlights[1]",
            "weak_opener",
            'Weak opener "Half bei": start with what you did',
            None,
            None,
        ),
        ("work[0].highlights[1]", "no_number", NO_NUMBER, None, None),
        (
            "work[0].highlights[2]",
            "spelling",
            'Possible misspelling: "Statoin" (did you mean "Station"?)',
            "Betreute täglich 12 Patienten auf der Station",
            None,
        ),
    ]


def test_a_spanish_sales_resume() -> None:
    assert rows(check(spanish_sales(), None, TODAY)) == [
        (
            "basics.summary",
            "first_person",
            'First person ("Yo"): resumes usually leave pronouns out',
            "Profesional dinámica y orientada a resultados. Gestiono cuentas clave.",
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "dinámica": show it with an example instead',
            "Profesional y orientada a resultados. Yo gestiono cuentas clave.",
            None,
        ),
        (
            "basics.summary",
            "buzzword",
            'Cliché "orientada a resultados": show it with an example instead',
            None,
            None,
        ),
        (
            "work[0].highlights[0]",
            "weak_opener",
            'Weak opener "Responsable de": start with what you did',
            "La cartera de 35 clientes en Salesforce",
            None,
        ),
        (
            "work[0].highlights[1]",
            "weak_opener",
            'Weak opener "Ayudé a": start with what you did',
            None,
            None,
        ),
        ("work[0].highlights[1]", "no_number", NO_NUMBER, None, None),
        (
            "work[0].highlights[2]",
            "spelling",
            'Possible misspelling: "pacinetes" (did you mean "pacientes"?)',
            "Cerré contratos por 2 millones con nuevos pacientes",
            None,
        ),
    ]


def test_german_compounds_cut_short_are_not_misspellings() -> None:
    data = {"meta": {"language": "de"}, "basics": {"label": "Gesundheits- und Krankenpflegerin"}}
    assert [f for f in check(data, None, TODAY) if f.kind == "spelling"] == []


def test_spanish_plurals_and_verb_forms_are_known_words() -> None:
    data = {
        "meta": {"language": "es"},
        "basics": {"summary": "Gestioné pacientes y coordinamos familias en cuidados intensivos."},
    }
    assert [f for f in check(data, None, TODAY) if f.kind == "spelling"] == []


def test_the_design_language_decides_which_lists_apply() -> None:
    data = {"basics": {"summary": "Verantwortlich für 3 Stationen."}}
    english = check(data, None, TODAY)
    german = check(data, "de", TODAY)
    assert "weak_opener" not in [f.kind for f in english]
    assert "weak_opener" in [f.kind for f in german]
