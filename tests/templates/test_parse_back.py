"""Every template read back the way applicant tracking systems read it: in content-stream order.

For each template, paper size and resume, the parser in `tests/resume_parser.py` must find the
name, email and phone before the first heading, and every job (position, company, dates,
highlights), every school and every skill keyword under its own section's heading. 100% on
every template: a template whose drawing order is not its reading order fails here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from resumate.rendering.dates import month_year
from resumate.rendering.renderer import Renderer
from tests.resume_parser import ParsedResume, digits, lines_of, parse
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, print_pdf, sample


def non_latin() -> dict[str, Any]:
    """The sample written in Cyrillic and Chinese, as a Russian or Chinese user's resume reads."""
    data = sample()
    data["basics"] |= {"name": "Анна Каренина", "label": "Инженер-программист"}
    data["work"][0] |= {
        "position": "Ведущий разработчик",
        "name": "ООО «Ромашка»",
        "highlights": ["Сократила время сборки вдвое", "负责数据平台的架构设计"],
    }
    data["education"][0] |= {"institution": "Московский государственный университет"}
    data["skills"][0]["keywords"] = ["Разработка", "数据库", "Kubernetes"]
    return data


def stress() -> dict[str, Any]:
    """The long resume with many long skill keywords: columns of keywords must not interleave."""
    data = long_resume()
    keywords = ["Team City", "Continuous Integration Pipelines", "Kubernetes Operators"]
    data["skills"] = [
        {"name": f"Area {n}", "level": "Master", "keywords": keywords} for n in range(1, 7)
    ]
    return data


RESUMES = {"sample": sample, "long": long_resume, "non-latin": non_latin, "stress": stress}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def section_text(parsed: ParsedResume, kind: str) -> str:
    # Lines joined in stream order: an entry that wraps onto two lines still reads whole, and a
    # phrase split by another column's text drawn in between does not.
    return norm(" ".join(parsed.section_lines(kind)))


def misread(parsed: ParsedResume, data: dict[str, Any]) -> list[str]:
    """Every value the parser did not find where it belongs."""
    basics = data["basics"]
    profile = parsed.profile_text()
    wrong = []
    if norm(parsed.name) != norm(basics["name"]):
        wrong.append(f"name read as {parsed.name!r}")
    if basics["email"] not in profile:
        wrong.append("email not in the profile")
    if digits(basics["phone"]) not in digits(profile):
        wrong.append("phone not in the profile")
    work = section_text(parsed, "work")
    for job in data["work"]:
        dates = [month_year(job[k]) for k in ("startDate", "endDate") if job.get(k)]
        values = [job["position"], job["name"], *dates, *job.get("highlights", [])]
        wrong += [f"work: {v!r}" for v in values if norm(v) not in work]
    education = section_text(parsed, "education")
    wrong += [
        f"education: {school['institution']!r}"
        for school in data["education"]
        if norm(school["institution"]) not in education
    ]
    skills = section_text(parsed, "skills")
    wrong += [
        f"skills: {keyword!r}"
        for skill in data["skills"]
        for keyword in skill.get("keywords", [])
        if norm(keyword) not in skills
    ]
    return wrong


@pytest.mark.parametrize("resume", sorted(RESUMES))
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_a_parser_reads_every_field_where_it_belongs(
    renderer: Renderer, slug: str, paper: str, resume: str
) -> None:
    data = RESUMES[resume]()
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, {"pageSize": paper})
    assert misread(parse(pdf), data) == []


MARKED = {"runningHeader": True, "pageNumbers": True}


@pytest.mark.parametrize("resume", ["long", "stress"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_the_name_and_page_numbers_on_later_pages_leave_the_reading_intact(
    renderer: Renderer, slug: str, paper: str, resume: str
) -> None:
    data = RESUMES[resume]()
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, MARKED | {"pageSize": paper})
    parsed = parse(pdf)
    assert misread(parsed, data) == []
    later_pages = {item.page for item in parsed.items if item.page > 0}
    assert later_pages, "the resume should run to a second page"
    for page in later_pages:
        lines = [line.text for line in lines_of([i for i in parsed.items if i.page == page])]
        assert basics_name(data) in lines
        assert f"{page + 1} / {len(parsed.page_widths)}" in lines
    first_page = [line.text for line in lines_of([i for i in parsed.items if i.page == 0])]
    assert not any(re.fullmatch(r"\d+ / \d+", text) for text in first_page)


def basics_name(data: dict[str, Any]) -> str:
    return str(data["basics"]["name"])
