"""The shipped dataset meets its own brief: size, mix, languages, and no near-duplicates."""

from collections import Counter

import pytest

from classifier.signals import detect_language
from classifier.taxonomy import label_ids
from classifier.views import request_parts
from training.data_card import DATA_DIR, full_text, near_duplicates, shape
from training.dataset import read_labeled_csv


@pytest.fixture(scope="module")
def train():
    return read_labeled_csv(DATA_DIR / "train.csv")


@pytest.fixture(scope="module")
def heldout():
    return read_labeled_csv(DATA_DIR / "heldout.csv")


def test_every_category_has_enough_examples(train, heldout):
    categories = label_ids("category")
    train_counts, held_counts = Counter(train.labels["category"]), Counter(heldout.labels["category"])
    assert set(train_counts) == set(categories) == set(held_counts)
    assert min(train_counts.values()) >= 150 and len(train) >= 2250
    assert min(held_counts.values()) >= 30
    assert set(train.labels["reasoning_heavy"]) == {"yes", "no"}
    assert not train.warnings, "no duplicate or conflicting rows"


def test_mix_looks_like_gateway_traffic(train):
    n = len(train)
    shapes = Counter(shape(item) for item in train.items)
    assert shapes["chat, multi-turn"] / n >= 0.15
    assert shapes["prompt + completion"] / n >= 0.10
    assert sum(1 for item in train.items if request_parts(item).system) / n >= 0.05
    words = [len(full_text(item).split()) for item in train.items]
    assert min(words) <= 3 and sum(w > 150 for w in words) / n >= 0.05


def test_at_least_a_fifth_is_not_english_in_every_category(train):
    languages = [detect_language(request_parts(item).user) for item in train.items]
    assert sum(lang != "en" for lang in languages) / len(languages) >= 0.20
    for category in label_ids("category"):
        rows = [lang for lang, c in zip(languages, train.labels["category"], strict=True) if c == category]
        assert sum(lang != "en" for lang in rows) / len(rows) >= 0.10, category
    assert len(set(languages)) >= 12


def test_no_near_duplicates_within_training_or_across_splits(train, heldout):
    train_texts = [full_text(item) for item in train.items]
    held_texts = [full_text(item) for item in heldout.items]
    within = near_duplicates(train_texts)
    assert not within, [(train_texts[i][:60], train_texts[j][:60], round(s, 2)) for i, j, s in within[:5]]
    across = near_duplicates(held_texts, train_texts)
    assert not across, [(held_texts[i][:60], train_texts[j][:60], round(s, 2)) for i, j, s in across[:5]]
