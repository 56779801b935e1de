"""The event store on PostgreSQL, through the same SQLAlchemy code as SQLite.

Runs when ``PROMPTPRISM_TEST_DATABASE_URL`` names a PostgreSQL database that
may be emptied (CI starts one); skipped otherwise.
"""

import os
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine

from traffic.store import metadata

URL = os.environ.get("PROMPTPRISM_TEST_DATABASE_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set PROMPTPRISM_TEST_DATABASE_URL to a PostgreSQL database")


@pytest.fixture
def pg_client(make_client):
    engine = create_engine(URL)
    metadata.drop_all(engine)  # a clean store for every test
    engine.dispose()
    with make_client(database_url=URL, min_group_count=1) as client:
        yield client


def test_records_and_distributions_on_postgresql(pg_client):
    assert pg_client.get("/readyz").json()["store"] is True
    last_week = (datetime.now(UTC) - timedelta(days=7)).isoformat()
    items = [
        {"text": f"translate sentence {i} into german", "app": "web", "prompt_tokens": 10, "completion_tokens": 0}
        for i in range(3)
    ] + [{"text": "solve 2x = 10", "app": "cli", "timestamp": last_week, "prompt_tokens": 50, "completion_tokens": 50}]
    assert pg_client.post("/v1/classify/batch", json={"items": items}).json()["errors"] == 0

    [overall] = pg_client.get("/v1/distribution").json()["buckets"]
    assert overall["total_requests"] == 4 and overall["total_tokens"] == 130
    assert {row["label"]: row["share"] for row in overall["labels"]} == {"translation": 0.75, "math": 0.25}

    weekly = pg_client.get("/v1/distribution", params={"bucket": "week", "weight": "tokens"}).json()["buckets"]
    assert [b["total_requests"] for b in weekly] == [1, 3]
    assert datetime.fromisoformat(weekly[0]["bucket"]).weekday() == 0
    assert all(abs(sum(r["share"] for r in b["labels"]) - 1) < 1e-9 for b in weekly)

    by_app = pg_client.get("/v1/distribution", params={"group_by": "app"}).json()["buckets"]
    assert {b["group"]: b["total_requests"] for b in by_app} == {"cli": 1, "web": 3}
    by_tool = pg_client.get("/v1/distribution", params={"group_by": "tool_call"}).json()["buckets"]
    assert [b["group"] for b in by_tool] == ["no"]
    assert pg_client.get("/v1/report").status_code == 200


def test_unstorable_values_never_reach_postgresql_and_poison_rows_are_dead_lettered(pg_client):
    import json

    from tests.traffic.test_writer import event

    items = [{"text": f"translate sentence {i} into german"} for i in range(4)]
    bad = [{"text": "x", "app": "nul\x00"}, {"text": "x", "prompt_tokens": 2**31}, {"text": "x", "user": "\ud800"}]
    response = pg_client.post(
        "/v1/classify/batch",
        content=json.dumps({"items": items + bad}),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200 and response.json()["errors"] == 3
    service = pg_client.app.state.service
    # Past the edge (recorded by hand), values PostgreSQL refuses go to the dead-letter table; the rest commit.
    pg_client.portal.call(service.writer.record, [event(app="a\x00"), event(model="m" * 300), event()])
    assert service.store.count() == 5 and service.store.dead_letter_count() == 2
    assert pg_client.get("/v1/distribution").status_code == 200


def test_the_report_aggregated_by_postgresql_equals_the_report_over_every_row(pg_client):
    from tests.traffic.test_store import assert_sql_report_matches_rows

    assert_sql_report_matches_rows(pg_client.app.state.service.store)


def test_an_older_store_on_postgresql_takes_128_character_ids():
    from sqlalchemy import Column, MetaData, String, Table, inspect

    from traffic.store import ID_LENGTH, EventStore

    engine = create_engine(URL)
    metadata.drop_all(engine)
    old = MetaData()  # the events tables as the first release made them: 32-character ids, no cost columns
    Table("events", old, Column("id", String(32), primary_key=True))
    Table("event_labels", old, Column("event_id", String(32), primary_key=True))
    old.create_all(engine)
    engine.dispose()
    store = EventStore(URL)
    store.create_schema()
    store.create_schema()  # idempotent
    columns = {c["name"]: c for c in inspect(store.engine).get_columns("events")}
    assert columns["id"]["type"].length == ID_LENGTH and {"cost", "latency_ms", "metadata"} <= set(columns)
    assert inspect(store.engine).get_columns("event_labels")[0]["type"].length == ID_LENGTH
    store.dispose()
    drop = create_engine(URL)
    metadata.drop_all(drop)
    drop.dispose()


def test_events_with_long_ids_are_recorded_once_on_postgresql(pg_client):
    long_id = "litellm-" + "a" * 120
    for _ in range(2):
        assert (
            pg_client.post("/v1/events", json={"id": long_id, "text": "translate 'hi' into french"}).status_code == 202
        )
    service = pg_client.app.state.service
    deadline = time.monotonic() + 30
    while service.spool.depth or service.store.count() < 1:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    assert service.store.count() == 1
    [event] = pg_client.get("/v1/events").json()["events"]
    assert event["id"] == long_id
