"""Writes recorded events to the store with group commit, off the event loop.

The contract: :meth:`EventWriter.record` returns only once its events are
committed (or, for a value no column can hold, kept in the dead-letter table),
and raises :class:`~classifier.errors.StoreUnavailableError` when the store
cannot commit within ``commit_timeout_s``; the caller then answers 503 and
nothing was acknowledged. Events from every caller that arrive while one commit
runs go into the next, in one transaction, so the cost of waiting for the
commit is shared (group commit, as a database's own log writer does).

A transaction that fails for a reason that retrying cannot fix (a bad row) is
split in halves until the bad rows are alone; they go to the dead-letter table
and every other row is stored. A transient failure (locked, disconnected, disk
full) is retried with backoff until the deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from classifier.errors import StoreUnavailableError
from traffic.store import EventRecord, EventStore, UnstorableEventError, check_record

log = logging.getLogger("promptprism")

RETRY_AFTER_S = 5


@dataclass
class _Group:
    """The events of one caller, and the future it waits on (None: fire and forget)."""

    records: list[EventRecord]
    future: asyncio.Future[None] | None
    failed: list[str] = field(default_factory=list)


def is_transient(exc: BaseException) -> bool:
    """Whether retrying the same transaction later may succeed (locked, disconnected, disk full)."""
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None)  # the driver's own message, without SQLAlchemy's SQL and parameters
    text = str(original if original is not None else exc).splitlines()
    return f"{type(original or exc).__name__}: {text[0] if text else ''}"


class EventWriter:
    """Group-commits recorded events; :meth:`record` waits for the commit, :meth:`add` does not."""

    def __init__(
        self,
        store: EventStore,
        flush_every_s: float = 0.05,
        max_buffer: int = 512,
        commit_timeout_s: float = 10.0,
        on_committed: Callable[[int], None] | None = None,
        on_dead_letter: Callable[[int], None] | None = None,
        on_unavailable: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.flush_every_s = flush_every_s  # how often fire-and-forget events are written at the latest
        self.max_buffer = max_buffer  # most events in one transaction; more wait for the next one
        self.commit_timeout_s = commit_timeout_s
        self.on_committed = on_committed or (lambda n: None)
        self.on_dead_letter = on_dead_letter or (lambda n: None)
        self.on_unavailable = on_unavailable or (lambda n: None)
        self._groups: list[_Group] = []
        self._task: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._flush_lock = asyncio.Lock()

    def start(self) -> None:
        """Start the committing task on the running event loop."""
        self._wake = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._loop(), name="promptprism-writer")

    @property
    def pending(self) -> int:
        """Events waiting for a commit."""
        return sum(len(g.records) for g in self._groups)

    def add(self, records: list[EventRecord]) -> None:
        """Queue events for the next commit without waiting for it (nothing tells the caller if it fails)."""
        if records:
            self._groups.append(_Group(list(records), None))

    async def record(self, records: Sequence[EventRecord]) -> None:
        """Commit ``records`` with whatever else is waiting; return once they are durable.

        A record that no column can hold is kept in the dead-letter table (and
        counts as stored there). Raises :class:`StoreUnavailableError` when
        the store cannot commit within ``commit_timeout_s``.
        """
        if not records:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._groups.append(_Group(list(records), future))
        if self._wake is not None:
            self._wake.set()
        else:  # not started (a script driving the writer by hand): commit now
            await self.flush()
        await future

    async def flush(self) -> None:
        """Commit everything queued so far (waiting on a commit already running)."""
        async with self._flush_lock:
            while self._groups:
                groups, size = [], 0
                while self._groups and (not groups or size + len(self._groups[0].records) <= self.max_buffer):
                    group = self._groups.pop(0)
                    groups.append(group)
                    size += len(group.records)
                try:
                    await asyncio.to_thread(self._commit, groups)
                except Exception as exc:  # never leave a caller waiting: an unexpected failure is a 503 for them
                    log.exception("writing events failed")
                    for group in groups:
                        group.failed.append(_reason(exc))
                for group in groups:
                    if group.future is None or group.future.done():
                        continue
                    if group.failed:
                        group.future.set_exception(StoreUnavailableError(group.failed[0], RETRY_AFTER_S))
                    else:
                        group.future.set_result(None)

    def _commit(self, groups: list[_Group]) -> None:
        """Write the groups' records (in a worker thread); mark a group failed where its records could not be."""
        owner: dict[int, _Group] = {}
        good: list[EventRecord] = []
        bad: list[tuple[EventRecord, str]] = []
        for group in groups:
            for record in group.records:
                owner[id(record)] = group
                try:
                    check_record(record)
                    good.append(record)
                except UnstorableEventError as exc:
                    bad.append((record, f"unstorable: {exc}"))
        deadline = time.monotonic() + self.commit_timeout_s
        unstorable = len(bad)
        failures = self._write(good, deadline, bad)
        committed = len(good) - len(failures) - (len(bad) - unstorable)
        if bad:
            try:
                self._retrying(lambda: self.store.dead_letter(bad), deadline)
                self.on_dead_letter(len(bad))
                log.warning("kept %d unstorable event(s) in the dead-letter table: %s", len(bad), bad[0][1])
            except Exception as exc:  # the dead letters could not be kept either: their callers get a 503
                failures += [(record, _reason(exc)) for record, _ in bad]
        for record, reason in failures:
            owner[id(record)].failed.append(reason)
        if failures:
            self.on_unavailable(len(failures))
            log.error("could not record %d event(s): %s", len(failures), failures[0][1])
        self.on_committed(committed)

    def _retrying(self, action: Callable[[], None], deadline: float) -> None:
        delay = 0.05
        while True:
            try:
                action()
                return
            except Exception as exc:
                if not is_transient(exc) or time.monotonic() + delay > deadline:
                    raise
                log.warning("the event store is busy or unavailable (%s); retrying", _reason(exc))
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _write(
        self, records: list[EventRecord], deadline: float, bad: list[tuple[EventRecord, str]]
    ) -> list[tuple[EventRecord, str]]:
        """Commit ``records``; split on a non-transient failure. Returns the records that could not be written."""
        if not records:
            return []
        try:
            self._retrying(lambda: self.store.record(records), deadline)
            return []
        except Exception as exc:
            if is_transient(exc):  # retried until the deadline: the store is unavailable
                return [(record, _reason(exc)) for record in records]
            if isinstance(exc, IntegrityError):
                # A retry after a commit whose acknowledgement was lost finds its own rows: those are stored.
                with contextlib.suppress(Exception):
                    stored = self.store.existing_ids([r.id for r in records])
                    records = [r for r in records if r.id not in stored]
                    if not records:
                        return []
            if len(records) == 1:
                bad.append((records[0], _reason(exc)))
                return []
            middle = len(records) // 2
            return self._write(records[:middle], deadline, bad) + self._write(records[middle:], deadline, bad)

    async def _loop(self) -> None:
        assert self._wake is not None
        while True:
            # Wake on the first waiting caller; events added without waiting are written every flush_every_s.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.flush_every_s)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:  # keep serving: the callers of that flush were answered by _commit
                log.exception("writing events failed")

    async def stop(self) -> None:
        """Commit what is left and stop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._wake = None
        await self.flush()
