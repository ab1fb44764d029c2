output "domain_name" {
  description = "The distribution's own name: point the site's name here."
  value       = aws_cloudfront_distribution.app.domain_name
}

output "hosted_zone_id" {
  description = "CloudFront's hosted zone, for a Route 53 alias record."
  value       = aws_cloudfront_distribution.app.hosted_zone_id
}

output "distribution_id" {
  description = "The app's distribution."
  value       = aws_cloudfront_distribution.app.id
}

output "web_acl_arn" {
  description = "The web ACL guarding the distribution."
  value       = aws_wafv2_web_acl.this.arn
}
