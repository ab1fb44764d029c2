"""The app behind CloudFront: only hashed assets cached, the origin reachable only through it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from resumate.web.assets import PREFIX, asset_url
from tests.infra.terraform import (
    ENVS,
    MODULES,
    TERRAFORM,
    Block,
    directory,
    locals_of,
    named,
    of_type,
    resource,
    typed,
)

CDN = MODULES / "app_cdn"
# The codes CloudFront caches for 10 seconds unless told otherwise (416 it never caches).
CACHED_ERROR_CODES = {400, 403, 404, 405, 414, 500, 501, 502, 503, 504}


def distribution() -> Block:
    return resource("app_cdn", "aws_cloudfront_distribution.app")


def behaviours() -> list[Block]:
    found: list[Block] = [*distribution()["ordered_cache_behavior"]]
    return [*found, *distribution()["default_cache_behavior"]]


@pytest.mark.parametrize("env", ENVS)
def test_env_puts_the_app_behind_its_distribution_made_in_us_east_1(env: str) -> None:
    path = TERRAFORM / "envs" / env
    call = named(path, "module")["app_cdn"]
    assert call["providers"] == {"aws": "${aws.us_east_1}"}
    providers = [block["aws"] for block in directory(path)["provider"]]
    (us_east_1,) = [provider for provider in providers if provider.get("alias") == "us_east_1"]
    assert us_east_1["region"] == "us-east-1"
    assert call["domain_name"] == "${var.app_domain_name}"
    assert call["certificate_arn"] == "${var.cloudfront_certificate_arn}"
    assert call["origin_domain_name"] == "${var.origin_domain_name}"
    outputs = named(path, "output")
    assert outputs["app_cloudfront_domain_name"]["value"] == "${module.app_cdn.domain_name}"
    example = (path / "terraform.tfvars.example").read_text()
    assert "origin_domain_name" in example
    assert "cloudfront_certificate_arn" in example
    assert "arn:aws:acm:us-east-1:" in example


def test_viewers_get_http2_and_3_ipv6_https_only_and_the_sites_certificate() -> None:
    app = distribution()
    assert app["http_version"] == "http2and3"
    assert app["is_ipv6_enabled"] is True
    assert app["aliases"] == ["${var.domain_name}"]
    (certificate,) = app["viewer_certificate"]
    assert certificate == {
        "acm_certificate_arn": "${var.certificate_arn}",
        "ssl_support_method": "sni-only",
        "minimum_protocol_version": "TLSv1.2_2021",
    }
    condition = named(CDN, "variable")["certificate_arn"]["validation"][0]["condition"]
    assert ":acm:us-east-1:" in condition
    assert {b["viewer_protocol_policy"] for b in behaviours()} == {"redirect-to-https"}


def test_the_origin_is_the_load_balancer_over_tls_1_2_with_the_secret_header() -> None:
    (origin,) = distribution()["origin"]
    assert origin["domain_name"] == "${var.origin_domain_name}"
    (config,) = origin["custom_origin_config"]
    assert config["origin_protocol_policy"] == "https-only"
    assert config["origin_ssl_protocols"] == ["TLSv1.2"]
    assert origin["custom_header"] == [
        {"name": "${var.origin_verify_header}", "value": "${var.origin_verify_value}"}
    ]
    assert named(CDN, "variable")["origin_verify_value"]["sensitive"] is True
    assert {b["target_origin_id"] for b in behaviours()} == {origin["origin_id"]}


def test_only_the_apps_assets_are_cached_keyed_on_their_content_hash() -> None:
    (assets,) = distribution()["ordered_cache_behavior"]
    assert assets["path_pattern"] == f"{PREFIX}/*"
    assert assets["allowed_methods"] == ["GET", "HEAD"]
    assert assets["cache_policy_id"] == "${aws_cloudfront_cache_policy.assets.id}"
    policy = resource("app_cdn", "aws_cloudfront_cache_policy.assets")
    (key,) = policy["parameters_in_cache_key_and_forwarded_to_origin"]
    assert key["cookies_config"] == [{"cookie_behavior": "none"}]
    assert key["headers_config"] == [{"header_behavior": "none"}]
    (query,) = key["query_strings_config"]
    assert query["query_string_behavior"] == "whitelist"
    # The key is exactly what the app's asset links vary by: a new file, a new cache entry.
    (hash_parameter,) = parse_qs(urlsplit(asset_url("css/app.css")).query)
    assert query["query_strings"] == [{"items": [hash_parameter]}]
    # The app's Cache-Control decides: a year for a matching hash, nothing for `no-cache`
    # (unversioned links, or a hash this task does not have during a deploy).
    assert (policy["min_ttl"], policy["default_ttl"]) == (0, 0)
    assert policy["max_ttl"] == 31536000


def test_everything_else_is_never_cached_and_reaches_the_app_whole() -> None:
    (default,) = distribution()["default_cache_behavior"]
    data = typed(CDN, "data")
    assert default["cache_policy_id"] == "${data.aws_cloudfront_cache_policy.disabled.id}"
    assert data["aws_cloudfront_cache_policy.disabled"]["name"] == "Managed-CachingDisabled"
    # Cookies, query strings, Authorization, If-Match and the CSRF header all go through.
    assert default["origin_request_policy_id"] == (
        "${data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id}"
    )
    assert data["aws_cloudfront_origin_request_policy.all_viewer_except_host"]["name"] == (
        "Managed-AllViewerExceptHostHeader"
    )
    assert set(default["allowed_methods"]) == {
        "GET",
        "HEAD",
        "OPTIONS",
        "PUT",
        "PATCH",
        "POST",
        "DELETE",
    }


def test_no_error_answer_is_cached_for_the_next_viewer() -> None:
    (errors,) = distribution()["dynamic"]
    block = errors["custom_error_response"]
    assert block["content"] == [
        {"error_code": "${custom_error_response.value}", "error_caching_min_ttl": 0}
    ]
    assert set(locals_of(CDN)["cached_error_codes"]) == CACHED_ERROR_CODES


def test_a_cloudfront_web_acl_with_the_managed_rules_and_rate_limit_guards_it() -> None:
    assert distribution()["web_acl_id"] == "${aws_wafv2_web_acl.this.arn}"
    acl = resource("app_cdn", "aws_wafv2_web_acl.this")
    assert acl["scope"] == "CLOUDFRONT"
    rules = {rule["name"]: rule for rule in acl["rule"]}
    managed = {
        rule["statement"][0]["managed_rule_group_statement"][0]["name"]
        for rule in rules.values()
        if "managed_rule_group_statement" in rule["statement"][0]
    }
    assert managed == {
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesAmazonIpReputationList",
    }
    (rate,) = rules["rate-per-ip"]["statement"][0]["rate_based_statement"]
    assert rate == {"limit": "${var.requests_per_5_minutes_per_ip}", "aggregate_key_type": "IP"}
    assert "block" in rules["rate-per-ip"]["action"][0]


def test_the_web_acl_logs_to_us_east_1_with_tokens_redacted_under_a_key_of_its_own() -> None:
    logging = resource("app_cdn", "aws_wafv2_web_acl_logging_configuration.this")
    assert logging["log_destination_configs"] == ["${aws_cloudwatch_log_group.waf.arn}"]
    redacted = {field["single_header"][0]["name"] for field in logging["redacted_fields"]}
    assert redacted == {"authorization", "cookie"}
    group = resource("app_cdn", "aws_cloudwatch_log_group.waf")
    assert group["name"].startswith("aws-waf-logs-")
    assert group["kms_key_id"] == "${aws_kms_key.logs.arn}"


def test_the_origin_secret_is_generated_stored_and_handed_to_both_ends() -> None:
    secrets = MODULES / "secrets"
    password = resource("secrets", "random_password.origin_verify")
    # Listener rule values treat * and ? as wildcards.
    assert password["special"] is False
    assert password["length"] >= 32
    version = resource("secrets", "aws_secretsmanager_secret_version.origin_verify")
    assert version["secret_string"] == "${random_password.origin_verify.result}"
    outputs = named(secrets, "output")
    assert outputs["origin_verify_value"]["value"] == "${random_password.origin_verify.result}"
    assert outputs["origin_verify_value"]["sensitive"] is True
    for env in ENVS:
        modules = named(TERRAFORM / "envs" / env, "module")
        for receiver in ("alb", "app_cdn"):
            assert modules[receiver]["origin_verify_header"] == (
                "${module.secrets.origin_verify_header}"
            )
            assert modules[receiver]["origin_verify_value"] == (
                "${module.secrets.origin_verify_value}"
            )


@pytest.mark.parametrize("env", ENVS)
def test_the_app_trusts_the_balancers_subnets_and_cloudfronts_ranges(env: str) -> None:
    environment = named(TERRAFORM / "envs" / env, "module")["ecs_service"]["environment"]
    trusted = environment["RESUMATE_TRUSTED_PROXIES"]
    assert "module.network.public_subnet_cidrs" in trusted
    assert "module.security_groups.cloudfront_origin_facing_cidrs" in trusted
    groups = MODULES / "security_groups"
    ranges = named(groups, "output")["cloudfront_origin_facing_cidrs"]["value"]
    lists = of_type(groups, "aws_ec2_managed_prefix_list", "data")
    assert {body["name"] for body in lists.values()} == {
        "com.amazonaws.global.cloudfront.origin-facing",
        "com.amazonaws.global.ipv6.cloudfront.origin-facing",
    }
    for address in lists:
        assert f"data.{address}.entries" in ranges
