"""Write training/data/shapes_1.csv from the hand-written rows in this folder, and report its mix.

Run from the repository root: ``python -m training.data.shapes_src.build_shapes_1``.
"""

from __future__ import annotations

import csv
import importlib
import logging
from collections import Counter
from pathlib import Path

from training.data.shapes_src.rows import Row

log = logging.getLogger(__name__)

MODULES = ["programming", "technology", "math", "science", "general_qa"]
OUTPUT = Path(__file__).resolve().parent.parent / "shapes_1.csv"
HEADER = ["text", "prompt", "completion", "messages", "category", "reasoning_heavy"]


def collect() -> list[Row]:
    """Every row of every category module, with its category filled in."""
    rows: list[Row] = []
    for name in MODULES:
        module = importlib.import_module(f"training.data.shapes_src.{name}")
        for row in module.ROWS:
            rows.append(Row(**{**row.__dict__, "category": module.CATEGORY}))
    return rows


def write(rows: list[Row], path: Path = OUTPUT) -> None:
    """Write the rows as a labeled CSV with the training header."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([getattr(row, column) for column in HEADER])


def main() -> None:
    """Build the CSV and log rows per category and shape."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = collect()
    write(rows)
    log.info("wrote %d rows to %s", len(rows), OUTPUT)
    for category, n in sorted(Counter(r.category for r in rows).items()):
        shapes = Counter(r.shape for r in rows if r.category == category)
        yes = sum(r.reasoning_heavy == "yes" for r in rows if r.category == category)
        log.info("%-12s %3d rows, %2d reasoning-heavy, shapes %s", category, n, yes, dict(sorted(shapes.items())))


if __name__ == "__main__":
    main()
