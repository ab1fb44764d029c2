"""Turning a resume into HTML (Jinja2, sandboxed) and HTML into PDF and PNG (Chromium)."""
