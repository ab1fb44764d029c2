output "app_cloudfront_domain_name" {
  description = "Point app_domain_name here (CNAME, or a Route 53 alias with app_cloudfront_zone_id)."
  value       = module.app_cdn.domain_name
}

output "app_cloudfront_zone_id" {
  description = "CloudFront's hosted zone, for a Route 53 alias record of app_domain_name."
  value       = module.app_cdn.hosted_zone_id
}

output "app_distribution_id" {
  description = "The app's CloudFront distribution."
  value       = module.app_cdn.distribution_id
}

output "alb_dns_name" {
  description = "Point origin_domain_name here (CNAME, or a Route 53 alias with alb_zone_id); viewers never use it."
  value       = module.alb.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer, for a Route 53 alias record."
  value       = module.alb.zone_id
}

output "ecr_repository_url" {
  description = "Push images here, tagged with the commit SHA."
  value       = module.ecr.repository_url
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.ecs_service.cluster_name
}

output "service_name" {
  description = "The app's ECS service."
  value       = module.ecs_service.service_name
}

output "container_name" {
  description = "Container whose image a deploy replaces in each task definition."
  value       = module.ecs_service.container_name
}

output "app_task_family" {
  description = "Task definition family of the service; a deploy registers a revision of it with the new image."
  value       = module.ecs_service.app_task_family
}

output "migrate_task_family" {
  description = "Task definition family of the one-off migrate task (`resumate db upgrade`)."
  value       = module.ecs_service.migrate_task_family
}

output "db_bootstrap_task_family" {
  description = "One-off task creating the app's database role; run after the first apply and after a password change."
  value       = module.db_bootstrap.task_family
}

output "private_subnet_ids" {
  description = "Subnets for one-off tasks."
  value       = module.network.private_subnet_ids
}

output "app_security_group_id" {
  description = "Security group for one-off tasks."
  value       = module.security_groups.app_security_group_id
}

output "run_task_network_configuration" {
  description = "Ready for `aws ecs run-task --network-configuration`."
  value = jsonencode({
    awsvpcConfiguration = {
      subnets        = module.network.private_subnet_ids
      securityGroups = [module.security_groups.app_security_group_id]
      assignPublicIp = "DISABLED"
    }
  })
}

output "deploy_role_arn" {
  description = "Role the GitHub Actions deploy assumes."
  value       = module.github_oidc.deploy_role_arn
}

output "execution_role_arn" {
  description = "Task execution role new task definition revisions name."
  value       = module.ecs_service.execution_role_arn
}

output "task_role_arn" {
  description = "Task role new task definition revisions name."
  value       = module.ecs_service.task_role_arn
}

output "cognito_user_pool_id" {
  description = "Cognito user pool."
  value       = module.auth.user_pool_id
}

output "cognito_client_id" {
  description = "Cognito app client."
  value       = module.auth.client_id
}

output "cognito_issuer" {
  description = "Issuer of the pool's tokens."
  value       = module.auth.issuer
}

output "cloudfront_domain_name" {
  description = "Domain serving the template assets (the assets distribution, not the app's)."
  value       = module.storage.cloudfront_domain_name
}

output "pdf_bucket_name" {
  description = "Bucket holding PDFs and thumbnails."
  value       = module.storage.pdf_bucket_name
}

output "uploads_bucket_name" {
  description = "Bucket browsers post imported resume files to; emptied by a lifecycle rule."
  value       = module.storage.uploads_bucket_name
}

output "cognito_identity_pool_id" {
  description = "Cognito identity pool that issues upload credentials."
  value       = module.auth.identity_pool_id
}

output "assets_bucket_name" {
  description = "Bucket holding template assets."
  value       = module.storage.assets_bucket_name
}

output "database_address" {
  description = "Host name of PostgreSQL (reachable only from the app's security group)."
  value       = module.database.address
}

output "origin_verify_secret_arn" {
  description = "Secret holding the header value CloudFront sends and the load balancer requires."
  value       = module.secrets.origin_verify_arn
}

output "database_master_secret_arn" {
  description = "RDS-managed administrator secret (for break-glass access only)."
  value       = module.database.master_user_secret_arn
}

output "smtp_credentials_secret_arn" {
  description = "Secret to fill with the SES SMTP credentials as {\"username\": ..., \"password\": ...} before the tasks start."
  value       = module.secrets.smtp_credentials_arn
}

output "ses_dkim_records" {
  description = "CNAME records (name => value) to publish so SES verifies the sender's domain and signs its mail; null with another relay."
  value       = one(module.mail[*].dkim_records)
}
