"""Every table, imported in one place so metadata and migrations see them all."""

from resumate.auth.models import LoginFailure, RefreshToken, User
from resumate.auth.signup.models import EmailConfirmation
from resumate.db import Base
from resumate.resumes.cleanup.models import FileDeletion
from resumate.resumes.models import Resume, ResumeVersion
from resumate.templates.models import Template

__all__ = [
    "Base",
    "EmailConfirmation",
    "FileDeletion",
    "LoginFailure",
    "RefreshToken",
    "Resume",
    "ResumeVersion",
    "Template",
    "User",
]
