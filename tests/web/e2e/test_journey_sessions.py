"""The devices signed in: two browsers of one account, and one signing the other out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.helpers import look, sign_in, signed_up

IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)


def devices(page: Page) -> list[str]:
    page.goto("/account")
    page.get_by_role("link", name="See devices").click()
    page.wait_for_url("**/account/sessions")
    return [
        re.sub(r"\s+", " ", name).strip() for name in page.locator(".device-name").all_inner_texts()
    ]


def test_one_device_signs_the_other_out_at_once(new_page: PageMaker) -> None:
    laptop, phone = new_page("desktop"), new_page("phone", user_agent=IPHONE_SAFARI)
    person = signed_up(laptop)
    sign_in(phone, person)

    assert devices(laptop) == ["Chrome on Linux This device", "Safari on iOS"]
    expect(laptop.get_by_text("Active now")).to_be_visible()
    expect(laptop.get_by_text("IP address 127.0.0.1").first).to_be_visible()
    look(laptop, "sessions")
    assert devices(phone) == ["Safari on iOS This device", "Chrome on Linux"]
    look(phone, "sessions")

    row = laptop.get_by_role("listitem").filter(has_text="Safari on iOS")
    row.get_by_role("button", name="Sign out").click()
    expect(laptop.locator(".form-note")).to_have_text("Signed out of 1 device.")
    expect(laptop.locator(".device-name")).to_have_count(1)
    expect(laptop.get_by_role("button", name="Sign out of all other devices")).to_have_count(0)
    look(laptop, "sessions-signed-out-other")

    phone.goto("/resumes")
    phone.wait_for_url(re.compile(r"/login\?"))
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    laptop.goto("/resumes")
    expect(laptop).to_have_url(re.compile(r"/resumes$"))


def test_signing_out_of_other_devices_then_this_one(new_page: PageMaker) -> None:
    laptop, phone = new_page("desktop"), new_page("phone", user_agent=IPHONE_SAFARI)
    person = signed_up(phone)
    sign_in(laptop, person)

    devices(phone)
    phone.get_by_role("button", name="Sign out of all other devices").click()
    expect(phone.locator(".form-note")).to_have_text("Signed out of 1 device.")
    look(phone, "sessions-signed-out-others")
    laptop.goto("/account")
    laptop.wait_for_url(re.compile(r"/login\?"))

    row = phone.get_by_role("listitem").filter(has_text="This device")
    row.get_by_role("button", name="Sign out").click()
    phone.wait_for_url("**/login?signed_out=1")
    phone.goto("/account/sessions")
    phone.wait_for_url(re.compile(r"/login\?"))
