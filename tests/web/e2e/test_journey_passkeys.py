"""Passkeys in real Chromium, with its virtual authenticator (CDP WebAuthn), not a fake:
add one, sign out, sign in with it and no password, rename and remove it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import CDPSession, Page, expect

from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.helpers import look, sign_out, signed_up


def platform_authenticator(page: Page) -> tuple[CDPSession, str]:
    """A passkey provider built into this page's browser: it keeps discoverable credentials
    and verifies the user (as a fingerprint would) without asking."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def credentials(cdp: CDPSession, authenticator: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = cdp.send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator}
    )["credentials"]
    return found


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_add_a_passkey_sign_in_with_it_and_remove_it(named_pages: PageMaker, device: str) -> None:
    page = named_pages(device)
    cdp, authenticator = platform_authenticator(page)
    person = signed_up(page)
    page.goto("/account")
    section = page.locator("#passkeys")
    expect(section.get_by_text("You have no passkeys yet.")).to_be_visible()
    look(page, "passkeys-none")

    section.get_by_role("button", name="Add a passkey").click()
    naming = page.get_by_role("dialog", name="Name your new passkey")
    expect(naming).to_be_visible()
    expect(naming.get_by_label("Name")).to_have_value("Chrome on Linux")
    look(page, "passkeys-name-new", full_page=False)
    naming.get_by_label("Name").fill("My laptop")
    naming.get_by_role("button", name="Save name").click()
    expect(page.get_by_text("Passkey renamed.")).to_be_visible()
    expect(section.locator(".passkey-name")).to_have_text(["My laptop"])
    stored = credentials(cdp, authenticator)
    assert len(stored) == 1
    assert stored[0]["isResidentCredential"]

    sign_out(page)
    look(page, "passkeys-sign-in")
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url("**/resumes")
    page.goto("/account")
    expect(page.get_by_text(f"Signed in as {person.email}")).to_be_visible()
    expect(section.get_by_text(re.compile("last used"))).to_be_visible()
    look(page, "passkeys-list")

    section.get_by_role("button", name="Rename My laptop").click()
    renaming = page.get_by_role("dialog", name="Rename passkey")
    renaming.get_by_label("Name").fill(" ")
    renaming.get_by_role("button", name="Save name").click()
    expect(page.get_by_role("heading", name="Rename passkey")).to_be_visible()
    field = page.get_by_role("textbox", name="Name")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    look(page, "passkeys-rename-empty")
    field.fill("Work laptop")
    page.get_by_role("button", name="Save name").click()
    expect(section.locator(".passkey-name")).to_have_text(["Work laptop"])

    section.get_by_role("button", name="Remove Work laptop").click()
    confirm = page.get_by_role("dialog", name="Remove “Work laptop”?")
    expect(confirm).to_be_visible()
    look(page, "passkeys-remove", full_page=False)
    confirm.get_by_role("button", name="Remove passkey").click()
    expect(page.get_by_text("Passkey removed.")).to_be_visible()
    expect(section.get_by_text("You have no passkeys yet.")).to_be_visible()

    # The authenticator still holds it, but the site no longer takes it.
    sign_out(page)
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_text("This passkey is not registered here.")).to_be_visible()
    assert "/login" in page.url


def test_a_passkey_this_browser_does_not_have_is_said_plainly(named_pages: PageMaker) -> None:
    page = named_pages()
    platform_authenticator(page)  # one that holds no passkey for this site
    page.goto("/login")
    button = page.get_by_role("button", name="Sign in with a passkey")
    button.click()
    expect(page.get_by_text("No passkey was chosen")).to_be_visible()
    expect(button).to_be_enabled()
    assert "/login" in page.url
    look(page, "passkeys-sign-in-none")


def test_at_an_ip_address_the_pages_say_where_passkeys_work(page: Page) -> None:
    """`make run` serves 127.0.0.1, where browsers make no passkeys: say so, offer no button."""
    signed_up(page)
    page.goto("/account")
    named = page.url.replace("//127.0.0.1:", "//localhost:").split("/account")[0]
    section = page.locator("#passkeys")
    expect(section.get_by_text("Passkeys need the site's name: open")).to_be_visible()
    expect(section.get_by_role("link", name=named)).to_have_attribute("href", f"{named}/account")
    expect(section.get_by_role("button", name="Add a passkey")).to_have_count(0)
    look(page, "passkeys-at-an-ip-address")
    sign_out(page)
    expect(page.get_by_role("link", name=named)).to_have_attribute("href", f"{named}/login")
    expect(page.get_by_role("button", name="Sign in with a passkey")).to_have_count(0)
    look(page, "passkeys-sign-in-at-an-ip-address")
