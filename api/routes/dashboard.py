"""The live dashboard: ``GET /`` (the page), its static assets, and ``GET /v1/report`` (its data).

The page and its scripts are served from the packages (``api/static/`` and ``traffic/static/``) and the
Vega bundle from vl-convert, so nothing is fetched from the internet and there
is no build step. The page is public; its data route is protected like every
``/v1`` route (the page sends the key as a Bearer header). The data is the
same payload the ``promptprism report`` file inlines, built by the same code.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

import traffic
from api.deps import ERRORS, require_api_key, service_of
from api.errors import ApiError
from classifier.errors import TooManyBucketsError
from traffic.timeutil import check_window

TRAFFIC_STATIC = Path(traffic.__file__).resolve().parent / "static"

MAX_BUCKETS = 1000
API_STATIC = Path(__file__).resolve().parent.parent / "static"
# Served by name only: nothing else on disk is reachable through this router. The chart script and the style
# are the report's own (traffic/static), so the dashboard and the report file draw alike.
ASSETS = {
    "prism.js": (TRAFFIC_STATIC, "text/javascript; charset=utf-8"),
    "prism.css": (TRAFFIC_STATIC, "text/css; charset=utf-8"),
    "dashboard.js": (API_STATIC, "text/javascript; charset=utf-8"),
}

router = APIRouter(tags=["dashboard"])


@router.get("/", summary="The dashboard page", response_class=HTMLResponse)
async def dashboard_page() -> HTMLResponse:
    """The dashboard page."""
    page = (API_STATIC / "dashboard.html").read_text(encoding="utf-8")
    return HTMLResponse(page, headers={"Cache-Control": "no-cache"})


@router.get(
    "/static/{name}",
    summary="The dashboard's scripts and styles",
    response_class=Response,
    responses={200: {"content": {"text/javascript": {}, "text/css": {}}}, 404: ERRORS[404]},
)
async def dashboard_asset(name: str) -> Response:
    """The dashboard's scripts and styles, and the Vega bundle (built once per process by vl-convert)."""
    from traffic.report import vega_bundle

    if name == "vega-bundle.js":
        bundle = await asyncio.to_thread(vega_bundle)
        return Response(bundle, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "max-age=3600"})
    if name not in ASSETS:
        raise ApiError(404, f"no static file {name!r}")
    directory, media_type = ASSETS[name]
    text = (directory / name).read_text(encoding="utf-8")
    return Response(text, media_type=media_type, headers={"Cache-Control": "no-cache"})


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
    from traffic.report import store_dashboard_payload

    service = service_of(request)
    since, until = check_window(since, until)
    await service.writer.flush()  # calls classified a moment ago belong in the picture
    try:
        # Aggregated by the database (GROUP BY), so memory stays flat however many events the range holds.
        payload = await asyncio.to_thread(
            store_dashboard_payload, service.store, bucket, weight, since, until, MAX_BUCKETS
        )
    except TooManyBucketsError as exc:
        raise ApiError(422, str(exc), field="bucket") from None
    return JSONResponse(payload, headers={"Cache-Control": "no-store"})
