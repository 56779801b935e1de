"""Asynchronous ingestion: ``POST /v1/events`` queues calls durably and answers 202; a worker records them."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends

from api.deps import ERRORS, ServiceDep, require_api_key
from api.errors import ApiError
from api.ingest import prepare_events
from api.schemas import EventIn, EventsAccepted
from api.service import Service
from classifier.errors import SpoolFullError

router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["events"])


async def enqueue(service: Service, payloads: list[dict[str, Any]]) -> None:
    """Write ``payloads`` to the spool (fsync'd) and wake the worker; a full spool answers 429 with Retry-After."""
    assert service.spool is not None and service.ingest is not None  # started: ServiceDep checked readiness
    try:
        await asyncio.to_thread(service.spool.put, payloads)
    except SpoolFullError:
        service.metrics.events_dropped.labels("spool_full").inc(len(payloads))
        raise
    service.metrics.events_queued.inc(len(payloads))
    service.ingest.notify()


@router.post(
    "/events",
    status_code=202,
    response_model=EventsAccepted,
    summary="Ingest LLM calls asynchronously",
    openapi_extra={"requestBody": {"content": {"application/json": {"schema": EventIn.model_json_schema()}}}},
)
async def ingest_events(
    service: ServiceDep, body: Annotated[dict[str, Any] | list[Any], Body(description="One event or a list.")]
) -> EventsAccepted:
    """Queue one event or a list of them; answers 202 once they are durably on disk.

    Each event is any shape ``/v1/classify`` accepts plus ``id`` (up to 128 characters), ``cost``,
    ``latency_ms`` and ``metadata``. A background worker classifies and records them in large batches;
    an id already recorded is not recorded again. ``PROMPTPRISM_SAMPLE_RATE`` keeps a deterministic share.
    A bad event gets an error entry (the others are queued); a full spool answers 429 with Retry-After.
    """
    raw = body if isinstance(body, list) else [body]
    limit = service.settings.max_events_per_request
    if len(raw) > limit:
        raise ApiError(413, f"{len(raw)} events in one request; the limit is {limit}: split them", field="events")
    if not raw:
        raise ApiError(422, "the list of events is empty; send at least one event", field="events")
    payloads, ids, sampled_out, errors = prepare_events(raw, service.settings.sample_rate)
    if errors:
        service.metrics.events_dropped.labels("invalid").inc(len(errors))
    if errors and not payloads and not sampled_out:
        first = errors[0].error
        raise ApiError(422, first.message + ("" if len(errors) == 1 else f" (and {len(errors) - 1} more)"), first.field)
    if sampled_out:
        service.metrics.events_dropped.labels("sampled").inc(sampled_out)
    await enqueue(service, payloads)
    return EventsAccepted(queued=len(payloads), sampled_out=sampled_out, ids=ids, errors=errors)
