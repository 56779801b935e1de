"""Row helpers for the hand-written shape rows: each row records its shape so the build can report the mix.

Shapes: ``mcq`` (exam, multiple-choice, true/false, short-answer items), ``persona`` (system or inline
preamble), ``format`` (format-only instruction), ``document`` (a long pasted document with a short
instruction), ``fewshot`` (worked examples, then the real item), ``bare`` (a bare question), ``chat``
(multi-turn: the frame first, a short follow-up last).
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One authored row: its shape tag, the CSV input column values, and its labels."""

    shape: str
    text: str = ""
    prompt: str = ""
    completion: str = ""
    messages: str = ""
    category: str = ""
    reasoning_heavy: str = "no"


def t(shape: str, text: str, rh: str = "no") -> Row:
    """A plain-text row."""
    return Row(shape=shape, text=text.strip("\n"), reasoning_heavy=rh)


def pc(shape: str, prompt: str, completion: str, rh: str = "no") -> Row:
    """A prompt + completion row."""
    return Row(shape=shape, prompt=prompt.strip("\n"), completion=completion.strip("\n"), reasoning_heavy=rh)


def chat(shape: str, turns: list[tuple[str, str]], rh: str = "no") -> Row:
    """A messages row from (role, content) pairs, in order."""
    messages = [{"role": role, "content": content.strip("\n")} for role, content in turns]
    return Row(shape=shape, messages=json.dumps(messages, ensure_ascii=False), reasoning_heavy=rh)
