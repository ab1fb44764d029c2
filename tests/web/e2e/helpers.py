"""What journeys do again and again: sign up, in and out; look at a page (screenshot, axe)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from tests.helpers import PASSWORD, unique_email

HERE = Path(__file__).parent
SCREENS = HERE.parents[2] / "test-artifacts" / "screens"
AXE = HERE.parent / "vendor" / "axe.min.js"


@dataclass(frozen=True)
class Person:
    email: str
    password: str


def signed_up(page: Page, email: str | None = None, password: str = PASSWORD) -> Person:
    """A new account, made through the sign-up form; the page ends signed in."""
    person = Person(email or unique_email("e2e"), password)
    page.goto("/signup")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/resumes")
    return person


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
