"""Label shares over recorded traffic, and over posted items."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from api.deps import ERRORS, CheckedRoute, ServiceDep, require_api_key
from api.errors import ApiError
from api.routes.classify import check_batch_size, classify_items, llm_model, parse_batch, with_token_overrides
from api.schemas import ClassifyRequest, DistributionPost, DistributionResponse
from api.service import Service
from classifier import ClassificationResult
from traffic.store import GROUP_FIELDS, LabelRow, check_group_by, group_label, summarise
from traffic.timeutil import bucket_start, check_window

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

    Shares within one bucket and group sum to 1. Groups (bucket and group
    cells) with fewer requests than ``min_group_count`` are left out and counted
    in ``suppressed_groups``.
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
    summary="Label shares of posted items, without recording them",
)
async def distribution_of_items(body: DistributionPost, service: ServiceDep) -> DistributionResponse:
    """Classify the posted items and report their distribution; nothing is stored."""
    check_group_by(body.group_by)
    _check_dimension(service, body.dimension, [])
    check_batch_size(service, len(body.items))
    good, bad = parse_batch(body.items)
    if bad:
        raise ApiError(422, bad[0].error.message, field=f"items[{bad[0].index}]")
    results = await classify_items(service, [item for _, _, item in good])
    cells: dict[tuple[str | None, str], LabelRow] = {}
    for (_, request_body, _), result in zip(good, results, strict=True):
        result = with_token_overrides(result, request_body)
        group = _group_of(request_body, result, body.group_by)
        label = result.labels[body.dimension].label
        cell = cells.setdefault((group, label), LabelRow(bucket=None, group=group, label=label, count=0, tokens=0))
        cell.count += 1
        cell.tokens += result.signals.prompt_tokens + result.signals.completion_tokens
    return _distribution_response(
        service, list(cells.values()), body.dimension, body.weight, None, body.group_by, None, None
    )


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
