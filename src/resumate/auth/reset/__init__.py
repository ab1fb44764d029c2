"""Password reset: a single-use, expiring link by mail (local accounts) or Cognito's own code."""
