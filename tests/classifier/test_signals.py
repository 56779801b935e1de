"""Signals are read from the request itself: tools, turns, tokens, reasoning, code, language."""

from classifier import parse_item
from classifier.signals import contains_code, derive_signals, detect_language


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
