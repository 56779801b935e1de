"""Shared fixtures: a small model trained once per session on the real (static) embedder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA = Path(__file__).parent / "data"
SMALL_CSV = DATA / "small_train.csv"


@pytest.fixture(scope="session")
def small_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models directory holding one small static-backend model trained on tests/data/small_train.csv.

    Read-only for tests: copy it (``models_copy``) before training or activating in it.
    """
    from training.train import TrainOptions, train_model

    directory = tmp_path_factory.mktemp("models")
    train_model(
        SMALL_CSV,
        directory,
        TrainOptions(
            backend="static",
            test_size=0.34,
            version="small-static",
            activate=True,
            cache_dir=tmp_path_factory.mktemp("embedding-cache"),
        ),
    )
    return directory


@pytest.fixture
def models_copy(small_model_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the small models directory."""
    target = tmp_path / "models"
    shutil.copytree(small_model_dir, target)
    return target
