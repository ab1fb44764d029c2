"""Finding a resume's sections and fields in a file's lines (here read from text files)."""

from __future__ import annotations

import re
from typing import Any

from resumate.transfer.reading.fields import extract
from resumate.transfer.reading.files import UNSURE
from resumate.transfer.reading.lines import Line, Source
from resumate.transfer.reading.text import read_text
from tests.transfer.reading.recall import leaves

PLAIN = """Jana Nováková
Backend Engineer

jana.novakova@example.cz | +420 601 234 567 | github.com/jnovakova | Prague, CZ

SUMMARY
Backend engineer who builds payment systems in Python and Go.

EXPERIENCE

Senior Backend Engineer, Acme Pay          03/2019 – present
Prague
- Built the settlement service handling 2M payments a day
- Cut p95 latency by 40% by moving reports to PostgreSQL

Backend Engineer at Nordlys          Jan 2016 - Feb 2019
- Wrote the first billing API

EDUCATION
MSc in Computer Science, Czech Technical University          2014 – 2016

SKILLS
Languages: Python, Go, SQL
Tools: Docker, Kubernetes

LANGUAGES
Czech (Native), English (Fluent)
"""

MARKDOWN = """# Jana Nováková
**Backend Engineer**

jana.novakova@example.cz · +420 601 234 567 · [GitHub](https://github.com/jnovakova)

## Experience

### Senior Backend Engineer — Acme Pay
*03/2019 – present* · Prague

- Built the settlement service handling **2M payments** a day

## Education

### Czech Technical University
MSc in Computer Science, 2014 – 2016

## Skills

- **Languages:** Python, Go, SQL
"""

GERMAN = """Jana Nováková
Softwareentwicklerin

jana@example.de · +49 30 1234567 · Berlin, DE

BERUFSERFAHRUNG

Senior Entwicklerin, Nordlicht GmbH\t03/2019 – heute
- Zahlungsdienst für 2 Mio. Buchungen am Tag gebaut

AUSBILDUNG
M.Sc. Informatik, Technische Universität Berlin\t2014 – 2016

KENNTNISSE
Python, Go, PostgreSQL

SPRACHEN
Deutsch (Muttersprache), Englisch (fließend)
"""


def read(text: str) -> dict[str, Any]:
    return extract(read_text(text)).document


def test_a_plain_text_resume_reads_into_every_section() -> None:
    assert read(PLAIN) == {
        "basics": {
            "name": "Jana Nováková",
            "label": "Backend Engineer",
            "email": "jana.novakova@example.cz",
            "phone": "+420 601 234 567",
            "profiles": [
                {
                    "network": "GitHub",
                    "username": "jnovakova",
                    "url": "https://github.com/jnovakova",
                }
            ],
            "location": {"city": "Prague", "countryCode": "CZ"},
            "summary": "Backend engineer who builds payment systems in Python and Go.",
        },
        "work": [
            {
                "position": "Senior Backend Engineer",
                "name": "Acme Pay",
                "location": "Prague",
                "startDate": "2019-03",
                "highlights": [
                    "Built the settlement service handling 2M payments a day",
                    "Cut p95 latency by 40% by moving reports to PostgreSQL",
                ],
            },
            {
                "position": "Backend Engineer",
                "name": "Nordlys",
                "startDate": "2016-01",
                "endDate": "2019-02",
                "highlights": ["Wrote the first billing API"],
            },
        ],
        "education": [
            {
                "institution": "Czech Technical University",
                "studyType": "MSc",
                "area": "Computer Science",
                "startDate": "2014",
                "endDate": "2016",
            }
        ],
        "skills": [
            {"name": "Languages", "keywords": ["Python", "Go", "SQL"]},
            {"name": "Tools", "keywords": ["Docker", "Kubernetes"]},
        ],
        "languages": [
            {"language": "Czech", "fluency": "Native"},
            {"language": "English", "fluency": "Fluent"},
        ],
    }


def test_markdown_headings_links_and_bold_words_are_read_as_the_editor_writes_them() -> None:
    document = read(MARKDOWN)
    assert document["basics"]["label"] == "Backend Engineer"
    assert document["basics"]["profiles"] == [
        {"network": "GitHub", "username": "jnovakova", "url": "https://github.com/jnovakova"}
    ]
    job = document["work"][0]
    assert (job["position"], job["name"], job["location"]) == (
        "Senior Backend Engineer",
        "Acme Pay",
        "Prague",
    )
    assert job["highlights"] == ["Built the settlement service handling **2M payments** a day"]
    assert document["education"][0]["institution"] == "Czech Technical University"
    assert document["skills"] == [{"name": "Languages", "keywords": ["Python", "Go", "SQL"]}]


def test_german_headings_dates_and_levels_are_read() -> None:
    document = read(GERMAN)
    assert document["work"] == [
        {
            "position": "Senior Entwicklerin",
            "name": "Nordlicht GmbH",
            "startDate": "2019-03",
            "highlights": ["Zahlungsdienst für 2 Mio. Buchungen am Tag gebaut"],
        }
    ]
    school = document["education"][0]
    assert school["institution"] == "Technische Universität Berlin"
    assert "url" not in school  # "M.Sc." is a degree, not a web address
    assert document["skills"] == [{"name": "Python"}, {"name": "Go"}, {"name": "PostgreSQL"}]
    assert document["languages"] == [
        {"language": "Deutsch", "fluency": "Muttersprache"},
        {"language": "Englisch", "fluency": "fließend"},
    ]


def test_every_imported_text_is_in_the_file() -> None:
    for text in (PLAIN, MARKDOWN, GERMAN):
        source = read_text(text)
        links = " ".join(link for line in source.lines for link in line.links)
        written = " ".join(f"{source.text} {links}".split())
        for path, value in leaves(extract(source).document).items():
            # Dates are rewritten as ISO, a link gets its scheme, and a profile's network is
            # named from its address (github.com is GitHub): every other value is the file's.
            if path.endswith(("Date", ".url", ".network")):
                continue
            assert " ".join(value.replace("**", "").split()) in written, path


def test_a_line_named_like_a_section_but_styled_like_an_entry_stays_in_its_section() -> None:
    def heading(text: str) -> Line:
        return Line(text, size=12.0, bold=True, upper=True)

    lines = [
        Line("Ada Lovelace", size=20, bold=True),
        heading("SKILLS"),
        Line("Tools", size=10, bold=True),
        Line("Figma, Miro", size=10),
        heading("EXPERIENCE"),
        Line("Analyst, Engine Ltd\t2019 – 2021", size=10),
        heading("EDUCATION"),
        Line("Private tuition\t2015 – 2018", size=10),
    ]
    document = extract(Source("pdf", lines)).document
    assert document["skills"] == [{"name": "Tools", "keywords": ["Figma", "Miro"]}]
    assert document["work"][0]["name"] == "Engine Ltd"


def test_guessed_fields_are_marked_unsure_and_read_ones_sure() -> None:
    found = extract(read_text(PLAIN))
    assert found.confidence["basics.email"] >= UNSURE
    assert found.confidence["work[0].startDate"] >= UNSURE
    assert min(found.confidence.values()) > 0
    assert all(re.fullmatch(r"[\w.\[\]]+", path) for path in found.confidence)


def test_a_file_with_no_resume_in_it_says_so() -> None:
    found = extract(read_text("\n\n   \n"))
    assert found.document == {}
    assert found.warnings == [
        "No resume was found in this file: it has no name, contact or sections."
    ]
