resource "aws_cloudwatch_log_group" "app" {
  name              = "/resumate/${var.name}/app"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}

resource "aws_cloudwatch_log_group" "migrate" {
  name              = "/resumate/${var.name}/migrate"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}

resource "aws_cloudwatch_log_group" "exec" {
  name              = "/resumate/${var.name}/ecs-exec"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
}
