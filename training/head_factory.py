"""The linear heads: one scikit-learn estimator per label dimension, and how each is fitted.

A head is a plain scikit-learn estimator (so ``clone``, ``cross_val_score``
and ``GridSearchCV`` work on it): a logistic regression over the embedding,
wrapped in temperature-scaling calibration so that its probabilities mean
what they say and a per-dimension abstain threshold is meaningful.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

DEFAULT_C = 4.0
C_GRID = (1.0, 4.0, 16.0)


def make_head(c: float = DEFAULT_C, calibration_folds: int = 5) -> ClassifierMixin:
    """A calibrated logistic-regression head, unfitted.

    ``c`` is the inverse regularisation strength. ``calibration_folds`` is the
    number of folds CalibratedClassifierCV uses; the trainer lowers it when a
    label has fewer examples than that.
    """
    base = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    return CalibratedClassifierCV(base, method="temperature", cv=calibration_folds)


def calibration_folds(labels: list[str], outer_folds: int = 1) -> int:
    """Calibration folds that every label can fill, inside an outer CV fold when there is one."""
    smallest = int(min(np.unique(labels, return_counts=True)[1]))
    if outer_folds > 1:
        smallest -= -(-smallest // outer_folds)  # what the smallest label keeps in a training fold
    return max(2, min(5, smallest))


def choose_c(vectors: np.ndarray, labels: list[str], seed: int, grid: tuple[float, ...] = C_GRID) -> float:
    """The regularisation of ``grid`` with the best cross-validated score on these rows.

    Macro-F1 for multiclass heads, balanced accuracy for binary ones, scored with
    plain logistic regression: temperature calibration never changes which label wins.
    """
    y = np.asarray(labels)
    folds = StratifiedKFold(min(5, calibration_folds(labels)), shuffle=True, random_state=seed)
    scoring = "f1_macro" if len(set(labels)) > 2 else "balanced_accuracy"
    scores = {
        c: cross_val_score(
            LogisticRegression(C=c, max_iter=3000, class_weight="balanced"), vectors, y, cv=folds, scoring=scoring
        ).mean()
        for c in grid
    }
    return max(scores, key=lambda c: (scores[c], -c))


def fit_head(vectors: np.ndarray, labels: list[str], c: float) -> Any:
    """A calibrated head with regularisation ``c``, fitted on these rows."""
    head = make_head(c=c, calibration_folds=calibration_folds(labels))
    return head.fit(vectors, np.asarray(labels))
