"""Backfill the event store from labelled files, and export it, in chunks of constant size.

``promptprism events import`` loads ``classify --output`` files (JSONL, plain or
compressed, or Parquet) into the event store with each call's timestamp, model, app,
user, labels and signals, so the dashboard and ``/v1/distribution`` cover months of
history. ``promptprism events export`` writes the store out as Parquet in the same
record shape, which ``report``, ``events import`` and DuckDB read back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from traffic.batch_io import BatchInputError, output_spec, parquet_schema, read_results
from traffic.logs import Unreadable, parse_timestamp
from traffic.store import EventRecord, EventStore, event_labels, events
from traffic.timeutil import iso

log = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    """What an import did."""

    imported: int = 0
    already_there: int = 0
    errors: int = 0
    no_timestamp: int = 0


def _event(record: dict[str, Any]) -> EventRecord:
    ts = parse_timestamp(record["timestamp"]) if record.get("timestamp") not in (None, "") else None
    if ts is None:
        raise Unreadable("no timestamp")
    labels = {
        dimension: (answer["label"], float(answer.get("probability") or 0.0))
        for dimension, answer in (record.get("labels") or {}).items()
        if isinstance(answer, dict) and answer.get("label")
    }
    return EventRecord(
        id=str(record.get("id") or "")[:32] or _fallback_id(record),
        ts=ts,
        model_version=str(record.get("model_version") or "unknown"),
        labels=labels,
        signals={k: v for k, v in (record.get("signals") or {}).items() if v is not None},
        model=record.get("model"),
        app=record.get("app"),
        user=record.get("user"),
    )


def _fallback_id(record: dict[str, Any]) -> str:
    import hashlib

    return hashlib.sha256(repr(sorted(record.items())).encode()).hexdigest()[:32]


def import_events(
    store: EventStore, paths: Sequence[str], chunk: int = 5000, progress: Callable[[int], Any] | None = None
) -> ImportSummary:
    """Load labelled records into ``store``; records already there (by id) are skipped, so a re-run is safe."""
    summary = ImportSummary()
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise BatchInputError(f"no such file: {name}")
        from traffic.labelled import is_labelled

        if not is_labelled(name):
            raise BatchInputError(
                f"{name} is not promptprism classify output (JSONL or Parquet with index, labels and signals); "
                "classify it first: promptprism classify --input LOG --output labelled.parquet"
            )
        pending: list[EventRecord] = []
        for record in read_results(path):
            if record.get("error"):
                summary.errors += 1
                continue
            try:
                pending.append(_event(record))
            except Unreadable:
                summary.no_timestamp += 1
                continue
            if len(pending) >= chunk:
                _store(store, pending, summary, progress)
                pending = []
        _store(store, pending, summary, progress)
    return summary


def _store(
    store: EventStore, records: list[EventRecord], summary: ImportSummary, progress: Callable[[int], Any] | None
) -> None:
    if not records:
        return
    unique = {r.id: r for r in records}
    with store.engine.connect() as conn:
        present = {row[0] for row in conn.execute(select(events.c.id).where(events.c.id.in_(list(unique))))}
    fresh = [r for r in unique.values() if r.id not in present]
    store.record(fresh)
    summary.imported += len(fresh)
    summary.already_there += len(records) - len(fresh)
    if progress is not None:
        progress(len(records))


def _store_records(store: EventStore, page: int) -> Iterator[dict[str, Any]]:
    """Every event as a classify-output record, in time order, ``page`` events per query (keyset pagination)."""
    last: tuple[datetime, str] | None = None
    index = 0
    while True:
        query = select(events).order_by(events.c.ts, events.c.id).limit(page)
        if last is not None:
            query = query.where((events.c.ts > last[0]) | ((events.c.ts == last[0]) & (events.c.id > last[1])))
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            if not rows:
                return
            labels: dict[str, dict[str, Any]] = {}
            ids = [r["id"] for r in rows]
            for event_id, dimension, label, probability in conn.execute(
                select(
                    event_labels.c.event_id, event_labels.c.dimension, event_labels.c.label, event_labels.c.probability
                ).where(event_labels.c.event_id.in_(ids))
            ):
                labels.setdefault(event_id, {})[dimension] = {
                    "label": label,
                    "probability": probability,
                    "abstained": False,
                    "top": [],
                }
        for row in rows:
            ts = row["ts"] if row["ts"].tzinfo else row["ts"].replace(tzinfo=UTC)
            yield {
                "index": index,
                "timestamp": iso(ts),
                "model": row["model"],
                "app": row["app"],
                "user": row["user"],
                "id": row["id"],
                "model_version": row["model_version"],
                "labels": labels.get(row["id"], {}),
                "signals": row["signals"],
            }
            index += 1
        last = (rows[-1]["ts"], rows[-1]["id"])


def export_events(store: EventStore, out: Path, page: int = 20000) -> int:
    """Write every event to ``out`` (Parquet), in the classify output's shape; returns the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    spec = output_spec(out)
    if spec.format != "parquet":
        raise BatchInputError(f"{out}: events export writes Parquet; name the file .parquet")
    dimensions = sorted(store.dimensions())
    schema = parquet_schema(dimensions)
    signal_fields = [f.name for f in schema.field("signals").type]
    temporary = out.with_name(out.name + ".tmp")
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(temporary, schema) as writer:
        for record in _store_records(store, page):
            record["labels"] = {d: record["labels"].get(d) for d in dimensions}
            record["signals"] = {k: (record["signals"] or {}).get(k) for k in signal_fields}
            batch.append(record)
            if len(batch) >= page:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    temporary.replace(out)
    return count
