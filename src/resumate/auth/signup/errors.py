"""What can go wrong with a confirmation link, said alike for sign-up and change of address."""

from __future__ import annotations

from resumate.errors import BadRequest, Conflict, FieldError


def invalid_link() -> BadRequest:
    return BadRequest(
        "This link has expired or was already used. Ask for a new one.",
        fields=[FieldError(field="token", message="has expired or was already used")],
    )


def already_registered() -> Conflict:
    return Conflict(
        "This address already has an account. Sign in instead.",
        fields=[FieldError(field="email", message="already has an account")],
    )
