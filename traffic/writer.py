"""Writes recorded events to the store in batches, off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from traffic.store import EventRecord, EventStore

log = logging.getLogger("promptprism")


class EventWriter:
    """Buffers recorded events and writes them in batches, off the event loop."""

    def __init__(self, store: EventStore, flush_every_s: float = 0.05, max_buffer: int = 512) -> None:
        self.store = store
        self.flush_every_s = flush_every_s
        self.max_buffer = max_buffer
        self._buffer: list[EventRecord] = []
        self._task: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()

    def start(self) -> None:
        """Start the periodic flush."""
        self._task = asyncio.get_running_loop().create_task(self._loop(), name="promptprism-writer")

    def add(self, records: list[EventRecord]) -> None:
        """Queue events for the next flush."""
        self._buffer.extend(records)

    async def flush(self) -> None:
        """Write everything buffered so far."""
        async with self._flush_lock:
            if not self._buffer:
                return
            batch, self._buffer = self._buffer, []
            await asyncio.to_thread(self.store.record, batch)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.flush_every_s)
            try:
                await self.flush()
            except Exception:  # keep serving; the next flush retries new events
                log.exception("writing events failed")

    async def stop(self) -> None:
        """Flush what is left and stop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()
