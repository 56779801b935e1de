"""OTLP/HTTP trace ingestion: ``POST /v1/traces`` turns GenAI chat spans into queued events.

An OpenTelemetry SDK or Collector exports to it directly (protobuf or JSON, gzip or not). The spans'
events go through the same validation, sampling and durable spool as ``POST /v1/events``; the answer is
OTLP's ``ExportTraceServiceResponse`` (200) once they are on disk, with ``rejected_spans`` counting GenAI
spans that could not be queued. Other spans are accepted and ignored (counted in ``/metrics``).
"""

from __future__ import annotations

import zlib

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from google.protobuf import json_format
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceResponse

from api.deps import ERRORS, ServiceDep, require_api_key
from api.errors import ApiError
from api.ingest import prepare_events
from api.routes.events import enqueue
from classifier.errors import InputError
from traffic.otlp import decode_traces, span_events

router = APIRouter(dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["events"])


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "deflate"):
        raise ApiError(415, f"unsupported Content-Encoding {encoding!r}: send gzip, deflate or none")
    inflater = zlib.decompressobj(wbits=47 if encoding == "gzip" else 15)  # 47: gzip or zlib header
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ApiError(400, f"the body is not valid {encoding}: {exc}") from exc
    if len(data) > limit:
        raise ApiError(413, f"the decompressed body is larger than {limit} bytes; export smaller batches")
    return data


@router.post(
    "/v1/traces",
    summary="Ingest OpenTelemetry traces (OTLP/HTTP)",
    response_class=Response,
    responses={200: {"content": {"application/x-protobuf": {}, "application/json": {}}}},
)
async def ingest_traces(request: Request, service: ServiceDep) -> Response:
    """Queue an event for each GenAI chat span (OpenTelemetry GenAI semantic conventions); ignore the rest."""
    content_type = request.headers.get("content-type", "application/x-protobuf")
    body = _inflate(
        await request.body(),
        request.headers.get("content-encoding", "").strip().lower(),
        service.settings.max_body_bytes,
    )
    try:
        traces = decode_traces(body, content_type)
    except InputError as exc:
        status = 415 if "Content-Type" in exc.message else 400
        raise ApiError(status, exc.message) from exc
    found, ignored = span_events(traces)
    for reason, count in ignored.items():
        service.metrics.spans_ignored.labels(reason).inc(count)
    payloads, _, sampled_out, errors = prepare_events(found, service.settings.sample_rate)
    if sampled_out:
        service.metrics.events_dropped.labels("sampled").inc(sampled_out)
    if errors:
        service.metrics.events_dropped.labels("invalid").inc(len(errors))
    await enqueue(service, payloads)
    answer = ExportTraceServiceResponse()
    if errors:
        answer.partial_success.rejected_spans = len(errors)
        answer.partial_success.error_message = errors[0].error.message
    if content_type.split(";")[0].strip().lower() == "application/json":
        return Response(json_format.MessageToJson(answer, indent=None), media_type="application/json")
    return Response(answer.SerializeToString(), media_type="application/x-protobuf")
