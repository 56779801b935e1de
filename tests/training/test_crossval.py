"""Leave-source-out evaluation holds each real source out honestly and reports pooled, per-source figures."""

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score

from tests.conftest import SMALL_CSV
from training import crossval
from training.crossval import (
    ablate,
    embed_dataset,
    fold_split,
    leave_source_out,
    load_authored_and_corpus,
    user_turns,
    write_lso_deltas,
)
from training.dataset import AUTHORED, LabeledDataset, item_key


def chat(*user_turns_text: str) -> str:
    messages = [{"role": "system", "content": "You are a helpful assistant."}]
    for i, text in enumerate(user_turns_text):
        if i:
            messages.append({"role": "assistant", "content": "Sure, here you go."})
        messages.append({"role": "user", "content": text})
    return json.dumps(messages)


# Three "real" sources; none has creative_writing or finance, which small_train.csv does.
CORPUS = [
    ("forum-a", "programming", "my python script says ModuleNotFoundError for requests, how do I fix it", ""),
    ("forum-a", "programming", "how can I sort a dictionary by its values in javascript", ""),
    ("forum-a", "programming", "segfault when I free a pointer twice in C, why", ""),
    ("forum-a", "math", "what is the least common multiple of 12 and 18", ""),
    ("forum-a", "math", "factor x^2 - 5x + 6", ""),
    ("forum-a", "math", "what is the probability of rolling two sixes with two dice", ""),
    ("forum-b", "translation", "translate 'where is the train station' into french", ""),
    ("forum-b", "translation", "wie sagt man 'good night' auf Italienisch", ""),
    ("forum-b", "translation", "", chat("please translate 'happy birthday' into portuguese")),
    ("forum-b", "health", "is it normal for my knee to hurt after running 10 km", ""),
    ("forum-b", "health", "what foods are high in iron for someone with anemia", ""),
    (
        "forum-b",
        "health",
        "",
        chat("I keep waking up at 4am", "and I also feel dizzy in the morning, what could it be"),
    ),
    ("chat-c", "math", "", chat("help me with homework", "what is the area of a circle with radius 3")),
    ("chat-c", "math", "solve for y: 2y - 7 = 11", ""),
    ("chat-c", "programming", "", chat("I use rust", "why does the borrow checker reject this loop", "any fix?")),
    ("chat-c", "programming", "write a bash one-liner that counts lines in all .py files", ""),
]
SOURCES = ["forum-a", "forum-b", "chat-c"]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("embedding-cache")


@pytest.fixture(scope="module")
def corpus_paths(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("corpus")
    corpus = directory / "corpus.csv"
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "messages", "category", "source"])
        for source, category, text, messages in CORPUS:
            writer.writerow([text, messages, category, source])
    entries = [
        {"name": s, "package": "x==1", "registry": "pypi", "path": "p", "license": "MIT", "mapping": "m"}
        | {"rows": sum(1 for r in CORPUS if r[0] == s), "labels": {}, "lso_delta": None}
        for s in SOURCES
    ]
    entries.append({"name": "not-in-corpus", "lso_delta": 0.5})
    sources = directory / "sources.json"
    sources.write_text(json.dumps(entries))
    return corpus, sources


@pytest.fixture(scope="module")
def dataset(corpus_paths: tuple[Path, Path]) -> LabeledDataset:
    return load_authored_and_corpus(SMALL_CSV, corpus_paths[0])


@pytest.fixture(scope="module")
def vectors(dataset: LabeledDataset, cache_dir: Path) -> np.ndarray:
    return embed_dataset(dataset, "static", cache_dir=cache_dir, progress=False)


@pytest.fixture(scope="module")
def report(dataset: LabeledDataset, vectors: np.ndarray) -> dict:
    return leave_source_out(dataset, "static", vectors=vectors, c=4.0, progress=False)


def test_corpus_rows_keep_their_source_and_lack_reasoning_labels(dataset: LabeledDataset):
    assert Counter(dataset.sources) == {AUTHORED: 36, "forum-a": 6, "forum-b": 6, "chat-c": 4}
    assert dataset.label_columns == ["category", "reasoning_heavy"]
    assert len(dataset.labeled_rows("reasoning_heavy")) == 36
    assert len(dataset.labeled_rows("category")) == 52


def test_held_out_rows_never_train_their_own_fold(dataset: LabeledDataset):
    for source in SOURCES:
        train, test = fold_split(dataset, "category", source)
        assert len(test) == sum(1 for s in dataset.sources if s == source)
        assert not set(train) & set(test)
        assert all(dataset.sources[i] != source for i in train)
        assert len(train) + len(test) == 52
    # The same text in another source (here: an authored row repeated in forum-a) stays out of training too.
    repeated = dataset.subset([*range(len(dataset)), 0])
    repeated.sources[-1] = "forum-a"
    train, test = fold_split(repeated, "category", "forum-a")
    assert len(dataset) in test and 0 not in train
    held_keys = {item_key(repeated.items[i]) for i in test}
    assert not any(item_key(repeated.items[i]) in held_keys for i in train)
    excluded_train, _ = fold_split(dataset, "category", "forum-a", exclude=["chat-c"])
    assert all(dataset.sources[i] not in ("forum-a", "chat-c") for i in excluded_train)


def test_per_source_accuracy_and_counts_add_up(dataset: LabeledDataset, report: dict):
    metrics = report["dimensions"]["category"]
    per_source = metrics["per_source"]
    assert set(per_source) == set(SOURCES) == set(report["held_out_sources"])
    assert {s: row["rows"] for s, row in per_source.items()} == {"forum-a": 6, "forum-b": 6, "chat-c": 4}
    assert sum(row["rows"] for row in per_source.values()) == metrics["rows"] == 16
    correct = sum(row["correct"] for row in per_source.values())
    assert metrics["accuracy"] == pytest.approx(correct / 16, abs=1e-4)
    for row in per_source.values():
        assert row["accuracy"] == pytest.approx(row["correct"] / row["rows"], abs=1e-4)
        assert sum(row["labels"].values()) == row["rows"]
    assert sum(sum(r) for r in metrics["confusion_matrix"]["matrix"]) == 16
    assert [f["source"] for f in metrics["folds"]] == SOURCES
    assert {f["source"]: f["train_rows"] for f in metrics["folds"]} == {"forum-a": 46, "forum-b": 46, "chat-c": 48}
    # Three conversations have two or more user turns; the single-turn chat does not count.
    assert metrics["multi_turn"]["rows"] == 3
    assert sum(user_turns(dataset.items[i]) >= 2 for i in range(len(dataset))) == 3
    assert metrics["accuracy"] > 0.5  # the static model tells these apart well above chance (1 in 6)


def test_labels_absent_from_the_held_out_truth_are_excluded_from_macro_f1(report: dict):
    metrics = report["dimensions"]["category"]
    present = ["health", "math", "programming", "translation"]
    assert metrics["macro_f1_labels"] == present
    assert sorted(metrics["excluded_from_macro_f1"]) == ["creative_writing", "finance"]
    assert metrics["macro_f1"] == pytest.approx(np.mean([metrics["per_class"][k]["f1"] for k in present]), abs=1e-3)
    # reasoning_heavy has no label on any corpus row: nothing to hold out, so it is reported as skipped.
    assert report["skipped_dimensions"] == ["reasoning_heavy"]


def test_ablation_deltas_are_with_minus_without_and_land_in_sources_json(
    dataset: LabeledDataset, vectors: np.ndarray, corpus_paths: tuple[Path, Path], tmp_path: Path
):
    result = ablate(dataset, "static", vectors=vectors, progress=False)
    full = crossval.pooled_predictions(dataset, vectors, "category", SOURCES, c=4.0, calibrated=False, progress=False)
    full_sources = np.asarray(dataset.sources)[full.rows]
    for row in result["sources"]:
        mask = full_sources != row["source"]
        truth, predicted = full.y_true[mask], full.predicted[mask]
        assert row["f1_with"] == pytest.approx(
            f1_score(truth, predicted, labels=sorted(set(truth)), average="macro", zero_division=0)
        )
        assert row["lso_delta"] == pytest.approx(row["f1_with"] - row["f1_without"])
    assert {r["source"]: r["rows"] for r in result["sources"]} == {"forum-a": 6, "forum-b": 6, "chat-c": 4}
    # Runs in worker processes measure the same deltas, in the same order, as runs in this one.
    assert ablate(dataset, "static", vectors=vectors, progress=False, jobs=2)["sources"] == result["sources"]
    part = ablate(dataset, "static", vectors=vectors, progress=False, only=["forum-b"])
    assert part["sources"] == [r for r in result["sources"] if r["source"] == "forum-b"]
    sources = tmp_path / "sources.json"
    sources.write_text(corpus_paths[1].read_text())
    assert write_lso_deltas(sources, result) == []
    written = {e["name"]: e["lso_delta"] for e in json.loads(sources.read_text())}
    for row in result["sources"]:
        assert written[row["source"]] == round(row["lso_delta"], 4)
    assert written["not-in-corpus"] == 0.5
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sources.json")]


def test_ablate_command_writes_the_table_and_the_deltas(corpus_paths: tuple[Path, Path], cache_dir: Path, tmp_path):
    sources, out = tmp_path / "sources.json", tmp_path / "ablation.md"
    sources.write_text(corpus_paths[1].read_text())
    files = ["--train", str(SMALL_CSV), "--corpus", str(corpus_paths[0]), "--sources", str(sources), "--out", str(out)]
    crossval.main(["ablate", *files, "--backend", "static", "--cache-dir", str(cache_dir)])
    page = out.read_text()
    assert "Generated by `python -m training.crossval ablate" in page and "--backend static" in page
    assert "| source | rows | F1 with | F1 without | delta |" in page
    deltas = {e["name"]: e["lso_delta"] for e in json.loads(sources.read_text())}
    for source in SOURCES:
        assert isinstance(deltas[source], float) and f"`{source}`" in page


def test_evaluate_command_writes_the_json_report(corpus_paths: tuple[Path, Path], cache_dir: Path, tmp_path, capsys):
    out = tmp_path / "lso.json"
    files = ["--train", str(SMALL_CSV), "--corpus", str(corpus_paths[0]), "--json", str(out)]
    crossval.main(["evaluate", *files, "--backend", "static", "--cache-dir", str(cache_dir), "--c", "4"])
    saved = json.loads(out.read_text())
    assert saved["dimensions"]["category"]["rows"] == 16
    printed = capsys.readouterr().out
    assert "accuracy per held-out source" in printed and "2+ user turns" in printed


def test_a_source_with_a_negative_lso_delta_is_scored_but_never_trained_on(
    corpus_paths: tuple[Path, Path], vectors: np.ndarray, tmp_path: Path
):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(corpus_paths[0].read_text())
    entries = json.loads(corpus_paths[1].read_text())
    for entry in entries:
        entry["lso_delta"] = -0.01 if entry["name"] == "forum-b" else 0.02
    (tmp_path / "sources.json").write_text(json.dumps(entries))
    dataset = load_authored_and_corpus(SMALL_CSV, corpus)
    assert dataset.evaluation_only == {"forum-b"}
    sources = np.asarray(dataset.sources)
    # Held out in its own fold, like every source ...
    train, test = crossval.fold_split(dataset, "category", "forum-b")
    assert set(sources[test]) == {"forum-b"} and len(test) == 6
    # ... and in no fold's training pool.
    for source in SOURCES:
        train, _ = crossval.fold_split(dataset, "category", source)
        assert "forum-b" not in set(sources[train])
    report = leave_source_out(dataset, "static", vectors=vectors, c=4.0, progress=False)
    assert report["evaluation_only_sources"] == ["forum-b"]
    by_language = report["dimensions"]["category"]["per_language"]
    assert "en" in by_language and sum(row["rows"] for row in by_language.values()) == 16
    assert "forum-b" in report["dimensions"]["category"]["per_source"]
    assert dataset.trainable(list(range(len(dataset)))) == [i for i, s in enumerate(sources) if s != "forum-b"]
    # The ablation still measures it as a candidate for training.
    assert "forum-b" in {r["source"] for r in ablate(dataset, "static", vectors=vectors, progress=False)["sources"]}
