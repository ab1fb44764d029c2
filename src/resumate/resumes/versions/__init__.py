"""Version history: every saved state of a resume, and restoring one as a new version."""
