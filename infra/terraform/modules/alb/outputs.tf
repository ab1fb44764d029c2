output "arn" {
  description = "The load balancer's ARN."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "Suffix used in CloudWatch metrics and request-count scaling."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  description = "Point the origin's name (CloudFront's origin_domain_name) here (CNAME, or an alias with zone_id)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone of the load balancer, for Route 53 alias records."
  value       = aws_lb.this.zone_id
}

output "target_group_arn" {
  description = "Target group the service registers its tasks in."
  value       = aws_lb_target_group.app.arn
  # ECS refuses a target group that no listener forwards to yet.
  depends_on = [aws_lb_listener_rule.from_cloudfront]
}

output "target_group_arn_suffix" {
  description = "Suffix used in request-count scaling."
  value       = aws_lb_target_group.app.arn_suffix
}

output "https_listener_arn" {
  description = "The HTTPS listener; the service waits for it before registering targets."
  value       = aws_lb_listener.https.arn
}
