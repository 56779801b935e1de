"""Batch files: inputs of every format and compression, row numbering, parsing, outputs and checkpoints."""

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from traffic.batch_io import (
    BatchInputError,
    ResultWriter,
    RowReader,
    output_spec,
    parse_row,
    read_results,
    resolve_inputs,
)

ROWS = [
    {"id": "r0", "timestamp": "2026-03-01T10:00:00Z", "model": "gpt-4o", "app": "support", "user": "ann", "text": "hi"},
    {"prompt": "what is 7 times 8", "completion": "56"},
    {"messages": [{"role": "user", "content": "write a poem about snow"}], "user": "bob"},
]


def write_jsonl(path: Path, rows, compression=None) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    if compression == "gzip":
        data = gzip.compress(data)
    elif compression == "zstd":
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def read_all(paths, **kwargs):
    return list(RowReader(resolve_inputs([str(p) for p in paths]), **kwargs))


@pytest.mark.parametrize(("name", "compression"), [("a.jsonl", None), ("a.jsonl.gz", "gzip"), ("a.jsonl.zst", "zstd")])
def test_jsonl_plain_gzip_zstd(tmp_path, name, compression):
    rows = read_all([write_jsonl(tmp_path / name, ROWS, compression)])
    assert [r.index for r in rows] == [0, 1, 2]
    assert rows[0].data["id"] == "r0"


def test_compression_is_told_by_content_not_name(tmp_path):
    path = write_jsonl(tmp_path / "logs.jsonl", ROWS, "gzip")  # gzipped, named as plain
    assert [r.data for r in read_all([path])] == ROWS


def test_csv_with_json_cells_and_ragged_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        'id,text,messages,model\nc0,hello there,,m1\nc1,,"[{""role"": ""user"", ""content"": ""multi\nline""}]",m2\n'
        "c2,too,many,cells,here\n\nc3,last,,m3\n"
    )
    rows = read_all([path])
    assert [r.index for r in rows] == [0, 1, 2, 3]
    assert rows[0].data == {"id": "c0", "text": "hello there", "model": "m1"}
    item, meta = parse_row(rows[1].data)
    assert meta == {"input_id": "c1", "model": "m2"}
    assert "multi\nline" in item.request.messages[0].content
    assert rows[2].problem == "has 5 cells; the header has 4 columns" and rows[2].where.endswith("line 5")
    assert rows[3].data["id"] == "c3"


def test_parquet_input_with_nested_messages(tmp_path):
    path = tmp_path / "a.parquet"
    keys = sorted({k for r in ROWS for k in r})  # from_pylist takes its columns from the first row
    pq.write_table(pa.Table.from_pylist([{k: r.get(k) for k in keys} for r in ROWS]), path)
    rows = read_all([path])
    assert [r.index for r in rows] == [0, 1, 2]
    item, meta = parse_row(rows[2].data)
    assert meta == {"user": "bob"} and item.request.messages[0].content == "write a poem about snow"


def test_index_runs_across_inputs_dirs_and_globs(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl.gz", ROWS[:2], "gzip")
    write_jsonl(folder / "a.jsonl", ROWS, None)
    (folder / "notes.txt").write_text("not an input")
    inputs = resolve_inputs([str(folder), str(tmp_path / "logs" / "*.gz")])
    assert [Path(f.name).name for f in inputs] == ["a.jsonl", "b.jsonl.gz", "b.jsonl.gz"]
    assert [r.index for r in RowReader(inputs)] == list(range(7))


@pytest.mark.parametrize(
    ("argument", "message"),
    [("missing.jsonl", "no such file"), ("*.nothing", "no file matches"), (".", "holds no .jsonl")],
)
def test_unusable_inputs_say_what_to_fix(tmp_path, monkeypatch, argument, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BatchInputError, match=message):
        resolve_inputs([argument])


def test_non_utf8_names_file_and_byte_offset(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    with pytest.raises(BatchInputError, match=r"latin.jsonl is not utf-8 text: line 2, byte offset 28 .*--encoding"):
        read_all([path])
    rows = read_all([path], encoding="latin-1")
    assert rows[1].data["text"] == "café"


def test_csv_without_a_request_column_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name,age\nann,3\n")
    with pytest.raises(BatchInputError, match=r"has no request column .*name, age.* text, prompt"):
        read_all([path])


def test_cut_gzip_is_an_input_error(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl.gz", ROWS * 200, "gzip")
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(BatchInputError, match="cut or corrupt"):
        read_all([path])


def test_gateway_line_shapes_parse_with_metadata():
    line = {
        "created_at": 1767261600,
        "request": json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "sort a list"}]}),
        "response": "use sorted()",
        "metadata": {"app": "ide", "user": "cy"},
        "id": 7,
    }
    item, meta = parse_row(line)
    assert meta == {"input_id": 7, "timestamp": "2026-01-01T10:00:00Z", "model": "gpt-4o", "app": "ide", "user": "cy"}
    assert item.response is not None


@pytest.mark.parametrize("name", ["out.json", "out.txt", "out.parquet.gz"])
def test_output_names_we_cannot_write(tmp_path, name):
    with pytest.raises(BatchInputError):
        output_spec(tmp_path / name)


def fake_records(start, count):
    return [
        {"index": i, "input_id": f"r{i}", "error": {"type": "invalid_request", "message": "x", "field": None}}
        for i in range(start, start + count)
    ]


@pytest.mark.parametrize("name", ["o.jsonl", "o.jsonl.gz", "o.csv.zst", "o.parquet"])
def test_writer_checkpoint_and_resume_drop_the_partial_chunk(tmp_path, name):
    spec = output_spec(tmp_path / name)
    writer = ResultWriter(spec, ["category"], [["in", 1]])
    writer.write(fake_records(0, 3))
    writer.write(fake_records(3, 3))
    writer.close()  # interrupted: a half-written chunk follows
    if spec.format != "parquet":
        with open(spec.path, "ab") as handle:
            handle.write(b"\x00garbage of a chunk cut short")
    else:
        (spec.parts / "part-000002.tmp").write_bytes(b"half")
    with pytest.raises(BatchInputError, match="inputs differ"):
        ResultWriter(spec, ["category"], [["other", 1]], resume=True)
    resumed = ResultWriter(spec, ["category"], [["in", 1]], resume=True)
    assert resumed.next_index == 6
    resumed.write(fake_records(6, 2))
    resumed.finish()
    assert not spec.checkpoint.exists()
    assert [int(r["index"]) for r in read_results(spec.path)] == list(range(8))
    with pytest.raises(BatchInputError, match="nothing to resume"):
        ResultWriter(spec, ["category"], [["in", 1]], resume=True)
