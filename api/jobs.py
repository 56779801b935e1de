"""Background training jobs started through the API.

The CSV is validated before a job is created, so a bad file gets a 422 at
once. Jobs run one at a time in a worker thread. With a store, each status
change is also saved there, so the list of jobs survives a restart; a job that
was running when the service stopped is shown as failed (its version, if any,
was written atomically, so nothing half-made is left).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from classifier.errors import PromptPrismError
from traffic.store import EventStore
from training.dataset import LabeledDataset

if TYPE_CHECKING:  # training imports scikit-learn; a serving process that never trains does without it
    from training.train import TrainOptions, TrainResult

log = logging.getLogger(__name__)


class Job(BaseModel):
    """Status of one training job."""

    id: str
    status: Literal["queued", "running", "succeeded", "failed"]
    stage: str = "queued"
    progress: float = Field(0.0, ge=0.0, le=1.0)
    created_at: datetime
    finished_at: datetime | None = None
    rows: int
    version: str | None = None
    activated: bool | None = None
    gate: str | None = None
    metrics: dict[str, Any] | None = None
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None


class TrainingJobs:
    """Runs training jobs one after another and remembers their status."""

    def __init__(
        self, models_dir: Path, on_success: Callable[[TrainResult], None], store: EventStore | None = None
    ) -> None:
        self.models_dir = models_dir
        self.on_success = on_success
        self.store = store
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="promptprism-train")

    def submit(self, dataset: LabeledDataset, options: TrainOptions) -> Job:
        """Queue a training run on an already validated dataset."""
        job = Job(
            id=uuid.uuid4().hex,
            status="queued",
            created_at=datetime.now(UTC),
            rows=len(dataset),
            warnings=list(dataset.warnings),
        )
        with self._lock:
            self._jobs[job.id] = job
        self._save(job)
        self._executor.submit(self._run, job.id, dataset, options)
        return job

    def get(self, job_id: str) -> Job | None:
        """A copy of a job's current status, or None if unknown."""
        with self._lock:
            job = self._jobs.get(job_id)
            return job.model_copy() if job else None

    def list_jobs(self) -> list[Job]:
        """Copies of every job, newest first."""
        with self._lock:
            return sorted((j.model_copy() for j in self._jobs.values()), key=lambda j: j.created_at, reverse=True)

    def restore(self) -> None:
        """Load the jobs saved by earlier runs; those left queued or running are marked failed."""
        if self.store is None:
            return
        for data in self.store.jobs():
            job = Job.model_validate(data)
            if job.status in ("queued", "running"):
                job = job.model_copy(
                    update={
                        "status": "failed",
                        "error": "interrupted: the service stopped before the job finished; start it again",
                        "finished_at": datetime.now(UTC),
                    }
                )
                self._save(job)
            with self._lock:
                self._jobs.setdefault(job.id, job)

    def _save(self, job: Job) -> None:
        if self.store is None:
            return
        try:
            self.store.save_job(job.id, job.created_at, job.model_dump(mode="json"))
        except Exception:  # the status stays in memory; training goes on
            log.exception("could not save training job %s", job.id)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            before = self._jobs[job_id]
            job = before.model_copy(update=changes)
            self._jobs[job_id] = job
        # Progress ticks are frequent: save when the stage or the status changes, not every fraction.
        if any(getattr(before, key) != value for key, value in changes.items() if key != "progress"):
            self._save(job)

    def _run(self, job_id: str, dataset: LabeledDataset, options: TrainOptions) -> None:
        self._update(job_id, status="running", stage="starting")
        try:
            from training.train import train_model

            result = train_model(
                dataset.source,
                self.models_dir,
                options,
                dataset=dataset,
                progress=lambda stage, fraction: self._update(job_id, stage=stage, progress=fraction),
            )
            if result.activated:
                self.on_success(result)
            self._update(
                job_id,
                status="succeeded",
                stage="done",
                progress=1.0,
                finished_at=datetime.now(UTC),
                version=result.version,
                activated=result.activated,
                gate=result.gate,
                metrics=result.manifest["metrics"],
            )
        except PromptPrismError as exc:
            self._update(job_id, status="failed", error=str(exc), finished_at=datetime.now(UTC))
        except Exception as exc:  # the job reports it; the service keeps serving the active model
            log.exception("training job %s failed", job_id)
            self._update(job_id, status="failed", error=f"internal error: {exc!r}", finished_at=datetime.now(UTC))

    def shutdown(self) -> None:
        """Stop accepting jobs; a running one finishes (its version is written atomically either way)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
