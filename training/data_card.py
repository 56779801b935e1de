"""Statistics of the shipped dataset for its data card, and the near-duplicate check.

``python -m training.data_card`` rewrites the generated part of
``training/data/DATACARD.md`` (between the ``<!-- stats -->`` markers) from
``train.csv`` and ``heldout.csv``: counts per label, shapes, language mix
(identified by the same language-ID model the signals use) and lengths.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from classifier.requests import ChatItem, Item, PromptItem
from classifier.signals import detect_language
from classifier.views import request_parts
from training.dataset import LabeledDataset, read_labeled_csv

DATA_DIR = Path(__file__).resolve().parent / "data"
START, END = "<!-- stats:start -->", "<!-- stats:end -->"


def full_text(item: Item) -> str:
    """Every word of an item (system prompt, turns, completion), for length and duplicate checks."""
    parts = request_parts(item)
    return "\n".join(p for p in (parts.system, parts.context, parts.user, parts.completion) if p)


def shape(item: Item) -> str:
    """Which of the three input shapes an item has, with multi-turn chats told apart."""
    if isinstance(item, ChatItem):
        users = sum(1 for m in item.request.messages if m.role == "user")
        return "chat, multi-turn" if users >= 2 else "chat, single turn"
    return "prompt + completion" if isinstance(item, PromptItem) else "text"


def near_duplicates(
    texts_a: list[str], texts_b: list[str] | None = None, threshold: float = 0.8
) -> list[tuple[int, int, float]]:
    """Pairs of texts whose character n-gram TF-IDF cosine is at least ``threshold``.

    With one list, pairs within it (i < j); with two, pairs across them.
    """
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
    matrix_a = vectorizer.fit_transform(texts_a + (texts_b or []))
    left = matrix_a[: len(texts_a)]
    right = matrix_a[len(texts_a) :] if texts_b is not None else left
    similarity = (left @ right.T).tocoo()
    pairs = []
    for i, j, value in zip(similarity.row, similarity.col, similarity.data, strict=True):
        if value >= threshold and (texts_b is not None or i < j):
            pairs.append((int(i), int(j), float(value)))
    return pairs


def _table(counter: Counter[str], total: int, header: str) -> list[str]:
    lines = [f"| {header} | rows | share |", "|---|---|---|"]
    for key, n in counter.most_common():
        lines.append(f"| {key} | {n} | {n / total:.1%} |")
    return lines


def dataset_stats(dataset: LabeledDataset) -> list[str]:
    """Markdown lines describing one split."""
    n = len(dataset)
    languages = Counter(detect_language(request_parts(i).user or full_text(i)) for i in dataset.items)
    words = np.array([len(full_text(i).split()) for i in dataset.items])
    with_system = sum(1 for i in dataset.items if request_parts(i).system)
    non_english = sum(v for k, v in languages.items() if k != "en")
    lines = [
        f"Rows: **{n}**; non-English (by language ID of the user turn): **{non_english / n:.1%}**; "
        f"with a system prompt: {with_system / n:.1%}.",
        "",
    ]
    lines += [
        "Per `category` (and `reasoning_heavy` = yes):",
        "",
        "| category | rows | reasoning_heavy yes |",
        "|---|---|---|",
    ]
    by_category = Counter(dataset.labels["category"])
    for category, count in sorted(by_category.items()):
        heavy = sum(
            1
            for c, r in zip(dataset.labels["category"], dataset.labels["reasoning_heavy"], strict=True)
            if c == category and r == "yes"
        )
        lines.append(f"| {category} | {count} | {heavy} |")
    lines += ["", "Shapes:", "", *_table(Counter(shape(i) for i in dataset.items), n, "shape")]
    top = Counter(dict(languages.most_common(15)))
    lines += ["", f"Languages ({len(languages)} in all; top 15):", "", *_table(top, n, "language")]
    other = n - sum(top.values())
    if other:
        lines.append(f"| (other languages) | {other} | {other / n:.1%} |")
    quantiles = np.percentile(words, [0, 10, 25, 50, 75, 90, 100]).astype(int)
    lines += [
        "",
        "Length in words (whole item: system prompt, turns, completion):",
        "",
        "| min | p10 | p25 | median | p75 | p90 | max | over 150 words |",
        "|---|---|---|---|---|---|---|---|",
        "| " + " | ".join(str(q) for q in quantiles) + f" | {(words > 150).mean():.1%} |",
    ]
    return lines


def render_stats(train: LabeledDataset, heldout: LabeledDataset) -> str:
    """The generated block of the data card."""
    lines = [START, "", "### Training set (`train.csv`)", "", *dataset_stats(train)]
    lines += ["", "### Held-out set (`heldout.csv`)", "", *dataset_stats(heldout), "", END]
    return "\n".join(lines)


def main() -> None:
    """Rewrite the statistics block of DATACARD.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    train = read_labeled_csv(args.data_dir / "train.csv")
    heldout = read_labeled_csv(args.data_dir / "heldout.csv")
    card_path = args.data_dir / "DATACARD.md"
    card = card_path.read_text(encoding="utf-8")
    before, _, rest = card.partition(START)
    _, _, after = rest.partition(END)
    card_path.write_text(before + render_stats(train, heldout) + after, encoding="utf-8")


if __name__ == "__main__":
    main()
