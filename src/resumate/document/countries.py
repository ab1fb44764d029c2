"""Countries by name: `basics.location.countryCode` is an ISO 3166-1 code ("DE"); people read
and choose it by its name in the resume's language ("Germany", "Deutschland"), from CLDR."""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

from resumate.document.language import LANGUAGES, locale

# CLDR territory codes of two letters that are no country: unknown, private use, the EU, the
# eurozone, the United Nations, pseudo-locales.
NOT_COUNTRIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"})


@cache
def countries(language: str) -> dict[str, str]:
    """Every country's code and name in `language`, in the order of the names."""
    found: Locale = locale(language)
    named = {
        code: name
        for code, name in found.territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }
    return dict(sorted(named.items(), key=lambda item: sort_key(item[1])))


def sort_key(name: str) -> str:
    """ "Åland" beside "Aruba", not after "Zimbabwe"."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()


def country_name(code: object, language: str) -> str:
    """The country's name for an ISO code in any case ("de" → "Germany"); other text as it is."""
    text = str(code or "").strip()
    return countries(language).get(text.upper(), text)


def country_code(name: str) -> str | None:
    """The ISO code of a country named in full in any resume language ("Germany",
    "Deutschland", "Allemagne" → "DE"); None for a name that is no country or is ambiguous."""
    return _codes().get(name.strip().casefold())


@cache
def _codes() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for code, name in countries(language).items():
            seen.setdefault(name.casefold(), set()).add(code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}
