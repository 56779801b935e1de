"""The FastAPI application factory.

``create_app(settings)`` builds an app around one :class:`api.service.Service`;
``promptprism serve`` runs it on uvicorn. The model loads once at start-up
(``/readyz`` says when); activating another version swaps it atomically
without failing a request.

With ``--workers N``, uvicorn imports ``api.app:create_app`` as a factory in each of N processes
(:data:`FACTORY`): each calls it with no argument, reads its :class:`Settings` from the
``PROMPTPRISM_*`` environment the serve command set, and has its own model and micro-batcher.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.metrics import mark_worker_stopped
from api.middleware import BodySizeLimit, EdgeGuard, ObserveRequests, install_access_log_redaction
from api.routes import ROUTERS
from api.schemas import ErrorResponse
from api.service import Service
from promptprism.settings import Settings

_ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
# The import string uvicorn's worker processes build the app from (with ``factory=True``).
FACTORY = "api.app:create_app"
# How often each worker samples its queue depth and cache hit rate into the shared metrics files.
METRICS_REFRESH_S = 1.0


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the PromptPrism service."""
    settings = settings or Settings()
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        refresher = (
            asyncio.get_running_loop().create_task(_refresh_metrics(service), name="promptprism-metrics")
            if service.metrics.multiprocess
            else None
        )
        try:
            yield
        finally:
            if refresher is not None:
                refresher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await refresher
            await service.stop()
            mark_worker_stopped()

    app = FastAPI(
        title="PromptPrism",
        version="0.1.0",
        summary="Classify LLM traffic and report its mix over time.",
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load their assets from a CDN; api/routes/docs.py serves them offline.
        docs_url=None,
        redoc_url=None,
        # Every route may answer these from the middleware: a Host not allowed (400), a cross-site write (403),
        # a body over the limit (413); a bad parameter is a 422 and any error a 500 in the same shape.
        # (JSON named explicitly: the dashboard page's own responses are HTML, its errors are not.)
        responses={
            code: {"model": ErrorResponse, "content": {"application/json": {"schema": _ERROR_REF}}}
            for code in (400, 403, 413, 422, 500)
        },
    )
    app.state.service = service
    install_error_handlers(app)
    app.add_middleware(ObserveRequests, metrics=service.metrics)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, upload_max_bytes=settings.max_upload_bytes)
    # Outermost: a request from the wrong Host, a cross-site page or without its key is refused before its body
    # is read.
    app.add_middleware(EdgeGuard, settings=settings)
    install_access_log_redaction()
    for router in ROUTERS:
        app.include_router(router)
    return app


async def _refresh_metrics(service: Service) -> None:
    """Sample this worker's on-demand gauges into the multiprocess metrics files, once a second."""
    while True:
        service.metrics.refresh()
        await asyncio.sleep(METRICS_REFRESH_S)
