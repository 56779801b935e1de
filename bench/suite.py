"""The benchmark suite: how close PromptPrism comes to its embedder's own speed on this machine.

For each embedding backend, on the same deterministic inputs (``bench.inputs``):

1. **raw**: the embedder alone (``encode`` at batch size 32 on the texts the
   model reads), texts per second. This is the physical limit.
2. **in-process classify**: ``classify_many`` on the whole list (batch) and
   ``classify`` one request at a time.
3. **HTTP**: a real ``promptprism serve`` process, single-item
   ``POST /v1/classify`` at concurrency 1, 8 and 32, and ``POST /v1/classify/batch``,
   driven by ``bench.loadgen`` in a separate process: requests per second and
   p50/p95/p99 latency. The server's peak RSS is read from ``/proc``.
4. **training** time on generated labeled CSVs, with the on-disk embedding cache
   cold and then warm.
5. **cache**: the embedding LRU cache's hit rate on a stream with real traffic's
   repetition, read from ``/metrics`` and checked against the stream itself.

Throughput figures are measured with the embedding cache off (every run
sends each input once, and the server runs with ``PROMPTPRISM_EMBEDDING_CACHE_SIZE=0``)
so that repeats never inflate them. Every figure is also given as a ratio to the
raw embedder figure of the same run, since absolute speeds drift on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.inputs import BenchItem, make_items, repeating_stream, training_csv
from promptprism.server import Server, http_get, running_server

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("static", "multilingual", "transformer")
CLASSIFY_FIELDS = ("text", "prompt", "completion", "request", "response")


@dataclass
class BackendPlan:
    """How many inputs each figure of one backend uses (slow backends get fewer)."""

    items: int
    single: int
    http: dict[int, int]
    batch_items: int
    batch_size: int = 32
    batch_concurrency: int = 2
    train_rows: list[int] = field(default_factory=list)


# Sized so that the whole suite runs in about ten minutes on 2 cores, where the transformer embeds ~16 texts/s
# and the multilingual backend ~50 of this mix. Training is measured on the fastest and the slowest embedder.
DEFAULT_PLANS = {
    "static": BackendPlan(3000, 1000, {1: 600, 8: 2000, 32: 3000}, 3000, train_rows=[1000, 10_000]),
    "multilingual": BackendPlan(400, 100, {1: 100, 8: 300, 32: 400}, 400),
    "transformer": BackendPlan(160, 40, {1: 30, 8: 120, 32: 160}, 160, train_rows=[1000]),
}
QUICK_PLANS = {
    "static": BackendPlan(96, 32, {1: 16, 8: 48, 32: 96}, 96, batch_size=16, train_rows=[200]),
    "multilingual": BackendPlan(48, 16, {1: 8, 8: 24, 32: 48}, 48, batch_size=16, train_rows=[200]),
    "transformer": BackendPlan(32, 8, {1: 4, 8: 16, 32: 32}, 32, batch_size=16, train_rows=[200]),
}


@dataclass
class BenchConfig:
    """Everything that shapes a run."""

    backends: list[str]
    out_dir: Path
    models_dir: Path | None = None
    plans: dict[str, BackendPlan] = field(default_factory=lambda: dict(DEFAULT_PLANS))
    cache_stream: int = 3000
    cache_backend: str = "static"
    train: bool = True
    command: str = ""


# ---------------------------------------------------------------------------------------------- machine


def machine_facts() -> dict[str, Any]:
    """Cores, CPU model, memory, load and versions: what a reader needs to compare two runs."""
    cpu_model = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory_gb = round(kb / 2**20, 1)
    commit = "unknown"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        commit += " (with uncommitted changes)" if dirty.strip() else ""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu_model": cpu_model,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": memory_gb,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit,
    }


# ---------------------------------------------------------------------------------------------- models


def classifier_request(item: BenchItem) -> dict[str, Any]:
    """The part of an HTTP body that the in-process classifier takes (no app, model or user metadata)."""
    return {k: v for k, v in item.body.items() if k in CLASSIFY_FIELDS}


def prepare_models(config: BenchConfig, scratch: Path) -> tuple[Path, dict[str, str | None]]:
    """The models directory and the version to serve per backend: given, or trained now on the test CSV."""
    if config.models_dir is not None:
        return config.models_dir, dict.fromkeys(config.backends)
    from training.train import TrainOptions, train_model

    # Head quality does not change throughput, so the 36-row test CSV will do: it trains in seconds even on
    # the transformer backend, where the full seed dataset would take minutes of embedding.
    data = ROOT / "tests" / "data" / "small_train.csv"
    directory = scratch / "models"
    versions: dict[str, str | None] = {}
    for backend in config.backends:
        result = train_model(
            data,
            directory,
            TrainOptions(
                backend=backend, test_size=0.34, version=f"bench-{backend}", activate=False, cache_dir=scratch / "c"
            ),
        )
        versions[backend] = result.version
    return directory, versions


# ---------------------------------------------------------------------------------------------- in-process


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def cache_off(embedder: Any) -> None:
    """Empty the shared embedder's LRU cache and keep it off, so that no figure is served from it."""
    if hasattr(embedder, "resize"):
        embedder.resize(0)
        embedder.clear()
    else:  # commits before CachingEmbedder.resize, measured for before/after comparisons
        embedder.capacity = 0
        embedder._cache.clear()
        embedder.hits = embedder.misses = 0


def raw_seconds(model: Any, texts: list[str]) -> float:
    """Seconds the bare embedder takes for ``texts`` at batch size 32 (the physical limit)."""
    started = time.perf_counter()
    model.embedder.inner.encode(texts, batch_size=32)
    return time.perf_counter() - started


def in_process(model: Any, items: list[BenchItem], plan: BackendPlan) -> dict[str, Any]:
    """Raw embedder, batch classify and one-at-a-time classify throughput, with the LRU cache off."""
    from classifier import parse_item

    requests = [classifier_request(i) for i in items]
    embedder = model.embedder  # the shared CachingEmbedder
    cache_off(embedder)
    inner = embedder.inner
    warm = [model.text_for(parse_item(classifier_request(i))) for i in make_items(64, offset=90_000_000)]
    inner.encode(warm, batch_size=32)
    warm_requests = [classifier_request(i) for i in make_items(64, offset=91_000_000)]
    model.classify_many(warm_requests)
    # The first single-text calls of torch and the numpy USE were several times slower than later ones: warm
    # the one-at-a-time path too (a server pays this once, in its first minutes), for a steady-state figure.
    for request in warm_requests[:32]:
        model.classify(request)

    texts = [model.text_for(parse_item(r)) for r in requests]
    # One untimed pass over the inputs: the multilingual USE ran up to 10x slower on its first pass over new
    # inputs than on the second here (cause not established). Every figure below is the steady state.
    inner.encode(texts, batch_size=32)
    raw_s = raw_seconds(model, texts)

    started = time.perf_counter()
    model.classify_many(requests, batch_size=32)
    batch_s = time.perf_counter() - started

    singles = requests[: plan.single]
    started = time.perf_counter()
    for request in singles:
        model.classify(request)
    single_s = time.perf_counter() - started
    assert embedder.hits == 0, "the embedding cache served a throughput run"
    return {
        "raw": {"items": len(texts), "seconds": raw_s, "per_s": _rate(len(texts), raw_s)},
        "classify_batch": {"items": len(requests), "seconds": batch_s, "per_s": _rate(len(requests), batch_s)},
        "classify_single": {"items": len(singles), "seconds": single_s, "per_s": _rate(len(singles), single_s)},
    }


# ---------------------------------------------------------------------------------------------- HTTP


def _proc_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in kB."""
    values = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    return values


@contextlib.contextmanager
def serve(models_dir: Path, backend: str, version: str | None, scratch: Path, cache_size: int) -> Iterator[Server]:
    """The bench's server: one model version (or backend), no API key, the given embedding cache."""
    settings: dict[str, str | None] = {
        "embedding_cache_size": str(cache_size),
        "max_batch_items": "256",
        "api_key": None,
        "model_version": version,
        "backend": None if version else backend,
    }
    with running_server(models_dir, scratch, settings, name=f"server-{backend}") as server:
        yield server


def load(server: Server, path: str, bodies: list[Any], concurrency: int, scratch: Path) -> dict[str, Any]:
    """Drive ``server`` with ``bench.loadgen`` in its own process; its JSON result."""
    spec = scratch / "load.json"
    spec.write_text(json.dumps({"path": path, "bodies": bodies}, ensure_ascii=False), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "bench.loadgen",
        "--port",
        str(server.port),
        "--concurrency",
        str(concurrency),
        "--input",
        str(spec),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed: {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    if result["ok"] != result["requests"]:
        raise RuntimeError(f"{result['requests'] - result['ok']} request(s) failed: {result['last_error']}")
    return result


def http_runs(server: Server, items: list[BenchItem], plan: BackendPlan, scratch: Path) -> dict[str, Any]:
    """Single-item runs at each concurrency, then the batch endpoint; each input sent once per run."""
    # Warm-up, as in-process: single items on inputs no run uses, then one pass over the inputs in batches
    # (the cache is off, so this warms only the embedder's own tokenizer and kernel caches).
    load(server, "/v1/classify", [i.body for i in make_items(64, offset=92_000_000)], 8, scratch)
    warm = [{"items": [i.body for i in items[start : start + 32]]} for start in range(0, len(items), 32)]
    load(server, "/v1/classify/batch", warm, 2, scratch)
    runs: dict[str, Any] = {}
    for concurrency, count in sorted(plan.http.items()):
        runs[f"single_c{concurrency}"] = load(
            server, "/v1/classify", [i.body for i in items[:count]], concurrency, scratch
        )
    batch = items[: plan.batch_items]
    bodies = [
        {"items": [i.body for i in batch[start : start + plan.batch_size]]}
        for start in range(0, len(batch), plan.batch_size)
    ]
    result = load(server, "/v1/classify/batch", bodies, plan.batch_concurrency, scratch)
    result["items"] = len(batch)
    result["items_per_s"] = _rate(len(batch), result["seconds"])
    result["batch_size"] = plan.batch_size
    runs["batch"] = result
    return runs


def metric_value(metrics_text: str, name: str) -> float | None:
    """The value of an unlabelled metric in Prometheus text format."""
    match = re.search(rf"^{re.escape(name)} ([0-9.eE+-]+|NaN)$", metrics_text, re.MULTILINE)
    return float(match.group(1)) if match else None


def cache_run(models_dir: Path, backend: str, version: str | None, n: int, scratch: Path) -> dict[str, Any]:
    """Hit rate of the embedding cache on a stream with realistic repetition, from /metrics and expected."""
    from classifier import load_model, parse_item

    stream = repeating_stream(n)
    model = load_model(version, models_dir, None if version else backend, verify_embedder=False)
    texts = [model.text_for(parse_item(classifier_request(i))) for i in stream]
    distinct = len(set(texts))
    with serve(models_dir, backend, version, scratch, cache_size=10_000) as server:
        result = load(server, "/v1/classify", [i.body for i in stream], 8, scratch)
        _, metrics_text = http_get(f"{server.base}/metrics")
    reported = metric_value(metrics_text, "promptprism_embedding_cache_hit_rate")
    return {
        "backend": backend,
        "requests": n,
        "distinct_texts": distinct,
        "expected_hit_rate": 1 - distinct / n,
        "metrics_hit_rate": reported,
        "rps": result["rps"],
        "p99_ms": result["p99_ms"],
    }


# ---------------------------------------------------------------------------------------------- training


def training_runs(backend: str, rows_list: list[int], scratch: Path) -> list[dict[str, Any]]:
    """Train on generated CSVs of each size: first with an empty embedding cache, then with a warm one."""
    from classifier.model import shared_embedder
    from training.train import TrainOptions, train_model

    embedder = shared_embedder(backend)
    out = []
    for rows in rows_list:
        csv_path = training_csv(rows, scratch / f"train-{rows}.csv")
        cache_dir = scratch / f"train-cache-{backend}-{rows}"
        figures: dict[str, Any] = {"backend": backend, "rows": rows}
        for label in ("uncached", "cached"):
            cache_off(embedder)  # the in-memory LRU must not stand in for the on-disk cache being measured
            options = TrainOptions(
                backend=backend, version=f"t-{backend}-{rows}-{label}", activate=False, cache_dir=cache_dir
            )
            started = time.perf_counter()
            train_model(csv_path, scratch / "train-models", options)
            figures[f"{label}_s"] = time.perf_counter() - started
        out.append(figures)
    return out


# ---------------------------------------------------------------------------------------------- the suite


def run_suite(config: BenchConfig) -> dict[str, Any]:
    """Run every figure for every backend; returns the results (also written as JSON and markdown)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from classifier import load_model

    started = time.perf_counter()
    results: dict[str, Any] = {"command": config.command, "machine": machine_facts(), "backends": {}}
    scratch = Path(tempfile.mkdtemp(prefix="promptprism-bench-"))
    try:
        models_dir, versions = prepare_models(config, scratch)
        for backend in config.backends:
            plan = config.plans[backend]
            items = make_items(plan.items)
            print(f"[bench] {backend}: in-process", file=sys.stderr, flush=True)
            version = versions[backend]
            model = load_model(version, models_dir, None if version else backend)
            figures: dict[str, Any] = {
                "model_version": model.version,
                "inputs": plan.items,
                "plan": asdict(plan),
                **in_process(model, items, plan),
            }
            print(f"[bench] {backend}: HTTP", file=sys.stderr, flush=True)
            with serve(models_dir, backend, version, scratch, cache_size=0) as server:
                after_start = _proc_status(server.process.pid)
                figures["http"] = http_runs(server, items, plan, scratch)
                status = _proc_status(server.process.pid)
            # The raw figure again, after the HTTP runs: on a shared machine the gap between the two says how
            # far the machine drifted during this backend's runs. Ratios use their mean.
            from classifier import parse_item

            texts = [model.text_for(parse_item(classifier_request(i))) for i in items]
            before = figures["raw"]["per_s"]
            after = _rate(len(texts), raw_seconds(model, texts))
            figures["raw"].update(per_s_before=before, per_s_after=after, per_s=(before + after) / 2)
            figures["memory_mb"] = {
                "rss_after_start": after_start.get("VmRSS", 0) / 1024,
                "peak_rss": status.get("VmHWM", 0) / 1024,
            }
            if config.train and plan.train_rows:
                print(f"[bench] {backend}: training", file=sys.stderr, flush=True)
                figures["training"] = training_runs(backend, plan.train_rows, scratch)
            results["backends"][backend] = figures
        if config.cache_stream and config.cache_backend in config.backends:
            print("[bench] cache hit rate", file=sys.stderr, flush=True)
            results["cache"] = cache_run(
                models_dir, config.cache_backend, versions[config.cache_backend], config.cache_stream, scratch
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = time.perf_counter() - started
    results["targets"] = check_targets(results)
    return results


# ---------------------------------------------------------------------------------------------- report


def _ratio(value: float, raw: float) -> float:
    return value / raw if raw else 0.0


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and whether it is met."""
    targets = []

    def add(name: str, measured: float, goal: float, below: bool = False, unit: str = "") -> None:
        met = measured < goal if below else measured >= goal
        targets.append({"target": name, "measured": measured, "goal": goal, "unit": unit, "met": met})

    for backend, f in results["backends"].items():
        raw = f["raw"]["per_s"]
        add(f"{backend}: in-process batch ≥ 90% of raw", _ratio(f["classify_batch"]["per_s"], raw), 0.9, unit="×")
        c32 = f["http"].get("single_c32")
        if c32:
            add(f"{backend}: HTTP single-item c=32 ≥ 70% of raw", _ratio(c32["rps"], raw), 0.7, unit="×")
            if backend == "static":
                add("static: HTTP c=32 p99 < 100 ms", c32["p99_ms"], 100.0, below=True, unit="ms")
                add("static: ≥ 500 single-item requests/s over HTTP", c32["rps"], 500.0, unit="req/s")
        limit = {"transformer": 1024.0, "static": 300.0}.get(backend)
        if limit:
            add(
                f"{backend}: server peak RSS < {limit:.0f} MB", f["memory_mb"]["peak_rss"], limit, below=True, unit="MB"
            )
    return targets


def _fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def markdown(results: dict[str, Any]) -> str:
    """The results as markdown tables."""
    m = results["machine"]
    lines = [
        "## Machine",
        "",
        f"- CPU: {m['cpu_model']}, {m['cores']} cores ({m['cores_usable']} usable), {m['memory_gb']} GB RAM",
        f"- Load average at start / end: {m['load_average_at_start']} / {m.get('load_average_at_end')}",
        f"- Python {m['python']} on {m['platform']}; commit {m['commit']}; {m['date']}",
        f"- Command: `{results['command']}` ({results.get('seconds', 0):.0f} s)",
        "",
        "## Throughput and latency",
        "",
        "Ratios are to the raw embedder figure of the same backend in the same run: the mean of a measurement "
        "before the in-process runs and one after the HTTP runs (both shown; far apart means the machine's load "
        "changed in between). The embedding cache is off for every row of this table; each input is sent once "
        "per row. The load generator runs on the same cores as the server.",
        "",
        "| backend | figure | n | throughput | ratio to raw | p50 ms | p95 ms | p99 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for backend, f in results["backends"].items():
        raw = f["raw"]["per_s"]
        drift = ""
        if "per_s_after" in f["raw"]:
            drift = f" (before {_fmt(f['raw']['per_s_before'])}, after {_fmt(f['raw']['per_s_after'])})"
        lines.append(
            f"| {backend} | raw embedder (`encode`, bs 32){drift} | {f['raw']['items']} | {_fmt(raw)} texts/s "
            "| 1.00 | | | |"
        )
        for key, label in (
            ("classify_batch", "in-process `classify_many`"),
            ("classify_single", "in-process `classify`, one at a time"),
        ):
            value = f[key]["per_s"]
            lines.append(
                f"| {backend} | {label} | {f[key]['items']} | {_fmt(value)} items/s | {_ratio(value, raw):.2f} | | | |"
            )
        for key, run in f["http"].items():
            if key == "batch":
                label = f"HTTP `/v1/classify/batch` ({run['batch_size']} items/request, c={run['concurrency']})"
                value, unit = run["items_per_s"], "items/s"
                n = run["items"]
            else:
                label = f"HTTP `/v1/classify`, c={run['concurrency']}"
                value, unit, n = run["rps"], "req/s", run["requests"]
            lines.append(
                f"| {backend} | {label} | {n} | {_fmt(value)} {unit} | {_ratio(value, raw):.2f} | "
                f"{run['p50_ms']:.1f} | {run['p95_ms']:.1f} | {run['p99_ms']:.1f} |"
            )
    lines += ["", "## Server memory", "", "| backend | RSS after start MB | peak RSS MB |", "|---|---:|---:|"]
    for backend, f in results["backends"].items():
        mem = f["memory_mb"]
        lines.append(f"| {backend} | {mem['rss_after_start']:.0f} | {mem['peak_rss']:.0f} |")
    training = [t for f in results["backends"].values() for t in f.get("training", [])]
    if training:
        lines += [
            "",
            "## Training time",
            "",
            "Generated labeled CSVs (the same mix), default options. *Uncached*: empty on-disk embedding cache; "
            "*cached*: the same CSV again, every embedding read from the cache.",
            "",
            "| backend | rows | uncached s | cached s |",
            "|---|---:|---:|---:|",
        ]
        for t in training:
            lines.append(f"| {t['backend']} | {t['rows']:,} | {t['uncached_s']:.1f} | {t['cached_s']:.1f} |")
    cache = results.get("cache")
    if cache:
        reported = cache["metrics_hit_rate"]
        lines += [
            "",
            "## Embedding cache",
            "",
            f"A stream of {cache['requests']:,} requests ({cache['backend']} backend, c=8) in which about 30% repeat an "
            f"earlier request: {cache['distinct_texts']:,} distinct model texts, so an exact LRU cache can serve at "
            f"most {cache['expected_hit_rate']:.1%} of them.",
            "",
            "| expected hit rate | `promptprism_embedding_cache_hit_rate` | req/s | p99 ms |",
            "|---:|---:|---:|---:|",
            f"| {cache['expected_hit_rate']:.3f} | {reported if reported is None else f'{reported:.3f}'} | "
            f"{cache['rps']:.0f} | {cache['p99_ms']:.1f} |",
        ]
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---:|---|"]
    for t in results["targets"]:
        digits = 2 if t["unit"] == "×" else 0
        lines.append(
            f"| {t['target']} | {_fmt(t['measured'], digits)} {t['unit']} | {'yes' if t['met'] else '**no**'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: ``python -m bench [--backends ...] [--out DIR] [--quick]``."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS), help="Comma-separated backends to measure.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="Where results.{md,json} go.")
    parser.add_argument("--models-dir", type=Path, help="Serve the newest model of each backend from here.")
    parser.add_argument("--quick", action="store_true", help="A tiny run to check the suite works (seconds).")
    parser.add_argument("--no-train", action="store_true", help="Skip the training-time figures.")
    parser.add_argument("--cache-stream", type=int, help="Requests in the cache hit-rate stream (0: skip).")
    args = parser.parse_args(argv)
    # Turn SIGTERM into SystemExit, so that the servers started so far are stopped and the scratch dir removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = [b for b in backends if b not in BACKENDS]
    if unknown:
        parser.error(f"unknown backend(s) {unknown}; choose from {', '.join(BACKENDS)}")
    config = BenchConfig(
        backends=backends,
        out_dir=args.out,
        models_dir=args.models_dir,
        plans=dict(QUICK_PLANS if args.quick else DEFAULT_PLANS),
        cache_stream=args.cache_stream if args.cache_stream is not None else (200 if args.quick else 3000),
        cache_backend=backends[0] if "static" not in backends else "static",
        train=not args.no_train,
        command="python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
    )
    results = run_suite(config)
    write_results(results, config.out_dir)
    print(markdown(results))


def write_results(results: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write ``results.json`` and ``results.md`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / "results.json", out_dir / "results.md"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text("# PromptPrism benchmark\n\n" + markdown(results), encoding="utf-8")
    return json_path, md_path
