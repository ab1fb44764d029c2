"""Which line starts which section: the heading words résumés use, in the languages we print.

Our own templates title sections with the words in `resumate.rendering.words`, translated into
every language a resume can be written in, so those are read back first; the other names people
and other builders give the same sections ("Work History", "Berufserfahrung", "Formación
académica") are listed here. A line is a heading when, with its decoration and a trailing colon
taken off, it is one of these names and looks like a heading: short, alone on its line, and set
apart by the file's cues (a heading style, bold, capitals or larger type).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache

from resumate.document.language import LANGUAGES
from resumate.rendering.words import headings
from resumate.transfer.reading.lines import CELL, Line

# The names besides our own, lower-cased; a section's key is JSON Resume's (`basics` for contact).
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "summary": (
        "profile", "professional summary", "summary of qualifications", "career summary", "about",
        "about me", "objective", "career objective", "professional profile", "overview",
        "personal statement", "profil", "kurzprofil", "zusammenfassung", "über mich",
        "profil professionnel", "résumé", "à propos", "perfil", "perfil profesional", "resumen",
        "sobre mí", "sobre mim", "profilo", "chi sono", "profiel", "over mij", "o mnie",
    ),
    "work": (
        "work", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "relevant experience", "experience",
        "professional background", "berufserfahrung", "berufliche erfahrung", "werdegang",
        "beruflicher werdegang", "praxiserfahrung", "expérience professionnelle",
        "expériences professionnelles", "expériences", "experiencia laboral",
        "experiencia profesional", "experiência profissional", "esperienza professionale",
        "esperienze lavorative", "werkervaring", "doświadczenie zawodowe", "iş deneyimi",
        "опыт работы", "досвід роботи",
    ),
    "education": (
        "academic background", "education and training", "qualifications", "academic history",
        "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "formation",
        "formations", "formación", "formación académica", "educación", "formação",
        "formação acadêmica", "istruzione", "formazione", "opleiding", "opleidingen",
        "wykształcenie", "eğitim", "образование", "освіта",
    ),
    "skills": (
        "technical skills", "core skills", "key skills", "core competencies", "competencies",
        "skills and tools", "skills & tools", "expertise", "areas of expertise", "tech stack",
        "kenntnisse", "fähigkeiten", "fachkenntnisse", "kompetenzen", "it-kenntnisse",
        "compétences", "compétences techniques", "habilidades", "competencias", "conocimientos",
        "competências", "competenze", "vaardigheden", "umiejętności", "yetenekler", "навыки",
        "навички",
    ),
    "projects": (
        "personal projects", "open source projects", "open source", "selected projects",
        "side projects", "projekte", "projets",
        "proyectos", "projetos", "progetti", "projecten", "projekty", "projeler",
    ),
    "volunteer": (
        "volunteer", "volunteer experience", "volunteer work", "volunteering", "ehrenamt",
        "ehrenamtliches engagement", "bénévolat", "voluntariado", "volontariato",
        "vrijwilligerswerk", "wolontariat",
    ),
    "awards": (
        "honors", "honours", "awards and honors", "awards & honors", "honors and awards",
        "achievements", "auszeichnungen", "prix", "distinctions", "premios", "prêmios", "premi",
        "prijzen", "nagrody", "ödüller",
    ),
    "certificates": (
        "certifications", "licenses and certifications", "licenses & certifications",
        "certificates and licenses", "courses and certifications", "zertifikate",
        "zertifizierungen", "weiterbildung", "certificats", "certificaciones", "certificados",
        "certificações", "certificazioni", "certificaten", "certyfikaty", "sertifikalar",
    ),
    "publications": (
        "papers", "selected publications", "veröffentlichungen", "publikationen", "publicaciones",
        "publicações", "pubblicazioni", "publicaties", "publikacje",
    ),
    "languages": (
        "language skills", "sprachen", "sprachkenntnisse", "langues", "idiomas", "lingue", "talen",
        "języki", "diller", "языки", "мови",
    ),
    "interests": (
        "hobbies", "hobbies and interests", "interests and hobbies", "interessen", "hobbys",
        "centres d'intérêt", "centres d’intérêt", "loisirs", "intereses", "aficiones", "interesses",
        "interessi", "interesses", "hobby's", "zainteresowania", "hobiler",
    ),
    "references": (
        "referees", "referenzen", "références", "referencias", "referências", "referenze",
        "referenties",
    ),
    "basics": (
        "contact", "contact details", "contact information", "personal details",
        "personal information", "kontakt", "kontaktdaten", "persönliche daten", "coordonnées",
        "contacto", "datos personales", "contatto", "contato",
    ),
}  # fmt: skip
# What may decorate a heading: numbering, rules drawn with characters, a trailing colon.
DECORATION = re.compile(r"^[\s\d.)#*•|:–—_-]+|[\s:：|*•–—_-]+$")
MAX_WORDS = 5


def name_key(text: str) -> str:
    """A heading's text as the names are kept: decoration off, one space, lower case."""
    bare = DECORATION.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(bare.split()).casefold()


@cache
def heading_names() -> dict[str, str]:
    """Every heading name known, lower-cased, to the section it starts."""
    names: dict[str, str] = {}
    for section, others in OTHER_NAMES.items():
        names.update((name_key(name), section) for name in others)
    for language in LANGUAGES:  # our templates' own words win over a synonym of another section
        for section, title in headings(language).items():
            names[name_key(title)] = "basics" if section == "contact" else section
    return names


def leading_heading(line: Line, body_size: float) -> tuple[str, Line] | None:
    """A heading set in the first cell of its section's first line ("Work | Senior Designer"),
    as themes with a column of headings print it: the section, and the line without it."""
    cells = line.cells
    if len(cells) < 2 or len(line.spans) < 2:
        return None
    section = heading_names().get(name_key(cells[0]))
    first, second = line.spans[0], line.spans[1]
    apart = (first.bold, first.size) != (second.bold, second.size)
    if section is None or not apart or first.text.strip() != cells[0]:
        return None
    spans = line.spans[1:]
    rest = replace(line, text=CELL.join(cells[1:]), spans=spans, size=spans[0].size or line.size)
    return section, replace(rest, bold=all(span.bold for span in spans if span.text.strip()))


def section_of(line: Line, body_size: float) -> str | None:
    """The section a line heads, or None when it is not a heading."""
    text = line.text
    if "\t" in text or line.bullet or len(text) > 60:
        return None
    key = name_key(text)
    if not key or len(key.split()) > MAX_WORDS:
        return None
    section = heading_names().get(key)
    if section is None:
        return None
    looks = line.heading or line.bold or line.upper or line.size > body_size * 1.05
    # A plain text file marks headings by being alone on a line: the name itself is the cue.
    return section if looks or line.gap >= 1 or body_size == 0 else None
