"""The API documentation: Swagger UI renders every operation from the app alone, no network."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.web.e2e.helpers import screenshot


def test_the_api_docs_render_from_the_app_alone(page: Page, live_server: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    response = page.goto("/api/docs")
    assert response is not None
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Resumate AI")
    resumes = page.locator(".opblock-summary-path", has_text="/api/resumes")
    expect(resumes.first).to_be_visible()
    assert page.locator(".opblock").count() > 10
    expect(page.locator("body")).not_to_contain_text("Failed to load API definition")
    # A screenshot only, not look(): axe finds serious violations in Swagger UI's own markup and
    # styles (method badges' contrast, a button inside each operation's summary button, no
    # lang on FastAPI's <html>), which are not the app's to fix.
    screenshot(page, "api-docs-desktop")
    # Script, styles, icon and the OpenAPI document all came from the app itself.
    elsewhere = [url for url in asked if not url.startswith((f"{live_server}/", "data:"))]
    assert elsewhere == []
    assert f"{live_server}/api/openapi.json" in asked
