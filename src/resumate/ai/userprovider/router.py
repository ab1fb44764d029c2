"""/api/ai/provider: set, read or remove the caller's own language model (when allowed)."""

from __future__ import annotations

from fastapi import APIRouter, status

from resumate.ai.userprovider.deps import UserProviderServiceDep
from resumate.ai.userprovider.schemas import ProviderIn, ProviderOut
from resumate.auth.deps import CurrentUser
from resumate.openapi import responses

router = APIRouter(prefix="/api/ai/provider", tags=["ai"])


@router.get("", response_model=ProviderOut, responses=responses(401, 404))
async def get_provider(user: CurrentUser, service: UserProviderServiceDep) -> ProviderOut:
    """The caller's own model; the key only as its last four characters. 404 when none is set,
    or when the site does not allow people's own models."""
    return await service.get(user.id)


@router.put("", response_model=ProviderOut, responses=responses(401, 404, 422))
async def put_provider(
    body: ProviderIn, user: CurrentUser, service: UserProviderServiceDep
) -> ProviderOut:
    """Use this model for the caller's writing help. The key is stored encrypted; a base URL
    must be a public https address (a private one only where the site allows it)."""
    return await service.put(user.id, body)


@router.delete("", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404))
async def delete_provider(user: CurrentUser, service: UserProviderServiceDep) -> None:
    await service.remove(user.id)
