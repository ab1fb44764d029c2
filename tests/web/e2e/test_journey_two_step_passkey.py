"""A passkey as the second step, in real Chromium with its virtual authenticator: two-step on
with an app, a passkey added, then the password and "Use a passkey" sign in."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.helpers import look, sign_out, signed_up
from tests.web.e2e.test_journey_passkeys import credentials, platform_authenticator


def turn_on_two_step(page: Page) -> pyotp.TOTP:
    page.goto("/account")
    page.get_by_role("button", name="Set up two-step verification").click()
    app = pyotp.TOTP(page.locator("#totp-secret").inner_text().replace(" ", ""))
    page.get_by_label("6-digit code").fill(app.at(time.time() - 30))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Two-step verification is on")).to_be_visible()
    page.get_by_role("link", name="I've saved them").click()
    return app


def add_passkey(page: Page) -> None:
    page.goto("/account")
    page.locator("#passkeys").get_by_role("button", name="Add a passkey").click()
    naming = page.get_by_role("dialog", name="Name your new passkey")
    naming.get_by_role("button", name="Save name").click()
    expect(page.get_by_text("Passkey renamed.")).to_be_visible()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_password_then_a_passkey_signs_in(named_pages: PageMaker, device: str) -> None:
    page = named_pages(device)
    cdp, authenticator = platform_authenticator(page)
    person = signed_up(page)
    turn_on_two_step(page)
    add_passkey(page)
    assert len(credentials(cdp, authenticator)) == 1
    sign_out(page)

    page.goto("/login?next=/account")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/login/two-step\?next=%2Faccount$"))
    use = page.get_by_role("button", name="Use a passkey")
    expect(use).to_be_visible()
    expect(page.get_by_label("Code from your app")).to_be_focused()
    look(page, "two-step-passkey")
    use.click()
    page.wait_for_url(re.compile(r"/account$"))
    expect(page.get_by_text(f"Signed in as {person.email}")).to_be_visible()
    expect(page.locator("#passkeys").get_by_text(re.compile("last used"))).to_be_visible()


def test_a_passkey_this_browser_does_not_have_leaves_the_code_step(
    named_pages: PageMaker,
) -> None:
    page = named_pages()
    cdp, authenticator = platform_authenticator(page)
    person = signed_up(page)
    app = turn_on_two_step(page)
    add_passkey(page)
    sign_out(page)
    # This browser's passkey is gone (another computer, say): the app's code still signs in.
    cdp.send("WebAuthn.clearCredentials", {"authenticatorId": authenticator})
    page.goto("/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/login/two-step"))
    use = page.get_by_role("button", name="Use a passkey")
    use.click()
    expect(page.get_by_text("No passkey was used")).to_be_visible()
    expect(use).to_be_enabled()
    look(page, "two-step-passkey-none")
    page.get_by_label("Code from your app").fill(app.now())
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r"/resumes$"))
