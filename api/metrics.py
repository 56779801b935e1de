"""Prometheus metrics of the service, on a registry of its own (one per app instance).

With several worker processes (``promptprism serve --workers N``) each process counts into
prometheus-client's multiprocess files under ``PROMETHEUS_MULTIPROC_DIR`` (the serve command creates
that directory and removes it at exit), and ``GET /metrics``, whichever worker answers it, adds up
every worker's counters and histograms. Metrics still register on ``ServiceMetrics.registry``, which
in that mode exposes the files rather than this process's objects. Gauges computed on demand
(``set_function``: queue depth, cache hit rate) are sampled into the files once a second by
:meth:`ServiceMetrics.refresh`; the queue depth is summed over live workers, the hit rate given per
worker (a ``pid`` label).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess_dir() -> str | None:
    """The multiprocess directory when this process is one of several workers, else None."""
    return os.environ.get(MULTIPROC_ENV) or None


class MultiProcessRegistry(CollectorRegistry):
    """A registry that exposes every worker's multiprocess files; metrics registered on it are only remembered.

    Their values are written to the files as they change, so collecting the objects as well would count
    this worker twice.
    """

    def __init__(self) -> None:
        from prometheus_client import multiprocess

        super().__init__()
        self.metrics: list[Any] = []
        super().register(multiprocess.MultiProcessCollector(None))

    def register(self, collector: Any) -> None:
        """Remember ``collector`` (for :meth:`ServiceMetrics.refresh`) without collecting it."""
        self.metrics.append(collector)

    def unregister(self, collector: Any) -> None:
        """Forget ``collector``."""
        if collector in self.metrics:
            self.metrics.remove(collector)


class _ModelGauge:
    """The served model as a 1-valued gauge ``promptprism_active_model_info{version,backend}``, across processes.

    prometheus-client's ``Info`` does not work across processes; this gauge exposes the same sample name
    and labels, one series per worker (``pid``), so a rolling activation shows both versions until every
    worker has switched. A version served before reads 0 (multiprocess files cannot drop a series).
    """

    def __init__(self, registry: CollectorRegistry) -> None:
        self.gauge = Gauge(
            "promptprism_active_model_info",
            "The model version being served.",
            ["version", "backend"],
            registry=registry,
            multiprocess_mode="liveall",
        )
        self._current: tuple[str, str] | None = None

    def info(self, labels: dict[str, str]) -> None:
        """Record the model this process serves now (the one it served before drops to 0)."""
        if self._current is not None:
            self.gauge.labels(*self._current).set(0)
        self._current = (labels["version"], labels["backend"])
        self.gauge.labels(*self._current).set(1)


class ServiceMetrics:
    """Every metric ``GET /metrics`` exposes."""

    def __init__(
        self,
        queue_depth: Callable[[], float],
        cache_hit_rate: Callable[[], float],
        spool_depth: Callable[[], float] = lambda: 0,
        spool_lag: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self.multiprocess = multiprocess_dir() is not None
        self.registry = MultiProcessRegistry() if self.multiprocess else CollectorRegistry()
        self.requests = Counter(
            "promptprism_http_requests",
            "HTTP requests by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "promptprism_http_request_duration_seconds",
            "HTTP request latency by route.",
            ["route"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.classifications = Counter(
            "promptprism_classifications",
            "Classifications by dimension and label.",
            ["dimension", "label"],
            registry=self.registry,
        )
        self.batch_size = Histogram(
            "promptprism_batch_size",
            "Items per embedding batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "promptprism_queue_depth",
            "Items waiting for the model.",
            registry=self.registry,
            multiprocess_mode="livesum",
        )
        self.queue_depth.set_function(queue_depth)
        self.cache_hit_rate = Gauge(
            "promptprism_embedding_cache_hit_rate",
            "Share of texts served from the embedding cache.",
            registry=self.registry,
            multiprocess_mode="liveall",
        )
        self.cache_hit_rate.set_function(cache_hit_rate)
        self.rejected = Counter(
            "promptprism_overloaded", "Requests refused with 429 because the queue was full.", registry=self.registry
        )
        self.events_committed = Counter(
            "promptprism_events_committed", "Recorded events committed to the store.", registry=self.registry
        )
        self.events_dead_lettered = Counter(
            "promptprism_events_dead_lettered",
            "Recorded events that no store column could hold, kept in the dead_letters table instead.",
            registry=self.registry,
        )
        self.events_unavailable = Counter(
            "promptprism_events_store_unavailable",
            "Events refused with 503 because the store could not commit in time (never acknowledged).",
            registry=self.registry,
        )
        # Asynchronous ingestion (POST /v1/events and /v1/traces).
        self.spool_depth = Gauge(
            "promptprism_ingest_queue_depth", "Ingested events waiting in the spool.", registry=self.registry
        )
        self.spool_depth.set_function(spool_depth)
        self.spool_lag = Gauge(
            "promptprism_ingest_lag_seconds",
            "How long the oldest event in the spool has waited to be recorded.",
            registry=self.registry,
        )
        self.spool_lag.set_function(spool_lag)
        self.events_queued = Counter(
            "promptprism_ingest_events_queued", "Events accepted into the spool.", registry=self.registry
        )
        self.events_recorded = Counter(
            "promptprism_ingest_events_recorded", "Ingested events classified and recorded.", registry=self.registry
        )
        self.events_duplicate = Counter(
            "promptprism_ingest_events_duplicate",
            "Ingested events not recorded again because their id already was.",
            registry=self.registry,
        )
        self.events_dropped = Counter(
            "promptprism_ingest_events_dropped",
            "Ingested events not recorded, by reason: sampled (PROMPTPRISM_SAMPLE_RATE), spool_full (429), "
            "invalid (refused with an error), failed (could not be recorded).",
            ["reason"],
            registry=self.registry,
        )
        self.spans_ignored = Counter(
            "promptprism_otlp_spans_ignored",
            "OTLP spans not ingested, by reason: not_genai (not a GenAI chat span), no_content (no messages recorded).",
            ["reason"],
            registry=self.registry,
        )
        self.model: Info | _ModelGauge = (
            _ModelGauge(self.registry)
            if self.multiprocess
            else Info("promptprism_active_model", "The model version being served.", registry=self.registry)
        )

    def refresh(self) -> None:
        """Write the current value of every on-demand gauge into the multiprocess files (no-op in one process)."""
        if not isinstance(self.registry, MultiProcessRegistry):
            return
        for metric in self.registry.metrics:
            if isinstance(metric, Gauge) and not metric._labelnames:
                # A set_function gauge reports its function through _child_samples; store that value.
                for sample in metric._child_samples():
                    metric._value.set(sample.value)


def mark_worker_stopped(pid: int | None = None) -> None:
    """Drop a stopped worker's live gauges from the multiprocess files (its counters stay in the totals)."""
    if multiprocess_dir() is not None:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid or os.getpid())
