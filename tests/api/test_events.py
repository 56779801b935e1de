"""POST /v1/events: durable queueing, background recording, dedup by id, sampling, 429 and metrics."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, select

from api.ingest import sampled_in
from traffic.store import EventStore, events

LONG_ID = "litellm-" + "x" * 120  # 128 characters, as LiteLLM call ids and prefixed UUIDs can be


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def test_events_are_queued_then_recorded_once_per_id(client):
    service = client.app.state.service
    one = {
        "id": LONG_ID,
        "request": {"model": "gpt-4o", "messages": [{"role": "user", "content": "translate 'hello' into french"}]},
        "response": {"choices": [{"message": {"role": "assistant", "content": "bonjour"}}]},
        "app": "web",
        "user": "u1",
        "cost": 0.0012,
        "latency_ms": 250.0,
        "metadata": {"team": "growth"},
        "prompt_tokens": 12,
        "completion_tokens": 3,
    }
    answer = client.post("/v1/events", json=one)
    assert answer.status_code == 202, answer.text
    assert answer.json() == {"queued": 1, "sampled_out": 0, "ids": [LONG_ID], "errors": []}
    # The same id again (a retry), in a list with two new events without ids.
    many = [one, {"text": "solve 2x + 3 = 7"}, {"prompt": "write a haiku", "completion": "autumn wind..."}]
    answer = client.post("/v1/events", json=many)
    assert answer.status_code == 202 and answer.json()["queued"] == 3
    generated = answer.json()["ids"][1:]
    wait_for(lambda: service.spool.depth == 0 and service.store.count() == 3)
    with service.store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(events))}
    assert set(rows) == {LONG_ID, *generated}
    row = rows[LONG_ID]
    assert (row.model, row.app, row.user, row.cost, row.latency_ms) == ("gpt-4o", "web", "u1", 0.0012, 250.0)
    assert row.metadata == {"team": "growth"} and (row.prompt_tokens, row.completion_tokens) == (12, 3)
    assert row.raw_text is None  # text storage is off by default
    metrics = client.get("/metrics").text
    assert "promptprism_ingest_queue_depth 0.0" in metrics
    assert "promptprism_ingest_lag_seconds 0.0" in metrics
    assert "promptprism_ingest_events_recorded_total 3.0" in metrics
    assert "promptprism_ingest_events_duplicate_total 1.0" in metrics


def test_bad_events_get_errors_and_the_good_ones_are_queued(client):
    answer = client.post("/v1/events", json=[{"text": "fine"}, {"text": "x", "id": "y" * 129}, {"nothing": 1}])
    assert answer.status_code == 202
    body = answer.json()
    assert body["queued"] == 1 and [e["index"] for e in body["errors"]] == [1, 2]
    assert body["errors"][0]["error"]["field"] == "events[1].id"
    only_bad = client.post("/v1/events", json={"prompt": "p", "response": {"choices": []}})
    assert only_bad.status_code == 422 and only_bad.json()["error"]["field"].startswith("events[0]")
    assert client.post("/v1/events", json=[]).status_code == 422
    assert (
        client.post("/v1/events", content=b"{not json", headers={"content-type": "application/json"}).status_code == 400
    )
    assert client.post("/v1/events", json=[{"text": "t"}] * 5000).status_code == 413
    assert 'promptprism_ingest_events_dropped_total{reason="invalid"} 3.0' in client.get("/metrics").text


def test_sample_rate_keeps_the_same_calls_on_every_try(make_client):
    ids = [f"call-{i}" for i in range(200)]
    expected = {i for i in ids if sampled_in(i, 0.3)}
    assert 30 < len(expected) < 90  # a real fraction, not all or none
    with make_client(sample_rate=0.3) as client:
        first = client.post("/v1/events", json=[{"id": i, "text": f"question {i}"} for i in ids]).json()
        retry = client.post("/v1/events", json=[{"id": i, "text": f"question {i}"} for i in ids]).json()
        assert set(first["ids"]) == set(retry["ids"]) == expected
        assert first["sampled_out"] == 200 - len(expected)
        service = client.app.state.service
        wait_for(lambda: service.spool.depth == 0 and service.store.count() == len(expected))
        # Without an id, the content and the timestamp decide.
        no_id = {"text": "the same call", "timestamp": "2026-01-01T00:00:00Z"}
        decisions = {client.post("/v1/events", json=no_id).json()["queued"] for _ in range(5)}
        assert len(decisions) == 1


def test_a_full_spool_answers_429_with_retry_after(make_client):
    with make_client(spool_max_items=3) as client:
        answer = client.post("/v1/events", json=[{"text": f"t{i}"} for i in range(4)])
        assert answer.status_code == 429
        assert int(answer.headers["retry-after"]) >= 1
        assert answer.json()["error"]["type"] == "overloaded" and "spool is full" in answer.json()["error"]["message"]
        assert 'promptprism_ingest_events_dropped_total{reason="spool_full"} 4.0' in client.get("/metrics").text
        assert client.post("/v1/events", json=[{"text": "t"}] * 3).status_code == 202


def test_texts_are_kept_when_text_storage_is_on(make_client):
    with make_client(store_text=True) as client:
        client.post("/v1/events", json={"id": "with-text", "text": "how do I bake bread?"})
        service = client.app.state.service
        wait_for(lambda: service.store.count() == 1)
        with service.store.engine.connect() as conn:
            assert "bake bread" in conn.execute(select(events.c.raw_text)).scalar_one()


def test_an_older_store_gets_the_new_columns(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    old = MetaData()
    Table("events", old, Column("id", String(32), primary_key=True))
    Table("event_labels", old, Column("event_id", String(32), primary_key=True))
    old.create_all(engine)
    engine.dispose()
    store = EventStore(url)
    store.create_schema()
    with store.engine.connect() as conn:
        names = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(events)")}
    assert {"cost", "latency_ms", "metadata"} <= names
    store.create_schema()  # idempotent
    store.dispose()


@pytest.mark.slow
def test_queued_events_survive_kill_9_and_are_recorded_once(models_copy: Path, tmp_path: Path):
    from promptprism.server import running_server

    spool, db = tmp_path / "spool.db", tmp_path / "events.db"
    settings = {"spool_path": str(spool), "database_path": str(db), "embedding_cache_dir": str(tmp_path / "cache")}
    n = 3000
    with running_server(models_copy, tmp_path, {**settings, "ingest_batch_size": "64"}, name="first") as server:
        for start in range(0, n, 1000):
            batch = [{"id": f"evt-{i:05d}", "text": f"question {i} about cooking"} for i in range(start, start + 1000)]
            assert httpx.post(f"{server.base}/v1/events", json=batch, timeout=60).status_code == 202
        os.kill(server.process.pid, signal.SIGKILL)  # no shutdown hook runs: only what is on disk counts
        server.process.wait(10)
    left = _depth(spool)
    store = EventStore(f"sqlite:///{db}")
    recorded_before = store.count()
    assert recorded_before + left >= n  # every acknowledged event is recorded or still queued
    with running_server(models_copy, tmp_path, settings, name="second") as server:
        wait_for(lambda: store.count() == n and _depth(spool) == 0, timeout=120)
        assert "promptprism_ingest_queue_depth 0.0" in httpx.get(f"{server.base}/metrics").text
    with store.engine.connect() as conn:
        assert len(set(conn.execute(select(events.c.id)).scalars())) == n
    store.dispose()
    print(f"at kill -9: {recorded_before} recorded, {left} still queued")


def _depth(spool: Path) -> int:
    with sqlite3.connect(spool) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM spool").fetchone()[0])
