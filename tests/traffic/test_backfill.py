"""events import / export: labelled files into the event store and back out, round trip."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.report_scale import write_labelled_parquet
from traffic.backfill import export_events, import_events
from traffic.batch_io import BatchInputError, read_results
from traffic.store import EventStore

ROOT = Path(__file__).parents[2]


def test_import_then_export_round_trip(tmp_path):
    parquet = tmp_path / "labelled.parquet"
    write_labelled_parquet(parquet, 700)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "index": 0,
                    "id": "abc",
                    "timestamp": "2026-02-01T10:00:00Z",
                    "model": "gpt-4o",
                    "app": "ide",
                    "user": "ann",
                    "model_version": "v1",
                    "labels": {"category": {"label": "math", "probability": 0.9}},
                    "signals": {"prompt_tokens": 12, "completion_tokens": 3, "language": "de"},
                },
                {"index": 1, "error": {"type": "invalid_request", "message": "bad"}},
                {"index": 2, "id": "def", "labels": {"category": {"label": "math"}}, "signals": {}},
            ]
        )
        + "\n"
    )
    store = EventStore(f"sqlite:///{tmp_path / 'events.db'}")
    store.create_schema()
    summary = import_events(store, [str(parquet), str(jsonl)], chunk=256)
    assert (summary.imported, summary.errors, summary.no_timestamp) == (701, 1, 1)
    again = import_events(store, [str(jsonl)])
    assert (again.imported, again.already_there) == (0, 1)
    assert store.count() == 701

    out = tmp_path / "export.parquet"
    assert export_events(store, out, page=100) == 701
    exported = list(read_results(out))
    assert [r["index"] for r in exported] == list(range(701))
    assert [r["timestamp"] for r in exported] == sorted(r["timestamp"] for r in exported)
    mine = next(r for r in exported if r["id"] == "abc")
    assert (mine["timestamp"], mine["model"], mine["app"], mine["user"]) == (
        "2026-02-01T10:00:00Z",
        "gpt-4o",
        "ide",
        "ann",
    )
    assert mine["labels"]["category"]["label"] == "math" and mine["signals"]["language"] == "de"
    original = {r["timestamp"]: r["labels"]["category"]["label"] for r in read_results(parquet)}
    assert all(original[r["timestamp"]] == r["labels"]["category"]["label"] for r in exported if r["id"] != "abc")

    # The export is labelled input again: a second store gets the same events.
    other = EventStore(f"sqlite:///{tmp_path / 'other.db'}")
    other.create_schema()
    assert import_events(other, [str(out)]).imported == 701
    store.dispose()
    other.dispose()


def test_unlabelled_files_are_refused(tmp_path):
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"timestamp": 1, "text": "hi"}) + "\n")
    store = EventStore(f"sqlite:///{tmp_path / 'e.db'}")
    store.create_schema()
    with pytest.raises(BatchInputError, match="not promptprism classify output"):
        import_events(store, [str(raw)])
    store.dispose()


def test_cli_events_import_and_export(tmp_path):
    parquet = tmp_path / "labelled.parquet"
    write_labelled_parquet(parquet, 50)
    env = {**os.environ, "PROMPTPRISM_DATABASE_PATH": str(tmp_path / "cli.db")}

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "promptprism.cli", "events", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    done = cli("import", str(parquet))
    assert done.returncode == 0 and "imported 50 call(s)" in done.stderr, done.stderr
    done = cli("export", "--out", str(tmp_path / "x.parquet"))
    assert done.returncode == 0 and "exported 50 event(s)" in done.stderr, done.stderr
    refused = cli("import", str(tmp_path / "missing.jsonl"))
    assert refused.returncode == 2 and "no such file" in refused.stderr and "Traceback" not in refused.stderr
