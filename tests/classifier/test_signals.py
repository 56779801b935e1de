"""Signals are read from the request itself: tools, turns, tokens, reasoning, code, language."""

import time

import pytest

from classifier import parse_item
from classifier.signals import contains_code, derive_signals, detect_language
from classifier.views import estimate_tokens


def _chat(**response):
    return parse_item(
        {
            "request": {
                "messages": [
                    {"role": "system", "content": "You are a helpful agent."},
                    {"role": "user", "content": "What's the weather in Paris?"},
                    {"role": "assistant", "content": "Let me check."},
                    {"role": "user", "content": "And in Berlin?"},
                ],
                "tools": [
                    {"type": "function", "function": {"name": "get_weather"}},
                    {"type": "function", "function": {"name": "search"}},
                ],
            },
            "response": response,
        }
    )


def test_tool_call_and_usage_come_from_the_response():
    signals = derive_signals(
        _chat(
            choices=[
                {
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [{"id": "1", "function": {"name": "get_weather", "arguments": "{}"}}],
                    },
                    "finish_reason": "tool_calls",
                }
            ],
            usage={
                "prompt_tokens": 120,
                "completion_tokens": 30,
                "completion_tokens_details": {"reasoning_tokens": 12},
            },
        )
    )
    assert signals.tools_offered and signals.tool_count == 2 and signals.tool_call
    assert signals.turns == 2
    assert (signals.prompt_tokens, signals.completion_tokens, signals.reasoning_tokens) == (120, 30, 12)
    assert not signals.tokens_estimated


def test_finish_reason_alone_marks_a_tool_call():
    signals = derive_signals(
        _chat(choices=[{"message": {"role": "assistant", "content": ""}, "finish_reason": "tool_calls"}])
    )
    assert signals.tool_call


def test_tokens_are_estimated_without_usage():
    signals = derive_signals(parse_item({"prompt": "word " * 400, "completion": "好" * 50}))
    assert signals.tokens_estimated
    assert 400 <= signals.prompt_tokens <= 600
    assert signals.completion_tokens == 50
    assert not signals.tools_offered and not signals.tool_call and signals.turns == 1


def test_language_is_identified_by_a_library_model():
    assert detect_language("¿Dónde está la estación de tren más cercana?") == "es"
    assert detect_language("请帮我把这段话翻译成英文") == "zh"
    assert detect_language("Как приготовить борщ дома?") == "ru"
    assert detect_language("ok") == "und"
    assert derive_signals(parse_item("Wie spät ist es in Tokio gerade?")).language == "de"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello there", {"en"}),
        ("thanks!", {"en", "und"}),
        ("hola, ¿qué tal?", {"es"}),
        ("Wie spät ist es?", {"de"}),
        ("bonjour, ça va ?", {"fr"}),
        ("grazie mille", {"it"}),
        ("obrigado pela ajuda", {"pt"}),
        ("dziękuję bardzo", {"pl"}),
        ("merhaba, nasılsın?", {"tr"}),
        ("спасибо большое", {"ru"}),
        ("привіт, як справи?", {"uk"}),
        ("شكرا جزيلا", {"ar"}),
        ("你好", {"zh"}),
        ("こんにちは", {"ja"}),
        ("감사합니다", {"ko"}),
        ("tóm tắt đoạn này", {"vi"}),
        ("HELLO THERE", {"en"}),
        ("what time is it?", {"en"}),
    ],
)
def test_short_prompts_get_their_language_or_und_never_a_wrong_one(text, expected):
    assert detect_language(text) in expected


@pytest.mark.parametrize("text", ["ok", "42?", "好", "lol", "asdf", "LGTM", "1234 5678", "", "   \n\t "])
def test_too_little_to_tell_is_und(text):
    assert detect_language(text) == "und"


def test_language_id_reads_multiline_text_and_only_its_head():
    assert detect_language("Hallo,\nich habe eine Frage.\n\nWie funktioniert das?") == "de"
    assert detect_language("Ceci est une longue phrase en français. " * 20 + "This tail is English. " * 500) == "fr"


def test_code_detection():
    assert contains_code("```python\nprint(1)\n```")
    assert contains_code('Traceback (most recent call last):\n  File "a.py", line 1')
    assert contains_code("def add(a, b):\n    return a + b")
    assert contains_code("SELECT name FROM users WHERE id = 1")
    assert not contains_code("What is the capital of France?")


def test_a_logged_transcript_counts_its_trailing_answer_as_completion_only():
    answer = "word " * 200
    signals = derive_signals(
        parse_item(
            {
                "messages": [
                    {"role": "user", "content": "tell me a story"},
                    {"role": "assistant", "content": answer},
                ]
            }
        )
    )
    assert signals.completion_tokens == 250
    assert signals.prompt_tokens == 4  # "tell me a story", without the answer


CODE_SHAPES = {
    "fenced block": "Here it is:\n```\nanything\n```",
    "python def": "why is this slow?\n\n    def add(a, b):\n        return a + b",
    "python class": "class Repo(Base):\n    pass",
    "python import": "import os\nprint(os.getcwd())",
    "python from-import": "from collections import Counter",
    "js function": "function add(a, b) { return a + b }",
    "js const": "const total = items.reduce((a, b) => a + b, 0)",
    "js destructuring": "  const { data } = await fetch(url)",
    "rust let mut": "let mut v = Vec::new();",
    "rust fn": "fn main() -> Result<(), Error> {",
    "go func": "func (s *Server) Start() error {",
    "java public": "public static void main(String[] args)",
    "go package": "package main",
    "c include": "#include <stdio.h>",
    "sql select": "SELECT name FROM users WHERE id = 1",
    "sql insert": "please check:\nINSERT INTO t VALUES (1)",
    "sql create": "CREATE TABLE t (id int)",
    "python traceback": 'Traceback (most recent call last):\n  File "a.py", line 1\nKeyError: 1',
    "java frame": 'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:42)',
    "node frame": "TypeError: x is not a function\n    at Object.<anonymous> (/app/index.js:10:5)",
    "node async frame": "Error: boom\n    at async Promise.all (node:internal/process/task_queues:95:5)",
    "braces on own line": "if (x) {\n  y()\n}",
    "json": '{\n  "a": 1,\n  "b": [1, 2]\n}',
    "crlf braces": "while (true) {\r\n  step();\r\n}\r\n",
}

PROSE = [
    "What is the capital of France?",
    "let me know when the report is ready; thanks.\nBest, Ana",
    "Some notes:\n  at home (mostly on weekends) I read;\nand at work I write.",
    "We met at noon; it rained.\nThen we left.\nThe end.",
    "Write a haiku about autumn leaves falling on a quiet pond.",
    "¿Dónde está la estación de tren más cercana?",
]


@pytest.mark.parametrize("shape", sorted(CODE_SHAPES))
def test_each_code_shape_is_detected(shape):
    assert contains_code(CODE_SHAPES[shape])


@pytest.mark.parametrize("text", PROSE)
def test_ordinary_prose_is_not_code(text):
    assert not contains_code(text)


def test_a_closing_brace_must_come_after_a_line_that_opens():
    assert not contains_code("}\nthen a sentence that ends with a brace {")
    assert contains_code("one;\n" + "prose line\n" * 1000 + "]")


def test_code_in_the_head_or_the_tail_of_a_huge_text_is_found():
    filler = "plain words " * 100_000
    assert contains_code("def main():\n    pass\n" + filler)
    assert contains_code(filler + "\n```\nprint(1)\n```")
    assert not contains_code(filler)


_MB = 1_000_000
ADVERSARIAL = {
    "semicolon lines without a closer": "a;\n" * 3_000_000,
    "newlines only": "x" + "\n" * (10 * _MB),
    "frame opener with parentheses": "   at " + "(" * 100_000,
    "frame lines never closed": ("   at x(" + "a" * 50 + "\n") * 150_000,
    "node frames never closed": ("   at x (" + "a:1" * 20 + "\n") * 150_000,
    "one long line of spaces": "x" + " " * (10 * _MB),
    "lines of spaces": ("x" + " " * 998 + "\n") * 10_000,
    "semicolon then spaces": (";" + " " * 98 + "\n") * 100_000,
    "open braces": "{" * (10 * _MB),
    "open brace lines": "{\n" * (5 * _MB),
    "a 10 MB single line": "a" * (10 * _MB),
    "let and spaces": ("let" + " " * 1000 + "\n") * 10_000,
    "from without import": ("from " + "x" * 1000 + "\n") * 10_000,
    "Chinese, 10 MB": "好" * (10 * _MB),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_signals_take_bounded_time_on_adversarial_input(name):
    text = ADVERSARIAL[name]
    item = parse_item(text)
    derive_signals(parse_item("warm up: load the language model first"))
    start = time.perf_counter()
    contains_code(text)
    derive_signals(item)
    # The old pattern took from 10 s to minutes on several of these; bounded, each takes milliseconds.
    assert time.perf_counter() - start < 0.5, name


def test_token_estimate_of_a_huge_text_is_sampled_but_close():
    mixed = ("好" * 30 + "word " * 10) * 15_000  # 1.2 million characters, 525,000 tokens by the full count
    signals = derive_signals(parse_item({"prompt": mixed, "completion": "ok"}))
    assert signals.prompt_tokens == pytest.approx(estimate_tokens(mixed), rel=0.02)
    assert derive_signals(parse_item("a" * (10 * _MB))).prompt_tokens == pytest.approx(2_500_000, rel=1e-6)


def test_a_huge_chat_request_takes_bounded_time_too():
    messages = [
        {"role": "system", "content": "a;\n" * _MB},
        {"role": "user", "content": "好" * (3 * _MB)},
    ]
    response = {"choices": [{"message": {"role": "assistant", "content": "{\n" * _MB}, "finish_reason": "stop"}]}
    item = parse_item({"request": {"messages": messages}, "response": response})
    derive_signals(parse_item("warm up: load the language model first"))
    start = time.perf_counter()
    signals = derive_signals(item)
    assert time.perf_counter() - start < 0.5
    assert signals.language == "zh" and not signals.has_code
    assert signals.prompt_tokens == pytest.approx(3 * _MB + 3 * _MB // 4, rel=0.02)
