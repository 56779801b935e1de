"""The three request shapes PromptPrism classifies, as typed objects.

1. plain text: ``{"text": ...}`` (or a bare string);
2. a prompt with an optional completion: ``{"prompt": ..., "completion": ...}``;
3. a chat request with an optional response, in either provider's shape:
   OpenAI Chat Completions,
   ``{"request": {"messages": [...], "tools": [...]}, "response": {"choices": [...], "usage": {...}}}``,
   or Anthropic Messages,
   ``{"request": {"system": ..., "messages": [...]}, "response": {"type": "message", "content": [...]}}``.

:func:`parse_item` turns any of them into one of :class:`TextItem`,
:class:`PromptItem` or :class:`ChatItem`; a malformed one raises
:class:`~classifier.errors.InputError` naming the offending field.

An Anthropic chat is read into the same objects as an OpenAI one while it is
validated, so that views and signals never ask which provider sent it: the
top-level ``system`` becomes a system message, ``tool_use`` blocks become tool
calls, ``tool_result`` blocks become tool messages, the response's content
becomes its one choice and its ``usage`` reads as prompt and completion tokens.
Reading is idempotent: dumping a read item and reading it again gives the same item.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator, model_validator

from classifier.errors import InputError

Role = Literal["system", "developer", "user", "assistant", "tool", "function"]


class _Lenient(BaseModel):
    """OpenAI objects carry many fields we do not read; keep them instead of refusing them."""

    model_config = ConfigDict(extra="allow")


class ContentPart(_Lenient):
    """One part of a message's content list: OpenAI's parts and Anthropic's content blocks.

    Besides text, Anthropic sends ``tool_use`` (``id``, ``name``, ``input``), ``tool_result``
    (``tool_use_id`` and ``content``, a string or blocks), ``document`` (``source``), ``image`` and
    ``thinking`` blocks. Images and thinking have no text a view reads.
    """

    type: str
    text: str | None = None
    id: str | None = None
    name: str | None = None
    input: dict[str, Any] | str | None = None
    tool_use_id: str | None = None
    # A server tool's result may be one object (a search error, a code run's output): nothing a view reads.
    content: str | list[ContentPart] | dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    title: str | None = None

    @property
    def readable_text(self) -> str:
        """The text this part carries for a reader: its text, a tool result's content, a text document."""
        if self.type == "tool_result":
            return _blocks_text(self.content)
        if self.type == "document" and self.source is not None:
            body = _document_text(self.source)
            return "\n".join(t for t in (self.title, body) if t) if body else ""
        return self.text or ""


def _blocks_text(content: str | list[ContentPart] | dict[str, Any] | None) -> str:
    if content is None or isinstance(content, dict):
        return ""
    if isinstance(content, str):
        return content
    return "\n".join(text for part in content if (text := part.readable_text))


def _document_text(source: dict[str, Any]) -> str:
    # A plain-text document carries its text; a PDF or an image (base64, URL, file id) has none to read here.
    if source.get("type") == "text" and isinstance(source.get("data"), str):
        return str(source["data"])
    if source.get("type") == "content" and isinstance(source.get("content"), (str, list)):
        try:
            return _blocks_text(TypeAdapter(str | list[ContentPart]).validate_python(source["content"]))
        except ValidationError:
            return ""
    return ""


# Anthropic's blocks for a tool the model calls: the caller's tools, and the ones Anthropic's servers or an MCP
# server run (web search, code execution...). Each is a tool call to a traffic report.
_TOOL_USE_BLOCKS = frozenset({"tool_use", "server_tool_use", "mcp_tool_use"})


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
    tool_call_id: str | None = None
    name: str | None = None

    @property
    def text(self) -> str:
        """The message's text, with list content joined and parts without text (images, thinking) left out."""
        return _blocks_text(self.content)

    @model_validator(mode="after")
    def _tool_use_as_tool_calls(self) -> ChatMessage:
        # Anthropic's tool_use blocks are what OpenAI calls tool calls; moving them out of the content
        # keeps a second reading of a dumped item from counting the calls twice.
        if not isinstance(self.content, list) or not any(p.type in _TOOL_USE_BLOCKS for p in self.content):
            return self
        calls = [
            ToolCall(id=p.id, function=ToolCallFunction(name=p.name or "", arguments=p.input))
            for p in self.content
            if p.type in _TOOL_USE_BLOCKS
        ]
        self.tool_calls = [*(self.tool_calls or []), *calls]
        self.content = [p for p in self.content if p.type not in _TOOL_USE_BLOCKS]
        return self

    def split_tool_results(self) -> list[ChatMessage]:
        """This message as OpenAI sends it: Anthropic's ``tool_result`` blocks become tool messages before it.

        Anthropic returns tool results inside a user message; read as a user turn, a tool's output would
        count as a turn and pass for the user's question. What else the message says stays a user message.
        """
        if not isinstance(self.content, list) or not any(p.type == "tool_result" for p in self.content):
            return [self]
        results = [
            ChatMessage(role="tool", content=p.readable_text, tool_call_id=p.tool_use_id)
            for p in self.content
            if p.type == "tool_result"
        ]
        rest = [p for p in self.content if p.type != "tool_result"]
        return [*results, self.model_copy(update={"content": rest})] if rest else results


class ChatRequest(_Lenient):
    """A chat request body: OpenAI Chat Completions, or Anthropic Messages read into the same shape."""

    messages: list[ChatMessage] = Field(min_length=1)
    tools: list[dict[str, Any]] | None = None
    model: str | None = None
    system: str | list[ContentPart] | None = Field(
        default=None, description="Anthropic's system prompt; read into a leading system message."
    )

    @model_validator(mode="after")
    def _anthropic_as_openai(self) -> ChatRequest:
        messages = [m for message in self.messages for m in message.split_tool_results()]
        if self.system is not None:
            text = _blocks_text(self.system)
            if text:
                messages.insert(0, ChatMessage(role="system", content=text))
            self.system = None
        self.messages = messages
        return self


class Choice(_Lenient):
    """One choice of a chat completion response."""

    message: ChatMessage | None = None
    finish_reason: str | None = None


class CompletionTokensDetails(_Lenient):
    """Breakdown of completion tokens, where reasoning tokens are reported."""

    reasoning_tokens: int | None = Field(default=None, ge=0)


class Usage(_Lenient):
    """Token usage as reported by the provider (OpenAI's names, or Anthropic's read into them)."""

    prompt_tokens: int | None = Field(default=None, ge=0)
    completion_tokens: int | None = Field(default=None, ge=0)
    total_tokens: int | None = Field(default=None, ge=0)
    completion_tokens_details: CompletionTokensDetails | None = None
    input_tokens: int | None = Field(default=None, ge=0)
    output_tokens: int | None = Field(default=None, ge=0)
    cache_creation_input_tokens: int | None = Field(default=None, ge=0)
    cache_read_input_tokens: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _anthropic_as_openai(self) -> Usage:
        # Anthropic's input_tokens leaves out the tokens written to or read from the prompt cache;
        # OpenAI's prompt_tokens counts every token of the prompt, cached or not.
        if self.prompt_tokens is None and self.input_tokens is not None:
            self.prompt_tokens = (
                self.input_tokens + (self.cache_creation_input_tokens or 0) + (self.cache_read_input_tokens or 0)
            )
        if self.completion_tokens is None and self.output_tokens is not None:
            self.completion_tokens = self.output_tokens
        if self.total_tokens is None and self.prompt_tokens is not None and self.completion_tokens is not None:
            self.total_tokens = self.prompt_tokens + self.completion_tokens
        return self


# Anthropic's stop reasons under the finish reasons OpenAI gives the same ending.
_FINISH_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}


class ChatResponse(_Lenient):
    """A chat response body: OpenAI Chat Completions, or an Anthropic message read into one choice."""

    choices: list[Choice] = Field(default_factory=list)
    usage: Usage | None = None
    model: str | None = None
    type: str | None = None
    content: list[ContentPart] | None = Field(
        default=None, description="Anthropic's content blocks; read into the first choice's message."
    )
    stop_reason: str | None = None

    @model_validator(mode="after")
    def _anthropic_as_openai(self) -> ChatResponse:
        anthropic = self.content is not None or self.stop_reason is not None or self.type == "message"
        if self.choices or not anthropic:
            return self
        message = ChatMessage(role="assistant", content=self.content or [])
        reason = _FINISH_REASONS.get(self.stop_reason, self.stop_reason) if self.stop_reason else None
        self.choices = [Choice(message=message, finish_reason=reason)]
        self.content = None
        return self


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
    """A chat request and, optionally, its response (either provider's shape, read as OpenAI's)."""

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


def most_telling_error(errors: Sequence[Any]) -> tuple[tuple[int | str, ...], Any]:
    """Pick the error to report from pydantic's list, with its location stripped of union member tags.

    A union reports one error per member: for content blocks sent as a list, "should be a valid string"
    is no help, while the list member's error names the block and the field at fault. So of the errors at
    or under the first one's location, the deepest is reported. Returns ``(location, error)``.
    """
    # Union members add their type to the path (ContentPart, str, list[...]); it means nothing to a caller.
    located = [
        (tuple(p for p in e["loc"] if not (isinstance(p, str) and (p[:1].isupper() or "[" in p or p in _TYPE_TAGS))), e)
        for e in errors
    ]
    head = located[0][0]
    return max((e for e in located if e[0][: len(head)] == head), key=lambda e: len(e[0]))


def _validate(model: type[BaseModel], data: dict[str, Any], prefix: str = "") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        loc, first = most_telling_error(exc.errors())
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
