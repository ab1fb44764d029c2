"""/api/account: change password, download all my data, delete my account."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from fastapi.responses import JSONResponse

from resumate.account.deps import AccountServiceDep
from resumate.account.schemas import AccountExport
from resumate.auth.cookies import clear_session_cookies, session_body
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, CurrentUser
from resumate.auth.schemas import AccountDeletion, PasswordChange, Session
from resumate.openapi import responses

router = APIRouter(prefix="/api/account", tags=["account"])


@router.post("/password", response_model=Session, responses=responses(401, 422))
async def change_password(
    body: PasswordChange,
    user: CurrentUser,
    service: AuthServiceDep,
    response: Response,
    auth: AuthBackendDep,
) -> Session:
    """Every other session ends; the answer carries a fresh one for this client."""
    issued = await service.change_password(user, body.current_password, body.new_password)
    return session_body(issued, response, auth)


@router.get("/export", response_model=AccountExport, responses=responses(401))
async def export_account(user: CurrentUser, accounts: AccountServiceDep) -> JSONResponse:
    """All of the user's data (account, resumes, every version) as one JSON download."""
    export = await accounts.export(user)
    return JSONResponse(
        export.model_dump(mode="json", by_alias=True),
        headers={"Content-Disposition": 'attachment; filename="resumate-account.json"'},
    )


@router.delete("", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 422))
async def delete_account(
    body: AccountDeletion, user: CurrentUser, accounts: AccountServiceDep
) -> Response:
    """Delete the account and everything in it. The password confirms it is really the owner."""
    await accounts.delete(user, body.password)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response)
    return response
