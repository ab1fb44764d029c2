variable "name" {
  description = "Prefix for the deploy role, e.g. resumate-production."
  type        = string
}

variable "github_repository" {
  description = "The repository allowed to deploy, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "github_environment" {
  description = "The GitHub environment whose deploy jobs may assume the role (limit it to main in GitHub)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.github_environment))
    error_message = "github_environment must be a GitHub environment name such as staging or production."
  }
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider; false when another stack in the account already has it."
  type        = bool
  default     = true
}

variable "ecr_repository_arn" {
  description = "Repository the deploy pushes images to."
  type        = string
}

variable "cluster_arn" {
  description = "Cluster the migrate task runs in."
  type        = string
}

variable "cluster_name" {
  description = "Name of that cluster (task ARNs contain it)."
  type        = string
}

variable "service_arn" {
  description = "The app service the deploy updates."
  type        = string
}

variable "migrate_task_family" {
  description = "Task definition family of the one-off migrate task."
  type        = string
}

variable "migrate_log_group_arn" {
  description = "Log group of the migrate task, so the workflow can show its output."
  type        = string
}

variable "pass_role_arns" {
  description = "The task execution role and task role that new task definition revisions name."
  type        = list(string)
}
