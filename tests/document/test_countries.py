"""Countries by name: CLDR's names in the resume's language for the ISO codes documents keep."""

from __future__ import annotations

from resumate.document.countries import countries, country_name


def test_a_code_is_named_in_the_language() -> None:
    assert country_name("DE", "en") == "Germany"
    assert country_name("DE", "de") == "Deutschland"
    assert country_name("JP", "ja") == "日本"


def test_a_code_is_read_in_any_case_and_other_text_is_kept() -> None:
    assert country_name(" us ", "en") == "United States"
    assert country_name("Bavaria", "en") == "Bavaria"
    assert country_name(None, "en") == ""


def test_the_list_holds_countries_only_in_the_order_of_their_names() -> None:
    named = countries("en")
    assert {"DE", "US", "JP", "XK"} <= set(named)
    assert not {"001", "150", "EU", "ZZ", "UN"} & set(named)
    names = list(named.values())
    assert names.index("Åland Islands") < names.index("Albania")
