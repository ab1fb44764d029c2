"""Words the guard reads facts by: months, number words, units, titles and certificates.

English, German, Spanish and French where the output languages need them; lower case, accents
kept (lookups strip them with `plain`).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from spellchecker import SpellChecker

MONTHS: dict[str, int] = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    # French
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip

# Number words from two up: "one", "ein", "un" are articles as often as numbers.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "double": 2, "doubled": 2,
        "tripled": 3, "twice": 2,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
        "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
        "vierzig": 40, "fünfzig": 50, "hundert": 100, "verdoppelt": 2, "doppelt": 2,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30,
        "cuarenta": 40, "cincuenta": 50, "cien": 100, "duplicó": 2, "duplicado": 2,
    },
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30, "cent": 100,
    },
}  # fmt: skip
TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}  # fmt: skip
UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9}  # fmt: skip

# Words that make a figure larger: "1.2 million", "5k", "3 Mio.", "4 mil" (Spanish thousand).
MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "tausend": 1e3, "tsd": 1e3, "mil": 1e3, "mille": 1e3,
    "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6, "mio": 1e6,
    "millionen": 1e6, "millón": 1e6, "millones": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
    "billions": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9,
}  # fmt: skip
PERCENT_WORDS = ("percent", "per cent", "pct", "prozent", "por ciento", "pour cent", "pourcent")
CURRENCY_SIGNS = "$€£¥₹"
CURRENCY_WORDS = (
    "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "mxn", "dollars", "dollar", "euros",
    "euro", "pounds", "dólares", "dolares", "pesos",
)  # fmt: skip

# Job titles: a word here in a proposal must be in the resume (a "Senior" nobody gave you).
TITLE_WORDS = frozenset(
    {
        "senior", "sr", "junior", "jr", "principal", "chief", "director", "directora",
        "manager", "managerin", "supervisor", "supervisora", "coordinator", "coordinador",
        "coordinadora", "vp", "ceo", "cto", "cfo", "coo", "cio", "cmo", "president",
        "executive", "architect", "partner", "founder", "co-founder", "cofounder", "owner",
        "leiter", "leiterin", "teamleiter", "teamleiterin", "abteilungsleiter",
        "abteilungsleiterin", "geschäftsführer", "geschäftsführerin", "oberarzt", "oberärztin",
        "chefarzt", "chefärztin", "stationsleitung", "bereichsleiter", "bereichsleiterin",
        "gerente", "jefe", "jefa", "subdirector", "subdirectora", "responsable",
    }
)  # fmt: skip
# Titles of more than one word, or words that are titles only next to another ("Team Lead").
TITLE_PHRASES = (
    "head of", "vice president", "team lead", "tech lead", "technical lead", "lead engineer",
    "lead developer", "lead designer", "lead nurse", "staff engineer", "charge nurse",
    "nurse manager", "department head", "jefe de", "jefa de", "líder de equipo",
    "head nurse", "store manager", "shift lead", "shift supervisor",
)  # fmt: skip
# "Responsable" is a title in Spanish ("Responsable de compras") and "responsible" in English.
TITLE_ONLY_CAPITALISED = frozenset({"responsable", "partner", "owner", "executive", "architect"})

# Certificates and licences, by abbreviation or by the words that announce one.
CERTIFICATES = frozenset(
    {
        "pmp", "capm", "cpa", "cma", "cfa", "acca", "cia", "cisa", "cism", "cissp", "ccsp",
        "ceh", "oscp", "ccna", "ccnp", "ccie", "cka", "ckad", "cks", "csm", "cspo", "psm",
        "safe", "prince2", "itil", "togaf", "six sigma", "lean six sigma", "bls", "acls",
        "pals", "nrp", "cna", "lpn", "lvn", "bcba", "cdl", "toefl", "ielts", "celta", "tefl",
        "tesol", "delf", "dele", "security+", "network+", "a+", "comptia", "forklift licence",
        "forklift license", "forklift certification", "shrm-cp", "shrm-scp", "phr", "sphr",
    }
)  # fmt: skip
CERTIFICATE_WORDS = frozenset(
    {
        "certified", "certification", "certifications", "certificate", "certificates",
        "licensed", "licence", "license", "accredited", "chartered", "zertifikat",
        "zertifiziert", "zertifizierte", "zertifizierter", "zertifizierung", "lizenz",
        "certificado", "certificada", "certificación", "certificaciones", "titulado",
        "titulada", "acreditado", "acreditada", "certifié", "certifiée",
    }
)  # fmt: skip

# Capitalised words that name nothing: salutations, pronouns, the generic acronyms of business.
NOT_NAMES = frozenset(
    {
        "i", "i'm", "i've", "i'd", "i'll", "dear", "sincerely", "regards", "kind", "best",
        "yours", "hiring", "team", "mr", "ms", "mrs", "dr", "kpi", "kpis", "roi", "okr",
        "okrs", "faq", "asap", "eta", "ok", "sie", "ihr", "ihnen", "usted", "ustedes",
        "estimado", "estimada", "sehr", "geehrte", "geehrter", "damen", "herren",
        "mit", "freundlichen", "grüßen", "atentamente", "saludos", "cordiales",
    }
)  # fmt: skip
# Suffixes that make a capitalised run an organisation rather than a person or place.
ORGANISATION_WORDS = frozenset(
    {
        "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "gmbh", "ag",
        "kg", "se", "sa", "sl", "s.a", "s.l", "banco", "banca", "caja", "group", "gruppe",
        "grupo", "bank", "hospital",
        "klinik", "klinikum", "clinic", "clínica", "university", "universität", "universidad",
        "college", "school", "schule", "escuela", "institute", "institut", "instituto",
        "foundation", "stiftung", "fundación", "labs", "systems", "technologies", "solutions",
        "partners", "consulting", "agency", "council", "ministry", "ministerium", "department",
        "academy", "akademie", "center", "centre", "centro", "zentrum",
    }
)  # fmt: skip

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "the",
            "and",
            "of",
            "to",
            "in",
            "for",
            "with",
            "on",
            "by",
            "at",
            "from",
            "a",
            "an",
            "as",
            "our",
            "their",
            "was",
            "were",
        }
    ),
    "de": frozenset(
        {
            "der",
            "die",
            "das",
            "und",
            "mit",
            "für",
            "von",
            "zu",
            "im",
            "den",
            "des",
            "ein",
            "eine",
            "bei",
            "auf",
            "ich",
            "wir",
        }
    ),
    "es": frozenset(
        {
            "el",
            "la",
            "los",
            "las",
            "y",
            "de",
            "del",
            "con",
            "para",
            "en",
            "por",
            "un",
            "una",
            "al",
            "se",
            "que",
            "como",
        }
    ),
    "fr": frozenset(
        {
            "le",
            "la",
            "les",
            "et",
            "de",
            "des",
            "du",
            "avec",
            "pour",
            "en",
            "par",
            "un",
            "une",
            "au",
            "aux",
            "que",
            "dans",
        }
    ),
}


def plain(text: str) -> str:
    """Lower case without accents, so "Müller" and "Muller", "Gestión" and "gestion" agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def language(text: str) -> str:
    """The likeliest of en/de/es/fr by function words; English when nothing tells."""
    words = [word.strip(".,;:()!?\"'") for word in text.lower().split()]
    counts = {lang: sum(word in stop for word in words) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > counts["en"] else "en"


@cache
def _frequencies(lang: str) -> Any:
    return SpellChecker(language=lang, distance=1).word_frequency


def frequency(word: str, lang: str) -> int:
    """How common a word is in English or `lang` (pyspellchecker's counts), plurals included."""
    lower = word.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    languages = {"en", lang} if lang in STOPWORDS else {"en"}
    return max(int(_frequencies(name)[form]) for name in languages for form in forms)
