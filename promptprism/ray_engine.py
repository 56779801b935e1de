"""``promptprism classify --engine ray``: the batch job on Ray Data, on one machine or a cluster.

The pipeline is read → ``map_batches`` → write:

- **read**: a Ray Data datasource with one read task per input file. Each task reads
  its file with the same reader as the local engine (:class:`traffic.batch_io.RowReader`:
  JSONL, CSV or Parquet, plain, gzip or zstd, the same encoding checks) and yields
  blocks of rows numbered from the file's offset, so ``index`` is the same as the
  local engine's. The offsets come from a first pass that counts each file's rows
  (in parallel, one task per file but the last). Files must be on storage every
  node sees (a shared file system; see docs/scale.md).
- **map_batches**: a fixed pool of actors, each loading the model once and
  classifying a chunk at a time with :func:`promptprism.batch.classify_rows`: the
  same code, so the same labels and probabilities as the local engine.
- **write**: the driver streams the results in input order (Ray Data's
  ``preserve_order``) into the same writer as the local engine, so every output
  format, the checkpoint and ``--resume`` work as they do locally.

Ray is an optional extra: ``pip install 'promptprism[ray]'``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from classifier.errors import PromptPrismError
from promptprism.batch import BatchOptions, BatchSummary, RowFailed, finish_summary, write_chunk
from traffic.batch_io import (
    BatchInputError,
    InputFile,
    OutputSpec,
    ResultWriter,
    Row,
    RowReader,
    input_signature,
    resolve_inputs,
)

log = logging.getLogger(__name__)


class RayUnavailable(PromptPrismError):
    """Ray is not installed, or the cluster cannot be reached; the message says what to do."""


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayUnavailable(
            "--engine ray needs Ray Data: pip install 'promptprism[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


def _row_table(rows: Sequence[Row]) -> Any:
    import pyarrow as pa

    return pa.table(
        {
            "index": pa.array([r.index for r in rows], pa.int64()),
            "where": pa.array([r.where for r in rows], pa.string()),
            "data": pa.array(
                [None if r.data is None else json.dumps(r.data, ensure_ascii=False) for r in rows], pa.string()
            ),
            "problem": pa.array([r.problem for r in rows], pa.string()),
        }
    )


def _read_file(source: InputFile, offset: int, skip_below: int, rows_per_block: int, encoding: str) -> Iterator[Any]:
    """Blocks of rows of one file, numbered from ``offset``; rows below ``skip_below`` (already written) are left out."""
    reader = RowReader([source], encoding)
    block: list[Row] = []
    for row in reader:
        row.index += offset
        if row.index < skip_below:
            continue
        block.append(row)
        if len(block) >= rows_per_block:
            yield _row_table(block)
            block = []
    if block:
        yield _row_table(block)


def _count_rows(source: InputFile, encoding: str) -> int:
    return sum(1 for _ in RowReader([source], encoding))


def _datasource(files: Sequence[InputFile], offsets: Sequence[int], skip_below: int, options: BatchOptions) -> Any:
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class BatchFiles(Datasource):
        """One read task per input file, each yielding blocks of numbered rows."""

        def estimate_inmemory_data_size(self) -> int | None:
            return sum(f.size for f in files) or None

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[Any]:
            tasks = []
            for source, offset in zip(files, offsets, strict=True):

                def read(source: InputFile = source, offset: int = offset) -> Iterator[Any]:
                    return _read_file(source, offset, skip_below, options.chunk_size, options.encoding)

                metadata = BlockMetadata(
                    num_rows=None, size_bytes=source.size or None, input_files=[source.name], exec_stats=None
                )
                tasks.append(ReadTask(read, metadata))
            return tasks

    return BatchFiles()


class RowClassifier:
    """A Ray actor: loads the model once, then classifies one chunk of rows per call."""

    def __init__(self, version: str | None, models_dir: str, backend: str | None, batch_size: int) -> None:
        from classifier import load_model

        self.model = load_model(version, Path(models_dir), backend)
        self.batch_size = batch_size

    def __call__(self, batch: Any) -> Any:
        """Records (as JSON strings) for a block of rows, in their order."""
        import pyarrow as pa

        from promptprism.batch import classify_rows

        rows = [
            Row(index, where, None if data is None else json.loads(data), problem)
            for index, where, data, problem in zip(
                batch["index"].to_pylist(),
                batch["where"].to_pylist(),
                batch["data"].to_pylist(),
                batch["problem"].to_pylist(),
                strict=True,
            )
        ]
        records = classify_rows(self.model, rows, self.batch_size)
        return pa.table(
            {
                "index": pa.array([r["index"] for r in records], pa.int64()),
                "record": pa.array([json.dumps(r, ensure_ascii=False) for r in records], pa.string()),
            }
        )


def _input_error(exc: BaseException) -> BatchInputError | None:
    """The :class:`BatchInputError` a Ray task raised, however Ray wrapped it."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, BatchInputError):
            return current
        todo += [current.__cause__, current.__context__, getattr(current, "cause", None)]
    text = str(exc)
    marker = "BatchInputError: "
    if marker in text:
        return BatchInputError(text.split(marker, 1)[1].strip().splitlines()[0])
    return None


def run_ray(
    inputs: Sequence[str],
    output: OutputSpec,
    version: str | None,
    models_dir: Path,
    backend: str | None,
    options: BatchOptions,
    address: str | None = None,
    actors: int | None = None,
) -> BatchSummary:
    """Classify ``inputs`` into ``output`` on Ray Data; the same records, in the same order, as :func:`run_local`.

    ``address`` joins a running cluster (``auto`` or ``ray://host:10001``); without
    it a local Ray starts with this machine's CPUs. ``actors`` is the size of the
    model actor pool, one CPU each (default: every CPU of this machine, or the
    cluster's CPUs but one, kept for reading).
    """
    ray = _ray()
    from classifier.artifacts import read_manifest, version_dir
    from classifier.model import resolve_version

    started = time.perf_counter()
    given = resolve_inputs(inputs, options.input_format)
    # Absolute paths for the workers; the checkpoint keeps the names as given, like the local engine's.
    files = [
        f if f.is_stdin else InputFile(str(Path(f.name).resolve()), f.format, f.compression, f.size) for f in given
    ]
    if any(f.is_stdin for f in files):
        raise BatchInputError("--engine ray reads files that every node can see; '-' (stdin) works with --engine local")
    models_dir = Path(models_dir).resolve()
    name = resolve_version(models_dir, version, backend)
    dimensions = list(read_manifest(version_dir(models_dir, name))["heads"])
    writer = ResultWriter(output, dimensions, input_signature(given), resume=options.resume)
    summary = BatchSummary(resumed_from=writer.next_index, errors=writer.checkpoint.errors)
    try:
        if not ray.is_initialized():
            try:
                if address:
                    ray.init(address=address, log_to_driver=False)
                else:
                    # One logical CPU per actor plus one for the read tasks: actors holding every CPU would leave
                    # the reads unscheduled and the pipeline stalled.
                    pool = actors or max(1, os.cpu_count() or 1)
                    ray.init(num_cpus=pool + 1, include_dashboard=False, log_to_driver=False)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise RayUnavailable(f"cannot join the Ray cluster at {address}: {exc}") from None
        # On a cluster, one CPU is left to the read tasks unless --actors says otherwise.
        pool = actors or max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        encoding = options.encoding
        count = ray.remote(num_cpus=0.5)(_count_rows)
        try:
            counts = ray.get([count.remote(f, encoding) for f in files[:-1]])
        except Exception as exc:
            error = _input_error(exc)
            if error is not None:
                raise error from None
            raise
        offsets = [sum(counts[:i]) for i in range(len(files))]
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the driver writes in input order
        context.enable_progress_bars = True
        dataset = ray.data.read_datasource(
            _datasource(files, offsets, writer.next_index, options),
            override_num_blocks=len(files),
            ray_remote_args={"num_cpus": 0.5},
        ).map_batches(
            RowClassifier,
            fn_constructor_kwargs={
                "version": name,
                "models_dir": str(models_dir),
                "backend": None,
                "batch_size": options.batch_size,
            },
            batch_size=options.chunk_size,
            batch_format="pyarrow",
            concurrency=pool,
            num_cpus=1,
        )
        expected = writer.next_index
        try:
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                records = [json.loads(text) for text in batch["record"].to_pylist()]
                if records and records[0]["index"] != expected:
                    raise RuntimeError(f"Ray returned row {records[0]['index']} where {expected} was due")
                expected = records[-1]["index"] + 1 if records else expected
                write_chunk(writer, records, options.fail_fast, summary)
        except (RowFailed, KeyboardInterrupt):
            raise
        except Exception as exc:
            error = _input_error(exc)
            if error is not None:
                raise error from None
            raise
        writer.finish()
    finally:
        writer.close()  # after finish() a no-op; after an error it keeps the checkpoint for --resume
    return finish_summary(summary, writer, started)
