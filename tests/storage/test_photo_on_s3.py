"""The photo on the S3 backend: kept in the bucket, cleaned, and inlined where it is printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from tests.helpers import create_resume, if_match, sign_up
from tests.resumes.photo.images import photo_with_metadata
from tests.storage.test_pdf_on_s3 import database_url, s3_client

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["database_url", "s3_client"]  # fixtures, used by name


async def test_a_photo_is_stored_in_the_bucket_and_printed_from_it(
    s3_client: httpx.AsyncClient, s3_admin: S3Client, s3_bucket: str
) -> None:
    account = await sign_up(s3_client)
    templates = (await s3_client.get("/api/templates", headers=account.headers)).json()
    portrait = next(t["id"] for t in templates if t["slug"] == "portrait")
    resume = await create_resume(s3_client, account, templateId=portrait)
    base = f"/api/resumes/{resume['id']}"
    files = {"file": ("me.jpg", photo_with_metadata(), "image/jpeg")}
    answer = await s3_client.put(f"{base}/photo", files=files, headers=account.headers)
    assert answer.status_code == 200, answer.text
    version = answer.json()["image"].rsplit("v=", 1)[1]

    objects = s3_objects(s3_admin, s3_bucket, f"photos/resumes/{resume['id']}/")
    assert list(objects) == [f"photos/resumes/{resume['id']}/{version}.jpg"]
    assert b"Spy camera" not in next(iter(objects.values()))

    data = {"basics": {"name": "Ada", "image": answer.json()["image"]}}
    saved = await s3_client.patch(base, json={"data": data}, headers=if_match(account, 1))
    assert saved.status_code == 200, saved.text
    preview = await s3_client.get(f"{base}/preview", headers=account.headers)
    assert '<img class="photo photo-circle" src="data:image/jpeg;base64,' in preview.text

    assert (await s3_client.delete(f"{base}/photo", headers=account.headers)).status_code == 204
    assert s3_objects(s3_admin, s3_bucket, f"photos/resumes/{resume['id']}/") == {}


def s3_objects(s3: S3Client, bucket: str, prefix: str) -> dict[str, bytes]:
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {o["Key"]: s3.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed}
