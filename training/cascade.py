"""Build a confidence cascade (:mod:`classifier.cascade`) and choose its threshold on leave-source-out predictions.

::

    python -m training.cascade build --fast default-static-2026.11.28 --accurate default-multilingual-2026.11.28

For each stage, the held-out probabilities of every real source come from the leave-source-out evaluation
(:func:`training.crossval.pooled_predictions`: each source is predicted by heads fitted without it, on that
stage's embedder and view), never from a test set. The threshold is the one that routes the smallest share
of items to the accurate stage while the cascade's pooled macro-F1 stays within ``--tolerance`` (0.01) of the
accurate model alone. The cascade is written as a new model version, atomically, with the evidence in its
manifest and card; rerun the command after the stages are retrained.

::

    python -m training.cascade rules --fast default-static-2026.12.06.2 --accurate default-multilingual-2026.12.06.2

compares, on the same predictions and without writing anything, other ways of choosing the items to route
(the margin of the top two, the entropy, a deferral model learned leave-one-source-out): whether a better rule,
or only a better fast stage, would route fewer items.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from classifier.artifacts import (
    DEFAULT_MODELS_DIR,
    FORMAT_VERSION,
    MANIFEST,
    check_version_name,
    library_versions,
    set_active_version,
    sha256_file,
    write_manifest_version,
)
from classifier.cascade import CASCADE_BACKEND, CASCADE_KIND
from classifier.errors import PromptPrismError
from classifier.model import PromptPrismModel, load_model
from training.crossval import (
    DEFAULT_CORPUS,
    DEFAULT_TRAIN,
    LSO_C,
    Pooled,
    embed_dataset,
    fold_split,
    load_authored_and_corpus,
    macro_f1_present,
)
from training.dataset import AUTHORED, DatasetError, LabeledDataset, item_key

log = logging.getLogger(__name__)

TOLERANCE = 0.01
# Thresholds tried: the fast stage's top probabilities at every half percent of routed share.
SHARE_STEP = 0.005


@dataclass
class ThresholdChoice:
    """The chosen threshold and what it costs and gives on the pooled leave-source-out predictions."""

    threshold: float
    routed_share: float
    macro_f1: float
    fast_macro_f1: float
    accurate_macro_f1: float
    tolerance: float
    rows: int
    curve: list[dict[str, float]]
    calibration_folds: int = 1


def fold_head(vectors: np.ndarray, labels: np.ndarray, calibration_folds: int, seed: int = 0) -> Any:
    """A temperature-calibrated logistic-regression head, as training fits one, for one leave-source-out fold.

    ``calibration_folds`` 5 is training's own head (five fits, each calibrated on the rest); 1 fits
    once on a stratified 80 % and calibrates the temperature on the other 20 %, five times cheaper.
    Both give calibrated probabilities on the scale the served heads use, which is what a threshold
    on the top probability needs.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import StratifiedShuffleSplit

    from training.head_factory import calibration_folds as feasible_folds
    from training.head_factory import make_head

    if calibration_folds > 1:
        head = make_head(LSO_C, calibration_folds=min(calibration_folds, feasible_folds(list(labels))))
    else:
        split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
        head = CalibratedClassifierCV(make_head(LSO_C).estimator, method="temperature", cv=split)
    return head.fit(vectors, labels)


def stage_predictions(
    dataset: LabeledDataset,
    model: PromptPrismModel,
    dimension: str,
    cache_dir: Path | None = None,
    calibration_folds: int = 1,
) -> Pooled:
    """Leave-source-out probabilities of ``dimension`` on ``model``'s embedder and view, every real source held out.

    Each real source is predicted by a head fitted (:func:`fold_head`) on the authored rows and every
    other source, split by :func:`training.crossval.fold_split`, and the folds are pooled.
    """
    vectors = embed_dataset(dataset, model.embedder.backend, model.view, cache_dir)
    held_out = [s for s in dict.fromkeys(dataset.sources) if s != AUTHORED]
    if not held_out:
        raise DatasetError(f"{dataset.source} has no source other than {AUTHORED!r} to hold out")
    labels = np.asarray(dataset.labels[dimension])
    keys = np.asarray([item_key(i) for i in dataset.items])
    rows, truth, blocks, folds = [], [], [], []
    classes = sorted(set(labels[labels != ""].tolist()))
    column = {k: j for j, k in enumerate(classes)}
    for source in tqdm(held_out, desc=f"leave-source-out {model.version}", unit="fold"):
        train, test = fold_split(dataset, dimension, source, keys=keys)
        if not len(test):
            continue
        head = fold_head(vectors[train], labels[train], calibration_folds)
        block = np.zeros((len(test), len(classes)))
        block[:, [column[str(k)] for k in head.classes_]] = head.predict_proba(vectors[test])
        rows.append(test)
        truth.append(labels[test])
        blocks.append(block)
        folds.append({"source": source, "train_rows": len(train), "heldout_rows": len(test)})
    return Pooled(dimension, np.concatenate(rows), np.concatenate(truth), np.vstack(blocks), classes, folds)


def cascade_predictions(fast: Pooled, accurate: Pooled, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The cascade's predicted labels at ``threshold`` and which rows it routed to the accurate stage."""
    routed = fast.probabilities.max(axis=1) < threshold
    return np.where(routed, accurate.predicted, fast.predicted), routed


def choose_threshold(fast: Pooled, accurate: Pooled, tolerance: float = TOLERANCE) -> ThresholdChoice:
    """The threshold routing the smallest share of rows with a macro-F1 within ``tolerance`` of ``accurate`` alone.

    Both arguments must pool the same rows in the same order (the same dataset and folds). Candidate
    thresholds are the fast stage's top probabilities at each :data:`SHARE_STEP` of routed share; routing
    everything reproduces the accurate stage exactly, so a choice always exists.
    """
    if not np.array_equal(fast.rows, accurate.rows) or fast.classes != accurate.classes:
        raise ValueError("the two stages' leave-source-out predictions do not cover the same rows and labels")
    y_true = fast.y_true
    top = fast.probabilities.max(axis=1)
    accurate_f1 = macro_f1_present(y_true, accurate.predicted)
    fast_f1 = macro_f1_present(y_true, fast.predicted)
    shares = np.arange(0.0, 1.0 + SHARE_STEP / 2, SHARE_STEP)
    # Routing is "top < threshold": the share-q quantile routes about q of the rows; above every top routes all.
    candidates = sorted({0.0, *np.quantile(top, shares[1:-1]).tolist(), float(np.nextafter(top.max(), 2.0))})
    curve = []
    chosen: dict[str, float] | None = None
    for threshold in candidates:
        predicted, routed = cascade_predictions(fast, accurate, threshold)
        f1 = macro_f1_present(y_true, predicted)
        point = {
            "threshold": float(threshold),
            "routed_share": round(float(routed.mean()), 4),
            "macro_f1": round(f1, 4),
        }
        curve.append(point)
        if chosen is None and f1 >= accurate_f1 - tolerance:
            chosen = point
    assert chosen is not None, "routing every row reproduces the accurate stage"
    return ThresholdChoice(
        threshold=chosen["threshold"],
        routed_share=chosen["routed_share"],
        macro_f1=chosen["macro_f1"],
        fast_macro_f1=round(fast_f1, 4),
        accurate_macro_f1=round(accurate_f1, 4),
        tolerance=tolerance,
        rows=len(y_true),
        curve=curve,
    )


ROUTING_SHARES = (0.2, 0.3)  # shares at which rules are compared: 3x needs about 0.2 (docs/benchmarks.md)


def routed_by_score(fast: Pooled, accurate: Pooled, unsure: np.ndarray, share: float) -> np.ndarray:
    """The cascade's labels when the ``share`` of rows with the highest ``unsure`` score go to the accurate stage."""
    routed = np.zeros(len(unsure), dtype=bool)
    routed[np.argsort(-unsure, kind="stable")[: round(share * len(unsure))]] = True
    return np.where(routed, accurate.predicted, fast.predicted)


def _entropy(probabilities: np.ndarray) -> np.ndarray:
    return -(probabilities * np.log(np.clip(probabilities, 1e-12, None))).sum(axis=1)


def deferral_scores(fast: Pooled, accurate: Pooled, sources: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """How likely each row's two stages disagree, from a gradient-boosted model of the fast stage's output.

    Features: the fast stage's probabilities, top, margin and entropy, and the text's length. The model is
    fitted leave-one-source-out too (each source scored by a model that never saw it), so the score is as
    held-out as the predictions it routes.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    probabilities = fast.probabilities
    ordered = np.sort(probabilities, axis=1)
    features = np.column_stack(
        [probabilities, ordered[:, -1], ordered[:, -1] - ordered[:, -2], _entropy(probabilities), np.log1p(lengths)]
    )
    disagree = (fast.predicted != accurate.predicted).astype(int)
    scores = np.zeros(len(disagree))
    for source in np.unique(sources):
        held_out = sources == source
        if len(set(disagree[~held_out].tolist())) < 2:
            continue
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
        model.fit(features[~held_out], disagree[~held_out])
        scores[held_out] = model.predict_proba(features[held_out])[:, 1]
    return scores


def compare_routing_rules(
    fast: Pooled,
    accurate: Pooled,
    sources: np.ndarray,
    lengths: np.ndarray,
    tolerance: float = TOLERANCE,
) -> list[dict[str, Any]]:
    """For each way of choosing the rows to route, the smallest share within ``tolerance`` and the macro-F1 at
    :data:`ROUTING_SHARES`, all on the pooled leave-source-out predictions.

    The shipped rule is the fast stage's top probability (:func:`choose_threshold`); the others say whether a
    better rule, rather than a better fast stage, could route fewer rows.
    """
    y_true = fast.y_true
    target = macro_f1_present(y_true, accurate.predicted) - tolerance
    ordered = np.sort(fast.probabilities, axis=1)
    rules = {
        "top probability (shipped)": -ordered[:, -1],
        "margin of the top two": -(ordered[:, -1] - ordered[:, -2]),
        "entropy": _entropy(fast.probabilities),
        "learned deferral (stages disagree)": deferral_scores(fast, accurate, sources, lengths),
    }
    shares = np.arange(0.0, 1.0 + SHARE_STEP / 2, SHARE_STEP)
    table = []
    for name, unsure in rules.items():
        f1 = [macro_f1_present(y_true, routed_by_score(fast, accurate, unsure, share)) for share in shares]
        needed = next(
            round(share * len(y_true)) / len(y_true) for share, score in zip(shares, f1, strict=True) if score >= target
        )
        at = {
            share: macro_f1_present(y_true, routed_by_score(fast, accurate, unsure, share)) for share in ROUTING_SHARES
        }
        table.append(
            {"rule": name, "share_needed": round(needed, 3), "macro_f1_at": {k: round(v, 4) for k, v in at.items()}}
        )
    return table


def cascade_manifest(
    version: str,
    fast: PromptPrismModel,
    accurate: PromptPrismModel,
    dimension: str,
    choice: ThresholdChoice,
    dataset: LabeledDataset,
    command: str,
) -> dict[str, Any]:
    """The manifest of a cascade version: its stages (pinned by manifest hash), threshold and the evidence."""

    def stage(model: PromptPrismModel) -> dict[str, Any]:
        assert model.path is not None
        return {
            "version": model.version,
            "backend": model.embedder.backend,
            "manifest_sha256": sha256_file(model.path / MANIFEST),
        }

    heads = {
        d: {k: v for k, v in h.items() if k in ("kind", "labels", "threshold", "abstain_label")}
        for d, h in accurate.manifest["heads"].items()
    }
    sources = sorted(set(dataset.sources) - {AUTHORED})
    return {
        "format_version": FORMAT_VERSION,
        "kind": CASCADE_KIND,
        "version": check_version_name(version),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        # Read by listings and by --backend: a cascade is the "cascade" backend; it has no embedder of its own.
        "embedder": {
            "backend": CASCADE_BACKEND,
            "name": f"{fast.embedder.name} → {accurate.embedder.name}",
            "dimension": None,
        },
        "cascade": {
            "fast": stage(fast),
            "accurate": stage(accurate),
            "dimension": dimension,
            "threshold": choice.threshold,
            "rule": f"items whose {fast.version} top probability on {dimension!r} is below the threshold "
            f"get every label from {accurate.version}",
        },
        "primary_dimension": dimension,
        "heads": heads,
        "training_data": {"rows": len(dataset), "sha256": dataset.sha256, "source": dataset.source},
        "params": {
            "tolerance": choice.tolerance,
            "share_step": SHARE_STEP,
            "lso_C": LSO_C,
            "fold_calibration_folds": choice.calibration_folds,
        },
        "metrics": {
            "leave_source_out": {
                "dimension": dimension,
                "rows": choice.rows,
                "held_out_sources": sources,
                "threshold": choice.threshold,
                "routed_share": choice.routed_share,
                "macro_f1": {
                    "cascade": choice.macro_f1,
                    "fast": choice.fast_macro_f1,
                    "accurate": choice.accurate_macro_f1,
                },
                "curve": choice.curve,
            }
        },
        "command": command,
        "library_versions": library_versions(),
    }


def model_card(manifest: dict[str, Any]) -> str:
    """The cascade's README.md: what it routes, the chosen threshold and how it was chosen."""
    spec, lso = manifest["cascade"], manifest["metrics"]["leave_source_out"]
    f1 = lso["macro_f1"]
    lines = [
        f"# {manifest['version']}: confidence cascade",
        "",
        f"Every item is labeled by **{spec['fast']['version']}** ({spec['fast']['backend']} backend) first. Items "
        f"whose top probability on `{spec['dimension']}` is below **{spec['threshold']:.4f}** are labeled again by "
        f"**{spec['accurate']['version']}** ({spec['accurate']['backend']} backend), which then gives all their labels.",
        "",
        "## How the threshold was chosen",
        "",
        f"On leave-source-out predictions ({lso['rows']:,} held-out rows of {len(lso['held_out_sources'])} real "
        "sources; each source predicted by heads fitted without it, never a test set): the threshold that routes the "
        f"smallest share of rows to the second stage with a pooled macro-F1 within {manifest['params']['tolerance']} "
        "of the accurate model alone.",
        "",
        "| model | leave-source-out macro-F1 | share to stage 2 |",
        "|---|---:|---:|",
        f"| {spec['fast']['version']} alone | {f1['fast']:.4f} | 0 |",
        f"| {spec['accurate']['version']} alone | {f1['accurate']:.4f} | 1 |",
        f"| this cascade | {f1['cascade']:.4f} | {lso['routed_share']:.3f} |",
        "",
        f"Built with: `{manifest['command']}` on {manifest['created_at']}.",
        "",
    ]
    return "\n".join(lines)


@dataclass
class PooledStages:
    """Two stages and their leave-source-out predictions of one dimension, over the same rows."""

    fast: PromptPrismModel
    accurate: PromptPrismModel
    dimension: str
    dataset: LabeledDataset
    fast_pooled: Pooled
    accurate_pooled: Pooled

    @property
    def sources(self) -> np.ndarray:
        """The source of each pooled row."""
        return np.asarray(self.dataset.sources)[self.fast_pooled.rows]

    @property
    def lengths(self) -> np.ndarray:
        """The length in characters of the text the fast stage reads, for each pooled row."""
        return np.asarray([len(self.fast.text_for(self.dataset.items[i])) for i in self.fast_pooled.rows])


def pooled_stages(
    fast_version: str,
    accurate_version: str,
    models_dir: Path,
    train: Path = DEFAULT_TRAIN,
    corpus: Path = DEFAULT_CORPUS,
    dimension: str | None = None,
    cache_dir: Path | None = None,
    calibration_folds: int = 1,
) -> PooledStages:
    """Load both stages and pool each one's leave-source-out predictions of ``dimension`` (default: primary)."""
    fast = load_model(fast_version, models_dir)
    accurate = load_model(accurate_version, models_dir)
    if not isinstance(fast, PromptPrismModel) or not isinstance(accurate, PromptPrismModel):
        raise DatasetError("a cascade's stages must be plain model versions, not cascades")
    dimension = dimension or accurate.manifest["primary_dimension"]
    if dimension not in fast.heads or dimension not in accurate.heads:
        raise DatasetError(f"both stages need a {dimension!r} head")
    dataset = load_authored_and_corpus(train, corpus, [dimension])
    log.info("leave-source-out predictions of %s", fast.version)
    fast_pooled = stage_predictions(dataset, fast, dimension, cache_dir, calibration_folds)
    log.info("leave-source-out predictions of %s", accurate.version)
    accurate_pooled = stage_predictions(dataset, accurate, dimension, cache_dir, calibration_folds)
    return PooledStages(fast, accurate, dimension, dataset, fast_pooled, accurate_pooled)


def routing_rules_table(stages: PooledStages, tolerance: float = TOLERANCE) -> str:
    """:func:`compare_routing_rules` on two pooled stages, as a Markdown table."""
    rows = compare_routing_rules(stages.fast_pooled, stages.accurate_pooled, stages.sources, stages.lengths, tolerance)
    shares = " | ".join(f"macro-F1 at {share:.0%} routed" for share in ROUTING_SHARES)
    lines = [
        f"{stages.fast.version} -> {stages.accurate.version}, {len(stages.fast_pooled.rows):,} held-out rows "
        f"(leave-source-out); target: macro-F1 >= "
        f"{macro_f1_present(stages.fast_pooled.y_true, stages.accurate_pooled.predicted) - tolerance:.4f}",
        "",
        f"| rule | share routed to reach the target | {shares} |",
        "|---|---:|" + "---:|" * len(ROUTING_SHARES),
    ]
    for row in rows:
        at = " | ".join(f"{row['macro_f1_at'][share]:.4f}" for share in ROUTING_SHARES)
        lines.append(f"| {row['rule']} | {row['share_needed']:.3f} | {at} |")
    return "\n".join(lines)


def build_cascade(
    fast_version: str,
    accurate_version: str,
    models_dir: Path,
    *,
    version: str | None = None,
    train: Path = DEFAULT_TRAIN,
    corpus: Path = DEFAULT_CORPUS,
    dimension: str | None = None,
    tolerance: float = TOLERANCE,
    cache_dir: Path | None = None,
    calibration_folds: int = 1,
    activate: bool = False,
    command: str = "",
) -> Path:
    """Choose the threshold on leave-source-out predictions and write the cascade as a new version."""
    stages = pooled_stages(
        fast_version, accurate_version, models_dir, train, corpus, dimension, cache_dir, calibration_folds
    )
    fast, accurate, dimension, dataset = stages.fast, stages.accurate, stages.dimension, stages.dataset
    choice = choose_threshold(stages.fast_pooled, stages.accurate_pooled, tolerance)
    choice.calibration_folds = calibration_folds
    name = version or f"cascade-{datetime.now(UTC):%Y.%m.%d-%H%M%S}"
    manifest = cascade_manifest(name, fast, accurate, dimension, choice, dataset, command)
    path = write_manifest_version(models_dir, manifest, model_card(manifest))
    if activate:
        set_active_version(models_dir, name)
    log.info(
        "cascade %s: threshold %.4f routes %.1f%% to %s; LSO macro-F1 %.4f (fast %.4f, accurate %.4f)",
        name,
        choice.threshold,
        100 * choice.routed_share,
        accurate.version,
        choice.macro_f1,
        choice.fast_macro_f1,
        choice.accurate_macro_f1,
    )
    return path


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: ``python -m training.cascade build --fast V --accurate V``."""
    import sys

    parser = argparse.ArgumentParser(prog="python -m training.cascade", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    # Both commands read the same leave-source-out predictions, so they take the same options for them.
    stages = argparse.ArgumentParser(add_help=False)
    stages.add_argument("--fast", required=True, help="the first stage's model version (e.g. a static model)")
    stages.add_argument("--accurate", required=True, help="the second stage's model version (e.g. multilingual)")
    stages.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS_DIR, help="default: %(default)s")
    stages.add_argument("--dimension", help="the dimension whose confidence routes items (default: the primary one)")
    stages.add_argument(
        "--tolerance", type=float, default=TOLERANCE, help="macro-F1 the cascade may lose (%(default)s)"
    )
    stages.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="authored CSV (default: %(default)s)")
    stages.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus CSV (default: %(default)s)")
    stages.add_argument("--cache-dir", type=Path, default=None, help="embedding cache directory")
    stages.add_argument(
        "--calibration-folds",
        type=int,
        default=1,
        help="calibration of each fold's head: 5 as training does, 1 one 80/20 split (5x faster; default)",
    )
    build = commands.add_parser(
        "build", parents=[stages], help="choose the threshold on leave-source-out and write a cascade version"
    )
    build.add_argument("--version", help="name of the new version (default: cascade-<UTC time>)")
    build.add_argument("--activate", action="store_true", help="make the cascade the active version")
    commands.add_parser(
        "rules",
        parents=[stages],
        help="compare ways of choosing the items to route, on leave-source-out predictions (writes nothing)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not 0 <= args.tolerance < 1:
        parser.error("--tolerance must be in [0, 1)")
    try:
        _run(args, "python -m training.cascade " + " ".join(sys.argv[1:] if argv is None else argv))
    except (PromptPrismError, FileExistsError) as exc:
        # A version that does not exist or already does, a stage without the head, a dataset that cannot be read.
        parser.exit(2, f"{parser.prog}: error: {exc}\n")


def _run(args: argparse.Namespace, command: str) -> None:
    if args.command == "rules":
        stages = pooled_stages(
            args.fast,
            args.accurate,
            args.models_dir,
            args.train,
            args.corpus,
            args.dimension,
            args.cache_dir,
            args.calibration_folds,
        )
        print(routing_rules_table(stages, args.tolerance))
        return
    path = build_cascade(
        args.fast,
        args.accurate,
        args.models_dir,
        version=args.version,
        train=args.train,
        corpus=args.corpus,
        dimension=args.dimension,
        tolerance=args.tolerance,
        cache_dir=args.cache_dir,
        calibration_folds=args.calibration_folds,
        activate=args.activate,
        command=command,
    )
    print(path.joinpath("README.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
