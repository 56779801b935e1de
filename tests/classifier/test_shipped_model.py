"""The shipped default model on the shapes real traffic has and the first model got wrong (issue 10).

Written for these tests, from no dataset: first-turn roleplay frames, persona preambles, exam wrappers and
format-only instructions. The label is the subject, never the wrapper.
"""

from __future__ import annotations

import pytest

from classifier import load_model

FRAME_THEN_GO_ON = {
    "request": {
        "messages": [
            {
                "role": "system",
                "content": "You are Captain Mara Voss, a smuggler pilot in a space opera. Stay in character.",
            },
            {"role": "user", "content": "*slides into the co-pilot seat* So, captain, where are we headed tonight?"},
            {"role": "assistant", "content": "*flicks the thrusters on* Somewhere the Syndicate won't follow, kid."},
            {"role": "user", "content": "go on"},
        ]
    }
}
PERSONA_PREAMBLE = {
    "request": {
        "messages": [
            {"role": "system", "content": "You are a highly intelligent doctor who answers patients kindly."},
            {
                "role": "user",
                "content": "I've had a dull headache behind my eyes for three days and ibuprofen barely helps.",
            },
        ]
    }
}
ANTHROPIC_PERSONA = {
    "request": {
        "model": "claude-sonnet-4",
        "system": [{"type": "text", "text": "You are a senior Python engineer. Be concise."}],
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "text",
                        "text": "Write a function that returns the longest palindromic substring of a string.",
                    }
                ],
            }
        ],
    }
}
CASES = [
    ("roleplay", FRAME_THEN_GO_ON),
    ("health", PERSONA_PREAMBLE),
    ("programming", ANTHROPIC_PERSONA),
    (
        "health",
        "Which of the following drugs is a loop diuretic? A) Spironolactone B) Furosemide "
        "C) Hydrochlorothiazide D) Acetazolamide. Answer with the letter only.",
    ),
    (
        "technology",
        "Question 14: Which port does LDAPS use by default? A) 389 B) 636 C) 3268 D) 88. Answer with A, B, C or D.",
    ),
    (
        "legal",
        "Multiple choice: Under the mailbox rule, when is an acceptance of an offer generally effective? "
        "A) when received B) when dispatched C) when read D) when the offeror replies. Reply with the letter.",
    ),
    (
        "finance",
        "Exam item: A company buys equipment for $50,000 with a 5-year life and $5,000 salvage value. "
        "What is the annual straight-line depreciation? A) $9,000 B) $10,000 C) $11,000 D) $8,000",
    ),
]


@pytest.fixture(scope="module")
def shipped():
    """The active shipped model, as ``load_model()`` gives it to a user."""
    return load_model()


@pytest.mark.parametrize(("expected", "request_body"), CASES, ids=[f"{e}-{i}" for i, (e, _) in enumerate(CASES)])
def test_the_subject_decides_not_the_wrapper(shipped, expected, request_body):
    assert shipped.classify(request_body).labels["category"].label == expected


def test_the_shipped_model_reads_conversations_by_their_frame(shipped):
    assert shipped.view == "frame"
