"""Bodies of the second sign-in step and of /api/account/two-factor."""

from __future__ import annotations

from pydantic import Field

from resumate.auth.passwords import MAX_LENGTH
from resumate.auth.twofactor.methods import METHOD_NAMES
from resumate.auth.twofactor.signin import PendingSecondFactor
from resumate.schemas import ApiInput, ApiModel

CODE = Field(
    min_length=1,
    max_length=64,
    description="A code from the authenticator app (6 digits) or a recovery code.",
)


class SecondFactorChallenge(ApiModel):
    token: str = Field(description="Send it back with the code; good for one sign-in.")
    methods: list[str] = Field(description=f"The account's methods ({', '.join(METHOD_NAMES)}).")
    expires_in: int = Field(description="Seconds left to send the code.")


class SecondFactorRequired(ApiModel):
    """The password was right; the account also needs its second factor for a session."""

    second_factor: SecondFactorChallenge

    @classmethod
    def of(cls, pending: PendingSecondFactor) -> SecondFactorRequired:
        return cls(
            second_factor=SecondFactorChallenge(
                token=pending.token, methods=pending.methods, expires_in=pending.expires_in
            )
        )


class PendingToken(ApiInput):
    token: str = Field(min_length=1, max_length=200, description="`secondFactor.token`.")


class SecondFactorProof(ApiInput):
    token: str = Field(min_length=1, max_length=200)
    # Room for a method whose proof is a document (a passkey's assertion, as JSON).
    code: str = Field(
        min_length=1,
        max_length=8192,
        description=(
            "The app's 6 digits, a recovery code, or for `passkey` the JSON of the browser's "
            "answer (`PublicKeyCredential.toJSON()`)."
        ),
    )
    method: str | None = Field(
        default=None,
        max_length=40,
        description="One of `secondFactor.methods`; left out, the code's shape chooses.",
    )


class TwoFactorStatusOut(ApiModel):
    enabled: bool
    methods: list[str]
    recovery_codes_left: int


class TotpSetupOut(ApiModel):
    secret: str = Field(description="Base32, for typing into the app by hand.")
    otpauth_uri: str
    qr_svg: str = Field(description="The otpauth URI as an SVG QR code.")


class TotpConfirmation(ApiInput):
    code: str = CODE


class RecoveryCodesOut(ApiModel):
    recovery_codes: list[str] = Field(description="Shown this once; each works one time.")


class PasswordConfirmation(ApiInput):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class TwoFactorRemoval(ApiInput):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
    code: str = CODE
