"""Multi-process serving measured with wrk, a C load generator, against the raw embedder in the same run.

::

    python -m bench.workers --models-dir models                    # static and multilingual, workers = cores
    python -m bench.workers --models-dir models --backends static --seconds 10

For each backend, on the deterministic inputs of :mod:`bench.inputs`:

1. **raw**: one process's ``encode`` throughput at batch size 32 on the texts the model reads (the
   figure the issue compares with), measured before and after the HTTP runs; ratios use their mean;
2. **HTTP**: ``promptprism serve`` with 1 worker and with ``--workers`` (default: the number of
   cores), every request recorded in SQLite, the embedding cache off, driven by ``wrk`` at
   ``--connections`` (64) keep-alive connections for ``--seconds``; single-item ``POST /v1/classify``
   bodies cycled from the inputs by a Lua script. Requests per second and wrk's latency percentiles.

3. **framework ceiling** (``--ceiling``): the same wrk run against a bare FastAPI app under uvicorn with
   the same worker count, whose ``/v1/classify`` validates the body into a one-field pydantic model and
   returns a constant: what FastAPI and uvicorn alone serve on these cores, the bound on any route of ours.

wrk runs on the same cores as the server (``-t2``), so the HTTP figures understate a server with
cores of its own. Needs ``wrk`` (Debian: ``apt-get install wrk``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.inputs import make_items
from bench.suite import ROOT, cache_off, classifier_request, machine_facts, raw_seconds
from promptprism.server import running_server

LUA = """
local bodies = {}
for line in io.lines("%(bodies)s") do bodies[#bodies + 1] = line end
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end
function init(args)
  index = offset or 0
end
function request()
  index = index %% #bodies + 1
  return wrk.format("POST", "/v1/classify", {["Content-Type"] = "application/json"}, bodies[index])
end
"""
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output: str) -> dict[str, Any]:
    """Requests, errors, req/s and the p50/p75/p90/p99 latencies (ms) from ``wrk --latency`` output."""
    figures: dict[str, Any] = {}
    match = re.search(r"(\d+) requests in ([\d.]+)(\w+)", output)
    if match:
        figures["requests"] = int(match.group(1))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    figures["rps"] = float(rps.group(1)) if rps else 0.0
    for percent, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE):
        figures[f"p{percent}_ms"] = float(value) * _UNITS[unit]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    figures["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    figures["socket_errors"] = socket_errors.group(1).strip() if socket_errors else None
    return figures


def run_wrk(port: int, script: Path, connections: int, seconds: float, threads: int = 2) -> dict[str, Any]:
    """One wrk run against ``127.0.0.1:port``; its parsed figures."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}/v1/classify",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 120)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stderr[-2000:]}")
    result = parse_wrk(done.stdout)
    result.update(connections=connections, seconds=seconds)
    if result["non_2xx"]:
        raise RuntimeError(f"{result['non_2xx']} requests failed:\n{done.stdout}")
    return result


CEILING_APP = """
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Body(BaseModel):
    text: str = ""  # some bodies are chat requests instead


@app.post("/v1/classify")
async def classify(body: Body) -> dict:
    return {"labels": {"category": {"label": "programming", "probability": 0.9}}, "chars": len(body.text)}
"""


def measure_ceiling(script: Path, workers: int, connections: int, seconds: float, scratch: Path) -> dict[str, Any]:
    """wrk against a bare FastAPI app (:data:`CEILING_APP`) under uvicorn with ``workers`` processes."""
    import socket

    from promptprism.server import free_port

    (scratch / "ceiling_app.py").write_text(CEILING_APP, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "ceiling_app:app", "--app-dir", str(scratch), "--port", str(port)]
    command += ["--workers", str(workers), "--no-access-log", "--log-level", "warning"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the ceiling app did not start") from None
                time.sleep(0.2)
        time.sleep(2)  # every worker up
        run_wrk(port, script, connections, min(5.0, seconds))
        return {"workers": workers, **run_wrk(port, script, connections, seconds)}
    finally:
        process.terminate()
        process.wait(timeout=30)


def raw_rate(model: Any, texts: list[str]) -> float:
    """Texts per second of the bare embedder (batch size 32), one process."""
    return len(texts) / raw_seconds(model, texts)


def measure_backend(
    models_dir: Path,
    backend: str,
    items: int,
    workers: list[int],
    connections: int,
    seconds: float,
    scratch: Path,
    ceiling: bool = False,
) -> dict[str, Any]:
    """Raw embedder before and after, and a wrk run per worker count, for one backend."""
    from classifier import load_model, parse_item

    model = load_model(models_dir=models_dir, backend=backend)
    cache_off(model.embedder)
    inputs = make_items(items)
    texts = [model.text_for(parse_item(classifier_request(i))) for i in inputs]
    model.embedder.inner.encode(texts, batch_size=32)  # warm-up pass (see bench.suite.in_process)
    before = raw_rate(model, texts)
    bodies = scratch / f"bodies-{backend}.jsonl"
    bodies.write_text(
        "\n".join(json.dumps(i.body, ensure_ascii=False, separators=(",", ":")) for i in inputs) + "\n",
        encoding="utf-8",
    )
    script = scratch / f"cycle-{backend}.lua"
    script.write_text(LUA % {"bodies": bodies}, encoding="utf-8")
    runs = {}
    for count in workers:
        settings: dict[str, str | None] = {
            "embedding_cache_size": "0",
            "api_key": None,
            "model_version": None,
            "backend": backend,
            "workers": str(count),
        }
        print(f"[bench.workers] {backend}: {count} worker(s)", file=sys.stderr, flush=True)
        with running_server(models_dir, scratch, settings, name=f"{backend}-w{count}") as server:
            server.wait_for_workers(count)
            run_wrk(server.port, script, connections, min(5.0, seconds))  # warm-up: every worker's first batches
            runs[f"workers_{count}"] = {"workers": count, **run_wrk(server.port, script, connections, seconds)}
    if ceiling:
        print(f"[bench.workers] {backend}: framework ceiling, {max(workers)} worker(s)", file=sys.stderr, flush=True)
        runs["ceiling"] = {"ceiling": True, **measure_ceiling(script, max(workers), connections, seconds, scratch)}
    after = raw_rate(model, texts)
    return {
        "model_version": model.version,
        "inputs": items,
        "raw": {"per_s_before": before, "per_s_after": after, "per_s": (before + after) / 2},
        "http": runs,
    }


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets at the largest worker count: HTTP vs raw, and p99 vs p50."""
    goals = {"static": 0.5, "multilingual": 0.9}
    targets = []
    for backend, figures in results["backends"].items():
        run = max((r for r in figures["http"].values() if not r.get("ceiling")), key=lambda r: r["workers"])
        ratio = run["rps"] / figures["raw"]["per_s"]
        if backend in goals:
            targets.append(
                {
                    "target": f"{backend}: HTTP c={run['connections']}, {run['workers']} workers ≥ {goals[backend]} × raw",
                    "measured": f"{ratio:.2f} ×",
                    "met": ratio >= goals[backend],
                }
            )
        spread = run["p99_ms"] / run["p50_ms"] if run.get("p50_ms") else float("inf")
        targets.append({"target": f"{backend}: p99 ≤ 1.5 × p50", "measured": f"{spread:.2f} ×", "met": spread <= 1.5})
    return targets


def markdown(results: dict[str, Any]) -> str:
    """The results as markdown tables."""
    m = results["machine"]
    lines = [
        f"- CPU: {m['cpu_model']}, {m['cores']} cores ({m['cores_usable']} usable); load average at start / end "
        f"{m['load_average_at_start']} / {m.get('load_average_at_end')}",
        f"- Commit {m['commit']}; {m['date']}; command: `{results['command']}` ({results['seconds']:.0f} s)",
        "",
        "| backend | figure | throughput | ratio to raw | p50 ms | p75 ms | p90 ms | p99 ms | p99 / p50 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for backend, f in results["backends"].items():
        raw = f["raw"]["per_s"]
        lines.append(
            f"| {backend} | raw embedder, one process (before {f['raw']['per_s_before']:,.0f}, after "
            f"{f['raw']['per_s_after']:,.0f}) | {raw:,.0f} texts/s | 1.00 | | | | | |"
        )
        for run in f["http"].values():
            spread = run["p99_ms"] / run["p50_ms"] if run.get("p50_ms") else 0.0
            what = "bare FastAPI app (the framework's ceiling)" if run.get("ceiling") else "HTTP `/v1/classify`"
            lines.append(
                f"| {backend} | {what}, wrk c={run['connections']}, {run['workers']} worker(s), "
                f"{run['seconds']:g} s | {run['rps']:,.0f} req/s | {run['rps'] / raw:.2f} | {run['p50_ms']:.1f} | "
                f"{run['p75_ms']:.1f} | {run['p90_ms']:.1f} | {run['p99_ms']:.1f} | {spread:.2f} |"
            )
    lines += ["", "| target | measured | met |", "|---|---:|---|"]
    for t in results["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m bench.workers", description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=ROOT / "models")
    parser.add_argument("--backends", default="static,multilingual")
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}", help="worker counts (default: 1,cores)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--items", type=int, default=3000, help="distinct inputs cycled by wrk")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument(
        "--ceiling", action="store_true", help="also time a bare FastAPI app with the same bodies and workers"
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    workers = sorted({int(w) for w in args.workers.split(",")})
    results: dict[str, Any] = {
        "command": "python -m bench.workers " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": machine_facts(),
        "backends": {},
    }
    scratch = Path(tempfile.mkdtemp(prefix="promptprism-bench-workers-"))
    try:
        for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
            results["backends"][backend] = measure_backend(
                args.models_dir, backend, args.items, workers, args.connections, args.seconds, scratch, args.ceiling
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = time.perf_counter() - started
    results["targets"] = check_targets(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "workers.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(results)
    (args.out / "workers.md").write_text("# Multi-process serving\n\n" + text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
