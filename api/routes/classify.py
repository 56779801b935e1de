"""Classify one item or a batch; record what was classified."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import ValidationError

from api.deps import (
    ERRORS,
    CheckedRoute,
    ServiceDep,
    lone_surrogate_path,
    printable_field,
    require_api_key,
    surrogate_message,
)
from api.errors import ApiError
from api.schemas import BatchError, BatchRequest, BatchResponse, ClassifyRequest, ClassifyResponse, ErrorDetail
from api.service import Service
from classifier import ClassificationResult, Item
from classifier.errors import InputError, OverloadedError
from classifier.requests import field_path
from classifier.views import model_text, request_parts
from traffic.store import EventRecord

log = logging.getLogger(__name__)

router = APIRouter(
    prefix="/v1",
    dependencies=[Depends(require_api_key)],
    responses=ERRORS,
    tags=["classify"],
    route_class=CheckedRoute,
)


def with_token_overrides(result: ClassificationResult, body: ClassifyRequest) -> ClassificationResult:
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


def llm_model(body: ClassifyRequest) -> str | None:
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
        model=llm_model(body),
        app=body.app,
        user=body.user,
        raw_text=model_text(request_parts(item), 100_000) if service.settings.store_text else None,
    )


def _count_labels(service: Service, results: Sequence[ClassificationResult]) -> None:
    for result in results:
        for dimension, answer in result.labels.items():
            service.metrics.classifications.labels(dimension, answer.label).inc()


async def classify_items(service: Service, items: list[Item]) -> list[ClassificationResult]:
    """Classify through the micro-batcher; any item the model cannot classify fails the call."""
    try:
        return await service.batcher.classify(items) if service.batcher else []  # type: ignore[return-value]
    except OverloadedError:
        service.metrics.rejected.inc()
        raise


async def classify_settled(service: Service, items: list[Item]) -> list[ClassificationResult | BaseException]:
    """Classify through the micro-batcher; an item the model cannot classify has its exception in its place."""
    try:
        return await service.batcher.classify(items, return_exceptions=True) if service.batcher else []
    except OverloadedError:
        service.metrics.rejected.inc()
        raise


@router.post("/classify", response_model=ClassifyResponse, summary="Classify one item")
async def classify(body: ClassifyRequest, service: ServiceDep) -> ClassifyResponse:
    """Classify text, a prompt with its completion, or an OpenAI chat request with its response.

    The result has each dimension's label, probability and top alternatives,
    the request's signals, and the model version. With ``record`` (default on)
    it is stored for distributions.
    """
    started = time.perf_counter()
    item = body.to_item()
    [result] = await classify_items(service, [item])
    result = with_token_overrides(result, body)
    event_id = uuid.uuid4().hex
    if body.record:
        # The answer waits for the commit (group commit with every other call of the moment): a 200 means stored.
        await service.writer.record([_event(service, event_id, body, item, result)])
    _count_labels(service, [result])
    return ClassifyResponse.from_result(result, (time.perf_counter() - started) * 1000, event_id)


def parse_batch(raw_items: list[dict[str, Any]]) -> tuple[list[tuple[int, ClassifyRequest, Item]], list[BatchError]]:
    good, bad = [], []
    for index, raw in enumerate(raw_items):
        try:
            body = ClassifyRequest.model_validate(raw)
            surrogate = lone_surrogate_path(raw)
            if surrogate is not None:  # the batch route leaves its items to this check: one bad item, one error
                raise InputError(surrogate_message(None), printable_field(surrogate))
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


def check_batch_size(service: Service, n: int) -> None:
    limit = service.settings.max_batch_items
    if n > limit:
        raise ApiError(413, f"{n} items in one batch; the limit is {limit}: split the batch", field="items")
    queue = service.settings.queue_max_items
    if n > queue:  # it could never fit, so a 429 (retry later) would be a lie
        raise ApiError(
            413,
            f"{n} items in one batch; the classification queue holds {queue}: split the batch into calls of at "
            f"most {queue} items",
            field="items",
        )
    if n == 0:
        raise ApiError(422, "items is empty; send at least one item", field="items")


@router.post("/classify/batch", response_model=BatchResponse, summary="Classify many items")
async def classify_batch(body: BatchRequest, service: ServiceDep) -> BatchResponse:
    """Classify up to ``max_batch_items`` items; a bad item gets an error entry in its place."""
    started = time.perf_counter()
    check_batch_size(service, len(body.items))
    good, bad = parse_batch(body.items)
    settled = await classify_settled(service, [item for _, _, item in good])
    each_ms = (time.perf_counter() - started) * 1000
    slots: list[ClassifyResponse | BatchError | None] = [None] * len(body.items)
    records = []
    results = []
    for (index, request_body, item), result in zip(good, settled, strict=True):
        if isinstance(result, BaseException):
            bad.append(_failed_item(index, result))
            continue
        results.append(result)
        result = with_token_overrides(result, request_body)
        event_id = uuid.uuid4().hex
        if request_body.record:
            records.append(_event(service, event_id, request_body, item, result))
        slots[index] = ClassifyResponse.from_result(result, each_ms, event_id)
    for error in bad:
        slots[error.index] = error
    await service.writer.record(records)  # one commit for the batch; a 200 means every recorded item is stored
    _count_labels(service, results)
    return BatchResponse(results=[s for s in slots if s is not None], errors=len(bad))


def _failed_item(index: int, exc: BaseException) -> BatchError:
    """The error entry of an item the model failed on: the batch's other items keep their results."""
    if isinstance(exc, InputError):
        return BatchError(
            index=index, error=ErrorDetail(type="invalid_request", message=f"item {index}: {exc}", field=exc.field)
        )
    log.error("item %d of a batch could not be classified", index, exc_info=exc)
    return BatchError(
        index=index,
        error=ErrorDetail(
            type="internal_error",
            message=f"item {index} could not be classified ({type(exc).__name__}); the service logs have the details",
            field=None,
        ),
    )
