"""Serving copies of the trained heads, in plain numpy.

Training fits scikit-learn estimators (``training/heads.py``) and saves them
with joblib. Beside each, the model version keeps the arrays inference needs
(each calibration fold's coefficients, intercepts and temperature) in an
``.npz`` file, so that a serving process can score without importing
scikit-learn and SciPy (about 125 MB of memory) and without the
millisecond of input checks that ``predict_proba`` spends on every call.

:class:`NumpyHead` does the arithmetic of ``CalibratedClassifierCV(LogisticRegression,
method="temperature").predict_proba`` in the same order (each fold's decision
function, temperature-scaled softmax, mean over folds), so its probabilities
are the same to the last bit; a test checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ARRAYS_FORMAT = 1


def head_arrays(head: Any) -> dict[str, np.ndarray] | None:
    """The arrays of a temperature-calibrated logistic-regression head, or None for any other estimator."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    if not isinstance(head, CalibratedClassifierCV) or head.method != "temperature":
        return None
    folds = getattr(head, "calibrated_classifiers_", None)
    if not folds or not all(
        type(f.estimator) is LogisticRegression
        and len(f.calibrators) == 1
        # Every fold saw every class (encoded 0..k-1), so its columns are the head's classes in order.
        and np.array_equal(f.estimator.classes_, np.arange(len(head.classes_)))
        for f in folds
    ):
        return None
    arrays: dict[str, np.ndarray] = {
        "format": np.array(ARRAYS_FORMAT),
        "classes": np.array([str(c) for c in head.classes_]),
        "betas": np.array([float(f.calibrators[0].beta_) for f in folds]),
    }
    for i, fold in enumerate(folds):
        # Stored as scikit-learn computes with them: X @ coef.T + intercept (float32 @ float64 gives float64).
        arrays[f"coef_{i}"] = np.asarray(fold.estimator.coef_).T
        arrays[f"intercept_{i}"] = np.asarray(fold.estimator.intercept_)
    return arrays


def save_head_arrays(head: Any, path: Path) -> bool:
    """Write ``head``'s arrays to ``path`` (``.npz``); False when the head is not of the supported kind."""
    arrays = head_arrays(head)
    if arrays is None:
        return False
    with path.open("wb") as handle:
        np.savez(handle, **arrays)  # type: ignore[arg-type]
    return True


def _softmax(logits: np.ndarray) -> np.ndarray:
    # scikit-learn's sklearn.utils.extmath.softmax, step for step, so the results match bit for bit.
    shifted = logits - np.max(logits, axis=1).reshape((-1, 1))
    np.exp(shifted, shifted)
    shifted /= np.sum(shifted, axis=1).reshape((-1, 1))
    return shifted


class NumpyHead:
    """A calibrated logistic-regression head scored in numpy: ``classes_`` and ``predict_proba``."""

    def __init__(self, arrays: dict[str, np.ndarray], fallback: Callable[[], Any] | None = None) -> None:
        if int(arrays["format"]) != ARRAYS_FORMAT:
            raise ValueError(f"head arrays of format {int(arrays['format'])}; this PromptPrism reads {ARRAYS_FORMAT}")
        self.classes_ = np.asarray(arrays["classes"])
        betas = np.asarray(arrays["betas"])
        self.folds = [(arrays[f"coef_{i}"], arrays[f"intercept_{i}"], float(beta)) for i, beta in enumerate(betas)]
        self.binary = self.folds[0][0].shape[1] == 1
        self.n_features = self.folds[0][0].shape[0]
        self._fallback = fallback

    @classmethod
    def load(cls, path: Path, fallback: Callable[[], Any] | None = None) -> NumpyHead:
        """Read a head written by :func:`save_head_arrays`."""
        with np.load(path, allow_pickle=False) as data:
            return cls({name: data[name] for name in data.files}, fallback)

    @classmethod
    def from_estimator(cls, head: Any) -> NumpyHead | None:
        """A numpy copy of a fitted scikit-learn head, or None when it is not of the supported kind."""
        arrays = head_arrays(head)
        return cls(arrays, fallback=lambda: head) if arrays is not None else None

    def predict_proba(self, embeddings: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, one row per embedding, columns in ``classes_`` order."""
        if embeddings.ndim != 2 or embeddings.shape[1] != self.n_features:
            raise ValueError(f"expected embeddings of shape (n, {self.n_features}), got {embeddings.shape}")
        total = np.zeros((embeddings.shape[0], len(self.classes_)))
        if embeddings.shape[0] == 0:
            return total
        for coef, intercept, beta in self.folds:
            decisions = embeddings @ coef + intercept
            if self.binary:
                logits = np.concatenate([-decisions, decisions], axis=1)
            elif self._fallback is not None and (
                ((decisions >= 0) & (decisions <= 1)).all() and np.isclose(decisions.sum(axis=1), 1.0).all()
            ):
                # scikit-learn reads decision values that look like probabilities as probabilities
                # (its _convert_to_logits); leave that rare case to scikit-learn itself.
                return np.asarray(self._fallback().predict_proba(embeddings))
            else:
                logits = decisions
            proba = _softmax(beta * logits)
            proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
            total += proba
        return total / len(self.folds)
