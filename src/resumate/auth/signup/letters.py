"""The mail that sign-up and a change of address send, and the sending of it.

Each is sent after the answer is decided (a background task), so neither its time nor whether
it went tells the client anything; a failure is logged and the person can ask again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from resumate.auth.provider import FollowUp
from resumate.auth.throttle import MailLimit
from resumate.mail import Mail, Mailer, deliver

log = logging.getLogger("resumate.auth")

SIGN_OFF = "\n\n— Resumate\n"


def masked(email: str) -> str:
    """`n…@example.com`: enough for the owner to recognise, not to read off a stolen inbox."""
    name, _, domain = email.partition("@")
    return f"{name[:1]}…@{domain}"


async def nothing() -> None:
    """A follow-up with nothing to do (no pending sign-up to send again, say)."""


@dataclass(frozen=True)
class AccountMail:
    """Composes and sends the account's mail; links are built on the site's public address."""

    mailer: Mailer
    site_url: str
    throttle: MailLimit

    def link(self, path: str) -> str:
        return f"{self.site_url}{path}"

    async def send(self, mail: Mail) -> None:
        await deliver(self.mailer, mail)

    async def sign_up_link(self, to: str, token: str) -> None:
        link = self.link(f"/verify-email/{token}")
        await self.send(
            Mail(
                to=to,
                subject="Confirm your e-mail to finish creating your account",
                text=(
                    "Someone (we hope you) asked to create a Resumate account with this address."
                    f"\n\nConfirm your e-mail to finish creating your account:\n{link}\n\n"
                    "The link works once, for 24 hours. If you did not ask for an account, "
                    "ignore this mail: nothing is created without it." + SIGN_OFF
                ),
                link=link,
            )
        )

    async def account_exists(self, to: str) -> None:
        sign_in, reset = self.link("/login"), self.link("/forgot-password")
        await self.send(
            Mail(
                to=to,
                subject="Someone tried to create an account with your address",
                text=(
                    "Someone tried to create an account with this address, which already has "
                    f"one.\n\nIf it was you, sign in:\n{sign_in}\n\n"
                    f"— or reset your password:\n{reset}\n\n"
                    "If it was not you, you need do nothing: your account is unchanged." + SIGN_OFF
                ),
                link=sign_in,
            )
        )

    async def account_ready(self, to: str) -> None:
        """Where the identity provider confirmed the address itself: only sign-in is left."""
        sign_in = self.link("/login")
        await self.send(
            Mail(
                to=to,
                subject="Your Resumate account is ready",
                text=f"Your account is ready. Sign in:\n{sign_in}" + SIGN_OFF,
                link=sign_in,
            )
        )

    async def email_change_link(self, to: str, token: str) -> None:
        link = self.link(f"/account/email/confirm/{token}")
        await self.send(
            Mail(
                to=to,
                subject="Confirm your new e-mail address",
                text=(
                    "You asked to use this address for your Resumate account.\n\n"
                    f"Confirm it:\n{link}\n\nThe link works once, for 24 hours, while you are "
                    "signed in. If you did not ask for this, ignore this mail." + SIGN_OFF
                ),
                link=link,
            )
        )

    async def email_change_taken(self, to: str) -> None:
        sign_in = self.link("/login")
        await self.send(
            Mail(
                to=to,
                subject="Someone tried to move an account to your address",
                text=(
                    "Someone asked to move their Resumate account to this address, which "
                    "already has an account, so nothing changed. If it was you, sign in to "
                    f"the account that has this address:\n{sign_in}" + SIGN_OFF
                ),
                link=sign_in,
            )
        )

    async def email_changing(self, to: str, new: str) -> None:
        account = self.link("/account")
        await self.send(
            Mail(
                to=to,
                subject="Your Resumate address is being changed",
                text=(
                    f"Your address is being changed to {masked(new)}: a confirmation link went "
                    "there. If this was not you, change your password now:\n"
                    f"{account}" + SIGN_OFF
                ),
                link=account,
            )
        )

    async def email_changed(self, to: str, new: str) -> None:
        account = self.link("/account")
        await self.send(
            Mail(
                to=to,
                subject="Your Resumate address was changed",
                text=(
                    f"Your account's address is now {masked(new)}; mail goes there from now "
                    "on, and you sign in with it. If this was not you, your account may be in "
                    "someone else's hands: change your password if you still can, and tell "
                    "the site's operator." + SIGN_OFF
                ),
                link=account,
            )
        )


def follow_up(work: FollowUp) -> FollowUp:
    """`work` as a background task: a failure after the answer went out is logged, not raised."""

    async def run() -> None:
        try:
            await work()
        except Exception as exc:  # the answer is out; the person can ask again
            log.warning("account mail follow-up failed: %s", type(exc).__name__)

    return run
