"""The real service over real HTTP: uvicorn on a free port, concurrent clients, retraining and activation."""

import asyncio
import time
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import running_server
from tests.conftest import SMALL_CSV

pytestmark = pytest.mark.slow


@pytest.fixture
def server(models_copy: Path, tmp_path: Path):
    with running_server(models_copy, tmp_path, api_key="secret", min_group_count="1") as base:
        yield base


async def classify_concurrently(base: str, texts: list[str], concurrency: int) -> list[httpx.Response]:
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": "Bearer secret"}, timeout=60) as client:

        async def one(text: str) -> httpx.Response:
            async with limit:
                return await client.post("/v1/classify", json={"text": text, "app": "load-test"})

        return await asyncio.gather(*(one(t) for t in texts))


def test_concurrent_requests_retrain_activate_and_distribution(server: str):
    auth = {"Authorization": "Bearer secret"}
    texts = [f"translate sentence number {i} into german" for i in range(40)] + [
        f"write a short poem about the number {i}" for i in range(20)
    ]
    responses = asyncio.run(classify_concurrently(server, texts, concurrency=16))
    assert all(r.status_code == 200 for r in responses)
    labels = [r.json()["labels"]["category"]["label"] for r in responses]
    assert labels.count("translation") >= 36 and labels.count("creative_writing") >= 16

    metrics = httpx.get(f"{server}/metrics", headers=auth).text
    batch_count = float(
        next(line.split()[-1] for line in metrics.splitlines() if line.startswith("promptprism_batch_size_count"))
    )
    assert batch_count < 60, "concurrent calls were batched together"

    with SMALL_CSV.open("rb") as handle:
        started = httpx.post(
            f"{server}/v1/models/train",
            headers=auth,
            files={"file": ("small.csv", handle, "text/csv")},
            data={"test_size": "0.34", "activate": "false"},
            timeout=60,
        )
    assert started.status_code == 202, started.text
    job_id = started.json()["job_id"]
    deadline = time.time() + 180
    while (job := httpx.get(f"{server}/v1/jobs/{job_id}", headers=auth).json())["status"] not in (
        "succeeded",
        "failed",
    ):
        assert time.time() < deadline
        time.sleep(0.5)
    assert job["status"] == "succeeded", job
    new_version = job["version"]

    async def classify_while_activating() -> tuple[list[httpx.Response], httpx.Response]:
        async with httpx.AsyncClient(base_url=server, headers=auth, timeout=60) as client:
            load = asyncio.gather(
                *(
                    client.post("/v1/classify", json={"text": f"solve {i}x = {2 * i}", "app": "during-swap"})
                    for i in range(1, 41)
                )
            )
            swap = client.post(f"/v1/models/{new_version}/activate")
            results, swapped = await asyncio.gather(load, swap)
            return results, swapped

    during, swapped = asyncio.run(classify_while_activating())
    assert swapped.status_code == 200 and swapped.json()["active"] == new_version
    assert all(r.status_code == 200 for r in during), "no request fails during the swap"
    assert {r.json()["model_version"] for r in during} <= {"small-static", new_version}
    after = httpx.post(f"{server}/v1/classify", headers=auth, json={"text": "hola"}).json()
    assert after["model_version"] == new_version

    distribution = httpx.get(f"{server}/v1/distribution", headers=auth, params={"group_by": "app"}).json()
    groups = {b["group"]: b for b in distribution["buckets"]}
    assert groups["load-test"]["total_requests"] == 60
    shares = {row["label"]: row["share"] for row in groups["load-test"]["labels"]}
    assert abs(sum(shares.values()) - 1) < 1e-6
    assert shares["translation"] == pytest.approx(labels.count("translation") / 60, abs=1e-6)
    assert groups["during-swap"]["total_requests"] == 40
    by_version = httpx.get(f"{server}/v1/distribution", headers=auth, params={"group_by": "model_version"}).json()
    assert new_version in {b["group"] for b in by_version["buckets"]}


def _serving(base: str) -> str:
    response = httpx.post(f"{base}/v1/classify", json={"text": "translate hello into german", "record": False})
    assert response.status_code == 200, response.text
    return response.json()["model_version"]


def _wait_for_version(base: str, version: str, within_s: float = 10.0) -> float:
    """Seconds until the server classifies with ``version``; fails after ``within_s``."""
    started = time.monotonic()
    while _serving(base) != version:
        assert time.monotonic() - started < within_s, f"still serving {_serving(base)} after {within_s} s"
        time.sleep(0.2)
    return time.monotonic() - started


def test_the_server_follows_active_changed_by_the_cli_or_by_hand(models_copy: Path, tmp_path: Path):
    """`promptprism models activate` (another process) and a hand edit of ACTIVE both reach the running server."""
    import os
    import subprocess
    import sys

    from training.train import TrainOptions, train_model

    options = TrainOptions(
        backend="static", test_size=0.34, version="second", activate=False, cache_dir=tmp_path / "cache"
    )
    train_model(SMALL_CSV, models_copy, options)
    assert (models_copy / "ACTIVE").read_text().strip() == "small-static"
    with running_server(models_copy, tmp_path) as base:
        assert _serving(base) == "small-static"
        env = {**os.environ, "PROMPTPRISM_MODELS_DIR": str(models_copy)}
        done = subprocess.run(
            [sys.executable, "-m", "promptprism.cli", "models", "activate", "second"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert _wait_for_version(base, "second") < 10  # polled every 2 s, plus loading the model
        assert httpx.get(f"{base}/v1/models").json()["served"] == "second"

        (models_copy / "ACTIVE").write_text("small-static\n")  # by hand, in place
        _wait_for_version(base, "small-static")

        # A pointer to a version that does not exist is logged; the server keeps serving what it had.
        (models_copy / "ACTIVE").write_text("no-such-version\n")
        time.sleep(5)
        assert _serving(base) == "small-static"
        assert httpx.get(f"{base}/readyz").status_code == 200
