"""/api/docs: Swagger UI from the package's own files, so the page works with no network."""

from __future__ import annotations

import re

import httpx

from resumate.web.assets import STATIC_DIR

SWAGGER_UI = STATIC_DIR / "vendor" / "swagger-ui"
# Every src or href the page names: each must be a same-origin path of the vendored files.
LINKED = re.compile(r"""(?:src|href)="([^"]*)\"""")
EXPECTED_TYPES = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}


async def test_the_docs_page_names_only_the_vendored_files(client: httpx.AsyncClient) -> None:
    page = await client.get("/api/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "SwaggerUIBundle(" in html
    assert "url: '/api/openapi.json'" in html
    assert '"validatorUrl": null' in html
    assert "oauth2RedirectUrl" not in html
    # No address outside the app at all, not even in a comment.
    assert not re.search(r"https?:|//[a-z0-9]", html, re.IGNORECASE)
    links = LINKED.findall(html)
    named = {link.split("?")[0].removeprefix("/assets/vendor/swagger-ui/") for link in links}
    assert named == set(EXPECTED_TYPES)
    for link in links:
        assert re.fullmatch(r"/assets/vendor/swagger-ui/[a-z0-9.-]+\?v=[0-9a-f]{12}", link), link
        asset = await client.get(link)
        assert asset.status_code == 200, link
        assert asset.headers["content-type"] == EXPECTED_TYPES[link.split("?")[0].split("/")[-1]]
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_the_docs_page_and_its_redirect_are_not_in_the_api_document(
    client: httpx.AsyncClient,
) -> None:
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    assert [path for path in paths if "docs" in path] == []
    # FastAPI's OAuth2 redirect page went with its docs page: the API has no OAuth2 flow.
    assert (await client.get("/docs/oauth2-redirect")).status_code == 404


def test_only_the_files_the_page_needs_are_vendored() -> None:
    shipped = {path.name for path in SWAGGER_UI.iterdir()}
    notes = {"LICENSE", "swagger-ui-bundle.js.LICENSE.txt", "README.md"}
    assert shipped == set(EXPECTED_TYPES) | notes


def test_the_stylesheet_loads_nothing_from_elsewhere() -> None:
    css = (SWAGGER_UI / "swagger-ui.css").read_text(encoding="utf-8")
    # Every url() is inline data (its SVGs name the SVG namespace, which is never fetched).
    urls = re.findall(r"url\(\s*['\"]?([^'\")\s]*)", css)
    assert urls
    assert [url for url in urls if not url.startswith("data:")] == []
    assert "@import" not in css
    assert "sourceMappingURL" not in css


def test_the_script_loads_nothing_from_elsewhere() -> None:
    js = (SWAGGER_UI / "swagger-ui-bundle.js").read_text(encoding="utf-8")
    assert "sourceMappingURL" not in js
    # No CDN is named at all: no script, style or font is pulled in at run time.
    for host in ("cdn.", "unpkg", "jsdelivr", "cdnjs", "googleapis", "gstatic", "scarf"):
        assert host not in js, host
    # The one service it calls by itself, swagger.io's validator, the page turns off (checked
    # above); the end-to-end journey proves the browser asks nothing of any other host.
