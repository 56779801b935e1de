"""Read logged LLM calls of every accepted shape into one row type.

A report source is a JSONL file (optionally gzipped) or the service's event
store (a SQLite file, or any SQLAlchemy URL). A JSONL line may be:

(a) a gateway log line: a timestamp (``timestamp``, ``created``, ``created_at``,
    ``ts``, ``time``, ``startTime`` or ``start_time``; ISO 8601 or unix
    seconds/milliseconds), ``model``, an OpenAI chat ``request`` and its
    ``response``, plus optional ``app`` and ``user``. A request or response
    logged as a raw HTTP exchange (``{"body": {...}}``) or as a JSON string is
    unwrapped;
(b) an OpenAI Batch API output line (``custom_id`` and ``response.body``);
    its request is taken from the Batch API input line with the same
    ``custom_id`` when that file is given too;
(c) a flat variant: ``messages`` (and ``tools``) at the top level, with the
    answer as ``response``, ``completion`` or ``output`` (a chat completion
    object or a plain string) or top-level ``choices``/``usage``; or a
    ``prompt``/``completion`` or ``text`` line;
(d) a line written by ``promptprism classify --output``: already classified,
    so its labels and signals are reused.

docs/report.md shows each shape. A line that cannot be used becomes a
:class:`Problem` naming its file and line; it never stops the report.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from classifier.errors import InputError, LogReadError
from classifier.requests import Item, parse_item
from classifier.taxonomy import abstain_label
from classifier.views import request_parts
from traffic.timeutil import iso

if TYPE_CHECKING:
    from classifier import PromptPrismModel

TIMESTAMP_FIELDS = ("timestamp", "created", "created_at", "ts", "time", "startTime", "start_time")
APP_FIELDS = ("app", "app_name", "application")
RESPONSE_FIELDS = ("response", "completion", "output")
SIGNAL_FIELDS = (
    "tools_offered",
    "tool_call",
    "turns",
    "prompt_tokens",
    "completion_tokens",
    "reasoning_tokens",
    "has_code",
    "language",
)
ROW_FIELDS = ("ts", "model", "app", "category", "reasoning_heavy", *SIGNAL_FIELDS)
SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"


class Unreadable(Exception):
    """One record cannot be used; the message says why."""


@dataclass(frozen=True)
class Source:
    """One report input: a JSONL file or an event store."""

    name: str
    kind: Literal["jsonl", "store"]
    location: str
    gzipped: bool = False


@dataclass
class LogRecord:
    """One logged call: when, which model and app, and either a request to classify or its labels and signals."""

    where: str
    ts: datetime
    model: str | None
    app: str | None
    item: Item | None = None
    labels: dict[str, str] | None = None
    signals: dict[str, Any] | None = None


@dataclass
class Problem:
    """A record that was skipped, and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class LoadResult:
    """Report rows (one dict per call, keys :data:`ROW_FIELDS`) and what could not be read."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    classified: int = 0
    reused: int = 0
    notes: list[str] = field(default_factory=list)

    def problem_summary(self, limit: int = 10) -> str:
        """One line per skipped record, the first ``limit`` of them, then a count of the rest."""
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more")
        return "\n".join(lines)


def resolve_sources(arguments: Sequence[str]) -> list[Source]:
    """Check every argument and say what kind of source it is; :class:`LogReadError` on the first bad one."""
    sources = []
    for argument in arguments:
        if "://" in argument:
            _check_store_url(argument)
            sources.append(Source(argument, "store", argument))
            continue
        path = Path(argument)
        if not path.exists():
            raise LogReadError(f"no such file: {argument}")
        if path.is_dir():
            raise LogReadError(f"{argument} is a directory; give the log files in it (e.g. {argument}/*.jsonl)")
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise LogReadError(f"cannot read {argument}: {exc.strerror or exc}") from None
        if head == SQLITE_MAGIC:
            sources.append(Source(argument, "store", f"sqlite:///{path.resolve()}"))
        else:
            sources.append(Source(argument, "jsonl", str(path), gzipped=head.startswith(GZIP_MAGIC)))
    return sources


def _check_store_url(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LogReadError(f"{url} is not a SQLAlchemy URL (e.g. sqlite:///promptprism.db)") from None
    # SQLite creates a missing file on connect; a typo must not leave an empty database behind.
    database = parsed.database
    if (
        parsed.drivername.startswith("sqlite")
        and database not in (None, "", ":memory:")
        and not Path(database).is_file()
    ):
        raise LogReadError(f"no such file: {parsed.database} (from {url})")


def parse_timestamp(value: Any, field_name: str = "timestamp") -> datetime:
    """An aware UTC datetime from ISO 8601 (naive means UTC) or unix seconds, milliseconds or microseconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise Unreadable(f"{field_name} must be an ISO 8601 string or unix seconds, got {type(value).__name__}")
    if isinstance(value, str):
        text = value.strip()
        try:
            return _from_epoch(float(text), field_name)
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise Unreadable(f"{field_name} {value!r} is neither ISO 8601 nor unix seconds") from None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return _from_epoch(float(value), field_name)


def _from_epoch(seconds: float, field_name: str) -> datetime:
    # Loggers write seconds, milliseconds or microseconds; no real call happened after the year 5000.
    for scale in (1e9, 1e6, 1e3):
        if abs(seconds) >= scale * 1e8:
            seconds /= scale
            break
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise Unreadable(f"{field_name} {seconds!r} is not a usable unix time") from None


def _first_text(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _request_of(line: dict[str, Any]) -> dict[str, Any] | None:
    request = _maybe_json(line.get("request"))
    if isinstance(request, dict):
        if "messages" not in request and isinstance(request.get("body"), dict):
            request = _maybe_json(request["body"])
        return request if isinstance(request, dict) else None
    if "messages" in line:
        flat = {"messages": line["messages"]}
        if line.get("tools"):
            flat["tools"] = line["tools"]
        return flat
    return None


def _usage_of(line: dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(line.get("usage"), dict):
        return dict(line["usage"])
    # LiteLLM's standard logging payload keeps the counts at the top level.
    flat = {k: line[k] for k in ("prompt_tokens", "completion_tokens", "total_tokens") if isinstance(line.get(k), int)}
    return flat or None


def _response_of(line: dict[str, Any]) -> dict[str, Any] | None:
    value = next((_maybe_json(line[k]) for k in RESPONSE_FIELDS if line.get(k) is not None), None)
    if isinstance(value, dict) and "choices" not in value and isinstance(value.get("body"), dict):
        value = _maybe_json(value["body"])
    if isinstance(value, str):
        value = {"choices": [{"message": {"role": "assistant", "content": value}, "finish_reason": "stop"}]}
    if value is None and isinstance(line.get("choices"), list):
        value = {"choices": line["choices"]}
    if value is not None and not isinstance(value, dict):
        raise Unreadable(f"response must be a chat completion object or a string, got {type(value).__name__}")
    usage = _usage_of(line)
    if usage is not None and (value is None or "usage" not in value):
        value = {**(value or {}), "usage": usage}
    return value


def _parse(data: dict[str, Any]) -> Item:
    try:
        item = parse_item(data)
    except InputError as exc:
        raise Unreadable(f"{exc.field}: {exc.message}" if exc.field else exc.message) from None
    parts = request_parts(item)
    if not any(text.strip() for text in (parts.user, parts.system, parts.context, parts.completion)):
        raise Unreadable("no text to classify in the request or its response")
    return item


def _timestamp(line: dict[str, Any], response: dict[str, Any] | None = None) -> datetime:
    for key in TIMESTAMP_FIELDS:
        if line.get(key) not in (None, ""):
            return parse_timestamp(line[key], key)
    if isinstance(response, dict) and response.get("created") not in (None, ""):
        return parse_timestamp(response["created"], "response.created")
    raise Unreadable(f"no timestamp: add one of {', '.join(TIMESTAMP_FIELDS)} (ISO 8601 or unix seconds)")


def _app(line: dict[str, Any]) -> str | None:
    metadata = line.get("metadata")
    nested = metadata.get("app") if isinstance(metadata, dict) else None
    return _first_text(*(line.get(k) for k in APP_FIELDS), nested)


def record_metadata(line: Any) -> dict[str, Any]:
    """``timestamp`` (ISO 8601, UTC), ``model`` and ``app`` of a log line, where it has them.

    ``promptprism classify --input`` copies these into its output lines so that a
    classified file can be reported on without classifying it again. A timestamp
    that cannot be parsed is passed on as given, for the report to flag.
    """
    if not isinstance(line, dict):
        return {}
    meta: dict[str, Any] = {}
    raw_ts = next((line[k] for k in TIMESTAMP_FIELDS if line.get(k) not in (None, "")), None)
    if raw_ts is not None:
        try:
            meta["timestamp"] = iso(parse_timestamp(raw_ts))
        except Unreadable:
            meta["timestamp"] = raw_ts
    try:
        request, response = _request_of(line), _response_of(line)
    except Unreadable:
        request, response = None, None
    model = _first_text(line.get("model"), (response or {}).get("model"), (request or {}).get("model"))
    if model:
        meta["model"] = model
    app = _app(line)
    if app:
        meta["app"] = app
    return meta


def parse_log_line(line: Any, where: str) -> LogRecord:
    """One JSONL line of shape (a), (c) or (d) as a :class:`LogRecord`; :class:`Unreadable` says why not."""
    if not isinstance(line, dict):
        raise Unreadable(f"not a JSON object (got {type(line).__name__})")
    if "labels" in line and "signals" in line:
        return _classified_record(line, where)
    if "error" in line and "index" in line:
        error = line["error"] if isinstance(line["error"], dict) else {}
        raise Unreadable(f"an error entry written by promptprism classify ({error.get('message', 'no message')})")
    request = _request_of(line)
    response = _response_of(line)
    if request is not None:
        item = _parse({"request": request, **({"response": response} if response is not None else {})})
    elif isinstance(line.get("prompt"), str):
        completion = line.get("completion") if isinstance(line.get("completion"), str) else None
        item = _parse({"prompt": line["prompt"], "completion": completion})
    elif isinstance(line.get("text"), str):
        item = _parse({"text": line["text"]})
    else:
        raise Unreadable("no request: expected 'request' (an OpenAI chat request), 'messages', 'prompt' or 'text'")
    model = _first_text(line.get("model"), (response or {}).get("model"), request.get("model") if request else None)
    return LogRecord(where, _timestamp(line, response), model, _app(line), item=item)


def _classified_record(line: dict[str, Any], where: str) -> LogRecord:
    labels_in, signals = line["labels"], line["signals"]
    if not isinstance(labels_in, dict) or not isinstance(signals, dict):
        raise Unreadable("labels and signals must be JSON objects (as promptprism classify writes them)")
    labels = {}
    for dimension, value in labels_in.items():
        label = value.get("label") if isinstance(value, dict) else value
        if isinstance(label, str):
            labels[dimension] = label
    try:
        ts = _timestamp(line)
    except Unreadable:
        raise Unreadable(
            "no timestamp: promptprism classify passes one through only when the input line had one"
        ) from None
    return LogRecord(where, ts, _first_text(line.get("model")), _app(line), labels=labels, signals=signals)


def _batch_record(line: dict[str, Any], batch_input: dict[str, Any] | None, where: str) -> LogRecord:
    custom_id = line.get("custom_id")
    response = line.get("response")
    if line.get("error") or not isinstance(response, dict):
        error = line.get("error")
        message = error.get("message", "no response") if isinstance(error, dict) else "no response"
        raise Unreadable(f"batch request {custom_id!r} failed ({message})")
    status = response.get("status_code")
    if status is not None and status != 200:
        raise Unreadable(f"batch request {custom_id!r} failed with status {status}")
    body = _maybe_json(response.get("body"))
    if not isinstance(body, dict):
        raise Unreadable(f"batch output {custom_id!r} has no response.body")
    request = batch_input.get("body") if batch_input else None
    if not isinstance(request, dict):
        # Only the answer is known: classify on its text (docs/report.md suggests passing the input file too).
        choices = body.get("choices") or [{}]
        message = choices[0].get("message") if isinstance(choices[0], dict) else None
        text = message.get("content") if isinstance(message, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise Unreadable(
                f"batch output {custom_id!r} has no text and its request is unknown; pass the Batch API input file too"
            )
        request = {"messages": [{"role": "assistant", "content": text}]}
    item = _parse({"request": request, "response": body})
    if body.get("created") in (None, ""):
        raise Unreadable(f"batch output {custom_id!r} has no response.body.created timestamp")
    ts = parse_timestamp(body["created"], "response.body.created")
    return LogRecord(where, ts, _first_text(body.get("model"), request.get("model")), None, item=item)


def _is_batch_input(line: Any) -> bool:
    return isinstance(line, dict) and "custom_id" in line and "body" in line and "response" not in line


def _is_batch_output(line: Any) -> bool:
    return isinstance(line, dict) and "custom_id" in line and ("response" in line or "error" in line)


def _jsonl_lines(source: Source) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON)`` for each non-blank line; an undecodable line gives an :class:`Unreadable`."""
    opener: Callable[..., Any] = gzip.open if source.gzipped else open
    try:
        with opener(source.location, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield number, Unreadable("not UTF-8 text")
                    continue
                try:
                    yield number, json.loads(text.lstrip("\ufeff") if number == 1 else text)
                except json.JSONDecodeError as exc:
                    yield number, Unreadable(f"not valid JSON ({exc.msg} at column {exc.colno})")
    except (OSError, EOFError) as exc:  # gzip raises BadGzipFile (an OSError) or EOFError on a cut file
        raise LogReadError(f"cannot read {source.name}: {exc}") from None


class LogReader:
    """Iterate over every call in the sources, in order, as :class:`LogRecord` or :class:`Problem`.

    Batch API output lines are held back until every file is read, so that their
    input lines can come from any file in any order. The iteration also yields
    ``None`` for a line that holds no call of its own (a Batch API input line),
    so that a caller counting lines sees each line once.
    """

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = list(sources)
        self.unmatched_batch_inputs = 0

    def __iter__(self) -> Iterator[LogRecord | Problem | None]:
        batch_inputs: dict[str, dict[str, Any]] = {}
        batch_outputs: list[tuple[str, dict[str, Any]]] = []
        for source in self.sources:
            if source.kind == "store":
                yield from _store_records(source)
                continue
            for number, line in _jsonl_lines(source):
                where = f"{source.name}:{number}"
                if isinstance(line, Unreadable):
                    yield Problem(where, str(line))
                elif _is_batch_input(line):
                    batch_inputs[str(line["custom_id"])] = line
                    yield None
                elif _is_batch_output(line):
                    batch_outputs.append((where, line))
                else:
                    try:
                        yield parse_log_line(line, where)
                    except Unreadable as exc:
                        yield Problem(where, str(exc))
        matched = set()
        for where, line in batch_outputs:
            custom_id = str(line["custom_id"])
            matched.add(custom_id)
            try:
                yield _batch_record(line, batch_inputs.get(custom_id), where)
            except Unreadable as exc:
                yield Problem(where, str(exc))
        self.unmatched_batch_inputs = len(set(batch_inputs) - matched)


def _store_records(source: Source) -> Iterator[LogRecord]:
    from sqlalchemy.exc import SQLAlchemyError

    from traffic.store import EventStore

    store = EventStore(source.location)
    try:
        rows = store.event_rows()
    except SQLAlchemyError as exc:
        original = getattr(exc, "orig", None)  # the driver's own message, without SQLAlchemy's SQL dump
        reason = str(original if original is not None else exc).splitlines()[0]
        raise LogReadError(f"cannot read {source.name} as a PromptPrism event store: {reason}") from None
    finally:
        store.dispose()
    yield from records_from_store_rows(rows, source.name)


def records_from_store_rows(rows: Sequence[dict[str, Any]], name: str = "store") -> Iterator[LogRecord]:
    """Event-store rows (:meth:`traffic.store.EventStore.event_rows`) as already-classified records."""
    for row in rows:
        ts = row["ts"]
        # SQLite returns naive datetimes; the store writes UTC.
        ts = ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)
        labels = {key[len("label_") :]: value for key, value in row.items() if key.startswith("label_")}
        signals = {field_name: row.get(field_name) for field_name in SIGNAL_FIELDS}
        yield LogRecord(f"{name}#{row['id']}", ts, row.get("model"), row.get("app"), labels=labels, signals=signals)


def count_lines(sources: Sequence[Source]) -> int:
    """Non-blank JSONL lines plus store events: the total of the progress bar."""
    total = 0
    for source in sources:
        if source.kind == "store":
            from traffic.store import EventStore

            store = EventStore(source.location)
            try:
                total += store.count()
            except Exception:  # reading it properly reports the problem
                pass
            finally:
                store.dispose()
            continue
        opener: Callable[..., Any] = gzip.open if source.gzipped else open
        try:
            with opener(source.location, "rb") as handle:
                total += sum(1 for raw in handle if raw.strip())
        except (OSError, EOFError):
            pass
    return total


def to_row(record: LogRecord, labels: dict[str, str], signals: dict[str, Any]) -> dict[str, Any]:
    """The flat report row of one call."""
    return {
        "ts": record.ts,
        "model": record.model or "unknown",
        "app": record.app or "unknown",
        "category": labels.get("category") or abstain_label("category"),
        "reasoning_heavy": labels.get("reasoning_heavy"),
        "tools_offered": bool(signals.get("tools_offered")),
        "tool_call": bool(signals.get("tool_call")),
        "turns": int(signals.get("turns") or 0),
        "prompt_tokens": int(signals.get("prompt_tokens") or 0),
        "completion_tokens": int(signals.get("completion_tokens") or 0),
        "reasoning_tokens": int(signals.get("reasoning_tokens") or 0),
        "has_code": bool(signals.get("has_code")),
        "language": str(signals.get("language") or "und"),
    }


def load_rows(
    sources: Sequence[Source],
    model_loader: Callable[[], PromptPrismModel],
    batch_size: int = 64,
    progress: Callable[[int], Any] | None = None,
) -> LoadResult:
    """Read every source into report rows, classifying unclassified calls in batches.

    The model is loaded (``model_loader()``) only when a call needs classifying.
    Each batch is classified in one embedding pass (``model.classify_items``).
    ``progress(n)`` is called as lines are done.
    """
    advance = progress or (lambda _n: None)
    result = LoadResult()
    pending: list[LogRecord] = []
    model: PromptPrismModel | None = None

    def classify_pending() -> None:
        nonlocal model
        if not pending:
            return
        if model is None:
            model = model_loader()
        items = [record.item for record in pending if record.item is not None]
        answers = model.classify_items(items, batch_size=batch_size)
        for record, answer in zip(pending, answers, strict=True):
            labels = {dimension: label.label for dimension, label in answer.labels.items()}
            result.rows.append(to_row(record, labels, answer.signals.model_dump()))
        result.classified += len(pending)
        advance(len(pending))
        pending.clear()

    reader = LogReader(sources)
    for entry in reader:
        if entry is None:
            advance(1)
        elif isinstance(entry, Problem):
            result.problems.append(entry)
            advance(1)
        elif entry.item is None:
            result.rows.append(to_row(entry, entry.labels or {}, entry.signals or {}))
            result.reused += 1
            advance(1)
        else:
            pending.append(entry)
            if len(pending) >= batch_size:
                classify_pending()
    classify_pending()
    if reader.unmatched_batch_inputs:
        result.notes.append(
            f"{reader.unmatched_batch_inputs} Batch API input line(s) had no output line and were left out"
        )
    return result
