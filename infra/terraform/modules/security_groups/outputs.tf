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
