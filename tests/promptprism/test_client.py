"""promptprism.client.Client and AsyncClient against a real server: typed results, retries on 429."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from promptprism.client import (
    AsyncClient,
    BatchClassification,
    Classification,
    Client,
    ItemError,
    PromptPrismAPIError,
    PromptPrismClient,
)
from promptprism.server import Server, free_port, running_server
from tests.conftest import SMALL_CSV

pytestmark = pytest.mark.slow

SPOOL_MAX = 50


@pytest.fixture(scope="module")
def server(small_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    import shutil

    workdir = tmp_path_factory.mktemp("client")
    models = workdir / "models"
    shutil.copytree(small_model_dir, models)  # the train test writes a version
    settings = {
        "embedding_cache_dir": str(workdir / "cache"),
        "min_group_count": "1",
        "spool_max_items": str(SPOOL_MAX),
    }
    with running_server(models, workdir, settings, name="client") as srv:
        yield srv


def test_classify_batch_events_and_distribution(server):
    with Client(server.base) as client:
        assert client.ready()
        one = client.classify("translate 'good morning' into korean", app="docs")
        assert isinstance(one, Classification) and one.labels["category"].label and one.model_version
        batch = client.classify_batch(["solve 2x = 4", {"prompt": "p", "response": {}}])
        assert isinstance(batch, BatchClassification) and batch.errors == 1
        assert isinstance(batch.results[0], Classification) and isinstance(batch.results[1], ItemError)
        queued = client.send_events(
            [{"id": f"client-{i}", "text": f"write a poem about the sea {i}"} for i in range(3)]
        )
        assert queued.queued == 3 and queued.ids == ["client-0", "client-1", "client-2"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            overall = client.distribution()
            if overall.buckets and overall.buckets[0].total_requests >= 5:
                break
            time.sleep(0.2)
        assert overall.buckets[0].total_requests == 5  # 1 classify + 1 good batch item + 3 events
        assert abs(sum(label.share for label in overall.buckets[0].labels) - 1) < 1e-6


def test_models_activate_train_and_jobs(server):
    with Client(server.base) as client:
        models = client.models()
        assert models.served == "small-static" and "small-static" in [v.version for v in models.versions]
        assert client.activate("small-static").active == "small-static"
        with pytest.raises(PromptPrismAPIError) as missing:
            client.activate("no-such-version")
        assert missing.value.status == 404 and missing.value.field == "version"
        started = client.train(SMALL_CSV, backend="static", activate="false")
        job = client.wait_for_job(started.job_id, timeout=300, poll=0.5)
        assert job.status == "succeeded", job.error
        assert job.version in [v.version for v in client.models().versions] and job.activated is False
        assert [j.id for j in client.jobs()] == [started.job_id]


def test_the_async_client(server):
    async def main() -> None:
        async with AsyncClient(server.base) as client:
            assert await client.ready()
            results = await asyncio.gather(*(client.classify(f"how do I sort a list in python {i}") for i in range(8)))
            assert all(isinstance(r, Classification) for r in results)
            assert (await client.send_events(["an event as plain text"])).queued == 1
            assert (await client.models()).served
            assert isinstance(await client.jobs(), list)

    asyncio.run(main())


def test_429_is_retried_honouring_retry_after(server):
    too_many = [{"text": f"t{i}"} for i in range(SPOOL_MAX + 1)]  # never fits: the service answers 429 each time
    with Client(server.base, max_retries=1, backoff=0.01, max_retry_wait=10) as client:
        started = time.monotonic()
        with pytest.raises(PromptPrismAPIError) as full:
            client.send_events(too_many)
        waited = time.monotonic() - started
    assert full.value.status == 429
    assert waited >= 5  # the spool's Retry-After (5 s), not the 0.01 s backoff
    metrics = httpx.get(f"{server.base}/metrics").text
    assert 'promptprism_http_requests_total{method="POST",route="/v1/events",status="429"} 2.0' in metrics


def test_connection_failures_are_retried_then_raised():
    with Client(f"http://127.0.0.1:{free_port()}", max_retries=2, backoff=0.01) as client:
        assert client.ready() is False
        with pytest.raises(httpx.ConnectError):
            client.classify("hello")


def test_the_first_client_still_works_and_says_it_is_deprecated(server):
    with pytest.warns(DeprecationWarning), PromptPrismClient(server.base) as client:
        assert client.classify("hello there")["labels"]["category"]["label"]
