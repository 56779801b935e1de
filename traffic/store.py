"""The event store: one row per recorded classification, and the distribution queries over it.

SQLite in WAL mode by default; any SQLAlchemy URL (PostgreSQL included) works,
since the queries use only portable SQL. The raw text is not stored unless
``store_text`` is on. Time buckets are precomputed as integer columns (hours,
days and Monday-based weeks since the Unix epoch, UTC) so that bucketing is a
plain GROUP BY on every database; the time range filter uses the index on ``ts``
and the label join the index on ``(dimension, label)``.

Rollups make the distribution and the report independent of the number of events:
``record()`` upserts, in the events' own transaction, ``rollup_labels`` (per hour,
dimension, label and group), ``rollup_report`` and ``rollup_tokens`` (the report's
cube and token histograms, per hour, day, week and 4 weeks) and ``rollup_apps``.
Queries read whole units from them and the partial hours at the ends of a range from
the events. ``store_meta`` records the rollup version; ``create_schema`` (re)builds
the rollups from the events when it differs. Anything that changes or deletes events
other than through ``record()`` must call :meth:`EventStore.rebuild_rollups`.

The tables are defined in :mod:`traffic.schema` (and importable from here, as before),
the rollups' write side is :mod:`traffic.rollup_writer`, and their bins and time units
are :mod:`traffic.rollups`.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Table,
    and_,
    case,
    cast,
    create_engine,
    event,
    func,
    inspect,
    literal_column,
    null,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

from classifier.errors import InputError
from traffic.rollup_writer import RollupWriter, sum_total
from traffic.rollups import (
    DAY,
    HOUR,
    LEVELS,
    WEEK,
    bucket_of,
    decompose,
    middle_rows,
    sorted_medians,
    split_range,
    token_bin,
)
from traffic.rollups import medians as histogram_medians
from traffic.schema import (
    ADDED_COLUMNS,
    ALL_CATEGORIES,
    GROUP_FIELDS,
    ID_LENGTH,
    NULL_CATEGORY,
    NULL_LANGUAGE,
    NULL_MODEL,
    NULL_REASONING,
    dead_letters,
    event_labels,
    events,
    group_label,
    metadata,
    report_join,
    rollup_apps,
    rollup_labels,
    rollup_report,
    rollup_tokens,
    training_jobs,
)
from traffic.schema import ROLLUP_TABLES as ROLLUP_TABLES  # importable from here, as before the tables moved
from traffic.schema import ROLLUP_VERSION as ROLLUP_VERSION
from traffic.schema import SUM_LIMIT as SUM_LIMIT
from traffic.schema import store_meta as store_meta
from traffic.timeutil import as_utc, check_bucket, time_buckets

# What every supported database can store (PostgreSQL's INTEGER and VARCHAR(256) are the tightest): the API
# validates metadata against these bounds at the edge, and :meth:`EventStore.record` refuses a row outside them,
# so an unstorable value is a clear 422 or a dead letter, never a failed transaction that takes its neighbours down.
MAX_COUNT = 2**31 - 1
MAX_METADATA_CHARS = 256
TOKEN_SIGNALS = ("prompt_tokens", "completion_tokens", "reasoning_tokens", "turns")
_SURROGATES = re.compile("[\ud800-\udfff]")
_COARSE = 32  # bins per run in the first step of a unit median
_UNITS_PER_STATEMENT = 2000  # units per statement in its second step


def check_group_by(group_by: str | None) -> str | None:
    """``group_by`` when it is None or a groupable field; :class:`InputError` (field ``group_by``) otherwise."""
    if group_by is not None and group_by not in GROUP_FIELDS:
        raise InputError(f"group_by must be one of {', '.join(GROUP_FIELDS)} (got {group_by!r})", field="group_by")
    return group_by


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


# The times an event may have: a report draws its time axis with pandas, whose datetimes end in 2262, and no
# LLM call predates 1970. An event dated year 760 was once stored and made /v1/report answer 500.
EARLIEST_TS = datetime(1970, 1, 1, tzinfo=UTC)
LATEST_TS = datetime(2262, 1, 1, tzinfo=UTC)


def timestamp_problem(value: datetime | None) -> str | None:
    """Why an event time cannot be stored, or None when it can (none given: the time it arrives)."""
    if value is None:
        return None
    try:
        utc = as_utc(value)
    except OverflowError:  # a year-1 time with a positive offset has no UTC datetime
        utc = None
    if utc is None or not EARLIEST_TS <= utc < LATEST_TS:
        return f"must be from 1970-01-01 to 2261-12-31 (UTC); got {value.isoformat()}"
    return None


def check_record(record: EventRecord) -> None:
    """Raise :class:`UnstorableEventError` when ``record`` holds a value some supported database cannot store."""
    problem = timestamp_problem(record.ts)
    if problem:
        raise UnstorableEventError(problem, "timestamp")
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
            pages_file = os.environ.get(MAX_PAGES_FILE_VARIABLE)
            if pages_file:
                event.listen(self.engine, "checkout", lambda dbapi, record, proxy: _max_pages(dbapi, pages_file))
        self._write_lock = threading.Lock()
        self._rollup_writer = RollupWriter(self.engine.dialect.name)
        # Rollups need INSERT ... ON CONFLICT DO UPDATE, which SQLAlchemy offers for these two; on any other
        # database the queries read the events, as before.
        self.rollups = self.engine.dialect.name in ("sqlite", "postgresql")

    def create_schema(self) -> None:
        """Create tables and indexes if they do not exist, and bring a store made by an older version up to date.

        That includes building the rollups from the events already stored when they were made without them
        (or by another rollup version): in SQL, one GROUP BY per table, so memory does not grow with events.
        """
        metadata.create_all(self.engine)
        self._upgrade_schema()
        if self.rollups:
            self._rollup_writer.ensure(self.engine, self._write_lock)

    def _upgrade_schema(self) -> None:
        # Additive only: new nullable columns, and ids widened from 32 to ID_LENGTH characters. SQLite does not
        # enforce VARCHAR lengths, so only PostgreSQL (and the like) needs the ALTER ... TYPE.
        inspector = inspect(self.engine)
        columns = {c["name"]: c for c in inspector.get_columns("events")}
        label_columns = {c["name"]: c for c in inspector.get_columns("event_labels")}
        with self._write_lock, self.engine.begin() as conn:
            for name, sql_type in ADDED_COLUMNS.items():
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
            if self.rollups:
                self._rollup_writer.add(conn, event_rows, label_rows)

    def rebuild_rollups(self) -> None:
        """Rebuild every rollup from the events, in one transaction (after events were changed or deleted
        other than through :meth:`record`; writers wait for it)."""
        if not self.rollups:
            return
        with self._write_lock, self.engine.begin() as conn:
            self._rollup_writer.build(conn)

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
        return sum_total(self.engine.dialect.name, expression)

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
        """Counts and token sums per (bucket, group, label) for one dimension.

        Whole hours of the range come from the ``rollup_labels`` table, the partial hours at its ends from the
        events; the result equals :meth:`raw_label_rows`.
        """
        if bucket is not None:
            check_bucket(bucket)
        check_group_by(group_by)
        if not self.rollups:
            return self.raw_label_rows(dimension, since, until, bucket, group_by)
        since, until = as_utc(since), as_utc(until)
        hours, partial = split_range(since, until)
        # (bucket, group is NULL, group value, label) -> [count, tokens]; NULL and a value "unknown" stay apart
        # as they do in raw_label_rows, though both are reported as "unknown".
        cells: dict[tuple[Any, bool, str, str], list[int]] = {}

        def add(key: tuple[Any, bool, str, str], count: Any, tokens: Any) -> None:
            cell = cells.setdefault(key, [0, 0])
            cell[0] += int(count)
            cell[1] += clamp_int(tokens)

        if hours is not None:
            table = rollup_labels
            bucket_col = table.c[f"ts_{bucket}"] if bucket else None
            keys = [
                *([bucket_col] if bucket_col is not None else []),
                table.c.nulls,
                table.c.group_value,
                table.c.label,
            ]
            query = (
                select(*keys, func.sum(table.c.n), self.total(table.c.tokens))
                .where(
                    table.c.dimension == dimension,
                    table.c.group_field == (group_by or ""),
                    *_hour_range(table.c.ts_hour, hours),
                )
                .group_by(*keys)
            )
            with self.engine.connect() as conn:
                for row in conn.execute(query):
                    *number, nulls, value, label, count, tokens = row
                    add((number[0] if number else None, bool(nulls), value, label), count, tokens)
        for low, high in partial:
            query = self._raw_label_query(dimension, low, high, bucket, group_by)
            for number, value, label, count, tokens in self._raw_label_cells(query, bucket, group_by):
                text_value = "" if value is None else group_label(value)
                add((number, group_by is not None and value is None, text_value, label), count, tokens)
        return [
            LabelRow(
                bucket=number,
                group=("unknown" if is_null else value) if group_by else None,
                label=label,
                count=count,
                tokens=min(tokens, 2**62),
            )
            for (number, is_null, value, label), (count, tokens) in cells.items()
        ]

    def raw_label_rows(
        self,
        dimension: str,
        since: datetime | None = None,
        until: datetime | None = None,
        bucket: str | None = None,
        group_by: str | None = None,
    ) -> list[LabelRow]:
        """:meth:`label_rows` computed from every event in the range (the reference the rollups must equal)."""
        if bucket is not None:
            check_bucket(bucket)
        check_group_by(group_by)
        query = self._raw_label_query(dimension, since, until, bucket, group_by)
        return [
            LabelRow(
                bucket=number,
                group=group_label(value) if group_by else None,
                label=label,
                count=count,
                tokens=clamp_int(tokens),
            )
            for number, value, label, count, tokens in self._raw_label_cells(query, bucket, group_by)
        ]

    def _raw_label_query(
        self, dimension: str, since: datetime | None, until: datetime | None, bucket: str | None, group_by: str | None
    ) -> Any:
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
        return query

    def _raw_label_cells(self, query: Any, bucket: str | None, group_by: str | None) -> list[tuple[Any, ...]]:
        """(bucket, raw group value, label, count, token sum) rows of a raw label query."""
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            (row.get("bucket"), row["grp"] if group_by else None, row["label"], int(row["n"]), row["tokens"])
            for row in rows
        ]

    def report_aggregates(
        self, bucket: str, since: datetime | None = None, until: datetime | None = None
    ) -> ReportAggregates:
        """Everything the report draws, aggregated over the range: memory does not grow with events.

        The range is covered by the coarsest whole units of the rollups (``rollup_report`` for the counts and
        sums, ``rollup_tokens`` for the medians: 4 weeks, weeks, days, hours; no unit longer than a bucket for
        what is per bucket; ``rollup_apps`` for the apps, per hour), the partial hours at the ends by the
        events; the first and last time come from the index on ``events.ts``. Counts and sums equal
        :meth:`raw_report_aggregates`; medians equal it wherever the middle values are below 1024 and are
        within 0.8 % above (see :mod:`traffic.rollups`).
        """
        check_bucket(bucket)
        if not self.rollups:
            return self.raw_report_aggregates(bucket, since, until)
        since, until = as_utc(since), as_utc(until)
        # Units no longer than a bucket for what is per bucket; the coarsest units for the rest.
        by_bucket, partial = decompose(since, until, _BUCKET_LEVELS[bucket])
        whole, _ = decompose(since, until, LEVELS)
        hours, _ = split_range(since, until)
        cube: dict[tuple[Any, ...], list[int]] = {}
        whole_buckets: list[tuple[Any, ...]] = []
        bucket_medians: dict[str, list[tuple[Any, float]]] = {"prompt": [], "completion": []}
        buckets: dict[tuple[int, int], int] = {}

        def bucket_number(level: int, unit: int) -> int:
            if (level, unit) not in buckets:
                buckets[(level, unit)] = bucket_of(level, unit, bucket)
            return buckets[(level, unit)]

        def add(key: tuple[Any, ...], values: Sequence[Any]) -> None:
            cell = cube.get(key)
            if cell is None:
                cube[key] = [clamp_int(value) for value in values]
            else:
                for i, value in enumerate(values):
                    cell[i] += clamp_int(value)

        category, reasoning, with_labels = report_join()
        with_category = events.outerjoin(
            category, (category.c.event_id == events.c.id) & (category.c.dimension == "category")
        )
        with self.engine.connect() as conn:
            # (key, bin, count, low, high) rows per median family, rollup and partial hours alike.
            histogram_rows: dict[str, dict[str, list[tuple[Any, int, int, int, int]]]] = {
                family: {"prompt": [], "completion": []} for family in ("bucket", "category")
            }
            # Units of the bucket's own length are whole buckets: their rows are final cube rows and their
            # medians are found by the database; shorter units (the edges of the range) are merged here.
            own = [r for r in by_bucket if r[0] == _BUCKET_LEVELS[bucket][-1]]
            edges = [r for r in by_bucket if r[0] != _BUCKET_LEVELS[bucket][-1]]
            t = rollup_report
            sums = [t.c[name] for name in ("n", "prompt_tokens", "completion_tokens", "reasoning_tokens")]
            if own:

                def decoded(column: Any, bit: int) -> Any:
                    return case((t.c.nulls.op("&")(bit) != 0, null()), else_=column)

                query = select(
                    t.c.unit,
                    decoded(t.c.category, NULL_CATEGORY),
                    decoded(t.c.reasoning, NULL_REASONING),
                    t.c.tools_offered,
                    t.c.tool_call,
                    decoded(t.c.model, NULL_MODEL),
                    decoded(t.c.language, NULL_LANGUAGE),
                    *sums,
                ).where(_units_in(t, own))
                whole_buckets = _plain_rows(conn, query)  # tools_offered and tool_call: 0/1 on SQLite
                for (number, kind), median in self._own_unit_medians(conn, own):
                    bucket_medians[kind].append((number, median))
            if edges:
                keys = [t.c.category, t.c.reasoning, t.c.tools_offered, t.c.tool_call, t.c.model, t.c.language]
                query = select(t.c.level, t.c.unit, *keys, t.c.nulls, *sums).where(_units_in(t, edges))
                for level, unit, cat, heavy, offered, called, model, language, nulls, *values in conn.execute(query):
                    key = (
                        bucket_number(level, unit),
                        None if nulls & NULL_CATEGORY else cat,
                        None if nulls & NULL_REASONING else heavy,
                        bool(offered),
                        bool(called),
                        None if nulls & NULL_MODEL else model,
                        None if nulls & NULL_LANGUAGE else language,
                    )
                    add(key, values)
                h = rollup_tokens
                query = select(h.c.level, h.c.unit, h.c.kind, h.c.bin, h.c.n, h.c.low, h.c.high).where(
                    h.c.nulls == ALL_CATEGORIES, _units_in(h, edges)
                )
                for level, unit, kind, bin_number, count, low, high in conn.execute(query):
                    histogram_rows["bucket"][kind].append((bucket_number(level, unit), bin_number, count, low, high))
            if whole:
                h = rollup_tokens
                keys = [h.c.kind, h.c.nulls, h.c.category, h.c.bin]
                query = (
                    select(*keys, func.sum(h.c.n), func.min(h.c.low), func.max(h.c.high))
                    .where(h.c.nulls.in_([0, NULL_CATEGORY]), _units_in(h, whole))
                    .group_by(*keys)
                )
                for kind, nulls, cat, bin_number, count, low, high in _plain_rows(conn, query):
                    histogram_rows["category"][kind].append(
                        (None if nulls & NULL_CATEGORY else cat, bin_number, int(count), low, high)
                    )
            p, c, r = events.c.prompt_tokens, events.c.completion_tokens, events.c.reasoning_tokens
            b = events.c[f"ts_{bucket}"]
            for low, high in partial:
                window = _window(low, high)
                keys = [
                    b,
                    category.c.label,
                    reasoning.c.label,
                    events.c.tools_offered,
                    events.c.tool_call,
                    events.c.model,
                    events.c.language,
                ]
                query = (
                    select(*keys, func.count(), self.total(p), self.total(c), self.total(r))
                    .select_from(with_labels)
                    .where(*window)
                    .group_by(*keys)
                )
                for number, cat, heavy, offered, called, model, language, *values in conn.execute(query):
                    add((number, cat, heavy, bool(offered), bool(called), model, language), values)
                for kind, column in (("prompt", p), ("completion", c)):
                    query = (
                        select(b, category.c.label, column, func.count())
                        .select_from(with_category)
                        .where(*window)
                        .group_by(b, category.c.label, column)
                    )
                    for number, cat, value, count in conn.execute(query):
                        value = int(value)
                        cell = (token_bin(value), int(count), value, value)
                        histogram_rows["bucket"][kind].append((number, *cell))
                        histogram_rows["category"][kind].append((cat, *cell))

            apps = [
                *([select(rollup_apps.c.app).where(*_hour_range(rollup_apps.c.ts_hour, hours))] if hours else []),
                *(select(func.coalesce(events.c.app, "unknown")).where(*_window(low, high)) for low, high in partial),
            ]
            distinct_apps = union(*apps) if len(apps) > 1 else apps[0].distinct()
            app_count = conn.execute(select(func.count()).select_from(distinct_apps.subquery())).scalar_one()
            start, end = _time_span(conn, since, until)

        def family(name: str) -> dict[str, list[tuple[Any, float]]]:
            return {kind: histogram_medians(rows) for kind, rows in histogram_rows[name].items()}

        # Overall: every category's histogram merged (the categories partition the events).
        overall = {
            kind: histogram_medians((0, *row[1:]) for row in rows) for kind, rows in histogram_rows["category"].items()
        }
        for kind, pairs in family("bucket").items():
            bucket_medians[kind] += pairs
        return ReportAggregates(
            cube=whole_buckets + [(*key, *values) for key, values in cube.items()],
            bucket_medians=bucket_medians,
            category_medians=family("category"),
            overall_medians={kind: dict(pairs).get(0, 0.0) for kind, pairs in overall.items()},
            apps=int(app_count or 0),
            start=as_utc(start),
            end=as_utc(end),
        )

    def _own_unit_medians(
        self, conn: Connection, ranges: list[tuple[int, int | None, int | None]]
    ) -> list[tuple[tuple[int, str], float]]:
        """((unit, kind), median) of each unit in ``ranges``, every category merged.

        Two steps per kind, so that the ~200k bins of a 90-day range at 1M events never leave the database:
        counts per run of :data:`_COARSE` bins (one GROUP BY) find, with running sums over all the units at once
        (numpy), the runs that hold each unit's middle ranks; then only those runs' bins are fetched, by their
        primary key, and the middle values found in them the same way. A window function in SQLite, a
        Python histogram per unit, or fetching every bin each took several times longer.
        """
        h = rollup_tokens
        out: list[tuple[tuple[int, str], float]] = []
        for kind in ("prompt", "completion"):
            run = (h.c.bin // _COARSE).label("run")
            query = (
                select(h.c.level, h.c.unit, run, func.sum(h.c.n))
                .where(h.c.nulls == ALL_CATEGORIES, h.c.kind == kind, _units_in(h, ranges))
                .group_by(h.c.level, h.c.unit, run)
                .order_by(h.c.level, h.c.unit, run)
            )
            rows = _plain_rows(conn, query)
            if not rows:
                continue
            level, unit, run_number, count = _int_columns(rows, 4)
            # The runs of each unit's two middle ranks (one run for most), and those ranks counted from the
            # first of them, which is where the fetched bins will start.
            groups, [(lower, low_run, skipped), (upper, high_run, _)] = middle_rows(level * (1 << 40) + unit, count)
            low_rank, high_rank = lower - skipped, upper - skipped
            wanted = [
                f"({lv}, {u}, {lo * _COARSE}, {(hi + 1) * _COARSE})"
                for lv, u, lo, hi in zip(
                    level[groups].tolist(),
                    unit[groups].tolist(),
                    run_number[low_run].tolist(),
                    run_number[high_run].tolist(),
                    strict=True,
                )
            ]
            fine = []
            # A few thousand units per statement: years of hours would outgrow SQLite's longest SQL text.
            for start in range(0, len(wanted), _UNITS_PER_STATEMENT):
                values = ", ".join(wanted[start : start + _UNITS_PER_STATEMENT])
                # Integers made here and a fixed kind only: nothing of a caller's goes into this text.
                fine += _plain_rows(
                    conn,
                    f"WITH wanted(level, unit, lo, hi) AS (VALUES {values}) "
                    "SELECT t.level, t.unit, t.n, t.low, t.high FROM wanted JOIN rollup_tokens t "
                    f"ON t.level = wanted.level AND t.nulls = {ALL_CATEGORIES} AND t.unit = wanted.unit "
                    f"AND t.kind = '{kind}' AND t.category = '' AND t.bin >= wanted.lo AND t.bin < wanted.hi "
                    "ORDER BY t.level, t.unit, t.bin",
                )
            f_level, f_unit, f_count, f_low, f_high = _int_columns(fine, 5)
            # The same units in the same order; their ranks now count from the first run fetched.
            groups, medians = sorted_medians(
                f_level * (1 << 40) + f_unit, f_count, f_low, f_high, ranks=(low_rank, high_rank)
            )
            for number, median in zip(f_unit[groups].tolist(), medians.tolist(), strict=True):
                out.append(((number, kind), median))
        return out

    def time_span(self, since: datetime | None = None, until: datetime | None = None) -> tuple[Any, Any]:
        """The first and the last event's time in the range (UTC), or (None, None) when it holds none."""
        with self.engine.connect() as conn:
            start, end = _time_span(conn, since, until)
        return as_utc(start), as_utc(end)

    def raw_report_aggregates(
        self, bucket: str, since: datetime | None = None, until: datetime | None = None
    ) -> ReportAggregates:
        """:meth:`report_aggregates` computed from every event in the range (the reference for the rollups).

        One GROUP BY gives every count and token sum (summed with :meth:`total`, so that no stored value can
        overflow); the medians are exact, from window functions (``row_number`` over the sorted values).
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


def _window(since: datetime | None, until: datetime | None) -> list[ColumnElement[bool]]:
    return [
        *([events.c.ts >= since] if since is not None else []),
        *([events.c.ts < until] if until is not None else []),
    ]


def _time_span(conn: Connection, since: datetime | None, until: datetime | None) -> tuple[Any, Any]:
    # Two scalar subqueries: each becomes one step down the ts index (SQLite optimises a lone min or max).
    window = _window(since, until)
    return tuple(
        conn.execute(
            select(
                select(func.min(events.c.ts)).where(*window).scalar_subquery(),
                select(func.max(events.c.ts)).where(*window).scalar_subquery(),
            )
        ).one()
    )


def _plain_rows(conn: Connection, query: Any) -> list[tuple[Any, ...]]:
    """The rows of a query (or of a SQL text built by this module) straight from the driver's cursor, without
    SQLAlchemy's result processing (no type conversion: SQLite's booleans stay 0/1): its row objects cost more
    than the query itself for the ~100k histogram bins or ~50k cube rows of a long range. Its parameters are
    inlined (integers and fixed strings of this module only, never a caller's text)."""
    sql = (
        query
        if isinstance(query, str)
        else str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    )
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _int_columns(rows: list[tuple[Any, ...]], width: int) -> list[Any]:
    """The columns of ``rows`` of ``width`` integers, as int64 arrays (fromiter over the flattened tuples:
    ``np.array`` on ~100k tuples cost several times more)."""
    import numpy as np

    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=width * len(rows))
    return list(flat.reshape(-1, width).T)


_BUCKET_LEVELS = {"hour": (HOUR,), "day": (HOUR, DAY), "week": (HOUR, DAY, WEEK)}


def _units_in(table: Table, ranges: Sequence[tuple[int, int | None, int | None]]) -> ColumnElement[bool]:
    """The rows of ``table`` in the (level, first, end) unit ranges of :func:`traffic.rollups.decompose`."""
    return or_(
        *(
            and_(
                table.c.level == level,
                *([table.c.unit >= first] if first is not None else []),
                *([table.c.unit < end] if end is not None else []),
            )
            for level, first, end in ranges
        )
    )


def _hour_range(column: Any, hours: tuple[int | None, int | None] | None) -> list[ColumnElement[bool]]:
    first, end = hours or (None, None)
    return [*([column >= first] if first is not None else []), *([column < end] if end is not None else [])]


def clamp_int(value: Any, limit: int = 2**62) -> int:
    """A database sum as an int that stays within int64 arithmetic downstream (None counts as 0)."""
    return min(int(value or 0), limit)


MAX_PAGES_FILE_VARIABLE = "PROMPTPRISM_TEST_SQLITE_MAX_PAGES_FILE"
"""Test-only: when set, it names a file whose number becomes SQLite's ``max_page_count`` at every checkout of a
connection, so that a test makes SQLite report "database or disk is full" for real, then lifts it (no file: no
limit). Unset, as in production, nothing is read."""


def _max_pages(dbapi_connection: Any, path: str) -> None:
    try:
        with open(path, encoding="ascii") as limit_file:
            pages = int(limit_file.read().strip())
    except FileNotFoundError:
        pages = 2**32 - 2  # SQLite's own ceiling
    cursor = dbapi_connection.cursor()
    # A limit below the current size stops at the current size: no new page, so the next growth fails.
    cursor.execute(f"PRAGMA max_page_count={int(pages)}")
    cursor.close()


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
