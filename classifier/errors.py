"""Every error PromptPrism raises on purpose, in one module (as scikit-learn's ``sklearn.exceptions``).

Every error carries a message a user can act on; the CLI maps them to exit
codes (docs in the README) and the API (``api/errors.py``) to a 4xx response
with the same message.
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


class DatasetError(PromptPrismError, ValueError):
    """A labeled CSV cannot be trained on; the message says why and how to fix it."""


class LogReadError(PromptPrismError):
    """A log source cannot be read at all (missing, a directory, not readable, not an event store)."""


class TooManyBucketsError(PromptPrismError, ValueError):
    """The chosen time range holds more time buckets than a chart can show."""


class OverloadedError(PromptPrismError):
    """The classification queue is full; retry after ``retry_after`` seconds."""

    def __init__(self, retry_after: int, message: str | None = None) -> None:
        super().__init__(message or f"the classification queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


class StoreUnavailableError(PromptPrismError):
    """The event store cannot commit right now (locked, down, full); nothing was acknowledged: retry later."""

    def __init__(self, reason: str, retry_after: int = 5) -> None:
        super().__init__(f"the event store is unavailable ({reason}); nothing was recorded: retry in {retry_after} s")
        self.reason = reason
        self.retry_after = retry_after


class SpoolFullError(OverloadedError):
    """The ingestion spool holds as many events as it may; retry after ``retry_after`` seconds."""

    def __init__(self, depth: int, max_items: int, retry_after: int = 5) -> None:
        PromptPrismError.__init__(
            self, f"the event spool is full ({depth} of {max_items} events queued); retry in {retry_after} s"
        )
        self.retry_after = retry_after
        self.depth = depth
        self.max_items = max_items
