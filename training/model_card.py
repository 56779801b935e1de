"""The model card (README.md) written into every model version, from its manifest."""

from __future__ import annotations

from typing import Any


def _metrics_section(title: str, metrics: dict[str, dict[str, Any]]) -> list[str]:
    if not metrics:
        return []
    lines = [f"### {title}", ""]
    lines += ["| dimension | rows | macro-F1 | accuracy | balanced accuracy | ECE |", "|---|---|---|---|---|---|"]
    for dimension, m in metrics.items():
        lines.append(
            f"| {dimension} | {m['rows']} | {m['macro_f1']:.3f} | {m['accuracy']:.3f} | "
            f"{m['balanced_accuracy']:.3f} | {m['ece']:.3f} |"
        )
    lines.append("")
    for dimension, m in metrics.items():
        lines += [f"<details><summary>{dimension}: per label</summary>", ""]
        lines += ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label, row in m["per_class"].items():
            lines.append(
                f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |"
            )
        lines += ["", "</details>", ""]
    return lines


def _leave_source_out_section(report: dict[str, Any]) -> list[str]:
    """The headline figures: accuracy on real prompts from sources held out of training, one at a time."""
    if not report.get("dimensions"):
        return []
    lines = [
        "## Leave-source-out accuracy (headline)",
        "",
        f"Each of {len(report['held_out_sources'])} real-prompt sources was held out in turn; the heads were "
        "trained on the authored rows plus every other source and scored on the held-out one.",
        "",
    ]
    if report.get("evaluation_only_sources"):
        lines += [
            f"{len(report['evaluation_only_sources'])} of them are evaluation-only: held out and scored like the "
            "others, never trained on, because training on them lowered the accuracy on the other sources "
            f"(a negative `lso_delta`): {', '.join(f'`{s}`' for s in report['evaluation_only_sources'])}.",
            "",
        ]
    for dimension, metrics in report["dimensions"].items():
        multi = metrics["multi_turn"]
        lines += [
            f"**{dimension}**: macro-F1 **{metrics['macro_f1']}**, accuracy {metrics['accuracy']} over "
            f"{metrics['rows']} held-out rows; multi-turn conversations: accuracy {multi['accuracy']} "
            f"({multi['rows']} rows).",
            "",
            "| label | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for label, row in metrics["per_class"].items():
            if label in metrics.get("excluded_from_macro_f1", []):
                continue
            lines.append(f"| {label} | {row['precision']} | {row['recall']} | {row['f1']} | {row['support']} |")
        lines += ["", "| source | rows | accuracy |", "|---|---|---|"]
        for source, row in metrics["per_source"].items():
            lines.append(f"| {source} | {row['rows']} | {row['accuracy']} |")
        if metrics.get("per_language"):
            lines += ["", "| language of the request | rows | accuracy | macro-F1 |", "|---|---|---|---|"]
            for language, row in metrics["per_language"].items():
                lines.append(f"| {language} | {row['rows']} | {row['accuracy']} | {row['macro_f1']} |")
        lines.append("")
    return lines


def render_model_card(manifest: dict[str, Any]) -> str:
    """Markdown model card: what the model is, what it was trained on, how well it does."""
    embedder = manifest["embedder"]
    data = manifest["training_data"]
    lines = [
        f"# PromptPrism model {manifest['version']}",
        "",
        f"Created {manifest['created_at']} by `promptprism train`. Linear heads (calibrated logistic regression) "
        f"over **{embedder['name']}** embeddings ({embedder['dimension']}-d, `{embedder['backend']}` backend, "
        f"inputs cut to about {embedder['max_tokens']} tokens by head-and-tail truncation; view "
        f"`{manifest.get('view', 'last_turn')}`).",
        "",
        *_leave_source_out_section(manifest["metrics"].get("leave_source_out") or {}),
        "## Heads",
        "",
        "| dimension | kind | labels | abstain threshold |",
        "|---|---|---|---|",
    ]
    for dimension, head in manifest["heads"].items():
        lines.append(
            f"| {dimension} | {head['kind']} | {', '.join(head['labels'])} | "
            f"{head['threshold']} (below it: `{head['abstain_label']}`) |"
        )
    lines += [
        "",
        "## Training data",
        "",
        f"- `{data['file']}`: {data['rows']} rows after de-duplication, sha256 `{data['sha256'][:16]}…`",
    ]
    if data.get("heldout_file"):
        lines.append(
            f"- held-out file `{data['heldout_file']}`: {data['heldout_rows']} rows, never used for fitting or tuning"
        )
    for warning in data.get("warnings", []):
        lines.append(f"- note: {warning}")
    metrics = manifest["metrics"]
    lines += ["", "## Metrics", ""]
    lines += _metrics_section(
        f"Test split ({manifest['params']['test_size']:.0%} of the training rows, heads fitted on the rest)",
        metrics.get("test_split", {}),
    )
    lines += _metrics_section(
        f"{manifest['params']['cv_folds']}-fold cross-validation on the training rows",
        metrics.get("cross_validation", {}),
    )
    lines += _metrics_section(
        "Held-out file (final heads, fitted on every training row)", metrics.get("heldout_file", {})
    )
    lines += [
        "## Use",
        "",
        "```python",
        "from classifier import load_model",
        f'model = load_model("{manifest["version"]}")',
        'print(model.classify("how do I undo my last git commit?"))',
        "```",
        "",
        "## Limits",
        "",
        "- Labels come from a hand-written dataset; traffic unlike it (new domains, rare languages) gets lower "
        "probabilities, and under the threshold the `category` answer is `other`.",
        "- ECE is the expected calibration error of the top label's probability (10 bins); lower is better.",
        "",
        "## Versions",
        "",
        ", ".join(f"{k} {v}" for k, v in manifest["library_versions"].items()),
        "",
    ]
    return "\n".join(lines)
