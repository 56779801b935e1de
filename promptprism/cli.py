"""The ``promptprism`` command line.

Exit codes: 0 success, 2 bad input (a file, a flag or a request that cannot
be used; the message says why), 1 internal error.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from classifier.errors import InputError, PromptPrismError
from promptprism.settings import Settings

app = typer.Typer(
    help="PromptPrism: classify LLM traffic locally and see what it is.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="List and activate model versions.", no_args_is_help=True)
app.add_typer(models_app, name="models")
console = Console(stderr=True)
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _settings() -> Settings:
    try:
        return Settings()
    except Exception as exc:  # pydantic's ValidationError lists the bad PROMPTPRISM_* variables
        raise _fail(f"invalid PROMPTPRISM_* setting: {exc}") from None


def _load(version: str | None, backend: str | None, settings: Settings) -> Any:
    from classifier import load_model

    return load_model(version or settings.model_version, settings.models_dir, backend or settings.backend)


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more.")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not verbose:
        import transformers

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()


def _parse_thresholds(values: list[str]) -> dict[str, float]:
    thresholds = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            if not sep:
                raise ValueError
            thresholds[name.strip()] = float(number)
        except ValueError:
            raise _fail(f"--threshold takes DIMENSION=PROBABILITY, e.g. category=0.3 (got {value!r})") from None
    return thresholds


@app.command()
def train(
    data: Annotated[
        Path, typer.Argument(help="Labeled CSV: text | prompt[,completion] | messages, plus label columns.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Models directory (default: the settings' models_dir).")
    ] = None,
    label_columns: Annotated[
        str | None, typer.Option(help="Comma-separated label columns (default: all non-input columns).")
    ] = None,
    test_size: Annotated[float, typer.Option(help="Share of rows held out for the test split.")] = 0.2,
    seed: Annotated[int, typer.Option(help="Random seed of the split.")] = 0,
    backend: Annotated[
        str, typer.Option(help="Embedding backend: multilingual, transformer or static.")
    ] = "multilingual",
    heldout: Annotated[Path | None, typer.Option(help="A separate labeled CSV to report final metrics on.")] = None,
    cv: Annotated[int, typer.Option(help="Also report N-fold cross-validated metrics (0: off).")] = 0,
    c: Annotated[
        float | None, typer.Option("-C", help="Inverse regularisation strength of the heads (default: chosen by CV).")
    ] = None,
    threshold: Annotated[list[str], typer.Option(help="Abstain threshold, DIMENSION=P; repeatable.")] = [],  # noqa: B006
    activate: Annotated[
        bool | None,
        typer.Option("--activate/--no-activate", help="Make it active (default: only if it passes the quality gate)."),
    ] = None,
    version: Annotated[str | None, typer.Option(help="Version name (default: timestamp and backend).")] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="A real-prompt corpus CSV with a 'source' column (training/data/corpus/corpus.csv) to train on "
            "beside DATA; the model card then reports leave-source-out accuracy."
        ),
    ] = None,
    view: Annotated[
        str | None, typer.Option(help="How a request becomes the embedder's text (classifier/views.py VIEWS).")
    ] = None,
) -> None:
    """Train a new model version from a labeled CSV and print its evaluation."""
    from training.evaluate import print_metrics
    from training.train import TrainOptions, train_model

    settings = _settings()
    if backend not in ("multilingual", "transformer", "static"):
        raise _fail(f"--backend must be multilingual, transformer or static (got {backend!r})")
    options = TrainOptions(
        label_columns=[c.strip() for c in label_columns.split(",") if c.strip()] if label_columns else None,
        test_size=test_size,
        seed=seed,
        backend=backend,
        c=c,
        thresholds=_parse_thresholds(threshold),
        cv_folds=cv,
        heldout=heldout,
        activate=activate,
        gate_margin=settings.gate_margin,
        version=version,
        cache_dir=settings.embedding_cache_dir,
        **({"view": view} if view else {}),
    )
    dataset = None
    if corpus is not None:
        from training.crossval import load_authored_and_corpus

        dataset = load_authored_and_corpus(data, corpus, options.label_columns)
    result = train_model(data, out or settings.models_dir, options, dataset=dataset)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    metrics = result.manifest["metrics"]
    print_metrics(metrics["test_split"], "test split")
    if metrics["cross_validation"]:
        print_metrics(metrics["cross_validation"], f"{cv}-fold cross-validation")
    if metrics["heldout_file"]:
        print_metrics(metrics["heldout_file"], "held-out file")
    if metrics.get("leave_source_out"):
        from training.crossval import print_report

        print_report(metrics["leave_source_out"])
    console.print(f"model [bold]{result.version}[/] written to {result.path}", highlight=False)
    console.print(("activated: " if result.activated else "not activated: ") + result.gate, highlight=False)
    if not result.activated:
        console.print(f"activate it with: promptprism models activate {result.version}", highlight=False)


@app.command()
def evaluate(
    data: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Labeled CSV(s). With --group-by source: default the authored training file plus the corpus."
        ),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model version (default: the active one).")] = None,
    backend: Annotated[str | None, typer.Option(help="Use the newest model of this backend.")] = None,
    group_by: Annotated[
        str | None,
        typer.Option(
            "--group-by",
            help="'source': leave-source-out cross-validation; each real source is held out in turn and the "
            "heads are trained on the authored rows plus every other source.",
        ),
    ] = None,
    view: Annotated[str | None, typer.Option(help="With --group-by source: the view to build texts with.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the metrics as JSON here.")] = None,
) -> None:
    """Print a model's metrics on labeled CSVs, or the leave-source-out report (--group-by source)."""
    from training.dataset import DatasetError, read_labeled_csv
    from training.evaluate import dimension_metrics, print_metrics

    if group_by is not None:
        if group_by != "source":
            raise _fail(f"--group-by takes 'source' (got {group_by!r})")
        _evaluate_by_source(data or [], backend, view, json_out)
        return
    if not data:
        raise _fail("name a labeled CSV to evaluate on, or use --group-by source")
    settings = _settings()
    loaded = _load(model, backend, settings)
    for path in data:
        dataset = read_labeled_csv(path, None)
        dimensions = [d for d in dataset.label_columns if d in loaded.heads]
        if not dimensions:
            raise DatasetError(
                f"{path} has none of the model's label columns {loaded.dimensions} (it has {dataset.label_columns})"
            )
        scores = loaded.score(loaded.embed(dataset.items))
        metrics = {d: dimension_metrics(dataset.labels[d], scores[d][1], scores[d][0]) for d in dimensions}
        print_metrics(metrics, f"model {loaded.version} on {path.name}")
        if json_out:
            write_json(json_out, metrics)


def _evaluate_by_source(data: list[Path], backend: str | None, view: str | None, json_out: Path | None) -> None:
    from training.crossval import (
        DEFAULT_CORPUS,
        DEFAULT_TRAIN,
        leave_source_out,
        load_authored_and_corpus,
        print_report,
    )
    from training.dataset import combine_datasets, read_labeled_csv

    if not data:
        dataset = load_authored_and_corpus(DEFAULT_TRAIN, DEFAULT_CORPUS)
    else:
        dataset = read_labeled_csv(data[0])
        for path in data[1:]:
            dataset = combine_datasets(dataset, read_labeled_csv(path, check_label_counts=False))
    report = leave_source_out(dataset, backend or "multilingual", view)
    print_report(report)
    if json_out:
        write_json(json_out, report)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented JSON, atomically."""
    from classifier.artifacts import write_atomic

    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _read_requests(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, raw request)`` from a JSONL or CSV file; bad JSON lines yield an exception."""
    with path.open(encoding="utf-8", newline="") as handle:
        if path.suffix.lower() == ".csv":
            reader = csv.DictReader(handle)
            for row in reader:
                line = reader.line_num
                if (row.get("messages") or "").strip():
                    try:
                        yield line, {"messages": json.loads(row["messages"])}
                    except json.JSONDecodeError as exc:
                        yield line, ValueError(f"messages is not valid JSON: {exc.msg}")
                elif (row.get("prompt") or "").strip():
                    yield line, {"prompt": row["prompt"], "completion": row.get("completion") or None}
                else:
                    yield line, {"text": row.get("text") or ""}
            return
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}")


def _with_metadata(response: Any, metadata: dict[str, Any] | None) -> str:
    """A classify output line, with the input line's timestamp, model and app when it had them.

    ``promptprism report`` reads such lines back without classifying them again.
    """
    if not metadata:
        return str(response.model_dump_json())
    return json.dumps({**response.model_dump(mode="json"), **metadata}, ensure_ascii=False, separators=(",", ":"))


@app.command()
def classify(
    text: Annotated[str | None, typer.Argument(help="Text to classify (or use --input).")] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL (any request shape per line) or CSV file.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write one JSON result per line here (default: stdout).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model version (default: the active one).")] = None,
    backend: Annotated[
        str | None,
        typer.Option(
            help="Use the newest (or the active) model of this backend; 'cascade': the shipped or activated cascade."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Items embedded together.")] = 64,
) -> None:
    """Classify one text, or every request of a JSONL/CSV file, with a progress bar."""
    from tqdm import tqdm

    from api.schemas import BatchError, ClassifyResponse, ErrorDetail
    from classifier import parse_item
    from traffic.logs import record_metadata

    if (text is None) == (input is None):
        raise _fail('give a text to classify, or --input FILE (e.g. promptprism classify "hello" )')
    settings = _settings()
    loaded = _load(model, backend, settings)
    if text is not None:
        started = time.perf_counter()
        result = loaded.classify(text)
        response = ClassifyResponse.from_result(result, (time.perf_counter() - started) * 1000)
        if output:
            output.write_text(response.model_dump_json() + "\n", encoding="utf-8")
        else:
            typer.echo(response.model_dump_json(indent=2))
        return
    assert input is not None
    if not input.is_file():
        raise _fail(f"no such file: {input}")
    rows = list(_read_requests(input))
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    failures = 0
    try:
        with tqdm(total=len(rows), desc="classifying", unit="item", file=sys.stderr) as bar:
            for start in range(0, len(rows), batch_size):
                chunk = rows[start : start + batch_size]
                parsed: list[tuple[int, Any]] = []
                lines: dict[int, str] = {}
                metadata: dict[int, dict[str, Any]] = {}
                for line, raw in chunk:
                    try:
                        if isinstance(raw, Exception):
                            raise raw
                        parsed.append((line, parse_item(raw)))
                        metadata[line] = record_metadata(raw)
                    except (PromptPrismError, ValueError) as exc:
                        failures += 1
                        detail = ErrorDetail(
                            type="invalid_request", message=f"line {line}: {exc}", field=getattr(exc, "field", None)
                        )
                        lines[line] = BatchError(index=line, error=detail).model_dump_json()
                started = time.perf_counter()
                items = [item for _, item in parsed]
                results = loaded.classify_items(items)
                each_ms = (time.perf_counter() - started) * 1000 / max(1, len(items))
                for (line, _), result in zip(parsed, results, strict=True):
                    response = ClassifyResponse.from_result(result, each_ms)
                    lines[line] = _with_metadata(response, metadata.get(line))
                for line, _ in chunk:
                    sink.write(lines[line] + "\n")
                bar.update(len(chunk))
    finally:
        if output:
            sink.close()
    console.print(f"classified {len(rows) - failures} of {len(rows)} items" + (f" into {output}" if output else ""))
    if failures:
        raise _fail(f"{failures} item(s) could not be classified; their lines hold an error entry")


@app.command()
def report(
    logs: Annotated[
        list[str],
        typer.Argument(
            help="JSONL logs of LLM calls (gateway lines, OpenAI Batch API files, classify --output files; "
            "gzip is fine) or an event store (SQLite file or SQLAlchemy URL). See docs/report.md.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML report to write.")] = Path("report.html"),
    formats: Annotated[
        list[str],
        typer.Option("--format", "-f", help="Also write the charts as png or svg, the tables as csv; repeatable."),
    ] = [],  # noqa: B006
    export_dir: Annotated[
        Path | None, typer.Option(help="Where --format files go (default: <out name>_files next to the report).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only calls at or after this time (ISO 8601; naive means UTC).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Only calls before this time (ISO 8601; naive means UTC).")] = None,
    title: Annotated[str, typer.Option(help="Title of the report.")] = "LLM traffic report",
    model: Annotated[str | None, typer.Option("--model", help="Model version (default: the active one).")] = None,
    backend: Annotated[str | None, typer.Option(help="Use the newest model of this backend.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Calls classified together.")] = 64,
) -> None:
    """Write an offline HTML report of the traffic in LLM call logs: category mix, reasoning, tools, length, languages, models."""
    from tqdm import tqdm

    from classifier.artifacts import write_atomic
    from traffic.analysis import build_report_data, rows_frame
    from traffic.logs import LogReadError, Unreadable, count_lines, load_rows, parse_timestamp, resolve_sources
    from traffic.report import (
        EXPORT_FORMATS,
        build_payload,
        export_files,
        render_html,
        report_sections,
    )
    from traffic.timeutil import check_window

    started = time.perf_counter()
    wanted = [f.strip().lower() for f in formats]
    unknown = sorted({f for f in wanted if f not in EXPORT_FORMATS})
    if unknown:
        raise _fail(f"unknown --format {', '.join(unknown)}; choose from {', '.join(EXPORT_FORMATS)} (repeatable)")
    bounds = {}
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            try:
                bounds[name] = parse_timestamp(value, f"--{name}")
            except Unreadable as exc:
                raise _fail(str(exc)) from None
    try:
        check_window(bounds.get("since"), bounds.get("until"), prefix="--")
    except InputError as exc:
        raise _fail(exc.message) from None
    try:
        sources = resolve_sources(logs)
    except LogReadError as exc:
        raise _fail(str(exc)) from None
    settings = _settings()
    with tqdm(total=count_lines(sources), desc="reading and classifying", unit="call", file=sys.stderr) as bar:
        try:
            loaded = load_rows(
                sources, lambda: _load(model, backend, settings), batch_size=batch_size, progress=bar.update
            )
        except LogReadError as exc:
            raise _fail(str(exc)) from None
    if loaded.problems:
        console.print(
            f"[yellow]warning:[/] skipped {len(loaded.problems)} unreadable record(s):\n{loaded.problem_summary()}",
            highlight=False,
            soft_wrap=True,
        )
    for note in loaded.notes:
        console.print(f"[yellow]note:[/] {note}", highlight=False, soft_wrap=True)
    if not loaded.rows:
        raise _fail(f"no readable records in {', '.join(logs)}; docs/report.md lists the accepted shapes")
    frame = rows_frame(loaded.rows)
    if bounds:
        keep = frame["ts"].notna()
        if "since" in bounds:
            keep &= frame["ts"] >= bounds["since"]
        if "until" in bounds:
            keep &= frame["ts"] < bounds["until"]
        frame = frame[keep]
        if frame.empty:
            raise _fail(f"none of the {len(loaded.rows)} calls fall between --since and --until")
    data = build_report_data(frame, "week")
    chosen = report_sections(data)
    notes = []
    if loaded.problems:
        shown = ", ".join(p.where for p in loaded.problems[:10])
        more = f" and {len(loaded.problems) - 10} more" if len(loaded.problems) > 10 else ""
        notes.append(f"{len(loaded.problems)} unreadable record(s) were skipped: {shown}{more}.")
    notes += [n + "." for n in loaded.notes]
    if loaded.classified and loaded.reused:
        notes.append(
            f"{loaded.classified:,} calls were classified for this report; {loaded.reused:,} were already classified."
        )
    write_atomic(out, render_html(build_payload(data, chosen, title, notes)))
    written = []
    if wanted:
        directory = export_dir or out.with_name(f"{out.stem}_files")
        written = export_files(data, chosen, directory, wanted)
        console.print(f"wrote {len(written)} export file(s) to {directory}", highlight=False, soft_wrap=True)
    console.print(
        f"report of {data.totals['requests']:,} calls over {data.bucket_count} week(s) written to {out} "
        f"in {time.perf_counter() - started:.1f} s",
        highlight=False,
        soft_wrap=True,
    )


@models_app.command("list")
def models_list() -> None:
    """List model versions with their backend and headline metrics; * marks the active one."""
    from classifier.artifacts import active_version, gate_metric, list_versions, read_manifest, version_dir

    settings = _settings()
    active = active_version(settings.models_dir)
    versions = list_versions(settings.models_dir)
    if not versions:
        raise _fail(f"no model versions in {settings.models_dir}")
    for name in versions:
        manifest = read_manifest(version_dir(settings.models_dir, name))
        metric = gate_metric(manifest)
        figure = f"{metric[0]} macro-F1 {metric[1]:.3f}" if metric else ""
        typer.echo(f"{'*' if name == active else ' '} {name}  {manifest['embedder']['backend']:<12} {figure}")


@models_app.command("activate")
def models_activate(version: Annotated[str, typer.Argument(help="Version to make active.")]) -> None:
    """Make a model version the active one (switch or roll back)."""
    from classifier import load_model
    from classifier.artifacts import set_active_version

    settings = _settings()
    load_model(version, settings.models_dir)  # refuse a version that would not load
    set_active_version(settings.models_dir, version)
    console.print(f"active model: {version}")


SERVE_BACKENDS = ("multilingual", "transformer", "static", "cascade")
WORKER_HEALTHCHECK_S = 60


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default from settings: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default from settings: 8000).")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes on the one port, each with its own model and micro-batcher "
            "(default from settings: 1; about one per core)."
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Model version to serve (default: the active one).")
    ] = None,
    backend: Annotated[
        str | None,
        typer.Option(help="Serve the newest (or the active) model of this backend: " + ", ".join(SERVE_BACKENDS) + "."),
    ] = None,
) -> None:
    """Start the HTTP service (FastAPI on uvicorn), in one process or several."""
    import os
    import shutil
    import tempfile

    import uvicorn

    settings = _settings()
    if backend is not None and backend not in SERVE_BACKENDS:
        raise _fail(f"--backend must be one of {', '.join(SERVE_BACKENDS)} (got {backend!r})")
    count = settings.workers if workers is None else workers
    if count < 1:
        raise _fail(f"--workers must be at least 1 (got {count})")
    # The flags reach every worker process as the PROMPTPRISM_* variables its Settings() reads.
    overrides = {"model_version": model, "backend": backend}
    for name, value in overrides.items():
        if value is not None:
            os.environ[f"PROMPTPRISM_{name.upper()}"] = value
    settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
    options: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": "info",
        "timeout_graceful_shutdown": 10,
    }
    if count == 1:
        from api.app import create_app

        uvicorn.run(create_app(settings), **options)
        return
    from api.app import FACTORY
    from api.metrics import MULTIPROC_ENV
    from traffic.store import EventStore

    # Create the event store's tables once, here: N workers creating them at the same moment race.
    store = EventStore(settings.sqlalchemy_url)
    store.create_schema()
    store.dispose()
    # Each worker writes its metrics under this directory, and /metrics adds them up; it is removed at exit.
    metrics_dir = tempfile.mkdtemp(prefix="promptprism-metrics-")
    os.environ[MULTIPROC_ENV] = metrics_dir
    console.print(
        f"{count} worker processes; their metrics are added up under {metrics_dir}", highlight=False, soft_wrap=True
    )
    try:
        # uvicorn kills a worker that does not answer its health check within the timeout (5 s by default); a
        # worker importing the model's libraries holds the GIL for longer than that on a busy machine, and was
        # killed and restarted over and over. A minute still catches a hung worker.
        uvicorn.run(FACTORY, factory=True, workers=count, timeout_worker_healthcheck=WORKER_HEALTHCHECK_S, **options)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
        os.environ.pop(MULTIPROC_ENV, None)


def main() -> None:
    """Entry point with PromptPrism's exit codes: 2 for bad input, 1 for internal errors."""
    try:
        code = app(standalone_mode=False)
    except PromptPrismError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(EXIT_BAD_INPUT)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        console.print("aborted")
        sys.exit(130)
    except Exception as exc:
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()  # a usage error from typer's click (exit code 2)
            sys.exit(exc.exit_code)
        logging.getLogger("promptprism").exception("internal error")
        console.print(f"[bold red]internal error:[/] {exc!r}", highlight=False)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
