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

from api.settings import Settings
from classifier.errors import PromptPrismError

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
    c: Annotated[float, typer.Option("-C", help="Inverse regularisation strength of the heads.")] = 4.0,
    threshold: Annotated[list[str], typer.Option(help="Abstain threshold, DIMENSION=P; repeatable.")] = [],  # noqa: B006
    activate: Annotated[
        bool | None,
        typer.Option("--activate/--no-activate", help="Make it active (default: only if it passes the quality gate)."),
    ] = None,
    version: Annotated[str | None, typer.Option(help="Version name (default: timestamp and backend).")] = None,
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
    )
    result = train_model(data, out or settings.models_dir, options)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    metrics = result.manifest["metrics"]
    print_metrics(metrics["test_split"], "test split")
    if metrics["cross_validation"]:
        print_metrics(metrics["cross_validation"], f"{cv}-fold cross-validation")
    if metrics["heldout_file"]:
        print_metrics(metrics["heldout_file"], "held-out file")
    console.print(f"model [bold]{result.version}[/] written to {result.path}", highlight=False)
    console.print(("activated: " if result.activated else "not activated: ") + result.gate, highlight=False)
    if not result.activated:
        console.print(f"activate it with: promptprism models activate {result.version}", highlight=False)


@app.command()
def evaluate(
    data: Annotated[Path, typer.Argument(help="Labeled CSV with the model's label columns.")],
    model: Annotated[str | None, typer.Option("--model", help="Model version (default: the active one).")] = None,
    backend: Annotated[str | None, typer.Option(help="Use the newest model of this backend.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the metrics as JSON here.")] = None,
) -> None:
    """Print a model's metrics table on a labeled CSV."""
    from training.dataset import DatasetError, read_labeled_csv
    from training.evaluate import dimension_metrics, print_metrics

    settings = _settings()
    loaded = _load(model, backend, settings)
    dataset = read_labeled_csv(data, None)
    dimensions = [d for d in dataset.label_columns if d in loaded.heads]
    if not dimensions:
        raise DatasetError(
            f"{data} has none of the model's label columns {loaded.dimensions} (it has {dataset.label_columns})"
        )
    scores = loaded.score(loaded.embed(dataset.items))
    metrics = {d: dimension_metrics(dataset.labels[d], scores[d][1], scores[d][0]) for d in dimensions}
    print_metrics(metrics, f"model {loaded.version} on {data.name}")
    if json_out:
        json_out.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")


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
    backend: Annotated[str | None, typer.Option(help="Use the newest model of this backend.")] = None,
    batch_size: Annotated[int, typer.Option(help="Items embedded together.")] = 64,
) -> None:
    """Classify one text, or every request of a JSONL/CSV file, with a progress bar."""
    from tqdm import tqdm

    from api.schemas import BatchError, ClassifyResponse, ErrorDetail
    from classifier import parse_item

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
                for line, raw in chunk:
                    try:
                        if isinstance(raw, Exception):
                            raise raw
                        parsed.append((line, parse_item(raw)))
                    except (PromptPrismError, ValueError) as exc:
                        failures += 1
                        detail = ErrorDetail(
                            type="invalid_request", message=f"line {line}: {exc}", field=getattr(exc, "field", None)
                        )
                        lines[line] = BatchError(index=line, error=detail).model_dump_json()
                started = time.perf_counter()
                items = [item for _, item in parsed]
                results = loaded.results_from_embeddings(items, loaded.embed(items)) if items else []
                each_ms = (time.perf_counter() - started) * 1000 / max(1, len(items))
                for (line, _), result in zip(parsed, results, strict=True):
                    lines[line] = ClassifyResponse.from_result(result, each_ms).model_dump_json()
                for line, _ in chunk:
                    sink.write(lines[line] + "\n")
                bar.update(len(chunk))
    finally:
        if output:
            sink.close()
    console.print(f"classified {len(rows) - failures} of {len(rows)} items" + (f" into {output}" if output else ""))
    if failures:
        raise _fail(f"{failures} item(s) could not be classified; their lines hold an error entry")


@models_app.command("list")
def models_list() -> None:
    """List model versions with their backend and headline metrics; * marks the active one."""
    from classifier.artifacts import active_version, list_versions, read_manifest
    from training.train import gate_metric

    settings = _settings()
    active = active_version(settings.models_dir)
    versions = list_versions(settings.models_dir)
    if not versions:
        raise _fail(f"no model versions in {settings.models_dir}")
    for name in versions:
        manifest = read_manifest(settings.models_dir / name)
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


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default from settings: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default from settings: 8000).")] = None,
) -> None:
    """Start the HTTP service (FastAPI on uvicorn)."""
    import uvicorn

    from api.app import create_app

    settings = _settings()
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
        timeout_graceful_shutdown=10,
    )


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
