"""The text the embedding model reads, built from a request's most telling parts.

A request is cut into parts: the last user turn, the system prompt, the
conversation before the last user turn, and the completion. Each part gets a
share of the model's window; a part that needs less gives the rest to the
others. A part that is too long keeps its head and its tail (the start of a
pasted document says what it is, the end of a chat turn says what is asked),
so a 100k-token agent transcript is read in one short pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.requests import ChatItem, Item, PromptItem, TextItem

# Ideographic and syllabic scripts: roughly one token per character.
_DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ELLIPSIS = " […] "

# Share of the window each part may claim, most telling first.
_SHARES = (("user", 0.45), ("system", 0.2), ("completion", 0.2), ("context", 0.15))


def estimate_tokens(text: str) -> int:
    """Estimate a text's token count the way BPE tokenizers of chat models count.

    About four characters per token for alphabetic scripts and one per
    character for Chinese, Japanese and Korean. It is an estimate: the API
    prefers the provider's ``usage`` whenever a request carries it.
    """
    if not text:
        return 0
    dense = len(_DENSE_SCRIPT.findall(text))
    return dense + (len(text) - dense + 3) // 4


def truncate_head_tail(text: str, max_tokens: int, head_share: float = 0.65) -> str:
    """Cut ``text`` to about ``max_tokens`` tokens, keeping its head and its tail."""
    tokens = estimate_tokens(text)
    if tokens <= max_tokens:
        return text
    if max_tokens <= 0:
        return ""
    keep_chars = max(1, int(len(text) * max_tokens / tokens))
    head = int(keep_chars * head_share)
    tail = keep_chars - head
    return text[:head].rstrip() + _ELLIPSIS + (text[-tail:].lstrip() if tail else "")


@dataclass(frozen=True)
class TextParts:
    """The parts of a request that the model can read."""

    user: str = ""
    system: str = ""
    context: str = ""
    completion: str = ""


def request_parts(item: Item) -> TextParts:
    """Split a typed request into the parts the model reads."""
    if isinstance(item, TextItem):
        return TextParts(user=item.text)
    if isinstance(item, PromptItem):
        return TextParts(user=item.prompt, completion=item.completion or "")
    assert isinstance(item, ChatItem)
    messages = item.request.messages
    system = "\n".join(m.text for m in messages if m.role in ("system", "developer") and m.text)
    last_user = max((i for i, m in enumerate(messages) if m.role == "user"), default=None)
    if last_user is None:
        # A request with no user turn: read what there is as the question.
        conversation = [m.text for m in messages if m.role not in ("system", "developer") and m.text]
        return TextParts(user="\n".join(conversation), system=system, completion=_response_text(item))
    context = "\n".join(m.text for m in messages[:last_user] if m.role in ("user", "assistant") and m.text)
    completion = _response_text(item)
    if not completion:
        # A logged transcript that ends with the assistant's answer carries its completion inline.
        completion = "\n".join(m.text for m in messages[last_user + 1 :] if m.role == "assistant" and m.text)
    return TextParts(user=messages[last_user].text, system=system, context=context, completion=completion)


def _response_text(item: ChatItem) -> str:
    if item.response is None or not item.response.choices:
        return ""
    message = item.response.choices[0].message
    return message.text if message is not None else ""


def model_text(parts: TextParts, max_tokens: int) -> str:
    """Join the parts into one text that fits ``max_tokens``, sharing the window between them."""
    lengths = {name: estimate_tokens(getattr(parts, name)) for name, _ in _SHARES}
    budget = {name: min(lengths[name], int(max_tokens * share)) for name, share in _SHARES}
    spare = max_tokens - sum(budget.values())
    for name, _ in _SHARES:  # hand the unused window to parts that still need it, most telling first
        extra = min(spare, lengths[name] - budget[name])
        budget[name] += extra
        spare -= extra
    pieces = [truncate_head_tail(getattr(parts, name), budget[name]) for name, _ in _SHARES]
    # The context keeps its tail: the turns right before the question matter most.
    if lengths["context"] > budget["context"]:
        pieces[3] = truncate_head_tail(parts.context, budget["context"], head_share=0.2)
    return "\n\n".join(p for p in pieces if p.strip())
