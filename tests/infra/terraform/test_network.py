"""The VPC, its security groups and the load balancer in front of the app."""

from __future__ import annotations

import re

import pytest

from tests.infra.terraform import ENVS, MODULES, TERRAFORM, Block, named, of_type, resource

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
