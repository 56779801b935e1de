"""One error shape for every failed response: ``{"error": {"type", "message", "field"}}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from classifier.errors import DatasetError, InputError, ModelLoadError, OverloadedError, StoreUnavailableError
from classifier.requests import field_path

log = logging.getLogger(__name__)

_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "overloaded",
    500: "internal_error",
    503: "not_ready",
}


class ApiError(Exception):
    """An error to answer with a given status, in the API's error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
        type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers
        self.type = type or _TYPES.get(status, "error")


def error_body(status: int, message: str, field: str | None = None, type: str | None = None) -> dict[str, object]:
    """The JSON body of an error response."""
    return {"error": {"type": type or _TYPES.get(status, "error"), "message": message, "field": field}}


def _respond(
    status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None, type: str | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, field, type), status_code=status, headers=headers)


def _field_path(loc: tuple[int | str, ...]) -> str | None:
    # FastAPI prefixes where the value came from (body, query...); a caller knows that already.
    return field_path(tuple(p for p in loc if p not in ("body", "query", "path", "header"))) or None


def _without_paths(request: Request, message: str) -> str:
    """``message`` with the server's model directories written as names a caller knows, not absolute paths."""
    from classifier.artifacts import SHIPPED_MODELS_DIR

    service = getattr(request.app.state, "service", None)
    directories = [SHIPPED_MODELS_DIR]
    if service is not None:
        directories.insert(0, service.settings.models_dir)
    for directory, name in zip(directories, ("<models_dir>", "<shipped models>"), strict=False):
        for form in {str(directory.resolve()), str(directory)}:
            message = message.replace(form + "/", "").replace(form, name)
    return message


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception to the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _respond(exc.status, exc.message, exc.field, exc.headers, exc.type)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        field = _field_path(tuple(first.get("loc", ())))
        if first.get("type") == "json_invalid":
            return _respond(
                400,
                f"the body is not valid JSON: {first.get('ctx', {}).get('error', first.get('msg'))}; send a JSON object",
                field,
            )
        if tuple(first.get("loc", ())) == ("body",):
            return _respond(400, "the body must be a JSON object sent with 'Content-Type: application/json'")
        message = f"{field}: {first['msg']}" if field else first["msg"]
        extra = len(exc.errors()) - 1
        if extra:
            message += f" (and {extra} more problem{'s' if extra > 1 else ''})"
        return _respond(422, message + "; see /docs for the expected shape", field)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = "no such route; see /docs for the API's routes"
        return _respond(exc.status_code, message, getattr(exc, "field", None), headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return _respond(422, str(exc), exc.field)

    @app.exception_handler(DatasetError)
    async def _dataset(_: Request, exc: DatasetError) -> JSONResponse:
        return _respond(422, str(exc), "file")

    @app.exception_handler(ModelLoadError)
    async def _model(request: Request, exc: ModelLoadError) -> JSONResponse:
        return _respond(409, _without_paths(request, str(exc)))

    @app.exception_handler(OverloadedError)
    async def _overloaded(_: Request, exc: OverloadedError) -> JSONResponse:
        return _respond(429, f"{exc}; the service is at capacity", headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(StoreUnavailableError)
    async def _store_unavailable(_: Request, exc: StoreUnavailableError) -> JSONResponse:
        return _respond(503, str(exc), headers={"Retry-After": str(exc.retry_after)}, type="store_unavailable")

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _respond(500, f"internal error ({type(exc).__name__}); the service logs have the details")
