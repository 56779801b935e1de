"""Keeps the rollups in step with the events: added to in each write's own transaction, rebuilt from the events.

:meth:`RollupWriter.add` pre-aggregates a flush of events and upserts what it adds to each rollup table, in the
transaction that inserts the events (:meth:`traffic.store.EventStore.record`), so that the rollups never count
an event the store does not hold. :meth:`RollupWriter.build` makes every rollup again from the events in SQL,
one GROUP BY per table, so memory does not grow with the events. The tables are in :mod:`traffic.schema`.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import BigInteger, Table, case, cast, func, literal, literal_column, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

from traffic.rollups import DAY, FOUR_WEEKS, HOUR, LEVELS, WEEK, floor_div_sql, token_bin, token_bin_sql, units
from traffic.schema import (
    ALL_CATEGORIES,
    GROUP_FIELDS,
    NULL_CATEGORY,
    NULL_GROUP,
    NULL_LANGUAGE,
    NULL_MODEL,
    NULL_REASONING,
    ROLLUP_TABLES,
    ROLLUP_VERSION,
    SUM_LIMIT,
    event_labels,
    events,
    group_label,
    report_join,
    rollup_apps,
    rollup_labels,
    rollup_report,
    rollup_tokens,
    store_meta,
)

# The order in which the backfill selects rollup_tokens' columns (the table's key leads with level and nulls).
_TOKEN_SELECT_ORDER = ["level", "unit", "kind", "nulls", "category", "bin", "n", "low", "high"]
_BOOLEAN_GROUPS = ("tool_call", "tools_offered", "has_code")


def sum_total(dialect: str, expression: ColumnElement[Any]) -> ColumnElement[Any]:
    """A SUM that cannot overflow: SQLite's TOTAL (a float), PostgreSQL's SUM of BIGINT (a NUMERIC)."""
    # SQLite's SUM raises "integer overflow" past 2**63; TOTAL is exact to 2**53 tokens and never raises.
    return func.total(expression) if dialect == "sqlite" else func.sum(expression)


class RollupWriter:
    """The rollups' write side for one store: its upserts compiled once for the store's database."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._upsert_statements: dict[tuple[Any, ...], tuple[str, list[int] | None]] = {}

    def add(self, conn: Connection, event_rows: list[dict[str, Any]], label_rows: list[dict[str, Any]]) -> None:
        """Add a flush of events (rows as ``record()`` inserts them) and their labels to every rollup, in ``conn``'s
        transaction."""
        # Pre-aggregated here, so that a flush of 512 events costs one upsert per distinct cell, not per event;
        # the upserts add to what other writers (other worker processes) committed, so the sums stay exact.
        labels_of: dict[str, dict[str, str]] = defaultdict(dict)
        for row in label_rows:
            labels_of[row["event_id"]][row["dimension"]] = row["label"]
        by_label: dict[tuple[Any, ...], list[int]] = {}
        report: dict[tuple[Any, ...], list[int]] = {}
        tokens: dict[tuple[Any, ...], list[int]] = {}
        apps: set[tuple[int, str]] = set()
        for e in event_rows:
            hour, day, week = e["ts_hour"], e["ts_day"], e["ts_week"]
            p, c, r = e["prompt_tokens"], e["completion_tokens"], e["reasoning_tokens"]
            labels = labels_of.get(e["id"], {})
            groups = [("", "", 0)] + [(field, *_group_value(e[field])) for field in GROUP_FIELDS]
            for dimension, label in labels.items():
                for field, value, nulls in groups:
                    cell = by_label.setdefault((dimension, field, hour, label, value, nulls), [day, week, 0, 0])
                    cell[2] += 1
                    cell[3] += p + c
            category, reasoning = labels.get("category"), labels.get("reasoning_heavy")
            model, language = e["model"], e["language"]
            nulls = (
                (NULL_CATEGORY if category is None else 0)
                | (NULL_REASONING if reasoning is None else 0)
                | (NULL_MODEL if model is None else 0)
                | (NULL_LANGUAGE if language is None else 0)
            )
            keys = (
                category or "",
                reasoning or "",
                e["tools_offered"],
                e["tool_call"],
                model or "",
                language or "",
                nulls,
            )
            category_nulls = NULL_CATEGORY if category is None else 0
            for level, unit in enumerate(units(hour)):
                cell = report.setdefault((level, unit, *keys), [0, 0, 0, 0])
                cell[0] += 1
                cell[1] += p
                cell[2] += c
                cell[3] += r
                token_keys = [(category_nulls, category or "")]
                if level != FOUR_WEEKS:  # no time bucket is four weeks long
                    token_keys.append((ALL_CATEGORIES, ""))
                for kind, value in (("prompt", p), ("completion", c)):
                    for token_nulls, token_category in token_keys:
                        key = (level, token_nulls, unit, kind, token_category, token_bin(value))
                        cell = tokens.get(key)
                        if cell is None:
                            tokens[key] = [1, value, value]
                        else:
                            cell[0] += 1
                            cell[1] = min(cell[1], value)
                            cell[2] = max(cell[2], value)
            apps.add((hour, e["app"] if e["app"] is not None else "unknown"))

        def rows(cells: dict[tuple[Any, ...], list[int]]) -> list[tuple[Any, ...]]:
            # In the table's column order (key, then values). Sorted: concurrent transactions then lock the rows
            # they share in one order and cannot deadlock.
            return [(*key, *values) for key, values in sorted(cells.items())]

        for values in by_label.values():
            values[2:] = [min(v, SUM_LIMIT) for v in values[2:]]
        for values in report.values():
            values[:] = [min(v, SUM_LIMIT) for v in values]
        self._upsert(conn, rollup_labels, rows(by_label), add=("n", "tokens"))
        self._upsert(
            conn, rollup_report, rows(report), add=("n", "prompt_tokens", "completion_tokens", "reasoning_tokens")
        )
        self._upsert(conn, rollup_tokens, rows(tokens), add=("n",), low=("low",), high=("high",))
        self._upsert(conn, rollup_apps, sorted(apps))

    def _upsert(
        self,
        conn: Connection,
        table: Table,
        rows: list[tuple[Any, ...]],
        add: tuple[str, ...] = (),
        low: tuple[str, ...] = (),
        high: tuple[str, ...] = (),
    ) -> None:
        """Insert ``rows`` (tuples in the table's column order); where a key exists, add the ``add`` columns (up
        to SUM_LIMIT) and keep the least ``low`` and greatest ``high``."""
        if not rows:
            return
        sql, order = self._upsert_sql(conn, table, add, low, high)
        # Straight to the driver's executemany: SQLAlchemy's per-row parameter processing cost more than the
        # upserts themselves (a flush writes a few hundred to a few thousand rollup rows).
        if order is None:  # psycopg's named style
            names = [c.name for c in table.c]
            conn.exec_driver_sql(sql, [dict(zip(names, row, strict=True)) for row in rows])
        elif order == list(range(len(table.c))):  # SQLite's qmark style, in column order
            conn.exec_driver_sql(sql, rows)
        else:
            conn.exec_driver_sql(sql, [tuple(row[i] for i in order) for row in rows])

    def _upsert_sql(
        self, conn: Connection, table: Table, add: tuple[str, ...], low: tuple[str, ...], high: tuple[str, ...]
    ) -> tuple[str, list[int] | None]:
        """The upsert's SQL for this database, compiled once per store; and, for positional parameters, the
        column index of each."""
        key = (table.name, add, low, high)
        cached = self._upsert_statements.get(key)
        if cached is not None:
            return cached
        sqlite = self.dialect == "sqlite"
        statement = (sqlite_insert if sqlite else postgresql_insert)(table)
        new = statement.excluded
        least, greatest = (func.min, func.max) if sqlite else (func.least, func.greatest)
        limit = literal_column(str(SUM_LIMIT), BigInteger)  # inline: the only parameters are the rows' columns
        changes: dict[str, Any] = {}
        for name in add:
            # least(old, LIMIT - new) + new: never above LIMIT, and no intermediate value overflows a BIGINT.
            changes[name] = least(table.c[name], limit - new[name]) + new[name]
        for name in low:
            changes[name] = least(table.c[name], new[name])
        for name in high:
            changes[name] = greatest(table.c[name], new[name])
        keys = [c.name for c in table.primary_key.columns]
        if changes:
            statement = statement.on_conflict_do_update(index_elements=keys, set_=changes)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=keys)
        compiled = statement.compile(dialect=conn.dialect)
        names = [c.name for c in table.c]
        order = None if compiled.positiontup is None else [names.index(name) for name in compiled.positiontup]
        self._upsert_statements[key] = (str(compiled), order)
        return str(compiled), order

    def ensure(self, engine: Engine, write_lock: threading.Lock) -> None:
        """Build the rollups from the events unless the store already holds this :data:`ROLLUP_VERSION`'s."""
        with engine.connect() as conn:
            if _rollup_version(conn) == ROLLUP_VERSION:
                return
        with write_lock, engine.begin() as conn:
            # Take the write lock before looking again: a second process starting beside this one waits, then
            # finds the rollups built instead of building them twice.
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(726172)"))
            else:
                conn.execute(store_meta.delete().where(store_meta.c.key == "rollup_lock"))
            if _rollup_version(conn) == ROLLUP_VERSION:
                return
            # Another version's rollups may have other columns: made anew, in this transaction.
            for table in reversed(ROLLUP_TABLES):
                table.drop(conn, checkfirst=True)
            for table in ROLLUP_TABLES:
                table.create(conn)
            self.build(conn)

    def build(self, conn: Connection) -> None:
        """Empty every rollup and fill it again from the events, in ``conn``'s transaction."""
        for table in ROLLUP_TABLES:
            conn.execute(table.delete())
        if conn.execute(select(events.c.id).limit(1)).first() is not None:
            self._fill(conn)
        conn.execute(store_meta.delete().where(store_meta.c.key == "rollup_version"))
        conn.execute(store_meta.insert().values(key="rollup_version", value=ROLLUP_VERSION))

    def _fill(self, conn: Connection) -> None:
        p, c, r = events.c.prompt_tokens, events.c.completion_tokens, events.c.reasoning_tokens
        hour, day, week = events.c.ts_hour, func.min(events.c.ts_day), func.min(events.c.ts_week)
        labelled = events.join(event_labels, event_labels.c.event_id == events.c.id)
        tokens = cast(p, BigInteger) + cast(c, BigInteger)
        for field in ("", *GROUP_FIELDS):
            if not field:
                value: Any = literal("")
                nulls: Any = literal(0)
            elif field in _BOOLEAN_GROUPS:
                value = case((events.c[field], "yes"), else_="no")
                nulls = literal(0)
            else:
                value = func.coalesce(events.c[field], "")
                nulls = case((events.c[field].is_(None), NULL_GROUP), else_=0)
            # Constants stay out of GROUP BY: PostgreSQL would read a bare integer there as a column position.
            keys = [event_labels.c.dimension, hour, event_labels.c.label, *([value, nulls] if field else [])]
            query = (
                select(
                    event_labels.c.dimension,
                    literal(field),
                    hour,
                    event_labels.c.label,
                    value,
                    nulls,
                    day,
                    week,
                    func.count(),
                    self.capped_sum(tokens),
                )
                .select_from(labelled)
                .group_by(*keys)
            )
            conn.execute(rollup_labels.insert().from_select([col.name for col in rollup_labels.c], query))

        category, reasoning, with_labels = report_join()
        report_nulls = (
            case((category.c.label.is_(None), NULL_CATEGORY), else_=0)
            + case((reasoning.c.label.is_(None), NULL_REASONING), else_=0)
            + case((events.c.model.is_(None), NULL_MODEL), else_=0)
            + case((events.c.language.is_(None), NULL_LANGUAGE), else_=0)
        )
        keys = [
            func.coalesce(category.c.label, ""),
            func.coalesce(reasoning.c.label, ""),
            events.c.tools_offered,
            events.c.tool_call,
            func.coalesce(events.c.model, ""),
            func.coalesce(events.c.language, ""),
            report_nulls,
        ]
        sums = [self.capped_sum(cast(column, BigInteger)) for column in (p, c, r)]
        query = select(literal(HOUR), hour, *keys, func.count(), *sums).select_from(with_labels).group_by(hour, *keys)
        conn.execute(rollup_report.insert().from_select([col.name for col in rollup_report.c], query))

        with_category = events.outerjoin(
            category, (category.c.event_id == events.c.id) & (category.c.dimension == "category")
        )
        for kind, column in (("prompt", p), ("completion", c)):
            keys = [
                case((category.c.label.is_(None), NULL_CATEGORY), else_=0),
                func.coalesce(category.c.label, ""),
                token_bin_sql(column),
            ]
            query = (
                select(literal(HOUR), hour, literal(kind), *keys, func.count(), func.min(column), func.max(column))
                .select_from(with_category)
                .group_by(hour, *keys)
            )
            conn.execute(rollup_tokens.insert().from_select(_TOKEN_SELECT_ORDER, query))
        # Coarser levels from the finer level's rows, not from the events again: a few rows per unit to read.
        for level in LEVELS[1:]:
            self._roll_up(conn, level)
        # Every category merged, at the levels a time bucket can be made of.
        t = rollup_tokens
        keys = [t.c.level, t.c.unit, t.c.kind, t.c.bin]
        merged = (
            select(
                *keys[:3],
                literal(ALL_CATEGORIES),
                literal(""),
                t.c.bin,
                func.sum(t.c.n),
                func.min(t.c.low),
                func.max(t.c.high),
            )
            .where(t.c.level < FOUR_WEEKS)
            .group_by(*keys)
        )
        conn.execute(t.insert().from_select(_TOKEN_SELECT_ORDER, merged))

        app = func.coalesce(events.c.app, "unknown")
        conn.execute(rollup_apps.insert().from_select(["ts_hour", "app"], select(hour, app).group_by(hour, app)))

    def _roll_up(self, conn: Connection, level: int) -> None:
        """Build ``level``'s rows of rollup_report and rollup_tokens from those of the level below."""
        for table, sums in (
            (rollup_report, ("n", "prompt_tokens", "completion_tokens", "reasoning_tokens")),
            (rollup_tokens, ("n",)),
        ):
            finer = table.c.unit
            if level == DAY:
                unit = floor_div_sql(finer, 24)
            elif level == WEEK:
                unit = floor_div_sql(finer + 3, 7)  # Monday-based, as ts_week
            else:
                unit = floor_div_sql(finer, 4)
            keys = [c for c in table.primary_key.columns if c.name not in ("level", "unit")]
            values: list[Any] = [self.capped_sum(table.c[name]) for name in sums]
            if table is rollup_tokens:
                values += [func.min(table.c.low), func.max(table.c.high)]
            query = select(literal(level), unit, *keys, *values).where(table.c.level == level - 1).group_by(unit, *keys)
            if table is rollup_tokens:
                query = query.where(table.c.nulls.op("&")(ALL_CATEGORIES) == 0)
            names = [
                "level",
                "unit",
                *(c.name for c in keys),
                *sums,
                *(["low", "high"] if table is rollup_tokens else []),
            ]
            conn.execute(table.insert().from_select(names, query))

    def capped_sum(self, expression: ColumnElement[Any]) -> ColumnElement[Any]:
        """A sum (with :func:`sum_total`, so that it cannot overflow) capped at SUM_LIMIT, storable in a BIGINT."""
        limit = literal(SUM_LIMIT, BigInteger)
        if self.dialect == "sqlite":
            return func.min(sum_total(self.dialect, expression), limit)
        return func.least(sum_total(self.dialect, expression), limit)


def _group_value(value: Any) -> tuple[str, int]:
    """A group_by value as rollup_labels stores it: (text as group_label reports it, nulls bit)."""
    if value is None:
        return "", NULL_GROUP
    return group_label(value), 0


def _rollup_version(conn: Connection) -> str | None:
    return conn.execute(select(store_meta.c.value).where(store_meta.c.key == "rollup_version")).scalar()
