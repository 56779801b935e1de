"""Prometheus metrics of the service, on a registry of its own (one per app instance)."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info


class ServiceMetrics:
    """Every metric ``GET /metrics`` exposes."""

    def __init__(
        self,
        queue_depth: Callable[[], float],
        cache_hit_rate: Callable[[], float],
        spool_depth: Callable[[], float] = lambda: 0,
        spool_lag: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self.registry = CollectorRegistry()
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
        self.queue_depth = Gauge("promptprism_queue_depth", "Items waiting for the model.", registry=self.registry)
        self.queue_depth.set_function(queue_depth)
        self.cache_hit_rate = Gauge(
            "promptprism_embedding_cache_hit_rate",
            "Share of texts served from the embedding cache.",
            registry=self.registry,
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
        self.model = Info("promptprism_active_model", "The model version being served.", registry=self.registry)
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
