"""Who is asking: the signed-in user for API routes and pages, and the configured provider."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.backend import AuthBackend
from resumate.auth.cognito.service import CognitoAuthService
from resumate.auth.devices.client import DeviceClient
from resumate.auth.models import User
from resumate.auth.provider import AuthProvider, Identity, authenticate
from resumate.auth.service import AuthService
from resumate.auth.signup.letters import AccountMail
from resumate.auth.signup.throttle import account_mail_limit
from resumate.components import Slot
from resumate.db import Database
from resumate.deps import DatabaseDep, SessionDep, SettingsDep
from resumate.errors import Unauthorized
from resumate.mail.deps import MailerDep
from resumate.web.csrf import ACCESS_COOKIE, SAFE_METHODS, check_csrf, check_form_csrf
from resumate.web.errors import SignInRequired

AUTH: Slot[AuthBackend] = Slot("auth")
AuthBackendDep = Annotated[AuthBackend, Depends(AUTH)]


def credentials(request: Request) -> tuple[str | None, bool]:
    """The access token and whether it came from the cookie (which then needs a CSRF check)."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("Use the Authorization header as: Bearer <token>.")
        return token.strip(), False
    return request.cookies.get(ACCESS_COOKIE), True


async def get_caller(request: Request, auth: AuthBackendDep) -> Identity:
    """Who is asking, by the one verification path of whichever provider is set.

    Only the token is checked here; a route that reads the caller's own rows checks that the
    token is still good in the same query (see `Identity`), others through `CurrentUser`.
    """
    token, from_cookie = credentials(request)
    if not token:
        raise Unauthorized()
    identity = await auth.authenticator.identify(token)
    if from_cookie and request.method not in SAFE_METHODS:
        check_csrf(request)
    return identity


Caller = Annotated[Identity, Depends(get_caller)]


async def get_current_user(identity: Caller, session: SessionDep, auth: AuthBackendDep) -> User:
    """The signed-in user, while the session is good."""
    return await auth.authenticator.user(session, identity)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_account_mail(
    settings: SettingsDep, database: DatabaseDep, mailer: MailerDep
) -> AccountMail:
    """The account's mail, its links on the site's public address, throttled per inbox."""
    throttle = account_mail_limit(database.sessionmaker, settings.auth)
    return AccountMail(mailer, settings.site_url, throttle)


AccountMailDep = Annotated[AccountMail, Depends(get_account_mail)]


async def get_auth_service(
    request: Request,
    session: SessionDep,
    database: DatabaseDep,
    auth: AuthBackendDep,
    mail: AccountMailDep,
) -> AuthProvider:
    """The configured provider: local accounts, or a Cognito user pool."""
    if auth.cognito is not None:
        # Read when needed only: registering or signing in must not trip over a stale header.
        return CognitoAuthService(
            session,
            database.sessionmaker,
            auth.cognito,
            auth.throttle,
            lambda: credentials(request)[0],
            mail,
        )
    return local_auth_service(request, session, database, auth, mail)


def local_auth_service(
    request: Request,
    session: AsyncSession,
    database: Database,
    auth: AuthBackend,
    mail: AccountMail,
) -> AuthService:
    """The local provider for this request, recording the device each session starts on."""
    return AuthService(
        session,
        database.sessionmaker,
        auth.tokens,
        auth.throttle,
        auth.refresh_lifetime,
        mail,
        client=device_client(request),
    )


AuthServiceDep = Annotated[AuthProvider, Depends(get_auth_service)]


async def get_local_auth_service(
    request: Request,
    session: SessionDep,
    database: DatabaseDep,
    auth: AuthBackendDep,
    mail: AccountMailDep,
) -> AuthService:
    """The local provider, whichever is configured: for steps only local accounts have."""
    return local_auth_service(request, session, database, auth, mail)


LocalAuthServiceDep = Annotated[AuthService, Depends(get_local_auth_service)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def device_client(request: Request) -> DeviceClient:
    """The asking device as the list of sessions shows it."""
    return DeviceClient.of(client_address(request), request.headers.get("user-agent"))


async def optional_user(request: Request, session: SessionDep, auth: AuthBackendDep) -> User | None:
    token = request.cookies.get(ACCESS_COOKIE)
    if not token:
        return None
    try:
        # The one verification path the API uses too, for either auth provider.
        user = await authenticate(auth.authenticator, session, token)
    except Unauthorized:
        return None
    request.state.user = user
    return user


MaybeUser = Annotated[User | None, Depends(optional_user)]


async def page_user(user: MaybeUser) -> User:
    if user is None:
        raise SignInRequired()
    return user


PageUser = Annotated[User, Depends(page_user)]


async def signed_in_writer(request: Request, user: PageUser) -> User:
    """The user behind a state-changing page request, after its CSRF check."""
    await check_form_csrf(request)
    return user


PageWriter = Annotated[User, Depends(signed_in_writer)]
