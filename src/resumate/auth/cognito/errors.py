"""Cognito's refusals, answered as the app's own errors, the same ones the local provider uses."""

from __future__ import annotations

import logging

from resumate.auth.cognito.client import CognitoRefused, CognitoUnavailable
from resumate.auth.cognito.tokens import email_taken
from resumate.auth.tokens import SESSION_ENDED
from resumate.errors import (
    FieldError,
    ResumateError,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
)

log = logging.getLogger("resumate.auth")

# Refusals of a sign-in that must all read the same, so nobody can tell which accounts exist.
WRONG_PASSWORD_CODES = frozenset(
    {
        "NotAuthorizedException",
        "UserNotFoundException",
        "UserNotConfirmedException",
        "PasswordResetRequiredException",
    }
)
TOO_MANY = "Too many sign-in attempts. Wait a little and try again."
LOCKOUT_SECONDS = 60


def is_wrong_password(exc: CognitoRefused) -> bool:
    return exc.code in WRONG_PASSWORD_CODES and not _is_lockout(exc) and not _is_config(exc)


def sign_up_refused(exc: CognitoRefused) -> ResumateError:
    if exc.code == "UsernameExistsException":
        return email_taken()
    if exc.code == "InvalidPasswordException":
        return _password_refused("password", exc)
    if exc.code == "InvalidParameterException":
        field = "password" if "password" in exc.message.lower() else "email"
        return ValidationFailed(
            f"This {field} is not accepted.",
            fields=[FieldError(field=field, message="is not accepted")],
        )
    return sign_in_refused(exc)


def sign_in_refused(exc: CognitoRefused) -> ResumateError:
    """Anything but a wrong password (which the caller answers, and counts, itself)."""
    if _is_lockout(exc):
        return TooManyRequests(TOO_MANY, retry_after=LOCKOUT_SECONDS)
    if exc.code == "ChallengeRequired":
        return Unauthorized(
            "This account needs a sign-in step this site does not offer, such as a second "
            "factor or a new password."
        )
    return unexpected(exc)


def password_change_refused(exc: CognitoRefused) -> ResumateError:
    if _is_lockout(exc):
        return TooManyRequests(TOO_MANY, retry_after=LOCKOUT_SECONDS)
    if exc.code == "NotAuthorizedException" and "token" in exc.message.lower():
        return Unauthorized(SESSION_ENDED)
    if exc.code == "NotAuthorizedException":
        return ValidationFailed(
            "The current password is not right.",
            fields=[FieldError(field="currentPassword", message="is not right")],
        )
    if exc.code in ("InvalidPasswordException", "InvalidParameterException"):
        return _password_refused("newPassword", exc)
    return unexpected(exc)


def unexpected(exc: CognitoRefused) -> CognitoUnavailable:
    """A refusal the app has no answer for: most likely the pool or client is set up wrong."""
    # Only the code: Cognito's messages may quote what was sent, tokens included.
    log.error("Cognito refused unexpectedly: %s", exc.code)
    return CognitoUnavailable()


def _password_refused(field: str, exc: CognitoRefused) -> ValidationFailed:
    # Cognito's own sentence names the pool's rule that failed ("... policy: Password must
    # have numeric characters"); anything else it says is not for the user.
    rule = exc.message.partition("policy: ")[2].strip().rstrip(".")
    message = (
        f"This password is not accepted: {rule}." if rule else "This password is not accepted."
    )
    return ValidationFailed(message, fields=[FieldError(field=field, message="is not accepted")])


def _is_lockout(exc: CognitoRefused) -> bool:
    return exc.code == "NotAuthorizedException" and "attempts exceeded" in exc.message.lower()


def _is_config(exc: CognitoRefused) -> bool:
    """Refused for the app client's set-up (its secret), not for what the user typed."""
    return "secret hash" in exc.message.lower()
