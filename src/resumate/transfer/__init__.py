"""Resumes in and out: JSON Resume import and export (and, next, PDF and Word import)."""
