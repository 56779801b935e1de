"""Views people ask for: the top users with their category mix, and cost by category and by model."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from api.deps import ERRORS, ServiceDep, require_api_key
from traffic.timeutil import check_window

router = APIRouter(prefix="/v1/views", dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["views"])

Since = Annotated[datetime | None, Query(description="Start (inclusive), ISO 8601; naive means UTC.")]
Until = Annotated[datetime | None, Query(description="End (exclusive), ISO 8601; naive means UTC.")]


@router.get("/users", summary="Top users by volume, with their label mix")
async def users(
    service: ServiceDep,
    dimension: str = "category",
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> dict[str, Any]:
    """The users with the most requests, each with the share of every label of ``dimension``.

    Users with fewer requests than ``PROMPTPRISM_MIN_GROUP_COUNT`` are left out (counted in
    ``suppressed_users``), so that a mix never describes one person's few calls.
    """
    since, until = check_window(since, until)
    await service.writer.flush()
    rows = await asyncio.to_thread(service.store.user_rows, dimension, since, until)
    per_user: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for user, label, count, tokens in rows:
        per_user[user].append((label, count, tokens))
    minimum = service.settings.min_group_count
    kept = {u: cells for u, cells in per_user.items() if sum(c for _, c, _ in cells) >= minimum}
    ranked = sorted(kept.items(), key=lambda kv: (-sum(c for _, c, _ in kv[1]), kv[0]))[:limit]
    out = []
    for user, cells in ranked:
        total = sum(c for _, c, _ in cells)
        out.append(
            {
                "user": user,
                "requests": total,
                "tokens": sum(t for _, _, t in cells),
                "labels": [
                    {"label": label, "count": count, "share": round(count / total, 6)}
                    for label, count, _ in sorted(cells, key=lambda c: -c[1])
                ],
            }
        )
    return {
        "dimension": dimension,
        "since": since,
        "until": until,
        "users": out,
        "suppressed_users": len(per_user) - len(kept),
    }


@router.get("/cost", summary="Cost by label and by model")
async def cost(
    service: ServiceDep, dimension: str = "category", since: Since = None, until: Until = None
) -> dict[str, Any]:
    """What the traffic cost, by label of ``dimension`` and by model.

    An event's cost is the ``cost`` it was sent with (LiteLLM's, for instance); for an event without one,
    its tokens times the price of its model in ``PROMPTPRISM_MODEL_PRICES`` (per million input and output
    tokens). Events with neither are counted in ``unpriced_requests``.
    """
    since, until = check_window(since, until)
    await service.writer.flush()
    rows = await asyncio.to_thread(service.store.cost_rows, dimension, since, until)
    prices = service.settings.model_prices
    by_label: dict[str, dict[str, Any]] = {}
    by_model: dict[str, dict[str, Any]] = {}
    for row in rows:
        price = prices.get(row["model"] or "")
        without_cost = row["requests"] - row["with_cost"]
        estimated = 0.0
        unpriced = 0
        if without_cost:
            if price is None:
                unpriced = without_cost
            else:
                estimated = (row["prompt_tokens"] * price[0] + row["completion_tokens"] * price[1]) / 1_000_000
        for key, table in ((row["label"], by_label), (row["model"] or "unknown", by_model)):
            cell = table.setdefault(
                key, {"requests": 0, "cost": 0.0, "recorded_cost": 0.0, "estimated_cost": 0.0, "unpriced_requests": 0}
            )
            cell["requests"] += row["requests"]
            cell["recorded_cost"] += row["cost"]
            cell["estimated_cost"] += estimated
            cell["cost"] += row["cost"] + estimated
            cell["unpriced_requests"] += unpriced

    def listed(table: dict[str, dict[str, Any]], name: str) -> list[dict[str, Any]]:
        return [
            {name: key, **{k: round(v, 9) if isinstance(v, float) else v for k, v in cell.items()}}
            for key, cell in sorted(table.items(), key=lambda kv: -kv[1]["cost"])
        ]

    return {
        "dimension": dimension,
        "since": since,
        "until": until,
        "total_cost": round(sum(c["cost"] for c in by_label.values()), 9),
        "by_label": listed(by_label, "label"),
        "by_model": listed(by_model, "model"),
    }
