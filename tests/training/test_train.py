"""Training round-trips into a loadable version; failures and interruptions never touch the active model."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from classifier import load_model
from classifier.artifacts import active_version, list_versions, read_manifest, set_active_version, sha256_file
from tests.conftest import SMALL_CSV
from training import train as train_module
from training.dataset import LabeledDataset, combine_datasets, read_labeled_csv
from training.train import TrainOptions, train_model


def test_train_then_classify_round_trip(models_copy: Path, tmp_path: Path):
    result = train_model(
        SMALL_CSV,
        models_copy,
        TrainOptions(backend="static", test_size=0.34, activate=False, cv_folds=3, cache_dir=tmp_path / "cache"),
    )
    assert not result.activated and active_version(models_copy) == "small-static"
    manifest = read_manifest(result.path)
    assert manifest["embedder"]["backend"] == "static" and manifest["embedder"]["dimension"] == 256
    assert manifest["training_data"]["rows"] == 36
    assert manifest["training_data"]["sha256"] == sha256_file(SMALL_CSV)
    assert set(manifest["heads"]) == {"category", "reasoning_heavy"}
    for head in manifest["heads"].values():
        assert head["sha256"] == sha256_file(result.path / head["file"])
    split = manifest["metrics"]["test_split"]["category"]
    assert {"macro_f1", "accuracy", "ece", "per_class", "confusion_matrix"} <= set(split)
    assert manifest["metrics"]["cross_validation"]["category"]["rows"] == 36
    assert "scikit-learn" in manifest["library_versions"]
    card = (result.path / "README.md").read_text()
    assert result.version in card and "macro-F1" in card
    model = load_model(result.version, models_copy)
    assert model.classify("translate 'see you tomorrow' into german").labels["category"].label == "translation"


def test_retraining_reuses_cached_embeddings(tmp_path: Path):
    calls = []
    original = train_module.EmbeddingCache.encode

    def spy(self, texts, batch_size=32, progress=True):
        out = original(self, texts, batch_size, progress=False)
        calls.append((self.hits, self.misses))
        return out

    train_module.EmbeddingCache.encode = spy
    try:
        for name in ("one", "two"):
            train_model(
                SMALL_CSV,
                tmp_path / "models",
                TrainOptions(backend="static", test_size=0.34, version=name, cache_dir=tmp_path / "cache"),
            )
    finally:
        train_module.EmbeddingCache.encode = original
    assert calls[0] == (0, 36)
    assert calls[1] == (36, 0)


@pytest.mark.slow
def test_quality_gate_decides_activation(models_copy: Path, tmp_path: Path):
    options = TrainOptions(backend="static", test_size=0.34, cache_dir=tmp_path / "c", heldout=SMALL_CSV)
    base = train_model(SMALL_CSV, models_copy, TrainOptions(**{**options.__dict__, "activate": True}))
    manifest_path = base.path / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["metrics"]["heldout_file"]["category"]["macro_f1"] = 1.5  # unbeatable active model, margin included
    manifest_path.write_text(json.dumps(manifest))
    result = train_model(SMALL_CSV, models_copy, options)
    assert not result.activated and "not activated: fails the quality gate" in result.gate
    assert "on the same file" in result.gate
    forced = train_model(SMALL_CSV, models_copy, TrainOptions(**{**options.__dict__, "activate": True}))
    assert forced.activated and active_version(models_copy) == forced.version
    assert forced.gate.startswith("activated, as --activate asked; without the flag: ")
    same = train_model(SMALL_CSV, models_copy, options)  # as good as the active one, on the same file
    assert same.activated and "activated: passes the quality gate" in same.gate


@pytest.mark.slow
def test_quality_gate_never_compares_unlike_models(models_copy: Path, tmp_path: Path):
    """A model with other labels, or scored on other data, never activates itself, whatever its score."""
    options = TrainOptions(backend="static", test_size=0.34, cache_dir=tmp_path / "c", heldout=SMALL_CSV)
    train_model(SMALL_CSV, models_copy, TrainOptions(**{**options.__dict__, "activate": True, "version": "base"}))

    no_heldout = train_model(SMALL_CSV, models_copy, TrainOptions(**{**options.__dict__, "heldout": None}))
    assert not no_heldout.activated and "not scored on a held-out file" in no_heldout.gate

    other_file = tmp_path / "other-heldout.csv"
    other_file.write_text("\n".join(SMALL_CSV.read_text().splitlines()[:-3]) + "\n")
    other = train_model(SMALL_CSV, models_copy, TrainOptions(**{**options.__dict__, "heldout": other_file}))
    assert not other.activated and "different held-out file" in other.gate

    # Another label set (one category renamed), scored on its own file: a perfect score would not matter.
    relabeled = tmp_path / "relabeled.csv"
    relabeled.write_text(SMALL_CSV.read_text().replace(",translation,", ",translate,"))
    labels = train_model(relabeled, models_copy, TrainOptions(**{**options.__dict__, "heldout": relabeled}))
    assert not labels.activated and "labels" in labels.gate and "differ" in labels.gate

    only_category = tmp_path / "only-category.csv"
    only_category.write_text("\n".join(",".join(line.split(",")[:-1]) for line in SMALL_CSV.read_text().splitlines()))
    dims = train_model(only_category, models_copy, TrainOptions(**{**options.__dict__, "heldout": only_category}))
    assert not dims.activated and "dimensions" in dims.gate
    assert active_version(models_copy) == "base"


def test_backend_option_picks_the_active_or_shipped_model_not_the_newest(models_copy: Path, tmp_path: Path):
    from classifier.model import resolve_version

    newest = train_model(
        SMALL_CSV, models_copy, TrainOptions(backend="static", test_size=0.34, activate=False, cache_dir=tmp_path / "c")
    )
    assert list_versions(models_copy)[-1] == newest.version
    assert resolve_version(models_copy, backend="static") == "small-static"  # the active one, not the newest
    shipped = resolve_version(models_copy, backend="transformer")
    assert shipped.startswith("default-transformer")  # none here: the shipped one
    set_active_version(models_copy, shipped)
    assert resolve_version(models_copy, backend="static") == "small-static"  # the one last activated on static
    set_active_version(models_copy, newest.version)
    assert resolve_version(models_copy, backend="static") == newest.version


def test_failed_training_leaves_no_version_and_keeps_the_active_one(models_copy: Path, tmp_path: Path, monkeypatch):
    def explode(manifest):
        raise RuntimeError("disk full")

    monkeypatch.setattr(train_module, "render_model_card", explode)
    before = list_versions(models_copy)
    with pytest.raises(RuntimeError, match="disk full"):
        train_model(
            SMALL_CSV,
            models_copy,
            TrainOptions(backend="static", test_size=0.34, activate=True, cache_dir=tmp_path / "c"),
        )
    assert list_versions(models_copy) == before
    assert not [p for p in models_copy.iterdir() if p.name.startswith(".tmp-")]
    assert load_model(models_dir=models_copy).version == "small-static"


def test_killed_training_run_leaves_the_active_model_loadable(models_copy: Path, tmp_path: Path):
    marker = tmp_path / "writing"
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from training import train
        def hang(manifest):
            Path({str(marker)!r}).write_text("now")
            time.sleep(600)
        train.render_model_card = hang
        train.train_model({str(SMALL_CSV)!r}, {str(models_copy)!r},
                          train.TrainOptions(backend="static", test_size=0.34, activate=True,
                                             cache_dir={str(tmp_path / "c")!r}))
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).parents[2])
    try:
        deadline = time.time() + 120
        while not marker.exists():
            assert process.poll() is None, "training process died early"
            assert time.time() < deadline, "training never reached the write step"
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert [p for p in models_copy.iterdir() if p.name.startswith(".tmp-")], "the half-written version stays hidden"
    assert [p.name for p in models_copy.iterdir() if p.is_dir() and not p.name.startswith(".")] == ["small-static"]
    assert active_version(models_copy) == "small-static"
    assert load_model(models_dir=models_copy).classify("hello").model_version == "small-static"


def test_bad_options_are_refused_before_work(models_copy: Path):
    from training.dataset import DatasetError

    with pytest.raises(DatasetError, match="test-size"):
        train_model(SMALL_CSV, models_copy, TrainOptions(test_size=1.5))
    with pytest.raises(DatasetError, match="too few"):
        train_model(SMALL_CSV, models_copy, TrainOptions(test_size=0.05))
    with pytest.raises(DatasetError, match="not a label column"):
        train_model(SMALL_CSV, models_copy, TrainOptions(thresholds={"topic": 0.5}))


def _authored_plus_forum(tmp_path: Path) -> tuple[Path, LabeledDataset]:
    """The authored sample plus a 12-row corpus from one source, ``forum``, labelling ``category`` only."""
    corpus = tmp_path / "corpus.csv"
    rows = [f"how do I fix a null pointer exception in java, case {i}" for i in range(6)]
    rows += [f"translate 'good luck with exam number {i}' into dutch" for i in range(6)]
    labels = ["programming"] * 6 + ["translation"] * 6
    corpus.write_text(
        "text,category,source\n" + "".join(f'"{t}",{lab},forum\n' for t, lab in zip(rows, labels, strict=True))
    )
    return corpus, combine_datasets(read_labeled_csv(SMALL_CSV), read_labeled_csv(corpus, check_label_counts=False))


def test_each_head_trains_on_the_rows_that_have_its_label(tmp_path: Path):
    corpus, dataset = _authored_plus_forum(tmp_path)
    assert dataset.labels["reasoning_heavy"].count("") == 12
    result = train_model(
        corpus,
        tmp_path / "models",
        TrainOptions(backend="static", test_size=0.34, c=4.0, cv_folds=3, cache_dir=tmp_path / "cache"),
        dataset=dataset,
    )
    metrics = result.manifest["metrics"]
    assert metrics["cross_validation"]["category"]["rows"] == 48
    assert metrics["cross_validation"]["reasoning_heavy"]["rows"] == 36
    assert metrics["test_split"]["reasoning_heavy"]["rows"] < metrics["test_split"]["category"]["rows"]
    assert result.manifest["heads"]["reasoning_heavy"]["labels"] == ["no", "yes"]


def test_rows_of_an_evaluation_only_source_are_scored_by_leave_source_out_but_never_fitted(tmp_path: Path):
    corpus, dataset = _authored_plus_forum(tmp_path)
    dataset = replace(dataset, evaluation_only=frozenset({"forum"}))
    result = train_model(
        corpus,
        tmp_path / "models",
        TrainOptions(backend="static", test_size=0.34, c=4.0, cv_folds=3, cache_dir=tmp_path / "cache"),
        dataset=dataset,
    )
    manifest = result.manifest
    assert manifest["metrics"]["cross_validation"]["category"]["rows"] == 36  # the authored rows only
    assert manifest["training_data"]["evaluation_only_sources"] == ["forum"]
    assert manifest["training_data"]["evaluation_only_rows"] == 12
    lso = manifest["metrics"]["leave_source_out"]
    assert lso["evaluation_only_sources"] == ["forum"]
    assert lso["dimensions"]["category"]["per_source"]["forum"]["rows"] == 12
