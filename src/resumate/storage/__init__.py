"""Object storage for PDFs and template thumbnails: a local folder or an S3 bucket."""

from __future__ import annotations

from pydantic import SecretStr

from resumate.config import Settings
from resumate.storage.base import (
    SignedUrl,
    Storage,
    StorageNotFound,
    StorageUnavailable,
    validate_key,
)
from resumate.storage.local import LocalStorage

__all__ = [
    "LocalStorage",
    "SignedUrl",
    "Storage",
    "StorageNotFound",
    "StorageUnavailable",
    "build_storage",
    "reveal",
    "validate_key",
]


def build_storage(settings: Settings, secret_key: bytes) -> Storage:
    """The backend `settings.storage.backend` names; `secret_key` signs local download links."""
    config = settings.storage
    if config.backend == "local":
        return LocalStorage(settings.storage_dir, secret_key, config.url_ttl_seconds)
    if not config.s3_bucket:
        raise ValueError("RESUMATE_STORAGE_S3_BUCKET must name the bucket when the backend is s3")
    # Imported here so apps on the local backend never pay for loading boto3.
    from resumate.storage.s3 import S3Storage

    return S3Storage(
        config.s3_bucket,
        ttl_seconds=config.url_ttl_seconds,
        region=config.s3_region,
        endpoint_url=config.s3_endpoint_url,
        access_key_id=reveal(config.s3_access_key_id),
        secret_access_key=reveal(config.s3_secret_access_key),
        prefix=config.s3_prefix,
    )


def reveal(secret: SecretStr | None) -> str | None:
    return secret.get_secret_value() if secret is not None else None
