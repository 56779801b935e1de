"""The label taxonomy: every dimension's labels, names, definitions and boundary rules.

Read from ``taxonomy.yaml`` beside this file; nothing else in PromptPrism
hard-codes the labels.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_FILE = Path(__file__).resolve().parent / "taxonomy.yaml"


@lru_cache(maxsize=1)
def load_taxonomy(path: Path = TAXONOMY_FILE) -> dict[str, Any]:
    """The parsed taxonomy: ``{"version": ..., "dimensions": {name: {description, kind, labels}}}``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, dimension in data["dimensions"].items():
        # YAML 1.1 reads a bare yes/no as a boolean; label ids are always strings.
        dimension["labels"] = {str(k): v for k, v in dimension["labels"].items()}
        dimension.setdefault("name", name)
    return data


def label_ids(dimension: str) -> list[str]:
    """Label ids of one dimension, in the taxonomy's order."""
    return list(load_taxonomy()["dimensions"][dimension]["labels"])


def abstain_label(dimension: str) -> str:
    """The label reported when a head is not confident enough (``other`` for category)."""
    dimensions = load_taxonomy()["dimensions"]
    return str(dimensions.get(dimension, {}).get("abstain_label", "unknown"))
