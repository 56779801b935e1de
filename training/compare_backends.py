"""Compare the shipped models of every embedding backend on the held-out file: accuracy and speed.

``python -m training.compare_backends`` evaluates the newest model of each
backend in ``models/`` on ``training/data/heldout.csv`` — overall, on English
rows and on non-English rows (by the language ID the signals use) — times each
embedder on the same texts, and writes ``docs/backends.md``. This is the
measurement behind the choice of the default backend.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.metrics import balanced_accuracy_score, f1_score

from classifier.artifacts import DEFAULT_MODELS_DIR
from classifier.embedders import BACKENDS
from classifier.model import load_model
from classifier.signals import detect_language
from classifier.views import request_parts
from training.data_card import DATA_DIR
from training.dataset import read_labeled_csv

DOC = Path(__file__).resolve().parent.parent / "docs" / "backends.md"


def _throughput(model, texts: list[str], batch_size: int = 32) -> float:  # type: ignore[no-untyped-def]
    inner = model.embedder.inner  # bypass the LRU cache: measure the embedder itself
    inner.encode(texts[:64], batch_size=batch_size)  # warm up
    started = time.perf_counter()
    inner.encode(texts, batch_size=batch_size)
    return len(texts) / (time.perf_counter() - started)


def compare(models_dir: Path, heldout_path: Path) -> list[dict[str, object]]:
    """Held-out metrics and embedder throughput for the newest model of each backend."""
    heldout = read_labeled_csv(heldout_path)
    english = np.array([detect_language(request_parts(i).user) == "en" for i in heldout.items])
    y_category = np.array(heldout.labels["category"])
    y_reasoning = np.array(heldout.labels["reasoning_heavy"])
    rows = []
    for backend in BACKENDS:
        try:
            model = load_model(models_dir=models_dir, backend=backend)
        except Exception as exc:  # a backend without a shipped model is reported, not fatal
            rows.append({"backend": backend, "error": str(exc)})
            continue
        texts = [model.text_for(item) for item in heldout.items]
        scores = model.score(model.embedder.inner.encode(texts))
        classes, probabilities = scores["category"]
        predicted = np.array(classes)[probabilities.argmax(axis=1)]
        r_classes, r_probabilities = scores["reasoning_heavy"]
        r_predicted = np.array(r_classes)[r_probabilities.argmax(axis=1)]
        rows.append(
            {
                "backend": backend,
                "version": model.version,
                "embedder": model.embedder.name,
                "dimension": model.embedder.dimension,
                "macro_f1": f1_score(y_category, predicted, average="macro"),
                "accuracy": float((predicted == y_category).mean()),
                "accuracy_en": float((predicted[english] == y_category[english]).mean()),
                "accuracy_non_en": float((predicted[~english] == y_category[~english]).mean()),
                "macro_f1_non_en": f1_score(y_category[~english], predicted[~english], average="macro"),
                "reasoning_balanced_accuracy": balanced_accuracy_score(y_reasoning, r_predicted),
                "texts_per_second": _throughput(model, texts),
            }
        )
    return rows


def render(rows: list[dict[str, object]], heldout_path: Path, n_rows: int, non_english: float) -> str:
    """The markdown page."""
    lines = [
        "# Embedding backends compared",
        "",
        f"Measured by `python -m training.compare_backends` on {datetime.now(UTC):%Y-%m-%d} "
        f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores), on `{heldout_path.name}`: "
        f"{n_rows} hand-written rows never used for training or tuning, {non_english:.0%} of them not in English. "
        "Each backend's shipped model was trained on the same `train.csv` by the same command. Throughput is "
        "the embedder alone (no cache) on the held-out texts at batch size 32, on a shared machine: compare "
        "the ratios, not the absolute figures.",
        "",
        "| backend | embedder | category macro-F1 | accuracy | accuracy, English | accuracy, non-English "
        "| macro-F1, non-English | reasoning_heavy balanced acc. | texts/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['backend']} | not available: {row['error']} | | | | | | | |")
            continue
        lines.append(
            f"| `{row['backend']}` | {row['embedder']} ({row['dimension']}-d) | {row['macro_f1']:.3f} | "
            f"{row['accuracy']:.3f} | {row['accuracy_en']:.3f} | {row['accuracy_non_en']:.3f} | "
            f"{row['macro_f1_non_en']:.3f} | {row['reasoning_balanced_accuracy']:.3f} | {row['texts_per_second']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS_DIR)
    parser.add_argument("--heldout", type=Path, default=DATA_DIR / "heldout.csv")
    parser.add_argument("--out", type=Path, default=DOC)
    args = parser.parse_args()
    heldout = read_labeled_csv(args.heldout)
    non_english = np.mean([detect_language(request_parts(i).user) != "en" for i in heldout.items])
    rows = compare(args.models_dir, args.heldout)
    table = render(rows, args.heldout, len(heldout), float(non_english))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    existing = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    marker = "\n## "  # keep any hand-written sections after the generated table
    tail = existing[existing.find(marker) :] if marker in existing else ""
    args.out.write_text(table + tail, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
