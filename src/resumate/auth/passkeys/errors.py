"""The passkey errors, on top of the app's hierarchy (`resumate.errors`).

ResumateError
├── PasskeyRefused (401 passkey_refused, with fields)   a sign-in the app does not accept
└── PasskeysUnavailable (404 not_found)                 the Cognito provider has none
"""

from __future__ import annotations

from resumate.errors import NotFound, ResumateError

NO_SUCH_REQUEST = "This passkey request has expired or was already used. Try again."


class PasskeyRefused(ResumateError):
    status = 401
    code = "passkey_refused"
    default_message = "That passkey could not sign you in. Try again, or use your password."

    def headers(self) -> dict[str, str]:
        return super().headers() | {"WWW-Authenticate": "Bearer"}


class PasskeysUnavailable(NotFound):
    default_message = (
        "Passkeys work with Resumate's own accounts only; this server signs in through "
        "Amazon Cognito, which keeps its own sign-in methods."
    )
