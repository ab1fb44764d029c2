output "user_pool_id" {
  description = "RESUMATE_AUTH_COGNITO_USER_POOL_ID."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "ARN of the user pool."
  value       = aws_cognito_user_pool.this.arn
}

output "client_id" {
  description = "RESUMATE_AUTH_COGNITO_CLIENT_ID."
  value       = aws_cognito_user_pool_client.app.id
}

output "region" {
  description = "RESUMATE_AUTH_COGNITO_REGION."
  value       = data.aws_region.current.name
}

output "issuer" {
  description = "RESUMATE_AUTH_COGNITO_ISSUER: the iss claim of the pool's tokens."
  value       = "https://${aws_cognito_user_pool.this.endpoint}"
}

output "jwks_url" {
  description = "RESUMATE_AUTH_COGNITO_JWKS_URL: the pool's public signing keys."
  value       = "https://${aws_cognito_user_pool.this.endpoint}/.well-known/jwks.json"
}

output "identity_pool_id" {
  description = "RESUMATE_AUTH_COGNITO_IDENTITY_POOL_ID: the pool that issues upload credentials."
  value       = aws_cognito_identity_pool.this.id
}

output "identity_pool_arn" {
  description = "ARN of the identity pool, for the task role's GetOpenIdTokenForDeveloperIdentity."
  value       = aws_cognito_identity_pool.this.arn
}

output "developer_provider_name" {
  description = "RESUMATE_AUTH_COGNITO_DEVELOPER_PROVIDER: the key of the app's logins to the identity pool."
  value       = aws_cognito_identity_pool.this.developer_provider_name
}
