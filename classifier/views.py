"""The text the embedding model reads, built from a request's most telling parts.

A request is cut into parts: the system prompt, the first and the last user
turns, the conversation before the last user turn, and the completion. A view
design (:data:`VIEWS`) says in which order the parts are read and what share
of the model's window each may claim; a part that needs less gives the rest to
the others. A part that is too long keeps its head and its tail (the start of
a pasted document says what it is, the end of a chat turn says what is asked),
so a 100k-token agent transcript is read in one short pass.

``last_turn`` leads with the last user turn. The ``frame`` designs also read
the frame a conversation was opened with (the system prompt and the first user
turn), which still says what a chat is about when its last turn is "go on".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.requests import ChatItem, Item, PromptItem, TextItem

# Ideographic and syllabic scripts: roughly one token per character.
_DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ELLIPSIS = " […] "
# Past this many characters a text is far longer than any embedder's window (512 tokens read ~2,000 characters),
# so its token count only sets how much of it is cut: estimate it from evenly spread windows instead of the whole
# text. Counting the dense-script characters of 10 MB of Chinese took 6.5 s, holding the GIL (and so the event
# loop) all along; the sample costs the same at any length. Texts up to the bound are estimated exactly as before.
_ESTIMATE_BOUND_CHARS = 100_000
_ESTIMATE_WINDOWS = 64


def estimate_tokens(text: str) -> int:
    """Estimate a text's token count the way BPE tokenizers of chat models count.

    About four characters per token for alphabetic scripts and one per
    character for Chinese, Japanese and Korean. It is an estimate: the API
    prefers the provider's ``usage`` whenever a request carries it.
    """
    if not text:
        return 0
    # Length lost by deleting the matches: the same count as findall, without a string object per character.
    dense = len(text) - len(_DENSE_SCRIPT.sub("", text))
    return dense + (len(text) - dense + 3) // 4


def estimate_tokens_bounded(text: str) -> int:
    """:func:`estimate_tokens` in bounded time: exact up to 100,000 characters, from a spread sample past that."""
    if len(text) <= _ESTIMATE_BOUND_CHARS:
        return estimate_tokens(text)
    step = len(text) // _ESTIMATE_WINDOWS
    width = _ESTIMATE_BOUND_CHARS // _ESTIMATE_WINDOWS
    sample = "".join(text[i * step : i * step + width] for i in range(_ESTIMATE_WINDOWS))
    return max(1, round(estimate_tokens(sample) * len(text) / len(sample)))


def truncate_head_tail(text: str, max_tokens: int, head_share: float = 0.65) -> str:
    """Cut ``text`` to about ``max_tokens`` tokens, keeping its head and its tail."""
    tokens = estimate_tokens_bounded(text)
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
    """The parts of a request that the model can read.

    ``user`` is the last user turn and ``context`` every user and assistant turn
    before it. ``first_user`` is the first user turn (the same text as ``user``
    when there is one) and ``between`` is ``context`` without that first turn:
    the frame designs read the opening turn and the rest of the history apart.
    """

    user: str = ""
    system: str = ""
    context: str = ""
    completion: str = ""
    first_user: str = ""
    between: str = ""


def request_parts(item: Item) -> TextParts:
    """Split a typed request into the parts the model reads."""
    if isinstance(item, TextItem):
        return TextParts(user=item.text, first_user=item.text)
    if isinstance(item, PromptItem):
        return TextParts(user=item.prompt, completion=item.completion or "", first_user=item.prompt)
    assert isinstance(item, ChatItem)
    messages = item.request.messages
    system = "\n".join(m.text for m in messages if m.role in ("system", "developer") and m.text)
    user_turns = [i for i, m in enumerate(messages) if m.role == "user"]
    if not user_turns:
        # A request with no user turn: read what there is as the question.
        conversation = [m.text for m in messages if m.role not in ("system", "developer") and m.text]
        return TextParts(user="\n".join(conversation), system=system, completion=_response_text(item))
    first_user, last_user = user_turns[0], user_turns[-1]
    history = [(i, m.text) for i, m in enumerate(messages[:last_user]) if m.role in ("user", "assistant") and m.text]
    completion = _response_text(item)
    if not completion:
        # A logged transcript that ends with the assistant's answer carries its completion inline.
        completion = "\n".join(m.text for m in messages[last_user + 1 :] if m.role == "assistant" and m.text)
    return TextParts(
        user=messages[last_user].text,
        system=system,
        context="\n".join(text for _, text in history),
        completion=completion,
        first_user=messages[first_user].text,
        between="\n".join(text for i, text in history if i != first_user),
    )


def _response_text(item: ChatItem) -> str:
    if item.response is None or not item.response.choices:
        return ""
    message = item.response.choices[0].message
    return message.text if message is not None else ""


@dataclass(frozen=True)
class Segment:
    """One piece of a view: which text, the share of the window it may claim, and how it is cut.

    ``part`` names a :class:`TextParts` field or one of the derived pieces ``latest`` (the last user
    turn when it is not also the first) and ``first_user`` (falling back to ``user``).
    ``head_share`` is the part of a cut text kept from its head; the rest comes from its tail.
    """

    part: str
    share: float
    head_share: float = 0.65


@dataclass(frozen=True)
class ViewDesign:
    """A named way to build the text the model reads: segments in reading order, and who gets spare window.

    Each segment first gets ``min(its length, share * window)``; the window left over goes to segments that
    still need it in ``fill`` order. A view costs one embedding per item and depends only on the request.
    """

    name: str
    description: str
    segments: tuple[Segment, ...]
    fill: tuple[str, ...]


_LAST_TURN = ViewDesign(
    "last_turn",
    "last user turn, system prompt, completion, earlier turns (tail kept)",
    (Segment("user", 0.45), Segment("system", 0.2), Segment("completion", 0.2), Segment("context", 0.15, 0.2)),
    ("user", "system", "completion", "context"),
)

VIEWS: dict[str, ViewDesign] = {
    view.name: view
    for view in (
        _LAST_TURN,
        ViewDesign(
            "frame",
            "the frame (system prompt, first user turn) first, then the last user turn, the turns between "
            "(tail kept) and the completion",
            (
                Segment("system", 0.25),
                Segment("first_user", 0.3),
                Segment("latest", 0.25),
                Segment("between", 0.1, 0.2),
                Segment("completion", 0.1),
            ),
            ("first_user", "latest", "system", "between", "completion"),
        ),
        ViewDesign(
            "frame_last",
            "the last user turn first, then the first user turn, system prompt, completion and the turns "
            "between (tail kept)",
            (
                Segment("latest", 0.35),
                Segment("first_user", 0.25),
                Segment("system", 0.2),
                Segment("completion", 0.1),
                Segment("between", 0.1, 0.2),
            ),
            ("latest", "first_user", "system", "completion", "between"),
        ),
        ViewDesign(
            "frame_only",
            "the system prompt and the first user turn, nothing later",
            (Segment("system", 0.4), Segment("first_user", 0.6)),
            ("first_user", "system"),
        ),
    )
}

# The view new models are trained to read: the best leave-source-out macro-F1 of the views (docs/views.md).
DEFAULT_VIEW = "frame"
# The view of a model whose manifest names none: every model trained before views had names read this one,
# whatever DEFAULT_VIEW becomes.
LEGACY_VIEW = "last_turn"


def view_design(name: str) -> ViewDesign:
    """The registered view called ``name``; ``ValueError`` naming the known ones when there is none."""
    try:
        return VIEWS[name]
    except KeyError:
        raise ValueError(f"unknown view {name!r}; known views: {', '.join(VIEWS)}") from None


def _segment_text(parts: TextParts, part: str) -> str:
    if part == "first_user":
        return parts.first_user or parts.user
    if part == "latest":
        return parts.user if parts.first_user and parts.user != parts.first_user else ""
    return str(getattr(parts, part))


def _is_lone_turn(parts: TextParts) -> bool:
    return not parts.system and not parts.context and parts.first_user in ("", parts.user)


def model_text(parts: TextParts, max_tokens: int, view: str = DEFAULT_VIEW) -> str:
    """Join the parts into one text that fits ``max_tokens``, laid out and shared as the ``view`` design says.

    A lone turn (plain text, a prompt and its completion, a one-turn chat with no system prompt) has no frame
    to weigh, so every view reads it as ``last_turn`` does: authored single-text rows embed the same everywhere.
    """
    design = view_design(view)
    if _is_lone_turn(parts):
        design = _LAST_TURN
    texts = {s.part: _segment_text(parts, s.part) for s in design.segments}
    lengths = {name: estimate_tokens_bounded(text) for name, text in texts.items()}
    budget = {s.part: min(lengths[s.part], int(max_tokens * s.share)) for s in design.segments}
    spare = max_tokens - sum(budget.values())
    for name in design.fill:  # hand the unused window to parts that still need it
        extra = min(spare, lengths[name] - budget[name])
        budget[name] += extra
        spare -= extra
    pieces = [truncate_head_tail(texts[s.part], budget[s.part], s.head_share) for s in design.segments]
    return "\n\n".join(p for p in pieces if p.strip())
