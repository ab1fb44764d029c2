"""Reading facts: equal figures and dates compare equal however they are written."""

from __future__ import annotations

import pytest

from resumate.ai.guard.facts import read_facts
from resumate.ai.guard.numbers import Amount, When, readings


def amounts(text: str, language: str = "en") -> set[Amount]:
    return {amount for fact in read_facts(text, language) for amount in fact.amounts}


def whens(text: str) -> set[When]:
    return {when for fact in read_facts(text) for when in fact.dates}


@pytest.mark.parametrize("text", ["40%", "40 %", "40 percent", "forty percent"])
def test_percentages_written_any_way_are_one_amount(text: str) -> None:
    assert amounts(f"Cut costs by {text}.") == {Amount(40, "percent")}


@pytest.mark.parametrize(
    "text", ["$1.2M", "1.2 million dollars", "USD 1.2 million", "$1,200,000", "1.2m USD"]
)
def test_money_written_any_way_is_one_amount(text: str) -> None:
    assert amounts(f"Raised {text}.") == {Amount(1_200_000, "money")}


def test_foreign_number_words_and_separators_are_read() -> None:
    assert amounts("zwölf Patienten, 40 Prozent", "de") == {Amount(12, ""), Amount(40, "percent")}
    assert amounts("doce clientes, 1,5 millones de euros", "es") == {
        Amount(12, ""),
        Amount(1_500_000, ""),
    }
    assert readings("1.200") == {1.2, 1200.0}
    assert readings("1.234,5") == {1234.5}


@pytest.mark.parametrize(
    "text", ["2021-03", "03/2021", "March 2021", "Mar. 2021", "März 2021", "marzo de 2021"]
)
def test_a_month_written_any_way_is_one_date(text: str) -> None:
    assert whens(f"Since {text}.") == {When(2021, 3)}


def test_quarters_days_and_short_year_ranges_are_dates() -> None:
    assert whens("In Q3 2021") == {When(2021, quarter=3)}
    assert When(2021, quarter=3).within(When(2021, 8))
    assert whens("15 March 2021") == {When(2021, 3, 15)}
    assert whens("2019–21") == {When(2019), When(2021)}


def test_names_titles_and_acronyms_are_read_but_not_sentence_openers() -> None:
    facts = read_facts("Led the ICU team at St. Mary's Hospital as Head Nurse with Dana Scully.")
    assert [(fact.kind, fact.text) for fact in facts] == [
        ("name", "ICU"),
        ("organization", "St. Mary's Hospital"),
        ("title", "Head Nurse"),
        ("name", "Dana Scully"),
    ]


def test_a_title_case_line_is_not_read_as_names() -> None:
    facts = read_facts("Reduced Onboarding Time For New Hires By Half")
    assert [(fact.kind, fact.text) for fact in facts] == [("skill", "Onboarding")]
