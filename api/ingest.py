"""Asynchronous ingestion: events validated and sampled into the on-disk spool, then recorded by a worker.

``POST /v1/events`` and ``POST /v1/traces`` call :func:`prepare_events` and put the result in the
:class:`traffic.spool.Spool`; they answer 202 once it is on disk. :class:`IngestWorker` takes the oldest
queued events in large batches, classifies them through the shared micro-batcher (so the model runs on one
thread, and activating another version swaps it for ingestion too), records them with
:meth:`traffic.store.EventStore.record_new` (an id already recorded is skipped) and only then removes them
from the spool. A crash anywhere in between replays the batch after a restart without duplicating it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from api.metrics import ServiceMetrics
from api.schemas import BatchError, ErrorDetail, EventIn
from classifier import ClassificationResult, Item
from classifier.errors import InputError, OverloadedError
from classifier.requests import field_path
from classifier.views import model_text, request_parts
from traffic.spool import Spool, SpoolEntry
from traffic.store import EventRecord, EventStore
from traffic.timeutil import as_utc

log = logging.getLogger("promptprism")


def sampled_in(key: str, rate: float) -> bool:
    """Whether a call whose sampling key is ``key`` is kept at ``rate``: the same key always gets the same answer.

    The first 8 bytes of the key's SHA-256, read as a fraction of 2**64, are compared with the rate, so a
    retried call (same id) is kept or dropped as the first try was, in every process.
    """
    if rate >= 1:
        return True
    if rate <= 0:
        return False
    fraction = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") / 2**64
    return fraction < rate


def sampling_key(event: EventIn) -> str:
    """The id when the call has one, else a hash of its content and timestamp."""
    if event.id is not None:
        return event.id
    content = event.model_dump(mode="json", exclude_none=True, exclude={"id", "record"})
    return "content:" + hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _error(index: int, message: str, field: str | None) -> BatchError:
    where = f"events[{index}]" + (f".{field}" if field else "")
    return BatchError(
        index=index, error=ErrorDetail(type="invalid_request", message=f"{where}: {message}", field=where)
    )


def prepare_events(
    raw_events: Sequence[Any], sample_rate: float, now: datetime | None = None
) -> tuple[list[dict[str, Any]], list[str], int, list[BatchError]]:
    """Validate and sample events: the payloads to spool, their ids, how many were sampled out, the errors.

    An event without a timestamp gets the time it arrived (so a replay does not move it), and one without
    an id gets a random one; sampling decides on the id, or on the content and timestamp when none was sent.
    """
    now = now or datetime.now(UTC)
    payloads: list[dict[str, Any]] = []
    ids: list[str] = []
    sampled_out = 0
    errors: list[BatchError] = []
    for index, raw in enumerate(raw_events):
        if not isinstance(raw, dict):
            errors.append(_error(index, f"an event must be a JSON object, not {type(raw).__name__}", None))
            continue
        try:
            event = EventIn.model_validate(raw)
            event.to_item()  # refuse a malformed call now, with a 4xx, rather than in the worker
        except ValidationError as exc:
            first = exc.errors()[0]
            errors.append(_error(index, first["msg"], field_path(tuple(first["loc"])) or None))
            continue
        except InputError as exc:
            errors.append(_error(index, exc.message, exc.field))
            continue
        # In UTC: the store keeps wall-clock times, so every event must be on the same clock.
        event.timestamp = as_utc(event.timestamp) if event.timestamp is not None else now
        if not sampled_in(sampling_key(event), sample_rate):
            sampled_out += 1
            continue
        if event.id is None:
            event.id = uuid.uuid4().hex
        payloads.append(event.model_dump(mode="json", exclude_none=True, by_alias=True))
        ids.append(event.id)
    return payloads, ids, sampled_out, errors


def event_record(event: EventIn, result: ClassificationResult, item: Item, store_text: bool) -> EventRecord:
    """The row to record for an ingested event and its classification (the event's token counts win)."""
    signals = result.signals.model_dump()
    if event.prompt_tokens is not None:
        signals["prompt_tokens"] = event.prompt_tokens
    if event.completion_tokens is not None:
        signals["completion_tokens"] = event.completion_tokens
    if event.prompt_tokens is not None and event.completion_tokens is not None:
        signals["tokens_estimated"] = False
    model = event.model
    if model is None and event.request is not None:
        model = (event.response.model if event.response else None) or event.request.model
    assert event.id is not None and event.timestamp is not None  # set by prepare_events
    return EventRecord(
        id=event.id,
        ts=event.timestamp,
        model_version=result.model_version,
        labels={d: (r.label, r.probability) for d, r in result.labels.items()},
        signals=signals,
        model=model,
        app=event.app,
        user=event.user,
        raw_text=model_text(request_parts(item), 100_000) if store_text else None,
        cost=event.cost,
        latency_ms=event.latency_ms,
        metadata=event.metadata,
    )


class IngestWorker:
    """Drains the spool: classify the oldest events in large batches, record them once, then acknowledge them."""

    def __init__(
        self,
        spool: Spool,
        store: EventStore,
        classify: Callable[[list[Item]], Awaitable[list[ClassificationResult]]],
        metrics: ServiceMetrics,
        batch_size: int = 256,
        store_text: bool = False,
        idle_s: float = 0.1,
    ) -> None:
        self.spool = spool
        self.store = store
        self.classify = classify
        self.metrics = metrics
        self.batch_size = batch_size
        self.store_text = store_text
        self.idle_s = idle_s
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    def start(self) -> None:
        """Start draining on the running event loop (events left by a previous run come first)."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="promptprism-ingest")

    def notify(self) -> None:
        """New events are queued: stop idling."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop; a batch in progress stays in the spool and is recorded after the next start."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        backoff = 0.5
        while True:
            try:
                entries = await asyncio.to_thread(self.spool.take, self.batch_size)
                if not entries:
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), self.idle_s * 10)
                    continue
                await self.process(entries)
                backoff = 0.5
            except asyncio.CancelledError:
                raise
            except OverloadedError as exc:  # online traffic fills the model's queue: it goes first
                await asyncio.sleep(min(exc.retry_after, 5))
            except Exception:  # the store or the model is failing: keep the events, retry later
                log.exception("ingestion failed; the events stay queued and are retried in %.1f s", backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30.0)

    async def process(self, entries: list[SpoolEntry]) -> None:
        """Classify and record ``entries``, then remove them from the spool."""
        parsed: list[tuple[EventIn, Item]] = []
        done: list[int] = []
        for entry in entries:
            try:
                event = EventIn.model_validate(entry.payload)
                parsed.append((event, event.to_item()))
            except (ValidationError, InputError):  # checked on the way in; only a hand-edited spool gets here
                log.warning("dropping spooled event %s: it no longer parses", entry.seq)
                self.metrics.events_dropped.labels("invalid").inc()
            done.append(entry.seq)
        results = await self.classify([item for _, item in parsed]) if parsed else []
        records = [
            event_record(event, result, item, self.store_text)
            for (event, item), result in zip(parsed, results, strict=True)
        ]
        recorded, failed = await asyncio.to_thread(self._record, records)
        self.metrics.events_recorded.inc(recorded)
        self.metrics.events_duplicate.inc(len(records) - recorded - failed)
        await asyncio.to_thread(self.spool.ack, done)

    def _record(self, records: list[EventRecord]) -> tuple[int, int]:
        """Record ``records``: how many were new, and how many could not be recorded."""
        try:
            return self.store.record_new(records), 0
        except Exception:
            if len(records) <= 1:
                raise
        # One bad row must not hold back its neighbours: record one by one, and give up only on those that fail
        # alone. If every one fails, the store itself is down: raise, and the batch stays queued.
        recorded, failed = 0, []
        for record in records:
            try:
                recorded += self.store.record_new([record])
            except Exception:
                failed.append(record)
        if failed and len(failed) == len(records):
            raise RuntimeError("the event store refused every event of the batch")
        for record in failed:
            log.error("could not record event %s; dropped", record.id)
        self.metrics.events_dropped.labels("failed").inc(len(failed))
        return recorded, len(failed)
