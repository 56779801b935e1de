"""Dependencies every route shares: the running service, bearer-token checks and readiness."""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable, Coroutine, Mapping, Sequence
from typing import Annotated, Any, Literal

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from pydantic import SecretStr
from starlette.exceptions import HTTPException

from api.errors import ApiError
from api.schemas import ErrorResponse
from api.service import Service
from classifier.requests import field_path
from promptprism.settings import Settings

# The error statuses a /v1 route may answer, for the OpenAPI document (400 and 403 also come from api.middleware).
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}


def service_of(request: Request) -> Service:
    """The running service."""
    return request.app.state.service  # type: ignore[no-any-return]


def _check_bearer(request: Request, secrets: Sequence[SecretStr | None], realm: str) -> None:
    check_bearer(request.headers, secrets, realm)


def check_bearer(headers: Mapping[str, str], secrets: Sequence[SecretStr | None], realm: str) -> None:
    """Raise a 401 :class:`ApiError` unless ``headers`` carry one of ``secrets`` as a bearer token (none set: pass)."""
    accepted = [s.get_secret_value().encode() for s in secrets if s is not None]
    if not accepted:
        return
    scheme, _, token = headers.get("authorization", "").partition(" ")
    given = token.strip().encode()
    # Compare with every accepted token, each in constant time, so timing says nothing about which one matched.
    matches = [hmac.compare_digest(given, secret) for secret in accepted]
    if scheme.lower() != "bearer" or not any(matches):
        raise ApiError(
            401,
            f"missing or wrong bearer token: send 'Authorization: Bearer <{realm}>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


# The dependencies are async although they never await: FastAPI runs a plain ``def`` dependency in a worker
# thread, and two thread hand-offs per request cost more than the checks themselves.
async def require_api_key(request: Request) -> None:
    """Every route but health needs ``PROMPTPRISM_API_KEY`` when it is set (the admin token also passes)."""
    settings = service_of(request).settings
    if settings.api_key is not None:
        _check_bearer(request, [settings.api_key, settings.admin_api_key], "PROMPTPRISM_API_KEY")


async def require_admin_key(request: Request) -> None:
    """Training and activation need ``PROMPTPRISM_ADMIN_API_KEY`` (or the API key when no admin key is set)."""
    settings = service_of(request).settings
    _check_bearer(request, [settings.admin_api_key or settings.api_key], "PROMPTPRISM_ADMIN_API_KEY")


Realm = Literal["admin", "api"]


def required_realm(route: Any) -> Realm | None:
    """Which key a route needs, read from its dependencies: ``admin``, ``api`` or None (health, the page)."""
    calls: set[Any] = set()
    stack = [getattr(route, "dependant", None)]
    while stack:
        dependant = stack.pop()
        if dependant is None:
            continue
        calls.add(dependant.call)
        stack.extend(dependant.dependencies)
    if require_admin_key in calls:
        return "admin"
    return "api" if require_api_key in calls else None


def check_realm(settings: Settings, headers: Mapping[str, str], realm: Realm | None) -> None:
    """The checks of :func:`require_admin_key` or :func:`require_api_key`, on raw headers (for the middleware)."""
    if realm == "admin":
        check_bearer(headers, [settings.admin_api_key or settings.api_key], "PROMPTPRISM_ADMIN_API_KEY")
    elif realm == "api" and settings.api_key is not None:
        check_bearer(headers, [settings.api_key, settings.admin_api_key], "PROMPTPRISM_API_KEY")


# A lone UTF-16 surrogate reaches a parsed body only as a \uD800-\uDFFF escape (or, since json.loads reads bytes
# with "surrogatepass", as its raw three-byte encoding); a body with neither is not walked at all.
_SURROGATE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_path(value: Any, skip: frozenset[str] = frozenset()) -> tuple[int | str, ...] | None:
    """Where in parsed JSON a string (or key) holds a lone surrogate, or None; top-level keys in ``skip`` are not read.

    json.loads keeps a lone ``"\\ud800"`` as a surrogate character, which no UTF-8 encoder accepts: the
    tokenizer, the event store and the response would fail on it later, so it is refused at the edge.
    """
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if not node.isascii() and _SURROGATE.search(node):
                return path
        elif isinstance(node, dict):
            for key, child in node.items():
                if isinstance(key, str) and not key.isascii() and _SURROGATE.search(key):
                    return (*path, key)
                if not (path == () and key in skip):
                    stack.append((child, (*path, key)))
        elif isinstance(node, list):
            stack.extend((child, (*path, i)) for i, child in enumerate(node))
    return None


def printable_field(path: tuple[int | str, ...]) -> str | None:
    """The dotted path of a field, with any surrogate in a key written as its escape (it must encode as UTF-8)."""
    field = field_path(path) or None
    return field.encode("utf-8", "backslashreplace").decode("utf-8") if field else None


def surrogate_message(field: str | None) -> str:
    """The message of a 422 for a lone surrogate."""
    where = f"{field}: " if field else ""
    return (
        f"{where}the string holds a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape), which is not "
        "valid Unicode; send valid UTF-8, or escape characters outside the BMP as surrogate pairs"
    )


class FieldError(HTTPException):
    """A 4xx raised while the body is parsed: FastAPI lets HTTPException through its body parsing as is."""

    def __init__(self, status: int, message: str, field: str | None) -> None:
        super().__init__(status, message)
        self.field = field


class CheckedRoute(APIRoute):
    """A route that checks its bearer key before reading the body, and refuses a JSON body whose strings hold a
    lone surrogate with a 422 naming the field.

    ``per_item_fields`` names top-level fields whose members the route checks one by one (a batch gives a
    bad member its own error entry instead of failing the call).
    """

    per_item_fields: frozenset[str] = frozenset({"items"})

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """FastAPI's handler, given a request whose ``json()`` checks strings."""
        handler = super().get_route_handler()
        skip = self.per_item_fields if self.path.endswith("/classify/batch") else frozenset()
        realm = required_realm(self)

        async def checked(request: Request) -> Response:
            # FastAPI reads and parses the body before it runs any dependency: check the key first, so that a
            # caller without it gets its 401 before a byte of its body (up to 100 MB for an upload) is read.
            check_realm(service_of(request).settings, request.headers, realm)
            return await handler(_CheckedRequest(request.scope, request.receive, skip))

        return checked


class _CheckedRequest(Request):
    def __init__(self, scope: Any, receive: Any, skip: frozenset[str]) -> None:
        super().__init__(scope, receive)
        self._skip = skip

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            self._json = json.loads(body)
            if _SURROGATE_BYTES.search(body):
                path = lone_surrogate_path(self._json, self._skip)
                if path is not None:
                    field = printable_field(path)
                    raise FieldError(422, surrogate_message(field), field)
        return self._json


async def require_ready(request: Request) -> Service:
    """The service, once its model is loaded."""
    service = service_of(request)
    if not service.ready:
        raise ApiError(503, "the model is still loading; retry in a few seconds", headers={"Retry-After": "2"})
    return service


ServiceDep = Annotated[Service, Depends(require_ready)]
