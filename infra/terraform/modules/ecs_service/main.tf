data "aws_region" "current" {}

locals {
  region         = data.aws_region.current.name
  container_name = "app"
  app_port       = 8000
  image          = "${var.repository_url}:${var.image_tag}"
  data_dir       = "/var/lib/resumate"

  # These win over var.environment. The root filesystem is read-only, so everything that
  # writes lands on two task-local volumes: the data dir (Chromium's scratch files, the
  # fontconfig cache) and /tmp, which also serves as HOME for anything that writes there.
  fixed_environment = {
    RESUMATE_ENV                 = "production"
    RESUMATE_HOST                = "0.0.0.0"
    RESUMATE_PORT                = tostring(local.app_port)
    RESUMATE_DATA_DIR            = local.data_dir
    RESUMATE_STORAGE_S3_PREFIX   = var.storage_prefix
    RESUMATE_STORAGE_S3_REGION   = local.region
    RESUMATE_STORAGE_BACKEND     = "s3"
    RESUMATE_AUTH_PROVIDER       = "cognito"
    RESUMATE_AUTH_COGNITO_REGION = local.region
    # Writing help is on in the deployment: Bedrock through the task role, no stored key.
    RESUMATE_AI_PROVIDER = "bedrock"
    RESUMATE_AI_MODEL    = var.bedrock_model_id
    RESUMATE_AI_REGION   = local.region
    HOME                 = "/tmp"
    XDG_CACHE_HOME       = "/tmp/.cache"
  }

  environment = [for name, value in merge(var.environment, local.fixed_environment) : { name = name, value = value }]
  secrets     = [for name, arn in var.secrets : { name = name, valueFrom = arn }]

  container_base = {
    name                   = local.container_name
    image                  = local.image
    essential              = true
    readonlyRootFilesystem = var.readonly_root_filesystem
    environment            = local.environment
    secrets                = local.secrets
    mountPoints = [
      { sourceVolume = "data", containerPath = local.data_dir, readOnly = false },
      { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
    ]
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  # ECS Exec is not enabled on the service; if someone turns it on for debugging, the sessions
  # are encrypted and recorded.
  configuration {
    execute_command_configuration {
      kms_key_id = var.data_kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
      }
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${var.name}-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  # Old revisions stay registered, so a rollback can name any of them.
  skip_destroy = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # Fargate bind mounts start empty but take the image's ownership of the path, so the app's
  # unprivileged user can write to both.
  volume {
    name = "data"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([merge(local.container_base, {
    portMappings = [{ containerPort = local.app_port, protocol = "tcp" }]
    # The image has Python but not necessarily curl.
    healthCheck = {
      command     = ["CMD", "python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${local.app_port}/healthz', timeout=3)"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.app.name
        awslogs-region        = local.region
        awslogs-stream-prefix = "app"
      }
    }
  })])
}

# Run once per deploy, before the service is updated: `resumate db upgrade` migrates the
# schema and syncs the built-in templates.
resource "aws_ecs_task_definition" "migrate" {
  family                   = "${var.name}-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.migrate_cpu
  memory                   = var.migrate_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  skip_destroy             = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # Fargate bind mounts start empty but take the image's ownership of the path, so the app's
  # unprivileged user can write to both.
  volume {
    name = "data"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([merge(local.container_base, {
    command = ["resumate", "db", "upgrade"]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.migrate.name
        awslogs-region        = local.region
        awslogs-stream-prefix = "migrate"
      }
    }
  })])
}

resource "aws_ecs_service" "app" {
  name             = "${var.name}-app"
  cluster          = aws_ecs_cluster.this.id
  task_definition  = aws_ecs_task_definition.app.arn
  desired_count    = var.min_capacity
  launch_type      = "FARGATE"
  platform_version = "LATEST"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  # Chromium starts and the readiness check passes well within this.
  health_check_grace_period_seconds = 60
  enable_ecs_managed_tags           = true
  propagate_tags                    = "SERVICE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.container_name
    container_port   = local.app_port
  }

  lifecycle {
    # Deploys register revisions with new image tags and autoscaling moves the count; an
    # apply must not undo either. Settings changed here reach the tasks with the next deploy,
    # which starts from the family's newest revision.
    ignore_changes = [task_definition, desired_count]
  }
}
