"""The rollups answer exactly what the events answer: on SQLite and, with PROMPTPRISM_TEST_DATABASE_URL, PostgreSQL.

Every query is compared with the raw path over the same events (``raw_label_rows``, ``raw_report_aggregates``),
for ranges that start and end inside hours, on hour boundaries, inside one hour, and open.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, literal, select

from traffic.rollups import EXACT_BELOW, medians, split_range, token_bin, token_bin_sql
from traffic.store import (
    GROUP_FIELDS,
    MAX_COUNT,
    ROLLUP_TABLES,
    EventRecord,
    EventStore,
    dead_letters,
    event_labels,
    events,
    metadata,
    rollup_report,
    store_meta,
    training_jobs,
)


class Histogram:
    """The reference for :func:`traffic.rollups.medians`: one key's counts per bin, with the smallest and largest
    value seen in each, in plain Python (the store used it until the medians were ranked with numpy)."""

    __slots__ = ("bins",)

    def __init__(self) -> None:
        self.bins: dict[int, list[int]] = {}

    def add(self, bin_number: int, count: int, low: int, high: int) -> None:
        """Add ``count`` values of bin ``bin_number`` lying between ``low`` and ``high``."""
        cell = self.bins.get(bin_number)
        if cell is None:
            self.bins[bin_number] = [int(count), int(low), int(high)]
        else:
            cell[0] += int(count)
            cell[1] = min(cell[1], int(low))
            cell[2] = max(cell[2], int(high))

    def median(self) -> float | None:
        """The middle value (odd count) or the mean of the two middle values (even count), as pandas does;
        None when empty. Exact below :data:`EXACT_BELOW`, and wherever a middle value is the smallest or largest
        of its bin; otherwise the middle of the bin's range, within 0.8 %."""
        total = sum(cell[0] for cell in self.bins.values())
        if total == 0:
            return None
        return (self._at((total + 1) // 2) + self._at((total + 2) // 2)) / 2

    def _at(self, rank: int) -> float:
        seen = 0
        for bin_number in sorted(self.bins):
            count, low, high = self.bins[bin_number]
            if rank <= seen + count:
                return value_at(rank, seen, count, low, high)
            seen += count
        raise AssertionError("rank past the histogram")


def value_at(rank: int, seen: int, count: int, low: int, high: int) -> float:
    """The value of rank ``rank`` (1-based) in a bin of ``count`` values between ``low`` and ``high``, after
    ``seen`` smaller values: exact at the bin's first and last rank, the middle of its range otherwise."""
    if rank == seen + 1:
        return float(low)
    if rank == seen + count:
        return float(high)
    return (int(low) + int(high)) / 2


PG_URL = os.environ.get("PROMPTPRISM_TEST_DATABASE_URL")
START = datetime(2026, 2, 23, tzinfo=UTC)


def _drop_everything(url: str) -> None:
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="no PG"))])
def url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.db'}"
    assert PG_URL
    _drop_everything(PG_URL)
    return PG_URL


@pytest.fixture
def store(url: str):
    store = EventStore(url)
    store.create_schema()
    yield store
    store.dispose()


def random_events(n: int, seed: int, small: bool = False, hours: int = 24 * 10) -> list[EventRecord]:
    """Varied events: NULL metadata, missing labels, every boolean, and (unless ``small``) huge token counts."""
    rng = random.Random(seed)
    records = []
    for _ in range(n):
        labels = {"category": (rng.choice(["coding", "math", "writing", "unknown"]), 0.9)}
        if rng.random() < 0.8:
            labels["reasoning_heavy"] = (rng.choice(["yes", "no"]), 0.7)
        if rng.random() < 0.1:
            labels = {}  # no label at all: in the report's cube, in no distribution
        if small:
            prompt, completion = rng.randrange(EXACT_BELOW), rng.choice([0, 1, 5, rng.randrange(EXACT_BELOW)])
        else:
            prompt = rng.choice([0, 7, 120, 1023, 1024, 3000, MAX_COUNT, rng.randrange(10**6)])
            completion = rng.choice([0, 900, 4097, MAX_COUNT, rng.randrange(5000)])
        signals = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "reasoning_tokens": rng.choice([0, 64, MAX_COUNT]),
            "turns": 1,
            "tools_offered": rng.random() < 0.4,
            "tool_call": rng.random() < 0.2,
            "has_code": rng.random() < 0.3,
            "language": rng.choice(["en", "es", None]),
        }
        records.append(
            EventRecord(
                id=uuid.UUID(int=rng.getrandbits(128)).hex,
                ts=START + timedelta(seconds=rng.randrange(3600 * hours), microseconds=rng.randrange(10**6)),
                model_version=rng.choice(["v1", "v2"]),
                labels=labels,
                signals=signals,
                # "unknown" as a real value beside NULL: both read "unknown", and must not be merged differently.
                model=rng.choice(["gpt-4o", "o3", "unknown", None]),
                app=rng.choice(["web", "ide", None]),
            )
        )
    return records


def windows() -> list[tuple[datetime | None, datetime | None]]:
    h = timedelta(hours=1)
    return [
        # Across weeks and 4-week units, both ends inside hours (the random events span up to 70 days).
        (START + 3 * 24 * h + 5 * h + timedelta(minutes=1), START + 60 * 24 * h + 7 * h + timedelta(minutes=7)),
        (START - 24 * h, START + 35 * 24 * h),
        (None, None),
        (
            START + 3 * 24 * h + 5 * h + timedelta(minutes=17),
            START + 8 * 24 * h + timedelta(minutes=30),
        ),  # both partial
        (START + 24 * h, START + 48 * h),  # on hour boundaries
        (START + 30 * h + timedelta(minutes=5), START + 30 * h + timedelta(minutes=50)),  # inside one hour
        (START + 30 * h + timedelta(minutes=5), START + 31 * h + timedelta(minutes=50)),  # two partial, no whole hour
        (None, START + 100 * h + timedelta(seconds=1)),
        (START + 5 * h + timedelta(microseconds=1), None),
        (START - 1000 * h, START - 900 * h),  # nothing there
    ]


def _label_cells(rows) -> Counter:
    return Counter((r.bucket, r.group, r.label, r.count, r.tokens) for r in rows)


def assert_label_rows_equal(store: EventStore) -> None:
    for since, until in windows():
        for dimension in ("category", "reasoning_heavy", "absent"):
            for bucket in (None, "hour", "day", "week"):
                for group_by in (None, *GROUP_FIELDS):
                    args = (dimension, since, until, bucket, group_by)
                    assert _label_cells(store.label_rows(*args)) == _label_cells(store.raw_label_rows(*args)), args


def assert_report_equal(store: EventStore, exact_medians: bool) -> None:
    for since, until in windows():
        for bucket in ("hour", "day", "week"):
            rolled, raw = (
                store.report_aggregates(bucket, since, until),
                store.raw_report_aggregates(bucket, since, until),
            )
            where = (bucket, since, until)
            assert sorted(map(_cube_row, rolled.cube), key=repr) == sorted(map(_cube_row, raw.cube), key=repr), where
            assert (rolled.apps, rolled.start, rolled.end) == (raw.apps, raw.start, raw.end), where
            pairs = [
                *((rolled.bucket_medians[k], raw.bucket_medians[k]) for k in ("prompt", "completion")),
                *((rolled.category_medians[k], raw.category_medians[k]) for k in ("prompt", "completion")),
                ([(0, v) for v in rolled.overall_medians.values()], [(0, v) for v in raw.overall_medians.values()]),
            ]
            for ours, theirs in pairs:
                ours, theirs = dict(ours), dict(theirs)
                assert ours.keys() == theirs.keys(), where
                for key, value in theirs.items():
                    if exact_medians or value < EXACT_BELOW:
                        assert ours[key] == value, (where, key)
                    else:
                        assert abs(ours[key] - value) <= 0.01 * value, (where, key, ours[key], value)


def _cube_row(row: tuple) -> tuple:
    # Sums as ints: SQLite's TOTAL is a float and PostgreSQL's SUM a Decimal on the raw path.
    *keys, count, p, c, r = row
    return (*keys[:3], bool(keys[3]), bool(keys[4]), *keys[5:], int(count), int(p), int(c), int(r))


def test_rollups_equal_the_events_on_random_traffic(store):
    records = random_events(700, seed=3)
    for start in range(0, len(records), 64):  # several flushes, cells shared between them
        store.record(records[start : start + 64])
    assert_label_rows_equal(store)
    assert_report_equal(store, exact_medians=False)


def test_rollups_equal_the_events_over_months(store):
    # Long enough for week and 4-week units inside the windows, beside days and hours at their ends.
    store.record(random_events(600, seed=9, hours=24 * 70))
    assert_label_rows_equal(store)
    assert_report_equal(store, exact_medians=False)


def test_medians_are_exact_below_1024(store):
    store.record(random_events(500, seed=11, small=True, hours=24 * 70))
    assert_report_equal(store, exact_medians=True)


def test_medians_read_in_several_statements_equal_the_events(store, monkeypatch):
    """The second step of the per-bucket medians reads its units a few thousand per statement (years of hours
    would outgrow SQLite's longest SQL text): split into many small ones, the answers stay the same."""
    import traffic.store

    monkeypatch.setattr(traffic.store, "_UNITS_PER_STATEMENT", 7)
    store.record(random_events(400, seed=5, small=True))
    rolled, raw = store.report_aggregates("hour"), store.raw_report_aggregates("hour")
    assert len(rolled.bucket_medians["prompt"]) > 7 * 3
    for kind in ("prompt", "completion"):
        assert dict(rolled.bucket_medians[kind]) == dict(raw.bucket_medians[kind])


def test_a_range_too_long_for_its_bucket_is_refused_before_anything_is_aggregated(store, monkeypatch):
    """An hourly dashboard over 90 days at 1M events took ~4 s to answer its 422; the count comes first now."""
    from classifier.errors import TooManyBucketsError
    from traffic.report import store_dashboard_payload

    store.record(random_events(50, seed=3))
    monkeypatch.setattr(store, "report_aggregates", lambda *args: pytest.fail("aggregated a range it refuses"))
    with pytest.raises(TooManyBucketsError, match="hours; a chart shows at most 10"):
        store_dashboard_payload(store, "hour", "requests", max_buckets=10)


def test_the_report_payload_equals_the_payload_over_every_row(store):
    from tests.traffic.test_store import assert_sql_report_matches_rows

    assert_sql_report_matches_rows(store)


def test_an_older_store_without_rollups_is_backfilled_at_start(url: str):
    # What an older version made: the event tables only, written without rollups.
    engine = create_engine(url)
    metadata.create_all(engine, tables=[events, event_labels, dead_letters, training_jobs])
    engine.dispose()
    old = EventStore(url)
    old.rollups = False
    old.record(random_events(400, seed=5))
    assert not any(name.startswith("rollup_") for name in _tables(old))
    old.dispose()

    store = EventStore(url)
    store.create_schema()
    try:
        assert {t.name for t in ROLLUP_TABLES} <= set(_tables(store))
        assert_label_rows_equal(store)
        assert_report_equal(store, exact_medians=False)
        # Built once: a second start finds the version and leaves them be; recording adds to them.
        with store.engine.connect() as conn:
            before = conn.execute(select(func.count()).select_from(ROLLUP_TABLES[0])).scalar_one()
        store.create_schema()
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(ROLLUP_TABLES[0])).scalar_one() == before
        store.record(random_events(50, seed=6))
        assert_label_rows_equal(store)
    finally:
        store.dispose()


def test_rollups_of_another_version_are_made_anew(store):
    store.record(random_events(100, seed=8))
    with store.engine.begin() as conn:  # as a store of rollup version 1 (hourly report tables) would be
        conn.execute(rollup_report.delete())
        conn.execute(store_meta.update().values(value="1"))
    store.create_schema()
    assert_report_equal(store, exact_medians=False)


def _tables(store: EventStore) -> list[str]:
    from sqlalchemy import inspect

    return inspect(store.engine).get_table_names()


def _record_in_process(url: str, seed: int) -> None:
    store = EventStore(url, busy_timeout_s=30)
    records = random_events(240, seed=seed, hours=6)  # few hours: both processes hit the same cells
    for start in range(0, len(records), 12):
        store.record(records[start : start + 12])
    store.dispose()


def test_two_processes_recording_at_once_keep_exact_rollups(store):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_in_process, args=(store.url, seed)) for seed in (21, 22)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    assert store.count() == 480
    for group_by in (None, "model", "tool_call"):
        rolled = store.label_rows("category", bucket="hour", group_by=group_by)
        assert _label_cells(rolled) == _label_cells(store.raw_label_rows("category", bucket="hour", group_by=group_by))
    rolled, raw = store.report_aggregates("hour"), store.raw_report_aggregates("hour")
    assert sorted(map(_cube_row, rolled.cube), key=repr) == sorted(map(_cube_row, raw.cube), key=repr)


def test_token_bins_agree_in_python_and_sql(store):
    values = [0, 1, 1023, 1024, 1031, 1032, 2047, 2048, 4095, 4096, 10**6, MAX_COUNT]
    if store.engine.dialect.name == "sqlite":
        values += [2**62, 2**63 - 1]  # what older SQLite stores may hold
    with store.engine.connect() as conn:
        in_sql = [conn.execute(select(token_bin_sql(literal(v)))).scalar_one() for v in values]
    assert in_sql == [token_bin(v) for v in values]
    bins = [token_bin(v) for v in range(0, 1 << 16)]
    assert bins == sorted(bins) and bins[:EXACT_BELOW] == list(range(EXACT_BELOW))
    # Every bin above 1024 spans less than 1 % of its values.
    spans: dict[int, list[int]] = {}
    for v in range(EXACT_BELOW, 1 << 16):
        spans.setdefault(token_bin(v), []).append(v)
    assert all((vs[-1] - vs[0]) / vs[0] < 0.01 for vs in spans.values())


def test_histogram_medians_follow_the_even_count_rule():
    histogram = Histogram()
    for value in (3, 3, 8, 1000):
        histogram.add(token_bin(value), 1, value, value)
    assert histogram.median() == 5.5
    histogram.add(token_bin(5000), 1, 5000, 5000)
    assert histogram.median() == 8.0
    assert Histogram().median() is None
    rows = [("k", token_bin(value), 1, value, value) for value in (3, 3, 8, 1000)]
    assert medians(rows) == [("k", 5.5)]
    assert medians([*rows, ("k", token_bin(5000), 1, 5000, 5000)]) == [("k", 8.0)]


def test_merged_medians_equal_one_histogram_per_key():
    """``medians`` (numpy, all keys at once) against a Histogram per key, over rows that repeat a key's bin."""
    rng = random.Random(7)
    rows = []
    for _ in range(3000):
        value = rng.choice([rng.randrange(EXACT_BELOW), rng.randrange(10**7), 2**62])
        count = rng.choice([1, 1, 2, 40])
        rows.append(
            (rng.choice(["coding", "math", None, 17]), token_bin(value), count, value, value + rng.randrange(3))
        )
    expected: dict[object, Histogram] = {}
    for key, bin_number, count, low, high in rows:
        expected.setdefault(key, Histogram()).add(bin_number, count, low, high)
    assert dict(medians(rows)) == {key: histogram.median() for key, histogram in expected.items()}
    assert medians([]) == []


def test_split_range_names_whole_and_partial_hours():
    h = datetime(2026, 1, 1, 10, tzinfo=UTC)
    hours, raw = split_range(h + timedelta(minutes=1), h + timedelta(hours=3, minutes=2))
    assert raw == [
        (h + timedelta(minutes=1), h + timedelta(hours=1)),
        (h + timedelta(hours=3), h + timedelta(hours=3, minutes=2)),
    ]
    assert hours is not None and hours[1] - hours[0] == 2
    assert split_range(h, h + timedelta(minutes=5)) == (None, [(h, h + timedelta(minutes=5))])
    assert split_range(None, None) == ((None, None), [])
