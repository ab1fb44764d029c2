"""The dashboard: the cards, creating a resume, importing a resume file."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from resumate.document.sample import sample_resume
from tests.helpers import Account, create_resume, sign_up
from tests.pages import PageClient


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def template_ids(client: httpx.AsyncClient, account: Account) -> dict[str, str]:
    found = (await client.get("/api/templates", headers=account.headers)).json()
    return {t["slug"]: t["id"] for t in found}


async def saved(client: httpx.AsyncClient, account: Account, location: str) -> dict[str, Any]:
    """The resume a redirect to its editor names, as the API has it."""
    resume_id = location.removeprefix("/resumes/").removesuffix("/edit")
    response = await client.get(f"/api/resumes/{resume_id}", headers=account.headers)
    assert response.status_code == 200, location
    body: dict[str, Any] = response.json()
    return body


def json_file(document: object | bytes) -> dict[str, tuple[str, bytes, str]]:
    content = document if isinstance(document, bytes) else json.dumps(document).encode()
    return {"file": ("resume.json", content, "application/json")}


async def test_the_dashboard_shows_my_resumes_newest_edit_first(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    older = await create_resume(client, account, title="Older")
    newer = await create_resume(client, account, title="Newer")
    await create_resume(client, await sign_up(client), title="Someone else's")
    response = await pages.get("/resumes")
    assert response.status_code == 200
    assert pages.last.template == "resumes/dashboard.html"
    cards = pages.last.context["cards"]
    assert [str(c.resume.id) for c in cards] == [newer["id"], older["id"]]
    assert cards[0].template.name == "Classic"
    assert pages.last.context["total"] == 2
    # Each card's forms work without scripts too: the token is in them.
    assert response.text.count(f'name="csrf_token" value="{pages.csrf}"') >= 4


async def test_a_new_user_sees_how_to_start(pages: PageClient, client: httpx.AsyncClient) -> None:
    await signed_in(pages, client)
    response = await pages.get("/resumes")
    assert pages.last.context["cards"] == []
    assert "Create your first resume" in response.text
    assert "Import a resume" in response.text


async def test_the_new_resume_dialog_offers_every_template_with_classic_chosen(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    await pages.get("/resumes")
    context = pages.last.context
    ids = await template_ids(client, account)
    assert {str(t.id) for t in context["templates"]} == set(ids.values())
    assert context["new_form"] == {"template": ids["classic"], "start": "blank"}
    assert context["import_form"] == {}
    assert context["dialog"] is None


async def test_the_dashboard_needs_a_session(pages: PageClient) -> None:
    response = await pages.get("/resumes")
    assert response.status_code == 303
    assert response.headers["location"] == "/renew?next=%2Fresumes"


async def test_creating_a_resume_opens_it_in_the_editor(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    modern = (await template_ids(client, account))["modern"]
    form = {"title": " Design lead ", "template": modern, "start": "blank"}
    response = await pages.post("/resumes", data=form)
    assert response.status_code == 303
    resume = await saved(client, account, response.headers["location"])
    assert (resume["title"], resume["templateId"], resume["data"]) == ("Design lead", modern, {})


async def test_a_resume_made_without_choices_is_untitled_on_the_default_template(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.post("/resumes")
    resume = await saved(client, account, response.headers["location"])
    assert resume["title"] == "Untitled resume"
    assert resume["templateId"] == (await template_ids(client, account))["classic"]


async def test_example_content_is_the_template_sample(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.post("/resumes", data={"start": "example"})
    resume = await saved(client, account, response.headers["location"])
    assert resume["data"]["basics"]["name"] == sample_resume()["basics"]["name"]


async def test_htmx_is_sent_to_the_editor_by_a_full_page_load(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.htmx("POST", "/resumes", data={"title": "From htmx"})
    assert response.status_code == 200
    resume = await saved(client, account, response.headers["hx-redirect"])
    assert resume["title"] == "From htmx"


async def test_a_title_too_long_keeps_the_dialog_open_and_says_so(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.htmx("POST", "/resumes", data={"title": "x" * 201})
    assert response.status_code == 422
    assert pages.last.template == "resumes/_new_form.html"
    assert "200 characters" in pages.last.context["errors"]["title"]
    assert pages.last.context["new_form"]["title"] == "x" * 201


async def test_without_htmx_the_page_comes_back_with_the_dialog_open(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.post("/resumes", data={"title": "x" * 201})
    assert response.status_code == 422
    assert pages.last.template == "resumes/dashboard.html"
    assert pages.last.context["dialog"] == "new"
    assert "title" in pages.last.context["errors"]


async def test_an_unknown_template_or_start_is_named(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    await pages.htmx("POST", "/resumes", data={"template": "nope", "start": "copy"})
    assert set(pages.last.context["errors"]) == {"template", "start"}
    response = await pages.htmx("POST", "/resumes", data={"template": str(uuid.uuid4())})
    assert response.status_code == 422
    assert pages.last.context["errors"] == {"template": "That template does not exist."}


async def test_create_and_import_refuse_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    assert (await pages.http.post("/resumes", data={"title": "No token"})).status_code == 403
    no_token = await pages.http.post("/resumes/import", files=json_file({}))
    assert no_token.status_code == 403


async def test_create_and_import_need_a_session(pages: PageClient) -> None:
    await pages.get("/login")
    for url in ("/resumes", "/resumes/import"):
        assert (await pages.post(url)).status_code == 401
        assert (await pages.htmx("POST", url)).status_code == 401
        assert pages.last.template == "partials/toast.html"


async def test_importing_a_json_resume_file_opens_it_in_the_editor(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    document = {"basics": {"name": "Grace Hopper", "label": "Rear admiral"}, "meta": {}}
    response = await pages.post("/resumes/import", files=json_file(document))
    assert response.status_code == 303
    resume = await saved(client, account, response.headers["location"])
    assert resume["title"] == "Grace Hopper – Rear admiral"
    assert resume["data"]["basics"] == document["basics"]


async def test_an_import_can_choose_its_title_and_template(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    sidebar = (await template_ids(client, account))["sidebar"]
    form = {"title": "Imported", "template": sidebar}
    response = await pages.post("/resumes/import", data=form, files=json_file({"basics": {}}))
    resume = await saved(client, account, response.headers["location"])
    assert (resume["title"], resume["templateId"]) == ("Imported", sidebar)


async def test_importing_an_exported_file_restores_its_design(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    templates = await template_ids(client, account)
    theme = {"accentColor": "#0a7d4f", "fontFamily": "inter", "hiddenSections": ["awards"]}
    data = {"basics": {"name": "Grace Hopper"}, "meta": {"version": "v1"}}
    original = await create_resume(
        client, account, templateId=templates["sidebar"], theme=theme, data=data
    )
    exported = await client.get(f"/api/resumes/{original['id']}/export", headers=account.headers)
    response = await pages.post("/resumes/import", files=json_file(exported.json()))
    resume = await saved(client, account, response.headers["location"])
    assert (resume["templateId"], resume["theme"]) == (templates["sidebar"], original["theme"])
    assert resume["data"] == data
    # A template chosen in the form still wins over the file's; the theme comes along.
    form = {"template": templates["modern"]}
    response = await pages.post("/resumes/import", data=form, files=json_file(exported.json()))
    resume = await saved(client, account, response.headers["location"])
    assert (resume["templateId"], resume["theme"]) == (templates["modern"], original["theme"])


async def test_a_file_that_is_not_json_is_named_with_where_it_breaks(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.htmx("POST", "/resumes/import", files=json_file(b'{"basics": }'))
    assert response.status_code == 422
    assert pages.last.template == "resumes/_import_form.html"
    assert pages.last.context["errors"]["file"].startswith(
        "This file is not valid JSON (line 1, column 12"
    )


async def test_a_wrong_field_does_not_stop_the_import(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    document = {"work": [{"name": "Acme", "startDate": "last spring"}]}
    response = await pages.htmx("POST", "/resumes/import", files=json_file(document))
    resume = await saved(client, account, response.headers["HX-Redirect"])
    assert resume["data"] == {"work": [{"name": "Acme"}]}


async def test_json_that_is_not_one_object_is_refused(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    await pages.htmx("POST", "/resumes/import", files=json_file([{"basics": {}}]))
    assert "must hold one object" in pages.last.context["errors"]["file"]


async def test_too_large_a_resume_is_refused_with_the_limit(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    document = {"basics": {"name": "Big"}, "notes": "x" * 600_000}
    response = await pages.htmx("POST", "/resumes/import", files=json_file(document))
    assert response.status_code == 422
    assert pages.last.context["errors"]["file"] == (
        "This resume is too large to import: at most 512 KB of JSON."
    )


async def test_an_import_without_a_file_asks_for_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.post("/resumes/import", data={"title": "Nothing"})
    assert response.status_code == 422
    assert pages.last.context["dialog"] == "import"
    assert pages.last.context["errors"]["file"].startswith("Choose a file to import")


async def test_rename_swaps_the_title_for_a_form_and_back(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account, title="Draft")
    await pages.htmx("GET", f"/resumes/{resume['id']}/rename")
    assert pages.last.template == "resumes/_rename.html"
    assert pages.last.context["form"] == {"title": "Draft"}
    await pages.htmx("GET", f"/resumes/{resume['id']}/card")
    assert pages.last.template == "resumes/_card.html"
    assert pages.last.context["focus"] == "rename"


async def test_rename_saves_the_title_and_answers_with_the_card(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account, title="Draft")
    url = f"/resumes/{resume['id']}/rename"
    response = await pages.htmx("POST", url, data={"title": "  Final  "})
    assert response.status_code == 200
    assert pages.last.template == "resumes/_card.html"
    assert pages.last.context["card"].resume.title == "Final"
    saved_now = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    assert (saved_now["title"], saved_now["version"]) == ("Final", 2)


async def test_an_empty_or_too_long_title_is_refused_in_place(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    url = f"/resumes/{resume['id']}/rename"
    empty = await pages.htmx("POST", url, data={"title": "   "})
    assert empty.status_code == 422
    assert pages.last.template == "resumes/_rename.html"
    assert pages.last.context["errors"] == {"title": "Give the resume a title."}
    assert empty.headers["hx-retarget"] == f"#card-body-{resume['id']}"
    await pages.htmx("POST", url, data={"title": "y" * 201})
    assert "200 characters" in pages.last.context["errors"]["title"]


async def test_duplicate_answers_with_the_new_card_next_to_the_original(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account, title="Original")
    response = await pages.htmx("POST", f"/resumes/{resume['id']}/duplicate")
    assert response.status_code == 200
    assert pages.last.template == "resumes/_duplicated.html"
    copy = pages.last.context["card"].resume
    assert (copy.title, str(pages.last.context["after"])) == ("Original (copy)", resume["id"])
    assert f'hx-swap-oob="afterend:#resume-{resume["id"]}"' in response.text


async def test_card_actions_without_htmx_go_back_to_the_dashboard(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    for action, data in (("rename", {"title": "Plain"}), ("duplicate", {})):
        response = await pages.post(f"/resumes/{resume['id']}/{action}", data=data)
        assert (response.status_code, response.headers["location"]) == (303, "/resumes")
    listed = (await client.get("/api/resumes", headers=account.headers)).json()
    assert sorted(r["title"] for r in listed["items"]) == ["Plain", "Plain (copy)"]


async def test_card_actions_do_not_reach_other_users_resumes(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    theirs = await create_resume(client, await sign_up(client), title="Theirs")
    base = f"/resumes/{theirs['id']}"
    for url in (f"{base}/rename", f"{base}/card"):
        assert (await pages.htmx("GET", url)).status_code == 404
    for url in (f"{base}/rename", f"{base}/duplicate"):
        assert (await pages.htmx("POST", url, data={"title": "Mine"})).status_code == 404
        assert pages.last.template == "partials/toast.html"


async def test_card_actions_refuse_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    for action in ("rename", "duplicate"):
        headers = {"HX-Request": "true"}
        url = f"/resumes/{resume['id']}/{action}"
        response = await pages.http.post(url, data={"title": "T"}, headers=headers)
        assert response.status_code == 403, action


async def test_card_actions_need_a_session(pages: PageClient, client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await pages.get("/login")
    base = f"/resumes/{resume['id']}"
    assert (await pages.get(f"{base}/rename")).headers["location"].startswith("/renew?next=")
    for action in ("rename", "duplicate"):
        assert (await pages.htmx("POST", f"{base}/{action}")).status_code == 401
