"""A small asyncio HTTP/1.1 load generator, run as its own process: ``python -m bench.loadgen``.

It keeps ``concurrency`` keep-alive connections busy, each sending the next
request body as soon as its previous answer has arrived (a closed loop), and
records each request's latency from the first byte sent to the last byte
received. It is plain asyncio streams rather than httpx because on a 2-core
machine the client competes with the server for CPU: httpx costs several times
more per request, which would lower the figures it measures.

Input: a JSON file ``{"path": ..., "bodies": [<JSON body>, ...], "headers": {...}}``;
output (stdout): one JSON object with requests, errors, seconds, rps and latency percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values`` by linear interpolation; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length is None:  # the service always sends Content-Length; anything else is a bug worth seeing
        raise RuntimeError(f"response without Content-Length: {head[:200]!r}")
    return status, await reader.readexactly(length)


async def run_load(
    host: str, port: int, path: str, bodies: list[bytes], concurrency: int, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    """Send every body once over ``concurrency`` connections; return counts, rate and latency percentiles."""
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    prefix = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n{extra}"
    queue = iter(range(len(bodies)))
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    last_error: list[str] = []

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            for index in queue:
                body = bodies[index]
                request = f"{prefix}Content-Length: {len(body)}\r\n\r\n".encode() + body
                started = time.perf_counter()
                writer.write(request)
                status, payload = await _read_response(reader)
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                if status != 200:
                    last_error[:] = [payload[:300].decode("utf-8", "replace")]
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(bodies)))))
    seconds = time.perf_counter() - started
    ok = statuses.get(200, 0)
    return {
        "requests": len(latencies),
        "ok": ok,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "last_error": last_error[0] if last_error else None,
        "concurrency": concurrency,
        "seconds": seconds,
        "rps": ok / seconds if seconds > 0 else 0.0,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p95_ms": percentile(latencies, 95) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--input", type=Path, required=True, help="JSON file with path, bodies and headers.")
    args = parser.parse_args(argv)
    spec = json.loads(args.input.read_text(encoding="utf-8"))
    bodies = [json.dumps(b, ensure_ascii=False).encode("utf-8") for b in spec["bodies"]]
    result = asyncio.run(run_load(args.host, args.port, spec["path"], bodies, args.concurrency, spec.get("headers")))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
