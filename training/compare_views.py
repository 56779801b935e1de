"""Choose the view by leave-source-out accuracy: each named view of ``classifier/views.py``, same data, same heads.

``python -m training.compare_views [--backend multilingual]`` embeds the authored
rows plus the real-prompt corpus once per view (single-turn texts are the same in
every view, so the embedding cache serves them), runs the leave-source-out
evaluation for each, and writes ``docs/views.md``: macro-F1 and accuracy over
every held-out row, and accuracy on multi-turn conversations, where views differ.
The test split and the reserved evaluation sources play no part.
"""

from __future__ import annotations

import argparse
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from classifier.embedders import DEFAULT_BACKEND
from classifier.views import DEFAULT_VIEW, VIEWS
from training.crossval import DEFAULT_CORPUS, DEFAULT_TRAIN, leave_source_out, load_authored_and_corpus

DOC = Path(__file__).resolve().parent.parent / "docs" / "views.md"


def compare_views(backend: str, views: list[str], train: Path, corpus: Path) -> dict[str, dict[str, Any]]:
    """The ``category`` leave-source-out figures of each view: macro-F1, accuracy, multi-turn accuracy."""
    dataset = load_authored_and_corpus(train, corpus)
    results = {}
    for view in views:
        report = leave_source_out(dataset, backend, view, dimensions=["category"], calibrated=False)
        metrics = report["dimensions"]["category"]
        results[view] = {
            "macro_f1": metrics["macro_f1"],
            "accuracy": metrics["accuracy"],
            "rows": metrics["rows"],
            "multi_turn_accuracy": metrics["multi_turn"]["accuracy"],
            "multi_turn_rows": metrics["multi_turn"]["rows"],
        }
    return results


def render(results: dict[str, dict[str, Any]], backend: str, command: str) -> str:
    """``docs/views.md``: one row per view, best macro-F1 first."""
    lines = [
        "# Views compared by leave-source-out accuracy",
        "",
        f"Written by `{command}` on {datetime.now(UTC):%Y-%m-%d} ({platform.node() or 'this machine'}); "
        f"backend `{backend}`, dimension `category`. Each real-prompt source is held out in turn; heads are "
        "trained on the authored rows plus every other source. Single-turn requests read the same in every view, "
        "so the views differ on conversations.",
        "",
        "| view | what it reads first | macro-F1 | accuracy | multi-turn accuracy (rows) |",
        "|---|---|---|---|---|",
    ]
    for view, row in sorted(results.items(), key=lambda kv: -kv[1]["macro_f1"]):
        lines.append(
            f"| `{view}` | {VIEWS[view].description} | {row['macro_f1']:.4f} | {row['accuracy']:.4f} | "
            f"{row['multi_turn_accuracy']:.4f} ({row['multi_turn_rows']}) |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m training.compare_views", description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    parser.add_argument("--views", default=",".join(VIEWS), help="comma-separated views (default: all)")
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DOC)
    args = parser.parse_args(argv)
    views = [v.strip() for v in args.views.split(",") if v.strip()]
    results = compare_views(args.backend, views, args.train, args.corpus)
    command = "python -m training.compare_views" + (
        f" --backend {args.backend}" if args.backend != DEFAULT_BACKEND else ""
    )
    args.out.write_text(render(results, args.backend, command), encoding="utf-8")
    for view, row in results.items():
        marker = " (default)" if view == DEFAULT_VIEW else ""
        print(f"{view}{marker}: macro-F1 {row['macro_f1']:.4f}, multi-turn {row['multi_turn_accuracy']}")


if __name__ == "__main__":
    main()
