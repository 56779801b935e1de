"""A loaded model version: an embedder, one head per dimension, and the manifest that ties them.

::

    from classifier import load_model
    model = load_model()
    model.classify("why does my docker build fail with exit code 137?")
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from classifier.artifacts import (
    DEFAULT_MODELS_DIR,
    active_version,
    check_version_name,
    list_versions,
    load_estimator,
    load_heads,
    read_manifest,
    sha256_file,
    version_dir,
    version_of_backend,
)
from classifier.cascade import CascadeModel, is_cascade
from classifier.embedders import CachingEmbedder, Embedder, fingerprint, load_embedder
from classifier.errors import ModelLoadError
from classifier.heads import NumpyHead
from classifier.requests import Item, parse_item
from classifier.signals import Signals, derive_signals
from classifier.views import LEGACY_VIEW, model_text, request_parts, view_design

TOP_K = 3
FINGERPRINT_TOLERANCE = 2e-3


class LabelScore(BaseModel):
    """One label and its calibrated probability."""

    label: str
    probability: float = Field(ge=0.0, le=1.0)


class DimensionResult(BaseModel):
    """The answer of one head."""

    label: str = Field(
        description="Chosen label, or the abstain label when the best probability is under the threshold."
    )
    probability: float = Field(ge=0.0, le=1.0, description="Calibrated probability of the best label.")
    abstained: bool = Field(description="The best probability was under this dimension's threshold.")
    top: list[LabelScore] = Field(description="The best labels with their probabilities, most likely first.")


class ClassificationResult(BaseModel):
    """Everything PromptPrism says about one request."""

    model_version: str
    labels: dict[str, DimensionResult]
    signals: Signals
    decided_by: str | None = Field(
        None,
        description="The model version whose heads gave these labels: one of a cascade's stages, else model_version.",
    )


_embedders: dict[str, CachingEmbedder] = {}
_embedders_lock = threading.Lock()


def shared_embedder(backend: str, cache_size: int | None = None) -> CachingEmbedder:
    """One embedder per backend per process, shared by every model version that uses it.

    ``cache_size`` sets its LRU cache's capacity (default 10,000 when it is
    first loaded; a later call that names a size resizes the shared cache).
    """
    with _embedders_lock:
        if backend not in _embedders:
            _embedders[backend] = CachingEmbedder(load_embedder(backend), capacity=10_000)
        embedder = _embedders[backend]
        if cache_size is not None:
            embedder.resize(cache_size)
        return embedder


class PromptPrismModel:
    """A model version ready to classify."""

    def __init__(self, manifest: dict[str, Any], heads: dict[str, Any], embedder: Embedder, path: Path | None = None):
        self.manifest = manifest
        self.heads = heads
        self.embedder = embedder
        self.path = path
        self.version: str = manifest["version"]
        # A manifest from before views were named was trained on the last-turn view.
        self.view: str = manifest.get("view", LEGACY_VIEW)
        try:
            view_design(self.view)
        except ValueError as exc:
            raise ModelLoadError(f"model {self.version}: {exc}; upgrade PromptPrism to load it") from None
        self.thresholds: dict[str, float] = {d: float(h.get("threshold", 0.0)) for d, h in manifest["heads"].items()}
        self.abstain_labels: dict[str, str] = {
            d: h.get("abstain_label", "unknown") for d, h in manifest["heads"].items()
        }
        # Heads fresh from training are scikit-learn estimators: score them through their numpy copy.
        self.scorers = {
            d: h if isinstance(h, NumpyHead) else NumpyHead.from_estimator(h) or h for d, h in heads.items()
        }

    def estimator(self, dimension: str, *, trusted: bool = False) -> Any:
        """The scikit-learn estimator of one head (from its joblib file when served from arrays).

        The joblib file is a pickle, which runs code when loaded: it is read only with ``trusted=True``.
        """
        head = self.heads[dimension]
        if not isinstance(head, NumpyHead):
            return head
        if self.path is None:
            raise ModelLoadError(f"model {self.version} was not loaded from disk; its estimators are not at hand")
        return load_estimator(self.path, self.manifest, dimension, trusted=trusted)

    @property
    def dimensions(self) -> list[str]:
        """Names of the label dimensions this model answers."""
        return list(self.heads)

    def text_for(self, item: Item) -> str:
        """The text the embedder reads for ``item``."""
        return model_text(request_parts(item), self.embedder.max_tokens, view=self.view)

    def embed(self, items: Sequence[Item], batch_size: int = 32) -> np.ndarray:
        """Embed typed items in one pass."""
        return self.embedder.encode([self.text_for(item) for item in items], batch_size=batch_size)

    def score(self, embeddings: np.ndarray) -> dict[str, tuple[list[str], np.ndarray]]:
        """Run every head on precomputed embeddings: ``{dimension: (classes, probabilities)}``."""
        return {
            dimension: ([str(c) for c in scorer.classes_], scorer.predict_proba(embeddings))
            for dimension, scorer in self.scorers.items()
        }

    def results_from_embeddings(self, items: Sequence[Item], embeddings: np.ndarray) -> list[ClassificationResult]:
        """Turn embeddings of ``items`` into results, with signals read from each item."""
        scores = self.score(embeddings)
        # Sort every row of a dimension at once, then build results without re-validating values that are
        # valid by construction (probabilities of a softmax, labels of the head): validation was a third
        # of the per-item cost on the static backend.
        ranked = {d: (classes, p, np.argsort(-p, axis=1)[:, :TOP_K]) for d, (classes, p) in scores.items()}
        results = []
        for row, item in enumerate(items):
            labels = {}
            for dimension, (classes, probabilities, order) in ranked.items():
                best = int(order[row, 0])
                probability = float(probabilities[row, best])
                abstained = probability < self.thresholds.get(dimension, 0.0)
                labels[dimension] = DimensionResult.model_construct(
                    label=self.abstain_labels[dimension] if abstained else classes[best],
                    probability=round(probability, 4),
                    abstained=abstained,
                    top=[
                        LabelScore.model_construct(label=classes[i], probability=round(float(probabilities[row, i]), 4))
                        for i in order[row]
                    ],
                )
            results.append(
                ClassificationResult.model_construct(
                    model_version=self.version, labels=labels, signals=derive_signals(item), decided_by=self.version
                )
            )
        return results

    def classify_items(self, items: Sequence[Item], batch_size: int = 32) -> list[ClassificationResult]:
        """Classify typed items with one embedding pass."""
        if not items:
            return []
        return self.results_from_embeddings(items, self.embed(items, batch_size=batch_size))

    def classify(self, request: Any) -> ClassificationResult:
        """Classify one request: a string, a dict of any accepted shape, or a typed item."""
        return self.classify_many([request])[0]

    def classify_many(self, requests: Sequence[Any], batch_size: int = 32) -> list[ClassificationResult]:
        """Classify many requests with one embedding pass. Raises InputError on the first bad one."""
        return self.classify_items([parse_item(r) for r in requests], batch_size=batch_size)

    def warm_up(self) -> None:
        """Classify one request before serving, so that no caller pays for lazy loading.

        The language identifier loads its model on first use (about a second), and
        the first batch through torch or numpy allocates its buffers; without this,
        the first requests after start-up or activation wait for all of it. The
        embedding cache is bypassed so the warm-up text leaves no trace in its statistics.
        """
        self.probe()

    def probe(self) -> ClassificationResult:
        """Classify a probe text and check the answer; :class:`ModelLoadError` when the model cannot serve.

        Activation runs it before it switches: a version whose heads are not classifiers of its embeddings
        (wrong shapes, labels that differ from the manifest's, probabilities that are not probabilities) is
        refused there, instead of becoming ACTIVE and failing the next ``serve``.
        """
        item = parse_item({"text": "warm-up: how do I sort a list in python? ¿y en español?"})
        try:
            [result] = self.results_from_embeddings([item], self.embedder.inner.encode([self.text_for(item)]))
        except Exception as exc:  # whatever a broken head raises, the answer is the same: it cannot serve
            raise ModelLoadError(
                f"model {self.version} failed to classify a probe text ({type(exc).__name__}: {exc})"
            ) from exc
        for dimension, scorer in self.scorers.items():
            expected = [str(label) for label in self.manifest["heads"][dimension]["labels"]]
            answer = result.labels[dimension]
            total = sum(score.probability for score in answer.top)
            if (
                [str(c) for c in scorer.classes_] != expected
                or answer.label not in {*expected, self.abstain_labels[dimension]}
                or not (0.0 <= answer.probability <= 1.0)
                or not 0.0 < total <= 1.0 + 1e-3
            ):
                raise ModelLoadError(
                    f"model {self.version}: head {dimension!r} does not answer as a classifier of {expected} "
                    f"(probe answer {answer.label!r} with probability {answer.probability})"
                )
        return result


def resolve_version(models_dir: Path, version: str | None = None, backend: str | None = None) -> str:
    """Pick the version to load: the one named, else the active one (or the active or shipped one of ``backend``)."""
    if version:
        return check_version_name(version)
    versions = list_versions(models_dir)
    active = active_version(models_dir)
    if backend:
        chosen = version_of_backend(models_dir, backend)
        if chosen is None:
            of_backend = [
                v for v in versions if read_manifest(version_dir(models_dir, v))["embedder"]["backend"] == backend
            ]
            hint = (
                f"versions of that backend: {', '.join(of_backend)}; name one with --model, or activate one"
                if of_backend
                else f"train one with --backend {backend}"
            )
            raise ModelLoadError(
                f"no active or shipped model version in {models_dir} uses the {backend!r} backend; {hint}"
            )
        return chosen
    if active:
        return active
    if versions:
        return versions[-1]
    raise ModelLoadError(f"no model in {models_dir}; train one with: promptprism train DATA.csv --out {models_dir}")


def load_model(
    version: str | None = None,
    models_dir: str | Path | None = None,
    backend: str | None = None,
    verify_embedder: bool = True,
    cache_size: int | None = None,
) -> PromptPrismModel | CascadeModel:
    """Load a model version, checking every file against its manifest.

    With no arguments, loads the active version from the shipped ``models/``
    directory. ``backend`` picks the version of that embedding backend
    (``transformer``, ``static`` or ``multilingual``) that is active, was last
    activated on it, or ships with PromptPrism, in that order; ``cascade`` the active
    or newest confidence cascade (:mod:`classifier.cascade`), which loads its two stages.
    ``cache_size`` sets the capacity of the embedding LRU cache (see :func:`shared_embedder`).
    """
    directory = Path(models_dir) if models_dir else DEFAULT_MODELS_DIR
    name = resolve_version(directory, version, backend)
    path = version_dir(directory, name)
    if not path.is_dir():
        raise ModelLoadError(
            f"no model version {name!r} in {directory}; known: {', '.join(list_versions(directory)) or 'none'}"
        )
    manifest = read_manifest(path)
    if is_cascade(manifest):
        return _load_cascade(directory, path, manifest, verify_embedder, cache_size)
    heads = load_heads(path, manifest)
    expected = manifest["embedder"]
    embedder = shared_embedder(expected["backend"], cache_size)
    if embedder.name != expected["name"] or embedder.dimension != expected["dimension"]:
        raise ModelLoadError(
            f"model {name} was trained on {expected['name']} ({expected['dimension']}-d) but the "
            f"{expected['backend']} backend here is {embedder.name} ({embedder.dimension}-d)"
        )
    if verify_embedder and expected.get("fingerprint"):
        actual = fingerprint(embedder.inner)
        if not np.allclose(actual, expected["fingerprint"], atol=FINGERPRINT_TOLERANCE):
            raise ModelLoadError(
                f"model {name} was trained on different {expected['name']} weights than those installed "
                "(the embedding fingerprint differs); retrain it on this embedder"
            )
    return PromptPrismModel(manifest, heads, embedder, path=path)


def _load_cascade(
    directory: Path, path: Path, manifest: dict[str, Any], verify_embedder: bool, cache_size: int | None
) -> CascadeModel:
    """Load a cascade's two stages, each checked as any model is, and refuse a stage that changed since the build."""
    stages = {}
    for role in ("fast", "accurate"):
        spec = manifest["cascade"][role]
        stage_dir = version_dir(directory, check_version_name(spec["version"]))
        manifest_file = stage_dir / "manifest.json"
        if not manifest_file.is_file():
            raise ModelLoadError(
                f"cascade {manifest['version']}: its {role} stage {spec['version']} is not in {directory}; "
                "restore it or rebuild the cascade (python -m training.cascade build)"
            )
        if spec.get("manifest_sha256") and sha256_file(manifest_file) != spec["manifest_sha256"]:
            raise ModelLoadError(
                f"cascade {manifest['version']}: the manifest of its {role} stage {spec['version']} differs from the "
                "one the threshold was chosen for; rebuild the cascade (python -m training.cascade build)"
            )
        stage = load_model(spec["version"], directory, verify_embedder=verify_embedder, cache_size=cache_size)
        if not isinstance(stage, PromptPrismModel):
            raise ModelLoadError(
                f"cascade {manifest['version']}: its {role} stage {spec['version']} is itself a cascade"
            )
        stages[role] = stage
    return CascadeModel(manifest, stages["fast"], stages["accurate"], path=path)
