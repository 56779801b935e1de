"""Aggregate report rows into the tables behind every chart, and write the main findings.

One row per call goes in (see :data:`traffic.logs.ROW_FIELDS`); out come
named tables (pandas frames with column labels and formats, written as the
report's count tables and CSV files) and a few sentences on what stands out.
Time buckets are UTC hours, days or Monday-based weeks, as in the event store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

from classifier.taxonomy import abstain_label, load_taxonomy
from traffic.timeutil import BUCKET_TITLES, check_bucket

TOP_CATEGORIES_PER_MODEL = 3
# Written findings speak only of groups with at least this many requests: a trend, a mix shift, the longest
# prompts or a model's main category drawn from one or two calls would be noise stated as fact.
MIN_FINDING_SUPPORT = 10
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "und": "Undetermined",
}


@dataclass(frozen=True)
class Column:
    """A table column: its key in the frame, its heading, and how to show its values.

    Formats: ``text``, ``int``, ``num`` (one decimal), ``pct`` (a 0–1 share),
    ``date``, ``datetime``, ``category`` and ``language`` (ids shown by name).
    """

    key: str
    label: str
    format: str = "text"


@dataclass
class Table:
    """One table of counts, in the column order it is shown and written in."""

    name: str
    title: str
    columns: list[Column]
    frame: pd.DataFrame

    def json_rows(self) -> list[list[Any]]:
        """Rows as JSON values (bucket starts as ISO 8601 UTC strings)."""
        out = []
        for values in self.frame[[c.key for c in self.columns]].itertuples(index=False, name=None):
            out.append([_json_value(v) for v in values])
        return out

    def csv_frame(self) -> pd.DataFrame:
        """The frame as written to CSV: dates as ISO strings, ids as ids."""
        frame = self.frame[[c.key for c in self.columns]].copy()
        for column in self.columns:
            if column.format == "date":
                frame[column.key] = frame[column.key].dt.strftime("%Y-%m-%d")
            elif column.format == "datetime":
                frame[column.key] = frame[column.key].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        return frame


def _json_value(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.tz_convert(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


@dataclass
class ReportData:
    """Everything the charts, the findings and the HTML need, computed once."""

    bucket: str
    tables: dict[str, Table]
    totals: dict[str, Any]
    category_order: list[str]
    model_order: list[str]
    has_reasoning_labels: bool
    start: datetime | None = None
    end: datetime | None = None
    bucket_count: int = 0
    findings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """No call in the data."""
        return self.totals["requests"] == 0


def category_name(label: str) -> str:
    """The taxonomy's display name of a category label (the label itself when unknown)."""
    if label == abstain_label("category"):
        return "Other (unsure)"
    labels = load_taxonomy()["dimensions"].get("category", {}).get("labels", {})
    return str(labels.get(label, {}).get("name", label))


def language_name(code: str) -> str:
    """An ISO 639-1 code's English name, with the code (``Spanish (es)``)."""
    name = LANGUAGE_NAMES.get(code)
    if code == "und":
        return "Undetermined"
    return f"{name} ({code})" if name else code


def rows_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of report rows, with UTC timestamps and a ``tokens`` column (prompt + completion)."""
    from traffic.logs import ROW_FIELDS

    frame = pd.DataFrame(list(rows), columns=list(ROW_FIELDS))
    frame["ts"] = pd.to_datetime(frame["ts"], utc=True)
    for column in ("prompt_tokens", "completion_tokens", "reasoning_tokens", "turns"):
        frame[column] = frame[column].fillna(0).astype("int64")
    for column in ("tools_offered", "tool_call", "has_code"):
        frame[column] = frame[column].fillna(False).astype(bool)
    for column in ("model", "app"):
        frame[column] = frame[column].fillna("unknown").astype(str)
    frame["category"] = frame["category"].fillna(abstain_label("category")).astype(str)
    frame["language"] = frame["language"].fillna("und").astype(str)
    frame["tokens"] = frame["prompt_tokens"] + frame["completion_tokens"]
    return frame


def bucket_starts(ts: pd.Series, bucket: str) -> pd.Series:
    """The UTC start of each timestamp's hour, day or Monday-based week."""
    check_bucket(bucket)
    if bucket == "hour":
        return ts.dt.floor("h")
    day = ts.dt.floor("D")
    if bucket == "day":
        return day
    return day - pd.to_timedelta(day.dt.weekday, unit="D")


def bucket_range(first: pd.Timestamp, last: pd.Timestamp, bucket: str) -> list[pd.Timestamp]:
    """Every bucket start from ``first``'s bucket to ``last``'s, empty ones included."""
    check_bucket(bucket)
    step = {"hour": "h", "day": "D", "week": "7D"}[bucket]
    return list(pd.date_range(first, last, freq=step))


def count_buckets(frame: pd.DataFrame, bucket: str) -> int:
    """How many buckets the rows span, from the first to the last, empty ones included (what a chart draws)."""
    if frame.empty:
        return 0
    starts = bucket_starts(frame["ts"], bucket)
    return len(bucket_range(starts.min(), starts.max(), bucket))


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).round(6)


@dataclass
class Aggregates:
    """The grouped counts every table is built from: from report rows (:func:`row_aggregates`) or from the
    event store's GROUP BY queries (:func:`store_aggregates`), so that both give the same report.

    ``cube`` has one row per (bucket, category, reasoning_heavy, tools_offered, tool_call) with ``requests``
    and token sums; ``model_category`` per (model, category) and ``languages`` per language, with
    ``requests`` and ``tokens``; the medians are per bucket, per category and overall.
    """

    cube: pd.DataFrame
    model_category: pd.DataFrame
    languages: pd.DataFrame
    bucket_medians: pd.DataFrame  # index: bucket start; columns prompt_tokens_median, completion_tokens_median
    category_medians: pd.DataFrame  # index: category; the same columns
    prompt_tokens_median: float
    completion_tokens_median: float
    apps: int
    start: datetime | None
    end: datetime | None


_CUBE_KEYS = ("category", "reasoning_heavy", "tools_offered", "tool_call")
_SUMS = ("prompt_tokens", "completion_tokens", "reasoning_tokens")
_MEDIANS = ("prompt_tokens_median", "completion_tokens_median")


def row_aggregates(frame: pd.DataFrame, bucket: str) -> Aggregates:
    """:class:`Aggregates` of a frame of :func:`rows_frame` (one row per call)."""
    b = bucket
    frame = frame.assign(**{b: bucket_starts(frame["ts"], bucket)}) if not frame.empty else frame.assign(**{b: []})
    cube = (
        frame.groupby([b, *_CUBE_KEYS], dropna=False)
        .agg(requests=("ts", "size"), **{name: (name, "sum") for name in _SUMS})
        .reset_index()
    )
    medians = {
        "prompt_tokens_median": ("prompt_tokens", "median"),
        "completion_tokens_median": ("completion_tokens", "median"),
    }
    return Aggregates(
        cube=cube,
        model_category=frame.groupby(["model", "category"])
        .agg(requests=("ts", "size"), tokens=("tokens", "sum"))
        .reset_index(),
        languages=frame.groupby("language").agg(requests=("ts", "size"), tokens=("tokens", "sum")).reset_index(),
        bucket_medians=frame.groupby(b).agg(**medians),
        category_medians=frame.groupby("category").agg(**medians),
        prompt_tokens_median=float(frame["prompt_tokens"].median()) if not frame.empty else 0.0,
        completion_tokens_median=float(frame["completion_tokens"].median()) if not frame.empty else 0.0,
        apps=int(frame["app"].nunique()),
        start=frame["ts"].min().to_pydatetime() if not frame.empty else None,
        end=frame["ts"].max().to_pydatetime() if not frame.empty else None,
    )


def store_aggregates(agg: Any, bucket: str) -> Aggregates:
    """:class:`Aggregates` from the event store's aggregation (:class:`traffic.store.ReportAggregates`)."""
    from traffic.store import clamp_int
    from traffic.timeutil import bucket_start

    other = abstain_label("category")
    starts: dict[Any, pd.Timestamp] = {}

    def start_of(number: Any) -> pd.Timestamp:
        if number not in starts:
            starts[number] = pd.Timestamp(bucket_start(bucket, int(number)))
        return starts[number]

    # Column at a time, not row at a time: the cube has tens of thousands of rows at 1M events.
    names = ["number", *_CUBE_KEYS, "model", "language", "requests", *_SUMS]
    fine = pd.DataFrame.from_records(agg.cube, columns=names) if agg.cube else pd.DataFrame(columns=names)
    numbers = fine.pop("number")
    fine.insert(0, bucket, numbers.map({n: start_of(n) for n in numbers.unique()}).astype("datetime64[ns, UTC]"))
    for column, missing in (("category", other), ("model", "unknown"), ("language", "und")):
        values = fine[column]
        fine[column] = values.where(values.notna() & (values != ""), missing)  # as `value or missing`
    for flag in ("tools_offered", "tool_call"):
        fine[flag] = fine[flag].astype(bool)
    for column in ("requests", *_SUMS):
        values = fine[column]
        # Ints from the rollups (at most 2**62 as stored); floats (SQLite's TOTAL) or Decimals (PostgreSQL's SUM)
        # from the raw path, clamped one by one.
        fine[column] = values if values.dtype == "int64" else values.map(clamp_int).astype("int64")
    fine["tokens"] = fine["prompt_tokens"] + fine["completion_tokens"]
    cube = fine.groupby([bucket, *_CUBE_KEYS], dropna=False, as_index=False)[["requests", *_SUMS]].sum()

    def medians(pairs: dict[str, list[tuple[Any, float]]], key: Any) -> pd.DataFrame:
        return pd.DataFrame(
            {
                f"{kind}_tokens_median": pd.Series({key(k): v for k, v in pairs.get(kind, [])}, dtype="float64")
                for kind in ("prompt", "completion")
            },
            columns=list(_MEDIANS),
        )

    return Aggregates(
        cube=cube,
        model_category=fine.groupby(["model", "category"], as_index=False)[["requests", "tokens"]].sum(),
        languages=fine.groupby("language", as_index=False)[["requests", "tokens"]].sum(),
        bucket_medians=medians(agg.bucket_medians, start_of),
        category_medians=medians(agg.category_medians, lambda c: c or other),
        prompt_tokens_median=agg.overall_medians.get("prompt", 0.0),
        completion_tokens_median=agg.overall_medians.get("completion", 0.0),
        apps=agg.apps,
        start=agg.start,
        end=agg.end,
    )


def build_report_data(frame: pd.DataFrame, bucket: str = "week") -> ReportData:
    """Compute every table, the totals and the findings from a frame of :func:`rows_frame`."""
    check_bucket(bucket)
    return build_report_from_aggregates(row_aggregates(frame, bucket), bucket)


def _order(counts: pd.Series, last: str | None = None) -> list[str]:
    ordered = sorted(counts.index, key=lambda v: (-counts[v], str(v)))
    if last is not None and last in ordered:
        ordered.remove(last)
        ordered.append(last)
    return [str(v) for v in ordered]


def build_report_from_aggregates(agg: Aggregates, bucket: str = "week") -> ReportData:
    """Compute every table, the totals and the findings from grouped counts (:class:`Aggregates`)."""
    check_bucket(bucket)
    b = bucket
    cube = agg.cube.assign(tokens=agg.cube["prompt_tokens"] + agg.cube["completion_tokens"])
    other = abstain_label("category")
    category_order = _order(cube.groupby("category")["requests"].sum(), last=other)
    model_order = _order(agg.model_category.groupby("model")["tokens"].sum())
    # Every bucket of the span, empty ones too: a week without calls is a gap in the charts (and zero requests
    # in the tables), not a line drawn straight from the week before to the week after.
    buckets = bucket_range(cube[b].min(), cube[b].max(), bucket) if not cube.empty else []
    bucket_format = "datetime" if bucket == "hour" else "date"
    bucket_column = Column(b, BUCKET_TITLES[bucket], bucket_format)
    heavy = cube["reasoning_heavy"].eq("yes")
    has_reasoning = bool(cube["reasoning_heavy"].notna().any())
    tables: dict[str, Table] = {}

    # 1. Category share per bucket, by requests and by tokens; every category in every bucket (0 when absent),
    # so that stacked areas do not interpolate over missing points.
    grid = pd.MultiIndex.from_product([buckets, category_order], names=[b, "category"])
    per_category = (
        cube.groupby([b, "category"])[["requests", "tokens"]].sum().reindex(grid, fill_value=0)
    ).reset_index()
    bucket_totals = per_category.groupby(b)[["requests", "tokens"]].transform("sum")
    per_category["request_share"] = _share(per_category["requests"], bucket_totals["requests"])
    per_category["token_share"] = _share(per_category["tokens"], bucket_totals["tokens"])
    tables["category_share"] = Table(
        "category_share",
        f"Requests and tokens by category per {bucket}",
        [
            bucket_column,
            Column("category", "Category", "category"),
            Column("requests", "Requests", "int"),
            Column("request_share", "Share of requests", "pct"),
            Column("tokens", "Tokens", "int"),
            Column("token_share", "Share of tokens", "pct"),
        ],
        per_category,
    )

    weighted = cube.assign(
        heavy=cube["requests"].where(heavy, 0),
        heavy_tokens=cube["tokens"].where(heavy, 0),
        offered=cube["requests"].where(cube["tools_offered"].astype(bool), 0),
        called=cube["requests"].where(cube["tool_call"].astype(bool), 0),
    )
    per_bucket = (
        weighted.groupby(b)
        .agg(
            requests=("requests", "sum"),
            reasoning_heavy_requests=("heavy", "sum"),
            tokens=("tokens", "sum"),
            reasoning_heavy_tokens=("heavy_tokens", "sum"),
            completion_tokens=("completion_tokens", "sum"),
            reasoning_tokens=("reasoning_tokens", "sum"),
            tools_offered_requests=("offered", "sum"),
            tool_call_requests=("called", "sum"),
            prompt_tokens=("prompt_tokens", "sum"),
        )
        .join(agg.bucket_medians)
        .reindex(pd.Index(buckets, name=b))
        .reset_index()
    )
    # Counts in an empty bucket are 0; its means and medians stay NaN (undefined, shown as a gap or "–").
    for column in per_bucket.columns:
        if column != b and not column.endswith(("_mean", "_median")):
            per_bucket[column] = per_bucket[column].fillna(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_bucket["prompt_tokens_mean"] = per_bucket["prompt_tokens"] / per_bucket["requests"].replace(0, np.nan)
        per_bucket["completion_tokens_mean"] = per_bucket["completion_tokens"] / per_bucket["requests"].replace(
            0, np.nan
        )
    for column in (
        "requests",
        "tokens",
        "completion_tokens",
        "reasoning_tokens",
        "prompt_tokens",
        "reasoning_heavy_requests",
        "reasoning_heavy_tokens",
        "tools_offered_requests",
        "tool_call_requests",
    ):
        per_bucket[column] = per_bucket[column].astype("int64")

    # 2. Reasoning-heavy share per bucket.
    reasoning = per_bucket[
        [b, "requests", "reasoning_heavy_requests", "tokens", "reasoning_heavy_tokens", "completion_tokens"]
    ].copy()
    reasoning["reasoning_tokens"] = per_bucket["reasoning_tokens"]
    reasoning["request_share"] = _share(reasoning["reasoning_heavy_requests"], reasoning["requests"])
    reasoning["token_share"] = _share(reasoning["reasoning_heavy_tokens"], reasoning["tokens"])
    reasoning["reasoning_token_share"] = _share(reasoning["reasoning_tokens"], reasoning["completion_tokens"])
    tables["reasoning_share"] = Table(
        "reasoning_share",
        f"Reasoning-heavy calls per {bucket}",
        [
            bucket_column,
            Column("requests", "Requests", "int"),
            Column("reasoning_heavy_requests", "Reasoning-heavy requests", "int"),
            Column("request_share", "Share of requests", "pct"),
            Column("tokens", "Tokens", "int"),
            Column("reasoning_heavy_tokens", "Reasoning-heavy tokens", "int"),
            Column("token_share", "Share of tokens", "pct"),
            Column("completion_tokens", "Completion tokens", "int"),
            Column("reasoning_tokens", "Reasoning tokens (usage)", "int"),
            Column("reasoning_token_share", "Reasoning / completion tokens", "pct"),
        ],
        reasoning,
    )

    # 3. Tool calling per bucket.
    tools = per_bucket[[b, "requests", "tools_offered_requests", "tool_call_requests"]].copy()
    tools["tools_offered_share"] = _share(tools["tools_offered_requests"], tools["requests"])
    tools["tool_call_share"] = _share(tools["tool_call_requests"], tools["requests"])
    tables["tool_share"] = Table(
        "tool_share",
        f"Tool calling per {bucket}",
        [
            bucket_column,
            Column("requests", "Requests", "int"),
            Column("tools_offered_requests", "Tools offered", "int"),
            Column("tools_offered_share", "Share with tools offered", "pct"),
            Column("tool_call_requests", "Tool calls made", "int"),
            Column("tool_call_share", "Share with a tool call", "pct"),
        ],
        tools,
    )

    # 4. Prompt and completion length per bucket and per category.
    length_columns = [
        Column("requests", "Requests", "int"),
        Column("prompt_tokens", "Prompt tokens", "int"),
        Column("prompt_tokens_mean", "Prompt mean", "num"),
        Column("prompt_tokens_median", "Prompt median", "num"),
        Column("completion_tokens", "Completion tokens", "int"),
        Column("completion_tokens_mean", "Completion mean", "num"),
        Column("completion_tokens_median", "Completion median", "num"),
    ]
    trends = per_bucket[[b] + [c.key for c in length_columns]].copy()
    tables["token_trends"] = Table(
        "token_trends", f"Prompt and completion tokens per {bucket}", [bucket_column, *length_columns], _round(trends)
    )
    by_category = (
        cube.groupby("category")[["requests", "prompt_tokens", "completion_tokens"]]
        .sum()
        .join(agg.category_medians)
        .reindex(category_order)
    )
    by_category["prompt_tokens_mean"] = by_category["prompt_tokens"] / by_category["requests"]
    by_category["completion_tokens_mean"] = by_category["completion_tokens"] / by_category["requests"]
    by_category = by_category.rename_axis("category").reset_index()
    tables["tokens_by_category"] = Table(
        "tokens_by_category",
        "Prompt and completion tokens by category",
        [Column("category", "Category", "category"), *length_columns],
        _round(by_category),
    )

    # 5. Language mix.
    languages = agg.languages[["language", "requests", "tokens"]].copy()
    languages["request_share"] = _share(languages["requests"], pd.Series(languages["requests"].sum(), languages.index))
    languages["token_share"] = _share(languages["tokens"], pd.Series(languages["tokens"].sum(), languages.index))
    languages = languages.sort_values(["requests", "language"], ascending=[False, True], ignore_index=True)
    tables["language_mix"] = Table(
        "language_mix",
        "Language mix (of the user's last turn)",
        [
            Column("language", "Language", "language"),
            Column("requests", "Requests", "int"),
            Column("request_share", "Share of requests", "pct"),
            Column("tokens", "Tokens", "int"),
            Column("token_share", "Share of tokens", "pct"),
        ],
        languages,
    )

    # 6. Model by category, with shares within each model; and each model's top categories by tokens.
    model_grid = pd.MultiIndex.from_product([model_order, category_order], names=["model", "category"])
    by_model = (
        agg.model_category.groupby(["model", "category"])[["requests", "tokens"]]
        .sum()
        .reindex(model_grid, fill_value=0)
        .reset_index()
    )
    model_totals = by_model.groupby("model")[["requests", "tokens"]].transform("sum")
    by_model["request_share"] = _share(by_model["requests"], model_totals["requests"])
    by_model["token_share"] = _share(by_model["tokens"], model_totals["tokens"])
    tables["model_category"] = Table(
        "model_category",
        "Requests and tokens by model and category (shares within each model)",
        [
            Column("model", "Model"),
            Column("category", "Category", "category"),
            Column("requests", "Requests", "int"),
            Column("request_share", "Share of the model's requests", "pct"),
            Column("tokens", "Tokens", "int"),
            Column("token_share", "Share of the model's tokens", "pct"),
        ],
        by_model,
    )
    tables["model_top_categories"] = _top_categories(by_model, model_order)

    totals = {
        "requests": int(cube["requests"].sum()),
        "tokens": int(cube["tokens"].sum()),
        "prompt_tokens": int(cube["prompt_tokens"].sum()),
        "completion_tokens": int(cube["completion_tokens"].sum()),
        "reasoning_tokens": int(cube["reasoning_tokens"].sum()),
        "models": len(model_order),
        "apps": agg.apps,
        "buckets": len(buckets),
        "prompt_tokens_median": agg.prompt_tokens_median,
        "completion_tokens_median": agg.completion_tokens_median,
    }
    data = ReportData(
        bucket=bucket,
        tables=tables,
        totals=totals,
        category_order=category_order,
        model_order=model_order,
        has_reasoning_labels=has_reasoning,
        start=agg.start,
        end=agg.end,
        bucket_count=len(buckets),
    )
    data.findings = findings(data) if not cube.empty else []
    return data


def _round(frame: pd.DataFrame) -> pd.DataFrame:
    for column in frame.columns:
        if column.endswith(("_mean", "_median")):
            frame[column] = frame[column].astype(float).round(2)
    return frame


def _top_categories(by_model: pd.DataFrame, model_order: list[str]) -> Table:
    rows = []
    for model in model_order:
        members = by_model[(by_model["model"] == model) & (by_model["tokens"] > 0)]
        members = members.sort_values(["tokens", "requests"], ascending=False)
        row: dict[str, Any] = {
            "model": model,
            "requests": int(by_model.loc[by_model["model"] == model, "requests"].sum()),
            "tokens": int(by_model.loc[by_model["model"] == model, "tokens"].sum()),
        }
        for rank in range(1, TOP_CATEGORIES_PER_MODEL + 1):
            if rank <= len(members):
                member = members.iloc[rank - 1]
                row[f"top_{rank}"], row[f"top_{rank}_share"] = member["category"], float(member["token_share"])
            else:
                row[f"top_{rank}"], row[f"top_{rank}_share"] = None, None
        rows.append(row)
    columns = [Column("model", "Model"), Column("requests", "Requests", "int"), Column("tokens", "Tokens", "int")]
    for rank in range(1, TOP_CATEGORIES_PER_MODEL + 1):
        columns += [
            Column(f"top_{rank}", f"#{rank} category", "category"),
            Column(f"top_{rank}_share", f"#{rank} share of tokens", "pct"),
        ]
    frame = pd.DataFrame(rows, columns=[c.key for c in columns])
    return Table("model_top_categories", "Top categories of each model (by tokens)", columns, frame)


def human_count(value: float) -> str:
    """1234 → 1,234; 1234567 → 1.2M; 45678 → 45.7k."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 100_000:
        return f"{value / 1_000:.0f}k"
    if value >= 10_000:
        return f"{value / 1_000:.1f}k"
    return f"{value:,.0f}"


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%" if value >= 0.1 or value == 0 else f"{value * 100:.1f}%"


def findings(data: ReportData) -> list[str]:
    """A few sentences on what stands out: volume, leading categories, shifts, reasoning, tools, length, languages, models."""
    t = data.totals
    b = data.bucket
    out: list[str] = []
    assert data.start is not None and data.end is not None
    span = f"from {data.start:%d %b %Y} to {data.end:%d %b %Y}"
    apps = f" and {t['apps']} apps" if t["apps"] > 1 else ""
    out.append(
        f"{t['requests']:,} requests and {human_count(t['tokens'])} tokens {span} "
        f"({t['buckets']} {b}{'s' if t['buckets'] != 1 else ''}), from {t['models']} "
        f"model{'s' if t['models'] != 1 else ''}{apps}."
    )
    if t["requests"] < MIN_FINDING_SUPPORT:
        out.append(
            f"Too few calls for findings on shares and trends: they need at least {MIN_FINDING_SUPPORT}; "
            "the charts and tables below show every call."
        )
        return out

    shares = data.tables["category_share"].frame.groupby("category")[["requests", "tokens"]].sum()
    by_requests = (shares["requests"] / max(1, shares["requests"].sum())).sort_values(ascending=False)
    by_tokens = (shares["tokens"] / max(1, shares["tokens"].sum())).sort_values(ascending=False)
    lead = by_requests.index[0]
    runners = ", ".join(
        f"{category_name(c)} ({_pct(by_requests[c])})" for c in by_requests.index[1:3] if by_requests[c] > 0
    )
    out.append(
        f"{category_name(lead)} is the largest category: {_pct(by_requests[lead])} of requests and "
        f"{_pct(by_tokens.get(lead, 0.0))} of tokens." + (f" Next come {runners}." if runners else "")
    )
    if by_tokens.index[0] != lead and by_tokens.iloc[0] > 0:
        out.append(
            f"By tokens, {category_name(by_tokens.index[0])} leads with {_pct(by_tokens.iloc[0])}: "
            "its calls are longer than the rest."
        )

    shift = _category_shift(data)
    if shift:
        out.append(shift)

    reasoning = data.tables["reasoning_share"].frame
    if data.has_reasoning_labels:
        share_r = reasoning["reasoning_heavy_requests"].sum() / max(1, reasoning["requests"].sum())
        share_t = reasoning["reasoning_heavy_tokens"].sum() / max(1, reasoning["tokens"].sum())
        sentence = f"Reasoning-heavy calls are {_pct(share_r)} of requests and {_pct(share_t)} of tokens"
        trend = _trend(reasoning, "reasoning_heavy_requests", "requests", b)
        out.append(sentence + (f" ({trend})." if trend else "."))
    if t["reasoning_tokens"] > 0:
        out.append(
            f"Providers reported {human_count(t['reasoning_tokens'])} reasoning tokens: "
            f"{_pct(t['reasoning_tokens'] / max(1, t['completion_tokens']))} of all completion tokens."
        )

    tools = data.tables["tool_share"].frame
    offered = tools["tools_offered_requests"].sum() / max(1, tools["requests"].sum())
    called = tools["tool_call_requests"].sum() / max(1, tools["requests"].sum())
    if offered > 0 or called > 0:
        trend = _trend(tools, "tool_call_requests", "requests", b)
        out.append(
            f"Tools were offered in {_pct(offered)} of requests and called in {_pct(called)}"
            + (f" (tool calls: {trend})." if trend else ".")
        )
    else:
        out.append("No request offered tools or made a tool call.")

    by_category = data.tables["tokens_by_category"].frame
    supported = by_category[by_category["requests"] >= MIN_FINDING_SUPPORT]
    median = (
        f"The median call has a {t['prompt_tokens_median']:,.0f}-token prompt and a "
        f"{t['completion_tokens_median']:,.0f}-token completion"
    )
    if not supported.empty:
        longest = supported.sort_values("prompt_tokens_median", ascending=False).iloc[0]
        out.append(
            f"{median}; {category_name(longest['category'])} has the longest prompts "
            f"(median {longest['prompt_tokens_median']:,.0f} tokens over {int(longest['requests']):,} calls)."
        )
    else:
        out.append(median + ".")

    languages = data.tables["language_mix"].frame
    listed = ", ".join(
        f"{language_name(row.language).split(' (')[0]} {_pct(row.request_share)}"
        for row in languages.head(4).itertuples()
    )
    out.append(f"Languages: {listed}" + (f"; {len(languages)} in all." if len(languages) > 4 else "."))

    top = data.tables["model_top_categories"].frame
    parts = [
        f"{row.model} mostly {category_name(row.top_1)} ({_pct(row.top_1_share)} of its tokens)"
        for row in top[top["requests"] >= MIN_FINDING_SUPPORT].head(4).itertuples()
        if row.top_1 is not None
    ]
    if len(parts) > 1:
        out.append("By model: " + "; ".join(parts) + ".")
    return out


def _support_windows(requests: pd.Series) -> tuple[list[Any], list[Any]] | None:
    """The first and the last buckets to compare, each holding at least :data:`MIN_FINDING_SUPPORT` requests.

    ``requests`` is indexed by bucket. Empty buckets are skipped; each window takes at least a quarter of
    the buckets with calls, and more until it has the support. None when the two windows would overlap:
    there is not enough traffic to speak of a change.
    """
    ordered = requests[requests > 0].sort_index()
    if len(ordered) < 2:
        return None
    k = max(1, len(ordered) // 4)

    def grow(buckets: list[Any]) -> list[Any]:
        taken = buckets[:k]
        while ordered[taken].sum() < MIN_FINDING_SUPPORT and len(taken) < len(buckets):
            taken = buckets[: len(taken) + 1]
        return taken

    first = grow(list(ordered.index))
    last = grow(list(reversed(ordered.index)))[::-1]
    if len(first) + len(last) > len(ordered) or min(ordered[first].sum(), ordered[last].sum()) < MIN_FINDING_SUPPORT:
        return None
    return first, last


def _window_names(first: list[Any], last: list[Any], bucket: str) -> tuple[str, str]:
    start = f"the first {len(first)} {bucket}s" if len(first) > 1 else f"the first {bucket}"
    end = f"the last {len(last)}" if len(last) > 1 else "the last"
    return start, end


def _category_shift(data: ReportData) -> str | None:
    if data.bucket_count < 2:
        return None
    frame = data.tables["category_share"].frame
    b = data.bucket
    windows = _support_windows(frame.groupby(b)["requests"].sum())
    if windows is None:
        return None
    first_buckets, last_buckets = windows
    first = frame[frame[b].isin(first_buckets)].groupby("category")["requests"].sum()
    last = frame[frame[b].isin(last_buckets)].groupby("category")["requests"].sum()
    first_share = first / max(1, first.sum())
    last_share = last / max(1, last.sum())
    change = (last_share - first_share).sort_values()
    span, end_span = _window_names(first_buckets, last_buckets, b)
    moves = []
    riser, faller = change.index[-1], change.index[0]
    if change[riser] >= 0.02:
        moves.append(
            f"{category_name(riser)} grew from {_pct(first_share[riser])} of requests in {span} "
            f"to {_pct(last_share[riser])} in {end_span}"
        )
    if change[faller] <= -0.02:
        moves.append(f"{category_name(faller)} fell from {_pct(first_share[faller])} to {_pct(last_share[faller])}")
    if not moves:
        return f"The category mix was stable: no category moved by 2 points or more between {span} and {end_span}."
    return "Mix shift: " + "; ".join(moves) + "."


def _trend(frame: pd.DataFrame, part: str, whole: str, bucket: str) -> str | None:
    windows = _support_windows(frame.set_index(bucket)["requests"])
    if windows is None:
        return None
    first_buckets, last_buckets = windows
    indexed = frame.set_index(bucket)
    first = indexed.loc[first_buckets, part].sum() / max(1, indexed.loc[first_buckets, whole].sum())
    last = indexed.loc[last_buckets, part].sum() / max(1, indexed.loc[last_buckets, whole].sum())
    if abs(last - first) < 0.02:
        return f"steady at about {_pct((first + last) / 2)}"
    start, end = _window_names(first_buckets, last_buckets, bucket)
    return f"{_pct(first)} in {start}, {_pct(last)} in {end}"
