"""Recording over HTTP: metadata bounds at the edge, 200 only once stored, 503 when the store cannot commit."""

import json
import os
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.traffic.test_writer import event, hold_write_lock
from traffic.store import EventStore
from traffic.timeutil import time_buckets

BIG = 2**63


def post(client, url: str, body: dict):
    """POST ``body`` as JSON with non-ASCII escaped, as a client sending a lone surrogate (\\ud800) does."""
    return client.post(url, content=json.dumps(body), headers={"Content-Type": "application/json"})


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"text": "hi", "prompt_tokens": BIG}, "prompt_tokens"),
        ({"text": "hi", "completion_tokens": 2**31}, "completion_tokens"),
        ({"text": "hi", "timestamp": "0760-01-15T00:00:00Z"}, "timestamp"),  # pandas cannot draw it
        ({"text": "hi", "timestamp": "2300-01-01T00:00:00+02:00"}, "timestamp"),
        ({"text": "hi", "timestamp": "0001-01-01T00:00:00+01:00"}, "timestamp"),  # no UTC datetime at all
        ({"text": "hi", "app": "a" * 257}, "app"),
        ({"text": "hi", "user": "u\x00"}, "user"),
        ({"text": "hi", "model": "m\ud800"}, "model"),
        ({"request": {"model": "x" * 300, "messages": [{"role": "user", "content": "hi"}]}}, "request.model"),
        (
            {
                "request": {"messages": [{"role": "user", "content": "hi"}]},
                "response": {"choices": [], "usage": {"prompt_tokens": BIG, "completion_tokens": 1}},
            },
            "response.usage.prompt_tokens",
        ),
        (
            {
                "request": {"messages": [{"role": "user", "content": "hi"}]},
                "response": {"content": [], "usage": {"input_tokens": 5, "cache_read_input_tokens": 2**31 - 1}},
            },
            "response.usage.prompt_tokens",
        ),
        (
            {
                "request": {"messages": [{"role": "user", "content": "hi"}]},
                "response": {"choices": [], "usage": {"completion_tokens_details": {"reasoning_tokens": BIG}}},
            },
            "response.usage.completion_tokens_details.reasoning_tokens",
        ),
    ],
)
def test_unstorable_metadata_is_a_422_naming_the_field_and_spares_the_batch(client, item, field):
    single = post(client, "/v1/classify", item)
    assert single.status_code == 422, single.text
    assert single.json()["error"]["field"] == field
    good = [{"text": f"translate sentence {i} into german", "app": "web"} for i in range(5)]
    batch = post(client, "/v1/classify/batch", {"items": [*good[:2], item, *good[2:]]})
    assert batch.status_code == 200
    body = batch.json()
    assert body["errors"] == 1 and body["results"][2]["error"]["field"] == field
    [overall] = client.get("/v1/distribution", params={"min_group_count": 1}).json()["buckets"]
    assert overall["total_requests"] == 5  # every other item of the batch is stored


def test_huge_stored_token_counts_do_not_break_the_distribution(make_client, tmp_path):
    with make_client(min_group_count=1) as client:
        store: EventStore = client.app.state.service.store
        store.record([event() for _ in range(3)])
        with store.engine.begin() as conn:  # as an older version could have written them
            conn.exec_driver_sql(f"UPDATE events SET prompt_tokens = {2**63 - 1}, completion_tokens = {2**62}")
        store.rebuild_rollups()  # as the backfill at start does for such a store
        for params in ({}, {"weight": "tokens"}, {"bucket": "day", "group_by": "app"}):
            response = client.get("/v1/distribution", params=params)
            assert response.status_code == 200, response.text
        assert client.get("/v1/report").status_code == 200


def test_an_event_dated_outside_1970_to_2261_is_refused_and_an_old_one_leaves_the_report_working(make_client):
    """Schemathesis stored an event dated year 760 through POST /v1/events; /v1/report then answered 500."""
    with make_client(min_group_count=1) as client:
        refused = post(client, "/v1/events", [{"text": "hi", "timestamp": "0760-01-15T00:00:00Z"}])
        assert refused.status_code == 422, refused.text  # its only event is refused: nothing is queued
        error = refused.json()["error"]
        assert error["field"] == "events[0].timestamp" and "1970-01-01 to 2261-12-31" in error["message"]
        store: EventStore = client.app.state.service.store
        store.record([event() for _ in range(3)])
        old = datetime(760, 1, 15, tzinfo=UTC)
        with store.engine.begin() as conn:  # as an older version could have written it
            conn.exec_driver_sql(
                "UPDATE events SET ts = ?, ts_hour = ?, ts_day = ?, ts_week = ? WHERE id = (SELECT min(id) FROM events)",
                (old.isoformat(sep=" ", timespec="microseconds")[:26], *time_buckets(old).values()),
            )
        store.rebuild_rollups()
        report = client.get("/v1/report")
        assert report.status_code == 200, report.text
        assert report.json()["totals"]["requests"] == 2  # the year-760 event is left out of what is drawn


def test_acknowledged_means_stored_and_unstorable_rows_are_counted(make_client, tmp_path):
    with make_client(min_group_count=1) as client:
        ids = [client.post("/v1/classify", json={"text": f"fix my python bug {i}"}).json()["id"] for i in range(5)]
        # No flush, no wait: a 200 was only sent once the event was committed.
        check = EventStore(f"sqlite:///{tmp_path / 'events.db'}")
        assert check.existing_ids(ids) == set(ids)
        check.dispose()
        # A row that slips past the edge (here, recorded by hand) is kept as a dead letter, and counted.
        service = client.app.state.service
        client.portal.call(service.writer.record, [event(app="web\x00"), event()])
        assert service.store.dead_letter_count() == 1
        metrics = client.get("/metrics").text
        assert "promptprism_events_committed_total 6.0" in metrics
        assert "promptprism_events_dead_lettered_total 1.0" in metrics


def test_a_store_that_cannot_commit_answers_503_with_retry_after(make_client, tmp_path):
    with make_client(record_timeout_s=1) as client:
        locked = threading.Event()
        holder = threading.Thread(target=hold_write_lock, args=(tmp_path / "events.db", 8, locked))
        holder.start()
        locked.wait(5)
        response = client.post("/v1/classify", json={"text": "fix my python bug"})
        batch = client.post("/v1/classify/batch", json={"items": [{"text": "a poem"}, {"text": "a song"}]})
        unrecorded = client.post("/v1/classify", json={"text": "fix my python bug", "record": False})
        holder.join()
        assert response.status_code == 503 and batch.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
        assert response.json()["error"]["type"] == "store_unavailable"
        assert unrecorded.status_code == 200  # nothing to store, nothing to wait for
        assert client.app.state.service.store.count() == 0
        assert "promptprism_events_store_unavailable_total 3.0" in client.get("/metrics").text


def test_stale_staging_files_are_removed_at_start(make_client, models_copy: Path):
    stale_dir = models_copy / ".tmp-v9-abc123"
    stale_dir.mkdir()
    (stale_dir / "head_category.npz").write_bytes(b"partial")
    stale_pointer = models_copy / ".ACTIVE.xyz"
    stale_pointer.write_text("v9\n")
    fresh = models_copy / ".tmp-v10-def456"  # another process may be writing this one right now
    fresh.mkdir()
    an_hour_ago = time.time() - 3600
    for path in (stale_dir, stale_pointer):
        os.utime(path, (an_hour_ago, an_hour_ago))
    with make_client() as client:
        assert client.get("/readyz").status_code == 200
    assert not stale_dir.exists() and not stale_pointer.exists()
    assert fresh.exists() and (models_copy / "ACTIVE").exists()


def test_an_offset_timestamp_is_bucketed_and_stored_in_utc(make_client, tmp_path):
    with make_client(min_group_count=1) as client:
        # 01:00 on 3 March at +09:00 is 16:00 on 2 March in UTC.
        assert client.post("/v1/classify", json={"text": "hi", "timestamp": "2026-03-03T01:00:00+09:00"}).is_success
        [day] = client.get("/v1/distribution", params={"bucket": "day"}).json()["buckets"]
        assert day["bucket"].startswith("2026-03-02")
    with sqlite3.connect(tmp_path / "events.db") as conn:
        [(stored,)] = conn.execute("SELECT ts FROM events").fetchall()
    assert stored.startswith("2026-03-02 16:00:00")
    assert datetime.fromisoformat(stored).replace(tzinfo=UTC).hour == 16


def classify_in_threads(base: str, n: int, threads: int) -> list[tuple[int, str]]:
    """POST ``n`` recorded classifications from ``threads`` clients; (status, event id or '') of each answer."""
    import httpx

    answers: list[tuple[int, str]] = []
    lock = threading.Lock()
    counter = iter(range(n))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            for i in counter:
                try:
                    response = http.post("/v1/classify", json={"text": f"translate sentence {i} into german"})
                except httpx.HTTPError:  # the server was killed mid-request: not acknowledged
                    return
                with lock:
                    answers.append((response.status_code, response.json().get("id", "") if response.is_success else ""))

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return answers


@pytest.mark.slow
def test_kill_9_right_after_acknowledged_events_loses_none(models_copy: Path, tmp_path: Path):
    from promptprism.server import running_server

    database = tmp_path / "events.db"
    settings = {"database_path": str(database), "embedding_cache_dir": str(tmp_path / "cache"), "min_group_count": "1"}
    acknowledged: list[tuple[int, str]] = []
    with running_server(models_copy, tmp_path, settings, ready_s=120) as server:
        killer_armed = threading.Event()

        def kill_when_busy() -> None:
            # Kill while clients are mid-flight: after 150 answers, with more requests in the server.
            while len(acknowledged) < 150 and server.process.poll() is None:
                time.sleep(0.005)
            killer_armed.set()
            server.process.kill()  # SIGKILL: no shutdown, no final flush

        killer = threading.Thread(target=kill_when_busy)
        killer.start()

        import httpx

        def worker(offset: int) -> None:
            with httpx.Client(base_url=server.base, timeout=60) as http:
                for i in range(offset, 400, 16):
                    try:
                        response = http.post("/v1/classify", json={"text": f"translate sentence {i} into german"})
                    except httpx.HTTPError:
                        return
                    if response.status_code == 200:
                        acknowledged.append((200, response.json()["id"]))

        pool = [threading.Thread(target=worker, args=(k,)) for k in range(16)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        killer.join()
        assert killer_armed.is_set() and server.process.wait(10) == -9
    ids = {event_id for _, event_id in acknowledged}
    assert len(ids) >= 150
    # Restart on the same store: every acknowledged event is there.
    with running_server(models_copy, tmp_path, settings, name="restarted", ready_s=120) as server:
        import httpx

        total = httpx.get(f"{server.base}/v1/distribution").json()["buckets"][0]["total_requests"]
    store = EventStore(f"sqlite:///{database}")
    try:
        assert store.existing_ids(sorted(ids)) == ids
        assert total == store.count() >= len(ids)
    finally:
        store.dispose()


@pytest.mark.slow
def test_a_store_locked_for_8_seconds_over_http_loses_nothing(models_copy: Path, tmp_path: Path):
    from promptprism.server import running_server

    database = tmp_path / "events.db"
    settings = {"database_path": str(database), "embedding_cache_dir": str(tmp_path / "cache")}
    with running_server(models_copy, tmp_path, settings, ready_s=120) as server:
        locked = threading.Event()
        holder = threading.Thread(target=hold_write_lock, args=(database, 8, locked))
        holder.start()
        locked.wait(5)
        started = time.monotonic()
        answers = classify_in_threads(server.base, 200, 16)
        holder.join()
        assert time.monotonic() - started >= 7
    acknowledged = {event_id for status, event_id in answers if status == 200}
    refused = [status for status, _ in answers if status != 200]
    assert refused == [] and len(acknowledged) == 200  # the default 10 s commit timeout outlasts an 8 s lock
    store = EventStore(f"sqlite:///{database}")
    try:
        assert store.count() == 200 and store.existing_ids(sorted(acknowledged)) == acknowledged
    finally:
        store.dispose()


@pytest.mark.slow
def test_a_full_disk_answers_503_and_recording_resumes_once_space_is_back(
    models_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import httpx

    from promptprism.server import running_server
    from traffic.store import MAX_PAGES_FILE_VARIABLE

    database, limit = tmp_path / "events.db", tmp_path / "max-pages"
    # SQLite's max_page_count on the server's own connections: "database or disk is full" for real, no mount.
    monkeypatch.setenv(MAX_PAGES_FILE_VARIABLE, str(limit))
    settings = {
        "database_path": str(database),
        "embedding_cache_dir": str(tmp_path / "cache"),
        "record_timeout_s": "1",
        "min_group_count": "1",
    }
    acknowledged: set[str] = set()

    def batch(http: httpx.Client, tag: str) -> httpx.Response:
        items = [{"text": f"translate sentence {tag} {i} into german", "app": f"app-{tag}"} for i in range(40)]
        response = http.post("/v1/classify/batch", json={"items": items})
        if response.status_code == 200:
            acknowledged.update(result["id"] for result in response.json()["results"])
        return response

    with (
        running_server(models_copy, tmp_path, settings, ready_s=120) as server,
        httpx.Client(base_url=server.base, timeout=60) as http,
    ):
        assert batch(http, "before").status_code == 200
        limit.write_text("1")  # no page past the current size
        while_full = [batch(http, f"full-{k}") for k in range(6)]
        single = http.post("/v1/classify", json={"text": "fix my python bug, the disk is full"})
        if single.status_code == 200:
            acknowledged.add(single.json()["id"])
        refused = [r for r in [*while_full, single] if r.status_code == 503]
        # A batch may still fit in free space on existing pages; once pages run out, every commit fails.
        assert len(refused) >= 3 and all(r.status_code in (200, 503) for r in while_full)
        for response in refused:
            assert int(response.headers["Retry-After"]) > 0
            assert response.json()["error"]["type"] == "store_unavailable"
            assert "full" in response.json()["error"]["message"]
        limit.unlink()  # space is back
        assert batch(http, "after").status_code == 200
        last = http.post("/v1/classify", json={"text": "fix my python bug"})
        assert last.status_code == 200
        acknowledged.add(last.json()["id"])
        unavailable = [
            line
            for line in http.get("/metrics").text.splitlines()
            if line.startswith("promptprism_events_store_unavailable_total")
        ]
        assert float(unavailable[0].split()[-1]) >= len(refused)
    store = EventStore(f"sqlite:///{database}")
    try:
        # Every acknowledged event is stored, and nothing refused is: the failed transactions rolled back.
        assert store.existing_ids(sorted(acknowledged)) == acknowledged
        assert store.count() == len(acknowledged)
        assert sum(row.count for row in store.label_rows("category")) == store.count()
    finally:
        store.dispose()
