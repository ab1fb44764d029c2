"""/api/auth: register, login, refresh, logout, me, and the JWKS."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from resumate.auth.cognito import CognitoAuthService
from resumate.auth.cookies import clear_session_cookies, set_session_cookies
from resumate.auth.provider import AuthProvider
from resumate.auth.schemas import Credentials, RefreshRequest, Session, UserOut
from resumate.auth.service import AuthService, IssuedSession
from resumate.context import AppContext
from resumate.deps import REFRESH_COOKIE, ContextDep, CurrentUser, SessionDep, credentials
from resumate.errors import NotFound, Unauthorized
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth", tags=["auth"])
jwks_router = APIRouter(tags=["auth"])


async def get_auth_service(
    request: Request, session: SessionDep, context: ContextDep
) -> AuthProvider:
    """The configured provider: local accounts, or a Cognito user pool."""
    if context.cognito is not None:
        # Read when needed only: registering or signing in must not trip over a stale header.
        return CognitoAuthService(
            session, context.cognito, context.throttle, lambda: credentials(request)[0]
        )
    return AuthService(
        session, context.sessionmaker, context.tokens, context.throttle, context.refresh_lifetime
    )


AuthServiceDep = Annotated[AuthProvider, Depends(get_auth_service)]


def session_body(issued: IssuedSession, response: Response, context: AppContext) -> Session:
    set_session_cookies(response, issued, context)
    return Session(
        access_token=issued.access_token,
        refresh_token=issued.refresh_token,
        expires_in=issued.expires_in,
        user=UserOut.model_validate(issued.user),
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=Session,
    responses=responses(409, 422),
)
async def register(
    body: Credentials, response: Response, service: AuthServiceDep, context: ContextDep
) -> Session:
    issued = await service.register(body.email, body.password)
    return session_body(issued, response, context)


@router.post("/login", response_model=Session, responses=responses(401, 422, 429))
async def login(
    body: Credentials,
    request: Request,
    response: Response,
    service: AuthServiceDep,
    context: ContextDep,
) -> Session:
    issued = await service.login(body.email, body.password, client_address(request))
    return session_body(issued, response, context)


@router.post("/refresh", response_model=Session, responses=responses(401, 422))
async def refresh(
    request: Request,
    response: Response,
    service: AuthServiceDep,
    context: ContextDep,
    body: RefreshRequest | None = None,
) -> Session:
    raw = (body.refresh_token if body else None) or request.cookies.get(REFRESH_COOKIE)
    if not raw:
        raise Unauthorized("Send the refresh token to continue the session.")
    issued = await service.refresh(raw)
    return session_body(issued, response, context)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401))
async def logout(user: CurrentUser, service: AuthServiceDep) -> Response:
    """Sign out everywhere: every session of this account ends at once."""
    await service.end_all_sessions(user)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response)
    return response


@router.get("/me", response_model=UserOut, responses=responses(401))
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


@jwks_router.get("/.well-known/jwks.json")
async def jwks(context: ContextDep) -> dict[str, Any]:
    if context.cognito is not None:
        raise NotFound("Tokens are signed by the Cognito user pool, whose keys it publishes.")
    return context.tokens.key.jwks()
