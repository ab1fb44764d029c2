"""A file reviewed on a site with an uploads bucket goes from the browser to the bucket, not
through the app, is read from there, and is gone from the bucket once read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, FilePayload, Page, expect

from tests.storage.conftest import S3Server, s3_admin, s3_server
from tests.transfer.direct.conftest import UPLOADS_BUCKET, uploads_bucket
from tests.transfer.resume_files import TEXT_RESUME
from tests.web.e2e.conftest import DEVICES, PageMaker, served_like_make_run
from tests.web.e2e.helpers import look, signed_up

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["s3_admin", "s3_server", "uploads_bucket"]


def bucket_settings(s3_server: S3Server) -> dict[str, str]:
    return {
        "RESUMATE_IMPORT_UPLOAD_BUCKET": UPLOADS_BUCKET,
        "RESUMATE_STORAGE_S3_ENDPOINT_URL": s3_server.endpoint,
        "RESUMATE_STORAGE_S3_ACCESS_KEY_ID": s3_server.access_key,
        "RESUMATE_STORAGE_S3_SECRET_ACCESS_KEY": s3_server.secret_key,
    }


def left_in_bucket(page: Page, s3_admin: S3Client) -> int:
    """How many of the signed-in person's uploads are still in the bucket."""
    user_id = page.request.get("/api/auth/me").json()["id"]
    listed = s3_admin.list_objects_v2(Bucket=UPLOADS_BUCKET, Prefix=f"user-{user_id}/")
    return listed.get("KeyCount", 0)


@pytest.mark.parametrize("device", list(DEVICES))
def test_a_reviewed_file_goes_through_the_bucket(
    browser: Browser,
    tmp_path: Path,
    device: str,
    s3_server: S3Server,
    s3_admin: S3Client,
    uploads_bucket: str,
) -> None:
    with served_like_make_run(tmp_path, bucket_settings(s3_server)) as base_url:
        pages = PageMaker(browser, base_url)
        try:
            page = pages(device)
            signed_up(page)
            page.goto("/resumes/import/review")
            markdown = FilePayload(
                name="cv.md", mimeType="text/markdown", buffer=TEXT_RESUME.encode()
            )
            page.get_by_label("Resume file").set_input_files(markdown)
            bucket = f"{s3_server.endpoint}/{UPLOADS_BUCKET}"
            with page.expect_response(lambda answer: answer.url == bucket) as sent:
                page.get_by_role("button", name="Read it").click()
            assert sent.value.status == 204
            assert sent.value.request.method == "POST"
            expect(page.get_by_role("region", name="What was read")).to_be_visible()
            expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
            expect(page.locator("#review-original-body pre")).to_contain_text("# Ada Lovelace")
            look(page, "import-review-uploaded", full_page=False)

            # Read once, then removed: nothing of this person's is left in the bucket.
            assert left_in_bucket(page, s3_admin) == 0

            page.get_by_role("button", name="Create resume").click()
            expect(page).to_have_url(re.compile(r"/resumes/[0-9a-f-]{36}/edit$"))
            expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
        finally:
            pages.close()


def test_the_dashboards_import_sends_the_file_to_the_bucket(
    browser: Browser, tmp_path: Path, s3_server: S3Server, s3_admin: S3Client, uploads_bucket: str
) -> None:
    with served_like_make_run(tmp_path, bucket_settings(s3_server)) as base_url:
        pages = PageMaker(browser, base_url)
        try:
            page = pages("desktop")
            signed_up(page)
            page.get_by_role("button", name="Import", exact=True).click()
            dialog = page.get_by_role("dialog", name="Import a resume")
            markdown = FilePayload(
                name="cv.md", mimeType="text/markdown", buffer=TEXT_RESUME.encode()
            )
            dialog.get_by_label("File").set_input_files(markdown)
            dialog.get_by_label("Title").fill("Sent to the bucket")
            bucket = f"{s3_server.endpoint}/{UPLOADS_BUCKET}"
            with (
                page.expect_request("**/resumes/import") as imported,
                page.expect_response(lambda answer: answer.url == bucket) as sent,
            ):
                dialog.get_by_role("button", name="Import").click()
            assert sent.value.status == 204
            # The app got the upload's id, not the file.
            assert b"Ada Lovelace" not in (imported.value.post_data_buffer or b"")
            expect(page).to_have_url(re.compile(r"/resumes/[0-9a-f-]{36}/edit$"))
            expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
            assert left_in_bucket(page, s3_admin) == 0

            # A file past the limit is refused before anything is sent.
            page.goto("/resumes")
            page.get_by_role("button", name="Import", exact=True).click()
            large = FilePayload(
                name="big.pdf", mimeType="application/pdf", buffer=b"%PDF-" + b"0" * 10_485_760
            )
            dialog.get_by_label("File").set_input_files(large)
            dialog.get_by_role("button", name="Import").click()
            expect(dialog.get_by_text("That file is too large to import")).to_be_visible()
            expect(dialog.get_by_label("File")).to_have_attribute("aria-invalid", "true")
            look(page, "import-dialog-too-large", full_page=False)
        finally:
            pages.close()
