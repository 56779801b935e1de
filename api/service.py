"""The running service: model, event store, micro-batcher, writer, jobs and metrics, with start and stop.

:class:`Service` holds everything a request handler needs. The app factory
(:mod:`api.app`) creates one and calls :meth:`Service.start` and
:meth:`Service.stop` from its lifespan; tests and embedders can drive it the
same way without HTTP.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time

from api.batcher import MicroBatcher
from api.jobs import TrainingJobs
from api.metrics import ServiceMetrics
from classifier import PromptPrismModel, load_model
from classifier.artifacts import set_active_version
from promptprism.settings import Settings
from traffic.store import EventStore
from traffic.writer import EventWriter

log = logging.getLogger("promptprism")


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
        model.warm_up()
        return model

    def activate(self, version: str) -> PromptPrismModel:
        """Load ``version``, classify a probe text with it, make it the active one on disk, and serve it.

        Loading is pickle-free; a version that fails to load or to classify the probe raises
        :class:`ModelLoadError` (409) and nothing changes: ACTIVE and the served model stay as they were.
        """
        with self._swap_lock:
            model = load_model(version, self.settings.models_dir, cache_size=self.settings.embedding_cache_size)
            model.warm_up()
            set_active_version(self.settings.models_dir, version)
            if self.batcher is not None:
                self.batcher.swap_model(model)
            self._announce(model)
            return model

    def _announce(self, model: PromptPrismModel) -> None:
        self.metrics.model.info({"version": model.version, "backend": model.embedder.backend})
        log.info("serving model %s (%s backend)", model.version, model.embedder.backend)

    async def start(self) -> None:
        """Create the store's schema, load and warm the model, and start the batcher and the writer."""
        settings = self.settings
        self.store.create_schema()
        model = await asyncio.to_thread(self.load_initial_model)
        batcher = MicroBatcher(
            model,
            settings.batch_max_size,
            settings.batch_max_wait_ms,
            settings.queue_max_items,
            on_batch=self.metrics.batch_size.observe,
        )
        batcher.start()
        self.batcher = batcher
        self._announce(model)
        self.writer.start()
        # Everything loaded so far (libraries, model, heads) lives as long as the process: move it out of the
        # garbage collector's reach, so that full collections under load no longer walk it (p99 latency spikes).
        gc.collect()
        gc.freeze()

    async def stop(self) -> None:
        """Write every acknowledged event, stop the batcher and the jobs, and close the store."""
        gc.unfreeze()  # let this service's objects be collected once it stops (tests start many per process)
        await self.writer.stop()
        if self.batcher is not None:
            await self.batcher.stop()
        self.jobs.shutdown()
        self.store.dispose()
