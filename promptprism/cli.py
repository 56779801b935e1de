"""The ``promptprism`` command line.

Exit codes (the README lists them too): 0 success; 1 internal error (a bug:
the message and the log say what failed); 2 bad input (a file, a flag or a
request that cannot be used; the message says why); 3 ``serve`` could not
start (the address is taken, or the model failed to load; uvicorn's
start-up failure code); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
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
events_app = typer.Typer(help="Backfill the event store from labelled files, and export it.", no_args_is_help=True)
app.add_typer(events_app, name="events")
console = Console(stderr=True)
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
EXIT_SERVE_STARTUP = 3  # uvicorn's STARTUP_FAILURE: raised from uvicorn.run, documented here and in the README
EXIT_INTERRUPTED = 130


def _flag_aware_display_type(self: typer.core.TyperOption, ctx: Any) -> str | None:
    """No type column for on/off flags: typer's rich help would show ``<bool>`` next to ``--help``."""
    if self.is_flag and not self.count:
        return None
    return _typer_display_type(self, ctx)


# Typer's plain-text help already leaves flags without a type (TyperOption.get_help_record); its rich help,
# the one users see, does not. Patch just that method, once, rather than re-implement the help screen.
_typer_display_type = typer.core.TyperOption.display_type_rich
typer.core.TyperOption.display_type_rich = _flag_aware_display_type  # type: ignore[method-assign]


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


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("promptprism")
        except PackageNotFoundError:  # a checkout on sys.path without an install
            number = "unknown (not installed)"
        typer.echo(f"promptprism {number}")
        raise typer.Exit(0)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more.")] = False,
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
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


class _StageBar:
    """A progress bar on stderr for :func:`training.train.train_model`'s ``(stage, fraction)`` reports."""

    def __init__(self, description: str) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=100, desc=description, unit="%", file=sys.stderr, bar_format="{l_bar}{bar}| {elapsed}")

    def update(self, stage: str, fraction: float) -> None:
        """Move the bar to ``fraction`` of the run and show ``stage``."""
        self._bar.set_description_str(stage)
        self._bar.update(max(0, round(fraction * 100) - self._bar.n))

    def __enter__(self) -> _StageBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()


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
    with _StageBar("training") as bar:
        result = train_model(data, out or settings.models_dir, options, progress=bar.update, dataset=dataset)
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
    console.print(result.gate, highlight=False)  # says whether it was activated, and why
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
    backend: Annotated[str | None, typer.Option(help="Use the active or shipped model of this backend.")] = None,
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
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Also write each confusion matrix as CSV into this directory (<csv name>.<dimension>.confusion.csv).",
        ),
    ] = None,
) -> None:
    """Print a model's metrics on labeled CSVs, or the leave-source-out report (--group-by source).

    Macro-F1 averages over the labels the file has, and names the model's labels it left out.
    """
    from classifier.artifacts import write_atomic
    from training.dataset import DatasetError, read_labeled_csv
    from training.evaluate import confusion_csv, dimension_metrics, print_metrics

    if out is not None and out.exists() and not out.is_dir():
        raise _fail(f"--out takes a directory for the confusion-matrix CSVs; {out} is a file")

    if group_by is not None:
        if group_by != "source":
            raise _fail(f"--group-by takes 'source' (got {group_by!r})")
        _evaluate_by_source(data or [], backend, view, json_out, out)
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
        if out is not None:
            for dimension, dimension_metrics_ in metrics.items():
                target = out / f"{path.stem}.{dimension}.confusion.csv"
                write_atomic(target, confusion_csv(dimension_metrics_))
                console.print(f"wrote {target}", highlight=False, soft_wrap=True)


def _evaluate_by_source(
    data: list[Path], backend: str | None, view: str | None, json_out: Path | None, out: Path | None
) -> None:
    from classifier.artifacts import write_atomic
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
    if out is not None:
        from training.evaluate import confusion_csv

        for dimension, metrics in report["dimensions"].items():
            target = out / f"leave-source-out.{dimension}.confusion.csv"
            write_atomic(target, confusion_csv(metrics))
            console.print(f"wrote {target}", highlight=False, soft_wrap=True)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented JSON, atomically."""
    from classifier.artifacts import write_atomic

    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command()
def classify(
    text: Annotated[str | None, typer.Argument(help="Text to classify (or use --input).")] = None,
    input: Annotated[
        list[str] | None,
        typer.Option(
            "--input",
            "-i",
            help="JSONL, CSV or Parquet file (plain, .gz or .zst), a directory, a glob, or - for stdin; repeatable.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Results file; its extension picks the format: .jsonl, .csv or .parquet, optionally + .gz or .zst "
            "(default: JSONL on stdout).",
        ),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model version (default: the active one).")] = None,
    backend: Annotated[
        str | None,
        typer.Option(
            help="Use the active or shipped model of this backend; 'cascade': the shipped or activated cascade."
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Items embedded together.")] = 64,
    chunk_size: Annotated[
        int, typer.Option(min=1, help="Rows read, classified and written together (the unit of --resume).")
    ] = 1024,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first row that cannot be classified.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run into the same --output from its last chunk.")
    ] = False,
    encoding: Annotated[str, typer.Option(help="Text encoding of JSONL and CSV inputs, e.g. latin-1.")] = "utf-8",
    input_format: Annotated[
        str | None, typer.Option(help="jsonl, csv or parquet, when the file name does not say (stdin is jsonl).")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (this process) or ray (Ray Data; see docs/scale.md).")] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="--engine ray: the cluster to join (auto, or ray://host:10001); default: a local Ray."),
    ] = None,
    actors: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="--engine ray: model actors, one CPU each (default: one per CPU; on a cluster, its CPUs but one).",
        ),
    ] = None,
) -> None:
    """Classify one text, or every row of JSONL/CSV/Parquet files at constant memory, with a progress bar."""
    from api.schemas import ClassifyResponse

    if (text is None) == (not input):
        raise _fail('give a text to classify, or --input FILE (e.g. promptprism classify "hello" )')
    settings = _settings()
    if text is not None:
        loaded = _load(model, backend, settings)
        started = time.perf_counter()
        result = loaded.classify(text)
        response = ClassifyResponse.from_result(result, (time.perf_counter() - started) * 1000)
        if output:
            output.write_text(response.model_dump_json() + "\n", encoding="utf-8")
        else:
            typer.echo(response.model_dump_json(indent=2))
        return
    assert input is not None
    _classify_files(
        input,
        output,
        model,
        backend,
        settings,
        batch_size,
        chunk_size,
        fail_fast,
        resume,
        encoding,
        input_format,
        engine,
        address,
        actors,
    )


def _classify_files(
    inputs: list[str],
    output: Path | None,
    model: str | None,
    backend: str | None,
    settings: Settings,
    batch_size: int,
    chunk_size: int,
    fail_fast: bool,
    resume: bool,
    encoding: str,
    input_format: str | None,
    engine: str,
    address: str | None,
    actors: int | None,
) -> None:
    from tqdm import tqdm

    from promptprism.batch import BatchOptions, RowFailed, run_local
    from traffic.batch_io import BatchInputError, output_spec

    options = BatchOptions(batch_size, chunk_size, fail_fast, resume, encoding, input_format)
    try:
        spec = output_spec(output)
        if engine == "ray":
            from promptprism.ray_engine import RayUnavailable, run_ray

            if output is None:
                raise _fail("--engine ray needs --output (a file, or a directory on shared storage)")
            try:
                summary = run_ray(
                    inputs,
                    spec,
                    model or settings.model_version,
                    settings.models_dir,
                    backend or settings.backend,
                    options,
                    address=address,
                    actors=actors,
                )
            except RayUnavailable as exc:
                raise _fail(str(exc)) from None
        elif engine == "local":
            with tqdm(desc="classifying", unit="row", file=sys.stderr, dynamic_ncols=True) as bar:
                summary = run_local(inputs, spec, lambda: _load(model, backend, settings), options, progress=bar)
        else:
            raise _fail(f"unknown --engine {engine!r}; choose local or ray")
    except BatchInputError as exc:
        raise _fail(str(exc)) from None
    except RowFailed as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        hint = " --resume continues from the last complete chunk" if output else ""
        raise _fail(f"interrupted;{hint}", code=130) from None
    where = f" into {output}" if output else ""
    resumed = f" (resumed at row {summary.resumed_from:,})" if summary.resumed_from else ""
    console.print(
        f"classified {summary.rows - summary.errors:,} of {summary.rows:,} rows{where}{resumed} "
        f"in {summary.seconds:.1f} s",
        highlight=False,
        soft_wrap=True,
    )
    if summary.errors:
        shown = "\n".join(summary.first_errors)
        console.print(
            f"[yellow]warning:[/] {summary.errors:,} row(s) could not be classified; each has an error record "
            f"in its place (with its index and why):\n{shown}",
            highlight=False,
            soft_wrap=True,
        )


def _labelled_report_data(logs: list[str], bounds: dict[str, Any]) -> tuple[Any, list[str]] | None:
    """Report data of files written by ``classify --output``, aggregated by DuckDB without loading them; else None."""
    from traffic.analysis import build_report_from_aggregates
    from traffic.labelled import is_labelled, labelled_aggregates

    if not logs or not all(is_labelled(argument) for argument in logs):
        return None
    try:
        aggregates, summary = labelled_aggregates(logs, "week", bounds.get("since"), bounds.get("until"))
    except Exception as exc:  # duckdb.Error: a file that stops being readable half-way
        raise _fail(f"cannot read {', '.join(logs)} as classify output: {str(exc).splitlines()[0]}") from None
    notes = []
    if summary.errors:
        notes.append(f"{summary.errors:,} error record(s) written by promptprism classify were left out.")
    if summary.no_timestamp:
        notes.append(
            f"{summary.no_timestamp:,} call(s) without a usable timestamp were left out "
            "(classify passes one through only when the input line had one)."
        )
    for note in notes:
        console.print(f"[yellow]note:[/] {note}", highlight=False, soft_wrap=True)
    if not summary.used:
        if summary.outside_window:
            raise _fail(f"none of the {summary.outside_window:,} calls fall between --since and --until")
        raise _fail(f"no usable labelled records in {', '.join(logs)}")
    return build_report_from_aggregates(aggregates, "week"), notes


def _report_data_from_logs(
    logs: list[str], bounds: dict[str, Any], model: str | None, backend: str | None, batch_size: int
) -> tuple[Any, list[str]]:
    """Report data of any log shape, classifying the calls that need it (loads every row into pandas)."""
    from tqdm import tqdm

    from traffic.analysis import build_report_data, rows_frame
    from traffic.logs import LogReadError, count_lines, load_rows, resolve_sources

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
    return data, notes


@app.command()
def report(
    logs: Annotated[
        list[str],
        typer.Argument(
            help="JSONL logs of LLM calls (gateway lines, OpenAI Batch API files, classify --output files; "
            "gzip is fine) or an event store (SQLite file or SQLAlchemy URL). classify --output files (JSONL or Parquet) "
            "alone are aggregated by DuckDB without loading them (docs/scale.md). See docs/report.md.",
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
    backend: Annotated[str | None, typer.Option(help="Use the active or shipped model of this backend.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Calls classified together.")] = 64,
) -> None:
    """Write an offline HTML report of the traffic in LLM call logs: category mix, reasoning, tools, length, languages, models."""

    from classifier.artifacts import write_atomic
    from traffic.logs import Unreadable, parse_timestamp
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
    labelled = _labelled_report_data(logs, bounds)
    if labelled is not None:
        data, notes = labelled
    else:
        data, notes = _report_data_from_logs(logs, bounds, model, backend, batch_size)
    chosen = report_sections(data)
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


@events_app.command("import")
def events_import(
    files: Annotated[
        list[str], typer.Argument(help="classify --output files (JSONL, .gz/.zst, or Parquet).", show_default=False)
    ],
) -> None:
    """Load labelled calls into the event store with their timestamps and metadata; a re-run skips what is there."""
    from sqlalchemy.exc import SQLAlchemyError
    from tqdm import tqdm

    from traffic.backfill import import_events
    from traffic.batch_io import BatchInputError
    from traffic.store import EventStore

    settings = _settings()
    store = EventStore(settings.sqlalchemy_url)
    try:
        store.create_schema()
        with tqdm(desc="importing", unit="call", file=sys.stderr) as bar:
            summary = import_events(store, files, progress=bar.update)
    except BatchInputError as exc:
        raise _fail(str(exc)) from None
    except SQLAlchemyError as exc:
        raise _fail(f"cannot write to the event store {settings.sqlalchemy_url}: {str(exc).splitlines()[0]}") from None
    finally:
        store.dispose()
    console.print(
        f"imported {summary.imported:,} call(s); {summary.already_there:,} were already there, "
        f"{summary.errors:,} error record(s) and {summary.no_timestamp:,} call(s) without a timestamp left out",
        highlight=False,
        soft_wrap=True,
    )


@events_app.command("export")
def events_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="The Parquet file to write.")],
) -> None:
    """Write every event of the store to Parquet, in the classify output's record shape."""
    from sqlalchemy.exc import SQLAlchemyError

    from traffic.backfill import export_events
    from traffic.batch_io import BatchInputError
    from traffic.store import EventStore

    settings = _settings()
    store = EventStore(settings.sqlalchemy_url)
    try:
        count = export_events(store, out)
    except BatchInputError as exc:
        raise _fail(str(exc)) from None
    except SQLAlchemyError as exc:
        raise _fail(f"cannot read the event store {settings.sqlalchemy_url}: {str(exc).splitlines()[0]}") from None
    finally:
        store.dispose()
    console.print(f"exported {count:,} event(s) to {out}", highlight=False, soft_wrap=True)


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
    # Refuse a version that would not load or serve: load it (pickle-free) and classify a probe text first.
    model = load_model(version, settings.models_dir)
    model.probe()
    set_active_version(settings.models_dir, version)
    console.print(f"active model: {version} (it loaded and classified a probe text)")


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

    settings = _settings()
    if backend is not None and backend not in SERVE_BACKENDS:
        raise _fail(f"--backend must be one of {', '.join(SERVE_BACKENDS)} (got {backend!r})")
    count = settings.workers if workers is None else workers
    if count < 1:
        raise _fail(f"--workers must be at least 1 (got {count})")
    # The flags reach every worker process as the PROMPTPRISM_* variables its Settings() reads.
    # The app checks Host against the bound address (loopback names only on loopback), so it must know it.
    overrides = {"model_version": model, "backend": backend, "host": host, "port": str(port) if port else None}
    for name, value in overrides.items():
        if value is not None:
            os.environ[f"PROMPTPRISM_{name.upper()}"] = value
    settings = settings.model_copy(
        update={k: (int(v) if k == "port" else v) for k, v in overrides.items() if v is not None}
    )
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_level": "info",
        "timeout_graceful_shutdown": 10,
    }
    if count == 1:
        from api.app import create_app

        _run_uvicorn(settings, create_app(settings), **options)
        return
    from api.app import FACTORY
    from api.metrics import MULTIPROC_ENV
    from traffic.store import EventStore

    # Create the event store's tables once, here: N workers creating them at the same moment race.
    store = EventStore(settings.sqlalchemy_url)
    store.create_schema()
    store.dispose()
    # One BLAS thread pool per worker, sized so that the workers together use the cores once (see blas_threads).
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, str(max(1, (os.cpu_count() or 1) // count)))
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
        _run_uvicorn(
            settings, FACTORY, factory=True, workers=count, timeout_worker_healthcheck=WORKER_HEALTHCHECK_S, **options
        )
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
        os.environ.pop(MULTIPROC_ENV, None)


def _run_uvicorn(settings: Settings, target: Any, **options: Any) -> None:
    """``uvicorn.run``, with a message instead of a bare exit code 3 when the server cannot start.

    Several workers each get a listening socket of their own where the platform allows (see
    :mod:`promptprism.workers`).
    """
    import uvicorn

    from promptprism.workers import reuse_port_supported, run_workers

    reuse_port = options.get("workers", 1) > 1 and reuse_port_supported()
    try:
        if reuse_port:
            run_workers(uvicorn.Config(target, **options))
        else:
            uvicorn.run(target, **options)
    except OSError as exc:
        if not reuse_port:
            raise
        # run_workers checks the port itself before any worker starts.
        raise _fail(
            f"the server could not start on {settings.host}:{settings.port}: {exc.strerror or exc}",
            EXIT_SERVE_STARTUP,
        ) from None
    except SystemExit as exc:
        if exc.code == EXIT_SERVE_STARTUP:  # uvicorn logged the cause just above
            raise _fail(
                f"the server could not start on {settings.host}:{settings.port} "
                "(address in use, or the model failed to load; see the log above)",
                EXIT_SERVE_STARTUP,
            ) from None
        raise


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
        sys.exit(EXIT_INTERRUPTED)
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
