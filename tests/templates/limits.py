"""A resume at the app's own size limits, to print with every template.

Every short field holds the longest unbroken string the app accepts (`MAX_SHORT_TEXT`): a
German compound repeated, an address with hyphens, an e-mail address of one piece. The first job
keeps an ordinary title beside a long company and location, the way people really fill it, so
a squeezed title column shows.
"""

from __future__ import annotations

from typing import Any

from resumate.document.fields import MAX_SHORT_TEXT

COMPOUND = "Donaudampfschifffahrtsgesellschaftskapitän"
TITLE = "Senior Platform Engineer"
LOCATION = (
    "Bahnhofstraße 1, Oberschleißheim bei München, Landkreis München, Regierungsbezirk "
    "Oberbayern, Freistaat Bayern, Bundesrepublik Deutschland"
)
COMPANY = (
    "Bayerische Landesanstalt für Landwirtschaft und Forsten, Abteilung für Informationstechnik "
    "und digitale Verwaltungsleistungen"
)
# The second job's title: one word as long as the app allows, starting with this.
LONG_TITLE_SEED = "Rechtsschutzversicherungsgesellschaftsangestellte"
FIRST_PARAGRAPH = "Builds platforms that teams like to use."
SECOND_PARAGRAPH = "Before that, ran the build farm of a large hardware maker."


def unbroken(length: int = MAX_SHORT_TEXT, seed: str = COMPOUND) -> str:
    """One word of `length` characters, made of `seed` repeated."""
    return (seed * (length // len(seed) + 1))[:length]


def hyphenated_url(length: int = MAX_SHORT_TEXT) -> str:
    """An address with hyphens in every part, as long as the app allows."""
    start = "https://www.long-company-name.example.com/careers/platform-engineering/"
    tail = "-".join(["continuous-delivery"] * (length // 20 + 1))
    return (start + tail)[:length].rstrip("-")


def email(length: int = MAX_SHORT_TEXT) -> str:
    domain = "@mail.long-domain-name.example.com"
    return unbroken(length - len(domain), "firstname.lastname-") + domain


def jobs() -> list[dict[str, Any]]:
    plain = {
        "position": TITLE,
        "name": COMPANY,
        "location": LOCATION,
        "url": hyphenated_url(),
        "description": unbroken(),
        "startDate": "2019-03",
        "summary": f"{FIRST_PARAGRAPH}\n\n{SECOND_PARAGRAPH}",
        "highlights": [unbroken(), "Cut build times in half."],
    }
    extreme = {
        "position": unbroken(seed=LONG_TITLE_SEED),
        "name": unbroken(),
        "location": unbroken(),
        "url": hyphenated_url(),
        "startDate": "2015-01",
        "endDate": "2019-02",
        "summary": unbroken(),
    }
    return [plain, extreme]


def at_the_limits() -> dict[str, Any]:
    """Long unbroken text in every field, long location, company, addresses and e-mail."""
    word = unbroken()
    return {
        "basics": {
            "name": "Maximiliane " + unbroken(60),
            "label": word,
            "email": email(),
            "phone": "+49 89 1234 5678",
            "url": hyphenated_url(),
            "summary": f"{FIRST_PARAGRAPH} {word}\n\n{SECOND_PARAGRAPH}",
            "location": {"address": word, "city": word, "countryCode": "DE"},
            "profiles": [{"network": "GitHub", "username": word, "url": hyphenated_url()}],
        },
        "work": jobs(),
        "volunteer": [
            {"organization": word, "position": word, "url": hyphenated_url(), "summary": word}
        ],
        "education": [
            {
                "institution": word,
                "area": word,
                "studyType": word,
                "score": word,
                "url": hyphenated_url(),
                "startDate": "2010",
                "endDate": "2014",
                "courses": [word],
            }
        ],
        "awards": [{"title": word, "awarder": word, "date": "2018-05", "summary": word}],
        "certificates": [{"name": word, "issuer": word, "url": hyphenated_url()}],
        "publications": [{"name": word, "publisher": word, "url": hyphenated_url()}],
        "skills": [{"name": word, "level": word, "keywords": [word]}],
        "languages": [{"language": word, "fluency": word}],
        "interests": [{"name": word, "keywords": [word]}],
        "references": [{"name": word, "reference": word}],
        "projects": [
            {
                "name": word,
                "description": word,
                "url": hyphenated_url(),
                "roles": [word],
                "entity": word,
                "type": word,
                "keywords": [word],
                "highlights": [word],
            }
        ],
    }
