"""The confidence cascade against its two stages: in-process throughput on real prompts, and macro-F1.

::

    python -m bench.cascade --models-dir models --cascade cascade-2026.12.06

On a seeded sample of real prompts from the corpus (``training/data/corpus/corpus.csv``), with every
embedding cache off: the raw ``encode`` throughput of each stage's embedder, and ``classify_items``
throughput (batch size 32) of the fast stage alone, the accurate stage alone and the cascade, measured
in the same run. Macro-F1 and the share of items routed to the second stage are the leave-source-out
figures recorded in the cascade's manifest (``python -m training.cascade build``); the share routed on
this sample is shown beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from bench.suite import ROOT, cache_off, machine_facts

DEFAULT_CORPUS = ROOT / "training" / "data" / "corpus" / "corpus.csv"


def corpus_sample(path: Path, n: int, seed: int = 0) -> list[Any]:
    """``n`` typed items drawn from the corpus with a fixed seed (every source in its proportion)."""
    from training.dataset import read_labeled_csv

    dataset = read_labeled_csv(path, ["category"], check_label_counts=False)
    rows = random.Random(seed).sample(range(len(dataset.items)), min(n, len(dataset.items)))
    return [dataset.items[i] for i in rows]


def timed(function: Any, *args: Any) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def measure(models_dir: Path, cascade_version: str, items: list[Any], repeats: int = 2) -> dict[str, Any]:
    """Raw embedders and classify throughput of the two stages and the cascade, on ``items``; best of ``repeats``."""
    from classifier import load_model
    from classifier.cascade import CascadeModel

    cascade = load_model(cascade_version, models_dir)
    if not isinstance(cascade, CascadeModel):
        raise SystemExit(f"{cascade_version} is not a cascade")
    stages = {"fast": cascade.fast, "accurate": cascade.accurate}
    for stage in stages.values():
        cache_off(stage.embedder)
    warm = items[:64]
    cascade.classify_items(warm)
    for stage in stages.values():
        stage.classify_items(warm)
    figures: dict[str, Any] = {"items": len(items), "models": {}}
    for role, stage in stages.items():
        texts = [stage.text_for(i) for i in items]
        stage.embedder.inner.encode(texts[:256], batch_size=32)
        raw = min(timed(stage.embedder.inner.encode, texts, 32) for _ in range(repeats))
        run = min(timed(stage.classify_items, items, 32) for _ in range(repeats))
        figures["models"][role] = {
            "version": stage.version,
            "backend": stage.embedder.backend,
            "raw_per_s": len(items) / raw,
            "classify_per_s": len(items) / run,
        }
    cascade.decided = dict.fromkeys(cascade.decided, 0)
    run = min(timed(cascade.classify_items, items, 32) for _ in range(repeats))
    figures["models"]["cascade"] = {
        "version": cascade.version,
        "backend": "cascade",
        "classify_per_s": len(items) / run,
        "sample_routed_share": cascade.routed_share,
    }
    lso = cascade.manifest["metrics"]["leave_source_out"]
    figures["lso"] = {k: lso[k] for k in ("rows", "threshold", "routed_share", "macro_f1", "held_out_sources")}
    figures["threshold"] = cascade.threshold
    figures["speedup_vs_accurate"] = (
        figures["models"]["cascade"]["classify_per_s"] / (figures["models"]["accurate"]["classify_per_s"])
    )
    for stage in stages.values():
        assert stage.embedder.hits == 0, "the embedding cache served a throughput run"
    return figures


def markdown(results: dict[str, Any]) -> str:
    """The side-by-side table."""
    m, f = results["machine"], results["figures"]
    lso, models = f["lso"], f["models"]
    accurate = models["accurate"]["classify_per_s"]
    rows = [
        ("fast", f"{models['fast']['version']} alone", lso["macro_f1"]["fast"], "0", "0"),
        ("accurate", f"{models['accurate']['version']} alone", lso["macro_f1"]["accurate"], "1", "1"),
        (
            "cascade",
            f"{models['cascade']['version']} (threshold {f['threshold']:.4f})",
            lso["macro_f1"]["cascade"],
            f"{lso['routed_share']:.3f}",
            f"{models['cascade']['sample_routed_share']:.3f}",
        ),
    ]
    lines = [
        f"- CPU: {m['cpu_model']}, {m['cores']} cores; load average at start / end {m['load_average_at_start']} / "
        f"{m.get('load_average_at_end')}; commit {m['commit']}; {m['date']}",
        f"- Command: `{results['command']}` ({results['seconds']:.0f} s); {f['items']:,} real prompts sampled from "
        "the corpus; embedding caches off; best of two runs.",
        f"- Leave-source-out: {lso['rows']:,} held-out rows of {len(lso['held_out_sources'])} real sources.",
        "",
        "| model | backend | raw embedder texts/s | classify items/s | × accurate alone | LSO macro-F1 "
        "| share to stage 2 (LSO) | share to stage 2 (sample) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for role, name, f1, lso_share, sample_share in rows:
        figures = models[role]
        raw = f"{figures['raw_per_s']:,.0f}" if "raw_per_s" in figures else "—"
        lines.append(
            f"| {name} | {figures['backend']} | {raw} | {figures['classify_per_s']:,.0f} | "
            f"{figures['classify_per_s'] / accurate:.2f} | {f1:.4f} | {lso_share} | {sample_share} |"
        )
    met = f["speedup_vs_accurate"] >= 3
    lines += [
        "",
        f"Target: cascade ≥ 3 × the accurate model in-process: **{f['speedup_vs_accurate']:.2f} ×** "
        f"({'met' if met else 'not met'}); macro-F1 within 0.01 of the accurate model: "
        f"{lso['macro_f1']['cascade'] - lso['macro_f1']['accurate']:+.4f} "
        f"({'met' if lso['macro_f1']['cascade'] >= lso['macro_f1']['accurate'] - 0.01 else 'not met'}).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m bench.cascade", description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=ROOT / "models")
    parser.add_argument("--cascade", help="cascade version (default: the active or newest cascade)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from classifier.model import resolve_version

    started = time.perf_counter()
    version = args.cascade or resolve_version(args.models_dir, None, "cascade")
    results: dict[str, Any] = {
        "command": "python -m bench.cascade " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": machine_facts(),
    }
    print(f"[bench.cascade] {version} on {args.items} corpus prompts", file=sys.stderr, flush=True)
    results["figures"] = measure(args.models_dir, version, corpus_sample(args.corpus, args.items))
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cascade.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(results)
    (args.out / "cascade.md").write_text("# Confidence cascade\n\n" + text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
