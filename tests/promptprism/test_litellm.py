"""PromptPrismLogger with the real litellm package (mock_response: no network) and a real PromptPrism server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # the bundled price table, not a download

litellm = pytest.importorskip("litellm")

from promptprism.integrations.litellm import PromptPrismLogger  # noqa: E402
from promptprism.server import Server, free_port, running_server  # noqa: E402
from traffic.store import EventStore, events  # noqa: E402

pytestmark = pytest.mark.slow

MESSAGES = [{"role": "user", "content": "translate 'good night' into spanish"}]


@pytest.fixture(scope="module")
def server(small_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, EventStore]]:
    workdir = tmp_path_factory.mktemp("litellm")
    settings = {"store_text": "true", "embedding_cache_dir": str(workdir / "cache")}
    with running_server(small_model_dir, workdir, settings, name="litellm") as srv:
        store = EventStore(f"sqlite:///{workdir / f'events-litellm-{srv.port}.db'}")
        yield srv, store
        store.dispose()


def rows_with(store: EventStore, ids: set[str], timeout: float = 30.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while True:
        with store.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(events).where(events.c.id.in_(ids)))}
        if len(rows) == len(ids) or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def test_sync_async_and_streamed_calls_are_recorded(server):
    srv, store = server
    logger = PromptPrismLogger(base_url=srv.base, app="litellm-test")
    litellm.callbacks = [logger]
    try:
        sync = litellm.completion(
            model="gpt-4o", messages=MESSAGES, mock_response="buenas noches", user="alice", metadata={"team": "i18n"}
        )
        chunks = litellm.completion(model="gpt-4o", messages=MESSAGES, mock_response="buenas noches", stream=True)
        streamed = "".join(c.choices[0].delta.content or "" for c in chunks)

        async def in_an_async_app() -> tuple[str, str]:
            answer = await litellm.acompletion(model="gpt-4o-mini", messages=MESSAGES, mock_response="buenas noches")
            response = await litellm.acompletion(model="gpt-4o", messages=MESSAGES, mock_response="hola", stream=True)
            text = "".join([c.choices[0].delta.content or "" async for c in response])
            await asyncio.sleep(0.5)  # LiteLLM logs async calls in tasks of the app's loop: let them run
            return answer.choices[0].message.content, text

        assert streamed == "buenas noches" and asyncio.run(in_an_async_app()) == ("buenas noches", "hola")
        assert sync.choices[0].message.content == "buenas noches"
        # No explicit flush: the logger sends at least once a second by itself.
        deadline = time.monotonic() + 30
        while store.count() < 4 and time.monotonic() < deadline:
            time.sleep(0.2)
        with store.engine.connect() as conn:
            rows = list(conn.execute(select(events)))
        assert len(rows) >= 4, (logger.sent, logger.dropped)
        first = rows_with(store, {sync.id} | {r.id for r in rows})
        assert all(r.app == "litellm-test" for r in first.values())
        by_user = [r for r in rows if r.user == "alice"]
        assert len(by_user) == 1
        alice = by_user[0]
        assert alice.model == "gpt-4o" and alice.metadata == {"team": "i18n"}
        assert alice.cost is not None and alice.cost > 0 and alice.latency_ms is not None
        assert "good night" in alice.raw_text and "buenas noches" in alice.raw_text
        assert {r.model for r in rows} >= {"gpt-4o", "gpt-4o-mini"}
        assert any("hola" in (r.raw_text or "") for r in rows)  # the async stream's assembled answer
        assert logger.dropped == 0
    finally:
        litellm.callbacks = []
        logger.close()


def test_an_unreachable_service_never_blocks_or_raises_into_the_caller():
    logger = PromptPrismLogger(base_url=f"http://127.0.0.1:{free_port()}", max_buffer=3, flush_interval=0.05)
    litellm.callbacks = [logger]
    try:
        started = time.perf_counter()
        for _ in range(5):
            answer = litellm.completion(model="gpt-4o", messages=MESSAGES, mock_response="ok")
            assert answer.choices[0].message.content == "ok"
        assert time.perf_counter() - started < 10
    finally:
        litellm.callbacks = []
    deadline = time.monotonic() + 10
    while logger.pending + logger.dropped < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    logger.close(timeout=1)
    assert logger.sent == 0 and logger.dropped == 5  # the buffer is bounded; what never went out is counted


def test_a_short_script_loses_nothing_at_exit(server, tmp_path: Path):
    srv, store = server
    script = textwrap.dedent(
        f"""
        import litellm
        from promptprism.integrations.litellm import PromptPrismLogger

        # A long flush interval: only the flush at interpreter exit can send this call.
        litellm.callbacks = [PromptPrismLogger(base_url="{srv.base}", app="short-script", flush_interval=3600)]
        r = litellm.completion(model="gpt-4o", messages=[{{"role": "user", "content": "hi"}}], mock_response="hey")
        print(r.id)
        """
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with store.engine.connect() as conn:
            if conn.execute(select(events.c.id).where(events.c.app == "short-script")).first():
                return
        time.sleep(0.1)
    raise AssertionError("the call made just before exit was not recorded")
