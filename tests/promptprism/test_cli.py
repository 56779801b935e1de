"""The promptprism CLI: train, classify (text and files), evaluate, models; exit codes 0 / 2 / 1."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL_CSV

ROOT = Path(__file__).parents[2]


def run(args, models_dir: Path, tmp_path: Path, check_code: int | None = 0, env: dict[str, str] | None = None):
    env = {
        **os.environ,
        "PROMPTPRISM_MODELS_DIR": str(models_dir),
        "PROMPTPRISM_EMBEDDING_CACHE_DIR": str(tmp_path / "cache"),
        **(env or {}),
    }
    done = subprocess.run(
        [sys.executable, "-m", "promptprism.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if check_code is not None:
        assert done.returncode == check_code, done.stdout + done.stderr
    return done


def test_classify_text_prints_the_api_shape(small_model_dir, tmp_path):
    out = run(["classify", "write a haiku about autumn"], small_model_dir, tmp_path)
    result = json.loads(out.stdout)
    assert result["labels"]["category"]["label"] == "creative_writing"
    assert {"id", "model_version", "labels", "signals", "elapsed_ms"} <= set(result)


def test_classify_files_jsonl_and_csv(small_model_dir, tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        "\n".join(
            json.dumps(x)
            for x in [
                {"text": "translate thank you into italian"},
                {"prompt": "what is 7 times 8", "completion": "56"},
                {"request": {"messages": [{"role": "user", "content": "write a poem about snow"}]}},
                {"request": {"messages": [{"role": "wizard", "content": "?"}]}},
            ]
        )
        + "\nnot json\n"
    )
    out_path = tmp_path / "out.jsonl"
    # Error records stand in for the bad lines; the run itself succeeds and reports the count.
    done = run(["classify", "--input", str(jsonl), "--output", str(out_path)], small_model_dir, tmp_path)
    assert "2 row(s) could not be classified" in done.stderr
    lines = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [line.get("labels", {}).get("category", {}).get("label") for line in lines[:3]] == [
        "translation",
        "math",
        "creative_writing",
    ]
    assert lines[3]["error"]["field"] == "request.messages[0].role"
    assert [line["index"] for line in lines] == [0, 1, 2, 3, 4]
    assert "not valid JSON" in lines[4]["error"]["message"]

    csv_path = tmp_path / "in.csv"
    csv_path.write_text("text\nhow do I fix a segfault in my C code\nwhat is 2+2\n")
    done = run(["classify", "-i", str(csv_path), "-o", str(tmp_path / "out2.jsonl")], small_model_dir, tmp_path)
    assert len((tmp_path / "out2.jsonl").read_text().splitlines()) == 2


def test_train_evaluate_and_activate(models_copy, tmp_path):
    done = run(
        ["train", str(SMALL_CSV), "--backend", "static", "--test-size", "0.34", "--version", "cli-v2", "--no-activate"],
        models_copy,
        tmp_path,
    )
    assert "macro-F1" in done.stdout and "cli-v2" in done.stderr
    listed = run(["models", "list"], models_copy, tmp_path).stdout
    assert "* small-static" in listed and "cli-v2" in listed
    run(["models", "activate", "cli-v2"], models_copy, tmp_path)
    assert (models_copy / "ACTIVE").read_text().strip() == "cli-v2"
    evaluated = run(["evaluate", "--model", "cli-v2", str(SMALL_CSV)], models_copy, tmp_path).stdout
    assert "confusion matrix" in evaluated and "balanced accuracy" in evaluated


def test_train_says_what_it_did_and_shows_progress(models_copy, tmp_path):
    done = run(
        ["train", str(SMALL_CSV), "--backend", "static", "--test-size", "0.34", "--version", "quiet", "--no-activate"],
        models_copy,
        tmp_path,
    )
    # One line that does not contradict itself: not activated, because the flag said so, whatever the gate says.
    [line] = [ln for ln in done.stderr.splitlines() if "activated" in ln and "activate it with" not in ln]
    assert line.startswith("not activated, as --no-activate asked; without the flag: "), line
    assert "becomes active" not in done.stderr
    assert (models_copy / "ACTIVE").read_text().strip() == "small-static"
    # The progress bar names each head while it is being fitted.
    assert "evaluating head category (1/2)" in done.stderr and "fitting head reasoning_heavy" in done.stderr


def test_evaluate_macro_f1_over_present_labels_and_the_whole_confusion_matrix(small_model_dir, tmp_path):
    rows = SMALL_CSV.read_text().splitlines()
    subset = tmp_path / "two_labels.csv"
    subset.write_text("\n".join([rows[0], *(r for r in rows[1:] if r.split(",")[-2] in ("translation", "math"))]))
    out = tmp_path / "confusion"
    done = run(
        ["evaluate", str(subset), "--json", str(tmp_path / "m.json"), "--out", str(out)],
        small_model_dir,
        tmp_path,
    )
    metrics = json.loads((tmp_path / "m.json").read_text())["category"]
    assert metrics["macro_f1_labels"] == ["math", "translation"]
    assert set(metrics["excluded_from_macro_f1"]) == {"creative_writing", "finance", "health", "programming"}
    present_f1 = [metrics["per_class"][label]["f1"] for label in ("math", "translation")]
    assert metrics["macro_f1"] == pytest.approx(sum(present_f1) / 2, abs=1e-3)
    assert "excluded (no row has them): " in done.stdout
    # Printed whole on an 80-column pipe: a row per label, a column per label, nothing cut.
    labels = metrics["confusion_matrix"]["labels"]
    matrix_lines = [ln for ln in done.stdout.splitlines() if re.match(r"^│ \d+ \w", ln)]
    category_rows = matrix_lines[: len(labels)]
    for number, (label, line) in enumerate(zip(labels, category_rows, strict=True), 1):
        assert f"{number} {label}" in line and "…" not in line
        assert len(line.split("│")) == len(labels) + 3  # label cell + one per label, between the borders
    # --out: one CSV per dimension, the whole matrix.
    with (out / "two_labels.category.confusion.csv").open(newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["true\\predicted", *labels]
    assert [row[0] for row in table[1:]] == labels
    assert sum(int(v) for row in table[1:] for v in row[1:]) == metrics["rows"]
    assert (out / "two_labels.reasoning_heavy.confusion.csv").is_file()


def test_version_and_help(small_model_dir, tmp_path):
    from importlib.metadata import version

    done = run(["--version"], small_model_dir, tmp_path)
    assert done.stdout.strip() == f"promptprism {version('promptprism')}"
    for command in (["--help"], ["train", "--help"], ["evaluate", "--help"], ["serve", "--help"]):
        shown = run(command, small_model_dir, tmp_path).stdout
        assert "<bool>" not in shown and "--help" in shown, command
    assert "--no-activate" in run(["train", "--help"], small_model_dir, tmp_path).stdout


@pytest.mark.slow
def test_serve_exits_3_when_it_cannot_start(small_model_dir, tmp_path):
    """Exit code 3 (README): uvicorn's start-up failure, here because the port is taken."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {"PROMPTPRISM_DATABASE_PATH": str(tmp_path / "events.db")}
        done = run(["serve", "--port", str(port)], small_model_dir, tmp_path, check_code=3, env=env)
    assert "could not start" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_serve_with_workers_exits_3_when_its_port_is_taken(small_model_dir, tmp_path):
    """Each worker opens its own socket in the port's SO_REUSEPORT group: the port is checked first, so a
    second server on it fails at once instead of sharing the first one's connections."""
    from promptprism.workers import listening_socket

    for reuse_port in (False, True):  # another program, or another PromptPrism's workers
        with listening_socket("127.0.0.1", 0, 1, reuse_port=reuse_port) as taken:
            port = taken.getsockname()[1]
            env = {"PROMPTPRISM_DATABASE_PATH": str(tmp_path / "events.db")}
            serve = ["serve", "--port", str(port), "--workers", "2"]
            done = run(serve, small_model_dir, tmp_path, check_code=3, env=env)
        assert "could not start" in done.stderr and "in use" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["train", "missing.csv"], "no such file"),
        (["train", "{csv}", "--label-columns", "categroy"], "did you mean 'category'"),
        (["train", "{csv}", "--backend", "gpt"], "--backend must be"),
        (["train", "{csv}", "--threshold", "category"], "DIMENSION=PROBABILITY"),
        (["classify"], "give a text"),
        (["classify", "--input", "nowhere.jsonl"], "no such file"),
        (["classify", "hello", "--model", "v999"], "no model version"),
        (["evaluate", "{csv}", "--model", "../x"], "invalid model version"),
        (["models", "activate", "nope"], "no model version"),
        (["train", "--bogus-flag"], "No such option"),
    ],
)
def test_bad_input_exits_2_with_a_message(args, message, small_model_dir, tmp_path):
    args = [a.replace("{csv}", str(SMALL_CSV)) for a in args]
    done = run(args, small_model_dir, tmp_path, check_code=2)
    assert message in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_models_activate_probes_before_switching_and_never_unpickles(models_copy, tmp_path):
    from tests.classifier.test_model import broken_version, plant_version

    marker = tmp_path / "pwned"
    plant_version(models_copy, "planted", marker)
    broken_version(models_copy, "broken")
    refused = run(["models", "activate", "broken"], models_copy, tmp_path, check_code=2)
    assert "probe" in refused.stdout + refused.stderr
    assert (models_copy / "ACTIVE").read_text().strip() == "small-static"
    done = run(["models", "activate", "planted"], models_copy, tmp_path)
    assert "classified a probe text" in (done.stdout + done.stderr).replace("\n", " ")
    assert (models_copy / "ACTIVE").read_text().strip() == "planted" and not marker.exists()
