"""traffic.charts: gaps for empty buckets, one label per bucket tick, the heatmap legend inside the chart."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import vl_convert

from tests.traffic.test_analysis import MONDAY, row, weeks
from traffic.analysis import build_report_data, rows_frame
from traffic.charts import (
    WIDTH,
    category_share_chart,
    model_category_chart,
    reasoning_share_chart,
    sections,
    token_trends_chart,
    tool_share_chart,
)
from traffic.report import vega_lite_version


def values_of(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's own rows: inline, or in the named dataset its top level points to."""
    data = spec.get("data", {})
    if "values" in data:
        return data["values"]  # type: ignore[no-any-return]
    if data.get("name") in spec.get("datasets", {}):
        return spec["datasets"][data["name"]]  # type: ignore[no-any-return]
    raise AssertionError("no inline data")


def test_a_charts_rows_are_a_named_dataset_and_stay_json():
    # The rows skip Altair's serializer (most of a chart's time); Vega-Lite reads the named dataset as inline data.
    data = build_report_data(rows_frame(weeks(12, 12, 0, 0, 12)), "week")
    spec = category_share_chart(data, "requests").spec
    assert spec["data"] == {"name": "rows"}
    assert values_of(spec) and json.loads(json.dumps(spec["datasets"]["rows"])) == spec["datasets"]["rows"]


def x_tick_labels(spec: dict[str, Any], bucket: str) -> list[str]:
    """The x axis labels the chart will show: its tick values written in its format (UTC)."""
    axis = spec["encoding"]["x"]["axis"]
    return [datetime.fromtimestamp(ms / 1000, UTC).strftime(axis["format"]) for ms in axis["values"]]


def test_share_lines_break_at_empty_weeks() -> None:
    data = build_report_data(rows_frame(weeks(12, 12, 0, 0, 12, reasoning_heavy="yes", tool_call=True)), "week")
    empty = {"2025-09-15T00:00:00Z", "2025-09-22T00:00:00Z"}
    for chart in (tool_share_chart(data), reasoning_share_chart(data), category_share_chart(data, "requests")):
        values = values_of(chart.spec)
        assert {v["week"] for v in values} >= empty, chart.id  # the empty weeks are there ...
        assert all(v["share"] is None for v in values if v["week"] in empty), chart.id  # ... as gaps, not 0%
        assert all(v["share"] is not None for v in values if v["week"] not in empty), chart.id
    trends = values_of(token_trends_chart(data).spec)
    assert all(v["tokens"] is None for v in trends if v["week"] in empty)
    # Every spec is valid JSON (no NaN) and renders with the real Vega-Lite.
    for section in sections(data):
        for chart in section.charts:
            svg = vl_convert.vegalite_to_svg(json.loads(json.dumps(chart.spec, allow_nan=False)), vega_lite_version())
            assert svg.startswith("<svg"), chart.id


def test_tool_line_is_two_pieces_around_the_gap() -> None:
    data = build_report_data(rows_frame(weeks(12, 12, 0, 0, 12, 12, tool_call=True)), "week")
    svg = vl_convert.vegalite_to_svg(tool_share_chart(data).spec, vega_lite_version())
    # Each series is one path; across the two empty weeks it lifts the pen: "M..L..M..L..", two pieces.
    lines = re.findall(r'<g class="mark-line[^"]*"[^>]*>(.*?)</g>', svg)
    paths = [d for group in lines for d in re.findall(r' d="([^"]+)"', group)]
    assert len(paths) == 2 and all(d.count("M") == 2 for d in paths), paths


def test_time_axis_labels_are_never_repeated() -> None:
    cases = {
        "hour": [row(MONDAY + timedelta(minutes=7 * i)) for i in range(30)],  # 3.5 hours
        "day": [row(MONDAY + timedelta(minutes=20 * i)) for i in range(20)],  # one day
        "week": weeks(*([3] * 40)),  # 40 weeks
    }
    for bucket, rows in cases.items():
        data = build_report_data(rows_frame(rows), bucket)
        for chart in (tool_share_chart(data), token_trends_chart(data)):
            labels = x_tick_labels(chart.spec, bucket)
            assert labels and len(labels) == len(set(labels)), (bucket, labels)
            assert len(labels) <= 14, (bucket, len(labels))
    hours = build_report_data(rows_frame(cases["hour"]), "hour")
    assert x_tick_labels(tool_share_chart(hours).spec, "hour") == [
        "Sep 01 10:00",
        "Sep 01 11:00",
        "Sep 01 12:00",
        "Sep 01 13:00",
    ]


def test_heatmap_legend_adds_no_width_and_sits_below() -> None:
    categories = [
        "programming",
        "roleplay",
        "creative_writing",
        "translation",
        "writing",
        "math",
        "science",
        "technology",
        "health",
        "finance",
        "legal",
        "marketing",
        "education",
        "general_qa",
        "trivia",
    ]
    rows = [row(MONDAY + timedelta(minutes=i), category=c, model=m) for i, c in enumerate(categories) for m in ("a",)]
    chart = model_category_chart(build_report_data(rows_frame(rows), "week"), "tokens")
    legend = chart.spec["layer"][0]["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom" and legend["direction"] == "horizontal"
    svg = vl_convert.vegalite_to_svg(chart.spec, vega_lite_version())
    width = float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1))
    # Fifteen 50-pixel columns and the model labels: a legend on the right made it ~200 px wider than the page.
    assert width <= 15 * 50 + 200 and width <= WIDTH + 200, width
    assert "Share of the model" in svg


def test_every_section_is_valid_vega_lite() -> None:
    # The charts skip Altair's validation per request (it cost ~1 s of every /v1/report): it is done here.
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    schema = load_schema()
    rows = [
        row(MONDAY + timedelta(hours=i), category=c, model=m)
        for i, (c, m) in enumerate((c, m) for c in ("coding", "math", "writing") for m in ("a", "b"))
    ]
    for bucket in ("hour", "day", "week"):
        for section in sections(build_report_data(rows_frame(rows), bucket)):
            for chart in section.charts:
                validate_jsonschema(chart.spec, schema)
