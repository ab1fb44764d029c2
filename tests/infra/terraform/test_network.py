"""The VPC, its security groups and the load balancer in front of the app."""

from __future__ import annotations

import re

import pytest

from tests.infra.terraform import ENVS, MODULES, TERRAFORM, Block, named, of_type, resource, typed

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


# --- security groups --------------------------------------------------------------------------


def rules(direction: str, group: str) -> list[Block]:
    return [
        body
        for body in of_type(
            MODULES / "security_groups", f"aws_vpc_security_group_{direction}_rule"
        ).values()
        if body["security_group_id"] == f"${{aws_security_group.{group}.id}}"
    ]


def test_load_balancer_admits_only_cloudfront_and_only_on_https() -> None:
    (ingress,) = rules("ingress", "alb")
    assert (ingress["from_port"], ingress["to_port"]) == (443, 443)
    assert ingress["prefix_list_id"] == "${data.aws_ec2_managed_prefix_list.cloudfront.id}"
    assert "cidr_ipv4" not in ingress
    assert "cidr_ipv6" not in ingress
    lists = typed(MODULES / "security_groups", "data")
    assert lists["aws_ec2_managed_prefix_list.cloudfront"]["name"] == (
        "com.amazonaws.global.cloudfront.origin-facing"
    )
    assert [rule["referenced_security_group_id"] for rule in rules("egress", "alb")] == [
        "${aws_security_group.app.id}"
    ]


def test_no_security_group_admits_the_whole_internet() -> None:
    ingress = of_type(MODULES / "security_groups", "aws_vpc_security_group_ingress_rule")
    for address, rule in ingress.items():
        assert rule.get("cidr_ipv4") != "0.0.0.0/0", address
        assert rule.get("cidr_ipv6") != "::/0", address


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


# --- load balancer ----------------------------------------------------------------------------


def test_alb_serves_only_https_with_a_modern_policy() -> None:
    https = resource("alb", "aws_lb_listener.https")
    assert (https["port"], https["protocol"]) == (443, "HTTPS")
    assert https["certificate_arn"] == "${var.certificate_arn}"
    assert named(MODULES / "alb", "variable")["ssl_policy"]["default"].startswith(
        "ELBSecurityPolicy-TLS13-1-2"
    )
    # CloudFront redirects viewers to HTTPS and speaks only HTTPS to the balancer.
    assert list(of_type(MODULES / "alb", "aws_lb_listener")) == ["aws_lb_listener.https"]


def test_alb_answers_403_unless_cloudfronts_secret_header_is_there() -> None:
    (default,) = resource("alb", "aws_lb_listener.https")["default_action"]
    assert default["type"] == "fixed-response"
    assert default["fixed_response"][0]["status_code"] == "403"
    (rule,) = of_type(MODULES / "alb", "aws_lb_listener_rule").values()
    assert rule["listener_arn"] == "${aws_lb_listener.https.arn}"
    (condition,) = rule["condition"]
    assert condition["http_header"] == [
        {
            "http_header_name": "${var.origin_verify_header}",
            "values": ["${var.origin_verify_value}"],
        }
    ]
    assert rule["action"] == [
        {"type": "forward", "target_group_arn": "${aws_lb_target_group.app.arn}"}
    ]
    assert named(MODULES / "alb", "variable")["origin_verify_value"]["sensitive"] is True
    # The service registers its targets only once a rule forwards to them.
    target_group = named(MODULES / "alb", "output")["target_group_arn"]
    assert target_group["depends_on"] == ["${aws_lb_listener_rule.from_cloudfront}"]


def test_alb_drops_invalid_headers_appends_forwarded_for_logs_access_resists_deletion() -> None:
    alb = resource("alb", "aws_lb.this")
    assert alb["drop_invalid_header_fields"] is True
    assert alb["xff_header_processing_mode"] == "append"
    assert alb["enable_deletion_protection"] is True
    assert alb["access_logs"][0]["enabled"] is True


def test_alb_health_check_asks_readyz_and_the_web_acl_is_cloudfronts_not_its_own() -> None:
    assert named(MODULES / "alb", "variable")["health_check_path"]["default"] == "/readyz"
    health = resource("alb", "aws_lb_target_group.app")["health_check"][0]
    assert health["path"] == "${var.health_check_path}"
    # Only CloudFront reaches the balancer; a rate rule here would count CloudFront's servers.
    assert not [address for address in typed(MODULES / "alb") if "wafv2" in address]
