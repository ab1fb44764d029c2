"""Two-step verification, as a person sets it up with an authenticator app and signs in."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyotp
from playwright.sync_api import Page, expect

from tests.web.e2e.helpers import Person, look, sign_out, signed_up


def password_step(page: Page, person: Person) -> None:
    page.goto("/login?next=/account")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/login/two-step\?next=%2Faccount$"))


def test_set_up_sign_in_with_a_code_then_a_recovery_code_and_turn_off(any_page: Page) -> None:
    page = any_page
    person = signed_up(page)
    page.goto("/account")
    expect(page.get_by_role("heading", name="Two-step verification")).to_be_visible()
    page.get_by_role("button", name="Set up two-step verification").click()
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    look(page, "two-factor-setup")

    # The key as the page shows it, typed into an "app".
    app = pyotp.TOTP(page.locator("#totp-secret").inner_text().replace(" ", ""))
    page.get_by_label("6-digit code").fill("000000" if app.now() != "000000" else "111111")
    page.get_by_role("button", name="Turn on").click()
    expect(page.locator("#code-error")).to_contain_text("not right")
    look(page, "two-factor-setup-wrong-code")
    page.get_by_label("6-digit code").fill(app.at(time.time() - 30))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Two-step verification is on")).to_be_visible()
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    with page.expect_download() as started:
        page.get_by_role("link", name="Download as .txt").click()
    download = started.value
    assert download.suggested_filename == "resumate-recovery-codes.txt"
    assert Path(download.path()).read_text(encoding="utf-8").split() == codes
    look(page, "two-factor-recovery-codes")
    page.get_by_role("link", name="I've saved them").click()
    expect(page.get_by_text("10 of 10 recovery codes left")).to_be_visible()
    sign_out(page)

    # Password, then the app's code.
    password_step(page, person)
    code = page.get_by_label("Code from your app")
    expect(code).to_be_focused()
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    expect(code).to_have_attribute("inputmode", "numeric")
    look(page, "two-factor-code-step")
    code.fill(app.now())
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r"/account$"))
    sign_out(page)

    # Password, then a recovery code.
    password_step(page, person)
    page.get_by_role("link", name="Use a recovery code").click()
    recovery = page.get_by_label("Recovery code")
    expect(recovery).to_be_focused()
    look(page, "two-factor-recovery-step")
    recovery.fill(codes[0])
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r"/account$"))
    expect(page.get_by_text("9 of 10 recovery codes left")).to_be_visible()
    look(page, "account-two-factor-on")

    # Off: the password and a code (a recovery code here; the app's was just used).
    page.get_by_role("link", name="Manage two-step verification").click()
    look(page, "two-factor-manage")
    page.get_by_label("Your password").last.fill(person.password)
    page.get_by_label("Code from your app, or a recovery code").fill(codes[1])
    page.get_by_role("button", name="Turn off").click()
    expect(page.get_by_text("Two-step verification is off.")).to_be_visible()
    look(page, "two-factor-off")
    sign_out(page)
    page.goto("/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/resumes$"))
