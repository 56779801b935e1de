"""Every accepted request shape parses into a typed item; malformed ones name the offending field."""

from pathlib import Path

import pytest

from classifier import ChatItem, InputError, PromptItem, TextItem, load_model, parse_item
from classifier.signals import derive_signals
from classifier.views import request_parts


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


# --- Anthropic Messages -------------------------------------------------------------------------------------------

AGENT_TOOLS = [
    {
        "name": "get_invoice",
        "description": "Fetch an invoice by its number.",
        "input_schema": {"type": "object", "properties": {"number": {"type": "string"}}, "required": ["number"]},
    },
    {
        "name": "refund",
        "description": "Refund an amount to the customer's card.",
        "input_schema": {"type": "object", "properties": {"amount_eur": {"type": "number"}}},
    },
]


def _billing_agent(response: dict | None = None) -> dict:
    """A support agent on the Anthropic Messages API, one tool round-trip in, about to call a second tool."""
    body: dict = {
        "request": {
            "model": "claude-sonnet-4-5",
            "max_tokens": 1024,
            "system": [
                {"type": "text", "text": "You are the billing assistant of Fjord Telecom."},
                {
                    "type": "text",
                    "text": "Refunds above 50 EUR need a supervisor.",
                    "cache_control": {"type": "ephemeral"},
                },
            ],
            "tools": AGENT_TOOLS,
            "messages": [
                {"role": "user", "content": "I was charged twice for invoice INV-2291, please refund one of them."},
                {
                    "role": "assistant",
                    "content": [
                        {"type": "thinking", "thinking": "Look the invoice up before refunding.", "signature": "EqQB"},
                        {"type": "text", "text": "Let me look that invoice up."},
                        {"type": "tool_use", "id": "toolu_01A", "name": "get_invoice", "input": {"number": "INV-2291"}},
                    ],
                },
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "tool_result",
                            "tool_use_id": "toolu_01A",
                            "content": [{"type": "text", "text": '{"amount_eur": 39.9, "charges": 2}'}],
                        },
                        {"type": "text", "text": "It is the March one, by the way."},
                    ],
                },
            ],
        }
    }
    if response is not None:
        body["response"] = response
    return body


REFUND_RESPONSE = {
    "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5",
    "content": [
        {"type": "text", "text": "I can see the double charge; refunding 39.90 EUR now."},
        {"type": "tool_use", "id": "toolu_01B", "name": "refund", "input": {"amount_eur": 39.9}},
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "usage": {
        "input_tokens": 412,
        "output_tokens": 57,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 96,
    },
}


def test_anthropic_request_with_a_system_string():
    item = parse_item(
        {
            "request": {
                "model": "claude-3-5-haiku-latest",
                "max_tokens": 512,
                "system": "You are a patient Spanish tutor. Correct my mistakes gently.",
                "messages": [{"role": "user", "content": "Ayer yo va al mercado con mi hermana."}],
            }
        }
    )
    assert isinstance(item, ChatItem)
    roles = [m.role for m in item.request.messages]
    assert roles == ["system", "user"]
    assert item.request.messages[0].text == "You are a patient Spanish tutor. Correct my mistakes gently."
    assert request_parts(item).system.startswith("You are a patient Spanish tutor")


def test_a_bare_anthropic_request_is_accepted():
    item = parse_item({"system": "Answer in haiku.", "messages": [{"role": "user", "content": "Describe autumn."}]})
    assert [m.role for m in item.request.messages] == ["system", "user"]


def test_anthropic_system_blocks_tool_use_and_tool_results_read_as_openai():
    item = parse_item(_billing_agent())
    messages = item.request.messages
    assert [m.role for m in messages] == ["system", "user", "assistant", "tool", "user"]
    assert (
        messages[0].text == "You are the billing assistant of Fjord Telecom.\nRefunds above 50 EUR need a supervisor."
    )
    assistant = messages[2]
    assert assistant.text == "Let me look that invoice up."  # the thinking block is not read
    assert assistant.tool_calls is not None and len(assistant.tool_calls) == 1
    call = assistant.tool_calls[0]
    assert call.id == "toolu_01A" and call.function is not None
    assert call.function.name == "get_invoice" and call.function.arguments == {"number": "INV-2291"}
    assert messages[3].text == '{"amount_eur": 39.9, "charges": 2}'
    assert messages[3].tool_call_id == "toolu_01A"
    assert messages[4].text == "It is the March one, by the way."
    parts = request_parts(item)
    assert parts.user == "It is the March one, by the way."
    assert parts.first_user.startswith("I was charged twice")


def test_a_user_message_of_only_tool_results_is_not_a_user_turn():
    body = _billing_agent()
    body["request"]["messages"][2]["content"] = [
        {"type": "tool_result", "tool_use_id": "toolu_01A", "content": '{"amount_eur": 39.9}'},
        {"type": "tool_result", "tool_use_id": "toolu_01C", "content": "timeout", "is_error": True},
    ]
    item = parse_item(body)
    assert [m.role for m in item.request.messages] == ["system", "user", "assistant", "tool", "tool"]
    assert derive_signals(item).turns == 1
    assert request_parts(item).user.startswith("I was charged twice")


def test_images_are_skipped_and_text_documents_are_read():
    item = parse_item(
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "image",
                            "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="},
                        },
                        {
                            "type": "document",
                            "title": "Lease.txt",
                            "source": {
                                "type": "text",
                                "media_type": "text/plain",
                                "data": "The tenant shall pay rent.",
                            },
                        },
                        {
                            "type": "document",
                            "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBER"},
                        },
                        {"type": "text", "text": "Who pays for repairs under this lease?"},
                    ],
                }
            ]
        }
    )
    assert (
        item.request.messages[0].text == "Lease.txt\nThe tenant shall pay rent.\nWho pays for repairs under this lease?"
    )


def test_anthropic_response_reads_as_one_choice_with_its_tool_call_and_usage():
    item = parse_item(_billing_agent(REFUND_RESPONSE))
    assert item.response is not None
    (choice,) = item.response.choices
    assert choice.finish_reason == "tool_calls"
    assert choice.message is not None and choice.message.text == "I can see the double charge; refunding 39.90 EUR now."
    assert [c.function.name for c in choice.message.tool_calls or [] if c.function] == ["refund"]
    usage = item.response.usage
    assert usage is not None
    # Anthropic's input_tokens leaves the cached prompt out; the prompt is all of it.
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (508, 57, 565)
    assert request_parts(item).completion == "I can see the double charge; refunding 39.90 EUR now."


def test_a_server_tool_call_is_a_tool_call():
    response = {
        "type": "message",
        "role": "assistant",
        "content": [
            {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {"query": "ECB rate"}},
            {
                "type": "web_search_tool_result",
                "tool_use_id": "srvtoolu_01",
                "content": [{"type": "web_search_result", "url": "https://example.org/ecb", "title": "ECB rates"}],
            },
            {"type": "server_tool_use", "id": "srvtoolu_02", "name": "web_search", "input": {"query": "ECB news"}},
            {
                "type": "web_search_tool_result",
                "tool_use_id": "srvtoolu_02",
                "content": {"type": "web_search_tool_result_error", "error_code": "max_uses_exceeded"},
            },
            {"type": "text", "text": "The ECB deposit rate is 2%."},
        ],
        "stop_reason": "end_turn",
    }
    item = parse_item(
        {"request": {"messages": [{"role": "user", "content": "Current ECB rate?"}]}, "response": response}
    )
    assert derive_signals(item).tool_call
    assert item.response is not None and item.response.choices[0].message is not None
    assert len(item.response.choices[0].message.tool_calls or []) == 2
    assert request_parts(item).completion == "The ECB deposit rate is 2%."


def test_signals_read_an_anthropic_exchange():
    signals = derive_signals(parse_item(_billing_agent(REFUND_RESPONSE)))
    assert signals.tools_offered and signals.tool_count == 2
    assert signals.tool_call
    assert signals.turns == 2
    assert (signals.prompt_tokens, signals.completion_tokens) == (508, 57)
    assert not signals.tokens_estimated
    assert signals.language == "en"


@pytest.mark.parametrize(
    ("stop_reason", "finish_reason", "tool_call"),
    [("end_turn", "stop", False), ("max_tokens", "length", False), ("tool_use", "tool_calls", True)],
)
def test_anthropic_stop_reasons(stop_reason, finish_reason, tool_call):
    response = {
        "type": "message",
        "role": "assistant",
        "content": [{"type": "text", "text": "Canberra is the capital of Australia."}],
        "stop_reason": stop_reason,
        "usage": {"input_tokens": 14, "output_tokens": 9},
    }
    item = parse_item(
        {"request": {"messages": [{"role": "user", "content": "Capital of Australia?"}]}, "response": response}
    )
    assert item.response is not None and item.response.choices[0].finish_reason == finish_reason
    assert derive_signals(item).tool_call is tool_call


def test_a_read_anthropic_item_reads_the_same_again():
    """The API validates a body, dumps it and parses the dump: a second reading must not add or lose anything."""
    item = parse_item(_billing_agent(REFUND_RESPONSE))
    dumped = item.model_dump(exclude_none=True, by_alias=True)
    again = parse_item(dumped)
    assert again.model_dump(exclude_none=True, by_alias=True) == dumped
    assert [m.role for m in again.request.messages] == ["system", "user", "assistant", "tool", "user"]
    assert len(again.response.choices[0].message.tool_calls) == 1  # type: ignore[union-attr, arg-type]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"request": {"system": 5, "messages": [{"role": "user", "content": "x"}]}}, "request.system"),
        (
            {"request": {"system": [{"type": "text", "text": 7}], "messages": [{"role": "user", "content": "x"}]}},
            "request.system[0].text",
        ),
        (
            {"request": {"messages": [{"role": "user", "content": [{"text": "no type"}]}]}},
            "request.messages[0].content[0].type",
        ),
        (
            {"request": {"messages": [{"role": "user", "content": [{"type": "tool_result", "content": 5}]}]}},
            "request.messages[0].content[0].content",
        ),
        (
            {
                "request": {"messages": [{"role": "user", "content": "x"}]},
                "response": {"type": "message", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": 3}]},
            },
            "response.content[0].input",
        ),
        (
            {
                "request": {"messages": [{"role": "user", "content": "x"}]},
                "response": {"type": "message", "content": "hi"},
            },
            "response.content",
        ),
        (
            {"request": {"messages": [{"role": "user", "content": "x"}]}, "response": {"usage": {"input_tokens": -4}}},
            "response.usage.input_tokens",
        ),
    ],
)
def test_malformed_anthropic_requests_name_the_field(payload, field):
    with pytest.raises(InputError) as caught:
        parse_item(payload)
    assert caught.value.field == field


def test_a_model_classifies_an_anthropic_request(small_model_dir: Path):
    model = load_model(models_dir=small_model_dir)
    result = model.classify(
        {
            "request": {
                "model": "claude-sonnet-4-5",
                "system": [{"type": "text", "text": "You are a senior Python reviewer."}],
                "messages": [
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "My python script raises KeyError when I read the config dict:"},
                            {"type": "text", "text": "```python\nport = config['port']\n```"},
                        ],
                    }
                ],
            },
            "response": {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "text", "text": "Use config.get('port', 8080) to fall back to a default."}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": 48, "output_tokens": 19},
            },
        }
    )
    assert result.labels["category"].label == "programming"
    assert (result.signals.prompt_tokens, result.signals.completion_tokens) == (48, 19)
    assert result.signals.has_code and not result.signals.tool_call
