output "deploy_role_arn" {
  description = "Role the GitHub Actions deploy job assumes (aws-actions/configure-aws-credentials role-to-assume)."
  value       = aws_iam_role.deploy.arn
}

output "oidc_provider_arn" {
  description = "The account's GitHub OIDC provider."
  value       = local.provider_arn
}
