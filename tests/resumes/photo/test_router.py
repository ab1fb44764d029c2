"""The photo: uploaded, stripped of its metadata, stored, printed inlined, hidden by redaction."""

from __future__ import annotations

import io
import os
from typing import Any

import httpx
from PIL import Image
from pypdf import PdfReader

from resumate.resumes.photo.images import MAX_SIDE
from tests.helpers import Account, AppParts, create_resume, error_fields, if_match, sign_up
from tests.resumes.photo.images import GPS_IFD, photo_with_metadata, small_png


async def upload(
    client: httpx.AsyncClient, account: Account, resume_id: str, content: bytes, name: str
) -> httpx.Response:
    files = {"file": (name, content, "image/jpeg")}
    return await client.put(f"/api/resumes/{resume_id}/photo", files=files, headers=account.headers)


async def with_photo(
    client: httpx.AsyncClient, account: Account, template: str = "portrait"
) -> dict[str, Any]:
    """A resume in `template` whose basics.image is its uploaded photo, as the editor saves it."""
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    chosen = next(t for t in templates if t["slug"] == template)
    resume = await create_resume(client, account, templateId=chosen["id"])
    answer = await upload(client, account, resume["id"], photo_with_metadata(), "me.jpg")
    assert answer.status_code == 200, answer.text
    data = {"basics": {"name": "Ada", "image": answer.json()["image"]}}
    saved = await client.patch(
        f"/api/resumes/{resume['id']}", json={"data": data}, headers=if_match(account, 1)
    )
    assert saved.status_code == 200, saved.text
    body: dict[str, Any] = saved.json()
    return body


def images_in(pdf: bytes) -> list[Any]:
    reader = PdfReader(io.BytesIO(pdf))
    return [image for page in reader.pages for image in page.images]


async def test_an_uploaded_photo_keeps_its_pixels_and_loses_its_metadata(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    for kind in ("JPEG", "PNG"):
        answer = await upload(client, account, resume["id"], photo_with_metadata(kind=kind), "a")
        assert answer.status_code == 200, answer.text
        address = answer.json()["image"]
        assert address.startswith(f"/api/resumes/{resume['id']}/photo?v=")

        stored = await client.get(address, headers=account.headers)

        assert stored.status_code == 200
        assert stored.headers["content-type"] == "image/jpeg"
        image = Image.open(io.BytesIO(stored.content))
        assert image.size == (MAX_SIDE, MAX_SIDE)
        assert not image.getexif()
        assert not image.getexif().get_ifd(GPS_IFD)
        assert not {"exif", "icc_profile", "comment", "xmp"} & image.info.keys()
        assert b"Spy camera" not in stored.content
        assert b"taken at home" not in stored.content
        # Its left half is the photo's blue, its right half the red.
        assert image.getpixel((100, 400))[2] > 150  # type: ignore[index]
        assert image.getpixel((700, 400))[0] > 150  # type: ignore[index]


async def test_anything_but_a_photo_is_refused_naming_the_file(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    too_big = photo_with_metadata() + os.urandom(6 * 1024 * 1024)
    for content in (b"%PDF-1.7 not a photo", b"<svg xmlns='http://www.w3.org/2000/svg'/>", too_big):
        answer = await upload(client, account, resume["id"], content, "me.jpg")
        assert answer.status_code == 422, answer.text
        assert error_fields(answer) == ["file"]
    missing = await client.put(f"/api/resumes/{resume['id']}/photo", headers=account.headers)
    assert missing.status_code == 422


async def test_only_the_owner_reaches_the_photo(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    resume = await with_photo(client, owner)
    address = resume["data"]["basics"]["image"]
    intruder = await sign_up(client)

    assert (await client.get(address, headers=intruder.headers)).status_code == 404
    assert (await upload(client, intruder, resume["id"], small_png(), "x.png")).status_code == 404
    base = f"/api/resumes/{resume['id']}/photo"
    assert (await client.delete(base, headers=intruder.headers)).status_code == 404
    assert (await client.get(address, headers=owner.headers)).status_code == 200
    client.cookies.clear()
    assert (await client.get(address)).status_code == 401


async def test_the_photo_is_printed_inlined_and_deleting_it_takes_it_away(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await with_photo(client, account)
    base = f"/api/resumes/{resume['id']}"

    preview = await client.get(f"{base}/preview", headers=account.headers)
    assert '<img class="photo photo-circle" src="data:image/jpeg;base64,' in preview.text
    assert "/photo?v=" not in preview.text
    printed = await client.post(f"{base}/generate-pdf", headers=account.headers)
    pdf = await client.get(printed.json()["url"])
    assert len(images_in(pdf.content)) == 1

    assert (await client.delete(f"{base}/photo", headers=account.headers)).status_code == 204
    assert not list((context.settings.storage_dir / "photos" / "resumes").glob(f"{resume['id']}/*"))
    preview = await client.get(f"{base}/preview", headers=account.headers)
    assert "data:image/jpeg" not in preview.text


async def test_show_photo_off_and_an_outside_address_print_no_photo(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await with_photo(client, account)
    base = f"/api/resumes/{resume['id']}"
    off = await client.post(
        f"{base}/preview", json={"theme": {"showPhoto": False}}, headers=account.headers
    )
    assert "data:image/jpeg" not in off.text
    outside = {"basics": {"name": "Ada", "image": "https://example.com/me.jpg"}}
    elsewhere = await client.post(
        f"{base}/preview", json={"data": outside}, headers=account.headers
    )
    assert "<img" not in elsewhere.text
    assert "example.com/me.jpg" not in elsewhere.text


async def test_a_share_link_shows_the_photo_unless_it_is_redacted(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await with_photo(client, account)
    shares = f"/api/resumes/{resume['id']}/shares"
    seen = {}
    for hidden in (False, True):
        body = {"label": "Acme", "redact": {"photo": hidden}}
        made = await client.post(shares, json=body, headers=account.headers)
        assert made.status_code == 201, made.text
        path = "/r/" + made.json()["url"].rsplit("/r/", 1)[1]
        client.cookies.clear()  # a visitor: no session, only the link
        page = await client.get(path)
        pdf = await client.get(path + "/pdf")
        seen[hidden] = ("data:image/jpeg" in page.text, len(images_in(pdf.content)))
    assert seen == {False: (True, 1), True: (False, 0)}


async def test_deleting_the_resume_for_good_deletes_its_photo(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await with_photo(client, account)
    folder = context.settings.storage_dir / "photos" / "resumes" / resume["id"]
    assert list(folder.glob("*.jpg"))
    await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    purged = await client.delete(f"/api/resumes/trash/{resume['id']}", headers=account.headers)
    assert purged.status_code == 204
    assert not list(folder.glob("*.jpg"))
