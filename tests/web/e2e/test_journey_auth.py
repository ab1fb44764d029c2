"""Signing up, out and in: inline errors, one answer for wrong credentials, the way back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import unique_email
from tests.web.e2e.helpers import look, sign_in, sign_out, signed_up

WRONG_CREDENTIALS = "The email or password is not right."


@pytest.mark.parametrize(
    ("path", "name"),
    [("/", "home"), ("/login", "sign-in"), ("/signup", "sign-up"), ("/templates", "templates")],
)
def test_signed_out_pages_read_well(any_page: Page, path: str, name: str) -> None:
    any_page.goto(path)
    expect(any_page.get_by_role("heading", level=1)).to_be_visible()
    look(any_page, name)


def test_signing_up_with_a_weak_password_says_so_next_to_the_field(page: Page) -> None:
    email = unique_email("e2e")
    page.goto("/signup")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("password1")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#password-error")).to_contain_text("common")
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Password")).to_be_focused()
    expect(page.get_by_label("Email")).to_have_value(email)
    look(page, "sign-up-weak-password")


def test_signing_up_out_and_in_again(page: Page) -> None:
    person = signed_up(page)
    expect(page).to_have_url(re.compile(r"/resumes$"))
    sign_out(page)
    expect(page.get_by_text("You've signed out.")).to_be_visible()
    sign_in(page, person)
    expect(page).to_have_url(re.compile(r"/resumes$"))


def test_wrong_credentials_get_one_answer_whether_the_email_exists_or_not(page: Page) -> None:
    person = signed_up(page)
    sign_out(page)
    for email in (unique_email("nobody"), person.email):
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill("not-the-password-7")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_have_text(WRONG_CREDENTIALS)
        expect(page.get_by_label("Email")).to_have_value(email)
    look(page, "sign-in-wrong-password")


@pytest.mark.parametrize("path", ["/resumes", "/account"])
def test_a_signed_out_visit_comes_back_to_the_page_after_signing_in(page: Page, path: str) -> None:
    person = signed_up(page)
    sign_out(page)
    page.goto(path)
    page.wait_for_url(re.compile(r"/login\?next="))
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(f"{path}$"))


def test_signing_in_with_the_keyboard_only(page: Page) -> None:
    person = signed_up(page)
    sign_out(page)
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    sign_in_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")
    for _ in range(10):
        page.keyboard.press("Tab")
        if sign_in_link.evaluate("link => link === document.activeElement"):
            break
    expect(sign_in_link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/login$"))
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type(person.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(person.password)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/resumes$"))
