module "kms" {
  source = "../../modules/kms"

  name = local.name
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  availability_zones = var.availability_zones
  single_nat_gateway = local.single_nat_gateway
  logs_kms_key_arn   = module.kms.logs_key_arn
  log_retention_days = local.log_retention_days
}

# The app mails sign-up links and notices through an SMTP relay: Amazon SES's SMTP interface
# of the region unless mail_smtp_host names another. Its login is the smtp_credentials secret.
locals {
  mail_smtp_host    = coalesce(var.mail_smtp_host, "email-smtp.${var.region}.amazonaws.com")
  mail_from_address = coalesce(var.mail_from_address, "Resumate <no-reply@${var.app_domain_name}>")
  # "Name <a@domain>" or "a@domain" -> domain
  mail_domain_name = lower(trimsuffix(element(split("@", local.mail_from_address), 1), ">"))
}

# With SES as the relay: the sender's domain as an SES identity, signed with Easy DKIM once its
# records (output ses_dkim_records) are in DNS.
module "mail" {
  source = "../../modules/mail"
  count  = var.mail_smtp_host == null ? 1 : 0

  domain_name = local.mail_domain_name
}

module "security_groups" {
  source = "../../modules/security_groups"

  name      = local.name
  vpc_id    = module.network.vpc_id
  smtp_port = var.mail_smtp_port
}

module "access_logs" {
  source = "../../modules/access_logs"

  name = local.name
}

module "ecr" {
  source = "../../modules/ecr"

  name        = local.name
  kms_key_arn = module.kms.data_key_arn
}

module "storage" {
  source = "../../modules/storage"

  name                   = local.name
  kms_key_arn            = module.kms.data_key_arn
  access_logs_bucket     = module.access_logs.bucket_name
  access_logs_prefix     = module.access_logs.s3_prefix
  allowed_origins        = ["https://${var.app_domain_name}"]
  assets_domain_name     = var.assets_domain_name
  assets_certificate_arn = var.assets_certificate_arn
}

module "auth" {
  source = "../../modules/auth"

  name                = local.name
  deletion_protection = local.cognito_deletion_protection
  uploads_bucket_arn  = module.storage.uploads_bucket_arn
  kms_key_arn         = module.kms.data_key_arn
}

module "database" {
  source = "../../modules/database"

  name                    = local.name
  subnet_ids              = module.network.database_subnet_ids
  security_group_id       = module.security_groups.database_security_group_id
  kms_key_arn             = module.kms.data_key_arn
  logs_kms_key_arn        = module.kms.logs_key_arn
  log_retention_days      = local.log_retention_days
  instance_class          = local.database_instance_class
  multi_az                = local.database_multi_az
  backup_retention_period = local.database_backup_retention_days
  allocated_storage       = local.database_allocated_storage
  max_allocated_storage   = local.database_max_allocated_storage
}

module "secrets" {
  source = "../../modules/secrets"

  name                      = local.name
  kms_key_arn               = module.kms.data_key_arn
  recovery_window_in_days   = local.secret_recovery_window_days
  database_password_version = var.database_password_version
  origin_verify_version     = var.origin_verify_version
  database_address          = module.database.address
  database_port             = module.database.port
  database_name             = module.database.database_name
}

module "alb" {
  source = "../../modules/alb"

  name                 = local.name
  vpc_id               = module.network.vpc_id
  public_subnet_ids    = module.network.public_subnet_ids
  security_group_id    = module.security_groups.alb_security_group_id
  certificate_arn      = var.certificate_arn
  access_logs_bucket   = module.access_logs.bucket_name
  access_logs_prefix   = module.access_logs.alb_prefix
  origin_verify_header = module.secrets.origin_verify_header
  origin_verify_value  = module.secrets.origin_verify_value
}

# Viewers -> CloudFront (app_domain_name) -> load balancer (origin_domain_name) -> app.
module "app_cdn" {
  source = "../../modules/app_cdn"
  providers = {
    aws = aws.us_east_1
  }

  name                 = local.name
  domain_name          = var.app_domain_name
  certificate_arn      = var.cloudfront_certificate_arn
  origin_domain_name   = var.origin_domain_name
  origin_verify_header = module.secrets.origin_verify_header
  origin_verify_value  = module.secrets.origin_verify_value
  log_retention_days   = local.log_retention_days
}

module "ecs_service" {
  source = "../../modules/ecs_service"

  name                    = local.name
  repository_url          = module.ecr.repository_url
  repository_arn          = module.ecr.repository_arn
  image_tag               = var.image_tag
  cpu                     = local.app_cpu
  memory                  = local.app_memory
  min_capacity            = local.app_min_capacity
  max_capacity            = local.app_max_capacity
  private_subnet_ids      = module.network.private_subnet_ids
  security_group_id       = module.security_groups.app_security_group_id
  target_group_arn        = module.alb.target_group_arn
  alb_arn_suffix          = module.alb.arn_suffix
  target_group_arn_suffix = module.alb.target_group_arn_suffix
  data_kms_key_arn        = module.kms.data_key_arn
  logs_kms_key_arn        = module.kms.logs_key_arn
  log_retention_days      = local.log_retention_days
  pdf_bucket_arn          = module.storage.pdf_bucket_arn
  uploads_bucket_arn      = module.storage.uploads_bucket_arn
  cognito_user_pool_arn   = module.auth.user_pool_arn
  identity_pool_arn       = module.auth.identity_pool_arn
  bedrock_model_id        = var.bedrock_model_id

  environment = {
    RESUMATE_AUTH_COGNITO_USER_POOL_ID = module.auth.user_pool_id
    RESUMATE_AUTH_COGNITO_CLIENT_ID    = module.auth.client_id
    RESUMATE_AUTH_COGNITO_ISSUER       = module.auth.issuer
    RESUMATE_AUTH_COGNITO_JWKS_URL     = module.auth.jwks_url
    RESUMATE_STORAGE_S3_BUCKET         = module.storage.pdf_bucket_name
    # Imports go from the browser straight to this bucket, signed with the person's identity.
    RESUMATE_IMPORT_UPLOAD_BUCKET            = module.storage.uploads_bucket_name
    RESUMATE_AUTH_COGNITO_IDENTITY_POOL_ID   = module.auth.identity_pool_id
    RESUMATE_AUTH_COGNITO_DEVELOPER_PROVIDER = module.auth.developer_provider_name
    # Links in mail name the site as people reach it, never the origin name CloudFront sends.
    RESUMATE_PUBLIC_URL = "https://${var.app_domain_name}"
    # STARTTLS on the port (587); the login comes from the secrets below.
    RESUMATE_MAIL_BACKEND      = "smtp"
    RESUMATE_MAIL_SMTP_HOST    = local.mail_smtp_host
    RESUMATE_MAIL_SMTP_PORT    = tostring(var.mail_smtp_port)
    RESUMATE_MAIL_FROM_ADDRESS = local.mail_from_address
    # X-Forwarded-For is believed only from the hops of viewer -> CloudFront -> balancer -> app:
    # the balancer's subnets (the app's peers) and CloudFront's origin-facing ranges (the
    # balancer's peers, which it appends), so the right-most address left is the viewer's.
    RESUMATE_TRUSTED_PROXIES = jsonencode(concat(
      module.network.public_subnet_cidrs,
      module.security_groups.cloudfront_origin_facing_cidrs,
    ))
  }

  secrets = {
    RESUMATE_DATABASE_URL = module.secrets.database_url_arn
    RESUMATE_SECRET_KEY   = module.secrets.secret_key_arn
    # Keys of the JSON secret the operator fills with the SES SMTP credentials.
    RESUMATE_MAIL_SMTP_USERNAME = "${module.secrets.smtp_credentials_arn}:username::"
    RESUMATE_MAIL_SMTP_PASSWORD = "${module.secrets.smtp_credentials_arn}:password::"
  }
}

module "db_bootstrap" {
  source = "../../modules/db_bootstrap"

  name                    = local.name
  repository_url          = module.ecr.repository_url
  repository_arn          = module.ecr.repository_arn
  image_tag               = var.image_tag
  database_url_secret_arn = module.secrets.database_url_arn
  master_user_secret_arn  = module.database.master_user_secret_arn
  master_username         = module.database.master_username
  data_kms_key_arn        = module.kms.data_key_arn
  logs_kms_key_arn        = module.kms.logs_key_arn
  log_retention_days      = local.log_retention_days
}

module "github_oidc" {
  source = "../../modules/github_oidc"

  name                  = local.name
  github_repository     = var.github_repository
  github_environment    = local.environment
  create_oidc_provider  = var.create_github_oidc_provider
  ecr_repository_arn    = module.ecr.repository_arn
  cluster_arn           = module.ecs_service.cluster_arn
  cluster_name          = module.ecs_service.cluster_name
  service_arn           = module.ecs_service.service_arn
  migrate_task_family   = module.ecs_service.migrate_task_family
  migrate_log_group_arn = module.ecs_service.migrate_log_group_arn
  pass_role_arns        = [module.ecs_service.execution_role_arn, module.ecs_service.task_role_arn]
}
