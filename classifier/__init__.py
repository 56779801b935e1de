"""PromptPrism's classifier: label LLM requests by topic, reasoning load and any dimension you train.

Three lines::

    from classifier import load_model
    model = load_model()
    result = model.classify("translate 'good morning' into Japanese")
"""

from classifier.errors import InputError, ModelLoadError, PromptPrismError
from classifier.model import ClassificationResult, DimensionResult, LabelScore, PromptPrismModel, load_model
from classifier.requests import ChatItem, Item, PromptItem, TextItem, parse_item
from classifier.signals import Signals

__all__ = [
    "ChatItem",
    "ClassificationResult",
    "DimensionResult",
    "InputError",
    "Item",
    "LabelScore",
    "ModelLoadError",
    "PromptItem",
    "PromptPrismError",
    "PromptPrismModel",
    "Signals",
    "TextItem",
    "load_model",
    "parse_item",
]
