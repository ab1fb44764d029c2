"""The account page: change password, download my data, sign out everywhere, delete it all."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.helpers import Person, look, sign_in, sign_out, signed_up

NEW_PASSWORD = "quiet-harbour-violet-17"
WRONG_CREDENTIALS = "The email or password is not right."


def open_delete_dialog(page: Page) -> None:
    page.goto("/account")
    page.get_by_role("button", name="Delete my account…").click()
    expect(page.get_by_role("dialog")).to_be_visible()


def expect_signed_out(page: Page) -> None:
    page.goto("/account")
    page.wait_for_url(re.compile(r"/login\?next="))


def test_account_page_reads_well(any_page: Page) -> None:
    person = signed_up(any_page)
    any_page.goto("/account")
    expect(any_page.get_by_text(f"Signed in as {person.email}")).to_be_visible()
    look(any_page, "account")
    open_delete_dialog(any_page)
    expect(any_page.get_by_label("Your password")).to_be_focused()
    look(any_page, "account-delete-dialog", full_page=False)


def test_changing_password_with_a_wrong_current_one_says_so_inline(page: Page) -> None:
    signed_up(page)
    page.goto("/account")
    page.get_by_label("Current password").fill("not-my-password-9")
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#current_password-error")).to_have_text(
        "The current password is not right."
    )
    expect(page.get_by_label("Current password")).to_be_focused()
    look(page, "account-wrong-current-password")


def test_changing_password_signs_out_other_devices_and_the_new_one_works(
    new_page: PageMaker,
) -> None:
    page, other_device = new_page(), new_page()
    person = signed_up(page)
    sign_in(other_device, person)
    page.goto("/account")
    page.get_by_label("Current password").fill(person.password)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed. Other devices were signed out.")).to_be_visible()
    look(page, "account-password-changed")
    expect_signed_out(other_device)
    sign_out(page)
    sign_in(page, Person(person.email, NEW_PASSWORD))
    expect(page).to_have_url(re.compile(r"/resumes$"))


def test_downloading_my_data_gives_a_json_file_with_my_email(page: Page) -> None:
    person = signed_up(page)
    page.goto("/account")
    with page.expect_download() as started:
        page.get_by_role("link", name="Download my data").click()
    download = started.value
    assert download.suggested_filename == "resumate-account.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["user"]["email"] == person.email


def test_signing_out_everywhere_ends_every_session(new_page: PageMaker) -> None:
    page, other_device = new_page(), new_page()
    person = signed_up(page)
    sign_in(other_device, person)
    page.goto("/account")
    page.get_by_role("button", name="Sign out everywhere").click()
    page.wait_for_url("**/login?signed_out=1")
    expect_signed_out(other_device)
    expect_signed_out(page)


def test_deleting_my_account_through_the_dialog(page: Page) -> None:
    person = signed_up(page)
    open_delete_dialog(page)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Your password").fill(person.password)
    dialog.get_by_label("Type delete my account to confirm").fill("delete my account")
    dialog.get_by_role("button", name="Delete my account").click()
    page.wait_for_url(re.compile(r"/\?deleted=1$"))
    expect(page.get_by_text("Your account and all its data were deleted.")).to_be_visible()
    look(page, "home-account-deleted")
    page.goto("/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text(WRONG_CREDENTIALS)


def test_a_mistake_in_the_delete_dialog_is_shown_and_can_be_cancelled(page: Page) -> None:
    person = signed_up(page)
    open_delete_dialog(page)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Your password").fill(person.password)
    dialog.get_by_label("Type delete my account to confirm").fill("delete it")
    dialog.get_by_role("button", name="Delete my account").click()
    expect(page.locator("#confirm-error")).to_contain_text("to confirm")
    confirmation = page.get_by_label("Type delete my account to confirm")
    expect(confirmation).to_be_focused()
    expect(confirmation).to_have_value("delete it")
    look(page, "account-delete-mistake")
    page.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(re.compile(r"/account$"))


def test_the_account_forms_work_with_scripts_off(new_page: PageMaker) -> None:
    page = new_page(java_script_enabled=False)
    person = signed_up(page)
    page.goto("/account")
    page.get_by_label("Current password").fill(person.password)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed. Other devices were signed out.")).to_be_visible()
    open_delete_dialog(page)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Your password").fill(NEW_PASSWORD)
    dialog.get_by_label("Type delete my account to confirm").fill("delete my account")
    dialog.get_by_role("button", name="Delete my account").click()
    page.wait_for_url(re.compile(r"/\?deleted=1$"))
