"""A durable on-disk spool of events waiting to be classified and recorded.

``POST /v1/events`` answers 202 only once its events are here: :meth:`Spool.put` returns after the
transaction is on disk (SQLite in WAL mode with ``synchronous=FULL`` fsyncs the log on every commit), so
a crash, a power cut or ``kill -9`` after the 202 loses nothing. A background worker :meth:`Spool.take`\\ s
the oldest entries, records them, and only then :meth:`Spool.ack`\\ s them; a crash in between replays
those entries after a restart, and the event store records an id once, so a replay adds no duplicates.

A plain SQLite file (the standard library's ``sqlite3``) rather than segment files: one fsync'd
transaction per request gives atomic batches and crash recovery for free, and its size is bounded by
``max_items`` (a full spool raises :class:`SpoolFullError`, answered with 429 and Retry-After).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from classifier.errors import SpoolFullError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spool (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    enqueued REAL NOT NULL,
    payload TEXT NOT NULL
)
"""


@dataclass
class SpoolEntry:
    """One queued event: its position, when it was queued (Unix seconds) and its JSON payload."""

    seq: int
    enqueued: float
    payload: dict[str, Any]


class Spool:
    """A bounded, crash-safe FIFO of JSON events in one SQLite file (thread-safe)."""

    def __init__(self, path: Path | str, max_items: int = 100_000) -> None:
        self.path = Path(path)
        self.max_items = max_items
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        # FULL: every commit is fsync'd before put() returns; that is what makes the 202 a promise.
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.execute(_SCHEMA)
        self._depth = int(self._conn.execute("SELECT COUNT(*) FROM spool").fetchone()[0])

    @property
    def depth(self) -> int:
        """Events queued and not yet acknowledged."""
        return self._depth

    def put(self, payloads: Sequence[dict[str, Any]]) -> None:
        """Queue ``payloads`` durably, all or none; :class:`SpoolFullError` when they do not fit."""
        if not payloads:
            return
        now = time.time()
        rows = [(now, json.dumps(p, separators=(",", ":"), ensure_ascii=False)) for p in payloads]
        with self._lock:
            if self._depth + len(rows) > self.max_items:
                raise SpoolFullError(self._depth, self.max_items)
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("INSERT INTO spool (enqueued, payload) VALUES (?, ?)", rows)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._depth += len(rows)

    def take(self, limit: int) -> list[SpoolEntry]:
        """The oldest ``limit`` entries, left in the spool until :meth:`ack`."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, enqueued, payload FROM spool ORDER BY seq LIMIT ?", (limit,)
            ).fetchall()
        return [SpoolEntry(seq, enqueued, json.loads(payload)) for seq, enqueued, payload in rows]

    def ack(self, seqs: Sequence[int]) -> None:
        """Remove entries that are recorded (or given up on)."""
        if not seqs:
            return
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                deleted = 0
                for start in range(0, len(seqs), 500):  # SQLite caps bound parameters per statement
                    chunk = list(seqs[start : start + 500])
                    marks = ",".join("?" * len(chunk))
                    deleted += self._conn.execute(f"DELETE FROM spool WHERE seq IN ({marks})", chunk).rowcount
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._depth -= deleted

    def oldest_enqueued(self) -> float | None:
        """When the oldest queued event arrived (Unix seconds), or None when the spool is empty."""
        with self._lock:
            row = self._conn.execute("SELECT MIN(enqueued) FROM spool").fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def lag_seconds(self) -> float:
        """How long the oldest queued event has waited (0 when the spool is empty)."""
        oldest = self.oldest_enqueued()
        return 0.0 if oldest is None else max(0.0, time.time() - oldest)

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._conn.close()
