"""Asynchronous ingestion: ``POST /v1/events`` queues calls durably and answers 202; a worker records them."""

from __future__ import annotations

import asyncio
import base64
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query

from api.deps import ERRORS, ServiceDep, require_api_key
from api.errors import ApiError
from api.ingest import prepare_events
from api.schemas import EventIn, EventsAccepted
from api.service import Service
from classifier.errors import SpoolFullError
from traffic.timeutil import check_window

router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["events"])

_EXAMPLE = EventIn.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]


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
)
async def ingest_events(
    service: ServiceDep,
    body: Annotated[
        dict[str, Any] | list[Any],
        Body(
            description="One event or a list: any /v1/classify shape plus id, cost, latency_ms, metadata.",
            examples=[_EXAMPLE],
        ),
    ],
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


def _cursor(row: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(f"{row['ts'].isoformat()}|{row['id']}".encode()).decode()


def _after(cursor: str | None) -> tuple[datetime, str] | None:
    if not cursor:
        return None
    try:
        ts, _, event_id = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return datetime.fromisoformat(ts), event_id
    except ValueError as exc:
        raise ApiError(422, "cursor is not one this service gave out; pass next_cursor as is", "cursor") from exc


@router.get("/events", summary="Recorded events (drill-down)")
async def list_events(
    service: ServiceDep,
    label: Annotated[str | None, Query(description="Only events with this label of `dimension`.")] = None,
    dimension: str = "category",
    since: Annotated[datetime | None, Query(description="Start (inclusive), ISO 8601; naive means UTC.")] = None,
    until: Annotated[datetime | None, Query(description="End (exclusive), ISO 8601; naive means UTC.")] = None,
    model: Annotated[str | None, Query(description="Only events of this LLM.")] = None,
    app: Annotated[str | None, Query(description="Only events of this app.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
) -> dict[str, Any]:
    """Example events behind a chart segment, newest first, with their labels and metadata.

    The text is included only when ``PROMPTPRISM_STORE_TEXT`` is on; otherwise only metadata is returned.
    Page with ``cursor``: each answer's ``next_cursor`` (null on the last page).
    """
    since, until = check_window(since, until)
    await service.writer.flush()
    rows = await asyncio.to_thread(
        service.store.find_events,
        dimension,
        label,
        since,
        until,
        model,
        app,
        limit + 1,
        _after(cursor),
        service.settings.store_text,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    for row in rows:
        if not service.settings.store_text:
            row.pop("raw_text", None)
        row["text"] = row.pop("raw_text", None) if service.settings.store_text else None
    return {
        "events": rows,
        "next_cursor": _cursor(rows[-1]) if more and rows else None,
        "text_stored": service.settings.store_text,
    }
