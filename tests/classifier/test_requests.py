"""Every accepted request shape parses into a typed item; malformed ones name the offending field."""

import pytest

from classifier import ChatItem, InputError, PromptItem, TextItem, parse_item


def test_plain_string_and_text_object():
    assert parse_item("hello there") == TextItem(text="hello there")
    assert parse_item({"text": "hello"}) == TextItem(text="hello")


def test_prompt_with_and_without_completion():
    item = parse_item({"prompt": "2+2?", "completion": "4"})
    assert isinstance(item, PromptItem) and item.completion == "4"
    assert parse_item({"prompt": "2+2?"}).completion is None


def test_openai_chat_request_with_response_and_content_parts():
    item = parse_item(
        {
            "request": {
                "model": "gpt-4o",
                "messages": [
                    {"role": "developer", "content": "Be terse."},
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "What is in this image?"},
                            {"type": "image_url", "image_url": {"url": "x"}},
                        ],
                    },
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {"id": "c1", "type": "function", "function": {"name": "look", "arguments": "{}"}}
                        ],
                    },
                    {"role": "tool", "content": "a cat", "tool_call_id": "c1"},
                ],
                "tools": [{"type": "function", "function": {"name": "look"}}],
            },
            "response": {"choices": [{"message": {"role": "assistant", "content": "A cat."}, "finish_reason": "stop"}]},
        }
    )
    assert isinstance(item, ChatItem)
    assert item.request.messages[1].text == "What is in this image?"
    assert item.response is not None and item.response.choices[0].message.text == "A cat."


def test_bare_openai_request_is_accepted():
    item = parse_item({"messages": [{"role": "user", "content": "hi"}]})
    assert isinstance(item, ChatItem)


def test_json_string_of_an_object_is_parsed():
    assert isinstance(parse_item('{"prompt": "x", "completion": "y"}'), PromptItem)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"request": {"messages": [{"role": "robot", "content": "x"}]}}, "request.messages[0].role"),
        ({"request": {"messages": []}}, "request.messages"),
        ({"request": {"messages": [{"role": "user", "content": 5}]}}, "request.messages[0].content"),
        (
            {"request": {"messages": [{"role": "user", "content": "x"}]}, "response": {"usage": {"prompt_tokens": -1}}},
            "response.usage.prompt_tokens",
        ),
        ({"messages": "not a list"}, "request.messages"),
        ({"text": "   "}, "text"),
        ({"prompt": ""}, "prompt"),
    ],
)
def test_malformed_requests_name_the_field(payload, field):
    with pytest.raises(InputError) as caught:
        parse_item(payload)
    assert caught.value.field == field
    assert field in str(caught.value)


def test_unknown_shape_says_which_shapes_exist():
    with pytest.raises(InputError, match=r"text.*prompt.*request"):
        parse_item({"foo": "bar"})
    with pytest.raises(InputError, match="JSON object"):
        parse_item(42)
