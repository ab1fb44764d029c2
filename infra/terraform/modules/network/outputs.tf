output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.this.id
}

output "availability_zones" {
  description = "Zones the subnets span."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "Subnets for the load balancer and NAT gateways."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Subnets for Fargate tasks, including one-off migrate tasks."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "Subnets for RDS; they have no route out of the VPC."
  value       = aws_subnet.database[*].id
}

output "nat_public_ips" {
  description = "Addresses the tasks' outbound traffic comes from (for allow-lists elsewhere)."
  value       = aws_eip.nat[*].public_ip
}

output "public_subnet_cidrs" {
  description = "Address ranges of the load balancer's subnets: the proxies whose X-Forwarded-For the app believes."
  value       = aws_subnet.public[*].cidr_block
}
