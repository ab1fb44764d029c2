"""The editor's section cards: the person's own sections, each heading's field, the photo."""

from __future__ import annotations

import httpx

from tests.helpers import create_resume, sign_up
from tests.pages import PageClient
from tests.resumes.photo.images import small_png

PATENTS = {"id": "k3f9a2", "title": "Patents", "items": [{"name": "Hinge"}], "note": 1}


async def test_custom_sections_get_cards_and_headings_their_defaults(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    data = {"meta": {"language": "de"}, "customSections": [PATENTS]}
    theme = {"sectionTitles": {"work": "Atelier"}}
    resume = await create_resume(client, account, data=data, theme=theme)
    await pages.sign_in(account)

    response = await pages.get(f"/resumes/{resume['id']}/edit")

    assert response.status_code == 200
    context = pages.last.context
    [custom] = context["custom_forms"]
    assert (custom.section.key, custom.section.title) == ("custom-k3f9a2", "Patents")
    assert custom.items == [{"name": "Hinge"}]
    assert custom.extra == {"note": 1}  # kept as it is, untouched by the form
    assert context["section_headings"] == {"work": "Atelier"}
    assert context["default_headings"]["work"] == "Berufserfahrung"
    assert 'data-custom-section="k3f9a2"' in response.text
    assert 'placeholder="Berufserfahrung"' in response.text
    assert 'value="Atelier"' in response.text


async def test_the_photo_field_shows_the_resumes_own_photo_only(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    outside = {"basics": {"image": "https://example.com/me.png"}}
    resume = await create_resume(client, account, data=outside)
    await pages.sign_in(account)
    await pages.get(f"/resumes/{resume['id']}/edit")
    assert pages.last.context["photo_address"] is None

    files = {"file": ("me.png", small_png(), "image/png")}
    put = await client.put(
        f"/api/resumes/{resume['id']}/photo", files=files, headers=account.headers
    )
    own = {"basics": {"image": put.json()["image"]}}
    await client.patch(
        f"/api/resumes/{resume['id']}",
        json={"data": own},
        headers=account.headers | {"If-Match": '"1"'},
    )
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert pages.last.context["photo_address"] == put.json()["image"]
    assert f'src="{put.json()["image"]}"' in response.text.replace("&amp;", "&")
