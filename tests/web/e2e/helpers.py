"""What journeys do again and again: sign up, in and out; look at a page (screenshot, axe)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.helpers import PASSWORD, unique_email
from tests.mailbox import Received, link_token, take_mail

HERE = Path(__file__).parent
SCREENS = HERE.parents[2] / "test-artifacts" / "screens"
AXE = HERE.parent / "vendor" / "axe.min.js"


@dataclass(frozen=True)
class Person:
    email: str
    password: str


def signed_up(page: Page, email: str | None = None, password: str = PASSWORD) -> Person:
    """A new account, made through the sign-up form and the mailed link; the page ends signed
    in, on the page the sign-up was for (the dashboard unless `?next=` said otherwise)."""
    person = Person(email or unique_email("e2e"), password)
    page.goto("/signup")
    fill_sign_up(page, person)
    confirm_mailed_link(page, person.email)
    page.wait_for_url("**/resumes")
    return person


def fill_sign_up(page: Page, person: Person) -> None:
    """Send the sign-up form; the page ends on "Check your e-mail"."""
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()


def confirm_mailed_link(page: Page, email: str) -> None:
    """Open the sign-up link mailed to `email` and press Confirm."""
    page.goto(mailed_link(page, email, "/verify-email/"))
    page.get_by_role("button", name="Confirm and create my account").click()


# The live servers' outbox folders by base URL (`make run` mails into data/outbox/).
OUTBOXES: dict[str, Path] = {}


def mailed(page: Page, email: str, timeout: float = 10) -> list[Received]:
    """The mail sent to `email` since last asked, waiting for it: the server sends it after
    answering."""
    parts = urlsplit(page.url)
    folder = OUTBOXES[f"{parts.scheme}://{parts.netloc}"]
    deadline = time.monotonic() + timeout
    while not (received := take_mail(folder, email)):
        assert time.monotonic() < deadline, f"nothing was mailed to {email}"
        time.sleep(0.1)
    return received


def mailed_link(page: Page, email: str, path: str) -> str:
    """The path of the newest link under `path` mailed to `email`."""
    return path + link_token(mailed(page, email)[-1], path)


def sign_in(page: Page, person: Person) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def sign_out(page: Page) -> None:
    """Sign out from the top bar, going to the account page first if this page has none."""
    button = page.get_by_role("navigation", name="Main").get_by_role("button", name="Sign out")
    if not button.is_visible():
        page.goto("/account")
    button.click()
    page.wait_for_url("**/login?signed_out=1")


def device(page: Page) -> str:
    size = page.viewport_size
    return "phone" if size and size["width"] < 600 else "desktop"


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save the page as test-artifacts/screens/<name>.png (CI keeps the folder).

    Take an open modal dialog with `full_page=False`: its backdrop covers the viewport only.
    """
    path = SCREENS / f"{name}.png"
    page.screenshot(path=path, full_page=full_page)
    return path


def assert_accessible(page: Page) -> None:
    """Fail listing every serious or critical axe-core violation on the page as it is now."""
    # Evaluated rather than added as a <script>: the page's CSP (script-src 'self') stays on,
    # so the journeys also prove the pages work under their real policy.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                               targets: v.nodes.map((n) => n.target.join(" ")) }));
        }"""
    )
    listed = [f"- {v['id']} ({v['impact']}): {v['help']}: {v['targets']}" for v in violations]
    assert not violations, f"{page.url} has accessibility violations:\n" + "\n".join(listed)


def look(page: Page, name: str, *, full_page: bool = True) -> None:
    """Screenshot the page (named for the device) and check it with axe."""
    screenshot(page, f"{name}-{device(page)}", full_page=full_page)
    assert_accessible(page)
