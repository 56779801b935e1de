"""Send every successful LiteLLM call to PromptPrism, from the SDK or the LiteLLM proxy.

SDK::

    import litellm
    from promptprism.integrations.litellm import PromptPrismLogger

    litellm.callbacks = [PromptPrismLogger(base_url="http://127.0.0.1:8000", app="my-app")]

Proxy (``config.yaml``; the module must be importable by the proxy, e.g. a ``custom_callbacks.py`` beside it
that does ``proxy_handler_instance = PromptPrismLogger(...)``)::

    litellm_settings:
      callbacks: custom_callbacks.proxy_handler_instance

Each success (sync, async, streamed) becomes one event for ``POST /v1/events``: the messages and the
response, the model and usage, the user, the metadata, the latency and LiteLLM's cost, with LiteLLM's call
id as the event id (so a call logged twice is recorded once). The callback only appends to a bounded buffer;
a daemon thread sends the buffer in batches at least once a second, and once more at interpreter exit. The
caller is never blocked and never sees an exception: when the buffer is full, or PromptPrism refuses or
cannot be reached for long, events are dropped and counted in :attr:`PromptPrismLogger.dropped`.
"""

from __future__ import annotations

import atexit
import json
import logging
import threading
import time
from collections import deque
from datetime import UTC, datetime
from typing import Any

import httpx
from litellm.integrations.custom_logger import CustomLogger

log = logging.getLogger("promptprism.integrations.litellm")

_MAX_METADATA_CHARS = 8_000


def _jsonable(value: Any) -> Any:
    """``value`` as plain JSON (what json cannot encode becomes its str)."""
    return json.loads(json.dumps(value, default=str))


def _dump(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    if hasattr(obj, "model_dump"):
        obj = obj.model_dump()
    elif hasattr(obj, "json") and callable(obj.json) and not isinstance(obj, dict):
        obj = obj.json()
    return _jsonable(obj) if isinstance(obj, dict) else None


# What LiteLLM (and its proxy) adds to a call's metadata; the rest is what the caller sent.
_LITELLM_METADATA = {
    "hidden_params",
    "headers",
    "endpoint",
    "proxy_server_request",
    "model_info",
    "model_group",
    "model_group_size",
    "deployment",
    "api_base",
    "caching_groups",
    "previous_models",
    "litellm_api_version",
    "global_max_parallel_requests",
    "requester_ip_address",
    "requester_metadata",
    "user_agent",
    "litellm_parent_otel_span",
}


def _caller_metadata(kwargs: dict[str, Any], slo: dict[str, Any]) -> dict[str, Any]:
    """The metadata the caller attached to the call (the proxy's requester metadata, or the SDK's ``metadata``)."""
    requester = (slo.get("metadata") or {}).get("requester_metadata")
    if isinstance(requester, dict) and requester:
        return requester
    metadata = (kwargs.get("litellm_params") or {}).get("metadata") or {}
    if not isinstance(metadata, dict):
        return {}
    return {
        k: v
        for k, v in metadata.items()
        if k not in _LITELLM_METADATA and not str(k).startswith(("user_api_key", "litellm_", "_"))
    }


def _seconds(value: Any) -> float | None:
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, int | float):
        return float(value)
    return None


class PromptPrismLogger(CustomLogger):  # type: ignore[misc]
    """A LiteLLM callback that queues each successful call for PromptPrism's ``POST /v1/events``."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        app: str | None = None,
        *,
        max_buffer: int = 10_000,
        batch_size: int = 500,
        flush_interval: float = 1.0,
        timeout: float = 5.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.app = app
        self.max_buffer = max_buffer
        self.batch_size = batch_size
        self.flush_interval = flush_interval
        self.dropped = 0
        """Events given up on: buffer full, refused by the service, or undeliverable."""
        self.sent = 0
        """Events the service acknowledged (202)."""
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout)
        self._buffer: deque[dict[str, Any]] = deque()
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._retry_at = 0.0
        self._thread = threading.Thread(target=self._loop, name="promptprism-litellm", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    # LiteLLM hooks: each only builds the event and appends it; nothing here may raise or block.

    def log_success_event(self, kwargs: dict[str, Any], response_obj: Any, start_time: Any, end_time: Any) -> None:
        """Queue a successful sync (or streamed) call."""
        self._add(kwargs, response_obj, start_time, end_time)

    async def async_log_success_event(
        self, kwargs: dict[str, Any], response_obj: Any, start_time: Any, end_time: Any
    ) -> None:
        """Queue a successful async (or streamed) call."""
        self._add(kwargs, response_obj, start_time, end_time)

    def _add(self, kwargs: dict[str, Any], response_obj: Any, start_time: Any, end_time: Any) -> None:
        try:
            event = self.event_from(kwargs, response_obj, start_time, end_time)
        except Exception:  # a call LiteLLM logged in a shape we do not know: count it, never raise
            log.debug("could not build a PromptPrism event", exc_info=True)
            self.dropped += 1
            return
        if event is None:
            return
        with self._lock:
            if len(self._buffer) >= self.max_buffer:
                self.dropped += 1
                return
            self._buffer.append(event)
            if len(self._buffer) >= self.batch_size:
                self._wake.set()

    def event_from(
        self, kwargs: dict[str, Any], response_obj: Any, start_time: Any, end_time: Any
    ) -> dict[str, Any] | None:
        """The ``/v1/events`` event for one LiteLLM success callback (None for calls that are not chats)."""
        slo: dict[str, Any] = kwargs.get("standard_logging_object") or {}
        messages = kwargs.get("messages") or slo.get("messages")
        if not isinstance(messages, list) or not messages:
            return None  # embeddings, image generation and the like: not a conversation to classify
        response = _dump(kwargs.get("complete_streaming_response")) or _dump(response_obj) or _dump(slo.get("response"))
        model = kwargs.get("model") or slo.get("model")
        request: dict[str, Any] = {"model": model, "messages": _jsonable(messages)}
        tools = (kwargs.get("optional_params") or {}).get("tools")
        if tools:
            request["tools"] = _jsonable(tools)
        event: dict[str, Any] = {"request": request}
        if response and isinstance(response.get("choices"), list):
            event["response"] = {k: response[k] for k in ("model", "choices", "usage") if response.get(k) is not None}
        call_id = kwargs.get("litellm_call_id") or slo.get("id")
        if call_id:
            event["id"] = str(call_id)[:128]
        event["model"] = (response or {}).get("model") or model
        usage = (response or {}).get("usage") or {}
        prompt_tokens = usage.get("prompt_tokens", slo.get("prompt_tokens"))
        completion_tokens = usage.get("completion_tokens", slo.get("completion_tokens"))
        if isinstance(prompt_tokens, int) and isinstance(completion_tokens, int):
            event["prompt_tokens"], event["completion_tokens"] = prompt_tokens, completion_tokens
        metadata = _caller_metadata(kwargs, slo)
        slo_meta = slo.get("metadata") or {}
        user = (
            kwargs.get("user")
            or slo.get("end_user")
            or slo_meta.get("user_api_key_end_user_id")
            or slo_meta.get("user_api_key_user_id")
        )
        if user:
            event["user"] = str(user)[:256]
        app = self.app or metadata.get("app")
        if app:
            event["app"] = str(app)[:256]
        cost = kwargs.get("response_cost", slo.get("response_cost"))
        if isinstance(cost, int | float) and cost >= 0:
            event["cost"] = float(cost)
        started, ended = _seconds(start_time), _seconds(end_time)
        if started is not None:
            event["timestamp"] = datetime.fromtimestamp(started, UTC).isoformat()
            if ended is not None and ended >= started:
                event["latency_ms"] = round((ended - started) * 1000, 3)
        if metadata:
            clean = _jsonable(metadata)
            if len(json.dumps(clean)) <= _MAX_METADATA_CHARS:
                event["metadata"] = clean
        return event

    # Sending, on the logger's own thread.

    @property
    def pending(self) -> int:
        """Events waiting to be sent."""
        return len(self._buffer)

    def _loop(self) -> None:
        while not self._stopped.is_set():
            self._wake.wait(self.flush_interval)
            self._wake.clear()
            if time.monotonic() >= self._retry_at:
                self.flush()

    def flush(self) -> None:
        """Send everything buffered now, in batches; keeps what the service asked to retry later."""
        with self._send_lock:
            while True:
                with self._lock:
                    batch = [self._buffer.popleft() for _ in range(min(self.batch_size, len(self._buffer)))]
                if not batch:
                    return
                if not self._send(batch):
                    return

    def _send(self, batch: list[dict[str, Any]]) -> bool:
        """POST one batch; whether to go on with the next one."""
        try:
            answer = self._http.post("/v1/events", json=batch)
        except httpx.HTTPError as exc:
            log.warning("PromptPrism unreachable (%s); %d events kept for the next try", exc, len(batch))
            return self._requeue(batch, 2.0)
        if answer.status_code == 202:
            body = answer.json()
            self.sent += int(body.get("queued", 0)) + int(body.get("sampled_out", 0))
            if body.get("errors"):
                self.dropped += len(body["errors"])
                log.warning("PromptPrism refused %d events: %s", len(body["errors"]), body["errors"][0])
            return True
        if answer.status_code in (429, 503):
            retry = float(answer.headers.get("Retry-After", "1") or 1)
            return self._requeue(batch, retry)
        self.dropped += len(batch)
        log.warning("PromptPrism answered %s; %d events dropped: %s", answer.status_code, len(batch), answer.text[:300])
        return True

    def _requeue(self, batch: list[dict[str, Any]], retry_after: float) -> bool:
        with self._lock:
            room = max(0, self.max_buffer - len(self._buffer))
            keep = batch[:room]
            self.dropped += len(batch) - len(keep)
            self._buffer.extendleft(reversed(keep))
        self._retry_at = time.monotonic() + retry_after
        return False

    def close(self, timeout: float = 5.0) -> None:
        """Send what is left (one last try, at most ``timeout`` seconds) and stop; runs at interpreter exit."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._wake.set()
        self._thread.join(timeout)
        deadline = time.monotonic() + timeout
        while self._buffer and time.monotonic() < deadline:
            self._retry_at = 0.0
            before = len(self._buffer)
            self.flush()
            if len(self._buffer) >= before:  # no progress: the service is away
                break
        self.dropped += len(self._buffer)
        self._buffer.clear()
        self._http.close()
