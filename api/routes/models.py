"""The taxonomy, model versions, training jobs and activation."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import JSONResponse

from api.deps import ERRORS, CheckedRoute, ServiceDep, require_admin_key, require_api_key
from api.errors import ApiError
from classifier.artifacts import (
    MANIFEST,
    active_version,
    check_version_name,
    delete_version,
    gate_metric,
    list_versions,
    read_manifest,
    version_dir,
)
from classifier.errors import ModelLoadError
from classifier.taxonomy import load_taxonomy
from training.dataset import parse_labeled_csv

log = logging.getLogger(__name__)

router = APIRouter(
    prefix="/v1", dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["models"], route_class=CheckedRoute
)


@router.get("/taxonomy", summary="Dimensions and labels")
async def taxonomy(service: ServiceDep) -> dict[str, Any]:
    """The taxonomy file, plus the labels of every dimension the active model answers."""
    data = load_taxonomy()
    served = {dimension: service.model.manifest["heads"][dimension]["labels"] for dimension in service.model.dimensions}
    return {"version": data["version"], "dimensions": data["dimensions"], "model_dimensions": served}


@router.get("/models", summary="Model versions")
async def models(service: ServiceDep) -> dict[str, Any]:
    """Every model version with its backend, labels and metrics; which is active and which is served."""
    directory = service.settings.models_dir
    versions = []
    for name in await asyncio.to_thread(list_versions, directory):
        try:
            versions.append(_version_entry(read_manifest(version_dir(directory, name)), name))
        except (ModelLoadError, KeyError, TypeError, AttributeError, ValueError) as exc:
            # One unreadable manifest must not hide the others; say which, without the server's paths.
            log.warning("model version %s has an unreadable manifest: %s", name, exc)
            versions.append({"version": name, "error": "its manifest.json is unreadable or incomplete; it cannot load"})
    return {"active": active_version(directory), "served": service.model.version, "versions": versions}


def _version_entry(manifest: dict[str, Any], name: str) -> dict[str, Any]:
    metric = gate_metric(manifest)
    return {
        "version": name,
        "created_at": manifest["created_at"],
        "backend": manifest["embedder"]["backend"],
        "embedder": manifest["embedder"]["name"],
        "dimensions": {d: h["labels"] for d, h in manifest["heads"].items()},
        "gate_metric": {"dimension": metric[0], "macro_f1": metric[1]} if metric else None,
        "metrics": manifest["metrics"],
        "training_rows": manifest["training_data"]["rows"],
    }


@router.post(
    "/models/train",
    status_code=202,
    summary="Train a model from a labeled CSV",
    dependencies=[Depends(require_admin_key)],
)
async def train(
    service: ServiceDep,
    file: Annotated[
        UploadFile, File(description="Labeled CSV (text | prompt[,completion] | messages + label columns).")
    ],
    label_columns: Annotated[
        str | None, Form(description="Comma-separated label columns; default: all others.")
    ] = None,
    test_size: Annotated[float, Form(gt=0, lt=1)] = 0.2,
    seed: Annotated[int, Form()] = 0,
    backend: Annotated[
        Literal["multilingual", "transformer", "static"] | None,
        Form(description="Embedding backend; default: the served model's."),
    ] = None,
    activate: Annotated[
        Literal["auto", "true", "false"], Form(description="auto: activate only if it passes the quality gate.")
    ] = "auto",
) -> JSONResponse:
    """Validate the CSV now (422 with what to fix), then train in the background; poll ``/v1/jobs/{id}``."""
    raw = await file.read()
    columns = [c.strip() for c in label_columns.split(",") if c.strip()] if label_columns else None
    dataset = await asyncio.to_thread(parse_labeled_csv, raw, file.filename or "upload.csv", columns)
    from training.train import TrainOptions  # imports scikit-learn: only a process that trains pays for it

    options = TrainOptions(
        label_columns=columns,
        test_size=test_size,
        seed=seed,
        # A cascade has no embedder of its own: retrain on the backend of its accurate stage.
        backend=backend or getattr(service.model, "accurate", service.model).embedder.backend,
        activate={"auto": None, "true": True, "false": False}[activate],
        gate_margin=service.settings.gate_margin,
        cache_dir=service.settings.embedding_cache_dir,
    )
    job = service.jobs.submit(dataset, options)
    return JSONResponse(
        {
            "job_id": job.id,
            "status": job.status,
            "rows": job.rows,
            "warnings": job.warnings,
            "poll": f"/v1/jobs/{job.id}",
        },
        status_code=202,
    )


@router.get("/jobs", summary="Training jobs")
async def jobs(service: ServiceDep) -> dict[str, Any]:
    """Every training job this service has run or is running, newest first."""
    return {"jobs": [job.model_dump(mode="json") for job in service.jobs.list_jobs()]}


@router.get("/jobs/{job_id}", summary="Training job status")
async def job_status(job_id: str, service: ServiceDep) -> dict[str, Any]:
    """Progress, metrics and errors of a training job."""
    job = service.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no training job {job_id!r}; jobs are kept in memory until the service restarts")
    return job.model_dump(mode="json")


@router.post(
    "/models/{version}/activate",
    summary="Activate (or roll back to) a version",
    dependencies=[Depends(require_admin_key)],
)
async def activate(version: str, service: ServiceDep) -> dict[str, Any]:
    """Load the version, check its files, and serve it from the next batch on; in-flight requests finish on the old one."""
    directory = service.settings.models_dir
    try:
        check_version_name(version)  # before any file-system call: a 256-character name is no OSError (500)
    except ModelLoadError:
        shown = version if len(version) <= 80 else version[:80] + "…"
        raise ApiError(
            404,
            f"no model version {shown!r}: version names are 1-128 letters, digits, '.', '_' and '-'; "
            "GET /v1/models lists them",
            field="version",
        ) from None
    if not (version_dir(directory, version) / MANIFEST).is_file():
        raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field="version")
    previous = service.model.version
    model = await asyncio.to_thread(service.activate, version)
    return {"active": model.version, "previous": previous, "backend": model.embedder.backend}


@router.delete(
    "/models/{version}",
    summary="Delete a model version that is not active",
    dependencies=[Depends(require_admin_key)],
)
async def delete(version: str, service: ServiceDep) -> dict[str, Any]:
    """Remove a version from the models directory; 409 for the active or served version or a shipped one."""
    if version == service.model.version:
        raise ApiError(409, f"{version!r} is being served: activate another version first", field="version")
    if version.startswith(".") or "/" in version:
        raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field="version")
    if not (version_dir(service.settings.models_dir, version) / MANIFEST).is_file():
        raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field="version")
    await asyncio.to_thread(delete_version, service.settings.models_dir, version)  # ModelLoadError -> 409
    return {"deleted": version}


@router.post("/models/compare", summary="Compare two model versions")
async def compare(
    service: ServiceDep,
    a: Annotated[str, Form(description="The baseline version.")],
    b: Annotated[str, Form(description="The version compared with it.")],
    file: Annotated[UploadFile | None, File(description="Labeled CSV to compare them on (optional).")] = None,
    label_columns: Annotated[str | None, Form(description="Comma-separated label columns; default: all.")] = None,
    traffic: Annotated[int, Form(ge=0, le=5000, description="Recorded calls to measure agreement on.")] = 500,
) -> dict[str, Any]:
    """Per-label F1 of ``a`` and ``b`` on a labeled CSV with the deltas (b − a), and how often they agree on
    the most recent recorded calls (which needs ``PROMPTPRISM_STORE_TEXT``: without texts there is nothing
    to classify again)."""
    from classifier import load_model
    from classifier.requests import parse_item
    from training.compare import agreement, compare_on_dataset

    directory = service.settings.models_dir
    for field, version in (("a", a), ("b", b)):
        if version.startswith(".") or "/" in version or not (version_dir(directory, version) / MANIFEST).is_file():
            raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field=field)
    dataset = None
    if file is not None:
        columns = [c.strip() for c in label_columns.split(",") if c.strip()] if label_columns else None
        dataset = await asyncio.to_thread(parse_labeled_csv, await file.read(), file.filename or "upload.csv", columns)

    def load(version: str) -> Any:
        served = service.model
        return served if served.version == version else load_model(version, directory, cache_size=1000)

    model_a = await asyncio.to_thread(load, a)
    model_b = model_a if b == a else await asyncio.to_thread(load, b)
    texts = await asyncio.to_thread(service.store.recent_texts, traffic) if traffic else []
    items = [parse_item({"text": t}) for t in texts if t.strip()]
    on_csv = await asyncio.to_thread(compare_on_dataset, model_a, model_b, dataset) if dataset is not None else None
    on_traffic = await asyncio.to_thread(agreement, model_a, model_b, items)
    return {
        "a": a,
        "b": b,
        "labeled_csv": on_csv,
        "traffic": {
            "calls": len(items),
            "dimensions": on_traffic,
            "note": None
            if items
            else "no recorded call has its text (PROMPTPRISM_STORE_TEXT is off, or nothing is recorded yet)",
        },
    }
