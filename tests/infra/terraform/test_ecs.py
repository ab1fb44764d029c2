"""The image repository, the ECS cluster, the app and migrate tasks, and autoscaling."""

from __future__ import annotations

import pytest

from tests.infra.terraform import (
    ENVS,
    MODULES,
    TERRAFORM,
    locals_of,
    named,
    of_type,
    resource,
    typed,
)


def test_ecr_scans_on_push_keeps_tags_immutable_encrypts_with_kms_and_expires_old_images() -> None:
    repository = resource("ecr", "aws_ecr_repository.this")
    assert repository["image_tag_mutability"] == "IMMUTABLE"
    assert repository["image_scanning_configuration"][0]["scan_on_push"] is True
    assert repository["encryption_configuration"][0]["encryption_type"] == "KMS"
    assert "aws_ecr_lifecycle_policy.this" in typed(MODULES / "ecr")


def test_cluster_has_container_insights() -> None:
    (setting,) = resource("ecs_service", "aws_ecs_cluster.this")["setting"]
    assert setting == {"name": "containerInsights", "value": "enabled"}


def test_app_task_serves_port_8000_checks_healthz_and_mounts_the_image_read_only() -> None:
    service = MODULES / "ecs_service"
    assert locals_of(service)["app_port"] == 8000
    containers = resource("ecs_service", "aws_ecs_task_definition.app")["container_definitions"]
    assert "portMappings" in containers
    assert "/healthz" in containers
    assert named(service, "variable")["readonly_root_filesystem"]["default"] is True
    base = locals_of(service)["container_base"]
    assert base["readonlyRootFilesystem"] == "${var.readonly_root_filesystem}"


def test_app_runs_in_production_on_cognito_and_s3() -> None:
    fixed = locals_of(MODULES / "ecs_service")["fixed_environment"]
    assert fixed["RESUMATE_ENV"] == "production"
    assert fixed["RESUMATE_AUTH_PROVIDER"] == "cognito"
    assert fixed["RESUMATE_STORAGE_BACKEND"] == "s3"
    assert {"RESUMATE_AUTH_COGNITO_REGION", "RESUMATE_STORAGE_S3_REGION"} <= set(fixed)


@pytest.mark.parametrize("env", ENVS)
def test_writing_help_is_on_through_bedrock_and_the_task_role(env: str) -> None:
    fixed = locals_of(MODULES / "ecs_service")["fixed_environment"]
    assert fixed["RESUMATE_AI_PROVIDER"] == "bedrock"
    assert fixed["RESUMATE_AI_MODEL"] == "${var.bedrock_model_id}"
    assert fixed["RESUMATE_AI_REGION"] == "${local.region}"
    # No key: boto3 takes the task role's credentials.
    call = named(TERRAFORM / "envs" / env, "module")["ecs_service"]
    assert call["bedrock_model_id"] == "${var.bedrock_model_id}"
    assert not any(name.startswith("RESUMATE_AI_") for name in call.get("secrets", {}))
    default = named(TERRAFORM / "envs" / env, "variable")["bedrock_model_id"]["default"]
    assert default.startswith("anthropic.")


@pytest.mark.parametrize("env", ENVS)
def test_env_gives_the_app_its_cognito_ids_bucket_and_secrets(env: str) -> None:
    call = named(TERRAFORM / "envs" / env, "module")["ecs_service"]
    assert set(call["environment"]) == {
        "RESUMATE_AUTH_COGNITO_USER_POOL_ID",
        "RESUMATE_AUTH_COGNITO_CLIENT_ID",
        "RESUMATE_AUTH_COGNITO_ISSUER",
        "RESUMATE_AUTH_COGNITO_JWKS_URL",
        "RESUMATE_STORAGE_S3_BUCKET",
        "RESUMATE_IMPORT_UPLOAD_BUCKET",
        "RESUMATE_AUTH_COGNITO_IDENTITY_POOL_ID",
        "RESUMATE_AUTH_COGNITO_DEVELOPER_PROVIDER",
        "RESUMATE_TRUSTED_PROXIES",
        "RESUMATE_PUBLIC_URL",
        "RESUMATE_MAIL_BACKEND",
        "RESUMATE_MAIL_SMTP_HOST",
        "RESUMATE_MAIL_SMTP_PORT",
        "RESUMATE_MAIL_FROM_ADDRESS",
    }
    # Forwarded client addresses are believed from the hops of CloudFront -> balancer -> app.
    assert call["environment"]["RESUMATE_TRUSTED_PROXIES"] == (
        "${jsonencode(concat(module.network.public_subnet_cidrs, "
        "module.security_groups.cloudfront_origin_facing_cidrs))}"
    )
    assert call["secrets"] == {
        "RESUMATE_DATABASE_URL": "${module.secrets.database_url_arn}",
        "RESUMATE_SECRET_KEY": "${module.secrets.secret_key_arn}",
        "RESUMATE_MAIL_SMTP_USERNAME": "${module.secrets.smtp_credentials_arn}:username::",
        "RESUMATE_MAIL_SMTP_PASSWORD": "${module.secrets.smtp_credentials_arn}:password::",
    }


@pytest.mark.parametrize("env", ENVS)
def test_env_mails_through_the_regions_ses_smtp_endpoint_with_a_login_kept_secret(env: str) -> None:
    root = TERRAFORM / "envs" / env
    environment = named(root, "module")["ecs_service"]["environment"]
    assert environment["RESUMATE_MAIL_BACKEND"] == "smtp"
    assert environment["RESUMATE_MAIL_SMTP_HOST"] == "${local.mail_smtp_host}"
    assert environment["RESUMATE_MAIL_SMTP_PORT"] == "${tostring(var.mail_smtp_port)}"
    assert environment["RESUMATE_MAIL_FROM_ADDRESS"] == "${local.mail_from_address}"
    mail = locals_of(root)
    assert mail["mail_smtp_host"] == (
        '${coalesce(var.mail_smtp_host, "email-smtp.${var.region}.amazonaws.com")}'
    )
    assert "no-reply@${var.app_domain_name}" in mail["mail_from_address"]
    variables = named(root, "variable")
    assert variables["mail_smtp_host"]["default"] is None
    assert variables["mail_smtp_port"]["default"] == 587
    # The login never sits in the task definition's plain environment.
    assert not {name for name in environment if "USERNAME" in name or "PASSWORD" in name}
    # The app's security group lets mail out on that port, and only mail on it.
    rules = of_type(MODULES / "security_groups", "aws_vpc_security_group_egress_rule")
    smtp = rules["aws_vpc_security_group_egress_rule.app_smtp"]
    assert (smtp["from_port"], smtp["to_port"]) == ("${var.smtp_port}", "${var.smtp_port}")
    assert smtp["ip_protocol"] == "tcp"
    assert named(root, "module")["security_groups"]["smtp_port"] == "${var.mail_smtp_port}"


def test_migrate_task_runs_db_upgrade_from_the_same_image() -> None:
    migrate = resource("ecs_service", "aws_ecs_task_definition.migrate")
    assert '["resumate", "db", "upgrade"]' in migrate["container_definitions"]
    assert "local.container_base" in migrate["container_definitions"]
    assert migrate["family"] == "${var.name}-migrate"


def test_service_runs_on_fargate_in_private_subnets_behind_the_alb_and_rolls_back() -> None:
    service = resource("ecs_service", "aws_ecs_service.app")
    assert service["launch_type"] == "FARGATE"
    assert service["network_configuration"][0]["assign_public_ip"] is False
    assert service["network_configuration"][0]["subnets"] == "${var.private_subnet_ids}"
    assert service["load_balancer"][0]["target_group_arn"] == "${var.target_group_arn}"
    assert service["deployment_circuit_breaker"][0] == {"enable": True, "rollback": True}


def test_service_scales_on_cpu_and_on_requests_per_target() -> None:
    policies = of_type(MODULES / "ecs_service", "aws_appautoscaling_policy").values()
    metrics = {
        policy["target_tracking_scaling_policy_configuration"][0][
            "predefined_metric_specification"
        ][0]["predefined_metric_type"]
        for policy in policies
    }
    assert metrics == {"ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget"}
