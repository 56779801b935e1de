"""Train a new model version from a labeled CSV and write it atomically.

Steps: validate the CSV (nothing expensive happens before it passes), embed
every row once (cached by content hash), split stratified on the first label
column, fit and evaluate one head per label column on the split, optionally
cross-validate and evaluate on a separate held-out file, refit the heads on
every row, and write the version. The active model changes only if asked, or
if the new one passes the quality gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split

from classifier.artifacts import (
    MANIFEST,
    active_version,
    build_manifest,
    read_manifest,
    set_active_version,
    version_dir,
    write_version,
)
from classifier.embedders import DEFAULT_BACKEND
from classifier.model import load_model, shared_embedder
from classifier.taxonomy import abstain_label
from classifier.views import DEFAULT_VIEW, model_text, request_parts, view_design
from training.crossval import leave_source_out
from training.dataset import AUTHORED, DatasetError, LabeledDataset, read_labeled_csv
from training.embedding_cache import EmbeddingCache
from training.evaluate import dimension_metrics
from training.head_factory import C_GRID, calibration_folds, choose_c, fit_head, make_head
from training.model_card import render_model_card

DEFAULT_MULTICLASS_THRESHOLD = 0.3
DEFAULT_GATE_MARGIN = 0.02
Progress = Callable[[str, float], None]


@dataclass
class TrainOptions:
    """Everything that shapes a training run; recorded in the manifest."""

    label_columns: list[str] | None = None
    test_size: float = 0.2
    seed: int = 0
    backend: str = DEFAULT_BACKEND
    c: float | None = None  # None: choose per head by cross-validation on the training split
    thresholds: dict[str, float] = field(default_factory=dict)
    cv_folds: int = 0
    heldout: Path | None = None
    activate: bool | None = None  # None: activate only if the quality gate passes
    gate_margin: float = DEFAULT_GATE_MARGIN
    version: str | None = None
    cache_dir: Path | None = None
    view: str = DEFAULT_VIEW  # how a request becomes the text the embedder reads (classifier/views.py)
    leave_source_out: bool = True  # with real-corpus rows: hold each source out in turn and report it

    def __post_init__(self) -> None:
        """Refuse impossible options before any data is read (as Hugging Face's ``TrainingArguments`` does)."""
        if not 0.0 < self.test_size < 1.0:
            raise DatasetError(f"--test-size must be between 0 and 1 (got {self.test_size})")
        if self.c is not None and self.c <= 0:
            raise DatasetError(f"C must be positive (got {self.c})")
        if self.cv_folds == 1 or self.cv_folds < 0:
            raise DatasetError(f"--cv needs 2 or more folds, or 0 for none (got {self.cv_folds})")
        try:
            view_design(self.view)
        except ValueError as exc:
            raise DatasetError(str(exc)) from None


@dataclass
class TrainResult:
    """What a training run produced."""

    version: str
    path: Path
    manifest: dict[str, Any]
    activated: bool
    gate: str
    warnings: list[str]


def _new_version_name(models_dir: Path, backend: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name, n = f"{stamp}-{backend}", 1
    while (models_dir / name).exists():
        n += 1
        name = f"{stamp}-{backend}-{n}"
    return name


def quality_gate(models_dir: Path, manifest: dict[str, Any], margin: float) -> tuple[bool, str]:
    """Whether ``manifest``'s model may replace the active one without being asked, and why (or why not).

    Models are compared only like with like: the same label dimensions with the same label sets, scored
    on the same held-out file (same sha256). Anything else is no comparison, so the new model is not
    activated by itself; the message says what differs and how to activate it by hand.
    """
    active = active_version(models_dir)
    if active is None or not (version_dir(models_dir, active) / MANIFEST).is_file():
        return True, "activated: there is no active model to compare it with"
    old = read_manifest(version_dir(models_dir, active))
    by_hand = f"activate it by hand (promptprism models activate {manifest['version']}) if you mean to switch"
    new_labels = {d: sorted(map(str, h["labels"])) for d, h in manifest["heads"].items()}
    old_labels = {d: sorted(map(str, h["labels"])) for d, h in old["heads"].items()}
    if set(new_labels) != set(old_labels):
        return False, (
            f"not activated: it answers the dimensions {sorted(new_labels)}, the active model {active} answers "
            f"{sorted(old_labels)}; {by_hand}"
        )
    for dimension, labels in new_labels.items():
        if labels != old_labels[dimension]:
            return False, (
                f"not activated: its {dimension!r} labels {labels} differ from those of the active model {active} "
                f"({old_labels[dimension]}); {by_hand}"
            )
    new_heldout = manifest["training_data"].get("heldout_sha256")
    old_heldout = old.get("training_data", {}).get("heldout_sha256")
    if not new_heldout or new_heldout != old_heldout:
        why = (
            "it was not scored on a held-out file"
            if not new_heldout
            else f"it was scored on a different held-out file ({manifest['training_data'].get('heldout_file')}, "
            f"sha256 {new_heldout[:12]}…) than the active model {active}"
            + (f" ({old['training_data'].get('heldout_file')}, sha256 {old_heldout[:12]}…)" if old_heldout else "")
        )
        return False, (
            f"not activated: {why}; models are compared only on the same evaluation data (train with --heldout "
            f"and the active model's held-out file), or {by_hand}"
        )
    dimension = manifest["primary_dimension"]
    new_scores = manifest["metrics"].get("heldout_file", {}).get(dimension)
    old_scores = old.get("metrics", {}).get("heldout_file", {}).get(dimension)
    if not new_scores or not old_scores:
        return False, f"not activated: no held-out {dimension} macro-F1 to compare with the active model {active}"
    new_f1, old_f1 = float(new_scores["macro_f1"]), float(old_scores["macro_f1"])
    passed = new_f1 >= old_f1 - margin
    return passed, (
        f"{'activated: passes' if passed else 'not activated: fails'} the quality gate: held-out {dimension} "
        f"macro-F1 {new_f1:.3f} vs {old_f1:.3f} for the active model {active} on the same file (margin {margin:.3f})"
    )


def train_model(
    csv_path: str | Path,
    models_dir: str | Path,
    options: TrainOptions | None = None,
    progress: Progress | None = None,
    dataset: LabeledDataset | None = None,
) -> TrainResult:
    """Train, evaluate and write a new model version; see the module docstring for the steps."""
    options = options or TrainOptions()
    models_dir = Path(models_dir)
    report = progress or (lambda stage, fraction: None)

    report("validating", 0.0)
    dataset = dataset or read_labeled_csv(csv_path, options.label_columns)
    heldout = read_labeled_csv(options.heldout, dataset.label_columns) if options.heldout else None
    primary = dataset.label_columns[0]
    strat = dataset.labels[primary]
    n_test = int(np.ceil(len(dataset) * options.test_size))
    n_labels = len(set(strat))
    if n_test < n_labels or len(dataset) - n_test < n_labels:
        raise DatasetError(
            f"a {options.test_size:.0%} test split of {len(dataset)} rows has {n_test} rows, too few for the "
            f"{n_labels} labels of {primary!r}; add rows or change --test-size"
        )
    for column, threshold in options.thresholds.items():
        if column not in dataset.labels:
            raise DatasetError(f"threshold given for {column!r}, which is not a label column ({dataset.label_columns})")
        if not 0.0 <= threshold <= 1.0:
            raise DatasetError(f"threshold for {column!r} must be between 0 and 1 (got {threshold})")

    report("embedding", 0.05)
    embedder = shared_embedder(options.backend)
    cache = EmbeddingCache(embedder, options.cache_dir)
    vectors = cache.encode([model_text(request_parts(i), embedder.max_tokens, options.view) for i in dataset.items])
    heldout_vectors = (
        cache.encode([model_text(request_parts(i), embedder.max_tokens, options.view) for i in heldout.items])
        if heldout
        else None
    )

    report("evaluating", 0.6)
    train_idx, test_idx = train_test_split(
        np.arange(len(dataset)), test_size=options.test_size, random_state=options.seed, stratify=strat
    )
    split_metrics, cv_metrics, heldout_metrics, heads = {}, {}, {}, {}
    chosen_c: dict[str, float] = {}
    # Rows of evaluation-only sources are scored by leave-source-out below but never fitted or split on.
    labeled = {
        column: np.asarray(dataset.trainable(dataset.labeled_rows(column)), dtype=int) for column in dataset.labels
    }
    n_heads = len(dataset.labels)
    for k, (column, labels) in enumerate(dataset.labels.items()):
        # Choosing C and fitting a head is most of a run's time after embedding: report each head as it starts.
        report(f"evaluating head {column} ({k + 1}/{n_heads})", 0.6 + 0.2 * k / n_heads)
        # Each head trains and is scored only on the rows that have its label (corpus rows may lack some).
        rows = labeled[column]
        y = np.asarray(labels)
        tr, te = train_idx[np.isin(train_idx, rows)], test_idx[np.isin(test_idx, rows)]  # keep the split's order
        # Chosen on the training split only, so the test split stays unseen.
        c = chosen_c[column] = options.c or choose_c(vectors[tr], list(y[tr]), options.seed)
        head = fit_head(vectors[tr], list(y[tr]), c)
        split_metrics[column] = dimension_metrics(y[te], head.predict_proba(vectors[te]), head.classes_)
        if options.cv_folds >= 2:
            folds = StratifiedKFold(options.cv_folds, shuffle=True, random_state=options.seed)
            proba = cross_val_predict(
                clone(make_head(c, calibration_folds(list(y[rows]), options.cv_folds))),
                vectors[rows],
                y[rows],
                cv=folds,
                method="predict_proba",
            )
            cv_metrics[column] = dimension_metrics(y[rows], proba, sorted(set(y[rows])))
    for k, (column, labels) in enumerate(dataset.labels.items()):
        report(f"fitting head {column} on every row ({k + 1}/{n_heads})", 0.8 + 0.1 * k / n_heads)
        rows = labeled[column]
        heads[column] = fit_head(vectors[rows], list(np.asarray(labels)[rows]), chosen_c[column])
        scored = heldout.labeled_rows(column) if heldout is not None else []
        if heldout is not None and heldout_vectors is not None and scored:
            heldout_metrics[column] = dimension_metrics(
                [heldout.labels[column][i] for i in scored],
                heads[column].predict_proba(heldout_vectors[scored]),
                heads[column].classes_,
            )

    lso_metrics: dict[str, Any] = {}
    if options.leave_source_out and any(source != AUTHORED for source in dataset.sources):
        report("leave-source-out", 0.9)
        # Temperature calibration never changes which label wins, so the folds fit plain heads: same labels, 6x faster.
        lso_metrics = leave_source_out(
            dataset, options.backend, options.view, vectors=vectors, calibrated=False, progress=False
        )

    report("writing", 0.95)
    version = options.version or _new_version_name(models_dir, options.backend)
    manifest = build_manifest(
        version=version,
        embedder=embedder,
        primary_dimension=primary,
        training_data={
            "file": Path(dataset.source).name,
            "sha256": dataset.sha256,
            "rows": len(dataset),
            "evaluation_only_sources": sorted(dataset.evaluation_only),
            "evaluation_only_rows": sum(source in dataset.evaluation_only for source in dataset.sources),
            "heldout_file": Path(heldout.source).name if heldout else None,
            "heldout_sha256": heldout.sha256 if heldout else None,
            "heldout_rows": len(heldout) if heldout else None,
            "warnings": dataset.warnings,
        },
        params={
            "test_size": options.test_size,
            "seed": options.seed,
            "C": options.c if options.c else f"chosen per head by cross-validation from {list(C_GRID)}",
            "calibration": "temperature",
            "cv_folds": options.cv_folds,
        },
        metrics={
            "test_split": split_metrics,
            "cross_validation": cv_metrics,
            "heldout_file": heldout_metrics,
            "leave_source_out": lso_metrics,
        },
        view=options.view,
    )
    head_settings = {
        column: {
            "threshold": options.thresholds.get(
                column, DEFAULT_MULTICLASS_THRESHOLD if len(head.classes_) > 2 else 0.0
            ),
            "C": chosen_c[column],
            "abstain_label": abstain_label(column),
        }
        for column, head in heads.items()
    }
    write_version(models_dir, manifest, heads, head_settings, render_model_card)

    passed, gate = quality_gate(models_dir, manifest, options.gate_margin)
    activate = options.activate if options.activate is not None else passed
    if options.activate is True:
        gate = f"activated, as --activate asked; without the flag: {gate}"
    elif options.activate is False:
        gate = f"not activated, as --no-activate asked; without the flag: {gate}"
    if activate:
        # As every activation does: load the written version (pickle-free) and classify a probe text first.
        load_model(version, models_dir).probe()
        set_active_version(models_dir, version)
    report("done", 1.0)
    return TrainResult(version, models_dir / version, manifest, activate, gate, dataset.warnings)
