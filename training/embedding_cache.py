"""An on-disk cache of embeddings keyed by content hash, so retraining does not embed the same texts again.

One SQLite file per embedder (its name and fingerprint make the file name),
so a different model never serves stale vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

from classifier.embedders import Embedder, content_key, fingerprint

DEFAULT_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "promptprism" / "embeddings"


class EmbeddingCache:
    """Vectors of one embedder, stored in SQLite by the SHA-256 of their text."""

    def __init__(self, embedder: Embedder, cache_dir: Path | None = None) -> None:
        self.embedder = embedder
        inner = getattr(embedder, "inner", embedder)
        identity = json.dumps([embedder.name, embedder.dimension, fingerprint(inner)])
        tag = hashlib.sha256(identity.encode()).hexdigest()[:16]
        directory = Path(cache_dir or DEFAULT_CACHE_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{embedder.backend}-{tag}.sqlite"
        self.hits = 0
        self.misses = 0
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def encode(self, texts: Sequence[str], batch_size: int = 32, progress: bool = True) -> np.ndarray:
        """Embed ``texts``, reading cached vectors and embedding (with a progress bar) only the rest."""
        keys = [content_key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._connect() as db:
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        todo = [k for k in dict.fromkeys(keys) if k not in found]
        self.hits = len(keys) - sum(1 for k in keys if k not in found)
        self.misses = len(keys) - self.hits
        if todo:
            first_text = {}
            for key, text in zip(keys, texts, strict=True):
                first_text.setdefault(key, text)
            step = max(batch_size * 4, 128)
            with tqdm(total=len(todo), desc="embedding", unit="text", disable=not progress) as bar:
                for start in range(0, len(todo), step):
                    chunk = todo[start : start + step]
                    vectors = self.embedder.encode([first_text[k] for k in chunk], batch_size=batch_size)
                    with self._connect() as db:
                        db.executemany(
                            "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                            [(k, v.astype(np.float32).tobytes()) for k, v in zip(chunk, vectors, strict=True)],
                        )
                    found.update(zip(chunk, vectors, strict=True))
                    bar.update(len(chunk))
        if not keys:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)
