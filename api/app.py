"""The FastAPI application: lifespan-managed model, event store, micro-batcher, jobs and metrics.

``create_app(settings)`` builds an app; ``promptprism serve`` runs it on uvicorn.
The model loads once at start-up (``/readyz`` says when); activating another
version swaps it atomically without failing a request.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.batcher import MicroBatcher
from api.errors import error_body, install_error_handlers
from api.jobs import TrainingJobs
from api.metrics import ServiceMetrics
from api.settings import Settings
from api.store import EventRecord, EventStore
from classifier import PromptPrismModel, load_model, parse_item
from classifier.artifacts import set_active_version

log = logging.getLogger("promptprism")


class EventWriter:
    """Buffers recorded events and writes them in batches, off the event loop."""

    def __init__(self, store: EventStore, flush_every_s: float = 0.05, max_buffer: int = 512) -> None:
        self.store = store
        self.flush_every_s = flush_every_s
        self.max_buffer = max_buffer
        self._buffer: list[EventRecord] = []
        self._task: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()

    def start(self) -> None:
        """Start the periodic flush."""
        self._task = asyncio.get_running_loop().create_task(self._loop(), name="promptprism-writer")

    def add(self, records: list[EventRecord]) -> None:
        """Queue events for the next flush."""
        self._buffer.extend(records)

    async def flush(self) -> None:
        """Write everything buffered so far."""
        async with self._flush_lock:
            if not self._buffer:
                return
            batch, self._buffer = self._buffer, []
            await asyncio.to_thread(self.store.record, batch)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.flush_every_s)
            try:
                await self.flush()
            except Exception:  # keep serving; the next flush retries new events
                log.exception("writing events failed")

    async def stop(self) -> None:
        """Flush what is left and stop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()


class Service:
    """Everything a request handler needs, held on ``app.state.service``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = EventStore(settings.sqlalchemy_url)
        self.batcher: MicroBatcher | None = None
        self.writer = EventWriter(self.store)
        self.metrics = ServiceMetrics(
            queue_depth=lambda: self.batcher.depth if self.batcher else 0, cache_hit_rate=self._cache_hit_rate
        )
        self.jobs = TrainingJobs(settings.models_dir, on_success=lambda result: self.activate(result.version))
        self.started_at = time.time()
        self._swap_lock = threading.Lock()

    @property
    def model(self) -> PromptPrismModel:
        """The model serving new requests."""
        assert self.batcher is not None, "the service has not started"
        return self.batcher.model

    @property
    def ready(self) -> bool:
        """Model loaded."""
        return self.batcher is not None

    def _cache_hit_rate(self) -> float:
        return float(getattr(self.model.embedder, "hit_rate", 0.0)) if self.ready else 0.0

    def load_initial_model(self) -> PromptPrismModel:
        """Load the configured model version, and warm it up."""
        settings = self.settings
        model = load_model(
            settings.model_version, settings.models_dir, settings.backend, cache_size=settings.embedding_cache_size
        )
        warm_up(model)
        return model

    def activate(self, version: str) -> PromptPrismModel:
        """Load ``version``, make it the active one on disk, and serve it from the next batch on."""
        with self._swap_lock:
            model = load_model(version, self.settings.models_dir, cache_size=self.settings.embedding_cache_size)
            warm_up(model)
            set_active_version(self.settings.models_dir, version)
            if self.batcher is not None:
                self.batcher.swap_model(model)
            self._announce(model)
            return model

    def _announce(self, model: PromptPrismModel) -> None:
        self.metrics.model.info({"version": model.version, "backend": model.embedder.backend})
        log.info("serving model %s (%s backend)", model.version, model.embedder.backend)


def warm_up(model: PromptPrismModel) -> None:
    """Classify one request before serving, so that no caller pays for lazy loading.

    The language identifier loads its model on first use (about a second), and
    the first batch through torch or numpy allocates its buffers; without this,
    the first requests after start-up or activation wait for all of it.
    """
    item = parse_item({"text": "warm-up: how do I sort a list in python? ¿y en español?"})
    model.results_from_embeddings([item], model.embedder.inner.encode([model.text_for(item)]))


class ObserveRequests:
    """Count requests and time them by route, method and status, for ``/metrics``.

    A plain ASGI middleware rather than ``@app.middleware("http")``: Starlette's
    ``BaseHTTPMiddleware`` wraps every request in a task group and a streamed
    response, which took about a fifth of the server's CPU at 32 concurrent
    single-item requests (docs/benchmarks.md).
    """

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            # The router records the matched route in the scope; unmatched paths share one label.
            path = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.requests.labels(path, scope["method"], str(status)).inc()
            self.metrics.latency.labels(path).observe(time.perf_counter() - started)


class BodySizeLimit:
    """Refuse request bodies over a size limit with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int, upload_max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_max_bytes = upload_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_max_bytes if scope["path"].endswith("/models/train") else self.max_bytes
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _send_413(send, limit)
            return
        received = 0
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await _send_413(send, limit)


class _BodyTooLarge(Exception):
    pass


async def _send_413(send: Send, limit: int) -> None:
    import json

    body = json.dumps(
        error_body(413, f"the request body is larger than {limit} bytes; send fewer or shorter items per call")
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the PromptPrism service."""
    settings = settings or Settings()
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.store.create_schema()
        model = await asyncio.to_thread(service.load_initial_model)
        batcher = MicroBatcher(
            model,
            settings.batch_max_size,
            settings.batch_max_wait_ms,
            settings.queue_max_items,
            on_batch=service.metrics.batch_size.observe,
        )
        batcher.start()
        service.batcher = batcher
        service._announce(model)
        service.writer.start()
        # Everything loaded so far (libraries, model, heads) lives as long as the process: move it out of the
        # garbage collector's reach, so that full collections under load no longer walk it (p99 latency spikes).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()  # let this app's objects be collected once it stops (tests start many apps per process)
            await service.writer.stop()
            await batcher.stop()
            service.jobs.shutdown()
            service.store.dispose()

    app = FastAPI(
        title="PromptPrism",
        version="0.1.0",
        summary="Classify LLM traffic and report its mix over time.",
        lifespan=lifespan,
    )
    app.state.service = service
    install_error_handlers(app)

    app.add_middleware(ObserveRequests, metrics=service.metrics)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, upload_max_bytes=settings.max_upload_bytes)

    from api.dashboard import router as dashboard_router
    from api.routes import router, system_router

    app.include_router(system_router)
    app.include_router(router)
    app.include_router(dashboard_router)
    return app
