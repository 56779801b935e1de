"""Compare two model versions: per-label deltas on a labeled CSV, and their agreement on recorded traffic.

Used by ``POST /v1/models/compare``. Both models score the same rows, so the deltas compare like with like;
a dimension only one of them answers is left out (and named in ``skipped_dimensions``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from classifier import Item, PromptPrismModel
from training.dataset import LabeledDataset
from training.evaluate import dimension_metrics


def compare_on_dataset(a: PromptPrismModel, b: PromptPrismModel, dataset: LabeledDataset) -> dict[str, Any]:
    """Per dimension both models answer and the CSV labels: accuracy, macro-F1 and per-label F1, with b − a."""
    dimensions = [d for d in dataset.label_columns if d in a.heads and d in b.heads]
    scores_a = a.score(a.embed(dataset.items))
    scores_b = b.score(b.embed(dataset.items)) if b is not a else scores_a
    out: dict[str, Any] = {}
    for dimension in dimensions:
        rows = dataset.labeled_rows(dimension)
        if not rows:
            continue
        truth = [dataset.labels[dimension][i] for i in rows]
        classes_a, probabilities_a = scores_a[dimension]
        classes_b, probabilities_b = scores_b[dimension]
        metrics_a = dimension_metrics(truth, probabilities_a[rows], classes_a)
        metrics_b = dimension_metrics(truth, probabilities_b[rows], classes_b)
        labels = sorted(set(metrics_a["per_class"]) | set(metrics_b["per_class"]))
        per_label = []
        for label in labels:
            f1_a = metrics_a["per_class"].get(label, {}).get("f1", 0.0)
            f1_b = metrics_b["per_class"].get(label, {}).get("f1", 0.0)
            support = max(
                metrics_a["per_class"].get(label, {}).get("support", 0),
                metrics_b["per_class"].get(label, {}).get("support", 0),
            )
            per_label.append(
                {"label": label, "support": support, "f1_a": f1_a, "f1_b": f1_b, "delta": round(f1_b - f1_a, 4)}
            )
        out[dimension] = {
            "rows": len(rows),
            "accuracy_a": metrics_a["accuracy"],
            "accuracy_b": metrics_b["accuracy"],
            "macro_f1_a": metrics_a["macro_f1"],
            "macro_f1_b": metrics_b["macro_f1"],
            "delta_macro_f1": round(metrics_b["macro_f1"] - metrics_a["macro_f1"], 4),
            "per_label": sorted(per_label, key=lambda row: row["delta"]),
        }
    return out


def agreement(a: PromptPrismModel, b: PromptPrismModel, items: Sequence[Item], top: int = 10) -> dict[str, Any]:
    """How often the two models give the same label to the same calls, per dimension, with the commonest swaps."""
    if not items:
        return {}
    results_a = a.classify_items(items)
    results_b = b.classify_items(items) if b is not a else results_a
    out: dict[str, Any] = {}
    for dimension in [d for d in a.dimensions if d in b.dimensions]:
        pairs = [
            (ra.labels[dimension].label, rb.labels[dimension].label)
            for ra, rb in zip(results_a, results_b, strict=True)
        ]
        same = sum(1 for x, y in pairs if x == y)
        swaps = Counter((x, y) for x, y in pairs if x != y)
        out[dimension] = {
            "calls": len(pairs),
            "agreement": round(same / len(pairs), 4),
            "disagreements": [{"a": x, "b": y, "count": n} for (x, y), n in swaps.most_common(top)],
        }
    return out
