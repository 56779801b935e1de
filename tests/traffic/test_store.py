"""The event store: UTC storage, bounds, and sums that cannot overflow."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.traffic.test_writer import event
from traffic.store import EventStore, UnstorableEventError, check_record


@pytest.fixture
def store(tmp_path: Path):
    store = EventStore(f"sqlite:///{tmp_path / 'events.db'}")
    store.create_schema()
    yield store
    store.dispose()


def test_a_non_utc_offset_is_stored_as_utc(store):
    seoul = timezone(timedelta(hours=9))
    # 02:30 on 3 March in Seoul is 17:30 on 2 March in UTC: the day bucket and the stored time must agree.
    store.record([event(ts=datetime(2026, 3, 3, 2, 30, tzinfo=seoul))])
    [row] = store.event_rows()
    assert row["ts"].replace(tzinfo=UTC) == datetime(2026, 3, 2, 17, 30, tzinfo=UTC)
    assert store.event_rows(since=datetime(2026, 3, 2, 17, tzinfo=UTC), until=datetime(2026, 3, 2, 18, tzinfo=UTC))
    [day] = store.label_rows("category", bucket="day")
    assert datetime(1970, 1, 1, tzinfo=UTC) + timedelta(days=day.bucket) == datetime(2026, 3, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"signals": {"prompt_tokens": 2**63}}, "signals.prompt_tokens"),
        ({"signals": {"completion_tokens": 2**31}}, "signals.completion_tokens"),
        ({"signals": {"reasoning_tokens": -1}}, "signals.reasoning_tokens"),
        ({"app": "a" * 257}, "app"),
        ({"user": "x\x00y"}, "user"),
        ({"model": "gpt\udc80"}, "model"),
    ],
)
def test_values_no_supported_database_can_hold_are_refused_before_writing(store, overrides, field):
    with pytest.raises(UnstorableEventError) as caught:
        check_record(event(**overrides))
    assert caught.value.field == field
    with pytest.raises(UnstorableEventError):
        store.record([event(), event(**overrides)])
    assert store.count() == 0  # all or none


def test_token_sums_cannot_overflow(store):
    # Rows an older version could write to SQLite (any int64): summing them must not raise "integer overflow".
    rows = [event() for _ in range(3)]
    store.record(rows)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE events SET prompt_tokens = {2**63 - 1}, completion_tokens = {2**62}")
    store.rebuild_rollups()  # as the backfill of such an older store does at start
    for rows in (store.label_rows("category"), store.raw_label_rows("category")):
        [row] = rows
        assert row.count == 3 and row.tokens == 2**62  # clamped where int64 arithmetic downstream stays exact
    aggregates = store.report_aggregates("day")
    assert [row[-4:-2] for row in aggregates.cube] == [(3, 2**62)]


@pytest.mark.slow
def test_the_report_aggregated_in_sql_equals_the_report_over_every_row(store):
    assert_sql_report_matches_rows(store)


def assert_sql_report_matches_rows(store: EventStore) -> None:
    """Record varied events; the payload aggregated by the database equals the one built from every row."""
    import random

    from traffic.logs import records_from_store_rows, to_row
    from traffic.report import dashboard_payload, store_dashboard_payload

    rng = random.Random(7)
    start = datetime(2026, 2, 23, tzinfo=UTC)
    records = []
    for i in range(600):
        labels = {"category": (rng.choice(["coding", "math", "writing", "other"]), 0.9)}
        if i % 5:  # some events carry no reasoning label
            labels["reasoning_heavy"] = (rng.choice(["yes", "no"]), 0.7)
        signals = {
            "prompt_tokens": rng.choice([0, 7, 7, 120, 3000, rng.randrange(5000)]),
            "completion_tokens": rng.randrange(900),
            "reasoning_tokens": rng.choice([0, 0, 64]),
            "turns": 1,
            "tools_offered": i % 3 == 0,
            "tool_call": i % 6 == 0,
            "language": rng.choice(["en", "es", None]),
        }
        records.append(
            event(
                ts=start + timedelta(minutes=rng.randrange(60 * 24 * 20)),
                labels=labels,
                signals=signals,
                model=rng.choice(["gpt-4o", "o3", None]),
                app=rng.choice(["web", "ide", None]),
            )
        )
    store.record(records)
    windows = [(None, None), (start + timedelta(days=3, hours=5), start + timedelta(days=11, minutes=30))]
    for since, until in windows:
        rows = store.event_rows(since, until)
        for bucket, weight in (("hour", "requests"), ("day", "tokens"), ("week", "requests")):
            by_rows = dashboard_payload(
                (to_row(r, r.labels or {}, r.signals or {}) for r in records_from_store_rows(rows)),
                bucket,
                weight,
                since,
                until,
            )
            in_sql = store_dashboard_payload(store, bucket, weight, since, until)
            for key in ("totals", "findings", "tables", "sections", "names", "range", "empty"):
                assert in_sql[key] == by_rows[key], (bucket, weight, key)


def test_the_report_of_an_empty_store(store):
    from traffic.report import store_dashboard_payload

    payload = store_dashboard_payload(store, "day", "requests")
    assert payload["empty"] is True and payload["totals"]["requests"] == 0
