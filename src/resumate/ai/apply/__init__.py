"""Accepting proposals: checked again on the server, applied as a new version or a variant."""
