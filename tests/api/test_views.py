"""The views: top users with their mix, cost by label and model, drill-down to events, deleting a version."""

from __future__ import annotations

import os
import re
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from classifier.artifacts import list_versions


def record(client, events: list[dict]) -> None:
    assert client.post("/v1/events", json=events).status_code == 202
    service = client.app.state.service
    deadline = time.monotonic() + 30
    while service.spool.depth or service.store.count() < len(events):
        assert time.monotonic() < deadline, "events were not recorded"
        time.sleep(0.05)


TRANSLATE = "translate 'see you tomorrow' into german"
MATH = "solve the equation 3x + 4 = 19 for x"


def test_top_users_with_their_mix_and_small_groups_suppressed(make_client):
    with make_client(min_group_count=2) as client:
        events = (
            [{"text": TRANSLATE, "user": "ana"}] * 3
            + [{"text": MATH, "user": "ana"}]
            + [{"text": MATH, "user": "ben"}] * 2
            + [{"text": MATH, "user": "cyd"}, {"text": MATH}]
        )
        record(client, [{**e, "id": f"e{i}"} for i, e in enumerate(events)])
        view = client.get("/v1/views/users").json()
        assert [u["user"] for u in view["users"]] == ["ana", "ben"] and view["suppressed_users"] == 1
        ana = view["users"][0]
        assert ana["requests"] == 4 and ana["labels"][0]["share"] == 0.75
        assert abs(sum(label["share"] for label in ana["labels"]) - 1) < 1e-9
        assert client.get("/v1/views/users", params={"limit": 1}).json()["users"][0]["user"] == "ana"


def test_cost_by_label_and_model_from_recorded_cost_or_the_price_table(make_client):
    with make_client(model_prices={"gpt-4o-mini": (1.0, 2.0)}) as client:
        record(
            client,
            [
                {"id": "a", "text": TRANSLATE, "model": "gpt-4o", "cost": 0.01},
                {"id": "b", "text": TRANSLATE, "model": "gpt-4o", "cost": 0.02},
                {"id": "c", "text": MATH, "model": "gpt-4o-mini", "prompt_tokens": 1000, "completion_tokens": 500},
                {"id": "d", "text": MATH, "model": "mystery", "prompt_tokens": 10, "completion_tokens": 10},
            ],
        )
        view = client.get("/v1/views/cost").json()
        models = {m["model"]: m for m in view["by_model"]}
        assert models["gpt-4o"]["cost"] == 0.03 and models["gpt-4o"]["recorded_cost"] == 0.03
        assert models["gpt-4o-mini"]["cost"] == 0.002 and models["gpt-4o-mini"]["estimated_cost"] == 0.002
        assert models["mystery"]["cost"] == 0 and models["mystery"]["unpriced_requests"] == 1
        assert view["total_cost"] == 0.032
        assert abs(sum(label["cost"] for label in view["by_label"]) - 0.032) < 1e-9


def test_drill_down_pages_through_the_events_of_a_label(make_client):
    with make_client() as client:
        record(client, [{"id": f"t{i}", "text": TRANSLATE, "model": "gpt-4o", "app": "web"} for i in range(5)])
        label = client.get("/v1/distribution").json()["buckets"][0]["labels"][0]["label"]
        first = client.get("/v1/events", params={"label": label, "limit": 2, "model": "gpt-4o"}).json()
        assert len(first["events"]) == 2 and first["next_cursor"] and first["text_stored"] is False
        event = first["events"][0]
        assert event["labels"]["category"]["label"] == label and event["text"] is None and event["app"] == "web"
        seen = [e["id"] for e in first["events"]]
        cursor = first["next_cursor"]
        while cursor:
            page = client.get("/v1/events", params={"label": label, "limit": 2, "cursor": cursor}).json()
            seen += [e["id"] for e in page["events"]]
            cursor = page["next_cursor"]
        assert sorted(seen) == [f"t{i}" for i in range(5)]
        assert client.get("/v1/events", params={"label": "no-such-label"}).json()["events"] == []
        assert client.get("/v1/events", params={"model": "other"}).json()["events"] == []
        assert client.get("/v1/events", params={"cursor": "###"}).status_code == 422


def test_drill_down_shows_texts_only_when_text_storage_is_on(make_client):
    with make_client(store_text=True) as client:
        record(client, [{"id": "x", "text": TRANSLATE}])
        [event] = client.get("/v1/events").json()["events"]
        assert "see you tomorrow" in event["text"]


def test_delete_a_version_that_is_not_active(make_client, models_copy):
    shutil.copytree(models_copy / "small-static", models_copy / "spare")
    with make_client() as client:
        assert client.delete("/v1/models/small-static").status_code == 409
        assert client.delete("/v1/models/nothing-here").status_code == 404
        shipped = [v for v in list_versions(models_copy) if not (models_copy / v).exists()]
        if shipped:
            assert client.delete(f"/v1/models/{shipped[0]}").status_code == 409
        answer = client.delete("/v1/models/spare")
        assert answer.status_code == 200 and answer.json() == {"deleted": "spare"}
        assert "spare" not in [v["version"] for v in client.get("/v1/models").json()["versions"]]
        assert not (models_copy / "spare").exists()


@pytest.mark.slow
def test_the_dashboard_lists_the_calls_behind_a_segment(models_copy, tmp_path, chromium):
    """The drill-down panel in a real browser: ?drill=<label> opens it, as a click on a segment does."""
    from tests.api.conftest import running_server

    texts = [TRANSLATE, "translate 'where is the station?' into japanese", MATH, "write a short poem about autumn"]
    with running_server(models_copy, tmp_path, store_text="true") as base:
        now = datetime.now(UTC)
        events = [
            {
                "id": f"call-{i}",
                "text": texts[i % len(texts)],
                "model": ["gpt-4o", "claude-sonnet-4-5"][i % 2],
                "app": "support-bot",
                "user": f"user-{i % 3}",
                "cost": 0.0004 * (i + 1),
                "timestamp": (now - timedelta(hours=3 * i)).isoformat(),
            }
            for i in range(12)
        ]
        assert httpx.post(f"{base}/v1/events", json=events).status_code == 202
        deadline = time.monotonic() + 60
        while httpx.get(f"{base}/v1/events", params={"limit": 20}).json()["events"].__len__() < 12:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        label = httpx.get(f"{base}/v1/events", params={"limit": 1}).json()["events"][0]["labels"]["category"]["label"]
        expected = len(httpx.get(f"{base}/v1/events", params={"label": label}).json()["events"])
        url = f"{base}/?range=all&bucket=day&refresh=off&drill={label}"
        dom = chromium.dump_dom(url, budget_ms=15_000)
        panel = re.search(r'<aside id="drill"[^>]*>', dom).group(0)
        assert "hidden" not in panel and f'data-label="{label}"' in panel and f'data-rows="{expected}"' in panel
        assert dom.count('<tr data-event="') == expected
        assert "text not stored" not in dom and ("station" in dom or "german" in dom or "autumn" in dom or "3x" in dom)
        shot = chromium.screenshot(url, tmp_path / "drilldown.png", window="1300,900", budget_ms=15_000)
        if os.environ.get("PROMPTPRISM_WRITE_DOCS_SCREENSHOTS"):
            shutil.copy(shot, Path(__file__).resolve().parents[2] / "docs" / "drilldown.png")


def test_training_jobs_are_kept_in_the_store_across_a_restart(make_client, tmp_path):
    from tests.conftest import SMALL_CSV

    with make_client() as client:
        started = client.post(
            "/v1/models/train",
            files={"file": ("small.csv", SMALL_CSV.read_bytes(), "text/csv")},
            data={"backend": "static", "activate": "false"},
        ).json()
        deadline = time.monotonic() + 300
        while (job := client.get(f"/v1/jobs/{started['job_id']}").json())["status"] not in ("succeeded", "failed"):
            assert time.monotonic() < deadline
            time.sleep(0.3)
        assert job["status"] == "succeeded", job
        store = client.app.state.service.store
        # A job left "running" by a crash, as the store would hold it.
        store.save_job(
            "crashed",
            datetime(2026, 1, 1, tzinfo=UTC),
            {"id": "crashed", "status": "running", "created_at": "2026-01-01T00:00:00Z", "rows": 3},
        )
    with make_client() as client:  # the same event store: a restart
        jobs = client.get("/v1/jobs").json()["jobs"]
        assert [j["id"] for j in jobs] == [started["job_id"], "crashed"]
        assert jobs[0]["status"] == "succeeded" and jobs[0]["version"] == job["version"]
        assert jobs[1]["status"] == "failed" and "interrupted" in jobs[1]["error"]
        assert client.get(f"/v1/jobs/{started['job_id']}").json()["metrics"] == job["metrics"]


def test_compare_two_versions_on_a_csv_and_on_recorded_traffic(make_client, models_copy, tmp_path):
    from tests.conftest import SMALL_CSV
    from training.dataset import read_labeled_csv
    from training.train import TrainOptions, train_model

    other = train_model(
        SMALL_CSV,
        models_copy,
        TrainOptions(backend="static", test_size=0.5, seed=7, version="other-static", activate=False),
        dataset=read_labeled_csv(SMALL_CSV, None),
    )
    with make_client(store_text=True) as client:
        record(client, [{"id": f"c{i}", "text": t} for i, t in enumerate([TRANSLATE, MATH, "write a poem", "hi"])])
        answer = client.post(
            "/v1/models/compare",
            data={"a": "small-static", "b": other.version},
            files={"file": ("small.csv", SMALL_CSV.read_bytes(), "text/csv")},
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        category = body["labeled_csv"]["category"]
        assert category["rows"] > 0
        assert category["delta_macro_f1"] == round(category["macro_f1_b"] - category["macro_f1_a"], 4)
        assert all(row["delta"] == round(row["f1_b"] - row["f1_a"], 4) for row in category["per_label"])
        traffic = body["traffic"]
        assert traffic["calls"] == 4 and 0 <= traffic["dimensions"]["category"]["agreement"] <= 1
        same = client.post("/v1/models/compare", data={"a": "small-static", "b": "small-static"}).json()
        assert same["labeled_csv"] is None and same["traffic"]["dimensions"]["category"]["agreement"] == 1.0
        missing = client.post("/v1/models/compare", data={"a": "small-static", "b": "nope"})
        assert missing.status_code == 404 and missing.json()["error"]["field"] == "b"
    with make_client(
        database_url=f"sqlite:///{tmp_path / 'no-texts.db'}"
    ) as client:  # no texts stored: nothing to classify
        body = client.post("/v1/models/compare", data={"a": "small-static", "b": other.version}).json()
        assert body["traffic"]["calls"] == 0 and "PROMPTPRISM_STORE_TEXT" in body["traffic"]["note"]
