"""POST /v1/traces: OTLP/HTTP from the real OpenTelemetry SDK exporter, and OTLP/JSON, into events."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from traffic.store import EventStore, events

TRACE_ID = "5b8efff798038103d269b633813fc60c"


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def rows(store: EventStore) -> dict[str, object]:
    with store.engine.connect() as conn:
        return {r.id: r for r in conn.execute(select(events))}


def otlp_json(spans: list[dict]) -> dict:
    return {
        "resourceSpans": [
            {
                "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "chat-svc"}}]},
                "scopeSpans": [{"scope": {"name": "test"}, "spans": spans}],
            }
        ]
    }


def attr(key: str, value) -> dict:
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


def test_otlp_json_with_the_current_genai_conventions(client):
    service = client.app.state.service
    span = {
        "traceId": TRACE_ID,
        "spanId": "eee19b7ec3c1b174",
        "name": "chat gpt-4o",
        "kind": 3,
        "startTimeUnixNano": "1767225600000000000",
        "endTimeUnixNano": "1767225601500000000",
        "attributes": [
            attr("gen_ai.operation.name", "chat"),
            attr("gen_ai.request.model", "gpt-4o"),
            attr("gen_ai.usage.input_tokens", 21),
            attr("gen_ai.usage.output_tokens", 7),
            attr("gen_ai.conversation.id", "conv-9"),
            attr("user.id", "bob"),
            attr(
                "gen_ai.input.messages",
                json.dumps([{"role": "user", "parts": [{"type": "text", "content": "translate 'thanks' to german"}]}]),
            ),
            attr(
                "gen_ai.output.messages",
                json.dumps([{"role": "assistant", "parts": [{"type": "text", "content": "danke"}]}]),
            ),
        ],
    }
    other = {
        "traceId": TRACE_ID,
        "spanId": "00f067aa0ba902b7",
        "name": "GET /",
        "attributes": [attr("http.method", "GET")],
    }
    answer = client.post("/v1/traces", json=otlp_json([span, other]))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    assert answer.json() == {}
    wait_for(lambda: service.store.count() == 1)
    [(event_id, row)] = rows(service.store).items()
    assert event_id == TRACE_ID + "eee19b7ec3c1b174"
    assert (row.model, row.app, row.user, row.prompt_tokens, row.completion_tokens) == (
        "gpt-4o",
        "chat-svc",
        "bob",
        21,
        7,
    )
    assert row.metadata == {"gen_ai.conversation.id": "conv-9"} and row.latency_ms == 1500.0
    assert row.ts.year == 2026
    assert 'promptprism_otlp_spans_ignored_total{reason="not_genai"} 1.0' in client.get("/metrics").text
    # The same export again (a retry): recorded once.
    assert client.post("/v1/traces", json=otlp_json([span])).status_code == 200
    time.sleep(0.5)
    wait_for(lambda: service.spool.depth == 0)
    assert service.store.count() == 1


def test_otlp_errors_are_4xx(client):
    assert (
        client.post(
            "/v1/traces", content=b"\xff\x00garbage", headers={"content-type": "application/x-protobuf"}
        ).status_code
        == 400
    )
    bad_type = client.post("/v1/traces", content=b"x", headers={"content-type": "text/plain"})
    assert bad_type.status_code == 415 and "application/x-protobuf" in bad_type.json()["error"]["message"]
    assert client.post("/v1/traces", content=b"{", headers={"content-type": "application/json"}).status_code == 400
    gz = client.post(
        "/v1/traces",
        content=gzip.compress(json.dumps(otlp_json([])).encode()),
        headers={"content-type": "application/json", "content-encoding": "gzip"},
    )
    assert gz.status_code == 200


@pytest.mark.slow
def test_the_opentelemetry_sdk_exports_genai_spans_to_a_running_server(small_model_dir: Path, tmp_path: Path):
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor

    from promptprism.server import running_server

    settings = {"embedding_cache_dir": str(tmp_path / "cache"), "store_text": "true"}
    with running_server(small_model_dir, tmp_path, settings, name="otlp") as server:
        store = EventStore(f"sqlite:///{tmp_path / f'events-otlp-{server.port}.db'}")
        provider = TracerProvider(resource=Resource.create({"service.name": "support-bot"}))
        provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=f"{server.base}/v1/traces")))
        tracer = provider.get_tracer("test")
        with tracer.start_as_current_span("chat gpt-4o") as span:  # current shape: role + parts
            span.set_attributes(
                {
                    "gen_ai.operation.name": "chat",
                    "gen_ai.request.model": "gpt-4o",
                    "gen_ai.usage.input_tokens": 30,
                    "gen_ai.usage.output_tokens": 12,
                    "user.id": "carol",
                    "gen_ai.input.messages": json.dumps(
                        [{"role": "user", "parts": [{"type": "text", "content": "solve 3x + 1 = 10"}]}]
                    ),
                    "gen_ai.output.messages": json.dumps(
                        [
                            {
                                "role": "assistant",
                                "parts": [{"type": "text", "content": "x = 3"}],
                                "finish_reason": "stop",
                            }
                        ]
                    ),
                }
            )
        with tracer.start_as_current_span("chat") as span:  # plain content strings, response model only
            span.set_attributes(
                {
                    "gen_ai.operation.name": "chat",
                    "gen_ai.response.model": "claude-sonnet-4-5",
                    "gen_ai.input.messages": json.dumps([{"role": "user", "content": "write a poem about rain"}]),
                    "gen_ai.output.messages": json.dumps([{"role": "assistant", "content": "drops on the window"}]),
                }
            )
        with tracer.start_as_current_span("openai.chat") as span:  # OpenLLMetry's indexed gen_ai.prompt attributes
            span.set_attributes(
                {
                    "gen_ai.request.model": "gpt-4o-mini",
                    "gen_ai.prompt.0.role": "user",
                    "gen_ai.prompt.0.content": "translate 'good morning' into japanese",
                    "gen_ai.completion.0.role": "assistant",
                    "gen_ai.completion.0.content": "ohayou gozaimasu",
                }
            )
        with tracer.start_as_current_span("legacy") as span:  # older semconv: prompt and completion as span events
            span.set_attribute("gen_ai.operation.name", "text_completion")
            span.set_attribute("gen_ai.request.model", "gpt-3.5-turbo-instruct")
            span.add_event("gen_ai.content.prompt", {"gen_ai.prompt": "how do I fix a segfault in my C code?"})
            span.add_event("gen_ai.content.completion", {"gen_ai.completion": "run it under gdb"})
        with tracer.start_as_current_span("chat") as span:  # a chat span recorded without content
            span.set_attribute("gen_ai.operation.name", "chat")
        with tracer.start_as_current_span("GET /health"):
            pass
        provider.force_flush()
        wait_for(lambda: store.count() == 4, timeout=60)
        recorded = sorted(rows(store).values(), key=lambda r: r.ts)
        assert [r.model for r in recorded] == ["gpt-4o", "claude-sonnet-4-5", "gpt-4o-mini", "gpt-3.5-turbo-instruct"]
        assert all(r.app == "support-bot" and len(r.id) == 48 for r in recorded)
        assert (recorded[0].user, recorded[0].prompt_tokens, recorded[0].completion_tokens) == ("carol", 30, 12)
        assert "3x + 1" in recorded[0].raw_text and "x = 3" in recorded[0].raw_text
        assert "segfault" in recorded[3].raw_text and "gdb" in recorded[3].raw_text
        metrics = httpx.get(f"{server.base}/metrics").text
        assert 'promptprism_otlp_spans_ignored_total{reason="no_content"} 1.0' in metrics
        assert 'promptprism_otlp_spans_ignored_total{reason="not_genai"} 1.0' in metrics
        provider.shutdown()
        store.dispose()
