output "task_family" {
  description = "Run this family once after the first apply and after each app password change."
  value       = aws_ecs_task_definition.this.family
}

output "log_group" {
  description = "Where the task reports what it did."
  value       = aws_cloudwatch_log_group.this.name
}
