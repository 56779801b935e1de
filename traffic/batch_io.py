"""Read and write batch-classification files of any size, one chunk at a time.

Inputs are JSONL, CSV or Parquet files, each JSONL or CSV file plain, gzip or
zstd (told by the magic bytes, not the name), given as files, directories,
globs or ``-`` (stdin). Rows come out numbered 0, 1, 2, ... across all inputs
in order, so that every result can name the input row it stands for.

Outputs are chosen by the extension of the output path: ``.jsonl``, ``.csv`` or
``.parquet``, the first two optionally ``.gz`` or ``.zst``. A JSONL or CSV output
is written one chunk at a time, each chunk a complete gzip member or zstd frame,
and a checkpoint file next to it records the byte length and the next input row
after each chunk; a Parquet output is written as one part file per chunk and
merged at the end. Either way an interrupted run can be resumed from its last
complete chunk (:func:`open_writer` with ``resume=True``).

Parsing a row into an item reuses the log shapes of :mod:`traffic.logs`.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import logging
import os
import shutil
import sys
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from classifier.errors import InputError, LogReadError
from classifier.requests import Item, parse_item
from traffic.logs import _request_of, _response_of, record_metadata

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
PARQUET_MAGIC = b"PAR1"
INPUT_FORMATS = ("jsonl", "csv", "parquet")
COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".zst": "zstd", ".zstd": "zstd"}
FORMAT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
# Columns of a CSV or Parquet input that hold the request, in the order they are tried.
REQUEST_COLUMNS = ("request", "messages", "prompt", "text")
# Columns holding JSON when they come as strings (CSV cells, Parquet string columns).
JSON_COLUMNS = ("request", "response", "messages", "tools", "usage", "metadata")
META_FIELDS = ("timestamp", "model", "app", "user")
CHECKPOINT_VERSION = 1


class BatchInputError(LogReadError):
    """An input or output cannot be used at all; the message says what to fix (the CLI exits 2)."""


@dataclass(frozen=True)
class InputFile:
    """One input: a path (or ``-`` for stdin), its format and compression."""

    name: str
    format: str
    compression: str | None = None
    size: int = 0

    @property
    def is_stdin(self) -> bool:
        """Whether this input is the standard input."""
        return self.name == "-"


@dataclass
class Row:
    """One input row: its 0-based index across all inputs, where it came from, and its data or why not."""

    index: int
    where: str
    data: dict[str, Any] | None = None
    problem: str | None = None


# --------------------------------------------------------------------------- inputs


def _format_of_name(name: str) -> tuple[str | None, str | None]:
    """(format, compression) told by a file name's suffixes, either None when unknown."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    compression = COMPRESSIONS.get(suffixes[-1]) if suffixes else None
    if compression:
        suffixes = suffixes[:-1]
    fmt = FORMAT_SUFFIXES.get(suffixes[-1]) if suffixes else None
    return fmt, compression


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4)
    except OSError as exc:
        raise BatchInputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _input_file(path: Path, input_format: str | None) -> InputFile:
    head = _sniff(path)
    named_format, _ = _format_of_name(path.name)
    compression = "gzip" if head.startswith(GZIP_MAGIC) else "zstd" if head.startswith(ZSTD_MAGIC) else None
    fmt = input_format or ("parquet" if head == PARQUET_MAGIC else named_format) or "jsonl"
    if fmt == "parquet" and compression:
        raise BatchInputError(f"{path} is a compressed Parquet file; Parquet compresses inside the file, unpack it")
    return InputFile(str(path), fmt, compression, path.stat().st_size)


def resolve_inputs(arguments: Sequence[str], input_format: str | None = None) -> list[InputFile]:
    """Every input file named by ``arguments`` (files, directories, globs, ``-``), in order.

    A directory gives its JSONL, CSV and Parquet files (compressed or not), sorted by
    path, searched recursively; a glob gives its matches sorted. Raises
    :class:`BatchInputError` for a missing file, an empty directory or glob, or an
    unreadable file.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise BatchInputError(f"unknown input format {input_format!r}; choose from {', '.join(INPUT_FORMATS)}")
    found: list[InputFile] = []
    for argument in arguments:
        if argument == "-":
            found.append(InputFile("-", input_format or "jsonl"))
            continue
        path = Path(argument)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _format_of_name(p.name)[0])
            if not files:
                raise BatchInputError(f"{argument} holds no .jsonl, .csv or .parquet files (optionally .gz or .zst)")
            found.extend(_input_file(p, input_format) for p in files)
        elif path.is_file():
            found.append(_input_file(path, input_format))
        elif glob.has_magic(argument):
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True) if Path(m).is_file())
            if not matches:
                raise BatchInputError(f"no file matches {argument}")
            found.extend(_input_file(p, input_format) for p in matches)
        else:
            raise BatchInputError(f"no such file: {argument}")
    if sum(1 for f in found if f.is_stdin) > 1:
        raise BatchInputError("'-' (stdin) can be given only once")
    return found


class _Counting(io.RawIOBase):
    """A read-only stream that counts the bytes read through it, for the progress bar's estimate."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


def _decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    if compression == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if compression == "zstd":
        import zstandard

        # read_across_frames: a resumed output (and many log shippers) write one frame per chunk.
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True))  # type: ignore[arg-type]
    return raw


class RowReader:
    """Every row of the inputs, in order, numbered across inputs; ``bytes_read`` feeds the progress bar."""

    def __init__(self, inputs: Sequence[InputFile], encoding: str = "utf-8") -> None:
        self.inputs = list(inputs)
        self.encoding = encoding
        self._done_bytes = 0
        self._counter: _Counting | None = None
        self.total_bytes = sum(f.size for f in self.inputs)
        self.known_rows = _parquet_rows(self.inputs) if all(f.format == "parquet" for f in self.inputs) else None

    @property
    def bytes_read(self) -> int:
        """Compressed bytes read so far across all inputs."""
        return self._done_bytes + (self._counter.count if self._counter else 0)

    def __iter__(self) -> Iterator[Row]:
        index = 0
        for source in self.inputs:
            for row in self._rows(source, index):
                index = row.index + 1
                yield row
            self._done_bytes += source.size
            self._counter = None

    def _rows(self, source: InputFile, start: int) -> Iterator[Row]:
        if source.format == "parquet":
            yield from self._parquet_rows(source, start)
            return
        if source.is_stdin:
            raw: BinaryIO = io.BufferedReader(sys.stdin.buffer)  # type: ignore[arg-type]
            head = raw.peek(4)[:4]
            compression = "gzip" if head.startswith(GZIP_MAGIC) else "zstd" if head.startswith(ZSTD_MAGIC) else None
            close = False
        else:
            try:
                raw = open(source.name, "rb")  # noqa: SIM115 - closed below, after a generator's last row
            except OSError as exc:
                raise BatchInputError(f"cannot read {source.name}: {exc.strerror or exc}") from None
            compression, close = source.compression, True
        self._counter = _Counting(raw)
        try:
            stream = _decompressed(io.BufferedReader(self._counter), compression)  # type: ignore[arg-type]
            lines = self._decoded_lines(stream, source)
            if source.format == "csv":
                yield from self._csv_rows(lines, source, start)
            else:
                yield from self._jsonl_rows(lines, source, start)
        except (OSError, EOFError) as exc:  # a cut or corrupt gzip/zstd stream
            raise BatchInputError(f"cannot read {source.name}: {exc}; the file is cut or corrupt") from None
        finally:
            if close:
                raw.close()

    def _decoded_lines(self, stream: BinaryIO, source: InputFile) -> Iterator[tuple[int, str]]:
        """(line number, text) of each line; a line that is not in the encoding stops the run with its byte offset."""
        offset = 0
        for number, raw in enumerate(stream, 1):
            try:
                text = raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                where = f"byte offset {offset + exc.start}" + (
                    " of the decompressed data" if source.compression else ""
                )
                raise BatchInputError(
                    f"{source.name} is not {self.encoding} text: line {number}, {where} "
                    f"(byte {raw[exc.start : exc.start + 1]!r}); give its encoding with --encoding, e.g. --encoding latin-1"
                ) from None
            except LookupError:
                raise BatchInputError(f"unknown --encoding {self.encoding!r} (e.g. utf-8, latin-1, cp1252)") from None
            if number == 1:
                text = text.lstrip("\ufeff")
            offset += len(raw)
            yield number, text

    def _jsonl_rows(self, lines: Iterable[tuple[int, str]], source: InputFile, start: int) -> Iterator[Row]:
        index = start
        for number, text in lines:
            if not text.strip():
                continue
            where = f"{source.name} line {number}"
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Row(index, where, problem=f"not valid JSON ({exc.msg} at column {exc.colno})")
            else:
                if isinstance(data, dict):
                    yield Row(index, where, data=data)
                elif isinstance(data, str):
                    yield Row(index, where, data={"text": data})
                else:
                    yield Row(index, where, problem=f"expected a JSON object, got {type(data).__name__}")
            index += 1

    def _csv_rows(self, lines: Iterable[tuple[int, str]], source: InputFile, start: int) -> Iterator[Row]:
        # The standard library's csv reader, fed line by line: a ragged row becomes an error record in its place
        # with its own index, and the byte offset of a bad encoding stays known (pyarrow's reader skips bad rows
        # by physical line and reports an encoding error without an offset).
        numbered = iter(lines)
        current = [0]

        def texts() -> Iterator[str]:
            for number, text in numbered:
                current[0] = number
                yield text

        reader = csv.reader(texts())
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BatchInputError(f"{source.name} is not a readable CSV file: {exc}") from None
        header = [h.strip() for h in header]
        _check_columns(header, source.name)
        index = start
        while True:
            first = current[0] + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(index, f"{source.name} line {first}", problem=f"not valid CSV ({exc})")
                index += 1
                continue
            if not cells or all(not c.strip() for c in cells):
                continue
            where = f"{source.name} line {first}"
            if len(cells) != len(header):
                yield Row(index, where, problem=f"has {len(cells)} cells; the header has {len(header)} columns")
            else:
                yield Row(index, where, data={k: v for k, v in zip(header, cells, strict=True) if v != ""})
            index += 1

    def _parquet_rows(self, source: InputFile, start: int) -> Iterator[Row]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(source.name)
        except (OSError, pa.ArrowException) as exc:
            raise BatchInputError(f"cannot read {source.name} as Parquet: {exc}") from None
        _check_columns(parquet.schema_arrow.names, source.name)
        index = start
        try:
            for batch in parquet.iter_batches(batch_size=1024):
                for data in batch.to_pylist():
                    yield Row(index, f"{source.name} row {index - start + 1}", data=_drop_nulls(data))
                    index += 1
        except (OSError, pa.ArrowException) as exc:
            raise BatchInputError(f"cannot read {source.name} as Parquet: {exc}") from None
        finally:
            parquet.close()


def _parquet_rows(inputs: Sequence[InputFile]) -> int | None:
    import pyarrow.parquet as pq

    try:
        return sum(pq.ParquetFile(f.name).metadata.num_rows for f in inputs)
    except Exception:  # reading it properly reports the problem
        return None


def _drop_nulls(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _check_columns(names: Sequence[str], where: str) -> None:
    if not any(c in names for c in REQUEST_COLUMNS):
        shown = ", ".join(names[:12]) or "none"
        raise BatchInputError(
            f"{where} has no request column (its columns: {shown}); it needs one of "
            "text, prompt (with completion), messages (a JSON array) or request (an OpenAI chat request as JSON), "
            "plus optional id, timestamp, model, app, user"
        )


# --------------------------------------------------------------------------- rows to items


def _json_cell(name: str, value: Any) -> Any:
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(value, strict=False)  # strict=False: CSV cells often hold raw newlines in strings
        except json.JSONDecodeError as exc:
            if name in ("request", "messages", "tools"):
                raise InputError(f"not valid JSON ({exc.msg} at char {exc.pos})", field=name) from None
    return value


def parse_row(data: dict[str, Any]) -> tuple[Item, dict[str, Any]]:
    """The item to classify in an input row and the metadata its result carries.

    Any shape of :mod:`traffic.logs` is accepted: an API request (text, prompt and
    completion, messages, request and response) or a gateway log line (raw HTTP
    bodies, JSON strings, a response as a string). The metadata holds ``input_id``
    (the row's ``id``) and the row's ``timestamp``, ``model``, ``app`` and ``user``
    when it has them. Raises :class:`InputError` naming the field at fault.
    """
    data = {k: _json_cell(k, v) if k in JSON_COLUMNS else v for k, v in data.items()}
    meta: dict[str, Any] = {}
    if data.get("id") not in (None, ""):
        meta["input_id"] = data["id"] if isinstance(data["id"], (str, int)) else str(data["id"])
    meta.update(record_metadata(data))
    user = data.get("user")
    if user in (None, "") and isinstance(data.get("metadata"), dict):
        user = data["metadata"].get("user")
    if user in (None, "") and isinstance(data.get("request"), dict):
        user = data["request"].get("user")
    if isinstance(user, (str, int)) and user != "":
        meta["user"] = str(user)
    if "request" in data or "messages" in data:
        try:
            request, response = _request_of(data), _response_of(data)
        except Exception as exc:  # traffic.logs says why a response cannot be used
            raise InputError(str(exc), field="response") from None
        if request is None:
            raise InputError("must be an OpenAI chat request (an object with messages)", field="request")
        shaped = {"request": request, **({"response": response} if response is not None else {})}
        return parse_item(shaped), meta
    return parse_item(data), meta


# --------------------------------------------------------------------------- records


def result_record(index: int, meta: dict[str, Any], result: Any, elapsed_ms: float) -> dict[str, Any]:
    """The output record of one classified row: the API's classify response plus ``index`` and the row's metadata."""
    return {
        "index": index,
        **meta,
        "id": uuid.uuid4().hex,
        "model_version": result.model_version,
        "labels": {k: v.model_dump(mode="json") for k, v in result.labels.items()},
        "signals": result.signals.model_dump(mode="json"),
        "elapsed_ms": round(elapsed_ms, 3),
    }


def error_record(index: int, meta: dict[str, Any], message: str, field: str | None = None) -> dict[str, Any]:
    """The output record standing in place of a row that could not be classified."""
    return {"index": index, **meta, "error": {"type": "invalid_request", "message": message, "field": field}}


# --------------------------------------------------------------------------- outputs


@dataclass(frozen=True)
class OutputSpec:
    """Where results go and in which format."""

    path: Path | None  # None: stdout (JSONL)
    format: str = "jsonl"
    compression: str | None = None

    @property
    def checkpoint(self) -> Path:
        """The checkpoint file of an output that is still being written."""
        assert self.path is not None
        return self.path.with_name(self.path.name + ".checkpoint.json")

    @property
    def parts(self) -> Path:
        """The folder holding a Parquet output's finished chunks until they are merged."""
        assert self.path is not None
        return self.path.with_name(self.path.name + ".parts")


def output_spec(path: Path | None) -> OutputSpec:
    """The output format told by ``path``'s extension; :class:`BatchInputError` when it is not one we write."""
    if path is None:
        return OutputSpec(None)
    fmt, compression = _format_of_name(path.name)
    if fmt is None or (fmt == "jsonl" and path.suffixes and path.suffixes[-1 - bool(compression)].lower() == ".json"):
        raise BatchInputError(
            f"cannot tell the output format of {path}: name it .jsonl, .csv or .parquet, optionally + .gz or .zst"
        )
    if fmt == "parquet" and compression:
        raise BatchInputError(f"{path}: Parquet compresses inside the file; name it .parquet")
    if path.is_dir():
        raise BatchInputError(f"{path} is a directory; give a file name such as {path}/results.jsonl")
    if not path.parent.is_dir():
        raise BatchInputError(f"the folder of {path} does not exist")
    return OutputSpec(path, fmt, compression)


def csv_columns(dimensions: Sequence[str]) -> list[str]:
    """The columns of a CSV output: one label, probability and abstained column per dimension, then the signals."""
    from classifier.signals import Signals

    columns = ["index", "input_id", *META_FIELDS, "id", "model_version"]
    for dimension in dimensions:
        columns += [dimension, f"{dimension}_probability", f"{dimension}_abstained"]
    columns += list(Signals.model_fields)
    return [*columns, "elapsed_ms", "error_type", "error_message", "error_field"]


def _csv_cells(record: dict[str, Any], dimensions: Sequence[str]) -> dict[str, Any]:
    flat = {k: record.get(k) for k in ("index", "input_id", *META_FIELDS, "id", "model_version", "elapsed_ms")}
    for dimension, answer in (record.get("labels") or {}).items():
        if dimension in dimensions:
            flat[dimension] = answer["label"]
            flat[f"{dimension}_probability"] = answer["probability"]
            flat[f"{dimension}_abstained"] = answer["abstained"]
    flat.update(record.get("signals") or {})
    error = record.get("error")
    if error:
        flat.update(error_type=error.get("type"), error_message=error.get("message"), error_field=error.get("field"))
    return flat


def parquet_schema(dimensions: Sequence[str]) -> Any:
    """The Parquet schema of results: the JSONL record's nesting, with ``error`` set on rows that failed."""
    import pyarrow as pa

    from classifier.signals import Signals

    kinds = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}
    top = pa.list_(pa.struct([("label", pa.string()), ("probability", pa.float64())]))
    answer = pa.struct([("label", pa.string()), ("probability", pa.float64()), ("abstained", pa.bool_()), ("top", top)])
    signals = pa.struct([(name, kinds.get(f.annotation, pa.string())) for name, f in Signals.model_fields.items()])  # type: ignore[call-overload]
    return pa.schema(
        [
            ("index", pa.int64()),
            ("input_id", pa.string()),
            *[(name, pa.string()) for name in META_FIELDS],
            ("id", pa.string()),
            ("model_version", pa.string()),
            ("labels", pa.struct([(d, answer) for d in dimensions])),
            ("signals", signals),
            ("elapsed_ms", pa.float64()),
            ("error", pa.struct([("type", pa.string()), ("message", pa.string()), ("field", pa.string())])),
        ]
    )


@dataclass
class Checkpoint:
    """How far an output got: the next input row, the output's length (or Parquet parts), and the error count."""

    inputs: list[list[Any]]
    next_index: int = 0
    length: int = 0
    parts: int = 0
    errors: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        """Write atomically, so that a crash leaves either the old or the new checkpoint."""
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps({"version": CHECKPOINT_VERSION, **self.__dict__}), encoding="utf-8")
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> Checkpoint:
        """Read a checkpoint written by :meth:`save`."""
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("version", None)
        return cls(**data)


def input_signature(inputs: Sequence[InputFile]) -> list[list[Any]]:
    """Names and sizes of the inputs: a resumed run must read the same files."""
    return [[f.name, f.size] for f in inputs]


class ResultWriter:
    """Writes result records chunk by chunk, in order, keeping a checkpoint after each chunk."""

    def __init__(
        self, spec: OutputSpec, dimensions: Sequence[str], signature: list[list[Any]], resume: bool = False
    ) -> None:
        self.spec = spec
        self.dimensions = list(dimensions)
        self.checkpoint = Checkpoint(signature)
        self._handle: BinaryIO | None = None
        if spec.path is None:
            if resume:
                raise BatchInputError("--resume needs --output: results on stdout cannot be resumed")
            return
        if resume:
            self._resume(signature)
        else:
            spec.checkpoint.unlink(missing_ok=True)
            shutil.rmtree(spec.parts, ignore_errors=True)
            if spec.format == "parquet":
                spec.parts.mkdir()
            else:
                self._handle = open(spec.path, "wb")  # noqa: SIM115 - closed by close()
                if spec.format == "csv":
                    self._write_bytes(self._csv_bytes([], header=True))
            self.checkpoint.save(spec.checkpoint)

    def _resume(self, signature: list[list[Any]]) -> None:
        spec = self.spec
        assert spec.path is not None
        if not spec.checkpoint.is_file():
            raise BatchInputError(
                f"nothing to resume: {spec.path} has no checkpoint ({spec.checkpoint.name}); "
                "the run finished, or never started; run again without --resume"
            )
        try:
            saved = Checkpoint.load(spec.checkpoint)
        except (ValueError, TypeError, OSError) as exc:
            raise BatchInputError(
                f"cannot read the checkpoint {spec.checkpoint}: {exc}; run again without --resume"
            ) from None
        if saved.inputs != signature:
            raise BatchInputError(
                f"the inputs differ from those of the interrupted run ({', '.join(str(n) for n, _ in saved.inputs)}); "
                "give the same inputs, or run again without --resume"
            )
        self.checkpoint = saved
        if spec.format == "parquet":
            spec.parts.mkdir(exist_ok=True)
            for stray in spec.parts.iterdir():  # a part half-written when the run stopped
                if not stray.name.endswith(".parquet") or int(stray.stem.split("-")[1]) >= saved.parts:
                    stray.unlink()
            return
        handle = open(spec.path, "r+b")  # noqa: SIM115 - closed by close()
        handle.truncate(saved.length)  # drops the chunk that was being written
        handle.seek(saved.length)
        self._handle = handle

    @property
    def next_index(self) -> int:
        """The first input row not yet in the output."""
        return self.checkpoint.next_index

    def _csv_bytes(self, records: Sequence[dict[str, Any]], header: bool = False) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=csv_columns(self.dimensions), extrasaction="ignore")
        if header:
            writer.writeheader()
        writer.writerows(_csv_cells(r, self.dimensions) for r in records)
        return buffer.getvalue().encode("utf-8")

    def _write_bytes(self, data: bytes) -> None:
        assert self._handle is not None
        if self.spec.compression == "gzip":
            data = gzip.compress(data, compresslevel=6)  # one gzip member per chunk: readers see one stream
        elif self.spec.compression == "zstd":
            import zstandard

            data = zstandard.ZstdCompressor(level=3).compress(data)  # one frame per chunk
        self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.checkpoint.length = self._handle.tell()

    def write(self, records: Sequence[dict[str, Any]]) -> None:
        """Append one chunk of records (in input order) and record the checkpoint."""
        if not records:
            return
        self.checkpoint.errors += sum(1 for r in records if "error" in r)
        if self.spec.path is None:
            sys.stdout.write("".join(_json_line(r) for r in records))
            sys.stdout.flush()
            self.checkpoint.next_index = records[-1]["index"] + 1
            return
        if self.spec.format == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist([_parquet_record(r) for r in records], schema=parquet_schema(self.dimensions))
            part = self.spec.parts / f"part-{self.checkpoint.parts:06d}.parquet"
            temporary = part.with_suffix(".tmp")
            pq.write_table(table, temporary)
            os.replace(temporary, part)
            self.checkpoint.parts += 1
        elif self.spec.format == "csv":
            self._write_bytes(self._csv_bytes(records))
        else:
            self._write_bytes("".join(_json_line(r) for r in records).encode("utf-8"))
        self.checkpoint.next_index = records[-1]["index"] + 1
        self.checkpoint.save(self.spec.checkpoint)

    def finish(self) -> None:
        """Close the output; a Parquet output's parts are merged into one file. The checkpoint goes."""
        if self.spec.path is None:
            return
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self.spec.format == "parquet":
            _merge_parts(self.spec, parquet_schema(self.dimensions), self.checkpoint.parts)
        self.spec.checkpoint.unlink(missing_ok=True)

    def close(self) -> None:
        """Close without finishing: the checkpoint stays for ``--resume``."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _parquet_record(record: dict[str, Any]) -> dict[str, Any]:
    if record.get("input_id") is not None:
        record = {**record, "input_id": str(record["input_id"])}
    return record


def _merge_parts(spec: OutputSpec, schema: Any, parts: int, row_group_rows: int = 65536) -> None:
    """Concatenate the part files into one Parquet file, about ``row_group_rows`` rows per row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert spec.path is not None
    temporary = spec.path.with_name(spec.path.name + ".tmp")
    pending: list[Any] = []
    pending_rows = 0
    with pq.ParquetWriter(temporary, schema) as writer:
        for number in range(parts):
            table = pq.read_table(spec.parts / f"part-{number:06d}.parquet", schema=schema)
            pending.append(table)
            pending_rows += table.num_rows
            if pending_rows >= row_group_rows:
                writer.write_table(pa.concat_tables(pending), row_group_size=row_group_rows * 2)
                pending, pending_rows = [], 0
        if pending or parts == 0:
            writer.write_table(pa.concat_tables(pending) if pending else schema.empty_table())
    os.replace(temporary, spec.path)
    shutil.rmtree(spec.parts, ignore_errors=True)


def read_results(path: Path) -> Iterator[dict[str, Any]]:
    """Read back a classify output (any format this module writes); for tests and small files."""
    spec = output_spec(path)
    if spec.format == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
            yield from (_drop_nulls(r) for r in batch.to_pylist())
        return
    with open(path, "rb") as raw:
        stream = io.TextIOWrapper(_decompressed(raw, spec.compression), encoding="utf-8", newline="")  # type: ignore[arg-type]
        if spec.format == "csv":
            yield from csv.DictReader(stream)
        else:
            yield from (json.loads(line) for line in stream if line.strip())
