"""bench.workers: wrk's report is read right, and a tiny run against a real multi-worker server works."""

import shutil
from pathlib import Path

import pytest

from bench.workers import main, parse_wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/v1/classify
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.12ms   10.01ms 120.00ms   80.00%
    Req/Sec   800.00    100.00     1.00k    70.00%
  Latency Distribution
     50%   38.50ms
     75%   45.00ms
     90%  612.00us
     99%    1.20s
  15987 requests in 10.01s, 9.50MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   1597.10
Transfer/sec:      0.95MB
"""


def test_parse_wrk_reads_rate_percentiles_in_every_unit_and_errors():
    figures = parse_wrk(WRK_OUTPUT)
    assert figures["requests"] == 15987 and figures["rps"] == 1597.10
    assert figures["p50_ms"] == 38.5 and figures["p90_ms"] == pytest.approx(0.612) and figures["p99_ms"] == 1200.0
    assert figures["non_2xx"] == 3


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_tiny_run_against_two_workers(small_model_dir: Path, tmp_path: Path, capsys):
    main(
        [
            "--models-dir",
            str(small_model_dir),
            "--backends",
            "static",
            "--workers",
            "1,2",
            "--seconds",
            "2",
            "--items",
            "64",
            "--connections",
            "8",
            "--out",
            str(tmp_path),
            "--ceiling",
        ]
    )
    out = capsys.readouterr().out
    assert "2 worker(s)" in out and "raw embedder" in out
    assert "bare FastAPI app (the framework's ceiling)" in out  # every body answered 2xx, or wrk would have raised
    assert (tmp_path / "workers.json").is_file() and (tmp_path / "workers.md").is_file()
