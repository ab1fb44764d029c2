"""The Terraform under infra/terraform: formatted, parseable, wired up, and as strict as promised.

Providers cannot be downloaded here, so `terraform validate` cannot run; these checks read the
HCL itself (python-hcl2) and run checkov, which evaluates module calls with their arguments.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import hcl2
import pytest

from tests.infra.conftest import REPO_ROOT

TERRAFORM = REPO_ROOT / "infra" / "terraform"
MODULES = TERRAFORM / "modules"
ENVS = ("staging", "production")
ROOTS = [TERRAFORM / "envs" / env for env in ENVS] + [TERRAFORM / "bootstrap"]
TF_FILES = sorted(TERRAFORM.rglob("*.tf"))
# Arguments of a module block that are Terraform's own, not the module's variables.
META_ARGUMENTS = {"source", "version", "providers", "depends_on", "count", "for_each"}
# Actions with no resource-level permissions, for which AWS requires "Resource": "*".
STAR_ONLY_ACTIONS = {
    "ecr:GetAuthorizationToken",
    "ecs:DescribeTaskDefinition",
    "ecs:RegisterTaskDefinition",
}
OPTIONS = hcl2.SerializationOptions(
    with_comments=False, explicit_blocks=False, strip_string_quotes=True
)

Block = dict[str, Any]


@cache
def parse(path: Path) -> dict[str, list[Any]]:
    with path.open(encoding="utf-8") as handle:
        parsed: dict[str, list[Any]] = hcl2.load(handle, serialization_options=OPTIONS)
    return parsed


@cache
def directory(path: Path) -> dict[str, list[Any]]:
    """Every top-level block of one Terraform directory, across its files."""
    merged: dict[str, list[Any]] = {}
    for file in sorted(path.glob("*.tf")):
        for kind, blocks in parse(file).items():
            merged.setdefault(kind, []).extend(blocks)
    return merged


def named(path: Path, kind: str) -> dict[str, Block]:
    """Blocks with one label (variable, module, output) by name."""
    return {name: body for block in directory(path).get(kind, []) for name, body in block.items()}


def typed(path: Path, kind: str = "resource") -> dict[str, Block]:
    """Blocks with two labels (resource, data) by `type.name`."""
    found: dict[str, Block] = {}
    for block in directory(path).get(kind, []):
        for type_, instances in block.items():
            for name, body in instances.items():
                found[f"{type_}.{name}"] = body
    return found


def resource(module: str, address: str) -> Block:
    return typed(MODULES / module)[address]


def of_type(path: Path, type_: str, kind: str = "resource") -> dict[str, Block]:
    return {
        address: body
        for address, body in typed(path, kind).items()
        if address.startswith(f"{type_}.")
    }


def locals_of(path: Path) -> Block:
    merged: Block = {}
    for block in directory(path).get("locals", []):
        merged.update(block)
    return merged


def every_directory() -> list[Path]:
    return sorted({file.parent for file in TF_FILES})


def statements(module: str, document: str) -> list[Block]:
    body = typed(MODULES / module, "data")[f"aws_iam_policy_document.{document}"]
    found: list[Block] = body["statement"]
    return found


def actions(module: str, document: str) -> set[str]:
    return {action for statement in statements(module, document) for action in statement["actions"]}


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


# --- formatting and parsing -------------------------------------------------------------------


def test_terraform_files_are_formatted() -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not installed on this machine; `terraform fmt -check` not run")
    result = subprocess.run(
        [terraform, "fmt", "-check", "-recursive", "-diff", str(TERRAFORM)],
        capture_output=True,
        text=True,
        env={**os.environ, "CHECKPOINT_DISABLE": "1"},
        check=False,
    )
    assert result.returncode == 0, (
        f"run `terraform fmt -recursive infra/terraform`:\n{result.stdout}"
    )


@pytest.mark.parametrize("path", TF_FILES, ids=lambda path: str(path.relative_to(TERRAFORM)))
def test_every_tf_file_parses(path: Path) -> None:
    assert parse(path), f"{path} declares nothing"


# --- environments and module wiring -----------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_env_pins_terraform_and_aws_provider_and_uses_an_s3_backend(env: str) -> None:
    path = TERRAFORM / "envs" / env
    (settings,) = directory(path)["terraform"]
    assert settings["required_version"] == ">= 1.6"
    (providers,) = settings["required_providers"]
    assert providers["aws"]["source"] == "hashicorp/aws"
    assert re.fullmatch(r"~> 5\.\d+", providers["aws"]["version"])
    (backend,) = settings["backend"]
    assert backend["s3"] == {"key": f"resumate/{env}/terraform.tfstate", "encrypt": True}
    assert (path / "backend.hcl.example").is_file()
    assert (path / "terraform.tfvars.example").is_file()


@pytest.mark.parametrize("root", ROOTS + sorted(MODULES.iterdir()), ids=lambda path: path.name)
def test_every_module_call_names_an_existing_module_and_only_its_variables(root: Path) -> None:
    for name, call in named(root, "module").items():
        module = (root / call["source"]).resolve()
        assert list(module.glob("*.tf")), f"{root.name}: module {name} has no source at {module}"
        declared = set(named(module, "variable"))
        unknown = set(call) - META_ARGUMENTS - declared
        assert not unknown, f"{root.name}: module {name} gets undeclared {sorted(unknown)}"


@pytest.mark.parametrize("root", ROOTS + sorted(MODULES.iterdir()), ids=lambda path: path.name)
def test_every_module_call_passes_every_required_variable(root: Path) -> None:
    for name, call in named(root, "module").items():
        variables = named((root / call["source"]).resolve(), "variable")
        required = {variable for variable, body in variables.items() if "default" not in body}
        missing = required - set(call)
        assert not missing, f"{root.name}: module {name} lacks {sorted(missing)}"


def test_staging_and_production_wire_the_same_modules_the_same_way() -> None:
    staging, production = (named(TERRAFORM / "envs" / env, "module") for env in ENVS)
    assert staging == production, "envs differ only in sizes.tf and their tfvars"


@pytest.mark.parametrize("env", ENVS)
def test_env_outputs_what_an_operator_needs(env: str) -> None:
    outputs = set(named(TERRAFORM / "envs" / env, "output"))
    assert outputs >= {
        "alb_dns_name",
        "ecr_repository_url",
        "cluster_name",
        "service_name",
        "migrate_task_family",
        "private_subnet_ids",
        "app_security_group_id",
        "cognito_user_pool_id",
        "cognito_client_id",
        "cloudfront_domain_name",
        "deploy_role_arn",
    }


# --- network ----------------------------------------------------------------------------------


def test_vpc_has_public_private_and_database_subnets_in_two_or_more_zones() -> None:
    network = MODULES / "network"
    for tier in ("public", "private", "database"):
        assert resource("network", f"aws_subnet.{tier}")["count"] == "${local.az_count}"
    condition = named(network, "variable")["availability_zones"]["validation"][0]["condition"]
    assert "length(var.availability_zones) >= 2" in condition
    assert resource("network", "aws_subnet.public")["map_public_ip_on_launch"] is False


@pytest.mark.parametrize("env", ENVS)
def test_env_example_names_at_least_two_zones(env: str) -> None:
    example = (TERRAFORM / "envs" / env / "terraform.tfvars.example").read_text()
    zones = re.search(r"availability_zones\s*=\s*\[(.*)\]", example)
    assert zones is not None
    assert len(zones.group(1).split(",")) >= 2


def test_private_subnets_reach_out_through_nat_and_the_vpc_logs_its_flows() -> None:
    private_route = resource("network", "aws_route_table.private")["route"][0]
    assert private_route["nat_gateway_id"].startswith("${aws_nat_gateway.this[")
    assert "route" not in resource("network", "aws_route_table.database")
    flow_log = resource("network", "aws_flow_log.this")
    assert flow_log["traffic_type"] == "ALL"
    assert flow_log["vpc_id"] == "${aws_vpc.this.id}"


def rules(direction: str, group: str) -> list[Block]:
    return [
        body
        for body in of_type(
            MODULES / "security_groups", f"aws_vpc_security_group_{direction}_rule"
        ).values()
        if body["security_group_id"] == f"${{aws_security_group.{group}.id}}"
    ]


def test_load_balancer_admits_only_https_and_http_from_the_internet() -> None:
    assert sorted(rule["from_port"] for rule in rules("ingress", "alb")) == [80, 443]
    assert [rule["referenced_security_group_id"] for rule in rules("egress", "alb")] == [
        "${aws_security_group.app.id}"
    ]


def test_app_admits_only_the_load_balancer() -> None:
    (ingress,) = rules("ingress", "app")
    assert ingress["referenced_security_group_id"] == "${aws_security_group.alb.id}"
    assert ingress["from_port"] == ingress["to_port"] == "${var.app_port}"


def test_database_admits_only_the_app_and_sends_nothing() -> None:
    (ingress,) = rules("ingress", "database")
    assert ingress["referenced_security_group_id"] == "${aws_security_group.app.id}"
    assert rules("egress", "database") == []


def test_only_the_load_balancer_is_open_to_the_internet_and_no_rule_allows_all_protocols() -> None:
    for group in ("app", "database"):
        assert all("cidr_ipv4" not in rule for rule in rules("ingress", group))
    every_rule = [
        rule
        for d in ("ingress", "egress")
        for g in ("alb", "app", "database")
        for rule in rules(d, g)
    ]
    assert all(rule["ip_protocol"] == "tcp" for rule in every_rule)


# --- images and containers --------------------------------------------------------------------


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
def test_env_gives_the_app_its_cognito_ids_bucket_and_secrets(env: str) -> None:
    call = named(TERRAFORM / "envs" / env, "module")["ecs_service"]
    assert set(call["environment"]) == {
        "RESUMATE_AUTH_COGNITO_USER_POOL_ID",
        "RESUMATE_AUTH_COGNITO_CLIENT_ID",
        "RESUMATE_AUTH_COGNITO_ISSUER",
        "RESUMATE_AUTH_COGNITO_JWKS_URL",
        "RESUMATE_STORAGE_S3_BUCKET",
    }
    assert call["secrets"] == {
        "RESUMATE_DATABASE_URL": "${module.secrets.database_url_arn}",
        "RESUMATE_SECRET_KEY": "${module.secrets.secret_key_arn}",
    }


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


# --- load balancer ----------------------------------------------------------------------------


def test_alb_serves_https_with_a_modern_policy_and_redirects_http() -> None:
    https = resource("alb", "aws_lb_listener.https")
    assert (https["port"], https["protocol"]) == (443, "HTTPS")
    assert https["certificate_arn"] == "${var.certificate_arn}"
    assert named(MODULES / "alb", "variable")["ssl_policy"]["default"].startswith(
        "ELBSecurityPolicy-TLS13-1-2"
    )
    http = resource("alb", "aws_lb_listener.http")["default_action"][0]
    assert http["type"] == "redirect"
    assert http["redirect"][0] == {"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}


def test_alb_drops_invalid_headers_logs_access_and_resists_deletion() -> None:
    alb = resource("alb", "aws_lb.this")
    assert alb["drop_invalid_header_fields"] is True
    assert alb["enable_deletion_protection"] is True
    assert alb["access_logs"][0]["enabled"] is True


def test_alb_health_check_asks_readyz_and_a_web_acl_guards_it() -> None:
    assert named(MODULES / "alb", "variable")["health_check_path"]["default"] == "/readyz"
    health = resource("alb", "aws_lb_target_group.app")["health_check"][0]
    assert health["path"] == "${var.health_check_path}"
    assert (
        resource("alb", "aws_wafv2_web_acl_association.this")["resource_arn"]
        == "${aws_lb.this.arn}"
    )


# --- database ---------------------------------------------------------------------------------


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


# --- storage ----------------------------------------------------------------------------------


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


@pytest.mark.parametrize("bucket", ["pdfs", "assets"])
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


# --- accounts ---------------------------------------------------------------------------------


def test_cognito_client_hides_which_users_exist_and_allows_only_password_and_refresh_flows() -> (
    None
):
    client = resource("auth", "aws_cognito_user_pool_client.app")
    assert client["prevent_user_existence_errors"] == "ENABLED"
    assert set(client["explicit_auth_flows"]) == {
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
    }
    assert client["generate_secret"] is False


def test_cognito_token_lifetimes_have_explicit_units_and_short_access_tokens() -> None:
    client = resource("auth", "aws_cognito_user_pool_client.app")
    assert client["token_validity_units"][0] == {
        "access_token": "minutes",
        "id_token": "minutes",
        "refresh_token": "days",
    }
    variables = named(MODULES / "auth", "variable")
    for token in ("access_token_minutes", "id_token_minutes"):
        assert 15 <= variables[token]["default"] <= 60
        assert (
            f"var.{token} >= 15 && var.{token} <= 60"
            in variables[token]["validation"][0]["condition"]
        )


def test_user_pool_has_a_password_policy_and_switchable_deletion_protection() -> None:
    pool = resource("auth", "aws_cognito_user_pool.this")
    assert pool["password_policy"][0]["minimum_length"] == "${var.password_minimum_length}"
    assert pool["deletion_protection"] == '${var.deletion_protection ? "ACTIVE" : "INACTIVE"}'


# --- secrets, keys, logs ----------------------------------------------------------------------


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


# --- identities -------------------------------------------------------------------------------


def test_star_resources_appear_only_for_actions_aws_requires_them_for() -> None:
    for path in every_directory():
        for address, document in of_type(path, "aws_iam_policy_document", "data").items():
            for statement in document["statement"]:
                if "*" in statement.get("resources", []) and statement.get("effect") != "Deny":
                    extra = set(statement["actions"]) - STAR_ONLY_ACTIONS
                    assert not extra, f"{path.name}/{address} grants {sorted(extra)} on *"


def test_task_role_reaches_only_its_prefix_of_the_pdf_bucket_and_sign_up_confirmation() -> None:
    assert actions("ecs_service", "task") == {
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:ListBucket",
        "kms:GenerateDataKey",
        "kms:Decrypt",
        "cognito-idp:AdminConfirmSignUp",
    }
    objects = statements("ecs_service", "task")[0]
    assert objects["resources"] == ["${var.pdf_bucket_arn}/${var.storage_prefix}/*"]


def test_execution_role_reads_only_the_app_secrets() -> None:
    (read,) = [s for s in statements("ecs_service", "execution") if s["sid"] == "ReadAppSecrets"]
    assert read["actions"] == ["secretsmanager:GetSecretValue"]
    assert read["resources"] == "${values(var.secrets)}"


def test_deploy_role_is_assumable_only_from_its_own_github_environment() -> None:
    (trust,) = statements("github_oidc", "assume")
    conditions = {condition["variable"]: condition for condition in trust["condition"]}
    subject = conditions["${local.issuer}:sub"]
    assert subject["test"] == "StringEquals"
    assert subject["values"] == [
        "repo:${var.github_repository}:environment:${var.github_environment}"
    ]
    assert conditions["${local.issuer}:aud"]["values"] == ["sts.amazonaws.com"]
    for env in ENVS:
        call = named(TERRAFORM / "envs" / env, "module")["github_oidc"]
        assert call["github_environment"] == "${local.environment}"
        assert f'environment = "{env}"' in (TERRAFORM / "envs" / env / "sizes.tf").read_text()


def test_deploy_role_passes_only_the_two_task_roles_to_ecs() -> None:
    (pass_role,) = [s for s in statements("github_oidc", "deploy") if s["sid"] == "PassTaskRoles"]
    assert pass_role["condition"][0]["values"] == ["ecs-tasks.amazonaws.com"]
    for env in ENVS:
        call = named(TERRAFORM / "envs" / env, "module")["github_oidc"]
        assert call["pass_role_arns"] == [
            "${module.ecs_service.execution_role_arn}",
            "${module.ecs_service.task_role_arn}",
        ]


# --- checkov ----------------------------------------------------------------------------------


def test_every_checkov_skip_says_why() -> None:
    for path in TF_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "checkov:skip" in line:
                assert re.search(r"#checkov:skip=CKV2?_AWS_\d+:.{20,}", line), (
                    f"{path}: {line.strip()}"
                )


def test_checkov_reports_no_failed_check(infra_bin: Path) -> None:
    checkov = [str(infra_bin / "checkov"), "--skip-download", "--framework", "terraform"]
    result = subprocess.run(
        [*checkov, "-o", "json", "-d", str(TERRAFORM)], capture_output=True, text=True, check=False
    )
    report = json.loads(result.stdout)
    failed = report["results"]["failed_checks"]
    listing = "\n".join(f"{c['check_id']} {c['resource']} ({c['file_path']})" for c in failed)
    assert not failed, f"checkov failed checks:\n{listing}"
    assert report["summary"]["passed"] > 100, "checkov scanned (almost) nothing"
    assert report["summary"]["parsing_errors"] == 0
