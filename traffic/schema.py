"""The event store's tables: the events, their labels, the rollups kept beside them, and the store's own facts.

One ``MetaData`` for every table, so that :meth:`traffic.store.EventStore.create_schema` makes them all.
:mod:`traffic.store` writes and queries the events; :mod:`traffic.rollup_writer` keeps the rollups in step with
them. How the rollups are read is described in :mod:`traffic.store`, and their histogram bins and time units
in :mod:`traffic.rollups`.
"""

from __future__ import annotations

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
)

GROUP_FIELDS = ("model", "app", "language", "tool_call", "tools_offered", "has_code", "model_version")
"""The event fields a distribution can be grouped by (``group_by``); ``rollup_labels`` keeps a row per value."""

metadata = MetaData()

ID_LENGTH = 128
"""Longest event id the store keeps."""

# Nullable columns added after the first release: create_schema adds them to a store made before.
ADDED_COLUMNS = {"cost": "FLOAT", "latency_ms": "FLOAT", "metadata": "JSON"}  # JSON: as create_all makes it

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


# Rollups: hourly pre-aggregates that record() keeps in the same transaction as the events, so that the
# distribution and the report read a few rows per hour instead of every event. NULL can be neither part of a
# primary key (PostgreSQL) nor make ON CONFLICT fire (SQLite treats NULLs as distinct), so a missing value is
# stored as '' with its bit set in ``nulls``. ts_day and ts_week ride along (they follow from ts_hour) so that
# day and week buckets are a plain GROUP BY, as on the events.
ROLLUP_VERSION = "3"
"""Bump when what the rollups hold changes: create_schema then rebuilds them from the events."""

SUM_LIMIT = 2**62
"""Rollup sums stop here, as :func:`traffic.store.clamp_int` does, so that adding to one can never overflow a BIGINT."""

# Bits of ``nulls``.
NULL_CATEGORY, NULL_REASONING, NULL_MODEL, NULL_LANGUAGE = 1, 2, 4, 8
NULL_GROUP = 1
ALL_CATEGORIES = 2  # in rollup_tokens.nulls

# Key-value facts about the store itself (the rollup version), so that a later version knows what to rebuild.
store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

# GET /v1/distribution: per hour, dimension, label and group (group_field '' for no grouping; group_value as
# group_label reports it, '' with nulls=1 for NULL) the request count and the prompt + completion tokens.
# Key order: the route asks for one dimension and one group field over a range of hours.
rollup_labels = Table(
    "rollup_labels",
    metadata,
    Column("dimension", String(64), primary_key=True),
    Column("group_field", String(16), primary_key=True),
    Column("ts_hour", Integer, primary_key=True),
    Column("label", String(128), primary_key=True),
    Column("group_value", String(256), primary_key=True),
    Column("nulls", Integer, primary_key=True),
    Column("ts_day", Integer, nullable=False),
    Column("ts_week", Integer, nullable=False),
    Column("n", BigInteger, nullable=False),
    Column("tokens", BigInteger, nullable=False),
    sqlite_with_rowid=False,
)

# /v1/report's cube: exactly the keys of report_aggregates, with the count and the three token sums, per unit of
# each level (traffic.rollups: hour, day, week, 4 weeks). Hours alone were measured too fine: at 1M events over
# 90 days an hour holds ~460 events, spread over ~350 cells, so the hourly cube was nearly as long as the events.
# A range is covered by its coarsest whole units (traffic.rollups.decompose), the report reading a few rows each.
rollup_report = Table(
    "rollup_report",
    metadata,
    Column("level", Integer, primary_key=True),
    Column("unit", Integer, primary_key=True),
    Column("category", String(128), primary_key=True),
    Column("reasoning", String(128), primary_key=True),
    Column("tools_offered", Boolean, primary_key=True),
    Column("tool_call", Boolean, primary_key=True),
    Column("model", String(256), primary_key=True),
    Column("language", String(8), primary_key=True),
    Column("nulls", Integer, primary_key=True),
    Column("n", BigInteger, nullable=False),
    Column("prompt_tokens", BigInteger, nullable=False),
    Column("completion_tokens", BigInteger, nullable=False),
    Column("reasoning_tokens", BigInteger, nullable=False),
    sqlite_with_rowid=False,
)

# The report's medians: token histograms per unit (levels as rollup_report), kind and category (bins:
# traffic.rollups.token_bin), with the smallest and largest value of each bin, which make a median exact wherever
# it falls on a bin's edge. Rows with the ALL_CATEGORIES bit merge every category (at the levels a time bucket
# can be made of), so that the per-bucket medians do not read one histogram per category.
rollup_tokens = Table(
    "rollup_tokens",
    metadata,
    # level and nulls lead the key: the all-categories rows of a range are then one contiguous, ordered run.
    Column("level", Integer, primary_key=True),
    Column("nulls", Integer, primary_key=True),
    Column("unit", Integer, primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("category", String(128), primary_key=True),
    Column("bin", Integer, primary_key=True),
    Column("n", BigInteger, nullable=False),
    Column("low", BigInteger, nullable=False),
    Column("high", BigInteger, nullable=False),
    sqlite_with_rowid=False,
)

# The report's distinct apps: which apps (NULL as "unknown") were seen in each hour.
rollup_apps = Table(
    "rollup_apps",
    metadata,
    Column("ts_hour", Integer, primary_key=True),
    Column("app", String(256), primary_key=True),
    sqlite_with_rowid=False,
)

ROLLUP_TABLES = (rollup_labels, rollup_report, rollup_tokens, rollup_apps)


def report_join() -> tuple[Any, Any, Any]:
    """The category and reasoning label aliases, and events outer-joined to both (the report's cube)."""
    category = event_labels.alias("category")
    reasoning = event_labels.alias("reasoning")
    joined = events.outerjoin(
        category, (category.c.event_id == events.c.id) & (category.c.dimension == "category")
    ).outerjoin(reasoning, (reasoning.c.event_id == events.c.id) & (reasoning.c.dimension == "reasoning_heavy"))
    return category, reasoning, joined


def group_label(value: Any) -> str:
    """How a group_by value is reported: booleans as yes/no, a missing value as ``unknown``."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
