"""``/v1/report`` over a large event store: time and memory of the database aggregation, before and after.

``python -m bench.report_store --events 1000000`` fills a SQLite event store with synthetic events (90 days,
five categories, three models, four languages, log-normal token counts; reused when the file already holds
that many), then, each in a fresh process so that peak memory is its own, times the dashboard's payload
(``traffic.report.store_dashboard_payload``, what ``GET /v1/report`` runs) a few times and reports the
median wall time, the store's share of it (``EventStore.report_aggregates`` alone) and the growth of peak
resident memory over a warmed-up process. ``--before`` also runs
the former path (every event loaded into Python, then aggregated) for comparison; keep it to small stores.
``--http`` also times ``GET /v1/report`` itself, from a real ``promptprism serve`` (shipped model) on the
same store: the route adds JSON encoding and runs beside the loaded model.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

CATEGORIES = ["coding", "writing", "math", "health", "translation"]
MODELS = ["gpt-4o", "claude-sonnet", "llama-3-70b"]
LANGUAGES = ["en", "es", "zh", "de"]


def fill(path: Path, n: int, seed: int = 1) -> None:
    """Write ``n`` synthetic events (and their two labels each) into a fresh store at ``path``."""
    from traffic.store import EventStore
    from traffic.timeutil import time_buckets

    path.unlink(missing_ok=True)
    store = EventStore(f"sqlite:///{path}")
    store.create_schema()
    store.dispose()
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA synchronous=OFF")
        for chunk in range(0, n, 50_000):
            events, labels = [], []
            for i in range(chunk, min(n, chunk + 50_000)):
                ts = start + timedelta(seconds=rng.randrange(90 * 86400))
                prompt = int(math.exp(rng.gauss(5.5, 1.2)))
                completion = int(math.exp(rng.gauss(4.8, 1.0)))
                signals = {"prompt_tokens": prompt, "completion_tokens": completion, "language": rng.choice(LANGUAGES)}
                event_id = f"{i:032x}"
                events.append(
                    (
                        event_id,
                        ts.strftime("%Y-%m-%d %H:%M:%S.%f"),
                        *time_buckets(ts).values(),
                        "bench",
                        rng.choice(MODELS),
                        f"app-{rng.randrange(6)}",
                        None,
                        signals["language"],
                        rng.random() < 0.3,
                        rng.random() < 0.1,
                        rng.random() < 0.2,
                        1,
                        prompt,
                        completion,
                        0,
                        json.dumps(signals),
                        None,
                        None,  # cost
                        None,  # latency_ms
                        None,  # metadata
                    )
                )
                labels.append((event_id, "category", rng.choice(CATEGORIES), 0.9))
                labels.append((event_id, "reasoning_heavy", rng.choice(["yes", "no", "no"]), 0.8))
            conn.executemany(f"INSERT INTO events VALUES ({','.join('?' * 22)})", events)
            conn.executemany("INSERT INTO event_labels VALUES (?, ?, ?, ?)", labels)
            conn.commit()
    # The rows went in behind the store's back, as an older version's would have: build the rollups once.
    store = EventStore(f"sqlite:///{path}")
    started = time.perf_counter()
    store.rebuild_rollups()
    print(f"<!-- built the rollups of {n} events in {time.perf_counter() - started:.0f} s -->", flush=True)
    store.dispose()


def measure(path: Path, runs: int, before: bool) -> dict[str, float]:
    """In this process: warm up on an empty window, then time ``runs`` full-range payloads; peak RSS growth."""
    import resource

    from traffic.store import EventStore

    store = EventStore(f"sqlite:///{path}")
    if before:
        from traffic.logs import records_from_store_rows, to_row
        from traffic.report import dashboard_payload

        def payload(since=None, until=None):
            rows = store.event_rows(since, until)
            report_rows = (to_row(r, r.labels or {}, r.signals or {}) for r in records_from_store_rows(rows))
            return dashboard_payload(report_rows, "day", "requests", since, until)
    else:
        from traffic.report import store_dashboard_payload

        def payload(since=None, until=None):
            return store_dashboard_payload(store, "day", "requests", since, until)

    far = datetime(2000, 1, 1, tzinfo=UTC)
    payload(far, far + timedelta(days=1))  # imports, chart code and caches, on no events
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, store_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        result = payload()
        times.append(time.perf_counter() - started)
        if not before:  # the store's share alone: the rest (tables, Altair charts) does not grow with events
            started = time.perf_counter()
            store.report_aggregates("day")
            store_times.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store.dispose()
    return {
        "events": result["totals"]["requests"],
        "p50_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "baseline_mb": baseline,
        "growth_mb": peak - baseline,
        "store_p50_s": statistics.median(store_times) if store_times else None,
    }


def measure_http(path: Path, runs: int) -> dict[str, float]:
    """Start ``promptprism serve`` on the store at ``path``; time ``runs`` full-range ``GET /v1/report``.

    The first request warms the route up and is not counted; memory is the server's peak RSS growth over it.
    """
    import tempfile

    import httpx

    from bench.suite import _proc_status
    from promptprism.server import running_server

    settings: dict[str, str | None] = {"database_url": f"sqlite:///{path.resolve()}", "api_key": None}
    with (
        tempfile.TemporaryDirectory() as scratch,
        running_server(Path("models").resolve(), Path(scratch), settings) as server,
        httpx.Client(base_url=server.base, timeout=120) as client,
    ):
        client.get("/v1/report", params={"bucket": "day"}).raise_for_status()
        baseline = _proc_status(server.process.pid).get("VmHWM", 0) / 1024
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get("/v1/report", params={"bucket": "day"})
            times.append(time.perf_counter() - started)
            response.raise_for_status()
        peak = _proc_status(server.process.pid).get("VmHWM", 0) / 1024
        events = response.json()["totals"]["requests"]
    return {
        "events": events,
        "p50_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "growth_mb": peak - baseline,
        "store_p50_s": None,
    }


def main() -> None:
    """Fill (or reuse) the stores and print one markdown row per store size and path."""
    from traffic.store import EventStore

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("bench/results/stores"))
    parser.add_argument("--before", action="store_true", help="also time the former load-every-event path")
    parser.add_argument("--http", action="store_true", help="also time GET /v1/report from a real server")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--path", choices=["before", "after"], default="after", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs, args.path == "before")))
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    print("| events | path | p50 (s) | min–max (s) | of which the store, p50 (s) | peak RSS growth (MB) |")
    print("|---:|---|---:|---:|---:|---:|")
    for n in args.events:
        path = args.dir / f"events-{n}.db"
        if not path.exists() or _count(path) != n:
            started = time.perf_counter()
            fill(path, n)
            print(f"<!-- filled {n} events in {time.perf_counter() - started:.0f} s -->", flush=True)
        store = EventStore(f"sqlite:///{path}")
        store.create_schema()  # backfills the rollups of a store filled by an older version of this script
        store.dispose()
        for which in (["before"] if args.before else []) + ["after"]:
            command = [sys.executable, "-m", "bench.report_store", "--measure", str(path), "--runs", str(args.runs)]
            out = subprocess.run([*command, "--path", which], capture_output=True, text=True, check=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            label = "every event in Python (before)" if which == "before" else "rollups (now)"
            _print_row(r, label)
        if args.http:
            _print_row(measure_http(path, args.runs), "rollups, `GET /v1/report` over HTTP")


def _print_row(r: dict[str, float], label: str) -> None:
    print(
        f"| {r['events']:,} | {label} | {r['p50_s']:.2f} | {r['min_s']:.2f}–{r['max_s']:.2f} "
        f"| {'–' if r['store_p50_s'] is None else format(r['store_p50_s'], '.2f')} | {r['growth_mb']:.0f} |",
        flush=True,
    )


def _count(path: Path) -> int:
    try:
        with sqlite3.connect(path) as conn:
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return -1


if __name__ == "__main__":
    main()
