"""Dependencies every route shares: the running service, bearer-token checks and readiness."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import SecretStr

from api.errors import ApiError
from api.schemas import ErrorResponse
from api.service import Service

# The error statuses a /v1 route may answer, for the OpenAPI document.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 404, 409, 413, 422, 429, 503)
}


def service_of(request: Request) -> Service:
    """The running service."""
    return request.app.state.service  # type: ignore[no-any-return]


def _check_bearer(request: Request, secrets: Sequence[SecretStr | None], realm: str) -> None:
    accepted = [s.get_secret_value().encode() for s in secrets if s is not None]
    if not accepted:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    given = token.strip().encode()
    # Compare with every accepted token, each in constant time, so timing says nothing about which one matched.
    matches = [hmac.compare_digest(given, secret) for secret in accepted]
    if scheme.lower() != "bearer" or not any(matches):
        raise ApiError(
            401,
            f"missing or wrong bearer token: send 'Authorization: Bearer <{realm}>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


# The dependencies are async although they never await: FastAPI runs a plain ``def`` dependency in a worker
# thread, and two thread hand-offs per request cost more than the checks themselves.
async def require_api_key(request: Request) -> None:
    """Every route but health needs ``PROMPTPRISM_API_KEY`` when it is set (the admin token also passes)."""
    settings = service_of(request).settings
    if settings.api_key is not None:
        _check_bearer(request, [settings.api_key, settings.admin_api_key], "PROMPTPRISM_API_KEY")


async def require_admin_key(request: Request) -> None:
    """Training and activation need ``PROMPTPRISM_ADMIN_API_KEY`` (or the API key when no admin key is set)."""
    settings = service_of(request).settings
    _check_bearer(request, [settings.admin_api_key or settings.api_key], "PROMPTPRISM_ADMIN_API_KEY")


async def require_ready(request: Request) -> Service:
    """The service, once its model is loaded."""
    service = service_of(request)
    if not service.ready:
        raise ApiError(503, "the model is still loading; retry in a few seconds", headers={"Retry-After": "2"})
    return service


ServiceDep = Annotated[Service, Depends(require_ready)]
