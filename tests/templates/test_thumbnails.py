import struct

import httpx

from tests.helpers import AppParts, sign_up


async def test_every_template_has_a_png_thumbnail(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    for template in templates[:2]:
        response = await client.get(template["thumbnailUrl"], headers=account.headers)
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/png"
        width, height = struct.unpack(">II", response.content[16:24])
        assert (width, height) == (794, 1123)  # twice the size the cards show


async def test_a_thumbnail_is_made_once_and_then_served_from_storage(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    template = (await client.get("/api/templates", headers=account.headers)).json()[0]
    first = await client.get(template["thumbnailUrl"], headers=account.headers)
    rendered = context.renderer.png

    async def no_rendering(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("rendered again")

    context.renderer.png = no_rendering  # type: ignore[method-assign]
    try:
        second = await client.get(template["thumbnailUrl"], headers=account.headers)
    finally:
        context.renderer.png = rendered  # type: ignore[method-assign]
    assert second.content == first.content
    assert "immutable" in second.headers["cache-control"]


async def test_thumbnails_need_a_session(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    template = (await client.get("/api/templates", headers=account.headers)).json()[0]
    client.cookies.clear()
    assert (await client.get(template["thumbnailUrl"])).status_code == 401
