"""Secrets, KMS keys and log groups: encrypted, rotated and retained."""

from __future__ import annotations

from tests.infra.terraform import MODULES, every_directory, of_type


def test_secrets_are_encrypted_with_the_data_key() -> None:
    secrets = of_type(MODULES / "secrets", "aws_secretsmanager_secret").values()
    assert {secret["kms_key_id"] for secret in secrets} == {"${var.kms_key_arn}"}


def test_every_kms_key_rotates() -> None:
    keys = [key for path in every_directory() for key in of_type(path, "aws_kms_key").values()]
    assert len(keys) >= 3
    assert all(key["enable_key_rotation"] is True for key in keys)


def test_every_log_group_has_retention_and_a_kms_key() -> None:
    groups = [
        group
        for path in every_directory()
        for group in of_type(path, "aws_cloudwatch_log_group").values()
    ]
    assert len(groups) >= 5
    assert all(group["retention_in_days"] and group["kms_key_id"] for group in groups)
