"""Secrets, KMS keys and log groups: encrypted, rotated and retained."""

from __future__ import annotations

from tests.infra.terraform import MODULES, every_directory, named, of_type


def test_secrets_are_encrypted_with_the_data_key() -> None:
    secrets = of_type(MODULES / "secrets", "aws_secretsmanager_secret").values()
    assert {secret["kms_key_id"] for secret in secrets} == {"${var.kms_key_arn}"}


def test_the_smtp_login_is_a_kms_encrypted_secret_terraform_never_fills() -> None:
    secrets = of_type(MODULES / "secrets", "aws_secretsmanager_secret")
    smtp = secrets["aws_secretsmanager_secret.smtp_credentials"]
    assert smtp["kms_key_id"] == "${var.kms_key_arn}"
    assert smtp["recovery_window_in_days"] == "${var.recovery_window_in_days}"
    # The operator stores the SES credentials; no value of them is in the code or the state.
    versions = of_type(MODULES / "secrets", "aws_secretsmanager_secret_version").values()
    assert all("smtp_credentials" not in version["secret_id"] for version in versions)
    output = named(MODULES / "secrets", "output")["smtp_credentials_arn"]
    assert output["value"] == "${aws_secretsmanager_secret.smtp_credentials.arn}"


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
