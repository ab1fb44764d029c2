output "repository_url" {
  description = "Where to push and pull images (without a tag)."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_arn" {
  description = "The repository's ARN, for IAM policies."
  value       = aws_ecr_repository.this.arn
}

output "repository_name" {
  description = "The repository's name."
  value       = aws_ecr_repository.this.name
}
