"""The taxonomy, model versions, training jobs and activation."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import JSONResponse

from api.deps import ERRORS, ServiceDep, require_admin_key, require_api_key
from api.errors import ApiError
from classifier.artifacts import MANIFEST, active_version, gate_metric, list_versions, read_manifest, version_dir
from classifier.taxonomy import load_taxonomy
from training.dataset import parse_labeled_csv

router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], responses=ERRORS, tags=["models"])


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
        manifest = read_manifest(version_dir(directory, name))
        metric = gate_metric(manifest)
        versions.append(
            {
                "version": name,
                "created_at": manifest["created_at"],
                "backend": manifest["embedder"]["backend"],
                "embedder": manifest["embedder"]["name"],
                "dimensions": {d: h["labels"] for d, h in manifest["heads"].items()},
                "gate_metric": {"dimension": metric[0], "macro_f1": metric[1]} if metric else None,
                "metrics": manifest["metrics"],
                "training_rows": manifest["training_data"]["rows"],
            }
        )
    return {"active": active_version(directory), "served": service.model.version, "versions": versions}


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
    if version.startswith(".") or "/" in version or not (version_dir(directory, version) / MANIFEST).is_file():
        raise ApiError(404, f"no model version {version!r}; GET /v1/models lists them", field="version")
    previous = service.model.version
    model = await asyncio.to_thread(service.activate, version)
    return {"active": model.version, "previous": previous, "backend": model.embedder.backend}
