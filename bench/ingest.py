"""Asynchronous ingestion figures: how fast POST /v1/events acknowledges, and how fast the worker records.

    .venv/bin/python -m bench.ingest --events 2000 --batch 200

Starts ``promptprism serve`` (the active model of ``--models-dir``) with a fresh event store, posts the
benchmark mix (bench/inputs.py) as events with ids in requests of ``--batch`` events, and reports the
202 latency per request (fsync'd spool writes), the acceptance rate, and the time until every event is
classified and recorded (the worker's throughput, which is the model's). For a baseline measured under
the same load, it then classifies the same items through ``POST /v1/classify/batch`` (32 per request).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench.inputs import make_items
from classifier.artifacts import DEFAULT_MODELS_DIR
from promptprism.server import running_server
from traffic.store import EventStore


def main() -> None:
    """Run the ingestion benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS_DIR)
    args = parser.parse_args()
    items = make_items(args.events)
    events = [{**item.body, "id": f"bench-{i:06d}"} for i, item in enumerate(items)]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        with running_server(args.models_dir, workdir, {"embedding_cache_size": "0"}, name="ingest") as server:
            store = EventStore(f"sqlite:///{workdir / f'events-ingest-{server.port}.db'}")
            latencies = []
            started = time.perf_counter()
            with httpx.Client(base_url=server.base, timeout=60) as http:
                for start in range(0, len(events), args.batch):
                    sent = time.perf_counter()
                    answer = http.post("/v1/events", json=events[start : start + args.batch])
                    latencies.append((time.perf_counter() - sent) * 1000)
                    answer.raise_for_status()
            accepted = time.perf_counter() - started
            while store.count() < len(events):
                time.sleep(0.05)
            recorded = time.perf_counter() - started
            store.dispose()
            baseline_started = time.perf_counter()
            with httpx.Client(base_url=server.base, timeout=120) as http:
                bodies = [{**item.body, "record": False} for item in items]
                for start in range(0, len(bodies), 32):
                    http.post("/v1/classify/batch", json={"items": bodies[start : start + 32]}).raise_for_status()
            baseline = time.perf_counter() - baseline_started
    latencies.sort()
    print(f"events: {len(events)} in requests of {args.batch}")
    print(
        f"202 latency per request: p50 {statistics.median(latencies):.1f} ms, "
        f"max {latencies[-1]:.1f} ms ({len(latencies)} requests)"
    )
    print(f"accepted: {len(events) / accepted:,.0f} events/s; recorded: {len(events) / recorded:,.0f} events/s")
    print(f"baseline, the same items through /v1/classify/batch: {len(events) / baseline:,.0f} items/s")


if __name__ == "__main__":
    main()
