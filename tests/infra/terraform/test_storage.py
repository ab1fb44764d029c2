"""S3 buckets locked down and encrypted, and the assets CDN served over HTTPS."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.infra.terraform import (
    ENVS,
    MODULES,
    TERRAFORM,
    Block,
    every_directory,
    named,
    of_type,
    resource,
    typed,
)

# Buckets whose objects live minutes: unversioned, so that deleting one really deletes it.
TRANSIENT_BUCKETS = {"uploads"}


def same_bucket(body: Block, bucket: str) -> bool:
    return body.get("bucket") == f"${{aws_s3_bucket.{bucket}.id}}"


def bucket_parts(path: Path, type_: str, bucket: str) -> list[Block]:
    return [body for body in of_type(path, type_).values() if same_bucket(body, bucket)]


def all_buckets() -> list[tuple[Path, str]]:
    return [
        (path, address.split(".")[1])
        for path in every_directory()
        for address in of_type(path, "aws_s3_bucket")
    ]


@pytest.mark.parametrize(
    ("path", "bucket"), all_buckets(), ids=lambda value: getattr(value, "name", value)
)
def test_bucket_blocks_public_access_encrypts_versions_and_expires(path: Path, bucket: str) -> None:
    (block,) = bucket_parts(path, "aws_s3_bucket_public_access_block", bucket)
    flags = (
        "block_public_acls",
        "block_public_policy",
        "ignore_public_acls",
        "restrict_public_buckets",
    )
    assert all(block[flag] is True for flag in flags)
    (ownership,) = bucket_parts(path, "aws_s3_bucket_ownership_controls", bucket)
    assert ownership["rule"][0]["object_ownership"] == "BucketOwnerEnforced"
    assert bucket_parts(path, "aws_s3_bucket_server_side_encryption_configuration", bucket)
    if bucket in TRANSIENT_BUCKETS:
        assert not bucket_parts(path, "aws_s3_bucket_versioning", bucket)
    else:
        (versioning,) = bucket_parts(path, "aws_s3_bucket_versioning", bucket)
        assert versioning["versioning_configuration"][0]["status"] == "Enabled"
    assert bucket_parts(path, "aws_s3_bucket_lifecycle_configuration", bucket)


@pytest.mark.parametrize(
    ("path", "bucket"), all_buckets(), ids=lambda value: getattr(value, "name", value)
)
def test_bucket_policy_refuses_plain_http(path: Path, bucket: str) -> None:
    (policy,) = bucket_parts(path, "aws_s3_bucket_policy", bucket)
    document = (
        policy["policy"].removeprefix("${data.aws_iam_policy_document.").removesuffix(".json}")
    )
    deny = typed(path, "data")[f"aws_iam_policy_document.{document}"]["statement"][0]
    assert deny["effect"] == "Deny"
    assert deny["condition"][0]["variable"] == "aws:SecureTransport"
    assert deny["condition"][0]["values"] == ["false"]


@pytest.mark.parametrize("bucket", ["pdfs", "assets", "uploads"])
def test_app_bucket_uses_sse_kms_and_logs_access(bucket: str) -> None:
    storage = MODULES / "storage"
    (encryption,) = bucket_parts(
        storage, "aws_s3_bucket_server_side_encryption_configuration", bucket
    )
    default = encryption["rule"][0]["apply_server_side_encryption_by_default"][0]
    assert default == {"sse_algorithm": "aws:kms", "kms_master_key_id": "${var.kms_key_arn}"}
    (logging,) = bucket_parts(storage, "aws_s3_bucket_logging", bucket)
    assert logging["target_bucket"] == "${var.access_logs_bucket}"


def test_replaced_pdfs_expire_but_current_ones_stay() -> None:
    (rule,) = resource("storage", "aws_s3_bucket_lifecycle_configuration.pdfs")["rule"]
    assert (
        rule["noncurrent_version_expiration"][0]["noncurrent_days"]
        == "${var.noncurrent_version_days}"
    )
    assert "days" not in rule["expiration"][0], (
        "the app links to current PDFs without checking them"
    )


def test_uploads_expire_after_a_day_with_their_unfinished_multipart_uploads() -> None:
    (rule,) = resource("storage", "aws_s3_bucket_lifecycle_configuration.uploads")["rule"]
    assert rule["status"] == "Enabled"
    assert rule["filter"] == [{}], "the rule must cover every key"
    assert rule["expiration"] == [{"days": 1}]
    assert rule["abort_incomplete_multipart_upload"] == [{"days_after_initiation": 1}]


def test_uploads_accept_only_posts_from_the_apps_own_origin() -> None:
    (rule,) = resource("storage", "aws_s3_bucket_cors_configuration.uploads")["cors_rule"]
    assert rule["allowed_methods"] == ["POST"]
    assert rule["allowed_origins"] == "${var.allowed_origins}"
    assert rule["expose_headers"] == ["ETag"]
    assert "allowed_headers" not in rule
    for env in ENVS:
        call = named(TERRAFORM / "envs" / env, "module")["storage"]
        assert call["allowed_origins"] == ["https://${var.app_domain_name}"]


def test_assets_are_served_by_cloudfront_over_https_through_origin_access_control() -> None:
    distribution = resource("storage", "aws_cloudfront_distribution.assets")
    assert distribution["origin"][0]["origin_access_control_id"].startswith(
        "${aws_cloudfront_origin_access_control.assets"
    )
    behaviour = distribution["default_cache_behavior"][0]
    assert behaviour["viewer_protocol_policy"] == "https-only"
    assert (
        behaviour["response_headers_policy_id"]
        == "${aws_cloudfront_response_headers_policy.assets.id}"
    )
    headers = resource("storage", "aws_cloudfront_response_headers_policy.assets")[
        "security_headers_config"
    ][0]
    assert {"strict_transport_security", "content_type_options", "frame_options"} <= set(headers)
