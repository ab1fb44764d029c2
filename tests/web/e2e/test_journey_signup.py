"""Signing up through the mailed link, and changing the address from the account page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.helpers import PASSWORD, unique_email
from tests.web.e2e.helpers import (
    Person,
    fill_sign_up,
    look,
    mailed,
    mailed_link,
    sign_in,
    sign_out,
    signed_up,
)

CHECK_EMAIL = "Check your e-mail"


def check_page_text(page: Page, email: str) -> str:
    """What the "check your e-mail" page says, with the address taken out."""
    return page.get_by_role("main").inner_text().replace(email, "<address>")


def test_signing_up_waits_for_the_mailed_link_then_signs_in(any_page: Page) -> None:
    page = any_page
    person = Person(unique_email("e2e"), PASSWORD)
    page.goto("/signup")
    fill_sign_up(page, person)
    expect(page.locator(".check-address")).to_have_text(person.email)
    expect(page.get_by_text("printed in the terminal")).to_be_visible()
    look(page, "sign-up-check-email")

    page.goto(mailed_link(page, person.email, "/verify-email/"))
    expect(page.get_by_role("heading", name="Confirm your e-mail")).to_be_visible()
    look(page, "sign-up-confirm")
    page.get_by_role("button", name="Confirm and create my account").click()
    expect(page).to_have_url(re.compile(r"/resumes$"))


def test_a_taken_address_gets_the_same_page_and_its_owner_a_notice(page: Page) -> None:
    owner = signed_up(page)
    sign_out(page)
    page.goto("/signup")
    fill_sign_up(page, Person(owner.email, "another-long-passphrase-3"))
    taken = check_page_text(page, owner.email)
    look(page, "sign-up-taken-address")

    stranger = Person(unique_email("e2e"), PASSWORD)
    page.goto("/signup")
    fill_sign_up(page, stranger)
    assert check_page_text(page, stranger.email) == taken
    notice = mailed(page, owner.email)[-1]
    assert notice.subject == "Someone tried to create an account with your address"
    assert "/forgot-password" in notice.text


def test_send_it_again_mails_a_fresh_link_and_a_used_one_offers_another(page: Page) -> None:
    person = Person(unique_email("e2e"), PASSWORD)
    page.goto("/signup")
    fill_sign_up(page, person)
    first = mailed_link(page, person.email, "/verify-email/")
    page.get_by_role("button", name="Send it again").click()
    expect(page.locator(".form-note")).to_have_text("Sent again. Use the newest link.")
    fresh = mailed_link(page, person.email, "/verify-email/")
    assert fresh != first

    page.goto(fresh)
    page.get_by_role("button", name="Confirm and create my account").click()
    expect(page).to_have_url(re.compile(r"/resumes$"))
    sign_out(page)
    page.goto(fresh)
    expect(page.get_by_role("heading", name="This link has expired")).to_be_visible()
    look(page, "sign-up-link-expired")
    # The older link's request is a second one for the address: it has an account now.
    page.goto(first)
    page.get_by_role("button", name="Confirm and create my account").click()
    expect(page.get_by_text("This address already has an account — sign in.")).to_be_visible()


def test_changing_the_address_is_confirmed_from_the_new_inbox(page: Page) -> None:
    person = signed_up(page)
    new = unique_email("e2e-moved")
    page.goto("/account")
    look(page, "account-with-email")
    page.get_by_label("New e-mail address").fill(new)
    page.get_by_label("Password, to confirm it’s you").fill(person.password)
    page.get_by_role("button", name="Send a confirmation link").click()
    expect(page.get_by_role("heading", name="Check the new inbox")).to_be_visible()
    look(page, "account-email-sent")
    assert mailed(page, person.email)[-1].subject == "Your Resumate address is being changed"

    page.goto(mailed_link(page, new, "/account/email/confirm/"))
    look(page, "account-email-confirm")
    page.get_by_role("button", name="Confirm the new address").click()
    expect(page).to_have_url(re.compile(r"/account/email\?changed=1$"))
    expect(page.locator(".form-note")).to_contain_text(f"Your account now uses {new}")
    assert mailed(page, person.email)[-1].subject == "Your Resumate address was changed"

    sign_out(page)
    sign_in(page, Person(new, person.password))
    expect(page).to_have_url(re.compile(r"/resumes$"))
