"""``python -m bench.batch_scale``: rows/s and peak memory of ``promptprism classify --input`` by input size.

Each size runs the real CLI in a fresh process on a generated gateway log (JSONL,
the benchmark mix of ``bench/inputs.py``, each line with an id, timestamp, model,
app and user) and reads that process's peak RSS from the kernel (``wait4``'s
``ru_maxrss``), so nothing of the bench itself is counted.

``--pool N`` draws every row from N distinct requests (the row ids and timestamps
stay distinct): with a pool smaller than the embedding cache (10,000), rows after
the first N are cache hits, which shows the memory of the streaming path at sizes
whose embedding would take hours on a small machine. ``--pool 0`` makes every row
distinct, for honest throughput. ``--engine ray --cpus N`` measures the Ray engine.

Examples (docs/scale.md)::

    python -m bench.batch_scale --rows 10000 100000 --pool 0 --backend static
    python -m bench.batch_scale --rows 10000 1000000 --pool 2000 --backend static
    python -m bench.batch_scale --rows 20000 --pool 0 --engine ray --cpus 1 2
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
from typing import Any

from bench.inputs import make_items

ROOT = Path(__file__).parents[1]


def watch_peak(pid: int) -> tuple[int, int, Any]:
    """Wait for ``pid``; (its peak RSS in KiB from /proc VmHWM, wait status, rusage).

    ``ru_maxrss`` alone is not used: Linux counts in it the memory of the parent at fork time,
    which for a bench that just generated a large input is larger than the child's own peak.
    """
    peak = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return peak or usage.ru_maxrss, status, usage
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.2)


def write_log(path: Path, rows: int, pool: int) -> None:
    """A JSONL gateway log of ``rows`` lines; ``pool`` distinct requests (0: all distinct)."""
    distinct = pool or rows
    base = 1_767_225_600  # 2026-01-01
    with path.open("w", encoding="utf-8") as handle:
        done = 0
        while done < rows:
            for item in make_items(min(distinct, rows - done, 50_000), offset=done % distinct if pool else done):
                line = {
                    "id": f"call-{done}",
                    "timestamp": base + done * 7,
                    "model": ("gpt-4o", "claude-sonnet", "llama-3")[done % 3],
                    "app": ("chat", "ide")[done % 2],
                    "user": f"user-{done % 97}",
                    **item.body,
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                done += 1
                if done >= rows:
                    break


def run_classify(args: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Run the CLI; (seconds, peak RSS in MiB of that process, CPU seconds of that process)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "promptprism.cli", "classify", *args], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    peak, status, usage = watch_peak(process.pid)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"classify failed ({code}):\n{stderr[-2000:]}")
    return seconds, peak // 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Parse the options, run each size and print a markdown table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pool", type=int, default=0, help="distinct requests drawn from (0: every row distinct)")
    parser.add_argument("--backend", default="static")
    parser.add_argument("--engine", default="local", choices=["local", "ray"])
    parser.add_argument("--cpus", type=int, nargs="+", default=[0], help="--engine ray: actors (0: all CPUs)")
    parser.add_argument("--output-ext", default="jsonl", help="output format: jsonl, csv, parquet, jsonl.zst, ...")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TQDM_DISABLE": "1"}
    figures = []
    with tempfile.TemporaryDirectory(prefix="batch-scale-") as folder:
        for rows in options.rows:
            source = Path(folder) / f"in-{rows}.jsonl"
            write_log(source, rows, options.pool)
            for cpus in options.cpus if options.engine == "ray" else [0]:
                out = Path(folder) / f"out-{rows}-{cpus}.{options.output_ext}"
                args = ["-i", str(source), "-o", str(out), "--backend", options.backend, "--engine", options.engine]
                if options.engine == "ray" and cpus:
                    args += ["--actors", str(cpus)]
                seconds, peak, cpu = run_classify(args, env)
                figure = {
                    "rows": rows,
                    "pool": options.pool,
                    "backend": options.backend,
                    "engine": options.engine,
                    "actors": cpus or os.cpu_count(),
                    "seconds": round(seconds, 1),
                    "rows_per_s": round(rows / seconds, 1),
                    "cpu_seconds": round(cpu, 1),
                    "peak_rss_mib": peak,
                    "input_mib": round(source.stat().st_size / 2**20, 1),
                }
                figures.append(figure)
                print(json.dumps(figure), flush=True)
            source.unlink()
    print("\n| rows | pool | backend | engine | actors | wall s | rows/s | CPU s | peak RSS (MiB) |")
    print("|---:|---:|---|---|---:|---:|---:|---:|---:|")
    for f in figures:
        print(
            f"| {f['rows']:,} | {f['pool'] or 'all distinct'} | {f['backend']} | {f['engine']} | {f['actors']} "
            f"| {f['seconds']} | {f['rows_per_s']:,} | {f['cpu_seconds']} | {f['peak_rss_mib']} |"
        )
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
