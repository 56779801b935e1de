"""Prometheus metrics of the service, on a registry of its own (one per app instance).

With several worker processes (``promptprism serve --workers N``) each process counts into
prometheus-client's multiprocess files under ``PROMETHEUS_MULTIPROC_DIR`` (the serve command creates
that directory and removes it at exit), and ``GET /metrics``, whichever worker answers it, adds up
every worker's counters and histograms. Gauges that are computed on demand in one process (queue depth,
cache hit rate) are sampled into those files once a second instead (:meth:`ServiceMetrics.refresh`);
the queue depth is summed over live workers and the hit rate reported per worker (a ``pid`` label).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess_dir() -> str | None:
    """The multiprocess directory when this process is one of several workers, else None."""
    return os.environ.get(MULTIPROC_ENV) or None


class _ModelGauge:
    """The served model as a 1-valued gauge ``promptprism_active_model_info{version,backend}``.

    prometheus-client's ``Info`` does not work across processes; this gauge exposes the same
    sample name and labels, one series per worker (``pid``), so a rolling activation shows as
    two versions until every worker has switched. A version served before reads 0 (multiprocess
    files cannot drop a series).
    """

    def __init__(self, registry: CollectorRegistry | None) -> None:
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

    def __init__(self, queue_depth: Callable[[], float], cache_hit_rate: Callable[[], float]) -> None:
        self.multiprocess = multiprocess_dir() is not None
        if self.multiprocess:
            from prometheus_client import multiprocess

            # Values live in the shared directory; this registry only gathers them for the exposition.
            self.registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(self.registry)
            registry: CollectorRegistry | None = None
        else:
            self.registry = CollectorRegistry()
            registry = self.registry
        self._queue_depth = queue_depth
        self._cache_hit_rate = cache_hit_rate
        self.requests = Counter(
            "promptprism_http_requests",
            "HTTP requests by route, method and status.",
            ["route", "method", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "promptprism_http_request_duration_seconds",
            "HTTP request latency by route.",
            ["route"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=registry,
        )
        self.classifications = Counter(
            "promptprism_classifications",
            "Classifications by dimension and label.",
            ["dimension", "label"],
            registry=registry,
        )
        self.batch_size = Histogram(
            "promptprism_batch_size",
            "Items per embedding batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
            registry=registry,
        )
        self.queue_depth = Gauge(
            "promptprism_queue_depth", "Items waiting for the model.", registry=registry, multiprocess_mode="livesum"
        )
        self.cache_hit_rate = Gauge(
            "promptprism_embedding_cache_hit_rate",
            "Share of texts served from the embedding cache.",
            registry=registry,
            multiprocess_mode="liveall",
        )
        if not self.multiprocess:  # computed when scraped; across processes, sampled by refresh()
            self.queue_depth.set_function(queue_depth)
            self.cache_hit_rate.set_function(cache_hit_rate)
        self.rejected = Counter(
            "promptprism_overloaded", "Requests refused with 429 because the queue was full.", registry=registry
        )
        self.model: Info | _ModelGauge = (
            _ModelGauge(registry)
            if self.multiprocess
            else Info("promptprism_active_model", "The model version being served.", registry=registry)
        )

    def refresh(self) -> None:
        """Sample the on-demand gauges into the multiprocess files (a no-op in a single process)."""
        if self.multiprocess:
            self.queue_depth.set(self._queue_depth())
            self.cache_hit_rate.set(self._cache_hit_rate())


def mark_worker_stopped(pid: int | None = None) -> None:
    """Drop a stopped worker's live gauges from the multiprocess files (its counters stay in the totals)."""
    if multiprocess_dir() is not None:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid or os.getpid())
