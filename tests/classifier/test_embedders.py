"""Every backend loads offline from local files and returns unit vectors; the LRU cache works."""

import os
from pathlib import Path

import numpy as np
import pytest

from classifier.embedders import CachingEmbedder, blas_threads, fingerprint, load_embedder
from classifier.errors import EmbedderUnavailableError
from classifier.model import shared_embedder


@pytest.mark.parametrize(("backend", "dimension"), [("static", 256), ("multilingual", 512), ("transformer", 384)])
def test_backend_gives_unit_vectors(backend, dimension):
    embedder = shared_embedder(backend)
    vectors = embedder.encode(["how do I sort a list in python", "请把这句话翻译成英文"])
    assert vectors.shape == (2, dimension)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.encode([]).shape == (0, dimension)


def test_similar_texts_are_closer_than_unrelated_ones():
    embedder = shared_embedder("multilingual")
    a, b, c = embedder.encode(["fix my python bug", "debug this python error", "a poem about the sea"])
    assert a @ b > a @ c


def test_missing_static_model_says_how_to_build_it(tmp_path: Path):
    with pytest.raises(EmbedderUnavailableError, match=r"python -m training\.static_multilingual"):
        load_embedder("static", static_dir=tmp_path / "nowhere")


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="transformer, static, multilingual"):
        load_embedder("bert-large")


def test_cache_serves_repeats_without_embedding_again():
    inner = shared_embedder("static").inner
    calls = []

    class Counting:
        name, backend, dimension, max_tokens = inner.name, inner.backend, inner.dimension, inner.max_tokens

        def encode(self, texts, batch_size=32):
            calls.append(list(texts))
            return inner.encode(texts, batch_size)

    cache = CachingEmbedder(Counting(), capacity=2)
    first = cache.encode(["a", "b", "a"])
    assert calls == [["a", "b"]]
    again = cache.encode(["b", "a"])
    assert calls == [["a", "b"]] and np.allclose(again, first[[1, 0]])
    assert cache.hits == 3 and cache.misses == 2
    cache.encode(["c"])  # evicts the least recently used ("b")
    cache.encode(["b"])
    assert calls[-1] == ["b"]


def test_fingerprint_is_stable():
    embedder = shared_embedder("static").inner
    assert fingerprint(embedder) == fingerprint(embedder)


def test_numpy_static_embedder_matches_sentence_transformers_bit_for_bit():
    from classifier.embedders import STATIC_EMBEDDER_DIR, SentenceTransformerEmbedder, StaticEmbedder
    from classifier.views import model_text, request_parts
    from tests.support import sample_items

    texts = [model_text(request_parts(i), 512) for i in sample_items(300)]
    texts += ["a", "请把这句话翻译成英文", "🙂" * 40]
    ours = load_embedder("static")
    assert isinstance(ours, StaticEmbedder)
    reference = SentenceTransformerEmbedder(STATIC_EMBEDDER_DIR, ours.name, "static", ours.max_tokens)
    assert np.array_equal(ours.encode(texts), reference.encode(texts))


def test_multilingual_encoder_threads_follow_omp_num_threads(monkeypatch):
    # serve --workers N sets OMP_NUM_THREADS to cores / N; the encoder must not spin a thread per core regardless.
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert blas_threads() == 1
    assert load_embedder("multilingual")._model.threads == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "not-a-number")
    assert blas_threads() == min(4, os.cpu_count() or 1)
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert blas_threads() == min(4, os.cpu_count() or 1)
