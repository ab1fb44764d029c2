"""The `cognito` auth provider: accounts and sessions in an AWS Cognito user pool."""
