"""build_storage picks the backend the settings name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from resumate.config import Settings
from resumate.storage import LocalStorage, build_storage
from resumate.storage.s3 import S3Storage
from tests.storage.conftest import SECRET


def settings(tmp_path: Path, **storage: Any) -> Settings:
    return Settings.model_validate({"env": "test", "data_dir": tmp_path, "storage": storage})


def test_the_default_is_local_storage_in_the_data_directory(tmp_path: Path) -> None:
    storage = build_storage(settings(tmp_path), SECRET)
    assert isinstance(storage, LocalStorage)
    assert storage.root == tmp_path / "storage"


async def test_the_s3_backend_uses_the_configured_bucket_and_prefix(tmp_path: Path) -> None:
    storage = build_storage(
        settings(tmp_path, backend="s3", s3_bucket="pdfs", s3_prefix="prod"), SECRET
    )
    assert isinstance(storage, S3Storage)
    assert (storage.bucket, storage.object_name("a.pdf")) == ("pdfs", "prod/a.pdf")
    await storage.close()


def test_the_s3_backend_without_a_bucket_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="S3_BUCKET"):
        build_storage(settings(tmp_path, backend="s3"), SECRET)
