"""Passkeys (WebAuthn): a second factor and a sign-in without a password, for local accounts."""
