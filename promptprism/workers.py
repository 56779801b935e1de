"""Several worker processes on one port, each with a listening socket of its own (``SO_REUSEPORT``).

uvicorn's ``--workers`` shares one listening socket between its processes. Whichever process wakes first
accepts every connection waiting, so a client that opens its keep-alive connections at once (a gateway's
pool, a load generator) lands most of them on one worker: 43 of 64 against 21 in one measured run, with
that worker's callers waiting about twice as long while the other had cores to spare. With a socket per
worker in one ``SO_REUSEPORT`` group, Linux spreads new connections over the workers by a hash of the
connection: the same test split 31/33, and an A/B of the static backend served 872 requests/s against 825
on average, with p99/p50 1.46 against 1.61 (docs/benchmarks.md).

uvicorn's supervisor still starts, checks and restarts the workers; only the socket each one serves is
made in the worker. Elsewhere than Linux (where ``SO_REUSEPORT`` does not balance) and on uvicorn versions
whose supervisor differs, :func:`run_workers` falls back to uvicorn's shared socket.
"""

from __future__ import annotations

import contextlib
import inspect
import socket
import sys
from typing import Any


def reuse_port_supported() -> bool:
    """Whether this platform and uvicorn can give each worker a socket of its own."""
    if sys.platform != "linux" or not hasattr(socket, "SO_REUSEPORT"):
        return False
    try:
        from uvicorn.supervisors import multiprocess
    except ImportError:
        return False
    process = getattr(multiprocess, "Process", None)
    target = getattr(process, "target", None)
    return target is not None and list(inspect.signature(target).parameters)[:2] == ["self", "sockets"]


def listening_socket(host: str, port: int, backlog: int, reuse_port: bool) -> socket.socket:
    """A TCP socket bound to ``host:port`` and listening, in the ``SO_REUSEPORT`` group when ``reuse_port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def check_port_free(host: str, port: int) -> None:
    """Raise ``OSError`` (address in use) when another program listens on ``host:port``.

    Bound without ``SO_REUSEPORT``, so that it also fails while another PromptPrism's workers hold the port:
    they would otherwise share their connections with this one's, silently.
    """
    listening_socket(host, port, 1, reuse_port=False).close()


def run_workers(config: Any) -> None:
    """Run ``config.workers`` worker processes under uvicorn's supervisor, each on a socket of its own."""
    from uvicorn.supervisors import multiprocess

    check_port_free(config.host, config.port)
    original = multiprocess.Process
    multiprocess.Process = _ReusePortProcess  # the supervisor makes its workers from this name, in this process
    try:
        multiprocess.Multiprocess(config, sockets=[]).run()
    finally:
        multiprocess.Process = original


def _reuse_port_process_class() -> type:
    from uvicorn.supervisors.multiprocess import Process

    class ReusePortProcess(Process):  # type: ignore[misc, valid-type]
        """A uvicorn worker that opens its own listening socket in the port's ``SO_REUSEPORT`` group."""

        def target(self, sockets: list[socket.socket] | None = None) -> None:  # runs in the worker process
            sock = listening_socket(self.config.host, self.config.port, self.config.backlog, reuse_port=True)
            with contextlib.closing(sock):
                super().target([sock])

    ReusePortProcess.__module__ = __name__
    ReusePortProcess.__qualname__ = "_ReusePortProcess"
    return ReusePortProcess


_ReusePortProcess: Any = _reuse_port_process_class() if reuse_port_supported() else None
