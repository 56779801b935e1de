"""Streaming batch classification: every output format, order and index, error records, resume, and the CLI."""

import csv
import gzip
import json
import os
import subprocess
import sys

import pytest

from classifier import load_model
from promptprism.batch import BatchOptions, RowFailed, run_local
from tests.promptprism.test_cli import ROOT, run
from traffic.batch_io import output_spec, read_results

TEXTS = [
    "translate thank you into italian",
    "write a poem about snow",
    "how do I fix a segfault in my C code",
    "what is 7 times 8",
    "plan a three day trip to rome",
]


def make_input(path, n):
    lines = []
    for i in range(n):
        row = {
            "id": f"r{i}",
            "timestamp": f"2026-03-01T10:{i % 60:02d}:00Z",
            "model": "gpt-4o",
            "app": "a",
            "user": "u",
        }
        lines.append(json.dumps({**row, "text": f"{TEXTS[i % len(TEXTS)]} #{i}"}))
        if i % 7 == 3:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def model(small_model_dir):
    return load_model("small-static", small_model_dir)


def labels_of(records):
    return [(int(r["index"]), r.get("labels", {}).get("category", {}).get("label")) for r in records]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst", "out.csv", "out.csv.gz", "out.parquet"])
def test_every_output_format_keeps_order_index_and_metadata(model, tmp_path, name):
    source = make_input(tmp_path / "in.jsonl", 40)
    spec = output_spec(tmp_path / name)
    summary = run_local([str(source)], spec, lambda: model, BatchOptions(chunk_size=16))
    records = list(read_results(spec.path))
    assert [int(r["index"]) for r in records] == list(range(46)) and summary.rows == 46
    errors = [r for r in records if r.get("error") or r.get("error_type")]
    assert summary.errors == len(errors) == 6
    good = [r for r in records if not (r.get("error") or r.get("error_type"))]
    assert [r["input_id"] for r in good] == [f"r{i}" for i in range(40)]
    first = good[0]
    assert (first["timestamp"], first["model"], first["app"], first["user"]) == (
        "2026-03-01T10:00:00Z",
        "gpt-4o",
        "a",
        "u",
    )
    if spec.format == "csv":
        assert first["category"] == "translation" and 0 < float(first["category_probability"]) <= 1
        assert "not valid JSON" in errors[0]["error_message"]
    else:
        assert first["labels"]["category"]["label"] == "translation"
        assert "line 5: not valid JSON" in errors[0]["error"]["message"] and errors[0]["index"] == 4
    assert not spec.checkpoint.exists() and not spec.parts.exists()


class Interrupting:
    """The real model, stopped by Ctrl-C during its ``after``-th chunk."""

    def __init__(self, model, after):
        self.model, self.after, self.calls = model, after, 0
        self.dimensions = model.dimensions

    def classify_items(self, items, batch_size=32):
        self.calls += 1
        if self.calls == self.after:
            raise KeyboardInterrupt
        return self.model.classify_items(items, batch_size=batch_size)


@pytest.mark.parametrize("name", ["out.jsonl.zst", "out.parquet"])
def test_resume_continues_from_the_last_complete_chunk(model, tmp_path, name):
    source = make_input(tmp_path / "in.jsonl", 60)
    spec = output_spec(tmp_path / name)
    with pytest.raises(KeyboardInterrupt):
        run_local([str(source)], spec, lambda: Interrupting(model, 3), BatchOptions(chunk_size=10))
    assert spec.checkpoint.exists()
    again = Interrupting(model, 0)
    summary = run_local([str(source)], spec, lambda: again, BatchOptions(chunk_size=10, resume=True))
    assert summary.resumed_from == 20 and summary.rows == 69
    assert again.calls == 5  # the two finished chunks were not classified again
    resumed = list(read_results(spec.path))
    whole = tmp_path / ("whole" + name[3:])
    run_local([str(source)], output_spec(whole), lambda: model, BatchOptions(chunk_size=10))
    assert labels_of(resumed) == labels_of(read_results(whole))
    assert summary.errors == sum(1 for r in resumed if "error" in r) == 9


def test_fail_fast_stops_at_the_first_bad_row(model, tmp_path):
    source = make_input(tmp_path / "in.jsonl", 20)
    spec = output_spec(tmp_path / "out.jsonl")
    with pytest.raises(RowFailed, match=r"row 4: .*line 5: not valid JSON"):
        run_local([str(source)], spec, lambda: model, BatchOptions(chunk_size=16, fail_fast=True))
    assert [r["index"] for r in read_results(spec.path)] == [0, 1, 2, 3]


def test_cli_stdin_gzip_to_csv_and_latin1(small_model_dir, tmp_path):
    rows = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS))
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "promptprism.cli", "classify", "-i", "-", "-o", str(out)],
        input=gzip.compress(rows.encode()),
        capture_output=True,
        env={**os.environ, "PROMPTPRISM_MODELS_DIR": str(small_model_dir)},
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    with out.open() as handle:
        table = list(csv.DictReader(handle))
    assert [r["index"] for r in table] == ["0", "1", "2", "3", "4"] and table[0]["category"] == "translation"

    latin = tmp_path / "latin.jsonl.gz"
    latin.write_bytes(gzip.compress(b'{"text": "ok"}\n{"text": "caf\xe9 au lait"}\n'))
    refused = run(["classify", "-i", str(latin)], small_model_dir, tmp_path, check_code=2)
    said = " ".join(refused.stderr.split())  # rich wraps long messages
    assert "latin.jsonl.gz is not utf-8 text: line 2, byte offset 28 of the decompressed data" in said
    assert "Traceback" not in refused.stderr
    accepted = run(["classify", "-i", str(latin), "--encoding", "latin-1"], small_model_dir, tmp_path)
    assert [json.loads(line)["index"] for line in accepted.stdout.splitlines()] == [0, 1]
    assert "classified 2 of 2 rows" in accepted.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-i", "{dir}/cols.csv"], "has no request column"),
        (["-i", "{dir}/in.jsonl", "-o", "{dir}/out.txt"], "cannot tell the output format"),
        (["-i", "{dir}/in.jsonl", "-o", "{dir}/fresh.jsonl", "--resume"], "nothing to resume"),
        (["-i", "{dir}/in.jsonl", "--fail-fast"], "row 4: "),
    ],
)
def test_cli_unusable_input_exits_2_without_traceback(small_model_dir, tmp_path, args, message):
    make_input(tmp_path / "in.jsonl", 6)
    (tmp_path / "cols.csv").write_text("name,age\nann,3\n")
    done = run(
        ["classify", *[a.replace("{dir}", str(tmp_path)) for a in args]], small_model_dir, tmp_path, check_code=2
    )
    assert message in " ".join(done.stderr.split()) and "Traceback" not in done.stderr


@pytest.mark.slow
def test_ray_engine_matches_the_local_engine(model, small_model_dir, tmp_path):
    pytest.importorskip("ray.data")
    import ray

    from promptprism.ray_engine import run_ray

    first = make_input(tmp_path / "a.jsonl", 45)
    second = tmp_path / "b.csv.gz"
    second.write_bytes(
        gzip.compress(("id,text,model\n" + "".join(f"c{i},{TEXTS[i % 5]} ({i}),m\n" for i in range(30))).encode())
    )
    inputs = [str(first), str(second)]
    local = output_spec(tmp_path / "local.parquet")
    run_local(inputs, local, lambda: model, BatchOptions(chunk_size=8))
    distributed = output_spec(tmp_path / "ray.jsonl")
    try:
        summary = run_ray(
            inputs, distributed, "small-static", small_model_dir, None, BatchOptions(chunk_size=8), actors=2
        )
    finally:
        ray.shutdown()
    expected, got = list(read_results(local.path)), list(read_results(distributed.path))
    assert summary.rows == len(got) == len(expected) == 45 + 6 + 30
    assert [r["index"] for r in got] == [r["index"] for r in expected] == list(range(81))
    for mine, theirs in zip(got, expected, strict=True):
        assert ("error" in mine) == ("error" in theirs)
        assert mine.get("input_id") == theirs.get("input_id") or str(mine.get("input_id")) == theirs.get("input_id")
        for dimension, answer in mine.get("labels", {}).items():
            assert answer["label"] == theirs["labels"][dimension]["label"]
            assert abs(answer["probability"] - theirs["labels"][dimension]["probability"]) <= 1e-6
