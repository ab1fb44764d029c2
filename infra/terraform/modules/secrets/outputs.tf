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
