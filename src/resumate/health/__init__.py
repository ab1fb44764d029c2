"""Liveness and readiness probes for the load balancer."""
