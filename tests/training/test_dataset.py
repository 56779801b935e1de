"""A labeled CSV is validated before any work, with messages a user can act on."""

import csv
import json
from pathlib import Path

import pytest

from classifier import ChatItem, PromptItem, TextItem
from training.dataset import DatasetError, read_labeled_csv

BASE_ROWS = [(f"question number {i} about topic {lab}", lab) for lab in ("a", "b") for i in range(4)]


def write(tmp_path: Path, text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def csv_of(rows, header="text,category"):
    lines = [header] + [",".join(f'"{v}"' for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def test_reads_all_three_input_shapes(tmp_path):
    path = tmp_path / "mixed.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "prompt", "completion", "messages", "category"])
        for i in range(3):
            writer.writerow([f"plain text {i}", "", "", "", "a"])
            writer.writerow(["", f"prompt {i}", f"answer {i}", "", "b"])
            messages = [{"role": "system", "content": "be nice"}, {"role": "user", "content": f"hello {i}"}]
            writer.writerow(["", "", "", json.dumps(messages), "c"])
    dataset = read_labeled_csv(path)
    assert {type(item) for item in dataset.items} == {TextItem, PromptItem, ChatItem}
    assert dataset.label_columns == ["category"]
    assert len(dataset) == 9


def test_label_columns_default_to_every_non_input_column(tmp_path):
    rows = [(t, lab, "yes" if i % 2 else "no") for i, (t, lab) in enumerate(BASE_ROWS)]
    dataset = read_labeled_csv(write(tmp_path, csv_of(rows, "text,category,reasoning_heavy")))
    assert dataset.label_columns == ["category", "reasoning_heavy"]
    only = read_labeled_csv(write(tmp_path, csv_of(rows, "text,category,reasoning_heavy")), ["reasoning_heavy"])
    assert only.label_columns == ["reasoning_heavy"]


def test_misspelt_input_column_suggests_the_closest(tmp_path):
    with pytest.raises(DatasetError, match="did you mean 'text'"):
        read_labeled_csv(write(tmp_path, csv_of(BASE_ROWS, "txet,category")))


def test_misspelt_label_column_suggests_the_closest(tmp_path):
    with pytest.raises(DatasetError, match="did you mean 'category'"):
        read_labeled_csv(write(tmp_path, csv_of(BASE_ROWS)), ["categroy"])


def test_empty_rows_are_reported_with_row_numbers(tmp_path):
    rows = [*BASE_ROWS[:2], ("", "a"), *BASE_ROWS[2:], ("   ", "b")]
    with pytest.raises(DatasetError, match=r"rows 4, 11 have no text"):
        read_labeled_csv(write(tmp_path, csv_of(rows)))


def test_missing_labels_are_reported_with_row_numbers(tmp_path):
    rows = [*BASE_ROWS, ("an unlabeled question", "")]
    with pytest.raises(DatasetError, match=r"rows 10 have no 'category' label"):
        read_labeled_csv(write(tmp_path, csv_of(rows)))


def test_not_utf8_names_the_line(tmp_path):
    path = write(tmp_path, csv_of([*BASE_ROWS, ("café crème", "a")]), encoding="latin-1")
    with pytest.raises(DatasetError, match=r"not UTF-8.*line 10.*re-save"):
        read_labeled_csv(path)


def test_json_binary_and_ragged_files_are_not_csv(tmp_path):
    with pytest.raises(DatasetError, match="looks like JSON"):
        read_labeled_csv(write(tmp_path, '[{"text": "x"}]'))
    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    with pytest.raises(DatasetError, match="binary file"):
        read_labeled_csv(binary)
    with pytest.raises(DatasetError, match="rows 3 do not have 2 fields"):
        read_labeled_csv(write(tmp_path, "text,category\nhello,a\nhello, there,b\n"))
    with pytest.raises(DatasetError, match="is empty"):
        read_labeled_csv(write(tmp_path, ""))
    with pytest.raises(DatasetError, match="no such file"):
        read_labeled_csv(tmp_path / "missing.csv")


def test_invalid_messages_json_names_the_row(tmp_path):
    text = (
        "messages,category\n" + "\n".join(['"[{""role"": ""user"", ""content"": ""hi""}]",a'] * 1) + '\n"not json",a\n'
    )
    with pytest.raises(DatasetError, match=r"row 3: messages: not valid JSON"):
        read_labeled_csv(write(tmp_path, text))


def test_too_few_examples_per_label(tmp_path):
    rows = [*BASE_ROWS, ("the only example of c", "c")]
    with pytest.raises(DatasetError, match=r"fewer than 3 examples.*'c' \(1\)"):
        read_labeled_csv(write(tmp_path, csv_of(rows)))
    single = [(t, "a") for t, _ in BASE_ROWS]
    with pytest.raises(DatasetError, match="only one label"):
        read_labeled_csv(write(tmp_path, csv_of(single)))


def test_duplicates_are_dropped_and_reported(tmp_path):
    rows = [*BASE_ROWS, BASE_ROWS[0], BASE_ROWS[1]]
    dataset = read_labeled_csv(write(tmp_path, csv_of(rows)))
    assert len(dataset) == len(BASE_ROWS)
    assert any("dropped 2 duplicate row(s): rows 10, 11" in w for w in dataset.warnings)


def test_conflicting_labels_are_reported_and_left_out(tmp_path):
    rows = [*BASE_ROWS, (BASE_ROWS[0][0], "b")]
    dataset = read_labeled_csv(write(tmp_path, csv_of(rows)))
    assert any("conflicting labels (rows 2, 10)" in w for w in dataset.warnings)
    assert BASE_ROWS[0][0] not in [item.text for item in dataset.items]


def test_several_inputs_in_one_row_are_refused(tmp_path):
    text = "text,prompt,category\n" + "".join(f"t{i},,a\n" for i in range(3)) + "both,filled,a\n"
    with pytest.raises(DatasetError, match="rows 5 fill more than one"):
        read_labeled_csv(write(tmp_path, text))


def test_source_column_is_metadata_and_blank_labels_are_allowed_off_authored_rows(tmp_path):
    rows = [(t, lab, "yes" if i % 2 else "no", "") for i, (t, lab) in enumerate(BASE_ROWS)]
    rows += [(f"a forum post about {lab} number {i}", lab, "", "forum") for i, lab in enumerate("aab")]
    dataset = read_labeled_csv(write(tmp_path, csv_of(rows, "text,category,reasoning_heavy,source")))
    assert dataset.label_columns == ["category", "reasoning_heavy"]
    assert dataset.sources == ["authored"] * len(BASE_ROWS) + ["forum"] * 3
    assert dataset.labels["reasoning_heavy"][-3:] == ["", "", ""]
    assert dataset.labeled_rows("reasoning_heavy") == list(range(len(BASE_ROWS)))
    assert dataset.labeled_rows("category") == list(range(len(BASE_ROWS) + 3))
    with pytest.raises(DatasetError, match="metadata"):
        read_labeled_csv(write(tmp_path, csv_of(rows, "text,category,reasoning_heavy,source")), ["source"])


def test_a_file_without_source_column_is_all_authored(tmp_path):
    dataset = read_labeled_csv(write(tmp_path, csv_of(BASE_ROWS)))
    assert dataset.sources == ["authored"] * len(BASE_ROWS)


def test_blank_labels_in_authored_rows_are_still_refused(tmp_path):
    rows = [(t, lab, "no", "") for t, lab in BASE_ROWS]
    rows += [("an authored question without a reasoning label", "a", "", ""), ("named authored", "b", "", "authored")]
    with pytest.raises(DatasetError, match=r"rows 10, 11 have no 'reasoning_heavy' label"):
        read_labeled_csv(write(tmp_path, csv_of(rows, "text,category,reasoning_heavy,source")))


def test_combined_datasets_keep_sources_and_leave_out_repeated_texts(tmp_path):
    from training.dataset import combine_datasets

    authored = read_labeled_csv(
        write(
            tmp_path, csv_of([(t, lab, "yes" if i % 2 else "no") for i, (t, lab) in enumerate(BASE_ROWS)], "text,a,b")
        )
    )
    corpus_rows = [(f"real prompt {i}", "x" if i % 2 else "y", "forum") for i in range(6)]
    corpus_rows.append((BASE_ROWS[0][0], "y", "forum"))  # already in the authored file, with another label
    corpus = read_labeled_csv(write(tmp_path, csv_of(corpus_rows, "text,a,source"), "corpus.csv"))
    combined = combine_datasets(authored, corpus)
    assert len(combined) == len(BASE_ROWS) + 6
    assert combined.label_columns == ["a", "b"]
    assert combined.sources == ["authored"] * len(BASE_ROWS) + ["forum"] * 6
    assert combined.labels["b"][len(BASE_ROWS) :] == [""] * 6
    assert combined.labels["a"][0] == BASE_ROWS[0][1]  # the earlier file wins
    assert any("left out 1 row(s)" in w and "forum (1)" in w for w in combined.warnings)
    with pytest.raises(DatasetError, match="authored rows, which need every label"):
        combine_datasets(corpus, read_labeled_csv(write(tmp_path, csv_of(BASE_ROWS, "text,c"), "other.csv")))
