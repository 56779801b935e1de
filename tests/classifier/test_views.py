"""The model reads the most telling parts of a request, cut to its window with head-and-tail truncation."""

import time

from classifier import parse_item
from classifier.views import estimate_tokens, model_text, request_parts, truncate_head_tail


def test_short_text_is_untouched():
    assert truncate_head_tail("hello world", 100) == "hello world"


def test_long_text_keeps_head_and_tail():
    text = "START " + "filler " * 5000 + " END"
    cut = truncate_head_tail(text, 100)
    assert cut.startswith("START") and cut.endswith("END")
    assert estimate_tokens(cut) <= 110


def test_parts_of_a_chat_transcript():
    item = parse_item(
        {
            "request": {
                "messages": [
                    {"role": "system", "content": "You are Captain Vex, a space pirate."},
                    {"role": "user", "content": "Who are you?"},
                    {"role": "assistant", "content": "The terror of the Orion belt!"},
                    {"role": "user", "content": "*draws sword* Prepare to be boarded!"},
                ]
            },
            "response": {"choices": [{"message": {"role": "assistant", "content": "*laughs* Never!"}}]},
        }
    )
    parts = request_parts(item)
    assert parts.user == "*draws sword* Prepare to be boarded!"
    assert parts.system.startswith("You are Captain Vex")
    assert "Orion belt" in parts.context
    assert parts.completion == "*laughs* Never!"
    text = model_text(parts, 256)
    for piece in ("Prepare to be boarded", "Captain Vex", "Never!"):
        assert piece in text


def test_a_huge_agent_transcript_is_cut_to_the_window_fast():
    messages = [{"role": "system", "content": "You are a coding agent. " * 2000}]
    for i in range(300):
        messages.append({"role": "user", "content": f"step {i}: " + "log line\n" * 200})
        messages.append({"role": "assistant", "content": "ok " * 300})
    messages.append({"role": "user", "content": "Now fix the failing test in parser.py"})
    item = parse_item({"messages": messages})
    started = time.perf_counter()
    text = model_text(request_parts(item), 256)
    assert time.perf_counter() - started < 0.5
    assert estimate_tokens(text) <= 280
    assert "fix the failing test" in text
    assert "coding agent" in text


def test_unused_window_goes_to_parts_that_need_it():
    long_user = "x " * 2000
    text = model_text(request_parts(parse_item(long_user)), 256)
    assert estimate_tokens(text) > 200
