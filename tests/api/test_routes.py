"""Every route and every error status, through FastAPI's TestClient."""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import SMALL_CSV

CHAT = {
    "request": {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "Translate 'good luck' into Spanish"},
        ],
        "tools": [{"type": "function", "function": {"name": "lookup"}}],
    },
    "response": {
        "choices": [{"message": {"role": "assistant", "content": "Buena suerte"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 30, "completion_tokens": 5, "completion_tokens_details": {"reasoning_tokens": 2}},
    },
}


ROOT = Path(__file__).resolve().parents[2]


def assert_error(response, status, fragment, field=None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "field"}
    assert fragment in body["error"]["message"]
    if field is not None:
        assert body["error"]["field"] == field


def test_health_ready_and_docs(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["model_version"] == "small-static"
    schema = client.get("/openapi.json").json()
    for path in ("/v1/classify", "/v1/classify/batch", "/v1/distribution", "/v1/models/train", "/v1/jobs/{job_id}"):
        assert path in schema["paths"]
    assert client.get("/docs").status_code == 200


def test_classify_all_three_shapes(client):
    text = client.post("/v1/classify", json={"text": "write a sonnet about the moon"}).json()
    assert text["labels"]["category"]["label"] == "creative_writing"
    assert len(text["id"]) == 32 and text["elapsed_ms"] > 0 and text["model_version"] == "small-static"
    prompt = client.post("/v1/classify", json={"prompt": "what is 9 squared", "completion": "81"}).json()
    assert prompt["labels"]["category"]["label"] == "math"
    chat = client.post("/v1/classify", json=CHAT).json()
    assert chat["labels"]["category"]["label"] == "translation"
    assert chat["signals"]["tools_offered"] and chat["signals"]["prompt_tokens"] == 30
    assert chat["signals"]["reasoning_tokens"] == 2


@pytest.mark.parametrize(
    ("body", "fragment", "field"),
    [
        ({"request": {"messages": [{"role": "bot", "content": "x"}]}}, "Input should be", "request.messages[0].role"),
        ({"text": "a", "prompt": "b"}, "exactly one of", None),
        ({}, "exactly one of", None),
        ({"text": "x", "completion": "y"}, "'completion' goes with 'prompt'", "completion"),
        ({"text": "   "}, "must not be empty", "text"),
        ({"text": "x", "colour": "red"}, "Extra inputs", "colour"),
    ],
)
def test_classify_rejects_bad_items_with_422(client, body, fragment, field):
    assert_error(client.post("/v1/classify", json=body), 422, fragment, field)


def test_malformed_json_is_400(client):
    response = client.post("/v1/classify", content=b'{"text": ', headers={"content-type": "application/json"})
    assert_error(response, 400, "not valid JSON")
    assert_error(client.post("/v1/classify", content=b"hello"), 400, "JSON object")


def test_batch_puts_errors_in_place(client):
    response = client.post(
        "/v1/classify/batch",
        json={
            "items": [
                {"text": "my python code raises a TypeError, how do I fix it"},
                {"request": {"messages": []}},
                {"prompt": "solve x + 3 = 7"},
            ]
        },
    )
    body = response.json()
    assert response.status_code == 200 and body["errors"] == 1
    assert body["results"][0]["labels"]["category"]["label"] == "programming"
    assert body["results"][1]["index"] == 1 and body["results"][1]["error"]["field"] == "request.messages"
    assert body["results"][2]["labels"]["category"]["label"] == "math"


def test_batch_limits(make_client):
    with make_client(max_batch_items=2) as client:
        assert_error(client.post("/v1/classify/batch", json={"items": [{"text": "a"}] * 3}), 413, "limit is 2", "items")
        assert_error(client.post("/v1/classify/batch", json={"items": []}), 422, "empty", "items")


def test_body_size_limit_is_413(make_client):
    with make_client(max_body_bytes=2048) as client:
        assert_error(client.post("/v1/classify", json={"text": "x" * 5000}), 413, "larger than 2048 bytes")


def test_distribution_by_requests_tokens_bucket_and_group(client):
    now = datetime.now(UTC)
    last_week = (now - timedelta(days=7)).isoformat()
    items = (
        [
            {
                "text": f"translate 'hello number {i}' into german",
                "app": "web",
                "model": "m1",
                "prompt_tokens": 10,
                "completion_tokens": 0,
            }
            for i in range(5)
        ]
        + [
            {
                "text": f"write a poem about the number {i}",
                "app": "web",
                "model": "m2",
                "prompt_tokens": 100,
                "completion_tokens": 0,
            }
            for i in range(3)
        ]
        + [
            {
                "text": "solve 2x = 10",
                "app": "cli",
                "timestamp": last_week,
                "prompt_tokens": 50,
                "completion_tokens": 50,
            }
        ]
        + [{"text": "not recorded, a poem please", "record": False}]
    )
    assert client.post("/v1/classify/batch", json={"items": items}).status_code == 200

    overall = client.get("/v1/distribution").json()
    [bucket] = overall["buckets"]
    shares = {row["label"]: row["share"] for row in bucket["labels"]}
    assert bucket["total_requests"] == 9
    assert shares == pytest.approx({"translation": 5 / 9, "creative_writing": 3 / 9, "math": 1 / 9}, abs=1e-5)

    by_tokens = client.get("/v1/distribution", params={"weight": "tokens"}).json()["buckets"][0]
    token_shares = {row["label"]: row["share"] for row in by_tokens["labels"]}
    assert by_tokens["total_tokens"] == 450
    assert token_shares == pytest.approx(
        {"translation": 50 / 450, "creative_writing": 300 / 450, "math": 100 / 450}, abs=1e-5
    )

    weekly = client.get("/v1/distribution", params={"bucket": "week"}).json()
    # One privacy floor for buckets and groups: last week's single request is under the minimum of 5.
    [this_week] = weekly["buckets"]
    assert weekly["suppressed_groups"] == 1 and this_week["total_requests"] == 8
    assert abs(sum(r["share"] for r in this_week["labels"]) - 1) < 1e-6
    assert datetime.fromisoformat(this_week["bucket"]).weekday() == 0  # weeks start on Monday

    by_app = client.get("/v1/distribution", params={"group_by": "app"}).json()
    assert [b["group"] for b in by_app["buckets"]] == ["web"]  # "cli" has 1 request, under the minimum of 5
    assert by_app["suppressed_groups"] == 1

    since = client.get("/v1/distribution", params={"since": (now - timedelta(days=1)).isoformat()}).json()
    assert since["buckets"][0]["total_requests"] == 8

    reasoning = client.get("/v1/distribution", params={"dimension": "reasoning_heavy"}).json()
    assert reasoning["buckets"][0]["total_requests"] == 9


def test_distribution_errors(client):
    assert_error(client.get("/v1/distribution", params={"dimension": "mood"}), 422, "unknown dimension", "dimension")
    assert_error(
        client.get("/v1/distribution", params={"group_by": "colour"}), 422, "group_by must be one of", "group_by"
    )
    assert_error(client.get("/v1/distribution", params={"bucket": "month"}), 422, "bucket", "bucket")
    assert_error(client.get("/v1/distribution", params={"since": "2026-02-01", "until": "2026-01-01"}), 422, "earlier")


def test_posted_distribution_records_nothing(client):
    response = client.post(
        "/v1/distribution",
        json={
            "items": [
                {"text": "translate cat into french"},
                {"text": "translate dog into spanish"},
                {"text": "what is 3 + 4"},
            ],
            "group_by": "language",
        },
    )
    body = response.json()
    assert response.status_code == 200 and body["suppressed_groups"] == 1  # 3 English items, under 5
    response = client.post("/v1/distribution", json={"items": [{"text": "translate cat into french"}] * 5})
    assert response.json()["buckets"][0]["labels"][0] == {
        "label": "translation",
        "count": 5,
        "tokens": 35,
        "share": 1.0,
    }
    # The floor holds for the whole selection too: two items are one cell of two requests.
    few = client.post("/v1/distribution", json={"items": [{"text": "translate cat into french"}] * 2}).json()
    assert few["buckets"] == [] and few["suppressed_groups"] == 1
    assert client.get("/v1/distribution").json()["buckets"] == []
    assert_error(client.post("/v1/distribution", json={"items": [{"nope": 1}]}), 422, "item 0")


def test_privacy_floor_is_one_rule_for_buckets_groups_and_both(make_client):
    """Every cell (bucket, group, bucket x group, or the whole range) needs min_group_count requests."""
    monday = datetime(2026, 3, 2, 12, tzinfo=UTC)
    items = [
        {"text": f"translate word {i} into german", "app": "web", "timestamp": monday.isoformat()} for i in range(3)
    ]
    items += [
        {"text": f"translate word {i} into french", "app": "web", "timestamp": (monday + timedelta(days=7)).isoformat()}
        for i in range(3)
    ]
    items += [{"text": "write a poem", "app": "cli", "timestamp": (monday + timedelta(days=7)).isoformat()}]
    with make_client(min_group_count=3) as client:
        assert client.post("/v1/classify/batch", json={"items": items}).status_code == 200

        def cells(**params):
            body = client.get("/v1/distribution", params=params).json()
            return sorted((b["bucket"], b["group"], b["total_requests"]) for b in body["buckets"]), body[
                "suppressed_groups"
            ]

        assert cells() == ([(None, None, 7)], 0)
        weeks, suppressed = cells(bucket="week")
        assert [n for _, _, n in weeks] == [3, 4] and suppressed == 0
        assert cells(group_by="app") == ([(None, "web", 6)], 1)  # cli: 1 request
        both, suppressed = cells(bucket="week", group_by="app")
        assert [(g, n) for _, g, n in both] == [("web", 3), ("web", 3)] and suppressed == 1
        # Posted items obey the same floor, cell for cell.
        posted = client.post("/v1/distribution?bucket=week&group_by=app", json={"items": items}).json()
        assert sorted((b["group"], b["total_requests"]) for b in posted["buckets"]) == [("web", 3), ("web", 3)]
        assert posted["suppressed_groups"] == 1
    with make_client(min_group_count=4) as client:  # the same event store, a higher floor
        body = client.get("/v1/distribution", params={"bucket": "week"}).json()
        assert [b["total_requests"] for b in body["buckets"]] == [4] and body["suppressed_groups"] == 1


def test_posted_distribution_takes_bucket_and_query_parameters(client):
    monday = datetime(2026, 3, 2, 9, tzinfo=UTC)
    items = [
        {"text": f"translate word {i} into german", "timestamp": (monday + timedelta(days=7 * (i % 2))).isoformat()}
        for i in range(10)
    ] + [{"text": "translate it into german", "timestamp": (monday - timedelta(days=30)).isoformat()}]
    by_body = client.post("/v1/distribution", json={"items": items, "bucket": "week"}).json()
    by_query = client.post("/v1/distribution?bucket=week", json={"items": items}).json()
    assert by_body == by_query and by_query["bucket"] == "week"
    weeks = [(b["bucket"], b["total_requests"]) for b in by_query["buckets"]]
    assert weeks == [("2026-03-02T00:00:00Z", 5), ("2026-03-09T00:00:00Z", 5)]
    assert by_query["suppressed_groups"] == 1  # the lone item a month earlier

    windowed = client.post(
        "/v1/distribution",
        params={"since": "2026-03-01T00:00:00Z", "until": "2026-03-09T00:00:00Z", "weight": "tokens"},
        json={"items": items},
    ).json()
    assert windowed["weight"] == "tokens" and windowed["since"].startswith("2026-03-01")
    assert [b["total_requests"] for b in windowed["buckets"]] == [5]
    dimension = client.post("/v1/distribution?dimension=reasoning_heavy", json={"items": items}).json()
    assert dimension["dimension"] == "reasoning_heavy" and dimension["buckets"][0]["total_requests"] == 11

    assert_error(
        client.post("/v1/distribution?bucket=day", json={"items": items, "bucket": "week"}),
        422,
        "give it once",
        "bucket",
    )
    assert_error(client.post("/v1/distribution?bucket=month", json={"items": items}), 422, "bucket", "bucket")
    assert_error(
        client.post("/v1/distribution?since=2026-03-09&until=2026-03-01", json={"items": items}),
        422,
        "earlier",
        "since",
    )
    assert_error(client.post("/v1/distribution?group_by=colour", json={"items": items}), 422, "group_by", "group_by")


def test_taxonomy_and_models(client):
    taxonomy = client.get("/v1/taxonomy").json()
    assert "programming" in taxonomy["dimensions"]["category"]["labels"]
    assert taxonomy["dimensions"]["category"]["labels"]["legal"]["boundaries"]
    assert set(taxonomy["model_dimensions"]) == {"category", "reasoning_heavy"}
    models = client.get("/v1/models").json()
    assert models["active"] == models["served"] == "small-static"
    versions = {v["version"]: v for v in models["versions"]}
    assert versions["small-static"]["backend"] == "static"
    # The shipped models are always listed beside the ones in PROMPTPRISM_MODELS_DIR.
    shipped = (ROOT / "models" / "ACTIVE").read_text().strip()
    assert versions[shipped]["backend"] == "multilingual"


def wait_for_job(client, job_id, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError("training job did not finish")


def test_train_activate_and_roll_back(client):
    files = {"file": ("small.csv", SMALL_CSV.read_bytes(), "text/csv")}
    started = client.post("/v1/models/train", files=files, data={"test_size": "0.34", "activate": "false"})
    assert started.status_code == 202
    job = wait_for_job(client, started.json()["job_id"])
    assert job["status"] == "succeeded" and job["activated"] is False
    assert job["metrics"]["test_split"]["category"]["macro_f1"] > 0
    new_version = job["version"]
    assert client.get("/v1/models").json()["served"] == "small-static"

    switched = client.post(f"/v1/models/{new_version}/activate").json()
    assert switched == {"active": new_version, "previous": "small-static", "backend": "static"}
    assert client.post("/v1/classify", json={"text": "hi"}).json()["model_version"] == new_version
    client.post("/v1/models/small-static/activate")
    assert client.post("/v1/classify", json={"text": "hi"}).json()["model_version"] == "small-static"


def test_training_and_activation_errors(client):
    bad_csv = {"file": ("bad.csv", b"txt,category\nhello,a\n", "text/csv")}
    assert_error(client.post("/v1/models/train", files=bad_csv), 422, "did you mean 'text'", "file")
    assert_error(client.post("/v1/models/train", data={"test_size": "0.2"}), 422, "file", "file")
    assert_error(client.get("/v1/jobs/nope"), 404, "no training job")
    assert_error(client.post("/v1/models/nope/activate"), 404, "no model version", "version")
    assert_error(client.get("/v1/nowhere"), 404, "no such route")


def test_tampered_version_cannot_be_activated(client, models_copy):
    import shutil

    shutil.copytree(models_copy / "small-static", models_copy / "tampered")
    (models_copy / "tampered" / "head-category.joblib").write_bytes(b"evil")
    assert_error(client.post("/v1/models/tampered/activate"), 409, "does not match its manifest")
    assert client.get("/v1/models").json()["served"] == "small-static"


def test_bearer_tokens(make_client):
    with make_client(api_key="user-key", admin_api_key="admin-key") as client:
        assert client.get("/healthz").status_code == 200
        assert_error(client.post("/v1/classify", json={"text": "x"}), 401, "Bearer")
        assert client.post("/v1/classify", json={"text": "x"}).headers["www-authenticate"] == "Bearer"
        assert_error(client.get("/metrics", headers={"Authorization": "Bearer wrong"}), 401, "Bearer")
        user = {"Authorization": "Bearer user-key"}
        assert client.post("/v1/classify", json={"text": "x"}, headers=user).status_code == 200
        assert client.get("/metrics", headers=user).status_code == 200
        assert_error(client.post("/v1/models/small-static/activate", headers=user), 401, "ADMIN")
        admin = {"Authorization": "Bearer admin-key"}
        assert client.post("/v1/models/small-static/activate", headers=admin).status_code == 200
        assert client.post("/v1/classify", json={"text": "x"}, headers=admin).status_code == 200
    with make_client(admin_api_key="admin-key") as client:
        assert client.post("/v1/classify", json={"text": "x"}).status_code == 200  # no API key: open
        assert_error(client.post("/v1/models/small-static/activate"), 401, "ADMIN")


def test_overload_answers_429_with_retry_after(make_client, monkeypatch):
    with make_client(queue_max_items=2) as client:
        # Other callers' items fill the queue (a batch that could never fit gets a 413 instead: test_edge.py).
        monkeypatch.setattr(client.app.state.service.batcher._queue, "qsize", lambda: 1)
        response = client.post("/v1/classify/batch", json={"items": [{"text": "a"}, {"text": "b"}]})
        assert_error(response, 429, "queue is full")
        assert int(response.headers["retry-after"]) >= 1
        assert "promptprism_overloaded_total 1.0" in client.get("/metrics").text


def test_metrics_exposes_routes_labels_batches_and_model(client):
    client.post("/v1/classify", json={"text": "translate hello into french"})
    client.post("/v1/classify", json={"text": ""})
    text = client.get("/metrics").text
    assert 'promptprism_http_requests_total{method="POST",route="/v1/classify",status="200"} 1.0' in text
    assert 'promptprism_http_requests_total{method="POST",route="/v1/classify",status="422"} 1.0' in text
    assert 'promptprism_classifications_total{dimension="category",label="translation"} 1.0' in text
    assert "promptprism_batch_size_bucket" in text and "promptprism_queue_depth" in text
    assert 'promptprism_active_model_info{backend="static",version="small-static"} 1.0' in text
    assert "promptprism_http_request_duration_seconds_bucket" in text
    assert "promptprism_embedding_cache_hit_rate" in text
