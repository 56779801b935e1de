"""Inputs the tests share: real-shaped requests read from the project's own labeled data."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from classifier.requests import Item
from training.dataset import read_labeled_csv

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_CSV = ROOT / "training" / "data" / "heldout.csv"


def sample_items(n: int) -> list[Item]:
    """``n`` typed requests of every shape (text, prompt + completion, chats), from the authored held-out file.

    Cycles through the file when ``n`` is larger than it, so every call with the same ``n`` gives the same items.
    """
    items = read_labeled_csv(HELDOUT_CSV).items
    return list(itertools.islice(itertools.cycle(items), n))


def sample_requests(n: int) -> list[dict[str, Any]]:
    """The same requests as :func:`sample_items`, as the JSON bodies ``/v1/classify`` accepts."""
    return [item.model_dump(mode="json", exclude_none=True) for item in sample_items(n)]
