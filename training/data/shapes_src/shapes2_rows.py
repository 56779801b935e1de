"""Row constructors for the authored shapes_2 rows.

Each row carries two bookkeeping fields that never reach the CSV: ``shape`` (which real-traffic shape it imitates:
mcq, persona, format, doc, fewshot, bare, chat) and ``lang`` (the language it was written in), so the build script
can report the mix the brief asks for.
"""

from __future__ import annotations

import json
from typing import Any

Row = dict[str, Any]
SHAPES = ("mcq", "persona", "format", "doc", "fewshot", "bare", "chat")


def text(body: str, category: str, heavy: bool, shape: str, lang: str = "en") -> Row:
    """A row whose input is a single ``text`` field."""
    return {"text": body, "category": category, "heavy": heavy, "shape": shape, "lang": lang}


def prompt(body: str, completion: str, category: str, heavy: bool, shape: str, lang: str = "en") -> Row:
    """A row whose input is a ``prompt`` with the ``completion`` a model gave."""
    return {
        "prompt": body,
        "completion": completion,
        "category": category,
        "heavy": heavy,
        "shape": shape,
        "lang": lang,
    }


def chat(turns: list[tuple[str, str]], category: str, heavy: bool, shape: str, lang: str = "en") -> Row:
    """A row whose input is an OpenAI ``messages`` array, written as (role, content) pairs."""
    messages = json.dumps([{"role": role, "content": content} for role, content in turns], ensure_ascii=False)
    return {"messages": messages, "category": category, "heavy": heavy, "shape": shape, "lang": lang}
