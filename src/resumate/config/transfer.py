"""Settings of importing resume files (`RESUMATE_IMPORT_*`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The largest file the import reads (`resumate.transfer.reading.limits.MAX_BYTES`, 10 MB), and
# room for the multipart form around it.
UPLOAD_BYTES = 10 * 1024 * 1024 + 64 * 1024


class ImportSettings(BaseSettings):
    """A file to import is read in a worker process of its own, within these limits."""

    model_config = SettingsConfigDict(env_prefix="RESUMATE_IMPORT_", extra="ignore")

    # The request body limit of the two import routes (`POST /api/resumes/import`, the
    # dashboard's form), which take a file; every other route keeps `RESUMATE_MAX_BODY_BYTES`.
    max_body_bytes: int = Field(default=UPLOAD_BYTES, ge=1024)
    # The longest one file may take to read; past it the worker is replaced and the file refused.
    timeout_seconds: float = Field(default=10, gt=0, le=120)
    # The worker's address space: a file that needs more is refused.
    memory_mb: int = Field(default=1536, ge=256, le=65_536)
    # Files allowed to wait while one is read; beyond that the answer is 503 with Retry-After.
    queue_limit: int = Field(default=10, ge=0, le=1000)
    # Direct uploads: the bucket a browser sends the file to, instead of through the app (read
    # and removed by the app, and by the bucket's own lifecycle rule after a day if not). It is
    # reached with the `RESUMATE_STORAGE_S3_*` endpoint, region and keys; unset, files come in
    # the import's form.
    upload_bucket: str | None = Field(default=None, min_length=3, max_length=63)
    # How long a signed upload form stays good.
    upload_seconds: int = Field(default=300, ge=30, le=3600)
