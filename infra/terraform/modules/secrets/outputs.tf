output "secret_key_arn" {
  description = "Secret holding RESUMATE_SECRET_KEY."
  value       = aws_secretsmanager_secret.secret_key.arn
}

output "database_url_arn" {
  description = "Secret holding RESUMATE_DATABASE_URL."
  value       = aws_secretsmanager_secret.database_url.arn
}

output "app_username" {
  description = "PostgreSQL role the app logs in as."
  value       = var.app_username
}

output "origin_verify_header" {
  description = "Header CloudFront adds to every origin request."
  value       = local.origin_verify_header
}

output "origin_verify_value" {
  description = "Its secret value, for the distribution and the load balancer's listener rule."
  value       = random_password.origin_verify.result
  sensitive   = true
}

output "origin_verify_arn" {
  description = "Secret holding the origin header's value."
  value       = aws_secretsmanager_secret.origin_verify.arn
}

output "smtp_credentials_arn" {
  description = "Secret the operator fills with the SMTP relay's login ({\"username\": ..., \"password\": ...})."
  value       = aws_secretsmanager_secret.smtp_credentials.arn
}
