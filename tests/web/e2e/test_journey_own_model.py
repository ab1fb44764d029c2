"""Bringing one's own language model, on a site whose operator allows it: set it, see only the
key's end, be told why a private address is refused, remove it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.e2e.conftest import DEVICES, PageMaker, served_like_make_run
from tests.web.e2e.helpers import look, signed_up

ALLOWING = {
    "RESUMATE_AI_ALLOW_USER_PROVIDERS": "true",
    "RESUMATE_AUTH_THROTTLE_PER_ADDRESS": "10000",
    "RESUMATE_AUTH_MAIL_PER_CLIENT": "10000",
}


def save(page: Page, kind: str, model: str, key: str, url: str = "") -> None:
    page.get_by_label("Kind").select_option(label=kind)
    page.get_by_label("Server address").fill(url)
    page.get_by_label("Model").fill(model)
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Save my model").click()


@pytest.mark.parametrize("device", list(DEVICES))
def test_set_see_refused_and_remove_ones_own_model(
    browser: Browser, tmp_path: Path, device: str
) -> None:
    with served_like_make_run(tmp_path, ALLOWING) as base_url:
        pages = PageMaker(browser, base_url)
        try:
            page = pages(device)
            signed_up(page)
            page.goto("/account")
            page.get_by_role("link", name="Set up your own model").click()
            expect(page.get_by_text("None: writing help uses the site's model")).to_be_visible()
            save(page, "OpenAI-compatible", "llama3", "sk-local-0000", "http://10.0.0.7:11434/v1")
            expect(
                page.get_by_text("The address 10.0.0.7 is a private or local address.")
            ).to_be_visible()
            expect(page.get_by_label("API key")).to_have_value("")
            look(page, "own-model-refused")
            save(page, "Anthropic", "claude-haiku", "sk-ant-secret-7f3e")
            expect(page.get_by_text("Saved. Writing help now uses your model.")).to_be_visible()
            expect(page.get_by_text("key ending in 7f3e")).to_be_visible()
            expect(page.get_by_text("sk-ant-secret")).to_have_count(0)
            look(page, "own-model-set")
            page.get_by_role("button", name="Remove my model").click()
            expect(page.get_by_text("None: writing help uses the site's model")).to_be_visible()
        finally:
            pages.close()
