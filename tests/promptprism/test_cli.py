"""The promptprism CLI: train, classify (text and files), evaluate, models; exit codes 0 / 2 / 1."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL_CSV

ROOT = Path(__file__).parents[2]


def run(args, models_dir: Path, tmp_path: Path, check_code: int | None = 0):
    env = {
        **os.environ,
        "PROMPTPRISM_MODELS_DIR": str(models_dir),
        "PROMPTPRISM_EMBEDDING_CACHE_DIR": str(tmp_path / "cache"),
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
