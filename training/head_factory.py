"""The linear heads: one scikit-learn estimator per label dimension.

A head is a plain scikit-learn estimator (so ``clone``, ``cross_val_score``
and ``GridSearchCV`` work on it): a logistic regression over the embedding,
wrapped in temperature-scaling calibration so that its probabilities mean
what they say and a per-dimension abstain threshold is meaningful.
"""

from __future__ import annotations

from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression

DEFAULT_C = 4.0


def make_head(c: float = DEFAULT_C, calibration_folds: int = 5) -> ClassifierMixin:
    """A calibrated logistic-regression head, unfitted.

    ``c`` is the inverse regularisation strength. ``calibration_folds`` is the
    number of folds CalibratedClassifierCV uses; the trainer lowers it when a
    label has fewer examples than that.
    """
    base = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    return CalibratedClassifierCV(base, method="temperature", cv=calibration_folds)
