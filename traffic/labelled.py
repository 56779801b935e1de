"""Report on already-labelled logs out of core: DuckDB aggregates ``classify`` output files of any size.

``promptprism classify --output`` writes one record per call with its labels,
signals and the call's timestamp, model and app. Reporting on such files needs no
model, and it need not load them either: DuckDB scans the JSONL (plain, gzip or
zstd) or Parquet files in a streaming, multi-threaded pass and computes the very
:class:`traffic.analysis.Aggregates` that pandas computes for small inputs, so
the report is the same. Memory is bounded by DuckDB's ``memory_limit`` (it spills
to disk beyond it), not by the input's size.
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from classifier.taxonomy import abstain_label
from traffic.analysis import Aggregates
from traffic.timeutil import check_bucket

log = logging.getLogger(__name__)

PARQUET_MAGIC = b"PAR1"
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


@dataclass
class LabelledSummary:
    """What a labelled report read: calls used, and records left out and why."""

    used: int = 0
    errors: int = 0
    no_timestamp: int = 0
    outside_window: int = 0
    notes: list[str] = field(default_factory=list)


def _compression(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(4)
    return "gzip" if head.startswith(GZIP_MAGIC) else "zstd" if head.startswith(ZSTD_MAGIC) else None


def _first_record(path: Path) -> dict[str, Any] | None:
    compression = _compression(path)
    opener: Any
    if compression == "gzip":
        opener = gzip.open(path, "rt", encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the with below
    elif compression == "zstd":
        import io

        import zstandard

        opener = io.TextIOWrapper(
            zstandard.ZstdDecompressor().stream_reader(path.open("rb"), read_across_frames=True),
            encoding="utf-8",
            errors="replace",
        )
    else:
        opener = path.open(encoding="utf-8", errors="replace")
    with opener as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return None
                return record if isinstance(record, dict) else None
    return None


def is_labelled(argument: str) -> bool:
    """Whether ``argument`` is a file written by ``promptprism classify --output`` (JSONL or Parquet)."""
    path = Path(argument)
    if "://" in argument or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
        if head == PARQUET_MAGIC:
            import pyarrow.parquet as pq

            names = set(pq.ParquetFile(path).schema_arrow.names)
            return {"labels", "signals", "index"} <= names
        if head[:1] == b"S":  # an SQLite event store
            return False
        record = _first_record(path)
    except (OSError, EOFError, ValueError):
        return False
    return (
        record is not None and "index" in record and (("labels" in record and "signals" in record) or "error" in record)
    )


_JSON_COLUMNS = (
    "{timestamp: 'VARCHAR', model: 'VARCHAR', app: 'VARCHAR', "
    "labels: 'STRUCT(category STRUCT(label VARCHAR), reasoning_heavy STRUCT(label VARCHAR))', "
    "signals: 'STRUCT(tools_offered BOOLEAN, tool_call BOOLEAN, turns BIGINT, prompt_tokens BIGINT, "
    "completion_tokens BIGINT, reasoning_tokens BIGINT, has_code BOOLEAN, language VARCHAR)', "
    "error: 'STRUCT(message VARCHAR)'}"
)


def _source_sql(paths: Sequence[Path]) -> str:
    parquet = [p for p in paths if p.open("rb").read(4) == PARQUET_MAGIC]
    jsonl = [p for p in paths if p not in parquet]
    parts = []
    if parquet:
        files = ", ".join(_quote(str(p)) for p in parquet)
        parts.append(
            "SELECT timestamp, model, app, labels.category.label AS category, "
            "labels.reasoning_heavy.label AS reasoning_heavy, signals, error IS NOT NULL AS failed "
            f"FROM read_parquet([{files}], union_by_name = true)"
        )
    for path in jsonl:
        compression = _compression(path) or "none"
        parts.append(
            "SELECT timestamp, model, app, labels.category.label AS category, "
            "labels.reasoning_heavy.label AS reasoning_heavy, signals, error IS NOT NULL AS failed "
            f"FROM read_json({_quote(str(path))}, format = 'newline_delimited', columns = {_JSON_COLUMNS}, "
            f"compression = '{compression}', maximum_object_size = 67108864)"
        )
    return " UNION ALL ".join(parts)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bucket_sql(bucket: str) -> str:
    return {"hour": "date_trunc('hour', ts)", "day": "date_trunc('day', ts)", "week": "date_trunc('week', ts)"}[bucket]


def labelled_aggregates(
    arguments: Sequence[str],
    bucket: str = "week",
    since: datetime | None = None,
    until: datetime | None = None,
    memory_limit: str = "1GB",
    threads: int | None = None,
) -> tuple[Aggregates, LabelledSummary]:
    """The report's :class:`Aggregates` of labelled files, computed by DuckDB without loading them.

    Error records and records without a usable timestamp are counted and left out,
    as the pandas path leaves them out. ``since``/``until`` bound the calls (UTC).
    """
    import duckdb

    check_bucket(bucket)
    paths = [Path(a) for a in arguments]
    spill = tempfile.mkdtemp(prefix="promptprism-duckdb-")
    # A temporary database file, not an in-memory one: the calls table is then backed by disk, so DuckDB can
    # evict its blocks to keep to memory_limit however many calls the files hold.
    con = duckdb.connect(
        str(Path(spill) / "report.duckdb"),
        config={"memory_limit": memory_limit, "temp_directory": spill, "preserve_insertion_order": False},
    )
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    other = abstain_label("category")
    # classify writes timestamps in UTC (ISO 8601 with Z), so a plain TIMESTAMP holds them without the ICU
    # extension. TRY_CAST: a timestamp classify passed through unparsed is left out and counted, not fatal.
    con.execute(
        f"""
        CREATE TEMP VIEW raw AS
        SELECT TRY_CAST(timestamp AS TIMESTAMP) AS ts, failed,
               coalesce(nullif(trim(model), ''), 'unknown') AS model,
               coalesce(nullif(trim(app), ''), 'unknown') AS app,
               coalesce(category, {_quote(other)}) AS category, reasoning_heavy,
               coalesce(signals.tools_offered, false) AS tools_offered,
               coalesce(signals.tool_call, false) AS tool_call,
               coalesce(signals.turns, 0) AS turns,
               coalesce(signals.prompt_tokens, 0) AS prompt_tokens,
               coalesce(signals.completion_tokens, 0) AS completion_tokens,
               coalesce(signals.reasoning_tokens, 0) AS reasoning_tokens,
               coalesce(signals.has_code, false) AS has_code,
               coalesce(signals.language, 'und') AS language
        FROM ({_source_sql(paths)})
        """
    )
    window = []
    if since is not None:
        window.append(f"ts >= TIMESTAMP '{since.astimezone(UTC).replace(tzinfo=None).isoformat()}'")
    if until is not None:
        window.append(f"ts < TIMESTAMP '{until.astimezone(UTC).replace(tzinfo=None).isoformat()}'")
    in_window = " AND ".join(window) or "true"
    # One pass over the files: the calls are kept (columnar, compressed, spilling if need be) for the grouped queries.
    con.execute(
        f"""
        CREATE TABLE calls AS
        SELECT *, prompt_tokens + completion_tokens AS tokens, {_bucket_sql(bucket)} AS bucket
        FROM raw WHERE NOT failed AND ts IS NOT NULL AND {in_window}
        """
    )
    summary = LabelledSummary()
    counts = con.execute(
        f"""
        SELECT count(*) FILTER (WHERE failed), count(*) FILTER (WHERE NOT failed AND ts IS NULL),
               count(*) FILTER (WHERE NOT failed AND ts IS NOT NULL AND NOT ({in_window}))
        FROM raw
        """
        if window
        else "SELECT count(*) FILTER (WHERE failed), count(*) FILTER (WHERE NOT failed AND ts IS NULL), 0 FROM raw"
    ).fetchone()
    assert counts is not None
    summary.errors, summary.no_timestamp, summary.outside_window = (int(c) for c in counts)

    def frame(sql: str) -> pd.DataFrame:
        return con.execute(sql).df()

    b = bucket
    # The same grouped counts the pandas path (row_aggregates) and the event store (store_aggregates) give.
    cube = frame(
        f"""
        SELECT bucket AS {b}, category, reasoning_heavy, tools_offered, tool_call, count(*) AS requests,
               sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
               sum(reasoning_tokens) AS reasoning_tokens
        FROM calls GROUP BY ALL
        """
    )
    model_category = frame(
        "SELECT model, category, count(*) AS requests, sum(tokens) AS tokens FROM calls GROUP BY ALL"
    )
    languages = frame("SELECT language, count(*) AS requests, sum(tokens) AS tokens FROM calls GROUP BY ALL")
    medians = (
        "median(prompt_tokens)::DOUBLE AS prompt_tokens_median, "
        "median(completion_tokens)::DOUBLE AS completion_tokens_median"
    )
    bucket_medians = frame(f"SELECT bucket AS {b}, {medians} FROM calls GROUP BY ALL")
    category_medians = frame(f"SELECT category, {medians} FROM calls GROUP BY ALL")
    total = con.execute(
        """
        SELECT count(*), count(DISTINCT app), coalesce(median(prompt_tokens)::DOUBLE, 0),
               coalesce(median(completion_tokens)::DOUBLE, 0), min(ts), max(ts)
        FROM calls
        """
    ).fetchone()
    con.close()
    shutil.rmtree(spill, ignore_errors=True)
    assert total is not None
    summary.used = int(total[0])
    for table in (cube, bucket_medians):
        table[b] = (
            pd.to_datetime(table[b]).dt.tz_localize(UTC) if len(table) else pd.Series(dtype="datetime64[ns, UTC]")
        )
    for table in (cube, model_category, languages):
        for column in ("requests", "tokens", "prompt_tokens", "completion_tokens", "reasoning_tokens"):
            if column in table:
                table[column] = table[column].fillna(0).astype("int64")
    cube["reasoning_heavy"] = cube["reasoning_heavy"].astype(object).where(cube["reasoning_heavy"].notna(), None)
    aggregates = Aggregates(
        cube=cube,
        model_category=model_category,
        languages=languages,
        bucket_medians=bucket_medians.set_index(b),
        category_medians=category_medians.set_index("category"),
        prompt_tokens_median=float(total[2]),
        completion_tokens_median=float(total[3]),
        apps=int(total[1]),
        start=total[4].replace(tzinfo=UTC) if total[4] is not None else None,
        end=total[5].replace(tzinfo=UTC) if total[5] is not None else None,
    )
    return aggregates, summary
