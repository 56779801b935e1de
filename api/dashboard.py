"""The live dashboard: ``GET /`` (the page), its static assets, and ``GET /v1/report`` (its data).

The page and its scripts are served from the package (``api/static/``) and the
Vega bundle from vl-convert, so nothing is fetched from the internet and there
is no build step. The page is public; its data route is protected like every
``/v1`` route (the page sends the key as a Bearer header). The data is the
same payload the ``promptprism report`` file inlines, built by the same code.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.errors import ApiError
from api.routes import ERRORS, require_api_key, service_of

MAX_BUCKETS = 1000
# Served by name only: nothing else under api/static is reachable through this router.
ASSETS = {
    "prism.js": "text/javascript; charset=utf-8",
    "prism.css": "text/css; charset=utf-8",
    "dashboard.js": "text/javascript; charset=utf-8",
}

router = APIRouter(tags=["dashboard"])


def _as_utc(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
async def dashboard_page() -> HTMLResponse:
    """The dashboard page."""
    from api.report.render import static_text

    return HTMLResponse(static_text("dashboard.html"), headers={"Cache-Control": "no-cache"})


@router.get("/static/{name}", include_in_schema=False)
async def dashboard_asset(name: str) -> Response:
    """The dashboard's scripts and styles, and the Vega bundle (built once per process by vl-convert)."""
    from api.report.render import static_text, vega_bundle

    if name == "vega-bundle.js":
        bundle = await asyncio.to_thread(vega_bundle)
        return Response(bundle, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "max-age=3600"})
    if name not in ASSETS:
        raise ApiError(404, f"no static file {name!r}")
    return Response(static_text(name), media_type=ASSETS[name], headers={"Cache-Control": "no-cache"})


@router.get(
    "/v1/report",
    dependencies=[Depends(require_api_key)],
    responses=ERRORS,
    tags=["distribution"],
    summary="Report data for the dashboard",
)
async def report_data(
    request: Request,
    since: Annotated[datetime | None, Query(description="Start (inclusive), ISO 8601; naive means UTC.")] = None,
    until: Annotated[datetime | None, Query(description="End (exclusive), ISO 8601; naive means UTC.")] = None,
    bucket: Annotated[Literal["hour", "day", "week"], Query(description="Time bucket (UTC).")] = "day",
    weight: Annotated[
        Literal["requests", "tokens"], Query(description="Weight category shares by requests or by tokens.")
    ] = "requests",
) -> JSONResponse:
    """Totals, findings, Vega-Lite chart specs and count tables over the recorded calls in the range.

    The same document ``promptprism report`` draws into its HTML file, with
    the category mix, the model heatmap and the language mix weighted as asked.
    """
    from api.report.logs import records_from_store_rows, to_row
    from api.report.render import TooManyBuckets, dashboard_payload

    service = service_of(request)
    since, until = _as_utc(since), _as_utc(until)
    if since and until and since >= until:
        raise ApiError(422, "since must be earlier than until", field="since")
    await service.writer.flush()  # calls classified a moment ago belong in the picture
    rows = await asyncio.to_thread(service.store.events_frame_rows, since, until)

    def build() -> dict[str, object]:
        report_rows = (to_row(r, r.labels or {}, r.signals or {}) for r in records_from_store_rows(rows))
        return dashboard_payload(report_rows, bucket, weight, since, until, max_buckets=MAX_BUCKETS)

    try:
        payload = await asyncio.to_thread(build)
    except TooManyBuckets as exc:
        raise ApiError(422, str(exc), field="bucket") from None
    return JSONResponse(payload, headers={"Cache-Control": "no-store"})
