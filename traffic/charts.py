"""Vega-Lite chart specs, built with Altair, for the report file, its PNG/SVG exports and the live dashboard.

Everything that draws a chart comes from :func:`sections`, so the three never
drift apart. Every category keeps one colour in every chart (its place in the
taxonomy picks it), legends are sorted by size, shares are shown as
percentages, and times are UTC.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import altair as alt
from altair.utils.schemapi import debug_mode

from classifier.taxonomy import abstain_label, label_ids
from traffic.analysis import ReportData, category_name, language_name
from traffic.timeutil import BUCKET_TITLES, iso

# Kenneth Kelly's colours of maximum contrast, in the taxonomy's order, so that fifteen categories stay
# distinguishable (paired palettes such as Tableau 20 give neighbouring hues to unrelated categories).
PALETTE = [
    "#0067a5",  # programming: strong blue
    "#f38400",  # roleplay: orange
    "#be0032",  # creative_writing: red
    "#a1caf1",  # translation: light blue
    "#008856",  # writing: green
    "#f3c300",  # math: yellow
    "#875692",  # science: purple
    "#e68fac",  # technology: pink
    "#882d17",  # health: reddish brown
    "#8db600",  # finance: yellow-green
    "#604e97",  # legal: violet
    "#f99379",  # marketing: salmon
    "#c2b280",  # education: buff
    "#2b3d26",  # general_qa: olive black
    "#b3446c",  # trivia: purplish red
    # Labels of a custom taxonomy, after those:
    "#f6a600",
    "#dcd300",
    "#654522",
    "#e25822",
    "#848482",
]
OTHER_COLOUR = "#d1d5db"
PROMPT_COLOUR, COMPLETION_COLOUR = "#4e79a7", "#f28e2b"
FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"
TEXT_COLOUR, MUTED_COLOUR, GRID_COLOUR = "#1f2937", "#6b7280", "#e5e7eb"
WIDTH, HEIGHT = 760, 270
MAX_LANGUAGES = 12
# Most time-axis labels per chart width: "Sep 01 09:00" needs about twice the room of "Sep 01".
MAX_TIME_LABELS = {"hour": 8, "day": 14, "week": 14}
MAX_MODELS = 15


@dataclass
class ChartSpec:
    """One chart: a stable id (used for element ids and export file names), a title, its Vega-Lite spec."""

    id: str
    title: str
    spec: dict[str, Any]


@dataclass
class Section:
    """A part of the report: its charts and the count tables behind them."""

    id: str
    title: str
    description: str
    charts: list[ChartSpec]
    tables: list[str]


def category_colours(labels: list[str]) -> list[str]:
    """The colour of each category label: fixed by its place in the taxonomy, grey for the abstain label."""
    known = label_ids("category")
    other = abstain_label("category")
    extra = sorted(label for label in labels if label not in known and label != other)
    colours = []
    for label in labels:
        if label == other:
            colours.append(OTHER_COLOUR)
        elif label in known:
            colours.append(PALETTE[known.index(label) % len(PALETTE)])
        else:
            colours.append(PALETTE[(len(known) + extra.index(label)) % len(PALETTE)])
    return colours


def _category_scale(order: list[str]) -> alt.Scale:
    return alt.Scale(domain=[category_name(c) for c in order], range=category_colours(order))


def _time_x(data: ReportData) -> alt.X:
    bucket = data.bucket
    time_format = "%b %d %H:00" if bucket == "hour" else "%b %d"
    axis_options: dict[str, Any] = {"format": time_format, "labelAngle": 0, "grid": False, "labelOverlap": True}
    buckets = sorted(data.tables["category_share"].frame[bucket].unique())
    if buckets:
        # Ticks only at bucket starts, every k-th one so the labels fit: left to itself Vega puts ticks between
        # buckets (every 15 minutes in a 3-hour range, every 6 hours in one day), and the bucket's format then
        # repeats one label ("Sep 01 09:00, Sep 01 09:00, ...").
        step = -(-len(buckets) // MAX_TIME_LABELS[bucket])
        axis_options["values"] = [int(b.value // 1_000_000) for b in buckets[::step]]
    return alt.X(f"{bucket}:T", title=BUCKET_TITLES[bucket], scale=alt.Scale(type="utc"), axis=alt.Axis(**axis_options))


def _share_or_gap(part: float, whole: float) -> float | None:
    """``part / whole``, or None for a bucket without calls: the line breaks there instead of claiming 0%."""
    return float(part / whole) if whole else None


def _number_or_gap(value: Any) -> float | None:
    """A float, or None for NaN (a mean or median of no calls)."""
    return None if value is None or value != value else float(value)


def _time_tooltip(data: ReportData) -> alt.Tooltip:
    time_format = "%Y-%m-%d %H:00" if data.bucket == "hour" else "%Y-%m-%d"
    return alt.Tooltip(f"{data.bucket}:T", title=BUCKET_TITLES[data.bucket], format=time_format, formatType="utc")


INLINE_DATA = "rows"
"""Name of the dataset that holds a chart's own rows in its spec."""

# Altair deep-copies a chart, inline rows included, at every .properties(), .facet() and .configure_*() and
# walks them again to serialize: most of a chart's time at 90 day buckets x 15 categories. The rows are plain
# JSON already, so a chart names them (ROWS) and :func:`_finish` puts them in its spec as a named dataset,
# which Vega-Lite reads exactly as inline values; the config, which never changes, goes in the same way.
ROWS = alt.NamedData(name=INLINE_DATA)


def _config() -> dict[str, Any]:
    """The look shared by every chart (fonts, colours, padding), as Vega-Lite's top-level ``config``."""
    chart = (
        alt.Chart()
        .configure(font=FONT, background="white", padding={"left": 8, "right": 8, "top": 8, "bottom": 8})
        .configure_view(stroke=None)
        .configure_title(fontSize=15, subtitleFontSize=12, offset=14, fontWeight=600)
        .configure_axis(
            labelColor=MUTED_COLOUR,
            titleColor=TEXT_COLOUR,
            gridColor=GRID_COLOUR,
            domainColor="#9ca3af",
            tickColor="#9ca3af",
            labelFontSize=11,
            titleFontSize=12,
            titleFontWeight=500,
        )
        .configure_legend(
            labelFontSize=11, titleFontSize=12, titleColor=TEXT_COLOUR, labelColor=TEXT_COLOUR, labelLimit=300
        )
        .configure_header(labelFontSize=13, labelColor=TEXT_COLOUR, labelFontWeight=600)
    )
    config: dict[str, Any] = chart.to_dict(validate=False)["config"]
    return config


CONFIG = _config()


def _finish(chart: Any, title: str, subtitle: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    """The spec of ``chart`` (whose data is :data:`ROWS`) with its title, the shared config and ``values``."""
    chart = chart.properties(
        title=alt.TitleParams(title, subtitle=subtitle, anchor="start", color=TEXT_COLOUR, subtitleColor=MUTED_COLOUR)
    )
    # No schema validation per request: it took ~1 s of every /v1/report (jsonschema over 7 charts) while the
    # specs only change with this module; tests/traffic/test_charts.py validates every section instead.
    spec: dict[str, Any] = chart.to_dict(validate=False)
    spec["config"] = copy.deepcopy(CONFIG)
    spec["datasets"] = {INLINE_DATA: values}
    return spec


def _no_data(title: str, message: str) -> dict[str, Any]:
    chart = (
        alt.Chart(ROWS)
        .mark_text(fontSize=13, color=MUTED_COLOUR)
        .encode(text="text:N")
        .properties(width=WIDTH, height=60)
    )
    return _finish(chart, title, "", [{"text": message}])


def category_share_chart(data: ReportData, weight: str) -> ChartSpec:
    """Stacked shares of each category per bucket, by requests or by tokens."""
    bucket = data.bucket
    table = data.tables["category_share"].frame
    share_column = "request_share" if weight == "requests" else "token_share"
    rank = {c: i for i, c in enumerate(data.category_order)}
    bucket_requests = table.groupby(bucket)["requests"].sum()
    values = [
        {
            bucket: iso(row[bucket]),
            "category": category_name(row["category"]),
            # No calls in the bucket: no share either, so the area breaks (a gap) rather than dropping to 0.
            "share": float(row[share_column]) if bucket_requests[row[bucket]] else None,
            "requests": int(row["requests"]),
            "tokens": int(row["tokens"]),
            "rank": rank[row["category"]],
        }
        for row in table.to_dict("records")
    ]
    # An area needs two points; with fewer buckets, stacked bars say the same thing.
    mark = (
        alt.Chart(ROWS).mark_area(opacity=0.92, line={"strokeWidth": 0.6, "color": "white"})
        if data.bucket_count >= 3
        else alt.Chart(ROWS).mark_bar()
    )
    noun = "requests" if weight == "requests" else "tokens"
    chart = mark.encode(
        x=_time_x(data),
        y=alt.Y(
            "share:Q", stack="zero", title=f"Share of {noun}", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
        ),
        color=alt.Color(
            "category:N",
            scale=_category_scale(data.category_order),
            legend=alt.Legend(title="Category", symbolType="square"),
        ),
        order=alt.Order("rank:Q", sort="ascending"),
        tooltip=[
            _time_tooltip(data),
            alt.Tooltip("category:N", title="Category"),
            alt.Tooltip("share:Q", title=f"Share of {noun}", format=".1%"),
            alt.Tooltip("requests:Q", title="Requests", format=","),
            alt.Tooltip("tokens:Q", title="Tokens", format=","),
        ],
    ).properties(width=WIDTH, height=HEIGHT)
    title = f"Category share of {noun} per {bucket}"
    subtitle = (
        "Requests per category, as a share of all requests in the " + bucket
        if weight == "requests"
        else "Prompt + completion tokens per category, as a share of all tokens in the " + bucket
    )
    return ChartSpec(f"category_share_{weight}", title, _finish(chart, title, subtitle, values))


def _share_lines(data: ReportData, values: list[dict[str, Any]], series: list[str], colours: list[str]) -> Any:
    upper = max([0.1, *(v["share"] for v in values if v["share"] is not None)])
    return (
        alt.Chart(ROWS)
        .mark_line(point=alt.OverlayMarkDef(size=40, filled=True), strokeWidth=2.2)
        .encode(
            x=_time_x(data),
            # At least 0-10%, so that a series stuck at zero still gets a readable axis.
            y=alt.Y("share:Q", title="Share", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, upper], nice=True)),
            color=alt.Color(
                "series:N",
                scale=alt.Scale(domain=series, range=colours),
                legend=alt.Legend(title=None, orient="top", labelLimit=400),
            ),
            tooltip=[
                _time_tooltip(data),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("part:Q", title="Count", format=","),
                alt.Tooltip("whole:Q", title="Out of", format=","),
            ],
        )
        .properties(width=WIDTH, height=HEIGHT - 40)
    )


def reasoning_share_chart(data: ReportData) -> ChartSpec:
    """Reasoning-heavy share of requests and tokens per bucket, and reasoning tokens as a share of completion tokens."""
    bucket = data.bucket
    table = data.tables["reasoning_share"].frame
    title = f"Reasoning-heavy share per {bucket}"
    series: list[tuple[str, str, str, str]] = []
    if data.has_reasoning_labels:
        series += [
            ("Reasoning-heavy requests", "reasoning_heavy_requests", "requests", "#b07aa1"),
            ("Tokens in reasoning-heavy calls", "reasoning_heavy_tokens", "tokens", "#4e79a7"),
        ]
    if data.totals["reasoning_tokens"] > 0:
        series.append(("Reasoning tokens / completion tokens", "reasoning_tokens", "completion_tokens", "#f28e2b"))
    if not series:
        return ChartSpec(
            "reasoning_share", title, _no_data(title, "No reasoning-heavy labels or reasoning tokens in these calls")
        )
    values = []
    for row in table.to_dict("records"):
        for name, part, whole, _ in series:
            values.append(
                {
                    bucket: iso(row[bucket]),
                    "series": name,
                    "share": _share_or_gap(row[part], row[whole]),
                    "part": int(row[part]),
                    "whole": int(row[whole]),
                }
            )
    chart = _share_lines(data, values, [s[0] for s in series], [s[3] for s in series])
    subtitle = "Calls the classifier marks as needing multi-step reasoning; and the reasoning tokens providers report"
    return ChartSpec("reasoning_share", title, _finish(chart, title, subtitle, values))


def tool_share_chart(data: ReportData) -> ChartSpec:
    """Share of requests that offered tools and that got a tool call back, per bucket."""
    bucket = data.bucket
    table = data.tables["tool_share"].frame
    series = [
        ("Tools offered", "tools_offered_requests", "#59a14f"),
        ("Tool call made", "tool_call_requests", "#e15759"),
    ]
    values = [
        {
            bucket: iso(row[bucket]),
            "series": name,
            "share": _share_or_gap(row[part], row["requests"]),
            "part": int(row[part]),
            "whole": int(row["requests"]),
        }
        for row in table.to_dict("records")
        for name, part, _ in series
    ]
    chart = _share_lines(data, values, [s[0] for s in series], [s[2] for s in series])
    title = f"Tool calling per {bucket}"
    subtitle = "Share of requests that offered the model tools, and that got a tool call back"
    return ChartSpec("tool_share", title, _finish(chart, title, subtitle, values))


def token_trends_chart(data: ReportData) -> ChartSpec:
    """Mean and median prompt and completion tokens per request, per bucket."""
    bucket = data.bucket
    table = data.tables["token_trends"].frame
    values = [
        {bucket: iso(row[bucket]), "kind": kind, "stat": stat, "tokens": _number_or_gap(row[f"{prefix}_{suffix}"])}
        for row in table.to_dict("records")
        for kind, prefix in (("Prompt", "prompt_tokens"), ("Completion", "completion_tokens"))
        for stat, suffix in (("Mean", "mean"), ("Median", "median"))
    ]
    chart = (
        alt.Chart(ROWS)
        .mark_line(point=alt.OverlayMarkDef(size=30, filled=True), strokeWidth=2)
        .encode(
            x=_time_x(data),
            y=alt.Y("tokens:Q", title="Tokens per request", axis=alt.Axis(format=",d")),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=["Prompt", "Completion"], range=[PROMPT_COLOUR, COMPLETION_COLOUR]),
                legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeWidth=3),
            ),
            strokeDash=alt.StrokeDash(
                "stat:N",
                scale=alt.Scale(domain=["Mean", "Median"], range=[[1, 0], [5, 3]]),
                legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeColor=MUTED_COLOUR),
            ),
            tooltip=[
                _time_tooltip(data),
                alt.Tooltip("kind:N", title="Tokens"),
                alt.Tooltip("stat:N", title="Statistic"),
                alt.Tooltip("tokens:Q", title="Tokens per request", format=",.0f"),
            ],
        )
        .properties(width=WIDTH, height=HEIGHT - 20)
    )
    title = f"Prompt and completion length per {bucket}"
    subtitle = "Tokens per request: mean (solid) and median (dashed)"
    return ChartSpec("token_trends", title, _finish(chart, title, subtitle, values))


def tokens_by_category_chart(data: ReportData) -> ChartSpec:
    """Mean (bar) and median (tick) prompt and completion tokens per request, by category."""
    table = data.tables["tokens_by_category"].frame
    order = [category_name(c) for c in data.category_order]
    values = [
        {
            "category": category_name(row["category"]),
            "kind": kind,
            "mean": float(row[f"{prefix}_mean"]),
            "median": float(row[f"{prefix}_median"]),
            "requests": int(row["requests"]),
        }
        for row in table.to_dict("records")
        for kind, prefix in (("Prompt", "prompt_tokens"), ("Completion", "completion_tokens"))
    ]
    base = alt.Chart().encode(y=alt.Y("category:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("category:N", title="Category"),
        alt.Tooltip("kind:N", title="Tokens"),
        alt.Tooltip("mean:Q", title="Mean", format=",.0f"),
        alt.Tooltip("median:Q", title="Median", format=",.0f"),
        alt.Tooltip("requests:Q", title="Requests", format=","),
    ]
    bars = base.mark_bar(cornerRadiusEnd=2, height={"band": 0.75}).encode(
        x=alt.X("mean:Q", title="Tokens per request", axis=alt.Axis(format=",d")),
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=["Prompt", "Completion"], range=[PROMPT_COLOUR, COMPLETION_COLOUR]),
            legend=None,
        ),
        tooltip=tooltip,
    )
    ticks = base.mark_tick(color=TEXT_COLOUR, thickness=2.5, size=14).encode(x="median:Q", tooltip=tooltip)
    chart = (
        alt.layer(bars, ticks, data=ROWS)
        .properties(width=300, height=alt.Step(20))
        .facet(column=alt.Column("kind:N", sort=["Prompt", "Completion"], title=None))
        .resolve_scale(x="independent")
    )
    title = "Prompt and completion length by category"
    subtitle = "Bars: mean tokens per request; dark ticks: median"
    return ChartSpec("tokens_by_category", title, _finish(chart, title, subtitle, values))


def language_mix_chart(data: ReportData, weight: str) -> ChartSpec:
    """Share of requests (or tokens) by language, largest first."""
    table = data.tables["language_mix"].frame
    share_column = "request_share" if weight == "requests" else "token_share"
    top = table.sort_values([share_column, "language"], ascending=[False, True]).head(MAX_LANGUAGES)
    values = [
        {
            "language": language_name(row["language"]),
            "share": float(row[share_column]),
            "requests": int(row["requests"]),
            "tokens": int(row["tokens"]),
        }
        for row in top.to_dict("records")
    ]
    order = [str(v["language"]) for v in values]
    noun = "requests" if weight == "requests" else "tokens"
    base = alt.Chart().encode(
        y=alt.Y("language:N", sort=order, title=None),
        x=alt.X("share:Q", title=f"Share of {noun}", axis=alt.Axis(format="%")),
    )
    bars = base.mark_bar(color="#4e79a7", cornerRadiusEnd=2, height={"band": 0.7}).encode(
        tooltip=[
            alt.Tooltip("language:N", title="Language"),
            alt.Tooltip("share:Q", title=f"Share of {noun}", format=".1%"),
            alt.Tooltip("requests:Q", title="Requests", format=","),
            alt.Tooltip("tokens:Q", title="Tokens", format=","),
        ]
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=TEXT_COLOUR).encode(
        text=alt.Text("share:Q", format=".1%")
    )
    chart = alt.layer(bars, labels, data=ROWS).properties(width=WIDTH - 120, height=alt.Step(22))
    more = f" (top {MAX_LANGUAGES} of {len(table)})" if len(table) > MAX_LANGUAGES else ""
    title = "Language mix"
    subtitle = f"Share of {noun} by the language of the user's last turn{more}"
    return ChartSpec("language_mix", title, _finish(chart, title, subtitle, values))


def model_category_chart(data: ReportData, weight: str) -> ChartSpec:
    """Heatmap: each model's share of tokens (or requests) by category; rows sum to 100%."""
    table = data.tables["model_category"].frame
    share_column = "token_share" if weight == "tokens" else "request_share"
    models = data.model_order[:MAX_MODELS]
    used = set(table.loc[table["requests"] > 0, "category"])
    categories = [c for c in data.category_order if c in used]
    names = [category_name(c) for c in categories]
    shown = table[table["model"].isin(models) & table["category"].isin(categories)]
    values = [
        {
            "model": row["model"],
            "category": category_name(row["category"]),
            "share": float(row[share_column]),
            "requests": int(row["requests"]),
            "tokens": int(row["tokens"]),
        }
        for row in shown.to_dict("records")
    ]
    noun = "tokens" if weight == "tokens" else "requests"
    base = alt.Chart().encode(
        x=alt.X("category:N", sort=names, title=None, axis=alt.Axis(labelAngle=-35, orient="top", labelLimit=140)),
        y=alt.Y("model:N", sort=models, title=None, axis=alt.Axis(labelLimit=200)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=2).encode(
        # An empty cell stays grey, so that "none" does not read as "a little".
        color=alt.condition(
            "datum.share == 0",
            alt.value("#f3f4f6"),
            alt.Color(
                "share:Q",
                scale=alt.Scale(scheme="blues", domainMin=0),
                # Below the grid, across: on the right a tall gradient outgrew a grid of few models, and a grid of
                # many categories pushed it out of the page's width.
                legend=alt.Legend(
                    title=f"Share of the model's {noun}",
                    format="%",
                    orient="bottom",
                    direction="horizontal",
                    gradientLength=min(240, 50 * max(1, len(categories))),
                    titleLimit=400,
                ),
            ),
        ),
        tooltip=[
            alt.Tooltip("model:N", title="Model"),
            alt.Tooltip("category:N", title="Category"),
            alt.Tooltip("share:Q", title=f"Share of the model's {noun}", format=".1%"),
            alt.Tooltip("requests:Q", title="Requests", format=","),
            alt.Tooltip("tokens:Q", title="Tokens", format=","),
        ],
    )
    top_share = max((v["share"] for v in values), default=1.0) or 1.0
    text = (
        base.mark_text(fontSize=10.5)
        .encode(
            text=alt.Text("share:Q", format=".0%"),
            color=alt.condition(f"datum.share > {top_share * 0.55:.4f}", alt.value("white"), alt.value(TEXT_COLOUR)),
        )
        .transform_filter("datum.share >= 0.005")
    )
    chart = alt.layer(cells, text, data=ROWS).properties(width=alt.Step(50), height=alt.Step(30))
    more = f"; top {MAX_MODELS} models of {len(data.model_order)}" if len(data.model_order) > MAX_MODELS else ""
    title = "Model by category"
    subtitle = f"Share of each model's {noun} by category (each row sums to 100%{more})"
    return ChartSpec("model_category", title, _finish(chart, title, subtitle, values))


def sections(
    data: ReportData,
    category_weights: tuple[str, ...] = ("requests", "tokens"),
    heatmap_weight: str = "tokens",
    language_weight: str = "requests",
) -> list[Section]:
    """Every section of the report (or the dashboard) with its charts and tables, in reading order.

    The report shows the category mix by requests and by tokens and the model
    heatmap by tokens; the dashboard passes the one weight its user picked.
    """
    # Altair validates every object it builds in its debug mode (on by default): a third of the chart time of
    # each /v1/report. The specs are validated by tests/traffic/test_charts.py instead.
    with debug_mode(False):
        return _sections(data, category_weights, heatmap_weight, language_weight)


def _sections(
    data: ReportData, category_weights: tuple[str, ...], heatmap_weight: str, language_weight: str
) -> list[Section]:
    b = data.bucket
    return [
        Section(
            "category_mix",
            "Category mix",
            f"What the calls are about, per {b}: each category's share of requests and of tokens.",
            [category_share_chart(data, weight) for weight in category_weights],
            ["category_share"],
        ),
        Section(
            "reasoning",
            "Reasoning load",
            f"Share of calls that need multi-step reasoning, per {b}.",
            [reasoning_share_chart(data)],
            ["reasoning_share"],
        ),
        Section(
            "tools",
            "Tool calling",
            f"Share of requests that offered tools, and that made a tool call, per {b}.",
            [tool_share_chart(data)],
            ["tool_share"],
        ),
        Section(
            "length",
            "Prompt and completion length",
            "Tokens per request over time and by category (from usage when logged, estimated otherwise).",
            [token_trends_chart(data), tokens_by_category_chart(data)],
            ["token_trends", "tokens_by_category"],
        ),
        Section(
            "languages",
            "Languages",
            "The language of the user's last turn.",
            [language_mix_chart(data, language_weight)],
            ["language_mix"],
        ),
        Section(
            "models",
            "Models",
            "Which categories each model serves, and each model's top categories.",
            [model_category_chart(data, heatmap_weight)],
            ["model_top_categories", "model_category"],
        ),
    ]
