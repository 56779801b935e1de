"""Health, readiness and Prometheus metrics: the routes outside ``/v1``."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import ERRORS, check_realm, require_api_key, service_of
from api.errors import ApiError
from api.schemas import ErrorResponse

router = APIRouter(tags=["system"])


@router.get("/healthz", summary="Liveness")
async def healthz() -> dict[str, str]:
    """Answers as long as the process serves HTTP."""
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness", responses={503: {"model": ErrorResponse}})
async def readyz(request: Request) -> JSONResponse:
    """Ready when the model is loaded and the event store answers."""
    service = service_of(request)
    store_ok = await asyncio.to_thread(service.store.ping)
    if not service.ready or not store_ok:
        problem = {
            "type": "not_ready",
            "message": "not ready: the model is loading or the event store does not answer; retry shortly",
            "field": None,
        }
        return JSONResponse({"error": problem}, status_code=503, headers={"Retry-After": "2"})
    body: dict[str, object] = {"status": "ready", "store": True}
    # Readiness is public; which model serves is shown only to a caller that could ask /v1/models anyway.
    try:
        check_realm(service.settings, request.headers, "api")
        body["model_version"] = service.model.version
    except ApiError:
        pass
    return JSONResponse(body)


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    dependencies=[Depends(require_api_key)],
    responses={401: ERRORS[401]},
)
async def metrics(request: Request) -> Response:
    """Requests and latency by route and status, classifications by label, batch sizes, queue depth, model."""
    return Response(generate_latest(service_of(request).metrics.registry), media_type=CONTENT_TYPE_LATEST)
