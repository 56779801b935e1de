"""The live dashboard: ``GET /`` and its assets, ``GET /v1/report``, and the page in a real browser."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import running_server

KEY = "dash-secret"
AUTH = {"Authorization": f"Bearer {KEY}"}
START = datetime(2025, 9, 1, 9, 30, tzinfo=UTC)
DASHBOARD_CHARTS = {
    "category_share_requests",
    "reasoning_share",
    "tool_share",
    "token_trends",
    "tokens_by_category",
    "language_mix",
    "model_category",
}
TEXTS = [
    "how do I reverse a list in python",
    "translate 'good morning' into Spanish",
    "I have had a headache and a fever for two days",
    "what is the derivative of x squared",
]


def calls(n: int = 12) -> list[dict[str, Any]]:
    """Chat calls over three days: two models, tools offered on every third, a tool call on every sixth."""
    out = []
    for i in range(n):
        request: dict[str, Any] = {"messages": [{"role": "user", "content": TEXTS[i % len(TEXTS)]}]}
        if i % 3 == 0:
            request["tools"] = [{"type": "function", "function": {"name": "search"}}]
        out.append(
            {
                "request": request,
                "response": {
                    "choices": [
                        {
                            "message": {"role": "assistant", "content": "Here you go."},
                            "finish_reason": "tool_calls" if i % 6 == 0 else "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 100 + i, "completion_tokens": 20 + i},
                },
                "model": "gpt-4o" if i < 7 else "o3-mini",
                "app": "ide" if i % 2 else "chat",
                "timestamp": (START + timedelta(days=i % 3, hours=i)).isoformat(),
            }
        )
    return out


def expected() -> dict[str, Any]:
    """What the dashboard must show for :func:`calls`, counted by hand."""
    sent = calls()
    return {
        "requests": len(sent),
        "tokens": sum(
            c["response"]["usage"]["prompt_tokens"] + c["response"]["usage"]["completion_tokens"] for c in sent
        ),
        "per_day": Counter(c["timestamp"][:10] for c in sent),
        "tools_offered": sum("tools" in c["request"] for c in sent),
        "tool_calls_per_day": Counter(
            c["timestamp"][:10] for c in sent if c["response"]["choices"][0]["finish_reason"] == "tool_calls"
        ),
        "per_model": Counter(c["model"] for c in sent),
    }


def distribution_counts(get: Any, dimension: str = "category") -> dict[tuple[str, str], int]:
    """(day, label) → requests, from the service's own distribution route."""
    body = get(f"/v1/distribution?dimension={dimension}&bucket=day").json()
    return {(b["bucket"][:10], share["label"]): share["count"] for b in body["buckets"] for share in b["labels"]}


def check_payload_numbers(payload: dict[str, Any], get: Any) -> None:
    """The report payload's tables agree with the hand counts and with /v1/distribution."""
    want = expected()
    assert payload["totals"]["requests"] == want["requests"]
    assert payload["totals"]["tokens"] == want["tokens"]
    tables = payload["tables"]

    def rows(name: str) -> list[dict[str, Any]]:
        keys = [c["key"] for c in tables[name]["columns"]]
        return [dict(zip(keys, row, strict=True)) for row in tables[name]["rows"]]

    tools = rows("tool_share")
    assert {r["day"][:10]: r["requests"] for r in tools} == dict(want["per_day"])
    assert sum(r["tools_offered_requests"] for r in tools) == want["tools_offered"]
    assert {r["day"][:10]: r["tool_call_requests"] for r in tools if r["tool_call_requests"]} == dict(
        want["tool_calls_per_day"]
    )
    per_model = Counter()
    for r in rows("model_category"):
        per_model[r["model"]] += r["requests"]
    assert per_model == want["per_model"]
    categories = {(r["day"][:10], r["category"]): r["requests"] for r in rows("category_share") if r["requests"]}
    assert categories == distribution_counts(get)
    heavy = distribution_counts(get, "reasoning_heavy")
    assert {r["day"][:10]: r["reasoning_heavy_requests"] for r in rows("reasoning_share")} == {
        day: heavy.get((day, "yes"), 0) for day in want["per_day"]
    }


# --- the data route and the assets, in process ---------------------------------------------------------------------


def test_report_route_needs_the_key_and_shows_the_recorded_calls(make_client: Any) -> None:
    # A floor of 1 lets /v1/distribution show the four calls of each day that the report is compared with.
    with make_client(api_key=KEY, min_group_count=1) as client:
        assert client.get("/v1/report").status_code == 401
        empty = client.get("/v1/report", headers=AUTH).json()
        assert empty["empty"] is True and empty["sections"] == [] and empty["totals"]["requests"] == 0
        for body in calls():
            assert client.post("/v1/classify", json=body, headers=AUTH).status_code == 200
        response = client.get("/v1/report?bucket=day&weight=requests", headers=AUTH)
        assert response.status_code == 200
        payload = response.json()
        assert payload["bucket"] == "day" and payload["weight"] == "requests"
        charts = {chart["id"] for section in payload["sections"] for chart in section["charts"]}
        assert charts == DASHBOARD_CHARTS
        check_payload_numbers(payload, lambda url: client.get(url, headers=AUTH))

        by_tokens = client.get("/v1/report?bucket=week&weight=tokens", headers=AUTH).json()
        charts = {chart["id"]: chart for section in by_tokens["sections"] for chart in section["charts"]}
        assert "category_share_tokens" in charts and "category_share_requests" not in charts
        assert "tokens" in charts["model_category"]["spec"]["title"]["subtitle"]
        assert len(by_tokens["tables"]["tool_share"]["rows"]) == 1  # all three days fall in one week


def test_report_route_filters_by_time_and_refuses_bad_ranges(make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("api.routes.dashboard.MAX_BUCKETS", 10)
    with make_client() as client:
        for body in calls():
            assert client.post("/v1/classify", json=body).status_code == 200
        day_two = (START + timedelta(days=1)).date().isoformat()
        payload = client.get(f"/v1/report?since={day_two}T00:00:00Z&until={day_two}T23:59:59Z").json()
        assert payload["totals"]["requests"] == expected()["per_day"][day_two]

        bad = client.get("/v1/report?since=2025-09-03T00:00:00&until=2025-09-01T00:00:00")
        assert bad.status_code == 422 and "since must be earlier" in bad.json()["error"]["message"]
        assert client.get("/v1/report?bucket=month").status_code == 422
        assert client.get("/v1/report?weight=dollars").status_code == 422

        # Twelve calls over two and a half days: the hourly axis spans 60 hours (empty ones are drawn as gaps),
        # more than the (lowered) limit of ten.
        too_fine = client.get("/v1/report?bucket=hour")
        assert too_fine.status_code == 422
        assert "60 hours" in too_fine.json()["error"]["message"]
        assert "coarser bucket" in too_fine.json()["error"]["message"]
        assert client.get("/v1/report?bucket=day").status_code == 200


def test_page_and_assets_come_from_the_package(make_client: Any) -> None:
    with make_client(api_key=KEY) as client:
        page = client.get("/")  # the page itself is public; its data is not
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page.text)
        assets = re.findall(r"""(?:src|href)="([^"]+)\"""", page.text)
        assert set(assets) == {"static/prism.css", "static/vega-bundle.js", "static/prism.js", "static/dashboard.js"}
        for asset in assets:
            response = client.get("/" + asset)
            assert response.status_code == 200, asset
        bundle = client.get("/static/vega-bundle.js")
        assert "window.vegaEmbed=" in bundle.text and bundle.headers["content-type"].startswith("text/javascript")
        assert client.get("/static/report.html").status_code == 404
        assert client.get("/static/..%2Fdashboard.py").status_code == 404


# --- the real thing: uvicorn, real traffic, headless Chromium ---------------------------------------------------


@pytest.fixture
def live_server(models_copy: Path, tmp_path: Path) -> Iterator[str]:
    """``promptprism serve`` on a free port, with an API key and a fresh event store."""
    with running_server(models_copy, tmp_path, api_key=KEY, min_group_count="1") as base:
        yield base


def report_requests(base: str) -> float:
    """How many times GET /v1/report has answered, from the service's Prometheus metrics."""
    text = httpx.get(f"{base}/metrics", headers=AUTH, timeout=10).text
    return sum(
        float(m) for m in re.findall(r'promptprism_http_requests_total\{[^}]*route="/v1/report"[^}]*\} (\S+)', text)
    )


@pytest.mark.slow
def test_dashboard_draws_the_recorded_traffic_in_a_browser(live_server: str, chromium: Any, tmp_path: Path) -> None:
    with httpx.Client(base_url=live_server, headers=AUTH, timeout=60) as http:
        for body in calls():
            assert http.post("/v1/classify", json=body).status_code == 200
        check_payload_numbers(http.get("/v1/report?bucket=day").json(), http.get)
        url = f"{live_server}/?key={KEY}&range=all&bucket=day&weight=requests"
        before = report_requests(live_server)
        # 25 s of virtual time: the first load plus two of the page's own 10-second refreshes.
        page = chromium.read(chromium.dump_dom(url, budget_ms=25_000))
        assert report_requests(live_server) - before >= 2, "the page did not refresh on its own"

        assert page.root.get("data-state") == "ready"
        assert page.root.get("data-requests") == "12"
        assert set(page.charts) == DASHBOARD_CHARTS
        for chart_id, chart in page.charts.items():
            assert chart["rendered"] == "true", chart_id
            assert chart["svg"] >= 1 and chart["marks"] >= 1, chart_id
        want = expected()
        assert page.totals["requests"] == "12"
        assert page.totals["tokens"] == str(want["tokens"])
        tools = page.tables["tool_share"]
        assert {r["day"][:10]: int(r["requests"]) for r in tools} == dict(want["per_day"])
        assert {r["day"][:10]: int(r["tool_call_requests"]) for r in tools if r["tool_call_requests"] != "0"} == dict(
            want["tool_calls_per_day"]
        )
        per_model = Counter()
        for r in page.tables["model_category"]:
            per_model[r["model"]] += int(r["requests"])
        assert per_model == want["per_model"]
        shown = {(r["day"][:10], r["category"]): int(r["requests"]) for r in page.tables["category_share"]}
        assert {k: v for k, v in shown.items() if v} == distribution_counts(http.get)

        # Without the key, the page asks for it instead of drawing anything.
        locked = chromium.dump_dom(f"{live_server}/?range=all")
        assert "needs its API key" in locked
        assert 'data-state="ready"' not in locked

        chromium.screenshot(url, tmp_path / "dashboard.png")


# --- /docs and /redoc: offline ------------------------------------------------------------------------------------


def test_docs_pages_name_no_outside_url(make_client: Any) -> None:
    with make_client(api_key=KEY) as client:
        for path in ("/docs", "/redoc"):
            page = client.get(path)
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
            assert not re.search(r"https?://", page.text), path  # no CDN, no Google Fonts, no validator
            assets = re.findall(r"""(?:src|href)="([^"]+)\"""", page.text)
            assert "/docs-assets/favicon.png" in assets and "/docs-assets/fonts.css" in assets
            for asset in assets:
                assert client.get(asset).status_code == 200, asset
        fonts = client.get("/docs-assets/fonts.css").text
        for font in re.findall(r"url\(\./([^)]+)\)", fonts):
            response = client.get(f"/docs-assets/{font}")
            assert response.status_code == 200 and response.headers["content-type"] == "font/woff2", font
        assert client.get("/docs-assets/app.py").status_code == 404
        assert client.get("/docs-assets/..%2F..%2Fapp.py").status_code == 404


def _page_requests(net_log: Path) -> set[str]:
    """Every URL the page asked for, from Chromium's NetLog (--log-net-log).

    The page's requests carry its site (127.0.0.1) as their network isolation key; Chromium's own
    background requests (updates, time, accounts) carry another, and are not the page's doing.
    """
    import json

    text = net_log.read_text()
    try:
        events = json.loads(text)["events"]
    except json.JSONDecodeError:  # a log cut short at exit lacks its closing brackets
        events = json.loads(text.rstrip().rstrip(",") + "]}")["events"]
    return {
        e["params"]["url"]
        for e in events
        if isinstance(e.get("params"), dict)
        and "url" in e["params"]
        and str(e["params"].get("network_isolation_key", "")).startswith("http://127.0.0.1")
    }


@pytest.mark.slow
def test_docs_and_redoc_render_offline_in_a_browser(models_copy: Path, chromium: Any, tmp_path: Path) -> None:
    """Both pages draw the API in Chromium with every name but 127.0.0.1 unresolvable, asking nothing outside."""
    offline = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
    no_autofill = "--disable-features=AutofillServerCommunication"  # Chromium's own lookup, not the page's
    with running_server(models_copy, tmp_path) as base:
        checks = {
            "/docs": ['class="swagger-ui', "/v1/classify", "/v1/distribution", 'class="opblock'],
            "/redoc": ["Label shares over recorded traffic", "/v1/classify", "PromptPrism", "Classify LLM traffic"],
        }
        for path, wanted in checks.items():
            net_log = tmp_path / f"net{path.replace('/', '-')}.json"
            dom = chromium._run(
                f"{base}{path}", "--dump-dom", offline, no_autofill, f"--log-net-log={net_log}", budget_ms=15_000
            )
            for fragment in wanted:
                assert fragment in dom, f"{path} did not render {fragment!r}"
            urls = _page_requests(net_log)
            assert any(u.endswith("/openapi.json") for u in urls) and f"{base}/docs-assets/favicon.png" in urls, urls
            outside = {u for u in urls if not u.startswith(base)}
            assert not outside, f"{path} asked for {outside}"
            if path == "/redoc":  # ReDoc draws with Montserrat and Roboto: served here, not by Google Fonts
                assert any(u.endswith(".woff2") for u in urls), urls
            chromium.screenshot(f"{base}{path}", tmp_path / f"{path.strip('/')}.png", window="1280,1400")
