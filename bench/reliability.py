"""Fault injection against the real service: events acknowledged and events lost (which must be 0).

``python -m bench.reliability`` starts ``promptprism serve`` (the shipped model unless ``--models-dir``
names another), injects each fault below while clients classify, and prints one markdown row per fault
or input: requests sent, acknowledged (2xx), refused (4xx, 429, 503, or no answer because the process died),
events stored, and acknowledged events missing from the store. The checks the table reports are also tests
(``tests/api/test_recording.py``, ``tests/traffic/test_writer.py``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from promptprism.server import running_server
from traffic.store import EventStore

TEXT = "translate sentence {i} into german"


def burst(
    base: str,
    n: int,
    threads: int,
    body: Callable[[int], Any] | None = None,
    answers: list[tuple[int, str]] | None = None,
) -> list[tuple[int, str]]:
    """POST ``n`` recorded classifications from ``threads`` clients: (status, event id) per answer, 0 if none.

    Answers are appended to ``answers`` as they come (so that another thread can watch them).
    """
    answers = [] if answers is None else answers
    lock = threading.Lock()
    counter = iter(range(n))
    make = body or (lambda i: {"text": TEXT.format(i=i)})

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            for i in counter:
                try:
                    response = http.post(
                        "/v1/classify", content=json.dumps(make(i)), headers={"Content-Type": "application/json"}
                    )
                    answer = (response.status_code, response.json().get("id", "") if response.is_success else "")
                except httpx.HTTPError:  # the server died mid-request: not acknowledged
                    answer = (0, "")
                with lock:
                    answers.append(answer)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return answers


def hold_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    """Hold SQLite's write lock on ``path`` from another connection for ``seconds``."""
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("BEGIN EXCLUSIVE")
    ready.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


def stored(database: Path, ids: set[str]) -> tuple[int, int]:
    """(events in the store, acknowledged ids missing from it)."""
    store = EventStore(f"sqlite:///{database}")
    try:
        return store.count(), len(ids - store.existing_ids(sorted(ids)))
    finally:
        store.dispose()


def row(name: str, answers: list[tuple[int, str]], database: Path, note: str = "") -> str:
    ids = {event_id for status, event_id in answers if 200 <= status < 300}
    count, lost = stored(database, ids)
    refused = len(answers) - len(ids)
    return f"| {name} | {len(answers)} | {len(ids)} | {refused} | {count} | {lost} | {note} |"


def main() -> None:
    """Run every fault and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models-dir", type=Path, default=None)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    from classifier.artifacts import DEFAULT_MODELS_DIR

    models = args.models_dir or DEFAULT_MODELS_DIR
    print(
        "| fault or input | requests | acknowledged | refused / no answer | events stored | acknowledged lost | note |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        # 1. kill -9 in the middle of a burst, then a restart on the same store.
        database = work / "kill.db"
        settings = {"database_path": str(database)}
        answers: list[tuple[int, str]] = []
        with running_server(models, work, settings, name="kill") as server:

            def kill_after(k: int) -> None:
                while sum(1 for s, _ in answers if s == 200) < k and server.process.poll() is None:
                    time.sleep(0.002)
                server.process.kill()

            killer = threading.Thread(target=kill_after, args=(args.requests // 2,))
            killer.start()
            burst(server.base, args.requests, 16, answers=answers)
            killer.join()
        with running_server(models, work, settings, name="restarted") as server:
            restarted = httpx.get(f"{server.base}/healthz").status_code
        print(row("kill -9 mid-burst (16 clients), then restart", answers, database, f"restart: {restarted}"))

        # 2. The store locked by another connection for 8 s during a burst (default 10 s commit timeout).
        database = work / "lock.db"
        with running_server(models, work, {"database_path": str(database)}, name="lock") as server:
            ready = threading.Event()
            holder = threading.Thread(target=hold_lock, args=(database, 8, ready))
            holder.start()
            ready.wait(10)
            answers = burst(server.base, 200, 16)
            holder.join()
        print(row("SQLite store locked 8 s by another connection", answers, database, "all wait, then commit"))

        # 3. Locked past the commit timeout: 503 with Retry-After, nothing acknowledged, nothing lost.
        database = work / "timeout.db"
        with running_server(
            models, work, {"database_path": str(database), "record_timeout_s": "1"}, name="timeout"
        ) as server:
            ready = threading.Event()
            holder = threading.Thread(target=hold_lock, args=(database, 6, ready))
            holder.start()
            ready.wait(10)
            answers = burst(server.base, 40, 8)
            holder.join()
        statuses = sorted({s for s, _ in answers})
        print(row("store locked 6 s, record_timeout_s=1", answers, database, f"statuses {statuses}"))

        # 4. Unstorable metadata at the edge, one bad item per batch of ten.
        database = work / "edge.db"
        bad_items = [
            {"text": "hi", "prompt_tokens": 2**63},
            {"text": "hi", "completion_tokens": 2**31},
            {"text": "hi", "app": "a" * 257},
            {"text": "hi", "user": "u\x00"},
            {"text": "hi", "model": "m\ud800"},
            {"text": "hi", "app": "\udfff"},
            {"request": {"model": "x" * 300, "messages": [{"role": "user", "content": "hi"}]}},
            {
                "request": {"messages": [{"role": "user", "content": "hi"}]},
                "response": {"choices": [], "usage": {"prompt_tokens": 2**63}},
            },
        ]
        with running_server(models, work, {"database_path": str(database)}, name="edge") as server:
            answers = burst(server.base, len(bad_items), 1, lambda i: bad_items[i])
            statuses = sorted({s for s, _ in answers})
            print(row(f"{len(bad_items)} unstorable metadata values, alone", answers, database, f"statuses {statuses}"))
            batch_answers = []
            with httpx.Client(base_url=server.base, timeout=60) as http:
                for i, bad in enumerate(bad_items):
                    items = [{"text": TEXT.format(i=f"{i}-{k}")} for k in range(9)] + [bad]
                    response = http.post(
                        "/v1/classify/batch",
                        content=json.dumps({"items": items}),
                        headers={"Content-Type": "application/json"},
                    )
                    for result in response.json()["results"]:
                        batch_answers.append((200, result["id"]) if "id" in result else (422, ""))
        print(row("the same, one per batch of 10", batch_answers, database, "the other 9 of each batch stored"))


if __name__ == "__main__":
    main()
