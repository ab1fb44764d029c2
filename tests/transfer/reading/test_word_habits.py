"""Habits of resumes written in Word read back: a job's head set as a table, a profile named
with a colon, a project's lists under labels (read from text files, bold marked as in Markdown)."""

from __future__ import annotations

from typing import Any

from resumate.transfer.reading.fields import extract
from resumate.transfer.reading.text import read_text

TOP = "Jana Nováková\nBackend Engineer\n\njana@example.cz | +420 601 234 567\n"


def read(text: str) -> dict[str, Any]:
    return extract(read_text(TOP + text)).document


def test_a_job_set_as_a_table_has_its_place_across_from_the_employer() -> None:
    work = read(
        "\nEXPERIENCE\n\nAcme Pay\tPrague\nSenior Backend Engineer\t03/2019 – present\n"
        "- Built the settlement service\n"
    )["work"]
    assert work == [
        {
            "position": "Senior Backend Engineer",
            "name": "Acme Pay",
            "location": "Prague",
            "startDate": "2019-03",
            "highlights": ["Built the settlement service"],
        }
    ]


def test_a_network_named_with_a_colon_is_a_profile() -> None:
    basics = read("GitHub: jnovakova | LinkedIn: jana-novakova\n")["basics"]
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "jnovakova"},
        {"network": "LinkedIn", "username": "jana-novakova"},
    ]


def test_a_project_lists_its_roles_and_technologies_under_labels() -> None:
    project = read(
        "\nPROJECTS\n\n**Open Rota**\t2022 – present\n- Built the rota editor\n\n"
        "Roles: Team lead, Designer\nTechnologies: Go, PostgreSQL\n"
    )["projects"][0]
    assert (project["roles"], project["keywords"]) == (
        ["Team lead", "Designer"],
        ["Go", "PostgreSQL"],
    )
