"""Reports on labelled logs: DuckDB's out-of-core aggregates give the very tables the pandas path gives."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas.testing as pdt
import pytest
import zstandard

from bench.report_scale import to_jsonl, write_labelled_parquet
from traffic.analysis import build_report_data, build_report_from_aggregates, rows_frame
from traffic.labelled import is_labelled, labelled_aggregates
from traffic.logs import load_rows, resolve_sources


@pytest.fixture(scope="module")
def labelled(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("labelled")
    parquet = folder / "out.parquet"
    write_labelled_parquet(parquet, 3000)
    jsonl = folder / "out.jsonl"
    to_jsonl(parquet, jsonl)
    extra = [
        {"index": 3000, "error": {"type": "invalid_request", "message": "bad", "field": None}},
        {"index": 3001, "labels": {"category": {"label": "math"}}, "signals": {"prompt_tokens": 3}},  # no timestamp
    ]
    with jsonl.open("a") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in extra)
    zst = folder / "out.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(jsonl.read_bytes()))
    return {"parquet": parquet, "jsonl": jsonl, "zst": zst}


def pandas_report(path: Path, since=None, until=None):
    frame = rows_frame(load_rows(resolve_sources([str(path)]), lambda: None).rows)
    if since:
        frame = frame[(frame["ts"] >= since) & (frame["ts"] < until)]
    return build_report_data(frame, "week")


def assert_same(got, expected):
    assert got.totals == expected.totals
    assert (got.category_order, got.model_order, got.start, got.end) == (
        expected.category_order,
        expected.model_order,
        expected.start,
        expected.end,
    )
    for name, table in expected.tables.items():
        pdt.assert_frame_equal(
            got.tables[name].frame.reset_index(drop=True), table.frame.reset_index(drop=True), check_dtype=False
        )
    assert got.findings == expected.findings


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "zst"])
def test_duckdb_aggregates_equal_the_pandas_report(labelled, fmt):
    expected = pandas_report(labelled["jsonl"])
    aggregates, summary = labelled_aggregates([str(labelled[fmt])])
    assert_same(build_report_from_aggregates(aggregates, "week"), expected)
    assert summary.used == 3000
    if fmt != "parquet":
        assert (summary.errors, summary.no_timestamp) == (1, 1)


def test_window_bounds_the_calls(labelled):
    since, until = datetime(2026, 1, 20, tzinfo=UTC), datetime(2026, 2, 10, tzinfo=UTC)
    aggregates, summary = labelled_aggregates([str(labelled["parquet"])], "week", since, until)
    assert_same(build_report_from_aggregates(aggregates, "week"), pandas_report(labelled["jsonl"], since, until))
    assert summary.used + summary.outside_window == 3000


def test_only_classify_output_counts_as_labelled(labelled, tmp_path):
    assert all(is_labelled(str(p)) for p in labelled.values())
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"timestamp": 1, "request": {"messages": []}}) + "\n")
    assert not is_labelled(str(raw)) and not is_labelled(str(tmp_path / "missing.jsonl"))
