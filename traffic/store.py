"""The event store: one row per recorded classification, and the distribution queries over it.

SQLite in WAL mode by default; any SQLAlchemy URL (PostgreSQL included) works,
since the queries use only portable SQL. The raw text is not stored unless
``store_text`` is on. Time buckets are precomputed as integer columns (hours,
days and Monday-based weeks since the Unix epoch, UTC) so that bucketing is a
plain GROUP BY on every database; the time range filter uses the index on ``ts``
and the label join the index on ``(dimension, label)``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    case,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine

from classifier.errors import InputError
from traffic.timeutil import check_bucket, time_buckets

GROUP_FIELDS = ("model", "app", "language", "tool_call", "tools_offered", "has_code", "model_version")


def check_group_by(group_by: str | None) -> str | None:
    """``group_by`` when it is None or a groupable field; :class:`InputError` (field ``group_by``) otherwise."""
    if group_by is not None and group_by not in GROUP_FIELDS:
        raise InputError(f"group_by must be one of {', '.join(GROUP_FIELDS)} (got {group_by!r})", field="group_by")
    return group_by


metadata = MetaData()

ID_LENGTH = 128
"""Longest event id the store keeps."""

# Nullable columns added after the first release: create_schema adds them to a store made before.
_ADDED_COLUMNS = {"cost": "FLOAT", "latency_ms": "FLOAT", "metadata": "JSON"}  # JSON: as create_all makes it

events = Table(
    "events",
    metadata,
    # 128: LiteLLM call ids and prefixed UUIDs are longer than 32 (existing stores are widened in create_schema).
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("ts", DateTime(timezone=True), nullable=False),
    Column("ts_hour", Integer, nullable=False),
    Column("ts_day", Integer, nullable=False),
    Column("ts_week", Integer, nullable=False),
    Column("model_version", String(128), nullable=False),
    Column("model", String(256)),
    Column("app", String(256)),
    Column("user", String(256)),
    Column("language", String(8)),
    Column("tools_offered", Boolean, nullable=False),
    Column("tool_call", Boolean, nullable=False),
    Column("has_code", Boolean, nullable=False),
    Column("turns", Integer, nullable=False),
    Column("prompt_tokens", Integer, nullable=False),
    Column("completion_tokens", Integer, nullable=False),
    Column("reasoning_tokens", Integer, nullable=False),
    Column("signals", JSON, nullable=False),
    Column("raw_text", Text),
    # Sent with ingested events (POST /v1/events, LiteLLM, OTLP); added to older stores by create_schema.
    Column("cost", Float),
    Column("latency_ms", Float),
    Column("metadata", JSON),
    Index("ix_events_ts", "ts"),
)

event_labels = Table(
    "event_labels",
    metadata,
    Column("event_id", String(ID_LENGTH), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("dimension", String(64), primary_key=True),
    Column("label", String(128), nullable=False),
    Column("probability", Float, nullable=False),
    Index("ix_event_labels_dimension_label", "dimension", "label"),
)

# Training jobs started through the API, so that their status survives a restart (api/jobs.py).
training_jobs = Table(
    "training_jobs",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("data", JSON, nullable=False),
)


@dataclass
class EventRecord:
    """One classification to record."""

    id: str
    ts: datetime
    model_version: str
    labels: dict[str, tuple[str, float]]
    signals: dict[str, Any]
    model: str | None = None
    app: str | None = None
    user: str | None = None
    raw_text: str | None = None
    cost: float | None = None
    latency_ms: float | None = None
    metadata: dict[str, Any] | None = None


@dataclass
class LabelRow:
    """One (bucket, group, label) cell of a distribution: a request count and a token sum."""

    bucket: int | None
    group: str | None
    label: str
    count: int
    tokens: int


class EventStore:
    """Writes events and answers distribution queries."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._write_lock = threading.Lock()

    def create_schema(self) -> None:
        """Create tables and indexes if they do not exist, and bring a store made by an older version up to date."""
        metadata.create_all(self.engine)
        self._upgrade_schema()

    def _upgrade_schema(self) -> None:
        # Additive only: new nullable columns, and ids widened from 32 to ID_LENGTH characters. SQLite does not
        # enforce VARCHAR lengths, so only PostgreSQL (and the like) needs the ALTER ... TYPE.
        inspector = inspect(self.engine)
        columns = {c["name"]: c for c in inspector.get_columns("events")}
        label_columns = {c["name"]: c for c in inspector.get_columns("event_labels")}
        with self._write_lock, self.engine.begin() as conn:
            for name, sql_type in _ADDED_COLUMNS.items():
                if name not in columns:
                    conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} {sql_type}"))
            if self.engine.dialect.name != "sqlite":
                for table, column, known in (("events", "id", columns), ("event_labels", "event_id", label_columns)):
                    length = getattr(known[column]["type"], "length", None)
                    if length is not None and length < ID_LENGTH:
                        conn.execute(text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({ID_LENGTH})"))

    def ping(self) -> bool:
        """Whether the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def record(self, records: Sequence[EventRecord]) -> None:
        """Insert events and their labels in one transaction."""
        if not records:
            return
        event_rows, label_rows = [], []
        for r in records:
            s = r.signals
            event_rows.append(
                {
                    "id": r.id,
                    "ts": r.ts,
                    **time_buckets(r.ts),
                    "model_version": r.model_version,
                    "model": r.model,
                    "app": r.app,
                    "user": r.user,
                    "language": s.get("language"),
                    "tools_offered": bool(s.get("tools_offered")),
                    "tool_call": bool(s.get("tool_call")),
                    "has_code": bool(s.get("has_code")),
                    "turns": int(s.get("turns", 0)),
                    "prompt_tokens": int(s.get("prompt_tokens", 0)),
                    "completion_tokens": int(s.get("completion_tokens", 0)),
                    "reasoning_tokens": int(s.get("reasoning_tokens", 0)),
                    "signals": s,
                    "raw_text": r.raw_text,
                    "cost": r.cost,
                    "latency_ms": r.latency_ms,
                    "metadata": r.metadata,
                }
            )
            for dimension, (label, probability) in r.labels.items():
                label_rows.append(
                    {"event_id": r.id, "dimension": dimension, "label": label, "probability": probability}
                )
        with self._write_lock, self.engine.begin() as conn:
            conn.execute(events.insert(), event_rows)
            if label_rows:
                conn.execute(event_labels.insert(), label_rows)

    def record_new(self, records: Sequence[EventRecord]) -> int:
        """Record the events whose id is not in the store yet (nor earlier in ``records``); how many that was.

        Replayed and retried events (same id) are recorded once. Meant for one writer of such ids at a time
        (the ingestion worker); concurrent writers of the same id may still collide on the primary key.
        """
        unique: dict[str, EventRecord] = {}
        for r in records:
            unique.setdefault(r.id, r)
        if not unique:
            return 0
        ids = list(unique)
        seen: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                seen.update(row[0] for row in conn.execute(select(events.c.id).where(events.c.id.in_(chunk))))
        new = [r for i, r in unique.items() if i not in seen]
        self.record(new)
        return len(new)

    def count(self) -> int:
        """Number of recorded events."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar_one())

    def dimensions(self) -> list[str]:
        """Label dimensions present in the store."""
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(select(event_labels.c.dimension).distinct())]

    def label_rows(
        self,
        dimension: str,
        since: datetime | None = None,
        until: datetime | None = None,
        bucket: str | None = None,
        group_by: str | None = None,
    ) -> list[LabelRow]:
        """Counts and token sums per (bucket, group, label) for one dimension."""
        if bucket is not None:
            check_bucket(bucket)
        check_group_by(group_by)
        bucket_col = events.c[f"ts_{bucket}"] if bucket else None
        group_col = events.c[group_by] if group_by else None
        tokens = func.sum(events.c.prompt_tokens + events.c.completion_tokens)
        columns = [event_labels.c.label, func.count().label("n"), tokens.label("tokens")]
        keys = [event_labels.c.label]
        if bucket_col is not None:
            columns.insert(0, bucket_col.label("bucket"))
            keys.insert(0, bucket_col)
        if group_col is not None:
            columns.insert(0, group_col.label("grp"))
            keys.insert(0, group_col)
        query = (
            select(*columns)
            .select_from(events.join(event_labels, event_labels.c.event_id == events.c.id))
            .where(event_labels.c.dimension == dimension)
            .group_by(*keys)
        )
        if since is not None:
            query = query.where(events.c.ts >= since)
        if until is not None:
            query = query.where(events.c.ts < until)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            LabelRow(
                bucket=row.get("bucket"),
                group=group_label(row["grp"]) if group_by else None,
                label=row["label"],
                count=int(row["n"]),
                tokens=int(row["tokens"] or 0),
            )
            for row in rows
        ]

    def event_rows(self, since: datetime | None = None, until: datetime | None = None) -> list[dict[str, Any]]:
        """Every event with its labels flattened to ``label_<dimension>`` keys (for reports and the dashboard)."""
        query = select(events).order_by(events.c.ts)
        if since is not None:
            query = query.where(events.c.ts >= since)
        if until is not None:
            query = query.where(events.c.ts < until)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            labels: dict[str, dict[str, str]] = defaultdict(dict)
            label_query = select(event_labels.c.event_id, event_labels.c.dimension, event_labels.c.label)
            if since is not None or until is not None:
                label_query = label_query.where(
                    event_labels.c.event_id.in_(
                        select(events.c.id).where(
                            *([events.c.ts >= since] if since is not None else []),
                            *([events.c.ts < until] if until is not None else []),
                        )
                    )
                )
            for event_id, dimension, label in conn.execute(label_query):
                labels[event_id][dimension] = label
        for row in rows:
            for dimension, label in labels.get(row["id"], {}).items():
                row[f"label_{dimension}"] = label
        return rows

    def find_events(
        self,
        dimension: str | None = None,
        label: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        model: str | None = None,
        app: str | None = None,
        limit: int = 50,
        before: tuple[datetime, str] | None = None,
        with_text: bool = False,
    ) -> list[dict[str, Any]]:
        """Recorded events, newest first, with their labels: the drill-down behind a chart segment.

        ``label`` (with ``dimension``) keeps the events given that label; ``before`` is the (ts, id) of the
        last event of the previous page (keyset paging: stable while new events arrive). The text is only
        returned when ``with_text``, and only exists when text storage was on when the event was recorded.
        """
        columns = [c for c in events.c if c.name not in ("raw_text", "ts_hour", "ts_day", "ts_week", "signals")]
        if with_text:
            columns.append(events.c.raw_text)
        query = select(*columns).order_by(events.c.ts.desc(), events.c.id.desc()).limit(limit)
        if label is not None:
            labelled = select(event_labels.c.event_id).where(
                event_labels.c.dimension == (dimension or "category"), event_labels.c.label == label
            )
            query = query.where(events.c.id.in_(labelled))
        if since is not None:
            query = query.where(events.c.ts >= since)
        if until is not None:
            query = query.where(events.c.ts < until)
        if model is not None:
            query = query.where(events.c.model == model)
        if app is not None:
            query = query.where(events.c.app == app)
        if before is not None:
            ts, last_id = before
            query = query.where((events.c.ts < ts) | ((events.c.ts == ts) & (events.c.id < last_id)))
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            ids = [r["id"] for r in rows]
            labels: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
            if ids:
                label_query = select(event_labels).where(event_labels.c.event_id.in_(ids))
                for label_row in conn.execute(label_query).mappings():
                    labels[label_row["event_id"]][label_row["dimension"]] = {
                        "label": label_row["label"],
                        "probability": label_row["probability"],
                    }
        for event_row in rows:
            event_row["labels"] = labels.get(event_row["id"], {})
        return rows

    def user_rows(
        self, dimension: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[tuple[str, str, int, int]]:
        """(user, label, requests, tokens) for one dimension, over events that name a user."""
        tokens = func.sum(events.c.prompt_tokens + events.c.completion_tokens)
        query = (
            select(events.c.user, event_labels.c.label, func.count(), tokens)
            .select_from(events.join(event_labels, event_labels.c.event_id == events.c.id))
            .where(event_labels.c.dimension == dimension, events.c.user.is_not(None))
            .group_by(events.c.user, event_labels.c.label)
        )
        if since is not None:
            query = query.where(events.c.ts >= since)
        if until is not None:
            query = query.where(events.c.ts < until)
        with self.engine.connect() as conn:
            return [(u, label, int(n), int(t or 0)) for u, label, n, t in conn.execute(query)]

    def cost_rows(
        self, dimension: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[dict[str, Any]]:
        """Per (label, model): requests, the summed recorded ``cost`` and how many events had one, and the
        prompt and completion tokens of the events without a cost (to price them from a table)."""
        unpriced = events.c.cost.is_(None)
        query = (
            select(
                event_labels.c.label,
                events.c.model,
                func.count().label("requests"),
                func.sum(events.c.cost).label("cost"),
                func.count(events.c.cost).label("with_cost"),
                func.sum(case((unpriced, events.c.prompt_tokens), else_=0)).label("prompt_tokens"),
                func.sum(case((unpriced, events.c.completion_tokens), else_=0)).label("completion_tokens"),
            )
            .select_from(events.join(event_labels, event_labels.c.event_id == events.c.id))
            .where(event_labels.c.dimension == dimension)
            .group_by(event_labels.c.label, events.c.model)
        )
        if since is not None:
            query = query.where(events.c.ts >= since)
        if until is not None:
            query = query.where(events.c.ts < until)
        with self.engine.connect() as conn:
            return [
                {
                    "label": r["label"],
                    "model": r["model"],
                    "requests": int(r["requests"]),
                    "cost": float(r["cost"] or 0.0),
                    "with_cost": int(r["with_cost"]),
                    "prompt_tokens": int(r["prompt_tokens"] or 0),
                    "completion_tokens": int(r["completion_tokens"] or 0),
                }
                for r in conn.execute(query).mappings()
            ]

    def recent_texts(self, limit: int) -> list[str]:
        """The stored texts of the most recent events that have one (text storage on when they were recorded)."""
        query = (
            select(events.c.raw_text)
            .where(events.c.raw_text.is_not(None))
            .order_by(events.c.ts.desc(), events.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query)]

    def save_job(self, job_id: str, created_at: datetime, data: dict[str, Any]) -> None:
        """Insert or replace a training job's status (one transaction, portable SQL)."""
        with self._write_lock, self.engine.begin() as conn:
            conn.execute(training_jobs.delete().where(training_jobs.c.id == job_id))
            conn.execute(training_jobs.insert().values(id=job_id, created_at=created_at, data=data))

    def jobs(self) -> list[dict[str, Any]]:
        """Every saved training job's status, oldest first."""
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(select(training_jobs.c.data).order_by(training_jobs.c.created_at))]

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def group_label(value: Any) -> str:
    """How a group_by value is reported: booleans as yes/no, a missing value as ``unknown``."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def summarise(
    rows: Iterable[LabelRow], weight: str, min_group_count: int, grouped: bool
) -> tuple[list[dict[str, Any]], int]:
    """Turn label rows into buckets with counts and shares; drop (bucket, group) cells under the minimum.

    Shares within a bucket and group sum to 1. Returns the buckets and how many
    cells were suppressed.
    """
    cells: dict[tuple[int | None, str | None], list[LabelRow]] = defaultdict(list)
    for row in rows:
        cells[(row.bucket, row.group)].append(row)
    out, suppressed = [], 0
    for (bucket, group), members in sorted(cells.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1] or "")):
        total_requests = sum(m.count for m in members)
        total_tokens = sum(m.tokens for m in members)
        if grouped and total_requests < min_group_count:
            suppressed += 1
            continue
        denominator = total_tokens if weight == "tokens" else total_requests
        labels = [
            {
                "label": m.label,
                "count": m.count,
                "tokens": m.tokens,
                "share": round((m.tokens if weight == "tokens" else m.count) / denominator, 6) if denominator else 0.0,
            }
            for m in sorted(members, key=lambda m: -(m.tokens if weight == "tokens" else m.count))
        ]
        out.append(
            {
                "bucket": bucket,
                "group": group,
                "total_requests": total_requests,
                "total_tokens": total_tokens,
                "labels": labels,
            }
        )
    return out, suppressed
