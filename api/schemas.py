"""Request and response bodies of the HTTP API (also the CLI's JSONL output shape)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from classifier import ClassificationResult, DimensionResult, Signals
from classifier.errors import InputError
from classifier.requests import ChatRequest, ChatResponse, Item, parse_item
from traffic.store import MAX_COUNT, MAX_METADATA_CHARS, count_problem, metadata_problem, timestamp_problem


def _storable_text(value: str | None) -> str | None:
    # Checked at the edge, so that a value the event store cannot hold is a 422 naming its field, not a failed write.
    problem = metadata_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# The usage counts that become stored token counts (prompt_tokens after Anthropic's are read into it).
_USAGE_COUNTS = (
    "input_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "output_tokens",
    "prompt_tokens",
    "completion_tokens",
)
MetadataText = Annotated[str | None, AfterValidator(_storable_text)]


def _storable_time(value: datetime | None) -> datetime | None:
    problem = timestamp_problem(value)
    if problem:
        raise ValueError(problem)
    return value


EventTime = Annotated[datetime | None, AfterValidator(_storable_time)]


class ErrorDetail(BaseModel):
    """What went wrong and how to fix it."""

    type: str = Field(description="Machine-readable kind, e.g. invalid_request, payload_too_large, overloaded.")
    message: str = Field(description="What was wrong and how to fix it.")
    field: str | None = Field(None, description="The offending field, as a dotted path, when there is one.")


class ErrorResponse(BaseModel):
    """The one error shape of every 4xx and 5xx response."""

    error: ErrorDetail


class ClassifyRequest(BaseModel):
    """One item to classify, in any of the three shapes, with optional metadata.

    Send exactly one of ``text``; ``prompt`` (with optional ``completion``); or
    ``request`` (an OpenAI chat request, with optional ``response``).
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": "how do I undo my last git commit?", "app": "ide-plugin"},
                {
                    "request": {
                        "model": "gpt-4o",
                        "messages": [{"role": "user", "content": "Translate 'thank you' to Korean"}],
                    },
                    "response": {
                        "choices": [
                            {"message": {"role": "assistant", "content": "감사합니다"}, "finish_reason": "stop"}
                        ],
                        "usage": {"prompt_tokens": 14, "completion_tokens": 4},
                    },
                },
            ]
        },
    )

    text: str | None = None
    prompt: str | None = None
    completion: str | None = None
    request: ChatRequest | None = None
    response: ChatResponse | None = None
    model: MetadataText = Field(
        None, max_length=MAX_METADATA_CHARS, description="The LLM that served the call (for group_by=model)."
    )
    app: MetadataText = Field(
        None, max_length=MAX_METADATA_CHARS, description="The calling application (for group_by=app)."
    )
    user: MetadataText = Field(
        None,
        max_length=MAX_METADATA_CHARS,
        description="A user or API-key id; stored as given, never shown in distributions.",
    )
    timestamp: EventTime = Field(
        None, description="When the call happened (1970-01-01 to 2261-12-31, UTC); default: now."
    )
    prompt_tokens: int | None = Field(None, ge=0, le=MAX_COUNT, description="Overrides the prompt token count.")
    completion_tokens: int | None = Field(None, ge=0, le=MAX_COUNT, description="Overrides the completion token count.")
    record: bool = Field(True, description="Store the classification for distributions.")

    def to_item(self) -> Item:
        """The classifier's typed item for this request; InputError if no shape or several are given."""
        shapes = [name for name in ("text", "prompt", "request") if getattr(self, name) is not None]
        if len(shapes) != 1:
            raise InputError(
                "send exactly one of 'text', 'prompt' (with optional 'completion') or 'request' (with optional "
                f"'response'); got {shapes or 'none'}"
            )
        if self.completion is not None and shapes[0] != "prompt":
            raise InputError(
                "'completion' goes with 'prompt'; for chat requests put the answer in 'response'", "completion"
            )
        if self.response is not None and shapes[0] != "request":
            raise InputError("'response' goes with 'request'", "response")
        self.check_storable()
        if shapes[0] == "request":
            return parse_item(self.model_dump(include={"request", "response"}, exclude_none=True, by_alias=True))
        if shapes[0] == "prompt":
            return parse_item({"prompt": self.prompt, "completion": self.completion})
        return parse_item({"text": self.text})

    def check_storable(self) -> None:
        """InputError naming the field when the chat request or response holds metadata the store cannot hold.

        The model names and the usage counts become event columns; the other
        metadata fields are checked by their own validators.
        """
        if self.request is not None:
            problem = metadata_problem(self.request.model)
            if problem:
                raise InputError(problem, "request.model")
        if self.response is None:
            return
        problem = metadata_problem(self.response.model)
        if problem:
            raise InputError(problem, "response.model")
        usage = self.response.usage
        if usage is None:
            return
        details = usage.completion_tokens_details
        counts = {name: getattr(usage, name) for name in _USAGE_COUNTS}
        counts["completion_tokens_details.reasoning_tokens"] = details.reasoning_tokens if details else None
        for name, value in counts.items():
            problem = count_problem(value) if value is not None else None
            if problem:
                # prompt_tokens may be Anthropic's input_tokens plus its cache tokens, each in bounds on its own.
                raise InputError(problem, f"response.usage.{name}")


class ClassifyResponse(BaseModel):
    """The classification of one item."""

    id: str = Field(description="Id of this classification (the event id when recorded).")
    model_version: str
    labels: dict[str, DimensionResult]
    signals: Signals
    elapsed_ms: float = Field(description="Time spent on this item, queueing included.")
    decided_by: str | None = Field(
        None, description="The model version whose heads gave the labels: a cascade's stage, else model_version."
    )

    @classmethod
    def from_result(cls, result: ClassificationResult, elapsed_ms: float, id: str | None = None) -> ClassifyResponse:
        """Wrap a classifier result with an id and its timing."""
        return cls(
            id=id or uuid.uuid4().hex,
            model_version=result.model_version,
            labels=result.labels,
            signals=result.signals,
            elapsed_ms=round(elapsed_ms, 3),
            decided_by=result.decided_by,
        )


class BatchRequest(BaseModel):
    """Several items to classify in one call."""

    model_config = ConfigDict(extra="forbid")
    items: list[dict[str, Any]] = Field(description="Items in any of the shapes /v1/classify accepts.")


class BatchError(BaseModel):
    """An error entry standing in place of an item that could not be classified."""

    index: int
    error: ErrorDetail


class BatchResponse(BaseModel):
    """Results in the order of the items; a bad item gets an error entry in its place."""

    results: list[ClassifyResponse | BatchError]
    errors: int


class LabelShare(BaseModel):
    """One label's count and share within a bucket and group."""

    label: str
    count: int
    tokens: int
    share: float


class DistributionBucket(BaseModel):
    """Shares of one time bucket (or of the whole range) for one group."""

    bucket: datetime | None = Field(description="Start of the bucket (UTC); null when not bucketed.")
    group: str | None = Field(description="Value of the group_by field; null when not grouped.")
    total_requests: int
    total_tokens: int
    labels: list[LabelShare]


class DistributionResponse(BaseModel):
    """A distribution report: shares of each label of a dimension, per bucket and group."""

    dimension: str
    weight: Literal["requests", "tokens"]
    bucket: Literal["hour", "day", "week"] | None
    group_by: str | None
    since: datetime | None
    until: datetime | None
    suppressed_groups: int = Field(description="Groups left out for having fewer requests than the minimum.")
    buckets: list[DistributionBucket]


class DistributionPost(BaseModel):
    """Items to report on without recording them."""

    model_config = ConfigDict(extra="forbid")
    items: list[dict[str, Any]]
    dimension: str = "category"
    weight: Literal["requests", "tokens"] = "requests"
    group_by: str | None = None
    bucket: Literal["hour", "day", "week"] | None = Field(
        None, description="Time bucket (UTC) of each item's timestamp (default: now)."
    )
    since: datetime | None = Field(None, description="Only items at or after this time; naive means UTC.")
    until: datetime | None = Field(None, description="Only items before this time; naive means UTC.")


class EventIn(ClassifyRequest):
    """One LLM call to ingest (``POST /v1/events``): any shape ``/v1/classify`` accepts, plus metadata."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "chatcmpl-9a1b2c3d-4e5f-6789-abcd-ef0123456789",
                    "request": {"model": "gpt-4o", "messages": [{"role": "user", "content": "Summarise this memo"}]},
                    "response": {"choices": [{"message": {"role": "assistant", "content": "The memo says..."}}]},
                    "app": "support-bot",
                    "user": "u-42",
                    "cost": 0.00042,
                    "latency_ms": 812.5,
                }
            ]
        },
    )

    id: str | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="The call's id (up to 128 characters); an id already recorded is not recorded again.",
    )
    cost: float | None = Field(None, ge=0, description="What the call cost, in your currency (e.g. LiteLLM's).")
    latency_ms: float | None = Field(None, ge=0, description="How long the LLM call took.")
    metadata: dict[str, Any] | None = Field(None, description="Free-form metadata, stored with the event.")


class EventsAccepted(BaseModel):
    """What ``POST /v1/events`` did with the events: queued (durably), sampled out, or refused."""

    queued: int = Field(description="Events written to the on-disk spool; they will be classified and recorded.")
    sampled_out: int = Field(description="Events left out by PROMPTPRISM_SAMPLE_RATE.")
    ids: list[str] = Field(description="The id of each queued event (generated where none was sent).")
    errors: list[BatchError] = Field(description="Events refused, by index, with what was wrong.")
