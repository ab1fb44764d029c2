# The three groups and every rule between them live here so the whole path
# internet -> load balancer -> app -> database can be reviewed in one file. Name prefixes let a
# replacement group exist next to the old one until nothing uses the old one.

resource "aws_security_group" "alb" {
  #checkov:skip=CKV2_AWS_5:Attached to module.alb's load balancer; checkov does not follow a group id through module outputs.
  name_prefix = "${var.name}-alb-"
  description = "Load balancer: HTTPS and HTTP from the internet, out only to the app"
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

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from anywhere"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS; closing it would turn http:// visits into timeouts.
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from anywhere, answered with a redirect to HTTPS"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
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
