"""The event store: one row per recorded classification, and the distribution queries over it.

SQLite in WAL mode by default; any SQLAlchemy URL (PostgreSQL included) works,
since the queries use only portable SQL. The raw text is not stored unless
``store_text`` is on. Time buckets are precomputed as integer columns (hours,
days and Monday-based weeks since the Unix epoch, UTC) so that bucketing is a
plain GROUP BY on every database; the time range filter uses the index on ``ts``
and the label join the index on ``(dimension, label)``.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
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
    cast,
    create_engine,
    event,
    func,
    inspect,
    literal_column,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement

from classifier.errors import InputError
from traffic.timeutil import as_utc, check_bucket, time_buckets

# What every supported database can store (PostgreSQL's INTEGER and VARCHAR(256) are the tightest): the API
# validates metadata against these bounds at the edge, and :meth:`EventStore.record` refuses a row outside them,
# so an unstorable value is a clear 422 or a dead letter, never a failed transaction that takes its neighbours down.
MAX_COUNT = 2**31 - 1
MAX_METADATA_CHARS = 256
TOKEN_SIGNALS = ("prompt_tokens", "completion_tokens", "reasoning_tokens", "turns")
_SURROGATES = re.compile("[\ud800-\udfff]")

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

# Events that could not be stored (a value no database column can hold): kept here, never silently dropped,
# with the reason and the event itself as ASCII-only JSON, so that even a NUL byte or a lone surrogate fits.
dead_letters = Table(
    "dead_letters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    Column("reason", Text, nullable=False),
    Column("payload", Text, nullable=False),
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


@dataclass
class ReportAggregates:
    """What the report needs from the store, computed by the database over a time range.

    ``cube`` has one row per (bucket, category, reasoning_heavy, tools_offered, tool_call, model, language)
    with the request count and the prompt, completion and reasoning token sums: its size is bounded by the
    number of buckets and labels, not events. Medians are exact, computed by the database with window
    functions (it sorts on disk as needed), as ``(key, median)`` pairs. Buckets are the integer
    ``ts_hour``/``ts_day``/``ts_week`` numbers; a missing label or value is None.
    """

    cube: list[tuple[Any, ...]]
    bucket_medians: dict[str, list[tuple[Any, float]]]  # "prompt" / "completion" -> [(bucket, median)]
    category_medians: dict[str, list[tuple[Any, float]]]  # "prompt" / "completion" -> [(category, median)]
    overall_medians: dict[str, float]
    apps: int
    start: datetime | None
    end: datetime | None


class UnstorableEventError(ValueError):
    """An event holds a value that the store's columns cannot hold; ``field`` names it."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def metadata_problem(value: str | None) -> str | None:
    """Why a metadata string (model, app, user) cannot be stored, or None when it can."""
    if value is None:
        return None
    if len(value) > MAX_METADATA_CHARS:
        return f"is {len(value)} characters long; at most {MAX_METADATA_CHARS} are stored"
    if "\x00" in value:
        return "contains a NUL character (\\u0000), which a database text column cannot hold"
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return "contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not valid Unicode text"
    return None


def count_problem(value: Any) -> str | None:
    """Why a token or turn count cannot be stored, or None when it can."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        return f"must be an integer from 0 to {MAX_COUNT} (got {value!r})"
    return None


def check_record(record: EventRecord) -> None:
    """Raise :class:`UnstorableEventError` when ``record`` holds a value some supported database cannot store."""
    for name in ("model", "app", "user"):
        problem = metadata_problem(getattr(record, name))
        if problem:
            raise UnstorableEventError(problem, name)
    for name in TOKEN_SIGNALS:
        problem = count_problem(record.signals.get(name, 0))
        if problem:
            raise UnstorableEventError(problem, f"signals.{name}")
    if len(record.id) > ID_LENGTH:
        raise UnstorableEventError(f"is longer than {ID_LENGTH} characters", "id")
    for dimension, (label, _probability) in record.labels.items():
        if len(dimension) > 64 or len(label) > 128:
            raise UnstorableEventError(f"dimension or label too long ({dimension!r}, {label!r})", "labels")


def _clean_text(value: str | None) -> str | None:
    # The optional raw-text copy is for reading by a person: NUL and lone surrogates become U+FFFD rather than
    # making the row unstorable (PostgreSQL's text refuses NUL; UTF-8 cannot encode a surrogate).
    if value is None:
        return None
    return _SURROGATES.sub("\ufffd", value.replace("\x00", "\ufffd"))


def _ascii(value: str, limit: int = 2000) -> str:
    return value[:limit].encode("ascii", "backslashreplace").decode("ascii")


class EventStore:
    """Writes events and answers distribution queries."""

    def __init__(self, url: str, busy_timeout_s: float = 5.0) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            # How long one statement waits for another connection's lock before failing (the writer retries).
            busy_ms = max(1, int(busy_timeout_s * 1000))
            event.listen(self.engine, "connect", lambda dbapi, record: _sqlite_pragmas(dbapi, record, busy_ms))
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
        """Insert events and their labels in one transaction (all or none).

        Raises :class:`UnstorableEventError` before writing anything when a
        record holds a value outside the store's bounds (see :func:`check_record`).
        Timestamps are stored in UTC whatever their offset.
        """
        if not records:
            return
        event_rows, label_rows = [], []
        for r in records:
            check_record(r)
            s = r.signals
            ts = as_utc(r.ts)
            assert ts is not None
            event_rows.append(
                {
                    "id": r.id,
                    # SQLite keeps a datetime's wall-clock time and drops its offset: store UTC, as the buckets are.
                    "ts": ts,
                    **time_buckets(ts),
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
                    "raw_text": _clean_text(r.raw_text),
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

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored (to tell a retried commit that had in fact succeeded)."""
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return {row[0] for row in conn.execute(select(events.c.id).where(events.c.id.in_(list(ids))))}

    def dead_letter(self, failures: Sequence[tuple[EventRecord, str]]) -> None:
        """Keep events that cannot be stored, with why, in the ``dead_letters`` table (one transaction)."""
        if not failures:
            return
        now = datetime.now(UTC)
        rows = [
            {
                "event_id": _ascii(record.id, 64),
                "failed_at": now,
                "reason": _ascii(reason),
                "payload": json.dumps(_record_json(record), ensure_ascii=True, default=str),
            }
            for record, reason in failures
        ]
        with self._write_lock, self.engine.begin() as conn:
            conn.execute(dead_letters.insert(), rows)

    def dead_letter_count(self) -> int:
        """Number of events kept in the dead-letter table."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(dead_letters)).scalar_one())

    def total(self, expression: ColumnElement[Any]) -> ColumnElement[Any]:
        """A SUM that cannot overflow: SQLite's TOTAL (a float), PostgreSQL's SUM of BIGINT (a NUMERIC)."""
        # SQLite's SUM raises "integer overflow" past 2**63; TOTAL is exact to 2**53 tokens and never raises.
        return func.total(expression) if self.engine.dialect.name == "sqlite" else func.sum(expression)

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
        tokens = self.total(cast(events.c.prompt_tokens, BigInteger) + cast(events.c.completion_tokens, BigInteger))
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
                tokens=clamp_int(row["tokens"]),
            )
            for row in rows
        ]

    def report_aggregates(
        self, bucket: str, since: datetime | None = None, until: datetime | None = None
    ) -> ReportAggregates:
        """Everything the report draws, aggregated by the database over the range: memory does not grow with events.

        One GROUP BY gives every count and token sum (summed with :meth:`total`, so that no stored value can
        overflow); the medians come from window functions (``row_number`` over the sorted values).
        """
        check_bucket(bucket)
        b = events.c[f"ts_{bucket}"]
        category = event_labels.alias("category")
        reasoning = event_labels.alias("reasoning")
        with_category = events.outerjoin(
            category, (category.c.event_id == events.c.id) & (category.c.dimension == "category")
        )
        window = [
            *([events.c.ts >= since] if since is not None else []),
            *([events.c.ts < until] if until is not None else []),
        ]
        p, c, r = events.c.prompt_tokens, events.c.completion_tokens, events.c.reasoning_tokens
        keys = [
            b,
            category.c.label,
            reasoning.c.label,
            events.c.tools_offered,
            events.c.tool_call,
            events.c.model,
            events.c.language,
        ]
        cube = (
            select(*keys, func.count(), self.total(p), self.total(c), self.total(r))
            .select_from(
                with_category.outerjoin(
                    reasoning, (reasoning.c.event_id == events.c.id) & (reasoning.c.dimension == "reasoning_heavy")
                )
            )
            .where(*window)
            .group_by(*keys)
        )
        # A call with no app counts as the app "unknown", as in the report over rows.
        apps = func.count(func.coalesce(events.c.app, "unknown").distinct())
        summary = select(apps, func.min(events.c.ts), func.max(events.c.ts)).where(*window)

        def medians(key: Any, value: Any, source: Any) -> Any:
            # The middle value (odd count) or the mean of the two middle values (even count), as pandas does.
            ranked = (
                select(
                    key.label("key"),
                    value.label("value"),
                    func.row_number().over(partition_by=key, order_by=value).label("rn"),
                    func.count().over(partition_by=key).label("n"),
                )
                .select_from(source)
                .where(*window)
                .subquery()
            )
            middle = (ranked.c.rn == (ranked.c.n + 1) // 2) | (ranked.c.rn == (ranked.c.n + 2) // 2)
            return select(ranked.c.key, func.avg(ranked.c.value)).where(middle).group_by(ranked.c.key)

        everything = literal_column("0")
        with self.engine.connect() as conn:
            count, start, end = conn.execute(summary).one()

            def run(query: Any) -> list[tuple[Any, float]]:
                return [(key, float(median)) for key, median in conn.execute(query)]

            return ReportAggregates(
                cube=[tuple(row) for row in conn.execute(cube)],
                bucket_medians={
                    kind: run(medians(b, column, events)) for kind, column in (("prompt", p), ("completion", c))
                },
                category_medians={
                    kind: run(medians(category.c.label, column, with_category))
                    for kind, column in (("prompt", p), ("completion", c))
                },
                overall_medians={
                    kind: dict(run(medians(everything, column, events))).get(0, 0.0)
                    for kind, column in (("prompt", p), ("completion", c))
                },
                apps=int(count or 0),
                start=as_utc(start),
                end=as_utc(end),
            )

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


def _record_json(record: EventRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "ts": as_utc(record.ts).isoformat() if record.ts else None,  # type: ignore[union-attr]
        "model_version": record.model_version,
        "labels": {d: [label, p] for d, (label, p) in record.labels.items()},
        "signals": record.signals,
        "model": record.model,
        "app": record.app,
        "user": record.user,
        "raw_text": record.raw_text,
    }


def clamp_int(value: Any, limit: int = 2**62) -> int:
    """A database sum as an int that stays within int64 arithmetic downstream (None counts as 0)."""
    return min(int(value or 0), limit)


def group_label(value: Any) -> str:
    """How a group_by value is reported: booleans as yes/no, a missing value as ``unknown``."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_ms: int = 5000) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before the service acknowledges it (NORMAL in WAL mode may lose the last commits
    # on power loss); group commit shares the one fsync among every event of a flush.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    cursor.close()


def summarise(
    rows: Iterable[LabelRow], weight: str, min_group_count: int, grouped: bool | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Turn label rows into buckets with counts and shares, under the privacy floor.

    The floor is one rule for bucketing and grouping alike: every cell (one
    time bucket and group; the whole selection when there is neither) must
    count at least ``min_group_count`` requests, or it is left out and counted
    as suppressed. A bucket with two requests reveals their labels just as a
    group of two does. Shares within a cell sum to 1. Returns the cells and
    how many were suppressed. ``grouped`` is ignored; it is kept so that older
    callers still work (it used to exempt ungrouped cells from the floor).
    """
    cells: dict[tuple[int | None, str | None], list[LabelRow]] = defaultdict(list)
    for row in rows:
        cells[(row.bucket, row.group)].append(row)
    out, suppressed = [], 0
    for (bucket, group), members in sorted(cells.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1] or "")):
        total_requests = sum(m.count for m in members)
        total_tokens = sum(m.tokens for m in members)
        if total_requests < min_group_count:
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
