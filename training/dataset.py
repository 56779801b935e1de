"""Read and validate a labeled CSV before any expensive work starts.

Input columns: ``text``; or ``prompt`` with an optional ``completion``; or
``messages`` (an OpenAI messages JSON array). A file may mix them row by row,
one per row. An optional ``source`` column names where each row comes from
(metadata for leave-source-out evaluation; blank or absent means
``authored``). Every other column is a label column and becomes a head,
unless ``label_columns`` narrows the choice.

Authored rows must fill every label column. A row from another source may
leave a label blank when that source has no label for that dimension (a
real-prompt corpus labels ``category`` but not ``reasoning_heavy``); such a
row trains only the heads it has labels for. :func:`combine_datasets` joins
the authored file and a corpus into one dataset.

Every problem is reported with what to do about it: a misspelt column gets the
closest real name, an empty row its row number (the spreadsheet row, header =
row 1), a label with too few examples its count.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from classifier.errors import DatasetError, InputError
from classifier.requests import Item, PromptItem, TextItem, parse_messages_json

INPUT_COLUMNS = ("text", "prompt", "completion", "messages")
SOURCE_COLUMN = "source"
AUTHORED = "authored"
MIN_EXAMPLES_PER_LABEL = 3
_MAX_LISTED = 10
csv.field_size_limit(64 * 1024 * 1024)


@dataclass
class LabeledDataset:
    """Validated training rows: typed items, their labels, and what was dropped on the way."""

    items: list[Item]
    labels: dict[str, list[str]]
    row_numbers: list[int]
    sha256: str
    source: str
    warnings: list[str] = field(default_factory=list)
    # Where each row comes from (the CSV's ``source`` column); a blank label ("") is allowed only off "authored".
    sources: list[str] = field(default_factory=list)
    # Sources held out for evaluation but never trained on: real data whose rows lowered the accuracy on the
    # other sources when trained on (a negative lso_delta, see training.corpus.evaluation_only_sources).
    evaluation_only: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.sources:
            self.sources = [AUTHORED] * len(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def label_columns(self) -> list[str]:
        """Names of the label dimensions, in file order."""
        return list(self.labels)

    def labeled_rows(self, column: str) -> list[int]:
        """Indexes of the rows that have a label for ``column`` (the rows its head trains and is scored on)."""
        return [i for i, value in enumerate(self.labels[column]) if value]

    def trainable(self, rows: list[int]) -> list[int]:
        """Those of ``rows`` that a head may train on: every row not from an evaluation-only source."""
        if not self.evaluation_only:
            return rows
        return [i for i in rows if self.sources[i] not in self.evaluation_only]

    def subset(self, indexes: list[int]) -> LabeledDataset:
        """A dataset of the given rows, in that order, sharing this one's file identity and warnings."""
        return LabeledDataset(
            items=[self.items[i] for i in indexes],
            labels={c: [values[i] for i in indexes] for c, values in self.labels.items()},
            row_numbers=[self.row_numbers[i] for i in indexes],
            sha256=self.sha256,
            source=self.source,
            warnings=list(self.warnings),
            sources=[self.sources[i] for i in indexes],
            evaluation_only=self.evaluation_only,
        )


def _rows_listed(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:_MAX_LISTED])
    return shown + (f" and {len(rows) - _MAX_LISTED} more" if len(rows) > _MAX_LISTED else "")


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise DatasetError(f"{source} is a binary file, not a CSV; export your data as UTF-8 CSV")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DatasetError(
            f"{source} is not UTF-8: byte 0x{raw[exc.start]:02x} on line {line} cannot be decoded; "
            "re-save the file as UTF-8 (in Excel: 'CSV UTF-8'; or iconv -f latin1 -t utf-8)"
        ) from None


def _suggest(name: str, options: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name.lower(), list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read_labeled_csv(
    path: str | Path, label_columns: list[str] | None = None, *, check_label_counts: bool = True
) -> LabeledDataset:
    """Read, validate and de-duplicate a labeled CSV. Raises :class:`DatasetError` on any problem.

    ``check_label_counts=False`` skips the labels-per-head check, for a file
    that is only ever trained on together with another (a corpus joined to the
    authored file by :func:`combine_datasets`, which checks the combination).
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"no such file: {path}")
    raw = path.read_bytes()
    return parse_labeled_csv(raw, str(path), label_columns, check_label_counts=check_label_counts)


def parse_labeled_csv(
    raw: bytes, source: str, label_columns: list[str] | None = None, *, check_label_counts: bool = True
) -> LabeledDataset:
    """Validate CSV bytes (see :func:`read_labeled_csv`); ``source`` names the file in messages."""
    text = _decode(raw, source)
    if not text.strip():
        raise DatasetError(f"{source} is empty; it needs a header row and at least one labeled row")
    if text.lstrip()[:1] in "[{":
        raise DatasetError(
            f"{source} looks like JSON, not CSV; training reads CSV with a header row (text,category,...)"
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        rows: list[tuple[int, list[str]]] = []
        for record in reader:
            if record:
                rows.append((reader.line_num, record))
    except csv.Error as exc:
        raise DatasetError(f"{source} is not valid CSV near line {reader.line_num}: {exc}") from None
    _check_header(header, source)
    inputs = [c for c in header if c in INPUT_COLUMNS]
    if not any(c in inputs for c in ("text", "prompt", "messages")):
        hints = "; ".join(f"{c!r}{_suggest(c, INPUT_COLUMNS)}" for c in header if _suggest(c, INPUT_COLUMNS))
        raise DatasetError(
            f"{source} has no input column: it needs 'text', 'prompt' (with optional 'completion') or 'messages'"
            + (f"; found {hints}" if hints else f"; its columns are {header}")
        )
    candidates = [c for c in header if c not in INPUT_COLUMNS and c != SOURCE_COLUMN]
    if label_columns:
        for column in label_columns:
            if column not in header:
                raise DatasetError(
                    f"label column {column!r} is not in {source}{_suggest(column, candidates)}; columns: {header}"
                )
            if column in INPUT_COLUMNS:
                raise DatasetError(f"{column!r} is an input column and cannot be a label column")
            if column == SOURCE_COLUMN:
                raise DatasetError(f"{column!r} names where a row comes from (metadata) and cannot be a label column")
        labels_wanted = list(label_columns)
    else:
        labels_wanted = candidates
    if not labels_wanted:
        raise DatasetError(f"{source} has no label column: add one such as 'category' next to {inputs}")

    index = {name: i for i, name in enumerate(header)}
    bad_width = [line for line, record in rows if len(record) != len(header)]
    if bad_width:
        raise DatasetError(
            f"{source} is not a consistent CSV: rows {_rows_listed(bad_width)} do not have {len(header)} fields "
            "like the header; quote fields that contain commas or line breaks"
        )

    items: list[Item] = []
    labels: dict[str, list[str]] = {c: [] for c in labels_wanted}
    row_numbers: list[int] = []
    row_sources: list[str] = []
    unlabeled: Counter[str] = Counter()
    empty, several, missing_label = [], [], defaultdict(list)
    bad_messages: list[str] = []
    for line, record in rows:
        values = {name: record[i] for name, i in index.items()}
        filled = [c for c in ("text", "prompt", "messages") if values.get(c, "").strip()]
        if not filled:
            empty.append(line)
            continue
        if len(filled) > 1:
            several.append(line)
            continue
        try:
            item = _row_item(filled[0], values)
        except InputError as exc:
            bad_messages.append(f"row {line}: {exc}")
            continue
        row_labels = {c: values[c].strip() for c in labels_wanted}
        row_source = values.get(SOURCE_COLUMN, "").strip() or AUTHORED
        blanks = [c for c, v in row_labels.items() if not v]
        if row_source == AUTHORED:
            for column in blanks:
                missing_label[column].append(line)
            if blanks:
                continue
        elif len(blanks) == len(row_labels):
            # Nothing to train or score on this row in the dimensions asked for.
            unlabeled[row_source] += 1
            continue
        items.append(item)
        for column, value in row_labels.items():
            labels[column].append(value)
        row_numbers.append(line)
        row_sources.append(row_source)

    problems = []
    if empty:
        problems.append(f"rows {_rows_listed(empty)} have no text (text, prompt and messages are all empty)")
    if several:
        problems.append(
            f"rows {_rows_listed(several)} fill more than one of text / prompt / messages; fill exactly one"
        )
    if bad_messages:
        problems.append("invalid messages: " + "; ".join(bad_messages[:_MAX_LISTED]))
    for column, lines in missing_label.items():
        problems.append(f"rows {_rows_listed(lines)} have no {column!r} label")
    if problems:
        raise DatasetError(f"{source}: " + ". ".join(problems) + ". Fix or delete those rows and try again.")
    if not items:
        raise DatasetError(f"{source} has a header but no rows")

    dataset = LabeledDataset(
        items=items,
        labels=labels,
        row_numbers=row_numbers,
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        sources=row_sources,
    )
    if unlabeled:
        counts = ", ".join(f"{name} ({n})" for name, n in sorted(unlabeled.items()))
        dataset.warnings.append(f"left out {sum(unlabeled.values())} row(s) with none of {labels_wanted}: {counts}")
    _drop_duplicates(dataset)
    if check_label_counts:
        _check_label_counts(dataset)
    return dataset


def _check_header(header: list[str], source: str) -> None:
    if any(not h for h in header):
        raise DatasetError(f"{source} has an empty column name in its header: {header}")
    duplicated = [name for name, n in Counter(header).items() if n > 1]
    if duplicated:
        raise DatasetError(f"{source} repeats column(s) {duplicated} in its header; rename or remove them")


def _row_item(kind: str, values: dict[str, str]) -> Item:
    if kind == "messages":
        return parse_messages_json(values["messages"])
    if kind == "prompt":
        completion = values.get("completion", "")
        return PromptItem(prompt=values["prompt"], completion=completion if completion.strip() else None)
    return TextItem(text=values["text"])


def item_key(item: Item) -> str:
    """A canonical string of an item's content, for finding duplicates."""
    return item.model_dump_json(exclude_none=True)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two rows' labels agree wherever both have one (a blank label agrees with anything)."""
    return all(x == y or not x or not y for x, y in zip(a, b, strict=True))


def _drop_duplicates(dataset: LabeledDataset) -> None:
    kept_by_key: dict[str, list[int]] = defaultdict(list)
    rows_by_key: dict[str, list[int]] = defaultdict(list)
    keep, duplicates, conflicting = [], [], set()
    columns = dataset.label_columns
    for i, item in enumerate(dataset.items):
        key = item_key(item)
        label_tuple = tuple(dataset.labels[c][i] for c in columns)
        rows_by_key[key].append(dataset.row_numbers[i])
        same = next(
            (k for k in kept_by_key[key] if _compatible(label_tuple, tuple(dataset.labels[c][k] for c in columns))),
            None,
        )
        if same is not None:
            duplicates.append(dataset.row_numbers[i])
            for column, value in zip(columns, label_tuple, strict=True):
                if value and not dataset.labels[column][same]:  # the repeat knows a label the first row lacked
                    dataset.labels[column][same] = value
            continue
        if kept_by_key[key]:
            conflicting.add(key)
        kept_by_key[key].append(i)
        keep.append(i)
    if conflicting:
        rows = sorted(r for k in conflicting for r in rows_by_key[k])
        dataset.warnings.append(
            f"{len(conflicting)} text(s) appear with conflicting labels (rows {_rows_listed(rows)}); "
            "all their rows were left out: decide on one label and fix the file"
        )
        keep = [i for i in keep if item_key(dataset.items[i]) not in conflicting]
    if duplicates:
        dataset.warnings.append(f"dropped {len(duplicates)} duplicate row(s): rows {_rows_listed(duplicates)}")
    dataset.items = [dataset.items[i] for i in keep]
    dataset.row_numbers = [dataset.row_numbers[i] for i in keep]
    dataset.labels = {c: [dataset.labels[c][i] for i in keep] for c in columns}
    dataset.sources = [dataset.sources[i] for i in keep]


def combine_datasets(*datasets: LabeledDataset) -> LabeledDataset:
    """Join datasets (the authored file first, then corpora) into one, earlier datasets taking precedence.

    The label columns are the union, in order of first appearance; a dataset
    without one of them leaves it blank, which only rows from a source other
    than ``authored`` may do. A row whose text already appears in an earlier
    dataset is left out (with a warning), so one text never sits on both
    sides of a leave-source-out split.
    """
    if not datasets:
        raise DatasetError("combine_datasets needs at least one dataset")
    columns = list(dict.fromkeys(c for d in datasets for c in d.label_columns))
    combined = LabeledDataset(
        items=[],
        labels={c: [] for c in columns},
        row_numbers=[],
        sha256=hashlib.sha256("\n".join(d.sha256 for d in datasets).encode()).hexdigest(),
        source=" + ".join(d.source for d in datasets),
        warnings=[w for d in datasets for w in d.warnings],
        sources=[],
        evaluation_only=frozenset().union(*(d.evaluation_only for d in datasets)),
    )
    seen: set[str] = set()
    for dataset in datasets:
        missing = [c for c in columns if c not in dataset.labels]
        authored = [r for r, s in zip(dataset.row_numbers, dataset.sources, strict=True) if s == AUTHORED]
        if missing and authored:
            raise DatasetError(
                f"{dataset.source} has no {missing} column, but its rows {_rows_listed(authored)} are authored "
                f"rows, which need every label; add the column or give those rows a 'source'"
            )
        repeated: Counter[str] = Counter()
        for i, item in enumerate(dataset.items):
            key = item_key(item)
            if key in seen:
                repeated[dataset.sources[i]] += 1
                continue
            seen.add(key)
            combined.items.append(item)
            combined.row_numbers.append(dataset.row_numbers[i])
            combined.sources.append(dataset.sources[i])
            for column in columns:
                combined.labels[column].append(dataset.labels[column][i] if column in dataset.labels else "")
        if repeated:
            counts = ", ".join(f"{name} ({n})" for name, n in sorted(repeated.items()))
            combined.warnings.append(
                f"left out {sum(repeated.values())} row(s) of {dataset.source} whose text is already in an "
                f"earlier file: {counts}"
            )
    _check_label_counts(combined)
    return combined


def _check_label_counts(dataset: LabeledDataset) -> None:
    problems = []
    for column, values in dataset.labels.items():
        counts = Counter(v for v in values if v)
        if not counts:
            problems.append(f"no row has a {column!r} label")
            continue
        if len(counts) < 2:
            problems.append(f"{column!r} has only one label ({next(iter(counts))!r}); a head needs at least two")
            continue
        rare = {label: n for label, n in sorted(counts.items()) if n < MIN_EXAMPLES_PER_LABEL}
        if rare:
            listed = ", ".join(f"{label!r} ({n})" for label, n in rare.items())
            problems.append(
                f"{column!r} labels with fewer than {MIN_EXAMPLES_PER_LABEL} examples cannot be split for "
                f"training and testing: {listed}; add examples, merge them into another label, or remove those rows"
            )
    if problems:
        raise DatasetError(f"{dataset.source}: " + "; ".join(problems))
