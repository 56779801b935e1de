"""HTTP routes: classify, batch, distributions, taxonomy, models, training jobs, health and metrics."""

from __future__ import annotations

import asyncio
import hmac
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import SecretStr, ValidationError

from api.app import Service
from api.batcher import Overloaded
from api.errors import ApiError
from api.schemas import (
    BatchError,
    BatchRequest,
    BatchResponse,
    ClassifyRequest,
    ClassifyResponse,
    DistributionPost,
    DistributionResponse,
    ErrorDetail,
    ErrorResponse,
)
from api.store import GROUP_FIELDS, EventRecord, LabelRow, bucket_start, group_label, summarise
from classifier import ClassificationResult, Item
from classifier.artifacts import MANIFEST, active_version, gate_metric, list_versions, read_manifest
from classifier.errors import InputError
from classifier.requests import field_path
from classifier.taxonomy import load_taxonomy
from classifier.views import model_text, request_parts
from training.dataset import parse_labeled_csv

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 404, 409, 413, 422, 429, 503)
}


def service_of(request: Request) -> Service:
    """The running service."""
    return request.app.state.service  # type: ignore[no-any-return]


def _check_bearer(request: Request, secrets: Sequence[SecretStr | None], realm: str) -> None:
    accepted = [s.get_secret_value().encode() for s in secrets if s is not None]
    if not accepted:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
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


async def require_ready(request: Request) -> Service:
    """The service, once its model is loaded."""
    service = service_of(request)
    if not service.ready:
        raise ApiError(503, "the model is still loading; retry in a few seconds", headers={"Retry-After": "2"})
    return service


system_router = APIRouter(tags=["system"])
router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], responses=ERRORS)
ServiceDep = Annotated[Service, Depends(require_ready)]


@system_router.get("/healthz", summary="Liveness")
async def healthz() -> dict[str, str]:
    """Answers as long as the process serves HTTP."""
    return {"status": "ok"}


@system_router.get("/readyz", summary="Readiness", responses={503: {"model": ErrorResponse}})
async def readyz(request: Request) -> JSONResponse:
    """Ready when the model is loaded and the event store answers."""
    service = service_of(request)
    store_ok = await asyncio.to_thread(service.store.ping)
    if not service.ready or not store_ok:
        problem = "model not loaded" if not service.ready else "event store unreachable"
        body = {"error": {"type": "not_ready", "message": problem, "field": None}}
        return JSONResponse(body, status_code=503, headers={"Retry-After": "2"})
    return JSONResponse({"status": "ready", "model_version": service.model.version, "store": True})


@system_router.get("/metrics", summary="Prometheus metrics", dependencies=[Depends(require_api_key)])
async def metrics(request: Request) -> Response:
    """Requests and latency by route and status, classifications by label, batch sizes, queue depth, model."""
    return Response(generate_latest(service_of(request).metrics.registry), media_type=CONTENT_TYPE_LATEST)


def _with_token_overrides(result: ClassificationResult, body: ClassifyRequest) -> ClassificationResult:
    changes: dict[str, Any] = {}
    if body.prompt_tokens is not None:
        changes["prompt_tokens"] = body.prompt_tokens
    if body.completion_tokens is not None:
        changes["completion_tokens"] = body.completion_tokens
    if not changes:
        return result
    if body.prompt_tokens is not None and body.completion_tokens is not None:
        changes["tokens_estimated"] = False
    return result.model_copy(update={"signals": result.signals.model_copy(update=changes)})


def _llm_model(body: ClassifyRequest) -> str | None:
    """The LLM that served the call: the metadata's ``model``, else the response's, else the request's."""
    if body.model is not None or body.request is None:
        return body.model
    return (body.response.model if body.response else None) or body.request.model


def _event(
    service: Service, event_id: str, body: ClassifyRequest, item: Item, result: ClassificationResult
) -> EventRecord:
    return EventRecord(
        id=event_id,
        ts=body.timestamp or datetime.now(UTC),
        model_version=result.model_version,
        labels={d: (r.label, r.probability) for d, r in result.labels.items()},
        signals=result.signals.model_dump(),
        model=_llm_model(body),
        app=body.app,
        user=body.user,
        raw_text=model_text(request_parts(item), 100_000) if service.settings.store_text else None,
    )


def _count_labels(service: Service, results: Sequence[ClassificationResult]) -> None:
    for result in results:
        for dimension, answer in result.labels.items():
            service.metrics.classifications.labels(dimension, answer.label).inc()


async def _classify_items(service: Service, items: list[Item]) -> list[ClassificationResult]:
    try:
        return await service.batcher.classify(items) if service.batcher else []
    except Overloaded:
        service.metrics.rejected.inc()
        raise


@router.post("/classify", response_model=ClassifyResponse, tags=["classify"], summary="Classify one item")
async def classify(body: ClassifyRequest, service: ServiceDep) -> ClassifyResponse:
    """Classify text, a prompt with its completion, or an OpenAI chat request with its response.

    The result has each dimension's label, probability and top alternatives,
    the request's signals, and the model version. With ``record`` (default on)
    it is stored for distributions.
    """
    started = time.perf_counter()
    item = body.to_item()
    [result] = await _classify_items(service, [item])
    result = _with_token_overrides(result, body)
    event_id = uuid.uuid4().hex
    if body.record:
        service.writer.add([_event(service, event_id, body, item, result)])
    _count_labels(service, [result])
    return ClassifyResponse.from_result(result, (time.perf_counter() - started) * 1000, event_id)


def _parse_batch(raw_items: list[dict[str, Any]]) -> tuple[list[tuple[int, ClassifyRequest, Item]], list[BatchError]]:
    good, bad = [], []
    for index, raw in enumerate(raw_items):
        try:
            body = ClassifyRequest.model_validate(raw)
            good.append((index, body, body.to_item()))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = field_path(tuple(first["loc"])) or None
            bad.append(
                BatchError(
                    index=index,
                    error=ErrorDetail(
                        type="invalid_request",
                        message=f"item {index}: {field + ': ' if field else ''}{first['msg']}",
                        field=field,
                    ),
                )
            )
        except InputError as exc:
            bad.append(
                BatchError(
                    index=index,
                    error=ErrorDetail(type="invalid_request", message=f"item {index}: {exc}", field=exc.field),
                )
            )
    return good, bad


def _check_batch_size(service: Service, n: int) -> None:
    limit = service.settings.max_batch_items
    if n > limit:
        raise ApiError(413, f"{n} items in one batch; the limit is {limit}: split the batch", field="items")
    if n == 0:
        raise ApiError(422, "items is empty; send at least one item", field="items")


@router.post("/classify/batch", response_model=BatchResponse, tags=["classify"], summary="Classify many items")
async def classify_batch(body: BatchRequest, service: ServiceDep) -> BatchResponse:
    """Classify up to ``max_batch_items`` items; a bad item gets an error entry in its place."""
    started = time.perf_counter()
    _check_batch_size(service, len(body.items))
    good, bad = _parse_batch(body.items)
    results = await _classify_items(service, [item for _, _, item in good])
    each_ms = (time.perf_counter() - started) * 1000
    slots: list[ClassifyResponse | BatchError | None] = [None] * len(body.items)
    records = []
    for (index, request_body, item), result in zip(good, results, strict=True):
        result = _with_token_overrides(result, request_body)
        event_id = uuid.uuid4().hex
        if request_body.record:
            records.append(_event(service, event_id, request_body, item, result))
        slots[index] = ClassifyResponse.from_result(result, each_ms, event_id)
    for error in bad:
        slots[error.index] = error
    service.writer.add(records)
    _count_labels(service, results)
    return BatchResponse(results=[s for s in slots if s is not None], errors=len(bad))


def _check_dimension(service: Service, dimension: str, known: Sequence[str]) -> None:
    if dimension not in known and dimension not in service.model.dimensions:
        raise ApiError(
            422,
            f"unknown dimension {dimension!r}; choose one of {sorted(set(known) | set(service.model.dimensions))}",
            field="dimension",
        )


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.get(
    "/distribution",
    response_model=DistributionResponse,
    tags=["distribution"],
    summary="Label shares over recorded traffic",
)
async def distribution(
    service: ServiceDep,
    dimension: str = "category",
    since: Annotated[datetime | None, Query(description="Start (inclusive), ISO 8601; naive means UTC.")] = None,
    until: Annotated[datetime | None, Query(description="End (exclusive), ISO 8601; naive means UTC.")] = None,
    bucket: Annotated[Literal["hour", "day", "week"] | None, Query(description="Time bucket (UTC).")] = None,
    group_by: Annotated[str | None, Query(description=f"One of {', '.join(GROUP_FIELDS)}.")] = None,
    weight: Annotated[
        Literal["requests", "tokens"], Query(description="Count requests, or prompt + completion tokens.")
    ] = "requests",
) -> DistributionResponse:
    """The share of each label of ``dimension``, per time bucket and group, with counts.

    Shares within one bucket and group sum to 1. Groups (bucket and group
    cells) with fewer requests than ``min_group_count`` are left out and counted
    in ``suppressed_groups``.
    """
    if group_by is not None and group_by not in GROUP_FIELDS:
        raise ApiError(422, f"group_by must be one of {', '.join(GROUP_FIELDS)} (got {group_by!r})", field="group_by")
    since, until = _utc(since), _utc(until)
    if since and until and since >= until:
        raise ApiError(422, "since must be earlier than until", field="since")
    await service.writer.flush()
    known = await asyncio.to_thread(service.store.dimensions)
    _check_dimension(service, dimension, known)
    rows = await asyncio.to_thread(service.store.label_rows, dimension, since, until, bucket, group_by)
    return _distribution_response(service, rows, dimension, weight, bucket, group_by, since, until)


def _distribution_response(
    service: Service,
    rows: list[LabelRow],
    dimension: str,
    weight: str,
    bucket: str | None,
    group_by: str | None,
    since: datetime | None,
    until: datetime | None,
) -> DistributionResponse:

    buckets, suppressed = summarise(rows, weight, service.settings.min_group_count, grouped=group_by is not None)
    for entry in buckets:
        entry["bucket"] = bucket_start(bucket, entry["bucket"]) if bucket else None
    return DistributionResponse.model_validate(
        {
            "dimension": dimension,
            "weight": weight,
            "bucket": bucket,
            "group_by": group_by,
            "since": since,
            "until": until,
            "suppressed_groups": suppressed,
            "buckets": buckets,
        }
    )


@router.post(
    "/distribution",
    response_model=DistributionResponse,
    tags=["distribution"],
    summary="Label shares of posted items, without recording them",
)
async def distribution_of_items(body: DistributionPost, service: ServiceDep) -> DistributionResponse:
    """Classify the posted items and report their distribution; nothing is stored."""
    if body.group_by is not None and body.group_by not in GROUP_FIELDS:
        raise ApiError(
            422, f"group_by must be one of {', '.join(GROUP_FIELDS)} (got {body.group_by!r})", field="group_by"
        )
    _check_dimension(service, body.dimension, [])
    _check_batch_size(service, len(body.items))
    good, bad = _parse_batch(body.items)
    if bad:
        raise ApiError(422, bad[0].error.message, field=f"items[{bad[0].index}]")
    results = await _classify_items(service, [item for _, _, item in good])
    cells: dict[tuple[str | None, str], LabelRow] = {}
    for (_, request_body, _), result in zip(good, results, strict=True):
        result = _with_token_overrides(result, request_body)
        group = _group_of(request_body, result, body.group_by)
        label = result.labels[body.dimension].label
        cell = cells.setdefault((group, label), LabelRow(bucket=None, group=group, label=label, count=0, tokens=0))
        cell.count += 1
        cell.tokens += result.signals.prompt_tokens + result.signals.completion_tokens
    return _distribution_response(
        service, list(cells.values()), body.dimension, body.weight, None, body.group_by, None, None
    )


def _group_of(body: ClassifyRequest, result: ClassificationResult, group_by: str | None) -> str | None:
    if group_by is None:
        return None
    if group_by == "model":
        value: Any = _llm_model(body)
    elif group_by == "app":
        value = body.app
    elif group_by == "model_version":
        value = result.model_version
    else:
        value = getattr(result.signals, group_by)
    return group_label(value)


@router.get("/taxonomy", tags=["models"], summary="Dimensions and labels")
async def taxonomy(service: ServiceDep) -> dict[str, Any]:
    """The taxonomy file, plus the labels of every dimension the active model answers."""
    data = load_taxonomy()
    served = {dimension: service.model.manifest["heads"][dimension]["labels"] for dimension in service.model.dimensions}
    return {"version": data["version"], "dimensions": data["dimensions"], "model_dimensions": served}


@router.get("/models", tags=["models"], summary="Model versions")
async def models(service: ServiceDep) -> dict[str, Any]:
    """Every model version with its backend, labels and metrics; which is active and which is served."""
    directory = service.settings.models_dir
    versions = []
    for name in await asyncio.to_thread(list_versions, directory):
        manifest = read_manifest(directory / name)
        metric = gate_metric(manifest)
        versions.append(
            {
                "version": name,
                "created_at": manifest["created_at"],
                "backend": manifest["embedder"]["backend"],
                "embedder": manifest["embedder"]["name"],
                "dimensions": {d: h["labels"] for d, h in manifest["heads"].items()},
                "gate_metric": {"dimension": metric[0], "macro_f1": metric[1]} if metric else None,
                "metrics": manifest["metrics"],
                "training_rows": manifest["training_data"]["rows"],
            }
        )
    return {"active": active_version(directory), "served": service.model.version, "versions": versions}


@router.post(
    "/models/train",
    status_code=202,
    tags=["models"],
    summary="Train a model from a labeled CSV",
    dependencies=[Depends(require_admin_key)],
)
async def train(
    service: ServiceDep,
    file: Annotated[
        UploadFile, File(description="Labeled CSV (text | prompt[,completion] | messages + label columns).")
    ],
    label_columns: Annotated[
        str | None, Form(description="Comma-separated label columns; default: all others.")
    ] = None,
    test_size: Annotated[float, Form(gt=0, lt=1)] = 0.2,
    seed: Annotated[int, Form()] = 0,
    backend: Annotated[
        Literal["multilingual", "transformer", "static"] | None,
        Form(description="Embedding backend; default: the served model's."),
    ] = None,
    activate: Annotated[
        Literal["auto", "true", "false"], Form(description="auto: activate only if it passes the quality gate.")
    ] = "auto",
) -> JSONResponse:
    """Validate the CSV now (422 with what to fix), then train in the background; poll ``/v1/jobs/{id}``."""
    raw = await file.read()
    columns = [c.strip() for c in label_columns.split(",") if c.strip()] if label_columns else None
    dataset = await asyncio.to_thread(parse_labeled_csv, raw, file.filename or "upload.csv", columns)
    from training.train import TrainOptions  # imports scikit-learn: only a process that trains pays for it

    options = TrainOptions(
        label_columns=columns,
        test_size=test_size,
        seed=seed,
        backend=backend or service.model.embedder.backend,
        activate={"auto": None, "true": True, "false": False}[activate],
        gate_margin=service.settings.gate_margin,
        cache_dir=service.settings.embedding_cache_dir,
    )
    job = service.jobs.submit(dataset, options)
    return JSONResponse(
        {
            "job_id": job.id,
            "status": job.status,
            "rows": job.rows,
            "warnings": job.warnings,
            "poll": f"/v1/jobs/{job.id}",
        },
        status_code=202,
    )


@router.get("/jobs/{job_id}", tags=["models"], summary="Training job status")
async def job_status(job_id: str, service: ServiceDep) -> dict[str, Any]:
    """Progress, metrics and errors of a training job."""
    job = service.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no training job {job_id!r}; jobs are kept in memory until the service restarts")
    return job.model_dump(mode="json")


@router.post(
    "/models/{version}/activate",
    tags=["models"],
    summary="Activate (or roll back to) a version",
    dependencies=[Depends(require_admin_key)],
)
async def activate(version: str, service: ServiceDep) -> dict[str, Any]:
    """Load the version, check its files, and serve it from the next batch on; in-flight requests finish on the old one."""
    directory = service.settings.models_dir
    if version.startswith(".") or "/" in version or not (directory / version / MANIFEST).is_file():
        raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field="version")
    previous = service.model.version
    model = await asyncio.to_thread(service.activate, version)
    return {"active": model.version, "previous": previous, "backend": model.embedder.backend}
