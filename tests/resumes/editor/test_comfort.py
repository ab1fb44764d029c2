"""The editor page's comfort: section cards in the resume's order, countries by name in the
resume's language, and the sample offered to an empty resume only."""

from __future__ import annotations

import httpx

from tests.helpers import create_resume, sign_up
from tests.pages import PageClient


async def editor(pages: PageClient, client: httpx.AsyncClient, **fields: object) -> str:
    account = await sign_up(client)
    resume = await create_resume(client, account, **fields)
    await pages.sign_in(account)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert response.status_code == 200
    return response.text


async def test_the_section_cards_follow_the_resume_order(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    theme = {"sectionOrder": ["summary", "skills", "work"], "hiddenSections": ["work"]}
    await editor(pages, client, theme=theme)
    cards = [section.key for section in pages.last.context["sections"]]
    assert cards[:2] == ["skills", "work"]
    assert cards[2:4] == ["volunteer", "education"], "the rest as the page prints them"


async def test_a_new_resume_lists_experience_then_projects_education_and_skills(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    html = await editor(pages, client)
    cards = [section.key for section in pages.last.context["sections"]]
    assert cards[:4] == ["work", "projects", "education", "skills"]
    assert html.index('data-card="summary"') < html.index('data-card="work"')


async def test_the_country_is_offered_by_name_in_the_resume_language(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    data = {"meta": {"language": "de"}, "basics": {"location": {"countryCode": "FR"}}}
    html = await editor(pages, client, data=data)
    assert pages.last.context["countries"]["DE"] == "Deutschland"
    assert '<option value="Deutschland" data-code="DE">' in html
    assert 'value="Frankreich" data-country' in html
    assert 'data-field="basics.location.countryCode" value="FR"' in html


async def test_only_an_empty_resume_is_offered_the_sample(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await editor(pages, client, data={})
    assert pages.last.context["sample"]["basics"]["name"]
    await editor(pages, client, data={"basics": {"name": "Ada"}})
    assert pages.last.context["sample"] is None
