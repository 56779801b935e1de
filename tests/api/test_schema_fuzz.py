"""A bounded schemathesis run over the OpenAPI schema against the real server: no 5xx, one error shape.

Every operation gets up to ``MAX_EXAMPLES`` generated requests that follow the schema and as many that break
it (bodies, parameters and uploads); the server must answer each without a 5xx, and every 4xx in the API's
``{"error": {"type", "message", "field"}}`` shape.
"""

import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tests.api.conftest import running_server

pytestmark = pytest.mark.slow
MAX_EXAMPLES = 30


def test_no_server_errors_and_one_error_shape(small_model_dir: Path, tmp_path: Path):
    # Hypothesis drives each operation's strategy directly (schemathesis' pytest plugin does not load under
    # this pytest); the server is the real one, started once for every operation.
    shutil.copytree(small_model_dir, tmp_path / "models")
    problems: list[str] = []
    counts: dict[int, int] = {}
    with running_server(tmp_path / "models", tmp_path, min_group_count="1") as base:
        schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 15

        for operation, mode in [(op, mode) for op in operations for mode in schemathesis.GenerationMode]:

            @settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            )
            @given(case=operation.as_strategy(mode))  # valid requests, then ones that break the schema
            def exercise(case) -> None:
                response = case.call(base_url=base, timeout=120)
                counts[response.status_code] = counts.get(response.status_code, 0) + 1
                where = f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:300]}"
                if response.status_code >= 500:
                    problems.append(where)
                elif response.status_code >= 400:
                    body = response.json()
                    if set(body) != {"error"} or not {"type", "message", "field"} <= set(body["error"]):
                        problems.append("not the error shape: " + where)

            try:
                exercise()
            except Unsatisfiable:  # nothing to break: an operation without parameters or body (negative mode)
                assert mode == schemathesis.GenerationMode.NEGATIVE
    print(
        f"schemathesis: {sum(counts.values())} requests over {len(operations)} operations, statuses {sorted(counts.items())}"
    )
    assert sum(counts.values()) >= 10 * len(operations), counts
    assert not problems, "\n".join(problems[:20])
