output "logs_key_arn" {
  description = "Key for CloudWatch log groups."
  value       = aws_kms_key.logs.arn
}

output "data_key_arn" {
  description = "Key for the database, secrets, buckets and container images."
  value       = aws_kms_key.data.arn
}
