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
