"""German and Spanish proposals: the same guard, with their numbers, months and titles."""

from __future__ import annotations

from resumate.ai.changes import Change
from resumate.ai.guard import check_changes
from tests.ai.guard.resumes import nurse_de, sales_es

VIER = "Betreuung von bis zu vier beatmeten Patienten pro Schicht."
ZWOELF = "Einarbeitung von zwölf neuen Kolleginnen und Kollegen."
VENTAS = "Aumenté las ventas de la región un 25 % en 2022."
CARTERA = "Gestioné una cartera de 40 clientes."


def german(original: str, new: str) -> list[tuple[str, str]]:
    index = nurse_de()["work"][0]["highlights"].index(original)
    change = Change(path=f"work[0].highlights[{index}]", original=original, new=new)
    return [(flag.kind, flag.value) for flag in check_changes([change], nurse_de())]


def spanish(original: str, new: str, instruction: str = "") -> list[tuple[str, str]]:
    index = sales_es()["work"][0]["highlights"].index(original)
    change = Change(path=f"work[0].highlights[{index}]", original=original, new=new)
    found = check_changes([change], sales_es(), instruction=instruction)
    return [(flag.kind, flag.value) for flag in found]


def test_german_rephrasing_with_numbers_written_differently_is_accepted() -> None:
    assert german(VIER, "Versorgte pro Schicht bis zu 4 beatmete Patienten.") == []
    assert german(ZWOELF, "Arbeitete 12 neue Kolleginnen und Kollegen auf der Station ein.") == []


def test_german_invented_figures_dates_and_titles_are_flagged() -> None:
    assert german(VIER, "Betreuung von bis zu acht beatmeten Patienten pro Schicht.") == [
        ("number", "acht")
    ]
    assert german(ZWOELF, "Seit März 2016 Einarbeitung von zwölf neuen Kolleginnen.") == [
        ("date", "März 2016")
    ]
    assert german(ZWOELF, "Als Stationsleitung Einarbeitung von zwölf Kolleginnen.") == [
        ("title", "Stationsleitung")
    ]


def test_german_new_skill_certificate_and_employer_are_flagged() -> None:
    new = "Zertifizierung in ACLS, Einsatz am Vivantes Klinikum Neukölln."
    assert german(ZWOELF, new) == [
        ("certificate", "Zertifizierung"),
        ("certificate", "ACLS"),
        ("organization", "Vivantes Klinikum Neukölln"),
    ]


def test_spanish_rephrasing_keeps_percent_and_year() -> None:
    assert spanish(VENTAS, "En 2022 aumenté un 25 por ciento las ventas de la región.") == []
    assert spanish(CARTERA, "Gestioné una cartera de cuarenta clientes con Salesforce.") == []


def test_spanish_invented_metric_employer_and_title_are_flagged() -> None:
    assert spanish(VENTAS, "Aumenté las ventas de la región un 35 % en 2022.") == [
        ("number", "35 %")
    ]
    assert spanish(CARTERA, "Gestioné una cartera de 40 clientes del Banco Santander.") == [
        ("organization", "Banco Santander")
    ]
    assert spanish(CARTERA, "Como jefa de equipo, gestioné una cartera de 40 clientes.") == [
        ("title", "jefa de")
    ]


def test_spanish_fact_given_in_the_instruction_is_accepted() -> None:
    new = "Gestioné una cartera de 40 clientes y cerré 12 contratos en marzo de 2023."
    assert spanish(CARTERA, new) == [("number", "12"), ("date", "marzo de 2023")]
    instruction = "Añade que cerré 12 contratos en marzo de 2023."
    assert spanish(CARTERA, new, instruction) == []
