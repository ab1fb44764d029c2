# Viewers reach the app through CloudFront (modules/app_cdn), whose web ACL sees their own
# addresses. The load balancer has no web ACL of its own: its security group admits only
# CloudFront and its listener forwards only requests carrying CloudFront's secret header, so
# everything that reaches the app has passed that ACL already. A rate rule here would count
# CloudFront's servers, not people, and WAF's forwarded-address key takes the left-most
# X-Forwarded-For entry, which the viewer writes itself.
resource "aws_lb" "this" {
  #checkov:skip=CKV2_AWS_28:Only CloudFront reaches this load balancer (prefix-list security group, secret-header listener rule); the web ACL is on the distribution, where viewers' own addresses are seen.
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  subnets            = var.public_subnet_ids
  security_groups    = [var.security_group_id]
  idle_timeout       = var.idle_timeout

  drop_invalid_header_fields = true
  # CloudFront appended the viewer's address; the load balancer appends CloudFront's. The app
  # reads that chain from the right (RESUMATE_TRUSTED_PROXIES).
  xff_header_processing_mode = "append"
  desync_mitigation_mode     = "strictest"
  enable_deletion_protection = true

  access_logs {
    enabled = true
    bucket  = var.access_logs_bucket
    prefix  = var.access_logs_prefix
  }
}

resource "aws_lb_target_group" "app" {
  #checkov:skip=CKV_AWS_378:TLS ends at the load balancer; the hop to the app stays inside the VPC between security groups that admit only this load balancer, and the container holds no certificate.
  name                 = "${var.name}-app"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.app_port
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

# Anything without CloudFront's secret header (someone who found the load balancer, or another
# distribution pointed at it) gets a bare 403; health checks go to the targets directly.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Forbidden"
      status_code  = "403"
    }
  }
}

resource "aws_lb_listener_rule" "from_cloudfront" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 1

  condition {
    http_header {
      http_header_name = var.origin_verify_header
      values           = [var.origin_verify_value]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
