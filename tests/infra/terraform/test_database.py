"""The PostgreSQL instance: private, encrypted, backed up and hard to delete."""

from __future__ import annotations

import pytest

from tests.infra.terraform import ENVS, MODULES, TERRAFORM, locals_of, named, resource


def test_database_is_encrypted_private_backed_up_and_deletion_protected() -> None:
    database = resource("database", "aws_db_instance.this")
    assert database["engine"] == "postgres"
    assert named(MODULES / "database", "variable")["engine_version"]["default"] == "16"
    assert database["storage_encrypted"] is True
    assert database["publicly_accessible"] is False
    assert database["deletion_protection"] is True
    assert database["skip_final_snapshot"] is False
    assert database["copy_tags_to_snapshot"] is True
    condition = named(MODULES / "database", "variable")["backup_retention_period"]["validation"][0]
    assert "var.backup_retention_period >= 7" in condition["condition"]


def test_database_password_is_managed_by_rds_and_iam_auth_and_monitoring_are_on() -> None:
    database = resource("database", "aws_db_instance.this")
    assert database["manage_master_user_password"] is True
    assert "password" not in database
    assert database["iam_database_authentication_enabled"] is True
    assert database["performance_insights_enabled"] is True
    assert database["monitoring_interval"] > 0
    assert set(database["enabled_cloudwatch_logs_exports"]) == {"postgresql", "upgrade"}


@pytest.mark.parametrize("env", ENVS)
def test_env_keeps_a_week_or_more_of_backups(env: str) -> None:
    assert locals_of(TERRAFORM / "envs" / env)["database_backup_retention_days"] >= 7


def test_production_database_is_multi_az_and_its_user_pool_deletion_protected() -> None:
    production = locals_of(TERRAFORM / "envs" / "production")
    assert production["database_multi_az"] is True
    assert production["cognito_deletion_protection"] is True
