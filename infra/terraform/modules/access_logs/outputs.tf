output "bucket_name" {
  description = "The access-log bucket."
  value       = aws_s3_bucket.this.id
  # The load balancer checks that it may write here when it is created.
  depends_on = [aws_s3_bucket_policy.this]
}

output "bucket_arn" {
  description = "The access-log bucket's ARN."
  value       = aws_s3_bucket.this.arn
}

output "alb_prefix" {
  description = "Key prefix the load balancer writes under."
  value       = "alb"
}

output "s3_prefix" {
  description = "Key prefix under which other buckets' server access logs go (one folder each)."
  value       = "s3"
}
