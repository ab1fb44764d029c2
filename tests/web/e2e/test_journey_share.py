"""Share links: the owner makes one in the editor's drawer, a visitor opens it on a phone (a
password, the phone number hidden, the PDF), the owner sees the counts and withdraws it; the web
resume as a visitor sees it, on a phone and a desktop, left to right and right to left."""

from __future__ import annotations

import copy
import io
import json
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from resumate.document.sample import sample_resume
from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.editing import csrf, new_resume, open_editor
from tests.web.e2e.helpers import device, look, screenshot, signed_up

PHONE = "+44 20 7946 0321"
# A resume in each right-to-left language the app knows, said so in `meta.language`.
RIGHT_TO_LEFT: dict[str, dict[str, Any]] = {
    "ar": {
        "meta": {"language": "ar"},
        "basics": {
            "name": "ليلى حداد",
            "label": "مهندسة برمجيات",
            "email": "layla@example.com",
            "summary": "مهندسة برمجيات بخبرة ثماني سنوات في بناء الأنظمة الموزعة وقيادة الفرق.",
            "location": {"city": "دبي"},
        },
        "work": [
            {
                "name": "شركة النخيل",
                "position": "مهندسة أولى",
                "startDate": "2021-03",
                "highlights": ["قادت فريقاً من ستة مهندسين", "خفضت زمن الاستجابة بنسبة الثلث"],
            }
        ],
        "skills": [{"name": "بايثون", "keywords": ["قواعد البيانات", "الأنظمة الموزعة"]}],
    },
    "he": {
        "meta": {"language": "he"},
        "basics": {
            "name": "נועה לוי",
            "label": "מהנדסת תוכנה",
            "email": "noa@example.com",
            "summary": "מהנדסת תוכנה עם שמונה שנות ניסיון בבניית מערכות מבוזרות והובלת צוותים.",
            "location": {"city": "תל אביב"},
        },
        "work": [
            {
                "name": "חברת הדקל",
                "position": "מהנדסת בכירה",
                "startDate": "2021-03",
                "highlights": ["הובילה צוות של שישה מהנדסים", "קיצרה את זמן התגובה בשליש"],
            }
        ],
        "skills": [{"name": "פייתון", "keywords": ["מסדי נתונים", "מערכות מבוזרות"]}],
    },
}


def share_by_api(page: Page, resume_id: str, **settings: Any) -> str:
    """A link to the resume, made through the API the drawer uses; its address."""
    response = page.request.post(
        f"/api/resumes/{resume_id}/shares",
        data=json.dumps({"label": "Anyone"} | settings),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf(page)},
    )
    assert response.status == 201, response.text()
    url: str = response.json()["url"]
    return url


def resume_in(page: Page, slug: str, data: dict[str, Any]) -> str:
    """A resume of the signed-in person printed with the built-in template `slug`; its id."""
    templates = page.request.get("/api/templates").json()
    template_id = next(t["id"] for t in templates if t["slug"] == slug)
    response = page.request.post(
        "/api/resumes",
        data=json.dumps({"title": slug, "templateId": template_id, "data": data}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf(page)},
    )
    assert response.status == 201, response.text()
    resume_id: str = response.json()["id"]
    return resume_id


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def no_sideways_scroll(page: Page) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px window"


def button_clear_of_the_text(page: Page) -> None:
    """At the end of the page, the floating PDF button covers none of the resume."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    button, content = page.evaluate(
        """() => {
            const button = document.querySelector(".share-download");
            const last = [...document.body.children].filter((el) => el !== button).at(-1);
            return [button.getBoundingClientRect().top, last.getBoundingClientRect().bottom];
        }"""
    )
    assert content <= button, f"the text ends at {content}px, under the button at {button}px"


def test_a_shared_link_opens_for_its_visitor_until_withdrawn(new_page: PageMaker) -> None:
    owner = new_page("desktop", timezone_id="Asia/Kolkata")
    owner.context.grant_permissions(["clipboard-read", "clipboard-write"])
    signed_up(owner)
    resume_id = new_resume(owner, copy.deepcopy(sample_resume()), title="Maya")
    open_editor(owner, resume_id)

    owner.get_by_role("button", name="Share").click()
    drawer = owner.get_by_role("dialog", name="Share")
    expect(drawer.locator("[data-share-status]")).to_have_text(
        "No links yet. Make one above for each person you send your resume to."
    )
    drawer.get_by_label("Who it's for").fill("Acme Corp")
    last_day = date.today() + timedelta(days=30)
    drawer.get_by_label("Expires").fill(last_day.isoformat())
    drawer.get_by_label("Password").fill("open sesame")
    drawer.get_by_label("Phone").check()
    drawer.get_by_role("button", name="Make the link").click()
    made = drawer.locator("[data-share-made]")
    expect(made).to_contain_text("Your link for Acme Corp is ready")
    made.get_by_role("button", name="Copy").click()
    expect(made.locator("[data-share-made-copy]")).to_have_text("Copied")
    url = owner.evaluate("navigator.clipboard.readText()")
    assert url.startswith(owner.url.split("/resumes/")[0] + "/r/")
    row = drawer.locator(".share-item").filter(has_text="Acme Corp")
    expect(row).to_contain_text("Active")
    expect(row).to_contain_text("0 views · 0 downloads")
    expect(row).to_contain_text("Hides phone")
    look(owner, "editor-share-made", full_page=False)
    # The end of the chosen day where the owner is (India: +05:30), not in UTC.
    listed = owner.request.get(f"/api/resumes/{resume_id}/shares").json()["items"][0]
    india = timezone(timedelta(hours=5, minutes=30))
    ends = datetime.combine(last_day, time(23, 59, 59), india)
    assert datetime.fromisoformat(listed["expiresAt"]) == ends

    visitor = new_page("phone")
    visitor.goto(url)
    expect(visitor.get_by_role("heading", name="A resume behind a password")).to_be_visible()
    look(visitor, "web-resume-password")
    visitor.get_by_label("Password", exact=True).fill("open sesame")
    visitor.get_by_role("button", name="Open the resume").click()
    expect(visitor.get_by_role("heading", name="Maya Okafor")).to_be_visible()
    expect(visitor.locator("body")).to_contain_text("maya.okafor@example.com")
    expect(visitor.locator("body")).not_to_contain_text(PHONE)
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="PDF").click()
    text = pdf_text(Path(download.value.path()))
    assert "Maya Okafor" in text
    assert "7946" not in text

    drawer.get_by_role("button", name="Close").click()
    owner.get_by_role("button", name="Share").click()
    expect(row).to_contain_text("1 view · 1 download")
    row.get_by_role("button", name="Withdraw the link for Acme Corp").click()
    row.get_by_role("button", name="Withdraw link").click()
    expect(row).to_contain_text("Withdrawn")
    expect(row.get_by_role("button")).to_have_count(0)
    look(owner, "editor-share-withdrawn", full_page=False)

    visitor.reload()
    expect(visitor.get_by_role("heading", name="This link does not open")).to_be_visible()

    # What went out is kept as it went: the link's PDF, and one downloaded for an application.
    sent = drawer.get_by_role("list", name="What you sent")
    expect(sent.get_by_role("listitem")).to_have_count(1)
    expect(sent).to_contain_text("Acme Corp")
    drawer.get_by_label("PDF for an application").fill("Nordlys")
    with owner.expect_download() as kept:
        drawer.get_by_role("button", name="Download").click()
    assert "Maya Okafor" in pdf_text(Path(kept.value.path()))
    expect(sent.get_by_role("listitem")).to_have_count(2)
    nordlys = sent.get_by_role("listitem").filter(has_text="Nordlys")
    expect(nordlys).to_contain_text("PDF")
    drawer.locator(".sent").scroll_into_view_if_needed()
    look(owner, "editor-share-sent", full_page=False)
    with owner.expect_download() as again:
        nordlys.get_by_role("link", name="PDF as sent").click()
    assert Path(again.value.path()).read_bytes() == Path(kept.value.path()).read_bytes()


def test_mistakes_are_named_at_their_fields(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada Lovelace"}})
    open_editor(page, resume_id)
    screenshot(page, f"editor-share-button-{device(page)}", full_page=False)
    page.get_by_role("button", name="Share").click()
    drawer = page.get_by_role("dialog", name="Share")

    drawer.get_by_label("Password").fill("abc")
    drawer.get_by_role("button", name="Make the link").click()
    who = drawer.get_by_label("Who it's for")
    expect(who).to_have_attribute("aria-invalid", "true")
    expect(who).to_have_accessible_description(
        "Only you see this: a company, a recruiter. Say who the link is for."
    )
    expect(drawer.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
    expect(who).to_be_focused()

    # A day already past: the server's answer, at the field it names.
    who.fill("Initech")
    expect(who).not_to_have_attribute("aria-invalid", "true")
    drawer.get_by_label("Password").fill("")
    drawer.get_by_label("Expires").fill((date.today() - timedelta(days=2)).isoformat())
    drawer.get_by_role("button", name="Make the link").click()
    expires = drawer.get_by_label("Expires")
    expect(expires).to_have_attribute("aria-invalid", "true")
    expect(expires).to_have_accessible_description(
        "The link works until the end of this day. Must be in the future"
    )
    look(page, "editor-share-mistakes", full_page=False)
    assert page.request.get(f"/api/resumes/{resume_id}/shares").json()["items"] == []


@pytest.mark.parametrize("slug", ["classic", "sidebar", "modern", "compact", "minimal"])
def test_the_web_resume_flows_on_a_phone_and_shows_sheets_on_a_desktop(
    new_page: PageMaker, slug: str
) -> None:
    owner = new_page("desktop")
    signed_up(owner)
    resume_id = resume_in(owner, slug, copy.deepcopy(sample_resume()))
    url = share_by_api(owner, resume_id)

    phone = new_page("phone")
    phone.goto(url)
    expect(phone.get_by_role("heading", name="Maya Okafor")).to_be_visible()
    no_sideways_scroll(phone)
    size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 15
    if slug == "sidebar":
        main, side = (phone.locator(name).bounding_box() for name in (".main", ".side"))
        assert main
        assert side
        assert side["y"] >= main["y"] + main["height"]
    look(phone, f"web-resume-{slug}")
    button_clear_of_the_text(phone)

    desktop = new_page("desktop")
    desktop.goto(url)
    expect(desktop.get_by_role("heading", name="Maya Okafor")).to_be_visible()
    no_sideways_scroll(desktop)
    sheet = desktop.locator("body").bounding_box()
    assert sheet is not None
    assert abs(sheet["x"] + sheet["width"] / 2 - 640) <= 1  # centred
    assert 700 <= sheet["width"] <= 820  # an A4 sheet's content area, not the window
    look(desktop, f"web-resume-{slug}")


@pytest.mark.parametrize("language", ["ar", "he"])
def test_a_right_to_left_resume_reads_right_to_left(new_page: PageMaker, language: str) -> None:
    owner = new_page("desktop")
    signed_up(owner)
    data = RIGHT_TO_LEFT[language]
    resume_id = resume_in(owner, "sidebar", data)
    url = share_by_api(owner, resume_id)

    for kind in ("phone", "desktop"):
        visitor = new_page(kind)
        visitor.goto(url)
        expect(visitor.get_by_role("heading", name=data["basics"]["name"])).to_be_visible()
        expect(visitor.locator("html")).to_have_attribute("dir", "rtl")
        expect(visitor.locator("html")).to_have_attribute("lang", language)
        no_sideways_scroll(visitor)
        button = visitor.get_by_role("link", name="PDF").bounding_box()
        width = visitor.evaluate("window.innerWidth")
        assert button
        assert button["x"] + button["width"] < width / 2  # on the left
        look(visitor, f"web-resume-{language}")
