# What makes staging staging: smaller and cheaper than production, same shape.
locals {
  environment = "staging"
  name        = "resumate-staging"

  single_nat_gateway = true

  app_cpu          = 1024
  app_memory       = 2048
  app_min_capacity = 1
  app_max_capacity = 3

  database_instance_class        = "db.t4g.medium"
  database_multi_az              = false
  database_backup_retention_days = 7
  database_allocated_storage     = 20
  database_max_allocated_storage = 100

  cognito_deletion_protection = false
  secret_recovery_window_days = 7
  log_retention_days          = 365
}
