"""/api/auth: login, refresh, logout, me, and the JWKS (registering is in `signup`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response, status

from resumate.auth.cookies import REFRESH_COOKIE, clear_session_cookies, session_body
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, CurrentUser, client_address
from resumate.auth.schemas import Credentials, RefreshRequest, Session, UserOut
from resumate.auth.twofactor.schemas import SecondFactorRequired
from resumate.auth.twofactor.signin import PendingSecondFactor
from resumate.errors import NotFound, Unauthorized
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth", tags=["auth"])
jwks_router = APIRouter(tags=["auth"])


@router.post(
    "/login", response_model=Session | SecondFactorRequired, responses=responses(401, 422, 429)
)
async def login(
    body: Credentials,
    request: Request,
    response: Response,
    service: AuthServiceDep,
    auth: AuthBackendDep,
) -> Session | SecondFactorRequired:
    """A session; or, for an account with two-factor, `{"secondFactor": {"token", "methods",
    "expiresIn"}}` and no session until `POST /api/auth/login/second-factor` gets a code."""
    issued = await service.login(body.email, body.password, client_address(request))
    if isinstance(issued, PendingSecondFactor):
        return SecondFactorRequired.of(issued)
    return session_body(issued, response, auth)


@router.post("/refresh", response_model=Session, responses=responses(401, 422))
async def refresh(
    request: Request,
    response: Response,
    service: AuthServiceDep,
    auth: AuthBackendDep,
    body: RefreshRequest | None = None,
) -> Session:
    raw = (body.refresh_token if body else None) or request.cookies.get(REFRESH_COOKIE)
    if not raw:
        raise Unauthorized("Send the refresh token to continue the session.")
    issued = await service.refresh(raw)
    return session_body(issued, response, auth)


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
async def jwks(auth: AuthBackendDep) -> dict[str, Any]:
    if auth.cognito is not None:
        raise NotFound("Tokens are signed by the Cognito user pool, whose keys it publishes.")
    return auth.tokens.key.jwks()
