"""API fixtures: a TestClient over a writable copy of the small model, with a temporary event store."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from promptprism.settings import Settings


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
        # localhost: the service answers only the loopback names when bound to loopback (its default).
        with TestClient(create_app(settings), base_url="http://localhost") as client:
            yield client

    return factory


@pytest.fixture
def client(make_client) -> Iterator[TestClient]:
    """A client with default settings (no auth)."""
    with make_client() as c:
        yield c


@contextmanager
def running_server(models_dir: Path, workdir: Path, **settings: str) -> Iterator[str]:
    """``promptprism serve`` in a subprocess on a free port, ready; yields its base URL.

    ``settings`` become ``PROMPTPRISM_<NAME>`` variables; the event store, the
    embedding cache and the server's log live in ``workdir``.
    """
    from promptprism.server import running_server as start

    with start(models_dir, workdir, {"embedding_cache_dir": str(workdir / "cache"), **settings}, ready_s=120) as server:
        yield server.base
