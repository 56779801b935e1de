"""The running service: model, event store, micro-batcher, writer, jobs and metrics, with start and stop.

:class:`Service` holds everything a request handler needs. The app factory
(:mod:`api.app`) creates one and calls :meth:`Service.start` and
:meth:`Service.stop` from its lifespan; tests and embedders can drive it the
same way without HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import threading
import time

from api.batcher import MicroBatcher
from api.ingest import IngestWorker
from api.jobs import TrainingJobs
from api.metrics import ServiceMetrics
from classifier import PromptPrismModel, load_model
from classifier.artifacts import ACTIVE_POINTER, active_version, remove_stale_files, set_active_version
from promptprism.settings import Settings
from traffic.spool import Spool
from traffic.store import EventStore
from traffic.writer import EventWriter

log = logging.getLogger("promptprism")


class Service:
    """Everything a request handler needs, held on ``app.state.service``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # A statement never waits for a lock longer than a recording call may wait for its commit.
        self.store = EventStore(settings.sqlalchemy_url, busy_timeout_s=min(5.0, settings.record_timeout_s / 2))
        self.batcher: MicroBatcher | None = None
        self.spool: Spool | None = None  # opened by start(), so that building an app touches no file
        self.ingest: IngestWorker | None = None
        self.metrics = ServiceMetrics(
            queue_depth=lambda: self.batcher.depth if self.batcher else 0,
            cache_hit_rate=self._cache_hit_rate,
            spool_depth=lambda: self.spool.depth if self.spool else 0,
            spool_lag=lambda: self.spool.lag_seconds() if self.spool else 0.0,
        )
        self.jobs = TrainingJobs(
            settings.models_dir, on_success=lambda result: self.activate(result.version), store=self.store
        )
        self.writer = EventWriter(
            self.store,
            commit_timeout_s=settings.record_timeout_s,
            on_committed=self.metrics.events_committed.inc,
            on_dead_letter=self.metrics.events_dead_lettered.inc,
            on_unavailable=self.metrics.events_unavailable.inc,
        )
        self.started_at = time.time()
        self._swap_lock = threading.Lock()
        self._watcher: asyncio.Task[None] | None = None

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

    def follow_active(self) -> PromptPrismModel | None:
        """Serve the version that ``ACTIVE`` names now, if it is not the one being served; None when it is.

        For changes made outside this process (``promptprism models activate``, an edit by hand): the
        pointer is left as it is. Raises what :func:`classifier.load_model` raises for a version that
        does not load; the model being served stays.
        """
        version = active_version(self.settings.models_dir)
        if version is None or not self.ready or version == self.model.version:
            return None
        with self._swap_lock:
            if version == self.model.version:  # activated through this service while we waited for the lock
                return None
            model = load_model(version, self.settings.models_dir, cache_size=self.settings.embedding_cache_size)
            model.warm_up()
            assert self.batcher is not None
            self.batcher.swap_model(model)
            self._announce(model)
            log.info("followed %s to model %s", self.settings.models_dir / ACTIVE_POINTER, version)
            return model

    def _pointer_stamp(self) -> tuple[int, int, int] | None:
        """A cheap fingerprint of the ACTIVE file (inode, size, mtime): replaced or rewritten files both show."""
        try:
            stat = (self.settings.models_dir / ACTIVE_POINTER).stat()
        except OSError:
            return None
        return stat.st_ino, stat.st_size, stat.st_mtime_ns

    async def _watch_active(self, every_s: float) -> None:
        """Poll the ACTIVE pointer and follow it; a version that fails to load is logged and not retried
        until the pointer changes again."""
        seen: tuple[int, int, int] | None = None  # check once at the first tick: ACTIVE may have moved during start-up
        while True:
            await asyncio.sleep(every_s)
            stamp = self._pointer_stamp()
            if stamp == seen:
                continue
            seen = stamp
            try:
                await asyncio.to_thread(self.follow_active)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a bad pointer must not stop the service or the watcher
                log.error("ACTIVE names a model that does not load; still serving %s: %s", self.model.version, exc)

    def _announce(self, model: PromptPrismModel) -> None:
        self.metrics.model.info({"version": model.version, "backend": model.embedder.backend})
        log.info("serving model %s (%s backend)", model.version, model.embedder.backend)

    async def start(self) -> None:
        """Create the store's schema, load and warm the model, and start the batcher and the writer."""
        settings = self.settings
        stale = remove_stale_files(settings.models_dir)  # what a crash in the middle of writing a version left
        if stale:
            log.info(
                "removed %d file(s) left by an interrupted write in %s: %s", len(stale), settings.models_dir, stale
            )
        self.store.create_schema()
        self.jobs.restore()
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
        if settings.active_poll_seconds > 0 and settings.model_version is None and settings.backend is None:
            # A pinned version or backend is not the active one: only an unpinned service follows ACTIVE.
            self._watcher = asyncio.create_task(self._watch_active(settings.active_poll_seconds))
        # Events queued before a crash or a restart are in the spool: the worker records them first.
        self.spool = Spool(settings.spool_file, settings.spool_max_items)
        self.ingest = IngestWorker(
            self.spool,
            self.store,
            batcher.classify,
            self.metrics,
            # Never more than the model's queue takes at once, or every batch would be refused as overload.
            batch_size=min(settings.ingest_batch_size, settings.queue_max_items),
            store_text=settings.store_text,
        )
        self.ingest.start()
        # Everything loaded so far (libraries, model, heads) lives as long as the process: move it out of the
        # garbage collector's reach, so that full collections under load no longer walk it (p99 latency spikes).
        gc.collect()
        gc.freeze()

    async def stop(self) -> None:
        """Write every acknowledged event, stop the batcher and the jobs, and close the store."""
        gc.unfreeze()  # let this service's objects be collected once it stops (tests start many per process)
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        if self.ingest is not None:
            await self.ingest.stop()  # what it has not recorded stays in the spool for the next start
        await self.writer.stop()
        if self.batcher is not None:
            await self.batcher.stop()
        self.jobs.shutdown()
        if self.spool is not None:
            self.spool.close()
        self.store.dispose()
