"""``python -m bench.report_scale``: time and peak memory of ``promptprism report`` on labelled logs by size.

Writes synthetic ``promptprism classify`` output (the Parquet schema of
:func:`traffic.batch_io.parquet_schema`: labels, signals, timestamp, model, app over
90 days), converts it to JSONL with DuckDB where asked, then runs the real
``promptprism report`` on it in a fresh process and reads that process's peak
RSS from the kernel (``wait4``). The labels are drawn at random: the report's
work does not depend on what they say.

Examples (docs/scale.md)::

    python -m bench.report_scale --rows 1000000 10000000 --formats parquet jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.batch_scale import watch_peak

ROOT = Path(__file__).parents[1]
CATEGORIES = ["programming", "math", "creative_writing", "translation", "health", "finance", "general_qa", "other"]
MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet", "llama-3-70b", "o3-mini"]
LANGUAGES = ["en", "en", "en", "es", "de", "zh", "fr", "ja"]


def write_labelled_parquet(path: Path, rows: int, seed: int = 7, part_rows: int = 1_000_000) -> None:
    """``rows`` synthetic classify records as Parquet, written a million rows at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from traffic.batch_io import parquet_schema

    schema = parquet_schema(["category", "reasoning_heavy"])
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01T00:00:00")
    with pq.ParquetWriter(path, schema) as writer:
        for offset in range(0, rows, part_rows):
            n = min(part_rows, rows - offset)
            seconds = rng.integers(0, 90 * 86400, n)
            stamps = np.char.add((start + seconds.astype("timedelta64[s]")).astype(str), "Z")
            top = pa.array([[]] * n, schema.field("labels").type.field("category").type.field("top").type)

            def answer(labels: np.ndarray, top: pa.Array = top, n: int = n) -> pa.StructArray:
                return pa.StructArray.from_arrays(
                    [pa.array(labels), pa.array(rng.random(n)), pa.array(np.zeros(n, bool)), top],
                    names=["label", "probability", "abstained", "top"],
                )

            prompt = rng.integers(5, 4000, n)
            signals_type = schema.field("signals").type
            values = {
                "tools_offered": rng.random(n) < 0.2,
                "tool_count": rng.integers(0, 4, n),
                "tool_call": rng.random(n) < 0.1,
                "turns": rng.integers(1, 8, n),
                "prompt_tokens": prompt,
                "completion_tokens": rng.integers(1, 2000, n),
                "reasoning_tokens": rng.integers(0, 500, n) * (rng.random(n) < 0.2),
                "tokens_estimated": rng.random(n) < 0.5,
                "has_code": rng.random(n) < 0.3,
                "language": np.array(LANGUAGES)[rng.integers(0, len(LANGUAGES), n)],
            }
            signals = pa.StructArray.from_arrays(
                [pa.array(values[f.name], f.type) for f in signals_type], fields=list(signals_type)
            )
            labels = pa.StructArray.from_arrays(
                [
                    answer(np.array(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)]),
                    answer(np.where(rng.random(n) < 0.3, "yes", "no")),
                ],
                names=["category", "reasoning_heavy"],
            )
            table = pa.table(
                {
                    "index": pa.array(np.arange(offset, offset + n)),
                    "input_id": pa.nulls(n, pa.string()),
                    "timestamp": pa.array(stamps),
                    "model": pa.array(np.array(MODELS)[rng.integers(0, len(MODELS), n)]),
                    "app": pa.array(np.where(rng.random(n) < 0.5, "chat", "ide")),
                    "user": pa.nulls(n, pa.string()),
                    "id": pa.nulls(n, pa.string()),
                    "model_version": pa.array(["default-static-2026.11.28"] * n),
                    "labels": labels,
                    "signals": signals,
                    "elapsed_ms": pa.array(rng.random(n)),
                    "error": pa.nulls(n, schema.field("error").type),
                },
                schema=schema,
            )
            writer.write_table(table, row_group_size=131072)


def to_jsonl(parquet: Path, jsonl: Path) -> None:
    """The same records as JSONL (as ``classify --output x.jsonl`` writes them), converted by DuckDB."""
    import duckdb

    duckdb.sql(f"COPY (SELECT * FROM read_parquet('{parquet}')) TO '{jsonl}' (FORMAT json)")


def run_report(source: Path, out: Path) -> tuple[float, int, float]:
    """Run ``promptprism report``; (seconds, peak RSS in MiB, CPU seconds)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "promptprism.cli", "report", str(source), "-o", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        env={**os.environ, "TQDM_DISABLE": "1"},
    )
    peak, status, usage = watch_peak(process.pid)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"report failed:\n{process.stderr.read().decode()[-2000:] if process.stderr else ''}")
    return seconds, peak // 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Generate, run and print a markdown table (and JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--formats", nargs="+", default=["parquet", "jsonl"], choices=["parquet", "jsonl"])
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory(prefix="report-scale-") as folder:
        for rows in options.rows:
            parquet = Path(folder) / f"labelled-{rows}.parquet"
            write_labelled_parquet(parquet, rows)
            sources = {"parquet": parquet}
            if "jsonl" in options.formats:
                sources["jsonl"] = parquet.with_suffix(".jsonl")
                to_jsonl(parquet, sources["jsonl"])
            for fmt in options.formats:
                seconds, peak, cpu = run_report(sources[fmt], Path(folder) / "report.html")
                figure = {
                    "rows": rows,
                    "format": fmt,
                    "file_mib": round(sources[fmt].stat().st_size / 2**20),
                    "seconds": round(seconds, 1),
                    "cpu_seconds": round(cpu, 1),
                    "peak_rss_mib": peak,
                }
                figures.append(figure)
                print(json.dumps(figure), flush=True)
            for path in sources.values():
                path.unlink()
    print("\n| rows | input | file (MiB) | wall s | CPU s | peak RSS (MiB) |\n|---:|---|---:|---:|---:|---:|")
    for f in figures:
        print(
            f"| {f['rows']:,} | {f['format']} | {f['file_mib']:,} | {f['seconds']} | {f['cpu_seconds']} "
            f"| {f['peak_rss_mib']} |"
        )
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
