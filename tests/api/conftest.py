"""API fixtures: a TestClient over a writable copy of the small model, with a temporary event store."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


@pytest.fixture
def make_client(models_copy: Path, tmp_path: Path) -> Callable[..., Iterator[TestClient]]:
    """Context manager factory: ``with make_client(api_key="k") as client: ...``."""

    @contextmanager
    def factory(**overrides) -> Iterator[TestClient]:
        settings = Settings(
            models_dir=models_copy,
            database_path=tmp_path / "events.db",
            embedding_cache_dir=tmp_path / "cache",
            **overrides,
        )
        with TestClient(create_app(settings)) as client:
            yield client

    return factory


@pytest.fixture
def client(make_client) -> Iterator[TestClient]:
    """A client with default settings (no auth)."""
    with make_client() as c:
        yield c


ROOT = Path(__file__).parents[2]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(models_dir: Path, workdir: Path, **settings: str) -> Iterator[str]:
    """``promptprism serve`` in a subprocess on a free port, ready; yields its base URL.

    ``settings`` become ``PROMPTPRISM_<NAME>`` variables; the event store and the
    embedding cache live in ``workdir``, which also keeps the server's log.
    """
    port = free_port()
    env = {
        **os.environ,
        "PROMPTPRISM_MODELS_DIR": str(models_dir),
        "PROMPTPRISM_DATABASE_PATH": str(workdir / "events.db"),
        "PROMPTPRISM_EMBEDDING_CACHE_DIR": str(workdir / "cache"),
        **{f"PROMPTPRISM_{name.upper()}": value for name, value in settings.items()},
    }
    log_path = workdir / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 120
            while True:
                assert process.poll() is None, log_path.read_text()
                try:
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.time() < deadline, "the server did not become ready"
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
