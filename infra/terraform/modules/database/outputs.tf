output "address" {
  description = "Host name of the database."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the database."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "Database the app uses."
  value       = aws_db_instance.this.db_name
}

output "master_username" {
  description = "Administrator login."
  value       = aws_db_instance.this.username
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (JSON with username and password) RDS keeps for the administrator."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "instance_arn" {
  description = "ARN of the instance."
  value       = aws_db_instance.this.arn
}
