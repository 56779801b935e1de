"""The cost of waiting for the commit: events per second and latency of recording, by how it is done.

``python -m bench.recording`` records synthetic events into a fresh SQLite store (WAL, synchronous=FULL),
from ``--callers`` concurrent callers, three ways: fire and forget (the former behaviour: ``add``, written
later, nothing waits), waiting for a group commit (``EventWriter.record``, what a recorded classify does
now), and one commit per event (what waiting would cost without grouping). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from traffic.store import EventRecord, EventStore
from traffic.writer import EventWriter


def _event(i: int) -> EventRecord:

    signals = {"prompt_tokens": 100 + i % 50, "completion_tokens": 20, "reasoning_tokens": 0, "turns": 1}
    return EventRecord(
        uuid.uuid4().hex, datetime.now(UTC), "bench", {"category": ("coding", 0.9)}, signals, app="bench"
    )


async def _run(store: EventStore, mode: str, events: int, callers: int) -> tuple[float, float]:
    writer = EventWriter(store)
    writer.start()
    latencies: list[float] = []
    queue = iter(range(events))

    async def caller() -> None:
        for i in queue:
            started = time.perf_counter()
            if mode == "fire and forget (before)":
                writer.add([_event(i)])
            elif mode == "wait, group commit (now)":
                await writer.record([_event(i)])
            else:
                await asyncio.to_thread(store.record, [_event(i)])
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0)

    started = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(callers)))
    await writer.stop()  # fire and forget: the events are only durable once this flush is done
    elapsed = time.perf_counter() - started
    return events / elapsed, statistics.median(latencies) * 1000


def main() -> None:
    """Print events/s and median latency per way of recording."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--callers", type=int, default=64)
    args = parser.parse_args()
    print("| recording | events/s | median wait per call (ms) |")
    print("|---|---:|---:|")
    modes = ["fire and forget (before)", "wait, group commit (now)", "wait, one commit per event"]
    with tempfile.TemporaryDirectory() as tmp:
        for n, mode in enumerate(modes):
            store = EventStore(f"sqlite:///{Path(tmp) / f'events-{n}.db'}")
            store.create_schema()
            rate, latency = asyncio.run(_run(store, mode, args.events, args.callers))
            store.dispose()
            print(f"| {mode} | {rate:,.0f} | {latency:.2f} |", flush=True)


if __name__ == "__main__":
    main()
