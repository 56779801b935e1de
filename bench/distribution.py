"""``GET /v1/distribution`` over large event stores, on SQLite and PostgreSQL: the rollups against every event.

``python -m bench.distribution --events 1000000 10000000`` fills a SQLite store per size with the synthetic events
of :mod:`bench.report_store` (90 days, 5 categories, 3 models) and builds its rollups once; with ``--postgres URL``
it copies each store into that PostgreSQL database (COPY, then one backfill). ``--replicate`` makes the
larger stores from copies of the smallest one's events (see :func:`replicate`). It then times what the route runs,
``EventStore.label_rows("category", since, until, bucket="day", group_by="model")`` over the 90 days, a few times
in a fresh process, and once the former query over every event (``raw_label_rows``; ``--no-raw`` skips it).
Prints one markdown row per store and path. Stores live under ``bench/results/`` (git-ignored); ``--delete``
removes them afterwards.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2026, 1, 1, tzinfo=UTC)
COLUMNS = (
    'id, ts, ts_hour, ts_day, ts_week, model_version, model, app, "user", language, tools_offered, tool_call, '
    "has_code, turns, prompt_tokens, completion_tokens, reasoning_tokens, signals, raw_text, cost, latency_ms, metadata"
)


def replicate(source: Path, target: Path, copies: int) -> None:
    """A store of ``copies`` times the events of ``source``: each copy with new ids, the same times and values.

    Far quicker than generating 10M events in Python on a small machine. For the distribution query the copies
    cost what distinct events would: the raw path scans every row, and the rollup rows it reads are bounded by
    hours x labels x models, all of which 1M events over 90 days already fill. The label rollups are the
    source's with counts and token sums multiplied by ``copies``, exact for copies (the run checks them against
    the raw query); rebuilding them took longer than the time this bench had on a 2-core machine. The store's
    rollup version is then marked so that ``create_schema`` rebuilds every rollup before any other use.
    """
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as conn:
        src.backup(conn)  # the WAL included, unlike a file copy
        conn.execute("PRAGMA synchronous=OFF")
        others = COLUMNS.split(", ", 1)[1]
        for k in range(1, copies):
            conn.execute(
                f"INSERT INTO events (id, {others}) SELECT id || '-{k}', {others} FROM events WHERE instr(id, '-') = 0"
            )
            conn.execute(
                f"INSERT INTO event_labels SELECT event_id || '-{k}', dimension, label, probability FROM event_labels "
                "WHERE instr(event_id, '-') = 0"
            )
        conn.execute(f"UPDATE rollup_labels SET n = n * {copies}, tokens = tokens * {copies}")
        conn.execute("UPDATE store_meta SET value = 'scaled-labels-only' WHERE key = 'rollup_version'")
        conn.commit()


def copy_to_postgres(sqlite_path: Path, url: str, copies: int = 1) -> float:
    """Replace the PostgreSQL store at ``url`` with ``copies`` times the events of ``sqlite_path`` (COPY, one
    backfill, then copies with new ids and multiplied label rollups as :func:`replicate` makes); returns the
    seconds the backfill took."""
    import psycopg

    from traffic.store import EventStore, metadata

    store = EventStore(url)
    metadata.drop_all(store.engine)
    store.create_schema()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY events ({COLUMNS}) FROM STDIN") as copy:
            for row in source.execute(f"SELECT {COLUMNS} FROM events"):
                row = list(row)
                row[10:13] = [bool(v) for v in row[10:13]]
                copy.write_row(row)
        with cur.copy("COPY event_labels FROM STDIN") as copy:
            for row in source.execute("SELECT event_id, dimension, label, probability FROM event_labels"):
                copy.write_row(row)
        others = COLUMNS.split(", ", 1)[1]
        conn.commit()
        started = time.perf_counter()
        store.rebuild_rollups()
        seconds = time.perf_counter() - started
        for k in range(1, copies):  # as replicate() does: copies of the events, the label rollups multiplied
            cur.execute(
                f"INSERT INTO events (id, {others}) SELECT id || '-{k}', {others} FROM events WHERE strpos(id, '-') = 0"
            )
            cur.execute(
                f"INSERT INTO event_labels SELECT event_id || '-{k}', dimension, label, probability FROM event_labels "
                "WHERE strpos(event_id, '-') = 0"
            )
        if copies > 1:
            cur.execute(f"UPDATE rollup_labels SET n = n * {copies}, tokens = tokens * {copies}")
            cur.execute("UPDATE store_meta SET value = 'scaled-labels-only' WHERE key = 'rollup_version'")
        conn.commit()
        cur.execute("ANALYZE")
    source.close()
    store.dispose()
    return seconds


def measure(url: str, runs: int, raw: bool) -> dict[str, float]:
    """In this process: one warm-up, then ``runs`` timed calls of the route's query; one raw call if asked."""
    from traffic.store import EventStore

    store = EventStore(url)
    since, until = START, START + timedelta(days=90)

    def query() -> list:
        return store.label_rows("category", since, until, "day", "model")

    query()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        rows = query()
        times.append(time.perf_counter() - started)
    result = {"p50_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}
    result["events"] = sum(row.count for row in rows)
    if raw:
        started = time.perf_counter()
        reference = store.raw_label_rows("category", since, until, "day", "model")
        result["raw_s"] = time.perf_counter() - started
        key = sorted((r.bucket, r.group, r.label, r.count, r.tokens) for r in rows)
        result["equal"] = key == sorted((r.bucket, r.group, r.label, r.count, r.tokens) for r in reference)
    store.dispose()
    return result


def main() -> None:
    """Fill (or reuse) the stores, time the distribution query on each, print a markdown table."""
    from bench.report_store import _count, fill

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path("bench/results/stores"))
    parser.add_argument("--postgres", help="also on this PostgreSQL database (emptied first)")
    parser.add_argument("--no-raw", action="store_true", help="skip the query over every event")
    parser.add_argument(
        "--replicate", action="store_true", help="make larger stores by copying the smallest one's events (new ids)"
    )
    parser.add_argument("--delete", action="store_true", help="delete the SQLite stores afterwards")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs, not args.no_raw)))
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    print("| events | database | rollups p50 (s) | min–max (s) | every event, once (s) | equal |")
    print("|---:|---|---:|---:|---:|---|")
    for n in args.events:
        path = args.dir / f"events-{n}.db"
        smallest = args.dir / f"events-{min(args.events)}.db"
        if not path.exists() or _count(path) != n:
            started = time.perf_counter()
            if args.replicate and n > min(args.events) and n % min(args.events) == 0:
                replicate(smallest, path, n // min(args.events))
                how = f"replicated {smallest.name} x{n // min(args.events)}"
            else:
                fill(path, n)
                how = "filled"
            print(f"<!-- {how}: {n} events and their rollups in {time.perf_counter() - started:.0f} s -->", flush=True)
        targets = [("SQLite", f"sqlite:///{path}")]
        if args.postgres:
            started = time.perf_counter()
            if args.replicate and n % min(args.events) == 0:
                backfill = copy_to_postgres(smallest, args.postgres, n // min(args.events))
            else:
                backfill = copy_to_postgres(path, args.postgres)
            print(
                f"<!-- copied {n} events to PostgreSQL in {time.perf_counter() - started:.0f} s, "
                f"rollups built in {backfill:.0f} s -->",
                flush=True,
            )
            targets.append(("PostgreSQL", args.postgres))
        for name, url in targets:
            command = [sys.executable, "-m", "bench.distribution", "--measure", url, "--runs", str(args.runs)]
            out = subprocess.run(
                [*command, *(["--no-raw"] if args.no_raw else [])], capture_output=True, text=True, check=True
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            raw = f"{r['raw_s']:.2f}" if "raw_s" in r else "–"
            print(
                f"| {n:,} | {name} | {r['p50_s']:.3f} | {r['min_s']:.3f}–{r['max_s']:.3f} | {raw} "
                f"| {r.get('equal', '–')} |",
                flush=True,
            )
        if args.delete:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
