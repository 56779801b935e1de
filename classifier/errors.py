"""Typed errors raised by the classifier package.

Every error carries a message a user can act on; the CLI maps them to exit
code 2 and the API to a 4xx response with the same message.
"""

from __future__ import annotations


class PromptPrismError(Exception):
    """Base class of every error PromptPrism raises on purpose."""


class InputError(PromptPrismError, ValueError):
    """A request to classify is malformed.

    ``field`` names the offending field as a dotted path such as
    ``request.messages[2].role`` so that a caller can find it quickly.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class ModelLoadError(PromptPrismError):
    """A model version cannot be loaded: missing, tampered with, or made by another embedder."""


class EmbedderUnavailableError(ModelLoadError):
    """The embedding model's weights are not installed where they should be."""
