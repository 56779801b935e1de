"""Metrics of a head on labeled data, and their rendering as tables and CSV.

Per-class precision, recall and F1, macro-F1, accuracy, balanced accuracy,
the confusion matrix and the expected calibration error (ECE) of the top
label's probability. Macro-F1 averages over the labels the data has: a label
of the model that no row carries cannot be recalled, and counting it as an
F1 of 0 would punish a file for what it does not contain
(``excluded_from_macro_f1`` names those labels).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

CALIBRATION_BINS = 10


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = CALIBRATION_BINS) -> float:
    """Mean gap between confidence and accuracy over equal-width confidence bins, weighted by bin size."""
    if len(confidence) == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            error += mask.mean() * abs(confidence[mask].mean() - correct[mask].mean())
    return float(error)


def dimension_metrics(y_true: Sequence[str], probabilities: np.ndarray, classes: Sequence[str]) -> dict[str, Any]:
    """All metrics of one dimension from true labels and predicted probabilities (columns = ``classes``)."""
    classes = [str(c) for c in classes]
    y_true = [str(y) for y in y_true]
    predicted = [classes[i] for i in probabilities.argmax(axis=1)]
    labels = sorted(
        set(classes) | set(y_true), key=lambda c: (c not in classes, classes.index(c) if c in classes else 0)
    )
    precision, recall, f1, support = precision_recall_fscore_support(y_true, predicted, labels=labels, zero_division=0)
    confidence = probabilities.max(axis=1)
    correct = np.array([p == t for p, t in zip(predicted, y_true, strict=True)], dtype=float)
    present = [label for label in labels if label in set(y_true)]
    macro_f1 = f1_score(y_true, predicted, labels=present, average="macro", zero_division=0) if present else 0.0
    return {
        "rows": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, predicted)), 4),
        "balanced_accuracy": round(float(balanced_accuracy_score(y_true, predicted)), 4),
        "macro_f1": round(float(macro_f1), 4),
        "macro_f1_labels": present,
        "excluded_from_macro_f1": [label for label in labels if label not in present],
        "ece": round(expected_calibration_error(confidence, correct), 4),
        "per_class": {
            label: {
                "precision": round(float(precision[i]), 4),
                "recall": round(float(recall[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(support[i]),
            }
            for i, label in enumerate(labels)
        },
        "confusion_matrix": {"labels": labels, "matrix": confusion_matrix(y_true, predicted, labels=labels).tolist()},
    }


def metrics_table(dimension: str, metrics: dict[str, Any], title: str = "") -> Table:
    """A rich table of one dimension's per-class and overall metrics."""
    table = Table(title=f"{dimension}{' - ' + title if title else ''}", title_justify="left")
    for name in ("label", "precision", "recall", "f1", "support"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for label, row in metrics["per_class"].items():
        table.add_row(label, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["support"]))
    table.add_section()
    table.add_row("macro-F1", "", "", f"{metrics['macro_f1']:.3f}", str(metrics["rows"]))
    table.add_row("accuracy", "", "", f"{metrics['accuracy']:.3f}", "")
    table.add_row("balanced accuracy", "", "", f"{metrics['balanced_accuracy']:.3f}", "")
    table.add_row("calibration error (ECE)", "", "", f"{metrics['ece']:.3f}", "")
    return table


def confusion_table(dimension: str, metrics: dict[str, Any]) -> Table:
    """A rich table of the whole confusion matrix: rows are true labels, numbered columns predictions.

    Columns carry the label's number, not its name, so that fifteen labels fit a terminal; the row header
    gives each number's label.
    """
    labels = metrics["confusion_matrix"]["labels"]
    table = Table(title=f"{dimension} confusion matrix", title_justify="left")
    table.add_column("true \\ predicted", no_wrap=True)
    for number in range(1, len(labels) + 1):
        table.add_column(str(number), justify="right", no_wrap=True)
    for number, (label, row) in enumerate(zip(labels, metrics["confusion_matrix"]["matrix"], strict=True), 1):
        table.add_row(f"{number} {label}", *[str(v) if v else "." for v in row])
    return table


def confusion_csv(metrics: dict[str, Any]) -> str:
    """The confusion matrix as CSV: a header of predicted labels, then one row per true label."""
    labels = metrics["confusion_matrix"]["labels"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["true\\predicted", *labels])
    for label, row in zip(labels, metrics["confusion_matrix"]["matrix"], strict=True):
        writer.writerow([label, *row])
    return out.getvalue()


def print_whole(console: Console, table: Table) -> None:
    """Print ``table`` at its natural width even when the terminal (or a pipe's 80 columns) is narrower.

    Rich would otherwise squeeze and crop the columns of a wide confusion matrix.
    """
    width = console.measure(table).maximum
    console.print(table, width=max(console.width, width), crop=False)


def print_metrics(metrics_by_dimension: dict[str, dict[str, Any]], title: str, console: Console | None = None) -> None:
    """Print per-class tables and whole confusion matrices for every dimension."""
    console = console or Console()
    for dimension, metrics in metrics_by_dimension.items():
        console.print(metrics_table(dimension, metrics, title))
        excluded = metrics.get("excluded_from_macro_f1") or []
        if excluded:
            console.print(
                f"macro-F1 is over the {len(metrics['macro_f1_labels'])} labels present in these rows; "
                f"excluded (no row has them): {', '.join(excluded)}",
                highlight=False,
                soft_wrap=True,
            )
        print_whole(console, confusion_table(dimension, metrics))
