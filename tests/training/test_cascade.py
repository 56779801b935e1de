"""Building a cascade: the threshold comes from leave-source-out predictions, and the version is written whole."""

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from classifier import load_model
from classifier.cascade import CascadeModel
from tests.conftest import SMALL_CSV
from tests.training.test_crossval import CORPUS
from training.cascade import (
    ROUTING_SHARES,
    build_cascade,
    cascade_predictions,
    choose_threshold,
    compare_routing_rules,
    main,
)
from training.crossval import Pooled, macro_f1_present


def pooled(labels: list[str], predicted: list[str], top: list[float], classes: list[str]) -> Pooled:
    """Pooled predictions whose argmax is ``predicted`` with top probability ``top``."""
    probabilities = np.zeros((len(labels), len(classes)))
    for row, (label, p) in enumerate(zip(predicted, top, strict=True)):
        rest = (1 - p) / (len(classes) - 1)
        probabilities[row] = rest
        probabilities[row, classes.index(label)] = p
    return Pooled("category", np.arange(len(labels)), np.asarray(labels), probabilities, classes)


def wrong_where_unsure(repeats: int) -> tuple[list[str], Pooled, Pooled]:
    """Truth and two stages: the accurate one always right, the fast one wrong exactly on its 30 % least confident rows."""
    classes = ["a", "b", "c"]
    truth = ["a", "b", "c", "a", "b", "c", "a", "b", "c", "a"] * repeats
    fast_pred = [t if i % 10 >= 3 else classes[(classes.index(t) + 1) % 3] for i, t in enumerate(truth)]
    fast_top = [0.9 if i % 10 >= 3 else 0.4 + 0.01 * (i % 10) for i in range(len(truth))]
    return truth, pooled(truth, fast_pred, fast_top, classes), pooled(truth, truth, [0.8] * len(truth), classes)


def test_the_threshold_routes_the_smallest_share_within_the_tolerance():
    truth, fast, accurate = wrong_where_unsure(4)
    choice = choose_threshold(fast, accurate, tolerance=0.0)
    assert choice.accurate_macro_f1 == 1.0 and choice.fast_macro_f1 < 0.8
    assert choice.routed_share == pytest.approx(0.3)  # exactly the wrong rows, nothing more
    assert choice.macro_f1 == 1.0
    predicted, routed = cascade_predictions(fast, accurate, choice.threshold)
    assert routed.sum() == 12 and (predicted == np.asarray(truth)).all()
    # A looser tolerance never routes more.
    loose = choose_threshold(fast, accurate, tolerance=0.2)
    assert loose.routed_share <= choice.routed_share
    assert loose.macro_f1 >= 1.0 - 0.2
    assert macro_f1_present(truth, cascade_predictions(fast, accurate, loose.threshold)[0]) == pytest.approx(
        loose.macro_f1, abs=1e-4
    )
    # The curve is ordered by threshold and its share never falls.
    shares = [p["routed_share"] for p in choice.curve]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0


def test_every_routing_rule_finds_the_wrong_rows_when_confidence_tells_them_apart():
    truth, fast, accurate = wrong_where_unsure(8)
    sources = np.asarray([f"s{i % 4}" for i in range(len(truth))])
    lengths = np.asarray([20 + i for i in range(len(truth))])
    table = compare_routing_rules(fast, accurate, sources, lengths, tolerance=0.0)
    by_rule = {row["rule"]: row for row in table}
    assert set(by_rule) == {
        "top probability (shipped)",
        "margin of the top two",
        "entropy",
        "learned deferral (stages disagree)",
    }
    # With one top probability per row, margin and entropy order the rows as the top probability does.
    for rule in ("top probability (shipped)", "margin of the top two", "entropy"):
        assert by_rule[rule]["share_needed"] == pytest.approx(0.3)
        assert by_rule[rule]["macro_f1_at"][0.3] == 1.0
    # The learned rule, scored on each source by a model fitted on the others, finds the wrong rows too.
    assert by_rule["learned deferral (stages disagree)"]["share_needed"] == pytest.approx(0.3)
    assert all(set(row["macro_f1_at"]) == set(ROUTING_SHARES) for row in table)
    # The shipped rule agrees with the threshold the build chooses.
    assert choose_threshold(fast, accurate, tolerance=0.0).routed_share == pytest.approx(0.3)


@pytest.mark.slow
def test_build_writes_a_loadable_cascade_chosen_on_leave_source_out(small_model_dir: Path, tmp_path: Path, capsys):
    from training.train import TrainOptions, train_model

    models = tmp_path / "models"
    shutil.copytree(small_model_dir, models)
    train_model(
        SMALL_CSV,
        models,
        TrainOptions(
            backend="static", test_size=0.34, c=0.05, version="stage-b", activate=False, cache_dir=tmp_path / "c"
        ),
    )
    corpus = tmp_path / "corpus.csv"
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "messages", "category", "source"])
        for source, category, text, messages in CORPUS:
            writer.writerow([text, messages, category, source])
    path = build_cascade(
        "small-static",
        "stage-b",
        models,
        version="cascade-test",
        train=SMALL_CSV,
        corpus=corpus,
        cache_dir=tmp_path / "c",
    )
    manifest = json.loads((path / "manifest.json").read_text())
    lso = manifest["metrics"]["leave_source_out"]
    assert manifest["kind"] == "cascade" and manifest["embedder"]["backend"] == "cascade"
    assert manifest["cascade"]["fast"]["version"] == "small-static"
    assert manifest["cascade"]["accurate"]["version"] == "stage-b"
    assert lso["held_out_sources"] == ["chat-c", "forum-a", "forum-b"]
    assert lso["rows"] == len(CORPUS)  # only held-out real rows, never the authored (training) file
    assert lso["macro_f1"]["cascade"] >= lso["macro_f1"]["accurate"] - 0.01
    assert manifest["cascade"]["threshold"] == lso["threshold"]
    assert "How the threshold was chosen" in (path / "README.md").read_text()
    assert not [p for p in models.iterdir() if p.name.startswith(".tmp")]
    model = load_model("cascade-test", models)
    assert isinstance(model, CascadeModel) and model.version == "cascade-test"
    assert model.classify("what is 7 times 8").decided_by in {"small-static", "stage-b"}

    # The command line writes another version and can activate it; an existing name is refused.
    stages = ["--fast", "small-static", "--accurate", "stage-b", "--models-dir", str(models), "--version", "c2"]
    data = ["--train", str(SMALL_CSV), "--corpus", str(corpus), "--cache-dir", str(tmp_path / "c"), "--activate"]
    main(["build", *stages, *data])
    assert "confidence cascade" in capsys.readouterr().out
    assert load_model(models_dir=models).version == "c2"
    with pytest.raises(FileExistsError):
        build_cascade("small-static", "stage-b", models, version="c2", train=SMALL_CSV, corpus=corpus)

    # The rule comparison reads the same predictions and writes nothing.
    before = sorted(p.name for p in models.iterdir())
    main(["rules", *stages[:6], *data[:6]])
    out = capsys.readouterr().out
    assert "| top probability (shipped) |" in out and "| learned deferral (stages disagree) |" in out
    assert sorted(p.name for p in models.iterdir()) == before


@pytest.mark.parametrize("command", ["build", "rules"])
def test_an_unknown_stage_is_exit_2_with_a_message_not_a_traceback(command: str, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exited:
        main([command, "--fast", "no-such-version", "--accurate", "neither", "--models-dir", str(tmp_path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "error: no model version 'no-such-version'" in err and "Traceback" not in err
