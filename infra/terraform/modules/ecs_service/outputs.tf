output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "The app's ECS service."
  value       = aws_ecs_service.app.name
}

output "service_arn" {
  description = "ARN of the app's ECS service."
  value       = aws_ecs_service.app.id
}

output "container_name" {
  description = "Name of the app container in both task definitions (for image swaps)."
  value       = local.container_name
}

output "app_task_family" {
  description = "Task definition family of the app service."
  value       = aws_ecs_task_definition.app.family
}

output "migrate_task_family" {
  description = "Task definition family of the one-off migrate task."
  value       = aws_ecs_task_definition.migrate.family
}

output "execution_role_arn" {
  description = "Role ECS uses to start the tasks."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "Role the app runs as."
  value       = aws_iam_role.task.arn
}

output "app_log_group" {
  description = "Log group of the app containers."
  value       = aws_cloudwatch_log_group.app.name
}

output "migrate_log_group" {
  description = "Log group of the migrate tasks."
  value       = aws_cloudwatch_log_group.migrate.name
}

output "migrate_log_group_arn" {
  description = "ARN of the migrate log group, for the deploy role."
  value       = aws_cloudwatch_log_group.migrate.arn
}
