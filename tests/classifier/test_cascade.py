"""The confidence cascade: confident items stay with the fast stage, unsure ones go on, and results say who decided."""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifier import ModelLoadError, load_model, parse_item
from classifier.artifacts import MANIFEST, set_active_version, sha256_file, write_manifest_version
from classifier.cascade import CascadeModel
from classifier.model import PromptPrismModel

TEXTS = [
    "my python script raises KeyError when I read the config dict",
    "translate good night into french",
    "write a haiku about rain on a tin roof",
    "what is 12 times 13",
    "is it safe to run every day with knee pain",
    "hola, ¿qué tal?",
    "asdf qwer zxcv",
    "tell me something",
    "how do I invest in index funds at 30",
    "explain the borrow checker in rust",
]


@pytest.fixture(scope="module")
def stages_dir(small_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small static model plus a second version trained with another C, as the two stages."""
    from tests.conftest import SMALL_CSV
    from training.train import TrainOptions, train_model

    directory = tmp_path_factory.mktemp("cascade-models")
    shutil.copytree(small_model_dir, directory, dirs_exist_ok=True)
    train_model(
        SMALL_CSV,
        directory,
        TrainOptions(
            backend="static",
            test_size=0.34,
            c=0.05,
            version="small-static-b",
            activate=False,
            cache_dir=tmp_path_factory.mktemp("cache"),
        ),
    )
    return directory


def write_cascade(directory: Path, version: str, threshold: float, fast="small-static", accurate="small-static-b"):
    """A cascade version over two stages of ``directory``, written as training.cascade writes one."""
    accurate_manifest = json.loads((directory / accurate / MANIFEST).read_text())
    manifest = {
        "format_version": 1,
        "kind": "cascade",
        "version": version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "embedder": {"backend": "cascade", "name": "static → static", "dimension": None},
        "cascade": {
            "fast": {"version": fast, "manifest_sha256": sha256_file(directory / fast / MANIFEST)},
            "accurate": {"version": accurate, "manifest_sha256": sha256_file(directory / accurate / MANIFEST)},
            "dimension": "category",
            "threshold": threshold,
        },
        "primary_dimension": "category",
        "heads": {d: {"labels": h["labels"]} for d, h in accurate_manifest["heads"].items()},
        "training_data": {"rows": 0},
        "params": {},
        "metrics": {},
    }
    return write_manifest_version(directory, manifest, "# test cascade\n")


def fast_probabilities(directory: Path) -> list[float]:
    fast = load_model("small-static", directory)
    return [r.labels["category"].probability for r in fast.classify_many(TEXTS)]


def test_items_above_the_threshold_never_reach_stage_two_and_items_below_do(stages_dir: Path):
    top = sorted(fast_probabilities(stages_dir))
    threshold = (top[4] + top[5]) / 2  # half the items on each side
    assert top[4] < threshold < top[5]
    write_cascade(stages_dir, "cascade-half", threshold)
    model = load_model("cascade-half", stages_dir)
    assert isinstance(model, CascadeModel)

    seen: list[str] = []
    original = model.accurate.classify_items

    def spy(items, batch_size=32):
        seen.extend(item.text for item in items)
        return original(items, batch_size=batch_size)

    model.accurate.classify_items = spy
    results = model.classify_many(TEXTS)
    reached = list(seen)
    fast_results = model.fast.classify_many(TEXTS)
    accurate_results = original([parse_item(t) for t in TEXTS])

    routed = [t for t, f in zip(TEXTS, fast_results, strict=True) if f.labels["category"].probability < threshold]
    assert len(routed) == 5
    assert reached == routed  # only the unsure items, each once, in order
    for text, result, fast, accurate in zip(TEXTS, results, fast_results, accurate_results, strict=True):
        assert result.model_version == "cascade-half"
        if fast.labels["category"].probability >= threshold:
            assert result.decided_by == "small-static"
            assert result.labels == fast.labels
        else:
            assert result.decided_by == "small-static-b", text
            assert result.labels == accurate.labels
    assert model.routed_share == pytest.approx(0.5)


@pytest.mark.parametrize(("threshold", "decider"), [(0.0, "small-static"), (1.01, "small-static-b")])
def test_threshold_zero_routes_nothing_and_above_one_routes_everything(stages_dir: Path, threshold, decider):
    version = f"cascade-{'none' if threshold == 0 else 'all'}"
    write_cascade(stages_dir, version, threshold)
    model = load_model(version, stages_dir)
    calls = []
    original = model.accurate.classify_items
    model.accurate.classify_items = lambda items, batch_size=32: calls.append(len(items)) or original(items)
    assert {r.decided_by for r in model.classify_many(TEXTS)} == {decider}
    assert calls == ([] if threshold == 0 else [len(TEXTS)])


def test_backend_cascade_picks_the_activated_cascade_else_the_shipped_one(stages_dir: Path, tmp_path: Path):
    directory = tmp_path / "models"
    shutil.copytree(stages_dir, directory)
    for name in [p.name for p in directory.iterdir() if p.name.startswith("cascade-")]:
        shutil.rmtree(directory / name)
    write_cascade(directory, "cascade-newest", 0.4)
    # Not the newest folder (issue 11): a cascade nobody activated leaves the shipped one in charge.
    assert load_model(models_dir=directory, backend="cascade").version.startswith("default-cascade-")
    set_active_version(directory, "cascade-newest")
    model = load_model(models_dir=directory, backend="cascade")
    assert model.version == "cascade-newest"
    assert model.embedder.backend == "cascade"
    assert isinstance(load_model(models_dir=directory, backend="static"), PromptPrismModel)
    model.warm_up()
    [result] = model.classify_items([parse_item("what is 2 + 2")])
    assert result.decided_by in {"small-static", "small-static-b"}


def test_a_stage_changed_since_the_build_is_refused(stages_dir: Path, tmp_path: Path):
    directory = tmp_path / "models"
    shutil.copytree(stages_dir, directory)
    write_cascade(directory, "cascade-pinned", 0.4)
    manifest_path = directory / "small-static-b" / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["created_at"] = "2030-01-01T00:00:00+00:00"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match="rebuild the cascade"):
        load_model("cascade-pinned", directory)
    shutil.rmtree(directory / "small-static")
    with pytest.raises(ModelLoadError, match="not in"):
        load_model("cascade-pinned", directory)


def test_classify_backend_cascade_on_the_command_line(stages_dir: Path, tmp_path: Path):
    import os
    import subprocess
    import sys

    directory = tmp_path / "models"
    shutil.copytree(stages_dir, directory)
    for name in [p.name for p in directory.iterdir() if p.name.startswith("cascade-")]:
        shutil.rmtree(directory / name)
    write_cascade(directory, "cascade-cli", 0.0)
    set_active_version(directory, "cascade-cli")  # --backend picks the activated cascade, not the newest folder
    env = {**os.environ, "PROMPTPRISM_MODELS_DIR": str(directory)}
    done = subprocess.run(
        [sys.executable, "-m", "promptprism.cli", "classify", "--backend", "cascade", "what is 12 times 13"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["model_version"] == "cascade-cli" and result["decided_by"] == "small-static"
