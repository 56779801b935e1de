"""Classify files of any size on one machine, at constant memory, in input order.

Rows are read a chunk at a time (:mod:`traffic.batch_io`), each chunk is
classified in one embedding pass and written before the next is read, so memory
holds one chunk whatever the input's size. A row that cannot be classified gets
an error record in its place; the output's checkpoint lets ``--resume`` continue
from the last complete chunk. ``promptprism classify --input`` runs this; the Ray
engine (:mod:`promptprism.ray_engine`) reuses :func:`classify_rows` in its actors.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from classifier.errors import PromptPrismError
from traffic.batch_io import (
    OutputSpec,
    ResultWriter,
    Row,
    RowReader,
    error_record,
    input_signature,
    parse_row,
    resolve_inputs,
    result_record,
)

log = logging.getLogger(__name__)


@dataclass
class BatchOptions:
    """How a batch run reads, classifies and writes."""

    batch_size: int = 64
    chunk_size: int = 1024
    fail_fast: bool = False
    resume: bool = False
    encoding: str = "utf-8"
    input_format: str | None = None


@dataclass
class BatchSummary:
    """What a run did: rows written (this run and before a resume), error records, and the first few errors."""

    rows: int = 0
    errors: int = 0
    resumed_from: int = 0
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)


class RowFailed(PromptPrismError):
    """``--fail-fast``: a row could not be classified; the message names its index and why."""


def classify_rows(model: Any, rows: Sequence[Row], batch_size: int = 64) -> list[dict[str, Any]]:
    """Records for ``rows`` in their order: a result, or an error record where a row cannot be classified."""
    records: list[dict[str, Any] | None] = [None] * len(rows)
    pending: list[tuple[int, int, dict[str, Any], Any]] = []
    for position, row in enumerate(rows):
        if row.problem is not None:
            records[position] = error_record(row.index, {}, f"{row.where}: {row.problem}")
            continue
        assert row.data is not None
        try:
            item, meta = parse_row(row.data)
        except (PromptPrismError, ValueError) as exc:
            field_name = getattr(exc, "field", None)
            message = getattr(exc, "message", None) or str(exc)
            meta = {"input_id": row.data["id"]} if isinstance(row.data.get("id"), (str, int)) else {}
            records[position] = error_record(row.index, meta, f"{row.where}: {message}", field_name)
            continue
        pending.append((position, row.index, meta, item))
    if pending:
        started = time.perf_counter()
        results = model.classify_items([item for *_, item in pending], batch_size=batch_size)
        each_ms = (time.perf_counter() - started) * 1000 / len(pending)
        for (position, index, meta, _), result in zip(pending, results, strict=True):
            records[position] = result_record(index, meta, result, each_ms)
    return [r for r in records if r is not None]


def write_chunk(writer: Any, records: list[dict[str, Any]], fail_fast: bool, summary: BatchSummary) -> None:
    """Write one chunk of results in order, noting the first few error records in ``summary``.

    With ``fail_fast``, the records before the first error record are written, the output is finished and
    :class:`RowFailed` names the row; both engines stop the same way.
    """
    failed = next((r for r in records if "error" in r), None)
    if fail_fast and failed is not None:
        writer.write(records[: records.index(failed)])
        writer.finish()
        raise RowFailed(f"row {failed['index']}: {failed['error']['message']} (--fail-fast stopped here)")
    writer.write(records)
    for record in records:
        if "error" in record and len(summary.first_errors) < 5:
            summary.first_errors.append(f"row {record['index']}: {record['error']['message']}")


def finish_summary(summary: BatchSummary, writer: Any, started: float) -> BatchSummary:
    """``summary`` completed from the output writer once a run (of either engine) stops: rows, errors, seconds."""
    summary.rows = writer.next_index
    summary.errors = writer.checkpoint.errors
    summary.seconds = time.perf_counter() - started
    return summary


def chunked(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """Rows in lists of ``size``."""
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_local(
    inputs: Sequence[str],
    output: OutputSpec,
    load_model: Callable[[], Any],
    options: BatchOptions,
    progress: Any | None = None,
) -> BatchSummary:
    """Classify every row of ``inputs`` into ``output``, in order, one chunk in memory at a time.

    ``progress`` is a tqdm-like bar (``update``, ``total``, ``n``). Raises
    :class:`traffic.batch_io.BatchInputError` for an input or output that cannot be
    used (the output keeps its checkpoint, so a fixed run can ``--resume``) and
    :class:`RowFailed` on the first bad row under ``fail_fast``.
    """
    started = time.perf_counter()
    files = resolve_inputs(inputs, options.input_format)
    reader = RowReader(files, options.encoding)
    model = load_model()
    writer = ResultWriter(output, model.dimensions, input_signature(files), resume=options.resume)
    summary = BatchSummary(resumed_from=writer.next_index, errors=writer.checkpoint.errors)
    if progress is not None:
        progress.total = reader.known_rows
        progress.n = writer.next_index
        progress.refresh()
    try:
        rows = (row for row in reader if row.index >= writer.next_index)
        for chunk in chunked(rows, options.chunk_size):
            records = classify_rows(model, chunk, options.batch_size)
            write_chunk(writer, records, options.fail_fast, summary)
            summary.rows = writer.next_index
            if progress is not None:
                if reader.known_rows is None and reader.bytes_read and reader.total_bytes:
                    # Rows per byte so far, times the bytes of all inputs: an estimate that firms up as it goes.
                    progress.total = max(
                        writer.next_index, int(writer.next_index * reader.total_bytes / reader.bytes_read)
                    )
                progress.update(len(chunk))
        writer.finish()
    finally:
        writer.close()  # after finish() a no-op; after an error it keeps the checkpoint for --resume
    return finish_summary(summary, writer, started)
