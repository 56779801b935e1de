"""OpenTelemetry traces (OTLP) to PromptPrism events: one event per GenAI chat span.

:func:`decode_traces` reads an OTLP/HTTP ``ExportTraceServiceRequest`` in protobuf or JSON (decoded with
``opentelemetry-proto``); :func:`span_events` turns its GenAI chat spans into events of the shape
``POST /v1/events`` takes, following the OpenTelemetry GenAI semantic conventions:

- a span is a chat call when ``gen_ai.operation.name`` is ``chat`` or ``text_completion``, or when it carries
  input messages; every other span is ignored (and counted by the caller);
- the messages come from ``gen_ai.input.messages`` / ``gen_ai.output.messages`` (the current shape, ``role``
  plus ``parts`` of type ``text``, or plain ``content`` strings), else from the older ``gen_ai.prompt`` /
  ``gen_ai.completion`` attributes (JSON, plain text, or OpenLLMetry's indexed ``gen_ai.prompt.0.content``),
  else from the older span events (``gen_ai.content.prompt``, ``gen_ai.user.message``, ``gen_ai.choice``...);
- the model is ``gen_ai.request.model``, or ``gen_ai.response.model`` when there is no request model;
- tokens are ``gen_ai.usage.input_tokens`` / ``output_tokens``; ``gen_ai.conversation.id`` goes into the
  metadata, ``user.id`` becomes the user and the resource's ``service.name`` the app.

No FastAPI here: the route is ``api/routes/traces.py``.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import DecodeError
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from classifier.errors import InputError

CHAT_OPERATIONS = {"chat", "text_completion"}
_INDEXED = re.compile(r"^gen_ai\.(prompt|completion)\.(\d+)\.(\w+)$")
_MESSAGE_EVENTS = {
    "gen_ai.system.message": "system",
    "gen_ai.user.message": "user",
    "gen_ai.assistant.message": "assistant",
    "gen_ai.tool.message": "tool",
}


def decode_traces(body: bytes, content_type: str) -> ExportTraceServiceRequest:
    """An OTLP trace export from its protobuf or JSON body; :class:`InputError` when it is neither."""
    request = ExportTraceServiceRequest()
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise InputError(f"the body is not valid JSON: {exc}") from exc
        try:
            json_format.ParseDict(_hex_ids_to_base64(data), request, ignore_unknown_fields=True)
        except json_format.ParseError as exc:
            raise InputError(f"not an OTLP ExportTraceServiceRequest: {exc}") from exc
        return request
    if kind in ("application/x-protobuf", "application/protobuf"):
        try:
            request.ParseFromString(body)
        except DecodeError as exc:
            raise InputError(f"not an OTLP ExportTraceServiceRequest in protobuf: {exc}") from exc
        return request
    raise InputError(
        f"unsupported Content-Type {content_type!r}: send OTLP as application/x-protobuf or application/json"
    )


def _hex_ids_to_base64(data: Any) -> Any:
    # OTLP/JSON writes trace and span ids as hex, where protobuf's JSON mapping expects base64 for bytes.
    if isinstance(data, dict):
        return {key: _id_or_value(key, value) for key, value in data.items()}
    if isinstance(data, list):
        return [_hex_ids_to_base64(v) for v in data]
    return data


_ID_KEYS = {"traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id"}


def _id_or_value(key: str, value: Any) -> Any:
    if key in _ID_KEYS and isinstance(value, str):
        try:
            return base64.b64encode(bytes.fromhex(value)).decode()
        except ValueError:
            return value  # already base64 (or nothing we can use): let the parser decide
    return _hex_ids_to_base64(value)


def _value(value: AnyValue) -> Any:
    kind = value.WhichOneof("value")
    if kind is None:
        return None
    if kind == "array_value":
        return [_value(v) for v in value.array_value.values]
    if kind == "kvlist_value":
        return _attributes(value.kvlist_value.values)
    if kind == "bytes_value":
        return value.bytes_value.hex()
    return getattr(value, kind)


def _attributes(pairs: Any) -> dict[str, Any]:
    return {kv.key: _value(kv.value) for kv in pairs if isinstance(kv, KeyValue)}


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _text_of(content: Any) -> str | None:
    """The text of a message's ``parts`` (text parts only) or ``content`` (a string, or OpenAI-style parts)."""
    if content is None:
        return None
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, dict) and part.get("type", "text") == "text":
                text = part.get("content", part.get("text"))
                if isinstance(text, str):
                    texts.append(text)
        return "\n".join(texts) if texts else None
    return None


def _message(raw: Any, default_role: str) -> dict[str, str] | None:
    if isinstance(raw, str):
        return {"role": default_role, "content": raw}
    if not isinstance(raw, dict):
        return None
    if "message" in raw and isinstance(raw["message"], dict):  # gen_ai.choice events, OpenAI choices
        raw = raw["message"]
    text = _text_of(raw.get("parts")) if "parts" in raw else _text_of(raw.get("content"))
    if text is None:
        return None
    role = raw.get("role") if isinstance(raw.get("role"), str) else default_role
    return {"role": role, "content": text}


def _messages(value: Any, default_role: str) -> list[dict[str, str]]:
    value = _maybe_json(value)
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, str):
        return [{"role": default_role, "content": value}]
    if not isinstance(value, list):
        return []
    return [m for m in (_message(v, default_role) for v in value) if m is not None]


def _indexed(attributes: dict[str, Any], kind: str, default_role: str) -> list[dict[str, str]]:
    found: dict[int, dict[str, Any]] = {}
    for key, value in attributes.items():
        match = _INDEXED.match(key)
        if match and match.group(1) == kind:
            found.setdefault(int(match.group(2)), {})[match.group(3)] = value
    messages = []
    for _, fields in sorted(found.items()):
        content = _maybe_json(fields.get("content"))
        text = _text_of(content) if not isinstance(content, str) else content
        if text is not None:
            messages.append({"role": str(fields.get("role") or default_role), "content": text})
    return messages


def _from_events(span: Span) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    inputs: list[dict[str, str]] = []
    outputs: list[dict[str, str]] = []
    for event in span.events:
        attrs = _attributes(event.attributes)
        if event.name == "gen_ai.content.prompt":
            inputs += _messages(attrs.get("gen_ai.prompt"), "user")
        elif event.name == "gen_ai.content.completion":
            outputs += _messages(attrs.get("gen_ai.completion"), "assistant")
        elif event.name in _MESSAGE_EVENTS:
            message = _message({"role": _MESSAGE_EVENTS[event.name], **attrs}, _MESSAGE_EVENTS[event.name])
            if message:
                inputs.append(message)
        elif event.name == "gen_ai.choice":
            message = _message(_maybe_json(attrs.get("message", attrs)), "assistant")
            if message:
                outputs.append(message)
    return inputs, outputs


def span_event(span: Span, resource: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The event for one span, or None and why it was ignored (``not_genai`` or ``no_content``)."""
    attrs = _attributes(span.attributes)
    operation = attrs.get("gen_ai.operation.name")
    inputs = _messages(attrs.get("gen_ai.input.messages"), "user")
    outputs = _messages(attrs.get("gen_ai.output.messages"), "assistant")
    if not inputs:
        inputs = _messages(attrs.get("gen_ai.prompt"), "user") or _indexed(attrs, "prompt", "user")
    if not outputs:
        outputs = _messages(attrs.get("gen_ai.completion"), "assistant") or _indexed(attrs, "completion", "assistant")
    if not inputs or not outputs:
        event_inputs, event_outputs = _from_events(span)
        inputs = inputs or event_inputs
        outputs = outputs or event_outputs
    if operation not in CHAT_OPERATIONS and not inputs:
        return None, "not_genai"
    if not inputs:
        return None, "no_content"  # a chat span recorded without its messages (content capture off)
    model = attrs.get("gen_ai.request.model") or attrs.get("gen_ai.response.model")
    request: dict[str, Any] = {"messages": inputs}
    if model:
        request["model"] = str(model)
    event: dict[str, Any] = {"request": request}
    if outputs:
        event["response"] = {
            "choices": [{"index": i, "message": m} for i, m in enumerate(outputs)],
        }
    if span.trace_id and span.span_id:
        event["id"] = span.trace_id.hex() + span.span_id.hex()
    if model:
        event["model"] = str(model)
    input_tokens = attrs.get("gen_ai.usage.input_tokens", attrs.get("gen_ai.usage.prompt_tokens"))
    output_tokens = attrs.get("gen_ai.usage.output_tokens", attrs.get("gen_ai.usage.completion_tokens"))
    if isinstance(input_tokens, int) and input_tokens >= 0:
        event["prompt_tokens"] = input_tokens
    if isinstance(output_tokens, int) and output_tokens >= 0:
        event["completion_tokens"] = output_tokens
    user = attrs.get("user.id") or attrs.get("enduser.id")
    if user:
        event["user"] = str(user)[:256]
    service = resource.get("service.name")
    if service:
        event["app"] = str(service)[:256]
    if span.start_time_unix_nano:
        event["timestamp"] = datetime.fromtimestamp(span.start_time_unix_nano / 1e9, UTC).isoformat()
        if span.end_time_unix_nano >= span.start_time_unix_nano:
            event["latency_ms"] = round((span.end_time_unix_nano - span.start_time_unix_nano) / 1e6, 3)
    metadata = {
        key: attrs[key]
        for key in ("gen_ai.conversation.id", "gen_ai.provider.name", "gen_ai.system", "gen_ai.response.id")
        if key in attrs
    }
    if metadata:
        event["metadata"] = metadata
    return event, "chat"


def span_events(request: ExportTraceServiceRequest) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The events of every GenAI chat span in ``request``, and how many spans were ignored, by reason."""
    found: list[dict[str, Any]] = []
    ignored: Counter[str] = Counter()
    for resource_spans in request.resource_spans:
        resource = _attributes(resource_spans.resource.attributes)
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                event, why = span_event(span, resource)
                if event is None:
                    ignored[why] += 1
                else:
                    found.append(event)
    return found, ignored
