"""ASGI middleware: request metrics, the body size limit, and the edge checks (Host, Origin) before any body."""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import time
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_body
from api.metrics import ServiceMetrics
from promptprism.settings import Settings

log = logging.getLogger(__name__)

# The names a browser uses for this machine; a DNS-rebinding page reaches a loopback service under its own name.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# Methods that change state (recording, training, activation, deletion); GET and HEAD only read.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


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
                    raise _BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await _send_413(send, limit)


class _BodyTooLarge(HTTPException):
    # An HTTPException, because FastAPI turns any other exception raised while it reads a body into a 400;
    # this one reaches the error handlers as the 413 it is (chunked bodies, which send no Content-Length).
    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit))


def _too_large_message(limit: int) -> str:
    return f"the request body is larger than {limit} bytes; send fewer or shorter items per call"


async def _send_413(send: Send, limit: int) -> None:
    await send_error(send, 413, _too_large_message(limit))


async def send_error(
    send: Send, status: int, message: str, headers: dict[str, str] | None = None, type: str | None = None
) -> None:
    """Answer from a middleware in the API's error shape."""
    body = json.dumps(error_body(status, message, type=type)).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def is_loopback(host: str) -> bool:
    """Whether a bind address or host name is this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """The Host names to answer: the setting, else the loopback names when bound to loopback, else any (None)."""
    if settings.allowed_hosts is not None:
        return frozenset(h.lower().strip("[]") for h in settings.allowed_hosts)
    return LOOPBACK_HOSTS if is_loopback(settings.host) else None


def _host_name(host: str) -> str:
    # "example.org:8000" -> "example.org"; "[::1]:8000" -> "::1".
    if host.startswith("["):
        return host[1 : host.find("]")].lower() if "]" in host else host.lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


class EdgeGuard:
    """The checks that run before a route reads a body: the Host name, and cross-origin writes.

    - Host must be on the allow-list (DNS rebinding: a page on ``evil.example`` that resolves to 127.0.0.1
      would otherwise talk to the service as if from the same origin). ``*`` in ``allowed_hosts`` accepts any.
    - A state-changing request that a browser marks as cross-site (``Sec-Fetch-Site``), or whose ``Origin``
      is neither the service's own nor listed in ``allowed_origins``, gets 403: with no key set (the default)
      any page could otherwise make its visitor's browser train, activate or record. Clients that send
      neither header (curl, SDKs, gateways) are not browsers and pass.

    (The bearer key is checked before the body too, by :class:`api.deps.CheckedRoute`, which knows each route's.)
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.hosts = allowed_hosts(settings)
        if self.hosts is not None and "*" in self.hosts:
            self.hosts = None
        self.origins = frozenset(o.rstrip("/").lower() for o in settings.allowed_origins)
        if self.hosts is None and not is_loopback(settings.host) and settings.api_key is None:
            log.warning(
                "serving on %s with no API key and no PROMPTPRISM_ALLOWED_HOSTS: anyone who can reach the port "
                "can use the service; see docs/security.md",
                settings.host,
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        problem = self._refusal(scope, headers)
        if problem is not None:
            await send_error(send, problem.status, problem.message, problem.headers, problem.type)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers) -> ApiError | None:
        host = headers.get("host")
        if self.hosts is not None and host is not None and _host_name(host) not in self.hosts:
            return ApiError(
                400,
                f"Host {host!r} is not one this service answers to; set PROMPTPRISM_ALLOWED_HOSTS to the names "
                "clients use to reach it",
                type="invalid_host",
            )
        if scope["method"] not in SAFE_METHODS:
            refused = self._cross_origin(headers)
            if refused is not None:
                return ApiError(
                    403,
                    f"cross-origin {scope['method']} from {refused} refused: state-changing requests are accepted "
                    "from the service's own pages, from clients that send no Origin (curl, SDKs), and from the "
                    "origins in PROMPTPRISM_ALLOWED_ORIGINS",
                    type="forbidden",
                )
        return None

    def _cross_origin(self, headers: Headers) -> str | None:
        """The foreign origin of a browser's cross-origin request, or None when the request may go on."""
        origin = headers.get("origin")
        site = headers.get("sec-fetch-site")
        if origin is not None:
            normalized = origin.rstrip("/").lower()
            if normalized in self.origins:
                return None
            if normalized == "null":  # sandboxed frames, file: pages, some redirects: never the dashboard
                return "origin 'null'"
            own = headers.get("host", "").lower()
            if urlsplit(normalized).netloc != own:
                return f"origin {origin!r}"
            if site in (None, "same-origin", "none"):
                return None
            return f"a {site} page"
        if site in ("cross-site", "same-site"):
            return f"a {site} page"
        return None


# A query parameter that carries a secret: the dashboard accepts ``?key=`` (and moves it out of the address bar).
_SECRET_QUERY = re.compile(r"([?&](?:key|api_key|token|access_token)=)[^&#\s]*", re.IGNORECASE)


def redact_query(path: str) -> str:
    """``path`` with the values of secret-bearing query parameters replaced by ``[redacted]``."""
    return _SECRET_QUERY.sub(r"\1[redacted]", path)


class RedactSecrets(logging.Filter):
    """Keeps ``?key=...`` out of uvicorn's access log (its record's arguments hold the full path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the path argument of an access-log record; never drops a record."""
        if isinstance(record.args, tuple) and any(isinstance(a, str) and "=" in a for a in record.args):
            record.args = tuple(redact_query(a) if isinstance(a, str) else a for a in record.args)
        return True


def install_access_log_redaction() -> None:
    """Add :class:`RedactSecrets` to the ``uvicorn.access`` logger once per process."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())
