"""Who signs in (Cognito) and what each IAM role may do."""

from __future__ import annotations

from tests.infra.terraform import (
    ENVS,
    MODULES,
    TERRAFORM,
    Block,
    every_directory,
    locals_of,
    named,
    of_type,
    resource,
    typed,
)

# Actions with no resource-level permissions, for which AWS requires "Resource": "*".
STAR_ONLY_ACTIONS = {
    "ecr:GetAuthorizationToken",
    "ecs:DescribeTaskDefinition",
    "ecs:RegisterTaskDefinition",
}


def statements(module: str, document: str) -> list[Block]:
    body = typed(MODULES / module, "data")[f"aws_iam_policy_document.{document}"]
    found: list[Block] = body["statement"]
    return found


def actions(module: str, document: str) -> set[str]:
    return {action for statement in statements(module, document) for action in statement["actions"]}


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


def test_user_pool_recovers_passwords_by_verified_email_only() -> None:
    # ForgotPassword mails a code to the address the app marked verified on sign-up.
    (setting,) = resource("auth", "aws_cognito_user_pool.this")["account_recovery_setting"]
    assert setting["recovery_mechanism"] == [{"name": "verified_email", "priority": 1}]


def test_user_pool_has_a_password_policy_and_switchable_deletion_protection() -> None:
    pool = resource("auth", "aws_cognito_user_pool.this")
    assert pool["password_policy"][0]["minimum_length"] == "${var.password_minimum_length}"
    assert pool["deletion_protection"] == '${var.deletion_protection ? "ACTIVE" : "INACTIVE"}'


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
        "cognito-idp:AdminUpdateUserAttributes",
        "cognito-idp:AdminUserGlobalSignOut",
        "cognito-idp:AdminDeleteUser",
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream",
    }
    objects = statements("ecs_service", "task")[0]
    assert objects["resources"] == ["${var.pdf_bucket_arn}/${var.storage_prefix}/*"]


def test_execution_role_reads_only_the_app_secrets() -> None:
    (read,) = [s for s in statements("ecs_service", "execution") if s["sid"] == "ReadAppSecrets"]
    assert read["actions"] == ["secretsmanager:GetSecretValue"]
    assert read["resources"] == "${local.secret_arns}"
    # A setting naming one key of a JSON secret (`arn:...:secret:name-AbC:username::`) is
    # granted by the secret's own ARN: its first seven fields.
    secret_arns = locals_of(MODULES / "ecs_service")["secret_arns"]
    assert secret_arns == (
        "${distinct([for value in values(var.secrets) : "
        'join(":", slice(split(":", value), 0, 7))])}'
    )


def test_task_role_manages_the_users_of_its_pool_only() -> None:
    # Confirms sign-ups and marks addresses verified; ends sessions after a reset; deletes a
    # closed account's user. Each of these is a call the app makes (auth/cognito/client.py).
    (manage,) = [s for s in statements("ecs_service", "task") if s["sid"] == "ManageOwnUsers"]
    assert set(manage["actions"]) == {
        "cognito-idp:AdminConfirmSignUp",
        "cognito-idp:AdminUpdateUserAttributes",
        "cognito-idp:AdminUserGlobalSignOut",
        "cognito-idp:AdminDeleteUser",
    }
    assert manage["resources"] == ["${var.cognito_user_pool_arn}"]


def test_task_role_invokes_only_the_configured_bedrock_model() -> None:
    (invoke,) = [
        s for s in statements("ecs_service", "task") if s["sid"] == "InvokeConfiguredModel"
    ]
    assert set(invoke["actions"]) == {
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream",
    }
    assert invoke["resources"] == [
        "arn:${local.partition}:bedrock:${local.region}::foundation-model/${var.bedrock_model_id}"
    ]


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
