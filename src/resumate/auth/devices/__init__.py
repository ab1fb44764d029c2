"""Devices signed in: one row per device session (refresh-token family), listed and ended."""
