"""Every table, imported in one place so metadata and migrations see them all."""

from resumate.auth.models import LoginFailure, RefreshToken, User
from resumate.auth.reset.models import PasswordReset
from resumate.db import Base
from resumate.resumes.cleanup.models import FileDeletion
from resumate.resumes.models import Resume, ResumeVersion
from resumate.templates.models import Template

__all__ = [
    "Base",
    "FileDeletion",
    "LoginFailure",
    "PasswordReset",
    "RefreshToken",
    "Resume",
    "ResumeVersion",
    "Template",
    "User",
]
