"""/api/auth/passkeys: register a passkey, sign in with one, list, rename and remove them.

Local accounts only: with `RESUMATE_AUTH_PROVIDER=cognito` every route answers 404.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from resumate.auth.cookies import session_body
from resumate.auth.deps import AuthBackendDep, CurrentUser, client_address
from resumate.auth.passkeys.deps import PasskeyServiceDep, SessionStarterDep
from resumate.auth.passkeys.schemas import (
    Authentication,
    Options,
    PasskeyOut,
    Registration,
    Rename,
)
from resumate.auth.schemas import Session
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth/passkeys", tags=["passkeys"])


@router.post("/registration/options", response_model=Options, responses=responses(401, 404))
async def registration_options(user: CurrentUser, service: PasskeyServiceDep) -> Options:
    """Start adding a passkey: pass `publicKey` to `navigator.credentials.create()`."""
    return Options(public_key=await service.registration_options(user))


@router.post(
    "/registration",
    status_code=status.HTTP_201_CREATED,
    response_model=PasskeyOut,
    responses=responses(401, 404, 409, 422),
)
async def register(
    body: Registration, request: Request, user: CurrentUser, service: PasskeyServiceDep
) -> PasskeyOut:
    """Finish adding it with the browser's credential (`toJSON()`); 422 names the field that
    did not check out (an expired or reused challenge, another origin, a bad attestation)."""
    user_agent = request.headers.get("user-agent", "")
    return PasskeyOut.model_validate(await service.register(user, body, user_agent))


@router.post("/authentication/options", response_model=Options, responses=responses(404))
async def authentication_options(service: PasskeyServiceDep) -> Options:
    """Start signing in with a passkey: pass `publicKey` to `navigator.credentials.get()`."""
    return Options(public_key=await service.authentication_options())


@router.post("/authentication", response_model=Session, responses=responses(401, 404, 422, 429))
async def authenticate(
    body: Authentication,
    request: Request,
    response: Response,
    service: PasskeyServiceDep,
    sessions: SessionStarterDep,
    auth: AuthBackendDep,
) -> Session:
    """Sign in without a password. A refused passkey is 401 `passkey_refused` naming the field
    (unknown passkey, spent challenge, a signature counter that went backwards) and counts
    against the address's sign-in limit like a wrong password."""
    user = await service.authenticate(body.credential, client_address(request))
    return session_body(await sessions.start_session(user), response, auth)


@router.get("", response_model=list[PasskeyOut], responses=responses(401, 404))
async def list_passkeys(user: CurrentUser, service: PasskeyServiceDep) -> list[PasskeyOut]:
    return [PasskeyOut.model_validate(passkey) for passkey in await service.list(user)]


@router.patch("/{passkey_id}", response_model=PasskeyOut, responses=responses(401, 404, 422))
async def rename(
    passkey_id: uuid.UUID, body: Rename, user: CurrentUser, service: PasskeyServiceDep
) -> PasskeyOut:
    return PasskeyOut.model_validate(await service.rename(user, passkey_id, body.name))


@router.delete(
    "/{passkey_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def remove(passkey_id: uuid.UUID, user: CurrentUser, service: PasskeyServiceDep) -> Response:
    await service.remove(user, passkey_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
