"""Loading a model version: three lines to classify, and refusal of anything that does not match."""

import json
import shutil
from pathlib import Path

import joblib
import numpy as np
import pytest

from classifier import ClassificationResult, ModelLoadError, load_model
from classifier.artifacts import MANIFEST, active_version, set_active_version, sha256_file


def test_three_line_entry_point(small_model_dir: Path):
    model = load_model(models_dir=small_model_dir)
    result = model.classify("my python script raises KeyError when I read the config dict")
    assert isinstance(result, ClassificationResult)
    assert result.model_version == "small-static"
    category = result.labels["category"]
    assert category.label == "programming"
    assert category.top[0].label == "programming" and len(category.top) == 3
    assert category.top[0].probability >= category.top[1].probability
    assert set(result.labels) == {"category", "reasoning_heavy"}
    assert result.signals.language == "en"


def test_every_input_shape_classifies(small_model_dir: Path):
    model = load_model(models_dir=small_model_dir)
    results = model.classify_many(
        [
            "translate good night into french",
            {"prompt": "write a haiku about rain", "completion": "soft rain on the roof"},
            {
                "request": {"messages": [{"role": "user", "content": "what is 12 times 13"}]},
                "response": {"choices": [{"message": {"role": "assistant", "content": "156"}}]},
            },
        ]
    )
    assert [r.labels["category"].label for r in results] == ["translation", "creative_writing", "math"]


def test_abstains_below_threshold_but_keeps_scores(models_copy: Path):
    manifest_path = models_copy / "small-static" / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["heads"]["category"]["threshold"] = 0.999
    manifest_path.write_text(json.dumps(manifest))
    result = load_model(models_dir=models_copy).classify("tell me something")
    assert result.labels["category"].label == "other"
    assert result.labels["category"].abstained
    assert result.labels["category"].top[0].label != "other"


def test_tampered_head_is_refused(models_copy: Path):
    head = next((models_copy / "small-static").glob("head-category.joblib"))
    estimator = joblib.load(head)
    joblib.dump(estimator, head, compress=3)  # same estimator, different bytes
    with pytest.raises(ModelLoadError, match="does not match its manifest"):
        load_model(models_dir=models_copy)


def test_missing_head_file_is_refused(models_copy: Path):
    (models_copy / "small-static" / "head-category.joblib").unlink()
    with pytest.raises(ModelLoadError, match="missing"):
        load_model(models_dir=models_copy)


def test_model_of_another_embedder_is_refused(models_copy: Path):
    manifest_path = models_copy / "small-static" / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["embedder"]["fingerprint"] = [0.5] * 8
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match="fingerprint"):
        load_model(models_dir=models_copy)
    manifest["embedder"]["dimension"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match="999-d"):
        load_model(models_dir=models_copy)


def test_unknown_and_unsafe_versions_are_refused(small_model_dir: Path):
    with pytest.raises(ModelLoadError, match="no model version"):
        load_model("nope", models_dir=small_model_dir)
    with pytest.raises(ModelLoadError, match="invalid model version"):
        load_model("../etc", models_dir=small_model_dir)


def test_active_pointer_switches_versions(models_copy: Path):
    shutil.copytree(models_copy / "small-static", models_copy / "second")
    manifest_path = models_copy / "second" / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["version"] = "second"
    manifest_path.write_text(json.dumps(manifest))
    set_active_version(models_copy, "second")
    assert active_version(models_copy) == "second"
    assert load_model(models_dir=models_copy).version == "second"
    assert sha256_file(models_copy / "ACTIVE")  # written, not half-written
    with pytest.raises(ModelLoadError):
        set_active_version(models_copy, "missing")


def test_numpy_heads_give_scikit_learns_probabilities_bit_for_bit(small_model_dir: Path):
    from classifier.heads import NumpyHead
    from tests.support import sample_items

    model = load_model(models_dir=small_model_dir)
    assert all(isinstance(head, NumpyHead) for head in model.heads.values()), "served from the .npz arrays"
    items = sample_items(300)
    embeddings = model.embedder.inner.encode([model.text_for(i) for i in items])
    for dimension, head in model.heads.items():
        estimator = model.estimator(dimension, trusted=True)
        assert type(estimator).__name__ == "CalibratedClassifierCV"
        assert list(head.classes_) == [str(c) for c in estimator.classes_]
        for size in (0, 1, 5, 300):
            chunk = embeddings[:size]
            assert np.array_equal(
                head.predict_proba(chunk), estimator.predict_proba(chunk) if size else np.zeros((0, len(head.classes_)))
            )
    # Results are built without validation: check that they still validate and round-trip.
    for result in model.results_from_embeddings(items[:20], embeddings[:20]):
        assert ClassificationResult.model_validate(result.model_dump()) == result


def test_cache_size_is_applied_to_the_shared_embedder(small_model_dir: Path):
    model = load_model(models_dir=small_model_dir, cache_size=7)
    assert model.embedder.capacity == 7
    load_model(models_dir=small_model_dir, cache_size=10_000)
    assert model.embedder.capacity == 10_000


def test_tampered_arrays_are_refused(models_copy: Path):
    arrays = models_copy / "small-static" / "head-category.npz"
    arrays.write_bytes(arrays.read_bytes() + b"\0")
    with pytest.raises(ModelLoadError, match=r"head-category\.npz does not match its manifest"):
        load_model(models_dir=models_copy)


def test_serving_does_not_import_scikit_learn(small_model_dir: Path):
    import subprocess
    import sys

    code = (
        "import sys; from api.app import create_app; from classifier import load_model; "
        f"m = load_model(models_dir={str(small_model_dir)!r}); m.classify('hello there'); create_app(); "
        "print(sorted(x for x in ('sklearn', 'scipy', 'pandas', 'torch') if x in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


class _Planted:
    """A pickle that, when loaded, writes a marker file: what a hostile model folder would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('pwned')",))


def plant_version(models_dir: Path, name: str, marker: Path, keep_arrays: bool = True) -> Path:
    """Copy the small model to ``name`` with a malicious joblib head whose hash matches its manifest."""
    target = models_dir / name
    shutil.copytree(models_dir / "small-static", target)
    manifest = json.loads((target / MANIFEST).read_text())
    manifest["version"] = name
    for head in manifest["heads"].values():
        joblib.dump(_Planted(marker), target / head["file"])
        head["sha256"] = sha256_file(target / head["file"])
        if not keep_arrays:
            head.pop("arrays")
    (target / MANIFEST).write_text(json.dumps(manifest))
    return target


def test_a_planted_pickle_never_runs_when_loading_classifying_or_activating(models_copy: Path, tmp_path: Path):
    marker = tmp_path / "pwned"
    plant_version(models_copy, "planted", marker)
    model = load_model("planted", models_copy)
    model.classify_many(["write a poem", "fix my python bug", {"prompt": "p", "completion": "c"}])
    model.probe()
    set_active_version(models_copy, "planted")
    load_model(models_dir=models_copy).classify("hello")
    with pytest.raises(ModelLoadError, match="trusted=True"):
        model.estimator("category")
    assert not marker.exists(), "unpickling ran the planted code"


def test_a_head_without_arrays_is_refused_not_unpickled(models_copy: Path, tmp_path: Path):
    marker = tmp_path / "pwned"
    plant_version(models_copy, "no-arrays", marker, keep_arrays=False)
    with pytest.raises(ModelLoadError, match="no pickle-free arrays"):
        load_model("no-arrays", models_copy)
    assert not marker.exists()


def broken_version(models_dir: Path, name: str) -> Path:
    """Copy the small model to ``name`` with category arrays that are no classifier of its embeddings."""
    target = models_dir / name
    shutil.copytree(models_dir / "small-static", target)
    manifest = json.loads((target / MANIFEST).read_text())
    manifest["version"] = name
    entry = manifest["heads"]["category"]["arrays"]
    with np.load(target / entry["file"]) as data:
        arrays = {k: data[k] for k in data.files}
    arrays["coef_0"] = np.zeros((7, arrays["coef_0"].shape[1]))  # 7 features: not the embedder's dimension
    with (target / entry["file"]).open("wb") as handle:
        np.savez(handle, **arrays)
    entry["sha256"] = sha256_file(target / entry["file"])
    (target / MANIFEST).write_text(json.dumps(manifest))
    return target


def test_the_probe_refuses_heads_that_are_not_classifiers(models_copy: Path):
    broken_version(models_copy, "broken")
    model = load_model("broken", models_copy)
    with pytest.raises(ModelLoadError, match="probe"):
        model.probe()
