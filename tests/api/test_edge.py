"""The HTTP edge: lone surrogates, batches that never fail for one member, Host and Origin checks, auth before
bodies, body limits, and secrets kept out of the access log."""

import asyncio
import json
import logging

import pytest

from api.batcher import MicroBatcher
from api.middleware import RedactSecrets
from classifier import load_model, parse_item

JSON = {"content-type": "application/json"}
SURROGATE_FIELD = "the string holds a lone UTF-16 surrogate"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"text": "hi \\ud800 there"}', "text"),
        (b'{"text": "ok", "app": "\\udfff"}', "app"),
        (b'{"text": "ok", "user": "a\\ud800b"}', "user"),
        (b'{"request": {"messages": [{"role": "user", "content": "x\\udc00"}]}}', "request.messages[0].content"),
        (b'{"text": "raw bytes \xed\xa0\x80"}', "text"),  # json.loads reads bytes with "surrogatepass"
    ],
)
def test_a_lone_surrogate_is_a_422_naming_the_field(client, body: bytes, field: str):
    response = client.post("/v1/classify", content=body, headers=JSON)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == field and SURROGATE_FIELD in error["message"]


def test_a_surrogate_pair_is_a_character_and_classifies(client):
    response = client.post("/v1/classify", content=b'{"text": "smile \\ud83d\\ude00 please"}', headers=JSON)
    assert response.status_code == 200, response.text


def test_a_surrogate_in_a_key_is_a_422_not_a_500(client):
    response = client.post("/v1/classify", content=b'{"text": "ok", "\\ud800": 1}', headers=JSON)
    assert response.status_code == 422 and response.json()["error"]["field"] == "\\ud800"


def test_a_batch_never_fails_for_one_member(client):
    body = b'{"items": [{"text": "translate hello into german"}, {"text": "\\ud800"}, {"prompt": "p", "completion": "\\udfff"}, {"text": "write a poem"}]}'
    response = client.post("/v1/classify/batch", content=body, headers=JSON)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert response.json()["errors"] == 2
    assert "labels" in results[0] and "labels" in results[3]
    assert results[1]["index"] == 1 and results[1]["error"]["field"] == "text"
    assert results[2]["error"]["field"] == "completion"


def test_a_micro_batch_never_fails_for_one_members_input(models_copy):
    """Items from concurrent calls share one pass; an item the model fails on fails only its own call."""
    model = load_model(None, models_copy)

    class Picky:  # the real model, failing any pass that holds the poison text (as an unencodable string did)
        def __getattr__(self, name):
            return getattr(model, name)

        def classify_items(self, items, batch_size=32):
            if any(getattr(item, "text", "") == "poison" for item in items):
                raise UnicodeEncodeError("utf-8", "poison", 0, 1, "surrogates not allowed")
            return model.classify_items(items, batch_size)

    async def run():
        batcher = MicroBatcher(Picky(), max_batch=64, max_wait_ms=200)
        batcher.start()
        try:
            texts = [f"translate sentence {i} into french" for i in range(9)] + ["poison"]
            calls = [batcher.classify([parse_item({"text": t})]) for t in texts]
            return texts, await asyncio.gather(*calls, return_exceptions=True), batcher
        finally:
            await batcher.stop()

    texts, outcomes, _ = asyncio.run(run())
    failed = [t for t, o in zip(texts, outcomes, strict=True) if isinstance(o, BaseException)]
    assert failed == ["poison"]
    assert all(o[0].labels["category"].label for o in outcomes[:9])


def test_cross_origin_state_changing_requests_are_refused(client):
    small = client.get("/v1/models").json()["served"]
    evil = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    # A form post, the "simple request" a page can send without a CORS preflight.
    form = client.post(f"/v1/models/{small}/activate", content=b"x=1", headers={**evil, "content-type": "text/plain"})
    assert form.status_code == 403 and form.json()["error"]["type"] == "forbidden"
    assert client.post("/v1/classify", json={"text": "x"}, headers=evil).status_code == 403
    assert client.post("/v1/classify", json={"text": "x"}, headers={"Origin": "null"}).status_code == 403
    # Sec-Fetch-Site alone (a browser that leaves Origin out) is enough.
    assert client.post("/v1/classify", json={"text": "x"}, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    # Reading stays open: a page cannot read the answer without CORS headers anyway.
    assert client.get("/v1/models", headers=evil).status_code == 200


def test_same_origin_and_plain_clients_keep_working(client):
    same = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/v1/classify", json={"text": "x"}, headers=same).status_code == 200
    assert client.post("/v1/classify", json={"text": "x"}).status_code == 200  # curl, SDKs: no Origin


def test_allowed_origins_setting(make_client):
    with make_client(allowed_origins=["https://tools.example"]) as client:
        ok = {"Origin": "https://tools.example", "Sec-Fetch-Site": "cross-site"}
        assert client.post("/v1/classify", json={"text": "x"}, headers=ok).status_code == 200
        other = {"Origin": "https://other.example", "Sec-Fetch-Site": "cross-site"}
        assert client.post("/v1/classify", json={"text": "x"}, headers=other).status_code == 403


def test_host_is_checked_against_the_loopback_names(client):
    response = client.get("/healthz", headers={"Host": "rebound.evil.example:8000"})
    assert response.status_code == 400 and response.json()["error"]["type"] == "invalid_host"
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200


def test_allowed_hosts_setting_and_public_binding(make_client):
    with make_client(allowed_hosts=["prism.internal"]) as client:
        assert client.get("/healthz", headers={"Host": "prism.internal:8000"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "localhost"}).status_code == 400
    with make_client(host="0.0.0.0", api_key="k") as client:  # bound to every interface: any name
        assert client.get("/healthz", headers={"Host": "10.1.2.3:8000"}).status_code == 200


def test_auth_is_checked_before_the_body_is_parsed(make_client):
    with make_client(api_key="k", admin_api_key="admin") as client:
        bad_json = client.post("/v1/classify", content=b"{not json", headers=JSON)
        assert bad_json.status_code == 401
        upload = client.post(
            "/v1/models/train", files={"file": ("x.csv", b"garbage")}, headers={"Authorization": "Bearer k"}
        )
        assert upload.status_code == 401 and "ADMIN" in upload.json()["error"]["message"]
        assert client.post("/v1/classify", json={"text": "x"}, headers={"Authorization": "Bearer k"}).status_code == 200


def test_a_chunked_body_over_the_limit_is_a_413(make_client):
    with make_client(max_body_bytes=100_000) as client:

        def chunks():
            yield b'{"text": "'
            for _ in range(30):
                yield b"a" * 10_000
            yield b'"}'

        response = client.post("/v1/classify", content=chunks(), headers=JSON)
        assert response.status_code == 413 and response.json()["error"]["type"] == "payload_too_large"


def test_a_batch_larger_than_the_queue_says_to_split_it(make_client):
    with make_client(queue_max_items=4) as client:
        response = client.post("/v1/classify/batch", json={"items": [{"text": f"t{i}"} for i in range(5)]})
        assert response.status_code == 413
        assert "split the batch" in response.json()["error"]["message"]


def test_the_access_log_never_shows_a_key():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/?key=s3cret&range=7d", "1.1", 200),
        None,
    )
    RedactSecrets().filter(record)
    assert "s3cret" not in record.getMessage() and "range=7d" in record.getMessage()


ADVERSARIAL = {
    "9.6 MB of 'a;' lines": "a;\n" * 2_400_000,  # as JSON: 4 bytes a line
    "a million newlines": "hi" + "\n" * 1_000_000 + "there",
    "9 MB of '{'": "{" * 9_000_000,
    "9 MB of Chinese": "中文字" * 1_000_000,
    "9 MB of code-like lines": "if (x) { y = f(a, b); }\n" * 370_000,
}


@pytest.mark.slow
def test_adversarial_inputs_up_to_the_body_limit_get_a_2xx_while_healthz_answers(models_copy, tmp_path):
    """The real server at its default limits: each large input is classified, and /healthz never stalls."""
    import threading
    import time

    import httpx

    from tests.api.conftest import running_server

    with running_server(models_copy, tmp_path) as base:
        latencies: list[float] = []
        done = threading.Event()

        def poll_health() -> None:
            with httpx.Client(base_url=base, timeout=30) as health:
                while not done.is_set():
                    started = time.perf_counter()
                    assert health.get("/healthz").status_code == 200
                    latencies.append(time.perf_counter() - started)
                    time.sleep(0.05)

        poller = threading.Thread(target=poll_health)
        poller.start()
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                for name, text in ADVERSARIAL.items():
                    body = json.dumps({"text": text}, ensure_ascii=False).encode()
                    assert 8_000_000 < len(body) <= 10 * 1024 * 1024 or "newlines" in name
                    response = client.post("/v1/classify", content=body, headers=JSON)
                    assert response.status_code == 200, f"{name}: {response.status_code} {response.text[:300]}"
                batch = client.post("/v1/classify/batch", json={"items": [{"text": "{" * 1_000_000}] * 8})
                assert batch.status_code == 200 and batch.json()["errors"] == 0
                # The dashboard's key in the address bar never reaches the access log.
                client.get("/?key=s3cret-key")
        finally:
            done.set()
            poller.join()
        print(f"healthz max {max(latencies):.3f} s over {len(latencies)} polls")
        assert len(latencies) > 5
        assert max(latencies) < 1.0, f"/healthz took up to {max(latencies):.2f} s while large inputs were classified"
    logs = "".join(path.read_text() for path in tmp_path.glob("*.log"))
    assert "GET /?key=" in logs and "s3cret-key" not in logs


def test_activation_by_api_probes_first_and_never_unpickles(make_client, models_copy, tmp_path):
    from tests.classifier.test_model import broken_version, plant_version

    marker = tmp_path / "pwned"
    plant_version(models_copy, "planted", marker)
    broken_version(models_copy, "broken")
    with make_client() as client:
        refused = client.post("/v1/models/broken/activate")
        assert refused.status_code == 409 and "probe" in refused.json()["error"]["message"]
        assert client.get("/v1/models").json()["active"] == "small-static"
        assert client.post("/v1/models/planted/activate").status_code == 200
        assert client.post("/v1/classify", json={"text": "hello"}).json()["model_version"] == "planted"
    assert not marker.exists()


def test_a_256_character_version_name_is_a_404_not_a_500(client):
    response = client.post(f"/v1/models/{'v' * 300}/activate")
    assert response.status_code == 404 and response.json()["error"]["field"] == "version"


def test_a_corrupt_manifest_does_not_break_the_model_list_or_show_paths(client, models_copy):
    broken = models_copy / "corrupt"
    broken.mkdir()
    (broken / "manifest.json").write_text('{"format_version": 1, "version": "corrupt"')
    response = client.get("/v1/models")
    assert response.status_code == 200, response.text
    entries = {v["version"]: v for v in response.json()["versions"]}
    assert "labels" not in entries["corrupt"] and "unreadable" in entries["corrupt"]["error"]
    assert "small-static" in entries
    activate = client.post("/v1/models/corrupt/activate")
    assert activate.status_code == 409
    for text in (response.text, activate.text):
        assert str(models_copy) not in text and str(models_copy.resolve()) not in text


def test_readyz_shows_no_internal_detail(make_client):
    with make_client(api_key="k") as client:
        anonymous = client.get("/readyz")
        assert anonymous.status_code == 200 and anonymous.json() == {"status": "ready", "store": True}
        known = client.get("/readyz", headers={"Authorization": "Bearer k"}).json()
        assert known["model_version"] == "small-static"


def test_the_openapi_schema_covers_every_route_and_error_shape(client):
    from api.routes import ROUTERS, docs

    schema = client.get("/openapi.json").json()
    for router in ROUTERS:
        if router is docs.router:  # /docs and /redoc document the operations; they are not operations themselves
            continue
        for route in router.routes:
            for method in route.methods - {"HEAD"}:
                operation = schema["paths"].get(route.path, {}).get(method.lower())
                assert operation is not None, f"{method} {route.path} is missing from the OpenAPI schema"
                errors = [code for code in operation["responses"] if code.startswith(("4", "5"))]
                assert {"400", "403", "413", "500"} <= set(errors), route.path
                for code in errors:
                    content = operation["responses"][code].get("content", {})
                    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
