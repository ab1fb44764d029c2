# The three groups and every rule between them live here so the whole path
# CloudFront -> load balancer -> app -> database can be reviewed in one file. Name prefixes let a
# replacement group exist next to the old one until nothing uses the old one.

resource "aws_security_group" "alb" {
  #checkov:skip=CKV2_AWS_5:Attached to module.alb's load balancer; checkov does not follow a group id through module outputs.
  name_prefix = "${var.name}-alb-"
  description = "Load balancer: HTTPS from CloudFront only, out only to the app"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-alb" }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "app" {
  #checkov:skip=CKV2_AWS_5:Attached to module.ecs_service's service (and the one-off tasks); checkov does not follow a group id through module outputs.
  name_prefix = "${var.name}-app-"
  description = "App tasks: in only from the load balancer, out to AWS APIs and the database"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-app" }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "database" {
  #checkov:skip=CKV2_AWS_5:Attached to module.database's instance; checkov does not follow a group id through module outputs.
  name_prefix = "${var.name}-database-"
  description = "PostgreSQL: in only from the app tasks, nothing out"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-database" }

  lifecycle {
    create_before_destroy = true
  }
}

# CloudFront's origin-facing servers, as AWS keeps them. The IPv4 list admits CloudFront to
# the load balancer (which listens on IPv4 only, and CloudFront reaches custom origins over
# IPv4); the app trusts the forwarded addresses of both lists (see the envs' main.tf).
data "aws_ec2_managed_prefix_list" "cloudfront" {
  name = "com.amazonaws.global.cloudfront.origin-facing"
}

data "aws_ec2_managed_prefix_list" "cloudfront_ipv6" {
  name = "com.amazonaws.global.ipv6.cloudfront.origin-facing"
}

# A rule naming a prefix list counts as the list's weight against the quota of inbound rules
# per group (60 by default, per address family): CloudFront's list weighs 55, so this group
# has room for 5 more IPv4 rules. Port 80 is closed: CloudFront redirects viewers to HTTPS
# itself and speaks only HTTPS to the load balancer.
resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from CloudFront's origin-facing servers"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id
}

resource "aws_vpc_security_group_egress_rule" "alb_to_app" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward requests and health checks to the app tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "Requests and health checks from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
  referenced_security_group_id = aws_security_group.alb.id
}

# ECR, Secrets Manager, S3, CloudWatch Logs and Cognito's JWKS are all public HTTPS endpoints
# reached through the NAT gateways (S3 through the gateway endpoint); nothing else leaves.
resource "aws_vpc_security_group_egress_rule" "app_https" {
  security_group_id = aws_security_group.app.id
  description       = "HTTPS to AWS APIs and Cognito"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "app_smtp" {
  security_group_id = aws_security_group.app.id
  description       = "Mail to the SMTP relay (Amazon SES), STARTTLS"
  ip_protocol       = "tcp"
  from_port         = var.smtp_port
  to_port           = var.smtp_port
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "app_to_database" {
  security_group_id            = aws_security_group.app.id
  description                  = "PostgreSQL"
  ip_protocol                  = "tcp"
  from_port                    = var.database_port
  to_port                      = var.database_port
  referenced_security_group_id = aws_security_group.database.id
}

resource "aws_vpc_security_group_ingress_rule" "database_from_app" {
  security_group_id            = aws_security_group.database.id
  description                  = "PostgreSQL from the app tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.database_port
  to_port                      = var.database_port
  referenced_security_group_id = aws_security_group.app.id
}
