"""``promptprism serve --workers N``: several processes on one port record every acknowledged event once.

A real server (uvicorn with two worker processes, each with its own model, micro-batcher and event
writer, all writing one SQLite file) gets concurrent recorded requests; after it stops, the store holds
exactly the events it acknowledged, and ``/metrics`` adds up what every worker counted.
"""

import asyncio
import contextlib
import os
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import httpx
import pytest

from promptprism.server import http_get, running_server

pytestmark = pytest.mark.slow

WORKERS = 2


async def post_all(base: str, bodies: list[dict], concurrency: int, path: str = "/v1/classify") -> list[httpx.Response]:
    limit = asyncio.Semaphore(concurrency)
    # A new connection per request, so that the kernel spreads them over the workers' shared socket.
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_keepalive_connections=0)) as client:

        async def one(body: dict) -> httpx.Response:
            async with limit:
                return await client.post(path, json=body)

        return await asyncio.gather(*(one(b) for b in bodies))


def metric_sum(text: str, name: str, **labels: str) -> float:
    """Sum of the samples of ``name`` whose labels include ``labels``."""
    total = 0.0
    for line in text.splitlines():
        match = re.match(rf"^{re.escape(name)}(?:\{{(.*)\}})? (\S+)$", line)
        if match and all(f'{k}="{v}"' in (match.group(1) or "") for k, v in labels.items()):
            total += float(match.group(2))
    return total


def listening_pids(port: int) -> list[int]:
    """The processes with a socket listening on 127.0.0.1:``port`` (Linux's /proc), one entry per socket."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, inode = fields[1], fields[3], fields[9]
        if state == "0A" and int(local.split(":")[1], 16) == port:  # 0A: LISTEN
            inodes.add(inode)
    pids = []
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        with contextlib.suppress(OSError):
            for fd in fd_dir.iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:[") and target[8:-1] in inodes:
                        pids.append(int(fd_dir.parent.name))
    return pids


def test_workers_record_every_acknowledged_event_exactly_once(models_copy: Path, tmp_path: Path):
    database = tmp_path / "events.db"
    singles = [{"text": f"how do I fix error number {i} in my python script", "app": "w"} for i in range(160)]
    batches = [
        {"items": [{"text": f"translate sentence {b}-{i} into german", "app": "w"} for i in range(8)]}
        for b in range(20)
    ]
    unrecorded = [{"text": f"write a poem number {i}", "record": False} for i in range(20)]
    settings = {"workers": str(WORKERS), "database_path": str(database), "embedding_cache_dir": str(tmp_path / "c")}
    with running_server(models_copy, tmp_path, settings, name="workers", ready_s=180) as server:
        server.wait_for_workers(WORKERS)
        if sys.platform == "linux":
            # A listening socket per worker (SO_REUSEPORT), so that the kernel spreads keep-alive connections
            # over the workers instead of the first one awake accepting them all; none in the supervisor.
            pids = listening_pids(server.port)
            assert len(pids) == WORKERS and len(set(pids)) == WORKERS and server.process.pid not in pids, pids

        async def load() -> tuple[list[httpx.Response], ...]:
            return await asyncio.gather(
                post_all(server.base, singles, 24),
                post_all(server.base, batches, 4, "/v1/classify/batch"),
                post_all(server.base, unrecorded, 4),
            )

        single_responses, batch_responses, unrecorded_responses = asyncio.run(load())
        assert all(r.status_code == 200 for r in single_responses + batch_responses + unrecorded_responses)
        acknowledged = [r.json()["id"] for r in single_responses]
        acknowledged += [item["id"] for r in batch_responses for item in r.json()["results"]]
        assert len(acknowledged) == 160 + 160

        # Every worker answered some of them, and /metrics (served by any one worker) counts them all.
        status, metrics = http_get(f"{server.base}/metrics")
        assert status == 200
        pids = set(re.findall(r'promptprism_active_model_info\{[^}]*pid="(\d+)"', metrics))
        assert len(pids) == WORKERS, metrics
        assert metric_sum(metrics, "promptprism_http_requests_total", route="/v1/classify", status="200") == 180
        assert metric_sum(metrics, "promptprism_http_requests_total", route="/v1/classify/batch") == 20
        assert metric_sum(metrics, "promptprism_classifications_total", dimension="category") == 340
        for _ in range(4):  # the same totals whichever worker answers
            again = http_get(f"{server.base}/metrics")[1]
            assert metric_sum(again, "promptprism_classifications_total", dimension="category") == 340
        log = server.log

    # Stopped (SIGTERM to uvicorn's supervisor, which stops each worker, whose writer flushes): read the store.
    with sqlite3.connect(database) as db:
        stored = [row[0] for row in db.execute("SELECT id FROM events")]
        labels = db.execute("SELECT COUNT(*) FROM event_labels WHERE dimension = 'category'").fetchone()[0]
    assert Counter(stored) == Counter(acknowledged), "an acknowledged event is missing, or one is stored twice"
    assert labels == len(acknowledged)
    text = log.read_text()
    assert "Traceback" not in text, text[-3000:]
    assert text.count("Application startup complete") == WORKERS
    metrics_dir = re.search(r"metrics are added up under (\S+)", text).group(1)
    assert not Path(metrics_dir).exists(), "the serve command leaves its metrics directory behind"


def test_serve_flags_pick_the_model_and_refuse_bad_values(models_copy: Path, tmp_path: Path):
    import subprocess
    import sys

    command = [sys.executable, "-m", "promptprism.cli", "serve"]
    bad = subprocess.run([*command, "--backend", "nope"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--backend must be one of" in bad.stderr
    zero = subprocess.run([*command, "--workers", "0"], capture_output=True, text=True, timeout=60)
    assert zero.returncode == 2 and "--workers must be at least 1" in zero.stderr
    # PROMPTPRISM_BACKEND keeps working; --model names the version; --workers overrides PROMPTPRISM_WORKERS.
    with running_server(
        models_copy, tmp_path, {"backend": "static", "workers": "3"}, "env", args=["--workers", "1"]
    ) as server:
        status, body = http_get(f"{server.base}/readyz")
        assert status == 200 and '"model_version":"small-static"' in body.replace(" ", "")
        assert "worker processes" not in server.log.read_text()
    with running_server(models_copy, tmp_path, {}, "flag", args=["--model", "small-static"]) as server:
        status, body = http_get(f"{server.base}/readyz")
        assert status == 200 and '"model_version":"small-static"' in body.replace(" ", "")
