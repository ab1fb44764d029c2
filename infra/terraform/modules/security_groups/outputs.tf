output "alb_security_group_id" {
  description = "Group of the load balancer."
  value       = aws_security_group.alb.id
}

output "app_security_group_id" {
  description = "Group of the app tasks; one-off migrate tasks use it too."
  value       = aws_security_group.app.id
}

output "database_security_group_id" {
  description = "Group of the database."
  value       = aws_security_group.database.id
}

output "cloudfront_origin_facing_cidrs" {
  description = "CloudFront's origin-facing ranges (IPv4 and IPv6): where the load balancer sees CloudFront's requests come from, the hop it appends to X-Forwarded-For."
  value = sort(concat(
    [for entry in data.aws_ec2_managed_prefix_list.cloudfront.entries : entry.cidr],
    [for entry in data.aws_ec2_managed_prefix_list.cloudfront_ipv6.entries : entry.cidr],
  ))
}
