"""The model reads the most telling parts of a request, cut to its window with head-and-tail truncation."""

import time

import pytest

from classifier import parse_item
from classifier.views import (
    DEFAULT_VIEW,
    LEGACY_VIEW,
    VIEWS,
    TextParts,
    estimate_tokens,
    estimate_tokens_bounded,
    model_text,
    request_parts,
    truncate_head_tail,
)


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


# --- named view designs -------------------------------------------------------------------------------------------

FRAME_VIEWS = ("frame", "frame_last", "frame_only")

CONTRACT = (
    "MASTER SERVICES AGREEMENT between Northwind Logistics Ltd and Bluefin Software GmbH, dated 3 March 2025.\n"
    + "".join(
        f"{n}. The Supplier shall provide the Services described in Schedule {n} with reasonable skill and care, "
        "and the Customer shall pay the Charges within thirty days of a valid invoice.\n"
        for n in range(1, 120)
    )
    + "120. Either party may terminate this Agreement on ninety days' written notice.\n"
)


def _roleplay(turns: int = 12) -> dict:
    """A detective roleplay whose frame is set in the first user turn and whose last turn is only 'go on'."""
    messages = [
        {
            "role": "user",
            "content": "Let's play a game. You are Sam Marlowe, a hard-boiled private detective in 1947 Los Angeles. "
            "I'm a nervous client who walks into your office at midnight. Stay in character and describe the scene "
            "in the first person; I will tell you what my character does.",
        },
        {"role": "assistant", "content": "The rain had been falling since noon when the door rattled open..."},
    ]
    for i in range(turns):
        messages.append({"role": "user", "content": f"*I slide the envelope across the desk, part {i}* Read it."})
        messages.append(
            {"role": "assistant", "content": "I tore the envelope open. Inside, a photograph and a key. " * 6}
        )
    messages.append({"role": "user", "content": "go on"})
    return {"request": {"messages": messages}}


def test_the_registry_names_every_design_and_the_default():
    assert {"last_turn", "frame", "frame_last", "frame_only"} <= set(VIEWS)
    assert DEFAULT_VIEW == "frame" and LEGACY_VIEW == "last_turn"
    for name, design in VIEWS.items():
        assert design.name == name and design.description
        assert {s.part for s in design.segments} == set(design.fill)
        assert sum(s.share for s in design.segments) <= 1.0
    with pytest.raises(ValueError, match="known views: last_turn"):
        model_text(TextParts(user="hi"), 256, view="first_turn")


def test_last_turn_reads_exactly_as_before_views_had_names():
    """Models trained before the registry embedded this very text; a changed byte would shift their inputs."""
    item = parse_item(
        {
            "request": {
                "messages": [
                    {"role": "system", "content": "You are Captain Vex, a space pirate. " * 12},
                    {"role": "user", "content": "We meet in the asteroid tavern. " * 10},
                    {"role": "assistant", "content": "*raises a mug* Welcome, stranger. " * 10},
                    {"role": "user", "content": "*draws sword* Prepare to be boarded! " * 8},
                ]
            },
            "response": {"choices": [{"message": {"role": "assistant", "content": "*laughs* Never! " * 20}}]},
        }
    )
    expected = (
        "*draws sword* Prepare to be boarded! *draws sword* Prepare to be boarded! *draws sword* Prepare to be "
        "boarded! *dr […] * Prepare to be boarded! *draws sword* Prepare to be boarded! \n\nYou are Captain Vex, a "
        "space pirate. You are Capt […] ptain Vex, a space pirate. \n\n*laughs* Never! *laughs* Never! *laughs* "
        "Never! * […] hs* Never! *laughs* Never! \n\nWe meet in […] stranger. *raises a mug* Welcome, stranger. "
    )
    parts = request_parts(item)
    assert model_text(parts, 96, view=LEGACY_VIEW) == expected
    assert model_text(parts, 96, view="last_turn") == expected


@pytest.mark.parametrize(
    "payload",
    [
        "Explain the difference between TCP and UDP. " * 300,
        {"prompt": "Write a sonnet about the sea. " * 200, "completion": "Upon the grey and restless tide... " * 200},
        {
            "request": {"messages": [{"role": "user", "content": "What is the capital of Australia?"}]},
            "response": {"choices": [{"message": {"role": "assistant", "content": "Canberra."}}]},
        },
    ],
    ids=["long text", "prompt and completion", "one-turn chat"],
)
def test_a_lone_turn_reads_the_same_under_every_view(payload):
    parts = request_parts(parse_item(payload))
    for max_tokens in (64, 256, 512):
        texts = {name: model_text(parts, max_tokens, view=name) for name in VIEWS}
        assert len(set(texts.values())) == 1, texts


def test_parts_name_the_first_turn_and_the_turns_between():
    parts = request_parts(parse_item(_roleplay(turns=2)))
    assert parts.first_user.startswith("Let's play a game. You are Sam Marlowe")
    assert parts.user == "go on"
    assert parts.context.startswith("Let's play a game")
    assert parts.between.startswith("The rain had been falling")
    assert "Let's play a game" not in parts.between
    assert "part 1" in parts.between


def test_a_roleplay_frame_leads_the_frame_view_when_the_last_turn_is_go_on():
    parts = request_parts(parse_item(_roleplay()))
    frame = model_text(parts, 256, view="frame")
    assert frame.startswith("Let's play a game. You are Sam Marlowe, a hard-boiled private detective")
    assert frame.split("\n\n")[1] == "go on"
    last_turn = model_text(parts, 256, view="last_turn")
    assert last_turn.startswith("go on")
    assert "hard-boiled private detective" not in last_turn.split("\n\n")[0]
    frame_last = model_text(parts, 256, view="frame_last")
    assert frame_last.startswith("go on\n\nLet's play a game. You are Sam Marlowe")
    frame_only = model_text(parts, 256, view="frame_only")
    assert "Sam Marlowe" in frame_only and "go on" not in frame_only and "photograph" not in frame_only


def test_a_system_prompt_frame_survives_a_long_story_under_the_frame_views():
    system = "You are the narrator of an interactive dark-fantasy story set in the drowned city of Vael. "
    messages = [{"role": "system", "content": system + "Never break character. " * 40}]
    for i in range(40):
        messages.append({"role": "user", "content": f"I open door {i}."})
        messages.append({"role": "assistant", "content": "Behind it, black water laps at marble stairs. " * 15})
    messages.append({"role": "user", "content": "What happens next?"})
    parts = request_parts(parse_item({"messages": messages}))
    for view in FRAME_VIEWS:
        text = model_text(parts, 256, view=view)
        assert "drowned city of Vael" in text and "I open door 0." in text, view
        assert estimate_tokens(text) <= 270
    assert model_text(parts, 256, view="frame").startswith(system)
    assert "What happens next?" in model_text(parts, 256, view="frame")


def test_a_long_persona_preamble_cannot_crowd_out_the_question():
    persona = (
        "You are Sir Reginald Pembleton, a pompous Victorian butler who has served the Duke of Wexford for forty "
        "years. You speak in long, ornate sentences, sigh at modern inventions, and address the user as 'young "
        "master'. " * 30
    )
    question = "How do I reset my home Wi-Fi router when the admin page will not load?"
    parts = request_parts(
        parse_item({"messages": [{"role": "system", "content": persona}, {"role": "user", "content": question}]})
    )
    for view in VIEWS:
        text = model_text(parts, 256, view=view)
        assert question in text and "Sir Reginald Pembleton" in text, view
    assert model_text(parts, 256, view="frame").startswith("You are Sir Reginald")
    assert model_text(parts, 256, view="last_turn").startswith(question)


def test_an_exam_wrapper_keeps_the_whole_question_and_its_options():
    wrapper = (
        "You are taking the USMLE Step 1 practice exam. Read each question carefully and answer with the letter of "
        "the single best option only. Do not explain your reasoning. " * 5
    )
    question = (
        "Question 14: A 54-year-old man starts lisinopril for hypertension. Two weeks later he develops a dry, "
        "persistent cough. Accumulation of which substance is the most likely cause?\n"
        "A) Angiotensin II\nB) Bradykinin\nC) Aldosterone\nD) Renin\nE) Histamine"
    )
    history = [
        {"role": "user", "content": "Question 13: Which drug is first-line for absence seizures? A) ... E) ..."},
        {"role": "assistant", "content": "C"},
    ]
    parts = request_parts(
        parse_item(
            {"messages": [{"role": "system", "content": wrapper}, *history, {"role": "user", "content": question}]}
        )
    )
    for view in ("last_turn", "frame", "frame_last"):
        text = model_text(parts, 256, view=view)
        assert question in text and "USMLE Step 1" in text, view


def test_a_pasted_document_keeps_its_head_and_the_instruction_in_one_turn():
    instruction = "Summarise the termination clauses of this contract in three bullet points."
    parts = request_parts(parse_item({"messages": [{"role": "user", "content": CONTRACT + "\n" + instruction}]}))
    for view in VIEWS:
        text = model_text(parts, 256, view=view)
        assert text.startswith("MASTER SERVICES AGREEMENT between Northwind Logistics"), view
        assert text.endswith(instruction), view
        assert estimate_tokens(text) <= 270


def test_a_pasted_document_then_a_short_instruction_in_the_next_turn():
    instruction = "Which clause lets us leave early, and how much notice do we owe?"
    messages = [
        {"role": "system", "content": "You are a careful assistant for a small logistics company."},
        {"role": "user", "content": "Here is our supplier contract:\n\n" + CONTRACT},
        {"role": "assistant", "content": "Thanks, I have read the agreement. What would you like to know?"},
        {"role": "user", "content": instruction},
    ]
    parts = request_parts(parse_item({"messages": messages}))
    for view in ("frame", "frame_last", "last_turn"):
        text = model_text(parts, 256, view=view)
        assert instruction in text and "MASTER SERVICES AGREEMENT" in text, view
    assert "MASTER SERVICES AGREEMENT" in model_text(parts, 256, view="frame_only")


def test_every_view_cuts_a_huge_agent_transcript_fast():
    messages = [{"role": "system", "content": "You are a coding agent. " * 2000}]
    messages.append({"role": "user", "content": "The CI is red: tests/test_parser.py fails on Windows paths."})
    for i in range(300):
        messages.append({"role": "assistant", "content": "ok " * 300})
        messages.append({"role": "user", "content": f"step {i}: " + "log line\n" * 200})
    messages.append({"role": "user", "content": "Now fix the failing test in parser.py"})
    parts = request_parts(parse_item({"messages": messages}))
    for view in VIEWS:
        started = time.perf_counter()
        text = model_text(request_parts(parse_item({"messages": messages})), 256, view=view)
        assert time.perf_counter() - started < 0.5, view
        assert estimate_tokens(text) <= 280, view
        assert "coding agent" in text, view
        assert model_text(parts, 256, view=view) == text  # deterministic
    for view in ("frame", "frame_last", "frame_only"):
        assert "Windows paths" in model_text(parts, 256, view=view)
    for view in ("last_turn", "frame", "frame_last"):
        assert "fix the failing test" in model_text(parts, 256, view=view)


def test_an_anthropic_agent_loop_reads_the_user_not_the_tool_output():
    item = parse_item(
        {
            "request": {
                "system": "You are Claude Code, an agent for software engineering tasks.",
                "messages": [
                    {"role": "user", "content": "Rename the `fetch_all` helper to `load_all` across the repo."},
                    {
                        "role": "assistant",
                        "content": [{"type": "tool_use", "id": "t1", "name": "grep", "input": {"q": "fetch_all"}}],
                    },
                    {
                        "role": "user",
                        "content": [
                            {"type": "tool_result", "tool_use_id": "t1", "content": "src/api.py:12: fetch_all"}
                        ],
                    },
                ],
            }
        }
    )
    parts = request_parts(item)
    assert parts.user == parts.first_user == "Rename the `fetch_all` helper to `load_all` across the repo."
    assert parts.system.startswith("You are Claude Code")
    assert model_text(parts, 256, view="frame").startswith("You are Claude Code")


def test_token_estimate_of_a_huge_text_is_bounded_in_time_and_close():
    # 10 MB of Chinese took 6.5 s to estimate, holding the GIL; the estimate now reads a bounded sample.
    text = "中文。" * 1_200_000 + "mixed latin words " * 100_000
    started = time.perf_counter()
    estimate = estimate_tokens_bounded(text)
    cut = model_text(request_parts(parse_item({"text": text})), 512)
    assert time.perf_counter() - started < 1.0
    assert abs(estimate - estimate_tokens(text)) / estimate_tokens(text) < 0.05
    assert cut.startswith("中文") and "latin words" in cut[-40:]


def test_ordinary_texts_are_estimated_exactly():
    for text in ["hello", "中文" * 10_000, "word " * 20_000]:
        assert estimate_tokens_bounded(text) == estimate_tokens(text)
