"""Write training/data/shapes_2.csv from the authored rows and print the mix the brief asks for.

Run from the repository root: ``python training/data/shapes_src/build_shapes_2.py``.
"""

from __future__ import annotations

import csv
import logging
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes2_education  # noqa: E402
import shapes2_finance  # noqa: E402
import shapes2_health  # noqa: E402
import shapes2_legal  # noqa: E402
import shapes2_trivia  # noqa: E402
from shapes2_rows import SHAPES, Row  # noqa: E402

OUT = HERE.parent / "shapes_2.csv"
HEADER = ["text", "prompt", "completion", "messages", "category", "reasoning_heavy"]
log = logging.getLogger("build_shapes_2")


def all_rows() -> list[Row]:
    """Every authored row, category by category."""
    return [
        *shapes2_health.ROWS,
        *shapes2_finance.ROWS,
        *shapes2_legal.ROWS,
        *shapes2_education.ROWS,
        *shapes2_trivia.ROWS,
    ]


def write_csv(rows: list[Row], path: Path) -> None:
    """Write the rows with the training CSV's header, quoting by the csv module."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(
                [
                    row.get("text", ""),
                    row.get("prompt", ""),
                    row.get("completion", ""),
                    row.get("messages", ""),
                    row["category"],
                    "yes" if row["heavy"] else "no",
                ]
            )


def report(rows: list[Row]) -> None:
    """Log rows per category, per shape, per language and the reasoning-heavy share."""
    bad = [r for r in rows if r["shape"] not in SHAPES]
    if bad:
        raise ValueError(f"unknown shape in {len(bad)} rows: {sorted({r['shape'] for r in bad})}")
    by_cat = Counter(r["category"] for r in rows)
    log.info("rows: %d", len(rows))
    for cat, n in by_cat.items():
        mine = [r for r in rows if r["category"] == cat]
        shapes = Counter(r["shape"] for r in mine)
        non_en = sum(r["lang"] != "en" for r in mine)
        heavy = sum(r["heavy"] for r in mine)
        log.info(
            "%-10s %3d rows | %s | non-en %d (%.0f%%) | heavy %d (%.0f%%)",
            cat,
            n,
            " ".join(f"{s}={shapes[s]}" for s in SHAPES),
            non_en,
            100 * non_en / n,
            heavy,
            100 * heavy / n,
        )
    langs = Counter(r["lang"] for r in rows)
    log.info("languages: %s", dict(langs.most_common()))
    log.info("non-English share: %.1f%%", 100 * sum(r["lang"] != "en" for r in rows) / len(rows))
    log.info("reasoning_heavy share: %.1f%%", 100 * sum(r["heavy"] for r in rows) / len(rows))
    log.info("shapes: %s", dict(Counter(r["shape"] for r in rows).most_common()))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = all_rows()
    report(rows)
    write_csv(rows, OUT)
    log.info("wrote %s", OUT)
