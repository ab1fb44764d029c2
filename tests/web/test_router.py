"""/assets: the pages' own files, cached for a year when versioned and revalidated otherwise."""

from __future__ import annotations

import httpx

from resumate.web.assets import asset_url, fingerprint


async def test_a_versioned_link_is_cached_for_a_year(client: httpx.AsyncClient) -> None:
    response = await client.get(asset_url("js/editor/main.js"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_a_module_imported_by_plain_path_is_revalidated_with_a_304(
    client: httpx.AsyncClient,
) -> None:
    first = await client.get("/assets/js/editor/save.js")
    assert first.headers["cache-control"] == "no-cache"
    assert first.headers["etag"] == f'"{fingerprint("js/editor/save.js")}"'
    again = await client.get(
        "/assets/js/editor/save.js", headers={"If-None-Match": first.headers["etag"]}
    )
    assert (again.status_code, again.content) == (304, b"")


async def test_a_changed_file_is_sent_again(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/css/app.css", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert response.content


async def test_nothing_outside_the_asset_folders_is_served(client: httpx.AsyncClient) -> None:
    # Encoded, so the client sends the dots as they are and the route sees `../`.
    for path in ("%2e%2e/router.py", "js/%2e%2e/%2e%2e/templating.py", "templates/base.html"):
        assert (await client.get(f"/assets/{path}")).status_code == 404, path
