"""The benchmark suite end to end, in a tiny configuration: every figure present, JSON and markdown written."""

import json
from pathlib import Path

import pytest

from bench.inputs import make_items, repeating_stream, training_csv
from bench.loadgen import percentile
from bench.suite import BackendPlan, BenchConfig, markdown, run_suite, write_results

pytestmark = pytest.mark.slow


def test_inputs_are_deterministic_distinct_and_mixed(tmp_path: Path):
    items = make_items(400)
    assert items == make_items(400)
    assert len({json.dumps(i.body, sort_keys=True) for i in items}) == 400
    assert {i.kind for i in items} == {"short", "chat", "code", "non_english"}
    stream = repeating_stream(300)
    assert len({json.dumps(i.body, sort_keys=True) for i in stream}) < 300
    assert training_csv(50, tmp_path / "t.csv").read_text(encoding="utf-8").startswith("text,messages,category")


def test_percentile_interpolates():
    assert percentile([], 50) == 0.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([5.0], 99) == 5.0


def test_tiny_suite_end_to_end(small_model_dir: Path, tmp_path: Path):
    config = BenchConfig(
        backends=["static"],
        out_dir=tmp_path / "out",
        models_dir=small_model_dir,
        plans={"static": BackendPlan(24, 6, {1: 4, 8: 8, 32: 24}, 24, batch_size=8, train_rows=[120])},
        cache_stream=40,
        command="test",
    )
    results = run_suite(config)
    json_path, md_path = write_results(results, config.out_dir)

    static = json.loads(json_path.read_text())["backends"]["static"]
    assert static["raw"]["per_s"] > 0 and static["classify_batch"]["items"] == 24
    assert set(static["http"]) == {"single_c1", "single_c8", "single_c32", "batch"}
    assert all(run["ok"] == run["requests"] for run in static["http"].values())
    assert static["http"]["batch"]["items"] == 24 and static["http"]["batch"]["requests"] == 3
    assert static["memory_mb"]["peak_rss"] >= static["memory_mb"]["rss_after_start"] > 0
    assert static["training"][0]["rows"] == 120 and static["training"][0]["cached_s"] > 0
    cache = results["cache"]
    # /metrics reports exactly the share of repeats in the stream (each text is embedded once, then served).
    assert cache["metrics_hit_rate"] == pytest.approx(cache["expected_hit_rate"], abs=1e-9)
    assert results["machine"]["cores"] >= 1 and results["targets"]

    text = md_path.read_text()
    for heading in (
        "## Machine",
        "## Throughput and latency",
        "## Server memory",
        "## Training time",
        "## Embedding cache",
        "## Targets",
    ):
        assert heading in text
    assert "HTTP `/v1/classify`, c=32" in text and text.endswith(markdown(results))
