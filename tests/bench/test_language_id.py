"""The language-ID comparison: a sample that covers what docs/language_id.md claims, and the shipped detector on it."""

from collections import Counter

from bench.language_id import BUCKETS, load_sample, markdown, run_one, score


def test_the_sample_has_enough_languages_and_items_per_bucket():
    rows = load_sample()
    assert {row["bucket"] for row in rows} == set(BUCKETS)
    per_bucket = Counter(row["bucket"] for row in rows)
    assert min(per_bucket[bucket] for bucket in ("short", "medium", "long")) >= 20
    assert all(row["lang"] == "und" for row in rows if row["bucket"] == "none")
    for bucket in ("short", "medium", "long"):
        assert len({row["lang"] for row in rows if row["bucket"] == bucket}) >= 15, bucket
    assert all(1 <= len(row["text"].split()) <= 5 for row in rows if row["bucket"] == "short")


def test_score_counts_und_and_wrong_and_applies_the_floor():
    rows = [{"text": "a", "lang": "en", "bucket": "short"}] * 3 + [{"text": "lol", "lang": "und", "bucket": "none"}] * 2
    predictions = [("en", 0.9), ("fr", 0.2), ("und", 0.0), ("en", 0.12), ("und", 0.0)]
    scored = score(rows, predictions)
    assert scored["short"] == {"n": 3, "correct": 1, "und": 1, "wrong": 1}
    assert scored["none"] == {"n": 2, "correct": 1, "und": 0, "wrong": 1}
    floored = score(rows, predictions, floor=0.5)
    assert floored["short"]["und"] == 2 and floored["none"]["correct"] == 2


def test_the_shipped_detector_is_right_on_most_of_the_sample_and_rarely_wrong():
    rows = load_sample()
    result = run_one("shipped", rows)
    scored = score(rows, result["predictions"])
    assert scored["short"]["correct"] / scored["short"]["n"] >= 0.85
    assert scored["short"]["wrong"] <= 5
    assert scored["medium"]["correct"] == scored["medium"]["n"] and scored["long"]["correct"] == scored["long"]["n"]
    assert scored["none"]["correct"] / scored["none"]["n"] >= 0.8
    assert "| shipped: fastText" in markdown(rows, [result], None)
