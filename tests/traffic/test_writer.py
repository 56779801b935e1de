"""The event writer's contract on a real SQLite store: committed before acknowledged, poison rows isolated."""

import asyncio
import sqlite3
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifier.errors import StoreUnavailableError
from traffic.store import EventRecord, EventStore
from traffic.writer import EventWriter


def event(**overrides) -> EventRecord:
    signals = {"prompt_tokens": 10, "completion_tokens": 5, "reasoning_tokens": 0, "turns": 1, "language": "en"}
    signals.update(overrides.pop("signals", {}))
    fields = {
        "id": uuid.uuid4().hex,
        "ts": datetime(2026, 3, 2, 12, tzinfo=UTC),
        "model_version": "v1",
        "labels": {"category": ("coding", 0.9)},
        "signals": signals,
        "app": "web",
    }
    fields.update(overrides)
    return EventRecord(**fields)


@pytest.fixture
def store(tmp_path: Path):
    store = EventStore(f"sqlite:///{tmp_path / 'events.db'}")
    store.create_schema()
    yield store
    store.dispose()


def run_writer(store: EventStore, groups: list[list[EventRecord]], **options) -> list[BaseException | None]:
    """Record each group from its own concurrent caller; return each caller's outcome."""
    counts = {"committed": 0, "dead": 0, "unavailable": 0}
    options.setdefault("on_committed", lambda n: counts.__setitem__("committed", counts["committed"] + n))
    options.setdefault("on_dead_letter", lambda n: counts.__setitem__("dead", counts["dead"] + n))
    options.setdefault("on_unavailable", lambda n: counts.__setitem__("unavailable", counts["unavailable"] + n))

    async def main() -> list[BaseException | None]:
        writer = EventWriter(store, **options)
        writer.start()
        try:
            outcomes = await asyncio.gather(*(writer.record(g) for g in groups), return_exceptions=True)
        finally:
            await writer.stop()
        return list(outcomes)

    outcomes = asyncio.run(main())
    run_writer.counts = counts  # type: ignore[attr-defined]
    return outcomes


def test_a_poison_row_goes_to_the_dead_letter_table_and_every_other_row_is_stored(store):
    good = [event() for _ in range(318)]
    too_big = event(signals={"prompt_tokens": 2**63})  # caught before the database sees it
    not_null = event(labels={"category": ("coding", float("nan"))})  # SQLite stores NaN as NULL: NOT NULL fails
    records = [*good[:100], too_big, *good[100:200], not_null, *good[200:]]
    outcomes = run_writer(store, [records[i : i + 40] for i in range(0, len(records), 40)])
    assert outcomes == [None] * 8  # every caller is answered: its events are stored or kept as dead letters
    assert store.count() == 318
    assert store.existing_ids([r.id for r in good]) == {r.id for r in good}
    assert store.dead_letter_count() == 2
    assert run_writer.counts == {"committed": 318, "dead": 2, "unavailable": 0}
    with store.engine.connect() as conn:
        reasons = dict(conn.exec_driver_sql("SELECT event_id, reason FROM dead_letters").fetchall())
    assert "signals.prompt_tokens" in reasons[too_big.id]
    assert "IntegrityError" in reasons[not_null.id]


def test_unstorable_metadata_is_kept_as_ascii_in_the_dead_letter_table(store):
    bad = event(app="web\x00", user="\ud800x", model="m" * 300)
    assert run_writer(store, [[bad, event()]]) == [None]
    assert store.count() == 1
    with store.engine.connect() as conn:
        [(payload,)] = conn.exec_driver_sql("SELECT payload FROM dead_letters").fetchall()
    assert payload.isascii() and "\\u0000" in payload and "\\ud800" in payload


def hold_write_lock(path: Path, seconds: float, locked: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("BEGIN EXCLUSIVE")
    locked.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


@pytest.mark.slow
def test_a_store_locked_for_8_seconds_loses_nothing(store, tmp_path):
    locked = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(tmp_path / "events.db", 8, locked))
    holder.start()
    locked.wait(5)
    groups = [[event() for _ in range(10)] for _ in range(20)]
    started = time.monotonic()
    outcomes = run_writer(store, groups, commit_timeout_s=15)
    holder.join()
    assert outcomes == [None] * 20
    assert time.monotonic() - started >= 7  # they waited for the lock: nothing was acknowledged before the commit
    assert store.count() == 200


def test_a_store_locked_past_the_timeout_refuses_and_acknowledges_nothing(store, tmp_path):
    locked = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(tmp_path / "events.db", 3, locked))
    holder.start()
    locked.wait(5)
    store = EventStore(store.url, busy_timeout_s=0.2)  # so that the 1 s deadline is what stops it
    outcomes = run_writer(store, [[event()], [event(), event()]], commit_timeout_s=1)
    holder.join()
    assert all(isinstance(o, StoreUnavailableError) and o.retry_after > 0 for o in outcomes)
    assert run_writer.counts["unavailable"] == 3
    assert store.count() == 0  # refused, so not acknowledged: nothing lost


def test_add_without_waiting_still_writes_on_stop(store):
    async def main() -> None:
        writer = EventWriter(store)
        writer.start()
        writer.add([event(), event()])
        await writer.stop()

    asyncio.run(main())
    assert store.count() == 2
