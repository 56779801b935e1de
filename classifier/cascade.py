"""A confidence cascade: a fast model labels every item, and only the unsure ones go on to an accurate model.

A cascade is a model version of its own (``manifest.json`` with ``"kind": "cascade"``) that names its two
stages, existing model versions, and the threshold on the fast stage's top probability of the routing
dimension. It has no head files: each stage loads, hash-checked, as any model does. ``load_model`` returns a
:class:`CascadeModel` for such a version, and the service and the CLI use it like any model.

Each result names the stage that decided its labels in ``decided_by``; ``model_version`` stays the
cascade's own version, so recorded events and ``/readyz`` say what was served.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from classifier.errors import ModelLoadError
from classifier.requests import Item, parse_item
from classifier.views import LEGACY_VIEW


class Stage(Protocol):
    """What the cascade needs of each stage: a :class:`classifier.model.PromptPrismModel` (not imported here:
    ``classifier.model`` loads cascades, so importing it back would make a cycle)."""

    version: str
    manifest: dict[str, Any]
    heads: dict[str, Any]
    embedder: Any
    view: str

    def classify_items(self, items: Sequence[Item], batch_size: int = 32) -> list[Any]: ...

    def text_for(self, item: Item) -> str: ...

    def warm_up(self) -> None: ...

    def estimator(self, dimension: str) -> Any: ...


CASCADE_KIND = "cascade"
CASCADE_BACKEND = "cascade"


def is_cascade(manifest: dict[str, Any]) -> bool:
    """Whether a manifest describes a cascade rather than a model with heads."""
    return manifest.get("kind") == CASCADE_KIND


@dataclass
class CascadeEmbedderInfo:
    """What callers read from ``model.embedder`` (backend, name, cache hit rate), for a model with two embedders."""

    fast: Any
    accurate: Any
    name: str
    backend: str = CASCADE_BACKEND

    @property
    def max_tokens(self) -> int:
        """The accurate stage's window (the longer text is kept when both are asked for)."""
        return int(self.accurate.max_tokens)

    @property
    def hit_rate(self) -> float:
        """Share of texts served from the two stages' embedding caches together."""
        hits = getattr(self.fast, "hits", 0) + getattr(self.accurate, "hits", 0)
        total = hits + getattr(self.fast, "misses", 0) + getattr(self.accurate, "misses", 0)
        return hits / total if total else 0.0


class CascadeModel:
    """Two model versions and a threshold: classify with the fast one, re-classify the unsure items accurately.

    An item goes to the accurate stage when the fast stage's top probability on ``dimension`` is
    below ``threshold``; it then takes every label from the accurate stage.
    """

    def __init__(self, manifest: dict[str, Any], fast: Stage, accurate: Stage, path: Path | None = None) -> None:
        self.manifest = manifest
        self.fast = fast
        self.accurate = accurate
        self.path = path
        self.version: str = manifest["version"]
        spec = manifest["cascade"]
        self.threshold = float(spec["threshold"])
        self.dimension: str = spec["dimension"]
        self.view = accurate.view or LEGACY_VIEW
        if self.dimension not in fast.heads:
            raise ModelLoadError(
                f"cascade {self.version}: its fast stage {fast.version} has no {self.dimension!r} head"
            )
        for dimension in accurate.heads:
            if dimension in fast.heads and set(fast.manifest["heads"][dimension]["labels"]) != set(
                accurate.manifest["heads"][dimension]["labels"]
            ):
                raise ModelLoadError(
                    f"cascade {self.version}: stages {fast.version} and {accurate.version} disagree on the labels "
                    f"of {dimension!r}; rebuild the cascade from stages with the same label set"
                )
        self.embedder = CascadeEmbedderInfo(fast.embedder, accurate.embedder, name=f"{fast.version}→{accurate.version}")
        # Routing statistics since load: how many items each stage decided.
        self.decided = {fast.version: 0, accurate.version: 0}

    @property
    def heads(self) -> dict[str, Any]:
        """The heads of the accurate stage, whose labels every result carries."""
        return self.accurate.heads

    @property
    def dimensions(self) -> list[str]:
        """Names of the label dimensions this model answers."""
        return list(self.accurate.heads)

    @property
    def routed_share(self) -> float:
        """Share of the items classified since load that went on to the accurate stage."""
        total = sum(self.decided.values())
        return self.decided[self.accurate.version] / total if total else 0.0

    def estimator(self, dimension: str) -> Any:
        """The accurate stage's scikit-learn estimator of one head."""
        return self.accurate.estimator(dimension)

    def text_for(self, item: Item) -> str:
        """The text the accurate stage reads for ``item``."""
        return self.accurate.text_for(item)

    def embed(self, items: Sequence[Item], batch_size: int = 32) -> Any:
        """Refused: a cascade has two embedders; evaluate each stage, or read the cascade's leave-source-out report."""
        raise ModelLoadError(
            f"{self.version} is a cascade: it has no single embedding to score; evaluate its stages "
            f"({self.fast.version}, {self.accurate.version}) or read its model card"
        )

    def score(self, embeddings: Any) -> Any:
        """Refused, as :meth:`embed`."""
        return self.embed([])

    def route(self, items: Sequence[Item], batch_size: int = 32) -> tuple[list[Any], list[int]]:
        """The fast stage's results for ``items`` and the positions whose top probability is under the threshold."""
        results = self.fast.classify_items(items, batch_size=batch_size)
        unsure = [i for i, r in enumerate(results) if r.labels[self.dimension].probability < self.threshold]
        return results, unsure

    def classify_items(self, items: Sequence[Item], batch_size: int = 32) -> list[Any]:
        """Classify typed items: all through the fast stage, the unsure ones again through the accurate stage."""
        if not items:
            return []
        fast_results, unsure = self.route(items, batch_size)
        results = [
            r.model_copy(update={"model_version": self.version, "decided_by": self.fast.version}) for r in fast_results
        ]
        if unsure:
            accurate_results = self.accurate.classify_items([items[i] for i in unsure], batch_size=batch_size)
            for position, result in zip(unsure, accurate_results, strict=True):
                results[position] = result.model_copy(
                    update={"model_version": self.version, "decided_by": self.accurate.version}
                )
        self.decided[self.accurate.version] += len(unsure)
        self.decided[self.fast.version] += len(items) - len(unsure)
        return results

    def classify(self, request: Any) -> Any:
        """Classify one request: a string, a dict of any accepted shape, or a typed item."""
        return self.classify_many([request])[0]

    def classify_many(self, requests: Sequence[Any], batch_size: int = 32) -> list[Any]:
        """Classify many requests. Raises InputError on the first bad one."""
        return self.classify_items([parse_item(r) for r in requests], batch_size=batch_size)

    def warm_up(self) -> None:
        """Warm both stages, so that neither the first confident nor the first unsure item pays for loading."""
        self.fast.warm_up()
        self.accurate.warm_up()
