"""A forgotten password: sign-in's "Forgot password?", the mail's link, a new password."""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.mailbox import read_outbox
from tests.web.e2e.helpers import Person, look, sign_in, sign_out, signed_up

NEW_PASSWORD = "quiet-harbour-violet-27"
MAIL_WAIT_SECONDS = 10


def mailed_link(folder: Path, email: str) -> str:
    """The link in the newest mail to `email`, as `make run` writes it to the outbox."""
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while not (mails := read_outbox(folder / "data" / "outbox", email)):
        assert time.monotonic() < deadline, f"no mail reached {email}"
        time.sleep(0.1)
    return mails[-1].link


def test_a_forgotten_password_is_replaced_through_the_mailed_link(
    any_page: Page, live_folder: Path, live_server: str
) -> None:
    page = any_page
    person = signed_up(page)
    sign_out(page)
    look(page, "reset-sign-in-offers-it")

    page.get_by_role("link", name="Forgot password?").click()
    page.wait_for_url("**/forgot")
    expect(page.get_by_label("Email")).to_be_focused()
    look(page, "reset-forgot")
    page.get_by_label("Email").fill(person.email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    look(page, "reset-sent")

    link = mailed_link(live_folder, person.email)
    assert link.startswith(f"{live_server}/reset/")
    # `make run` prints each mail as one line with its link, for a click in the terminal.
    log = (live_folder / "server.log").read_text()
    assert f"mail to {person.email}: Reset your Resumate password → {link}" in log

    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    expect(page.get_by_label("New password", exact=True)).to_be_focused()
    look(page, "reset-new-password")
    page.get_by_label("New password", exact=True).fill("password1")
    page.get_by_role("button", name="Set the new password").click()
    expect(page.locator("#password-error")).to_contain_text("common")
    look(page, "reset-weak-password")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set the new password").click()

    page.wait_for_url("**/account?password_changed=1")
    expect(page.get_by_text("Password changed. Other devices were signed out.")).to_be_visible()
    sign_out(page)
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#form-error, .field-error").first).to_be_visible()
    sign_in(page, Person(person.email, NEW_PASSWORD))
    expect(page).to_have_url(re.compile(r"/resumes$"))

    page.goto(link)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    look(page, "reset-used-link")
