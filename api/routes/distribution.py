"""Label shares over recorded traffic, and over posted items."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from api.deps import ERRORS, CheckedRoute, ServiceDep, require_api_key
from api.errors import ApiError
from api.routes.classify import check_batch_size, classify_items, llm_model, parse_batch, with_token_overrides
from api.schemas import ClassifyRequest, DistributionPost, DistributionResponse
from api.service import Service
from classifier import ClassificationResult
from traffic.store import GROUP_FIELDS, LabelRow, check_group_by, group_label, summarise
from traffic.timeutil import as_utc, bucket_start, check_window, time_buckets

router = APIRouter(
    prefix="/v1",
    dependencies=[Depends(require_api_key)],
    responses=ERRORS,
    tags=["distribution"],
    route_class=CheckedRoute,
)


def _check_dimension(service: Service, dimension: str, known: Sequence[str]) -> None:
    if dimension not in known and dimension not in service.model.dimensions:
        raise ApiError(
            422,
            f"unknown dimension {dimension!r}; choose one of {sorted(set(known) | set(service.model.dimensions))}",
            field="dimension",
        )


@router.get(
    "/distribution",
    response_model=DistributionResponse,
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

    Shares within one bucket and group sum to 1. The privacy floor is one rule
    for bucketing and grouping: every cell (a bucket and group; the whole
    range when there is neither) with fewer requests than ``min_group_count``
    is left out and counted in ``suppressed_groups``.
    """
    check_group_by(group_by)
    since, until = check_window(since, until)
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

    buckets, suppressed = summarise(rows, weight, service.settings.min_group_count)
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
    summary="Label shares of posted items, without recording them",
)
async def distribution_of_items(
    body: DistributionPost,
    service: ServiceDep,
    dimension: Annotated[str | None, Query(description="As in the body; the two must agree.")] = None,
    since: Annotated[datetime | None, Query(description="Only items at or after this time (their timestamp).")] = None,
    until: Annotated[datetime | None, Query(description="Only items before this time (their timestamp).")] = None,
    bucket: Annotated[Literal["hour", "day", "week"] | None, Query(description="Time bucket (UTC).")] = None,
    group_by: Annotated[str | None, Query(description=f"One of {', '.join(GROUP_FIELDS)}.")] = None,
    weight: Annotated[Literal["requests", "tokens"] | None, Query(description="As in the body.")] = None,
) -> DistributionResponse:
    """Classify the posted items and report their distribution; nothing is stored.

    Takes the same parameters as ``GET /v1/distribution``, in the body or the
    query string (a parameter given in both must have the same value). Items
    are bucketed and windowed by their ``timestamp`` (default: now). The same
    privacy floor applies: cells under ``min_group_count`` requests are left out.
    """
    options = _merge_query(
        body,
        {
            "dimension": dimension,
            "since": since,
            "until": until,
            "bucket": bucket,
            "group_by": group_by,
            "weight": weight,
        },
    )
    check_group_by(options.group_by)
    since, until = check_window(options.since, options.until)
    _check_dimension(service, options.dimension, [])
    check_batch_size(service, len(body.items))
    good, bad = parse_batch(body.items)
    if bad:
        raise ApiError(422, bad[0].error.message, field=f"items[{bad[0].index}]")
    now = datetime.now(UTC)
    kept = [(b, item) for _, b, item in good if _in_window(as_utc(b.timestamp) or now, since, until)]
    results = await classify_items(service, [item for _, item in kept])
    cells: dict[tuple[int | None, str | None, str], LabelRow] = {}
    for (request_body, _), result in zip(kept, results, strict=True):
        result = with_token_overrides(result, request_body)
        group = _group_of(request_body, result, options.group_by)
        number = time_buckets(as_utc(request_body.timestamp) or now)[f"ts_{options.bucket}"] if options.bucket else None
        label = result.labels[options.dimension].label
        cell = cells.setdefault(
            (number, group, label), LabelRow(bucket=number, group=group, label=label, count=0, tokens=0)
        )
        cell.count += 1
        cell.tokens += result.signals.prompt_tokens + result.signals.completion_tokens
    return _distribution_response(
        service,
        list(cells.values()),
        options.dimension,
        options.weight,
        options.bucket,
        options.group_by,
        since,
        until,
    )


def _merge_query(body: DistributionPost, query: dict[str, Any]) -> DistributionPost:
    """The body's options with the query string's filled in; a 422 when the two disagree."""
    changes = {}
    for name, value in query.items():
        if value is None:
            continue
        if name in body.model_fields_set and getattr(body, name) is not None:
            given = getattr(body, name)
            same = as_utc(given) == as_utc(value) if isinstance(value, datetime) else given == value
            if not same:
                raise ApiError(
                    422,
                    f"{name} is {value!r} in the query string but {given!r} in the body; give it once",
                    field=name,
                )
        changes[name] = value
    return body.model_copy(update=changes)


def _in_window(ts: datetime, since: datetime | None, until: datetime | None) -> bool:
    return (since is None or ts >= since) and (until is None or ts < until)


def _group_of(body: ClassifyRequest, result: ClassificationResult, group_by: str | None) -> str | None:
    """The group a posted item falls in, labelled as recorded events are (:func:`traffic.store.group_label`)."""
    if group_by is None:
        return None
    if group_by == "model":
        value: Any = llm_model(body)
    elif group_by == "app":
        value = body.app
    elif group_by == "model_version":
        value = result.model_version
    else:
        value = getattr(result.signals, group_by)
    return group_label(value)
