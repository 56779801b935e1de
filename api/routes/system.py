"""Health, readiness and Prometheus metrics: the routes outside ``/v1``."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import require_api_key, service_of
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
        problem = "model not loaded" if not service.ready else "event store unreachable"
        body = {"error": {"type": "not_ready", "message": problem, "field": None}}
        return JSONResponse(body, status_code=503, headers={"Retry-After": "2"})
    return JSONResponse({"status": "ready", "model_version": service.model.version, "store": True})


@router.get("/metrics", summary="Prometheus metrics", dependencies=[Depends(require_api_key)])
async def metrics(request: Request) -> Response:
    """Requests and latency by route and status, classifications by label, batch sizes, queue depth, model."""
    return Response(generate_latest(service_of(request).metrics.registry), media_type=CONTENT_TYPE_LATEST)
