"""Small helpers for the hand-written shape rows of shapes_3.csv.

Each category module builds a list of :class:`Row`; the shape and language tags are kept only for the
report on the mix, they are not written to the CSV.
"""

import json
from dataclasses import dataclass, field

SHAPES = ("mcq", "persona", "format", "doc", "fewshot", "bare", "multiturn", "plain")


@dataclass
class Row:
    """One authored row: its input in exactly one of three forms, its labels and its tags."""

    category: str
    shape: str
    lang: str
    heavy: bool
    text: str = ""
    prompt: str = ""
    completion: str = ""
    messages: list[dict[str, str]] = field(default_factory=list)

    def csv_record(self) -> dict[str, str]:
        """The row as the CSV columns of train.csv."""
        return {
            "text": self.text,
            "prompt": self.prompt,
            "completion": self.completion,
            "messages": json.dumps(self.messages, ensure_ascii=False) if self.messages else "",
            "category": self.category,
            "reasoning_heavy": "yes" if self.heavy else "no",
        }


class Rows(list):
    """A category's rows, with short constructors for the three input forms."""

    def __init__(self, category: str) -> None:
        super().__init__()
        self.category = category

    def text(self, shape: str, lang: str, heavy: bool, text: str) -> None:
        """Add a plain-text row."""
        assert shape in SHAPES, shape
        self.append(Row(self.category, shape, lang, heavy, text=text.strip()))

    def prompt(self, shape: str, lang: str, heavy: bool, prompt: str, completion: str = "") -> None:
        """Add a prompt (+ optional completion) row."""
        assert shape in SHAPES, shape
        self.append(Row(self.category, shape, lang, heavy, prompt=prompt.strip(), completion=completion.strip()))

    def chat(self, shape: str, lang: str, heavy: bool, *turns: tuple[str, str]) -> None:
        """Add a chat row; turns are (role, content) with role in system/user/assistant."""
        assert shape in SHAPES, shape
        messages = [{"role": role, "content": content.strip()} for role, content in turns]
        assert messages[-1]["role"] == "user", "a chat row ends on the user turn being classified"
        self.append(Row(self.category, shape, lang, heavy, messages=messages))
