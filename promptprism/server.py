"""Start ``promptprism serve`` in a subprocess and wait until it is ready: for tests, benchmarks and scripts.

>>> with running_server(models_dir, workdir, {"api_key": None}) as server:
...     httpx.post(f"{server.base}/v1/classify", json={"text": "hi"})
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """GET ``url``: its status and body (the body is empty on an error status)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as exc:
        return int(exc.code), ""


@dataclass
class Server:
    """A running ``promptprism serve`` process."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base(self) -> str:
        """Its base URL."""
        return f"http://127.0.0.1:{self.port}"

    def wait_for_workers(self, count: int, timeout_s: float = 180.0) -> None:
        """Wait until ``count`` worker processes have loaded their model (``/readyz`` answers once one has)."""
        deadline = time.monotonic() + timeout_s
        while self.log.read_text(errors="replace").count("Application startup complete") < count:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{count} workers did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.2)


@contextlib.contextmanager
def running_server(
    models_dir: Path,
    workdir: Path,
    settings: dict[str, str | None],
    name: str = "server",
    ready_s: float = 180.0,
    args: Sequence[str] = (),
) -> Iterator[Server]:
    """``promptprism serve`` on a free port with its own event store, ready; stopped on exit.

    ``settings`` become ``PROMPTPRISM_<NAME>`` variables (None removes one inherited from this
    process); ``args`` are further ``serve`` flags (``--workers 2``); the event store and the
    server's log go to ``workdir``.
    """
    port = free_port()
    env = {
        **os.environ,
        "PROMPTPRISM_MODELS_DIR": str(models_dir),
        "PROMPTPRISM_DATABASE_PATH": str(workdir / f"events-{name}-{port}.db"),
        # A source checkout serves its own packages even when another copy is installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    for key, value in settings.items():
        if value is None:
            env.pop(f"PROMPTPRISM_{key.upper()}", None)
        else:
            env[f"PROMPTPRISM_{key.upper()}"] = value
    log = workdir / f"{name}-{port}.log"
    script = Path(sys.executable).with_name("promptprism")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "promptprism.cli"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "serve", "--port", str(port), *args], cwd=workdir, env=env, stdout=sink, stderr=sink
        )
    server = Server(process, port, log)
    try:
        deadline = time.monotonic() + ready_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"promptprism serve exited early:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if http_get(f"{server.base}/readyz", 2)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"promptprism serve was not ready in {ready_s:.0f} s:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
