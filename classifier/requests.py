"""The three request shapes PromptPrism classifies, as typed objects.

1. plain text: ``{"text": ...}`` (or a bare string);
2. a prompt with an optional completion: ``{"prompt": ..., "completion": ...}``;
3. an OpenAI Chat Completions request with an optional response:
   ``{"request": {"messages": [...], "tools": [...]}, "response": {"choices": [...], "usage": {...}}}``.

:func:`parse_item` turns any of them into one of :class:`TextItem`,
:class:`PromptItem` or :class:`ChatItem`; a malformed one raises
:class:`~classifier.errors.InputError` naming the offending field.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from classifier.errors import InputError

Role = Literal["system", "developer", "user", "assistant", "tool", "function"]


class _Lenient(BaseModel):
    """OpenAI objects carry many fields we do not read; keep them instead of refusing them."""

    model_config = ConfigDict(extra="allow")


class ContentPart(_Lenient):
    """One part of a message's content list (``{"type": "text", "text": ...}``, images, audio...)."""

    type: str
    text: str | None = None


class ToolCallFunction(_Lenient):
    """The function a tool call invokes."""

    name: str = ""
    arguments: str | dict[str, Any] | None = None


class ToolCall(_Lenient):
    """A tool call made by the assistant."""

    id: str | None = None
    type: str = "function"
    function: ToolCallFunction | None = None


class ChatMessage(_Lenient):
    """One message of a conversation."""

    role: Role
    content: str | list[ContentPart] | None = None
    tool_calls: list[ToolCall] | None = None
    name: str | None = None

    @property
    def text(self) -> str:
        """The message's text, with list content joined and non-text parts left out."""
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(part.text for part in self.content if part.text)


class ChatRequest(_Lenient):
    """An OpenAI Chat Completions request body."""

    messages: list[ChatMessage] = Field(min_length=1)
    tools: list[dict[str, Any]] | None = None
    model: str | None = None


class Choice(_Lenient):
    """One choice of a chat completion response."""

    message: ChatMessage | None = None
    finish_reason: str | None = None


class CompletionTokensDetails(_Lenient):
    """Breakdown of completion tokens, where reasoning tokens are reported."""

    reasoning_tokens: int | None = Field(default=None, ge=0)


class Usage(_Lenient):
    """Token usage as reported by the provider."""

    prompt_tokens: int | None = Field(default=None, ge=0)
    completion_tokens: int | None = Field(default=None, ge=0)
    total_tokens: int | None = Field(default=None, ge=0)
    completion_tokens_details: CompletionTokensDetails | None = None


class ChatResponse(_Lenient):
    """An OpenAI Chat Completions response body."""

    choices: list[Choice] = Field(default_factory=list)
    usage: Usage | None = None
    model: str | None = None


class TextItem(BaseModel):
    """Plain text to classify."""

    model_config = ConfigDict(extra="forbid")
    text: str

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty or only whitespace")
        return value


class PromptItem(BaseModel):
    """A prompt and, when the call has finished, its completion."""

    model_config = ConfigDict(extra="forbid")
    prompt: str
    completion: str | None = None

    @field_validator("prompt")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty or only whitespace")
        return value


class ChatItem(BaseModel):
    """An OpenAI chat request and, optionally, its response."""

    model_config = ConfigDict(extra="forbid")
    request: ChatRequest
    response: ChatResponse | None = None


Item = TextItem | PromptItem | ChatItem

_SHAPES = "{'text': ...}, {'prompt': ..., 'completion': ...} or {'request': {'messages': [...]}, 'response': {...}}"


_TYPE_TAGS = {"str", "int", "float", "bool", "dict", "list", "none", "null"}


def field_path(loc: tuple[int | str, ...]) -> str:
    """A validation error's location as a dotted path with indexes: ``request.messages[2].role``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _validate(model: type[BaseModel], data: dict[str, Any], prefix: str = "") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        # Union members add their type to the path (ContentPart, str, list[...]); it means nothing to a caller.
        loc = tuple(p for p in loc if not (isinstance(p, str) and (p[:1].isupper() or "[" in p or p in _TYPE_TAGS)))
        field = field_path(loc)
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        raise InputError(first["msg"], field=field or None) from None


def parse_item(data: Any) -> Item:
    """Turn a bare string or a JSON object of any accepted shape into a typed item.

    Also accepts a bare OpenAI request (``{"messages": [...]}``) and a JSON
    string holding any of these. Raises :class:`InputError` naming the field at fault.
    """
    if isinstance(data, (TextItem, PromptItem, ChatItem)):
        return data
    if isinstance(data, str):
        stripped = data.strip()
        if stripped.startswith("{"):
            try:
                return parse_item(json.loads(stripped))
            except json.JSONDecodeError:
                pass
        return _validate(TextItem, {"text": data})
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object such as {_SHAPES}, got {type(data).__name__}")
    keys = set(data)
    if "request" in keys:
        return _validate(ChatItem, {k: data[k] for k in ("request", "response") if k in data})
    if "messages" in keys:
        return _validate(ChatItem, {"request": data})
    if "prompt" in keys:
        return _validate(PromptItem, {k: data[k] for k in ("prompt", "completion") if k in data})
    if "text" in keys:
        return _validate(TextItem, {"text": data["text"]})
    raise InputError(f"no text to classify: send one of {_SHAPES}")


def parse_messages_json(raw: str) -> ChatItem:
    """Parse a JSON array of OpenAI messages (the ``messages`` column of a training CSV)."""
    try:
        messages = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at char {exc.pos})", field="messages") from None
    if not isinstance(messages, list):
        raise InputError("must be a JSON array of {role, content} objects", field="messages")
    return _validate(ChatItem, {"request": {"messages": messages}}, prefix="")
