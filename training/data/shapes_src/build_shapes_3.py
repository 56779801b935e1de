"""Write training/data/shapes_3.csv from the hand-written rows in the s3_*.py modules beside this file.

Run from the repository root: ``python training/data/shapes_src/build_shapes_3.py``. The rows are authored
in Python rather than in the CSV so that quoting, JSON messages and multi-line texts are written correctly.
"""

import csv
import logging
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import s3_creative  # noqa: E402
import s3_marketing  # noqa: E402
import s3_roleplay  # noqa: E402
import s3_translation  # noqa: E402
import s3_writing  # noqa: E402
from s3_rows import Row  # noqa: E402

OUTPUT = HERE.parent / "shapes_3.csv"
COLUMNS = ["text", "prompt", "completion", "messages", "category", "reasoning_heavy"]
log = logging.getLogger(__name__)


def all_rows() -> list[Row]:
    """Every authored row, category by category."""
    return [*s3_roleplay.R, *s3_creative.R, *s3_writing.R, *s3_translation.R, *s3_marketing.R]


def write(rows: list[Row], path: Path = OUTPUT) -> None:
    """Write the rows as a CSV with train.csv's header."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for row in rows:
            writer.writerow(row.csv_record())


def main() -> None:
    """Build the CSV and log the mix of categories, shapes, languages and reasoning-heavy rows."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = all_rows()
    write(rows)
    log.info("wrote %d rows to %s", len(rows), OUTPUT)
    for category, n in Counter(r.category for r in rows).items():
        mine = [r for r in rows if r.category == category]
        log.info(
            "%s: %d rows, %d reasoning-heavy, %d non-English, shapes %s",
            category,
            n,
            sum(r.heavy for r in mine),
            sum(r.lang != "en" for r in mine),
            dict(Counter(r.shape for r in mine)),
        )
    log.info("languages (authored tag): %s", dict(Counter(r.lang for r in rows).most_common()))


if __name__ == "__main__":
    main()
