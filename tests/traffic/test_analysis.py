"""traffic.analysis: empty buckets inside the span, and findings that need a minimum support."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from traffic.analysis import MIN_FINDING_SUPPORT, build_report_data, count_buckets, rows_frame
from traffic.logs import ROW_FIELDS

MONDAY = datetime(2025, 9, 1, 10, tzinfo=UTC)


def row(ts: datetime, category: str = "programming", **values: Any) -> dict[str, Any]:
    """One report row, as the log readers produce it."""
    out = dict.fromkeys(ROW_FIELDS)
    out.update(
        ts=ts,
        model="gpt-4o",
        app="chat",
        category=category,
        reasoning_heavy="no",
        prompt_tokens=100,
        completion_tokens=20,
        reasoning_tokens=0,
        tools_offered=False,
        tool_call=False,
        has_code=False,
        language="en",
        turns=1,
    )
    out.update(values)
    return out


def weeks(*counts: int, **values: Any) -> list[dict[str, Any]]:
    """``counts[i]`` calls in week i (0: an empty week)."""
    return [row(MONDAY + timedelta(days=7 * w, minutes=i), **values) for w, n in enumerate(counts) for i in range(n)]


def test_empty_weeks_inside_the_span_are_rows_with_zero_calls() -> None:
    frame = rows_frame(weeks(12, 12, 0, 0, 12))
    assert count_buckets(frame, "week") == 5
    data = build_report_data(frame, "week")
    assert data.bucket_count == 5 and data.totals["buckets"] == 5
    tools = data.tables["tool_share"]
    assert [int(r) for r in tools.frame["requests"]] == [12, 12, 0, 0, 12]
    assert [str(w.date()) for w in tools.frame["week"]] == [
        "2025-09-01",
        "2025-09-08",
        "2025-09-15",
        "2025-09-22",
        "2025-09-29",
    ]
    per_category = data.tables["category_share"].frame
    assert per_category.groupby("week")["requests"].sum().tolist() == [12, 12, 0, 0, 12]
    # A mean of no calls is undefined: null in the payload and empty in the CSV, never 0 nor NaN.
    trends = data.tables["token_trends"]
    rows = [dict(zip([c.key for c in trends.columns], r, strict=True)) for r in trends.json_rows()]
    assert [r["prompt_tokens_mean"] for r in rows] == [100.0, 100.0, None, None, 100.0]
    assert [r["requests"] for r in rows] == [12, 12, 0, 0, 12]
    json.dumps(rows, allow_nan=False)


def test_findings_need_a_minimum_support() -> None:
    # One tool call alone in the first week, then weeks of twenty calls without: the old trend compared the lone
    # call (100%) with the last week (0%).
    lone = [row(MONDAY, tool_call=True, tools_offered=True, category="math", prompt_tokens=9000)]
    rest = weeks(0, 20, 20, 20, 20, tools_offered=True)
    lone_model = [row(MONDAY + timedelta(days=8), model="rare-model", category="legal")]
    data = build_report_data(rows_frame(lone + rest + lone_model), "week")
    text = " ".join(data.findings)
    tools = next(f for f in data.findings if f.startswith("Tools were offered"))
    assert "100%" not in tools, tools
    assert "in the first 2 weeks" in tools  # the first window grew until it held enough calls
    # Math has the longest prompts by far, from one call: not a finding.
    assert "Math has the longest prompts" not in text and "Programming has the longest prompts" in text
    assert "rare-model" not in text  # a model with one call gets no "mostly ..." sentence
    assert "(median 100 tokens over 80 calls)" in text


def test_too_few_calls_give_no_share_or_trend_findings() -> None:
    data = build_report_data(rows_frame(weeks(MIN_FINDING_SUPPORT - 1)), "week")
    assert len(data.findings) == 2
    assert data.findings[0].startswith(f"{MIN_FINDING_SUPPORT - 1} requests")
    assert "Too few calls" in data.findings[1]


def test_a_change_needs_support_on_both_sides() -> None:
    # Five calls, then five: neither window reaches the support, so no trend or shift is claimed.
    frame = rows_frame(weeks(5, 0, 0, 5, tool_call=True) + weeks(0, 0, 0, 5))
    data = build_report_data(frame, "week")
    assert not any("Mix shift" in f or "stable" in f for f in data.findings)
    assert all("in the first" not in f for f in data.findings)
