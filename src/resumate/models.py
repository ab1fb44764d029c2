"""Every table, imported in one place so metadata and migrations see them all."""

from resumate.ai.generation.models import AIUsage
from resumate.ai.userprovider.models import UserProvider
from resumate.auth.devices.models import DeviceSession
from resumate.auth.models import LoginFailure, RefreshToken, User
from resumate.auth.passkeys.models import Passkey, PasskeyChallenge
from resumate.auth.reset.models import PasswordReset
from resumate.auth.signup.models import EmailConfirmation
from resumate.auth.twofactor.models import PendingSignIn, RecoveryCode, TotpFactor
from resumate.db import Base
from resumate.resumes.cleanup.models import FileDeletion
from resumate.resumes.models import Resume, ResumeVersion
from resumate.sharing.models import SentRecord, Share, ShareVisit
from resumate.templates.models import Template

__all__ = [
    "AIUsage",
    "Base",
    "DeviceSession",
    "EmailConfirmation",
    "FileDeletion",
    "LoginFailure",
    "Passkey",
    "PasskeyChallenge",
    "PasswordReset",
    "PendingSignIn",
    "RecoveryCode",
    "RefreshToken",
    "Resume",
    "ResumeVersion",
    "SentRecord",
    "Share",
    "ShareVisit",
    "Template",
    "TotpFactor",
    "User",
    "UserProvider",
]
