"""Leave-source-out evaluation: accuracy measured on real prompts from sources the model has not seen.

Each real source (every ``source`` other than ``authored``) is held out in
turn; the heads are trained on the authored rows plus every other source and
predict the held-out rows; the predictions of all folds are pooled into one
report. This is the headline accuracy: an in-house held-out file shares its
authors' habits with the training file, real prompts from other people do not.

Every text is embedded once, through the same on-disk cache as training, so
the folds only refit heads, and with the same head-fitting code as
``training/train.py``.

``python -m training.crossval evaluate`` prints the report over the authored
file plus the corpus; ``python -m training.crossval ablate`` measures what each
corpus source adds (its ``lso_delta``), writes it into ``sources.json`` and
renders ``docs/corpus_ablation.md``. Both run BLAS single-threaded by
default: a fold's fit is a small matrix problem, and on a shared machine
spinning BLAS threads made one fit 15x slower (109 s against 7 s for a
logistic regression on 11,800 rows with the load at 17 on 2 cores).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from rich.console import Console
from rich.table import Table
from sklearn.base import clone
from sklearn.metrics import f1_score
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from classifier import views
from classifier.artifacts import write_atomic
from classifier.embedders import DEFAULT_BACKEND
from classifier.model import shared_embedder
from classifier.requests import ChatItem, Item
from classifier.signals import derive_signals
from classifier.views import model_text, request_parts
from training.corpus import evaluation_only_sources, is_evaluation_only
from training.dataset import (
    AUTHORED,
    DatasetError,
    LabeledDataset,
    combine_datasets,
    item_key,
    read_labeled_csv,
)
from training.embedding_cache import EmbeddingCache
from training.evaluate import confusion_table, dimension_metrics, metrics_table, print_whole
from training.head_factory import C_GRID, choose_c, fit_head, make_head

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "training" / "data"
DEFAULT_TRAIN = DATA_DIR / "train.csv"
DEFAULT_CORPUS = DATA_DIR / "corpus" / "corpus.csv"
DEFAULT_SOURCES = DATA_DIR / "corpus" / "sources.json"
ABLATION_DOC = ROOT / "docs" / "corpus_ablation.md"
# The shipped multilingual model's category head chose C=4 from C_GRID. Leave-source-out fixes it by default:
# choosing C per fold (15 cross-validation fits) made a fold cost about 5x more. The ablation also fits the head's
# logistic regression without its 5-fold temperature calibration, because it needs (1 + sources) full runs.
LSO_C = 4.0
ABLATION_DIMENSION = "category"


def item_texts(items: Sequence[Item], max_tokens: int, view: str | None = None) -> list[str]:
    """The text the model reads for each item, built by ``view`` (None: the views module's default)."""
    if view is None:
        return [model_text(request_parts(i), max_tokens) for i in items]
    return [model_text(request_parts(i), max_tokens, view=view) for i in items]


def view_name(view: str | None) -> str:
    """The name of the view used: ``view``, or the views module's default."""
    return view or str(getattr(views, "DEFAULT_VIEW", "default"))


def embed_dataset(
    dataset: LabeledDataset,
    backend: str = DEFAULT_BACKEND,
    view: str | None = None,
    cache_dir: Path | None = None,
    progress: bool = True,
) -> np.ndarray:
    """Every row's vector, one per row, read from (or added to) the training embedding cache."""
    embedder = shared_embedder(backend)
    cache = EmbeddingCache(embedder, cache_dir)
    return cache.encode(item_texts(dataset.items, embedder.max_tokens, view), progress=progress)


def user_turns(item: Item) -> int:
    """How many user turns a request has (a single text or prompt counts as one)."""
    if isinstance(item, ChatItem):
        return sum(1 for m in item.request.messages if m.role == "user")
    return 1


def macro_f1_present(y_true: Sequence[str], predicted: Sequence[str]) -> float:
    """Macro-F1 over the labels present in ``y_true`` only.

    A label that no held-out row has cannot be recalled; counting it as an F1
    of 0 would punish a source for what it does not contain.
    """
    present = sorted(set(y_true))
    if not present:
        return math.nan
    return float(f1_score(list(y_true), list(predicted), labels=present, average="macro", zero_division=0))


@dataclass
class Pooled:
    """The pooled held-out predictions of one dimension over every fold."""

    dimension: str
    rows: np.ndarray  # indexes into the dataset, fold after fold
    y_true: np.ndarray
    probabilities: np.ndarray  # columns = classes
    classes: list[str]
    folds: list[dict[str, Any]] = field(default_factory=list)

    @property
    def predicted(self) -> np.ndarray:
        """The top label of each pooled row."""
        if not len(self.rows):
            return np.asarray([], dtype=str)
        return np.asarray(self.classes)[self.probabilities.argmax(axis=1)]


def _fit_fold(
    vectors: np.ndarray, labels: list[str], c: float | None, seed: int, calibrated: bool
) -> tuple[Any, float]:
    chosen = c if c is not None else choose_c(vectors, labels, seed)
    if calibrated:
        return fit_head(vectors, labels, chosen), chosen
    # The head's own logistic regression without its calibration wrapper: same argmax model family, one fit.
    return clone(make_head(chosen).estimator).fit(vectors, np.asarray(labels)), chosen


def fold_split(
    dataset: LabeledDataset,
    dimension: str,
    source: str,
    exclude: Sequence[str] = (),
    keys: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The (training, held-out) row indexes of the fold that holds out ``source`` for ``dimension``.

    Held out: the source's rows labeled for ``dimension``. Training: every
    other labeled row, less the sources in ``exclude``, the dataset's
    evaluation-only sources (held out in turn like any other), and any row whose
    content equals a held-out row's (so a text shared by two sources never
    sits on both sides). ``keys`` (``item_key`` of every row) saves recomputing them per fold.
    """
    labels = np.asarray(dataset.labels[dimension])
    sources = np.asarray(dataset.sources)
    if keys is None:
        keys = np.asarray([item_key(i) for i in dataset.items])
    labeled = labels != ""
    test = np.flatnonzero(labeled & (sources == source))
    never_trained = [*exclude, *dataset.evaluation_only]
    train_mask = labeled & (sources != source) & ~np.isin(sources, never_trained) & ~np.isin(keys, keys[test])
    return np.flatnonzero(train_mask), test


def pooled_predictions(
    dataset: LabeledDataset,
    vectors: np.ndarray,
    dimension: str,
    held_out: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    c: float | None = LSO_C,
    calibrated: bool = True,
    seed: int = 0,
    progress: bool = True,
) -> Pooled:
    """Hold out each source of ``held_out`` in turn and pool the predictions on its rows.

    Each fold is split by :func:`fold_split`. ``c`` fixes the regularisation;
    ``c=None`` chooses it per fold by cross-validation on the fold's training
    rows, as ``train_model`` does (about five times slower). Every fold starts cold: a start from a fit
    that saw the held-out rows would let them leak into a fit that stops at the solver's tolerance.
    """
    labels = np.asarray(dataset.labels[dimension])
    keys = np.asarray([item_key(i) for i in dataset.items])
    out_rows, out_true, out_proba, folds = [], [], [], []
    classes: list[str] = []
    for source in tqdm(list(held_out), desc=f"leave-source-out {dimension}", unit="fold", disable=not progress):
        train, test = fold_split(dataset, dimension, source, exclude, keys)
        if not len(test):
            continue
        head, chosen = _fit_fold(vectors[train], list(labels[train]), c, seed, calibrated)
        head_classes = [str(k) for k in head.classes_]
        classes.extend(k for k in head_classes if k not in classes)
        out_rows.append(test)
        out_true.append(labels[test])
        out_proba.append((head_classes, head.predict_proba(vectors[test])))
        folds.append({"source": source, "train_rows": len(train), "heldout_rows": len(test), "C": chosen})
    classes = sorted(classes)
    column = {k: j for j, k in enumerate(classes)}
    blocks = []
    for head_classes, proba in out_proba:
        block = np.zeros((len(proba), len(classes)))
        block[:, [column[k] for k in head_classes]] = proba
        blocks.append(block)
    return Pooled(
        dimension=dimension,
        rows=np.concatenate(out_rows) if out_rows else np.zeros(0, dtype=int),
        y_true=np.concatenate(out_true) if out_true else np.zeros(0, dtype=str),
        probabilities=np.vstack(blocks) if blocks else np.zeros((0, len(classes))),
        classes=classes,
        folds=folds,
    )


def _dimension_report(dataset: LabeledDataset, pooled: Pooled) -> dict[str, Any]:
    metrics = dimension_metrics(pooled.y_true, pooled.probabilities, pooled.classes)
    predicted = pooled.predicted
    present = sorted(set(pooled.y_true))
    metrics["macro_f1"] = round(macro_f1_present(pooled.y_true, predicted), 4)
    metrics["macro_f1_labels"] = present
    metrics["excluded_from_macro_f1"] = [k for k in metrics["per_class"] if k not in present]
    correct = predicted == pooled.y_true
    sources = np.asarray(dataset.sources)[pooled.rows]
    per_source = {}
    for source in dict.fromkeys(sources.tolist()):
        mask = sources == source
        per_source[source] = {
            "rows": int(mask.sum()),
            "correct": int(correct[mask].sum()),
            "accuracy": round(float(correct[mask].mean()), 4),
            "labels": dict(Counter(pooled.y_true[mask].tolist()).most_common()),
        }
    metrics["per_source"] = per_source
    # The language the service would record for each held-out request (signals.language), English first.
    languages = np.asarray([derive_signals(dataset.items[i]).language for i in pooled.rows])
    per_language = {}
    for language, n in Counter(languages.tolist()).most_common():
        mask = languages == language
        per_language[language] = {
            "rows": n,
            "accuracy": round(float(correct[mask].mean()), 4),
            "macro_f1": round(macro_f1_present(pooled.y_true[mask], predicted[mask]), 4),
        }
    metrics["per_language"] = per_language
    multi = np.asarray([user_turns(dataset.items[i]) >= 2 for i in pooled.rows], dtype=bool)
    metrics["multi_turn"] = {
        "rows": int(multi.sum()),
        "correct": int(correct[multi].sum()),
        "accuracy": round(float(correct[multi].mean()), 4) if multi.any() else None,
    }
    metrics["folds"] = pooled.folds
    return metrics


def leave_source_out(
    dataset: LabeledDataset,
    backend: str = DEFAULT_BACKEND,
    view: str | None = None,
    *,
    dimensions: Sequence[str] | None = None,
    c: float | None = LSO_C,
    calibrated: bool = True,
    seed: int = 0,
    exclude: Sequence[str] = (),
    cache_dir: Path | None = None,
    vectors: np.ndarray | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """The leave-source-out report of ``dataset``: every non-authored source held out in turn, predictions pooled.

    For each dimension with labels on held-out rows: per-label precision,
    recall and F1, macro-F1 over the labels present in the held-out truth
    (``excluded_from_macro_f1`` lists the others), accuracy, the confusion
    matrix, accuracy and row count per source, and accuracy on conversations
    with two or more user turns. ``vectors`` (one per row) skips embedding;
    ``exclude`` removes sources from training and from the held-out set;
    ``c`` fixes C (default :data:`LSO_C`); ``c=None`` chooses it per fold as training does.
    """
    if vectors is None:
        vectors = embed_dataset(dataset, backend, view, cache_dir, progress)
    if len(vectors) != len(dataset):
        raise ValueError(f"{len(vectors)} vectors for {len(dataset)} rows")
    held_out = [s for s in dict.fromkeys(dataset.sources) if s != AUTHORED and s not in exclude]
    if not held_out:
        raise DatasetError(f"{dataset.source} has no source other than {AUTHORED!r} to hold out")
    report: dict[str, Any] = {
        "backend": backend,
        "view": view_name(view),
        "C": c if c is not None else f"chosen per fold by cross-validation from {list(C_GRID)}",
        "calibrated": calibrated,
        "rows": len(dataset),
        "rows_per_source": dict(Counter(dataset.sources)),
        "held_out_sources": held_out,
        "excluded_sources": list(exclude),
        "evaluation_only_sources": sorted(dataset.evaluation_only),
        "dimensions": {},
        "skipped_dimensions": [],
    }
    for dimension in dimensions or dataset.label_columns:
        pooled = pooled_predictions(
            dataset,
            vectors,
            dimension,
            held_out,
            exclude=exclude,
            c=c,
            calibrated=calibrated,
            seed=seed,
            progress=progress,
        )
        if not len(pooled.rows):
            report["skipped_dimensions"].append(dimension)  # no held-out row has this label
            continue
        report["dimensions"][dimension] = _dimension_report(dataset, pooled)
    return report


def ablate(
    dataset: LabeledDataset,
    backend: str = DEFAULT_BACKEND,
    view: str | None = None,
    *,
    c: float | None = LSO_C,
    calibrated: bool = False,
    seed: int = 0,
    cache_dir: Path | None = None,
    vectors: np.ndarray | None = None,
    progress: bool = True,
    only: Sequence[str] | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Each source's lso_delta on the category dimension: what it adds to the accuracy on the OTHER sources.

    delta(s) = pooled macro-F1 of leave-source-out over every source but s,
    with s in the training pool, minus the same with s removed from it.
    Negative: the source hurts. The "with" figures all come from one full
    leave-source-out run; each "without" needs a run of its own, so ``only``
    (source names) limits the deltas measured, to split the work across runs,
    and ``jobs`` runs that many "without" runs at once in worker processes
    (each fit single-threaded: one process per core beats BLAS threads here).
    """
    if vectors is None:
        vectors = embed_dataset(dataset, backend, view, cache_dir, progress)
    # Every source is measured as a candidate for training, evaluation-only ones included: that is how they
    # earn (or lose) their place.
    dataset = replace(dataset, evaluation_only=frozenset())
    dimension = ABLATION_DIMENSION
    labeled = np.asarray(dataset.labels[dimension]) != ""
    sources = [s for s in dict.fromkeys(dataset.sources) if s != AUTHORED]
    if len(sources) < 2:
        raise DatasetError("the ablation needs at least two sources besides the authored rows")
    unknown = [s for s in only or () if s not in sources]
    if unknown:
        raise DatasetError(f"no rows from source(s) {unknown}; the sources are {sources}")
    options: dict[str, Any] = {"c": c, "calibrated": calibrated, "seed": seed}
    full = pooled_predictions(dataset, vectors, dimension, sources, progress=progress, **options)
    full_sources = np.asarray(dataset.sources)[full.rows]
    full_predicted = full.predicted
    measured = [s for s in sources if only is None or s in only]
    labeled_sources = np.asarray(dataset.sources)
    withouts = Parallel(n_jobs=jobs, return_as="generator")(
        delayed(_without_f1)(dataset, vectors, dimension, [s for s in sources if s != source], source, options)
        for source in measured
    )
    rows = []
    progress_bar = tqdm(
        zip(measured, withouts, strict=True),
        total=len(measured),
        desc="ablation (one run without each source)",
        unit="source",
        disable=not progress,
    )
    for source, without_f1 in progress_bar:
        mask = full_sources != source
        with_f1 = macro_f1_present(full.y_true[mask], full_predicted[mask])
        rows.append(
            {
                "source": source,
                "rows": int((labeled & (labeled_sources == source)).sum()),
                "f1_with": with_f1,
                "f1_without": without_f1,
                "lso_delta": with_f1 - without_f1,
            }
        )
        log.info("%s: with %.4f, without %.4f, delta %+.4f", source, with_f1, without_f1, with_f1 - without_f1)
    return {
        "backend": backend,
        "view": view_name(view),
        "C": c if c is not None else f"chosen per fold by cross-validation from {list(C_GRID)}",
        "calibrated": calibrated,
        "dimension": dimension,
        "rows": len(dataset),
        "full_macro_f1": macro_f1_present(full.y_true, full_predicted),
        "full_accuracy": float((full_predicted == full.y_true).mean()),
        "sources": rows,
    }


def _without_f1(
    dataset: LabeledDataset,
    vectors: np.ndarray,
    dimension: str,
    others: list[str],
    source: str,
    options: dict[str, Any],
) -> float:
    """Pooled macro-F1 of leave-source-out over ``others`` with ``source`` removed from every training pool."""
    with threadpool_limits(limits=1):
        without = pooled_predictions(dataset, vectors, dimension, others, exclude=[source], progress=False, **options)
    return macro_f1_present(without.y_true, without.predicted)


def write_lso_deltas(sources_path: Path, ablation: dict[str, Any]) -> list[str]:
    """Write each source's lso_delta (4 places) into ``sources.json`` atomically; return names it lacks."""
    entries = json.loads(sources_path.read_text(encoding="utf-8"))
    deltas = {row["source"]: row["lso_delta"] for row in ablation["sources"]}
    for entry in entries:
        if entry.get("name") in deltas:
            entry["lso_delta"] = round(float(deltas[entry["name"]]), 4)
    write_atomic(sources_path, json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
    known = {entry.get("name") for entry in entries}
    return [name for name in deltas if name not in known]


def render_ablation(ablation: dict[str, Any], command: str) -> str:
    """``docs/corpus_ablation.md``: the table of each source's contribution, most harmful first."""
    heads = (
        "calibrated heads as in training"
        if ablation["calibrated"]
        else "the head's logistic regression without its temperature calibration (one fit per fold)"
    )
    lines = [
        "# Corpus ablation: what each real source adds to leave-source-out accuracy",
        "",
        f"Generated by `{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; do not edit by hand, rerun the "
        "command. It also writes each source's `lso_delta` into `training/data/corpus/sources.json`.",
        "",
        f"Dimension `{ablation['dimension']}`, backend `{ablation['backend']}`, view `{ablation['view']}`, "
        f"C = {ablation['C']}, {heads}, {ablation['rows']} rows (authored + corpus). Leave-source-out over every "
        f"corpus source: macro-F1 {ablation['full_macro_f1']:.4f}, accuracy {ablation['full_accuracy']:.4f}.",
        "",
        "For each source s: *F1 with* is the pooled macro-F1 (over the labels present) of leave-source-out on "
        "every OTHER source, with s in the training pool; *F1 without* is the same with s removed from the "
        "training pool; delta = with - without. A negative delta means the source hurts accuracy on the others. "
        "The *with* figures all come from one full leave-source-out run; each *without* is a run of its own.",
        "",
        "A source with a negative delta becomes evaluation-only (`training.corpus.evaluation_only_sources`): "
        "leave-source-out still holds it out and scores it, but no model trains on it.",
        "",
        "| source | rows | F1 with | F1 without | delta | used for |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in sorted(ablation["sources"], key=lambda r: r["lso_delta"]):
        role = "evaluation only" if is_evaluation_only(row["lso_delta"]) else "training and evaluation"
        lines.append(
            f"| `{row['source']}` | {row['rows']} | {row['f1_with']:.4f} | {row['f1_without']:.4f} "
            f"| {row['lso_delta']:+.4f} | {role} |"
        )
    return "\n".join(lines) + "\n"


def print_report(report: dict[str, Any], console: Console | None = None) -> None:
    """Print a leave-source-out report: per-label tables, confusion matrices, per-source and multi-turn accuracy."""
    console = console or Console()
    console.print(
        f"leave-source-out over {len(report['held_out_sources'])} sources ({report['rows']} rows), backend "
        f"{report['backend']}, view {report['view']}, C {report['C']}"
    )
    if report.get("evaluation_only_sources"):
        console.print(
            "evaluation only (held out and scored, never trained on): " + ", ".join(report["evaluation_only_sources"])
        )
    for dimension, metrics in report["dimensions"].items():
        console.print(metrics_table(dimension, metrics, "leave-source-out, pooled"))
        if metrics["excluded_from_macro_f1"]:
            console.print(
                f"macro-F1 is over the {len(metrics['macro_f1_labels'])} labels present in the held-out rows; "
                f"excluded (no held-out row has them): {', '.join(metrics['excluded_from_macro_f1'])}"
            )
        print_whole(console, confusion_table(dimension, metrics))
        table = Table(title=f"{dimension} accuracy per held-out source", title_justify="left")
        for name in ("source", "rows", "accuracy", "training rows", "labels"):
            table.add_column(name, justify="left" if name in ("source", "labels") else "right")
        train_rows = {fold["source"]: fold["train_rows"] for fold in metrics["folds"]}
        for source, row in metrics["per_source"].items():
            labels = ", ".join(f"{k} {n}" for k, n in row["labels"].items())
            table.add_row(source, str(row["rows"]), f"{row['accuracy']:.3f}", str(train_rows[source]), labels)
        console.print(table)
        languages = Table(title=f"{dimension} per language of the held-out request", title_justify="left")
        for name in ("language", "rows", "accuracy", "macro-F1"):
            languages.add_column(name, justify="left" if name == "language" else "right")
        for language, row in metrics.get("per_language", {}).items():
            languages.add_row(language, str(row["rows"]), f"{row['accuracy']:.3f}", f"{row['macro_f1']:.3f}")
        console.print(languages)
        multi = metrics["multi_turn"]
        accuracy = f"{multi['accuracy']:.3f}" if multi["accuracy"] is not None else "n/a"
        console.print(f"{dimension} accuracy on conversations with 2+ user turns: {accuracy} ({multi['rows']} rows)")
    if report["skipped_dimensions"]:
        console.print(f"no held-out labels, not evaluated: {', '.join(report['skipped_dimensions'])}")


def load_authored_and_corpus(train: Path, corpus: Path, label_columns: list[str] | None = None) -> LabeledDataset:
    """The authored file joined with the corpus, whose rows carry their ``source``.

    The corpus is read for the authored file's label columns that it has (it
    labels ``category`` but not ``reasoning_heavy``); its rows leave the rest blank.
    The ``sources.json`` beside it names the evaluation-only sources
    (:func:`training.corpus.evaluation_only_sources`): held out, never trained on.
    """
    authored = read_labeled_csv(train, label_columns)
    if not corpus.is_file():
        raise DatasetError(f"no corpus at {corpus}: build it with `python -m training.corpus build` or pass --corpus")
    with corpus.open(encoding="utf-8-sig", newline="") as handle:
        header = [h.strip() for h in next(csv.reader(handle), [])]
    shared = [c for c in authored.label_columns if c in header]
    if not shared:
        raise DatasetError(f"{corpus} has none of the label columns {authored.label_columns}; its columns: {header}")
    real = read_labeled_csv(corpus, shared, check_label_counts=False)
    real.evaluation_only = evaluation_only_sources(corpus.with_name("sources.json"))
    combined = combine_datasets(authored, real)
    if combined.evaluation_only:
        log.info("evaluation only (held out, never trained on): %s", ", ".join(sorted(combined.evaluation_only)))
    for warning in combined.warnings:
        log.warning(warning)
    return combined


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: ``evaluate`` or ``ablate``."""
    parser = argparse.ArgumentParser(prog="python -m training.crossval", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("evaluate", "print the leave-source-out report over the authored file + the corpus"),
        ("ablate", "measure each corpus source's lso_delta; write sources.json and docs/corpus_ablation.md"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="authored CSV (default: %(default)s)")
        sub.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus CSV (default: %(default)s)")
        sub.add_argument("--backend", default=DEFAULT_BACKEND, help="embedding backend (default: %(default)s)")
        sub.add_argument("--view", default=None, help="named view of classifier.views (default: its default)")
        sub.add_argument("--cache-dir", type=Path, default=None, help="embedding cache directory")
        sub.add_argument("--seed", type=int, default=0)
        sub.add_argument(
            "--threads",
            type=int,
            default=1,
            help="BLAS threads per fit (default: %(default)s; more only pays on idle cores, see module docstring)",
        )
        if name == "evaluate":
            sub.add_argument("--c", type=float, default=LSO_C, help="fixed C (default: %(default)s)")
            sub.add_argument("--choose-c", action="store_true", help=f"choose C per fold by CV from {list(C_GRID)}")
            sub.add_argument(
                "--uncalibrated",
                action="store_true",
                help="one plain logistic regression per fold, as model cards are scored (same argmax family, ~6x faster)",
            )
            sub.add_argument("--json", type=Path, default=None, help="also write the report as JSON here")
        else:
            sub.add_argument("--c", type=float, default=LSO_C, help="fixed C (default: %(default)s)")
            sub.add_argument(
                "--calibrated", action="store_true", help="fit calibrated heads as training does (about 6x slower)"
            )
            sub.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="sources.json to update")
            sub.add_argument(
                "--only", default=None, help="comma-separated sources to measure (default: all); others keep theirs"
            )
            sub.add_argument("--out", type=Path, default=ABLATION_DOC, help="markdown table (default: %(default)s)")
            sub.add_argument(
                "--jobs", type=int, default=1, help="runs without a source measured at once, in processes (default: 1)"
            )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with threadpool_limits(limits=args.threads):
        _run(args, parser)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.command == "evaluate":
        dataset = load_authored_and_corpus(args.train, args.corpus)
        c = None if args.choose_c else args.c
        report = leave_source_out(
            dataset,
            args.backend,
            args.view,
            c=c,
            calibrated=not args.uncalibrated,
            seed=args.seed,
            cache_dir=args.cache_dir,
        )
        print_report(report, Console(width=max(Console().width, 160)))
        if args.json:
            write_atomic(args.json, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    if not args.sources.is_file():
        parser.error(f"no sources file at {args.sources}")
    dataset = load_authored_and_corpus(args.train, args.corpus, [ABLATION_DIMENSION])
    only = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else None
    ablation = ablate(
        dataset,
        args.backend,
        args.view,
        c=args.c,
        calibrated=args.calibrated,
        seed=args.seed,
        cache_dir=args.cache_dir,
        only=only,
        jobs=args.jobs,
    )
    unknown = write_lso_deltas(args.sources, ablation)
    if unknown:
        log.warning("sources in the corpus but not in %s (no lso_delta written): %s", args.sources, unknown)
    command = " ".join(
        ["python -m training.crossval ablate", f"--corpus {_shown(args.corpus)}", f"--sources {_shown(args.sources)}"]
        + ([f"--backend {args.backend}"] if args.backend != DEFAULT_BACKEND else [])
        + ([f"--view {args.view}"] if args.view else [])
        + ([f"--c {args.c}"] if args.c != LSO_C else [])
        + (["--calibrated"] if args.calibrated else [])
        + ([f"--only {args.only}"] if args.only else [])
    )
    write_atomic(args.out, render_ablation(ablation, command))
    Console().print(render_ablation(ablation, command))


def _shown(path: Path) -> str:
    """A path as typed from the repository root when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    main()
