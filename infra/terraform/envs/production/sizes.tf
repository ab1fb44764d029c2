# What makes production production: three zones, a standby database, room to scale.
locals {
  environment = "production"
  name        = "resumate-production"

  single_nat_gateway = false

  app_cpu          = 2048
  app_memory       = 4096
  app_min_capacity = 2
  app_max_capacity = 12

  database_instance_class        = "db.m7g.large"
  database_multi_az              = true
  database_backup_retention_days = 30
  database_allocated_storage     = 50
  database_max_allocated_storage = 500

  cognito_deletion_protection = true
  secret_recovery_window_days = 30
  log_retention_days          = 365
}
