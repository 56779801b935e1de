"""Python clients for a running PromptPrism service: :class:`Client` and :class:`AsyncClient`.

>>> from promptprism.client import Client
>>> with Client("http://127.0.0.1:8000") as client:
...     client.classify("translate 'good morning' into Korean").labels["category"].label
'translation'

Results are typed (pydantic models that keep any field a newer service adds). Calls time out
(``timeout``) and are retried with exponential backoff on 429 and 503 and on connection failures,
honouring the service's Retry-After (``max_retries``, ``max_retry_wait``). Any other 4xx or 5xx raises
:class:`PromptPrismAPIError` with the service's error type, message and field.

:class:`PromptPrismClient`, the first client, still works and returns plain dicts; it is deprecated in
favour of :class:`Client`.
"""

from __future__ import annotations

import asyncio
import random
import time
import warnings
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict

from classifier.errors import PromptPrismError


class PromptPrismAPIError(PromptPrismError):
    """The service answered with an error; ``status``, ``type``, ``field`` say which and where."""

    def __init__(self, status: int, type: str, message: str, field: str | None = None) -> None:
        super().__init__(f"{status} {type}: {message}")
        self.status = status
        self.type = type
        self.message = message
        self.field = field


class PromptPrismClient:
    """Deprecated: use :class:`Client`. Calls the ``/v1`` routes and returns their JSON bodies as dicts."""

    def __init__(self, base_url: str = "http://127.0.0.1:8000", api_key: str | None = None, timeout: float = 30.0):
        warnings.warn(
            "PromptPrismClient is deprecated; use promptprism.client.Client (typed results, retries)",
            DeprecationWarning,
            stacklevel=2,
        )
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(base_url=base_url, headers=headers, timeout=timeout)

    def __enter__(self) -> PromptPrismClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self._http.request(method, path, **kwargs)
        if response.is_error:
            try:
                error = response.json()["error"]
            except (ValueError, KeyError, TypeError):
                error = {"type": "error", "message": response.text[:500], "field": None}
            raise PromptPrismAPIError(
                response.status_code, error.get("type", "error"), error.get("message", ""), error.get("field")
            )
        return response.json()  # type: ignore[no-any-return]

    def classify(self, item: str | dict[str, Any], **metadata: Any) -> dict[str, Any]:
        """Classify one item: a string, or a dict of any shape ``/v1/classify`` accepts; ``metadata`` adds
        ``app``, ``model``, ``user``, ``timestamp``, ``record`` and the like."""
        body = {"text": item} if isinstance(item, str) else dict(item)
        return self._call("POST", "/v1/classify", json={**body, **metadata})

    def classify_batch(self, items: list[str | dict[str, Any]]) -> dict[str, Any]:
        """Classify many items in one call; a bad item gets an error entry in its place."""
        bodies = [{"text": i} if isinstance(i, str) else i for i in items]
        return self._call("POST", "/v1/classify/batch", json={"items": bodies})

    def distribution(
        self,
        dimension: str = "category",
        since: datetime | None = None,
        until: datetime | None = None,
        bucket: str | None = None,
        group_by: str | None = None,
        weight: str = "requests",
    ) -> dict[str, Any]:
        """Label shares over the recorded traffic (``GET /v1/distribution``)."""
        params: dict[str, Any] = {"dimension": dimension, "weight": weight}
        for name, value in (("since", since), ("until", until)):
            if value is not None:
                params[name] = value.isoformat()
        if bucket:
            params["bucket"] = bucket
        if group_by:
            params["group_by"] = group_by
        return self._call("GET", "/v1/distribution", params=params)

    def models(self) -> dict[str, Any]:
        """Every model version, the active one and the served one."""
        return self._call("GET", "/v1/models")

    def ready(self) -> bool:
        """Whether the service has loaded its model and reaches its store."""
        return self._http.get("/readyz").status_code == 200


# Typed results. extra="allow": a newer service's extra fields are kept, not refused.


class _Result(BaseModel):
    model_config = ConfigDict(extra="allow")


class LabelScore(_Result):
    """A label with its probability."""

    label: str
    probability: float


class DimensionAnswer(_Result):
    """One dimension's answer: the label, its probability, whether it abstained, and the runners-up."""

    label: str
    probability: float
    abstained: bool = False
    top: list[LabelScore] = []


class Classification(_Result):
    """The classification of one item (``POST /v1/classify``)."""

    id: str
    model_version: str
    labels: dict[str, DimensionAnswer]
    signals: dict[str, Any]
    elapsed_ms: float


class ErrorInfo(_Result):
    """What the service said was wrong."""

    type: str
    message: str
    field: str | None = None


class ItemError(_Result):
    """An error standing in place of an item of a batch."""

    index: int
    error: ErrorInfo


class BatchClassification(_Result):
    """Results in the order of the items; a bad item gets an :class:`ItemError` in its place."""

    results: list[Classification | ItemError]
    errors: int


class EventsQueued(_Result):
    """What ``POST /v1/events`` did: events durably queued, sampled out, or refused."""

    queued: int
    sampled_out: int
    ids: list[str]
    errors: list[ItemError]


class LabelShare(_Result):
    """One label's count, tokens and share within a bucket and group."""

    label: str
    count: int
    tokens: int
    share: float


class DistributionBucket(_Result):
    """Shares of one time bucket (or the whole range) for one group."""

    bucket: datetime | None
    group: str | None
    total_requests: int
    total_tokens: int
    labels: list[LabelShare]


class Distribution(_Result):
    """Label shares over the recorded traffic (``GET /v1/distribution``)."""

    dimension: str
    weight: str
    bucket: str | None
    group_by: str | None
    since: datetime | None
    until: datetime | None
    suppressed_groups: int
    buckets: list[DistributionBucket]


class ModelVersion(_Result):
    """One model version: backend, labels per dimension, metrics."""

    version: str
    created_at: str
    backend: str
    embedder: str
    dimensions: dict[str, list[str]]
    gate_metric: dict[str, Any] | None = None
    metrics: dict[str, Any] = {}
    training_rows: int | None = None


class Models(_Result):
    """Every model version, the active one and the one being served."""

    active: str | None
    served: str
    versions: list[ModelVersion]


class Activation(_Result):
    """The result of activating a version."""

    active: str
    previous: str
    backend: str


class TrainingStarted(_Result):
    """A training job accepted (``POST /v1/models/train``); poll it with ``job(job_id)``."""

    job_id: str
    status: str
    rows: int
    warnings: list[str] = []
    poll: str


class Job(_Result):
    """A training job's status, progress, metrics and errors."""

    id: str
    status: Literal["queued", "running", "succeeded", "failed"]
    stage: str = "queued"
    progress: float = 0.0
    created_at: datetime
    finished_at: datetime | None = None
    rows: int
    version: str | None = None
    activated: bool | None = None
    gate: str | None = None
    metrics: dict[str, Any] | None = None
    warnings: list[str] = []
    error: str | None = None

    @property
    def done(self) -> bool:
        """Finished, one way or the other."""
        return self.status in ("succeeded", "failed")


T = TypeVar("T", bound=BaseModel)
RETRY_STATUSES = (429, 503)
Item = str | Mapping[str, Any]


def _item(item: Item, metadata: Mapping[str, Any] | None = None) -> dict[str, Any]:
    body = {"text": item} if isinstance(item, str) else dict(item)
    return {**body, **(metadata or {})}


def _raise_for(response: httpx.Response) -> None:
    if not response.is_error:
        return
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        error = {"type": "error", "message": response.text[:500], "field": None}
    raise PromptPrismAPIError(
        response.status_code, error.get("type", "error"), error.get("message", ""), error.get("field")
    )


def _distribution_params(
    dimension: str,
    since: datetime | None,
    until: datetime | None,
    bucket: str | None,
    group_by: str | None,
    weight: str,
) -> dict[str, Any]:
    params: dict[str, Any] = {"dimension": dimension, "weight": weight}
    for name, value in (("since", since), ("until", until)):
        if value is not None:
            params[name] = value.isoformat()
    if bucket:
        params["bucket"] = bucket
    if group_by:
        params["group_by"] = group_by
    return params


def _train_form(
    label_columns: Iterable[str] | None, test_size: float, seed: int, backend: str | None, activate: str
) -> dict[str, str]:
    form = {"test_size": str(test_size), "seed": str(seed), "activate": activate}
    if label_columns:
        form["label_columns"] = ",".join(label_columns)
    if backend:
        form["backend"] = backend
    return form


class _Retrying:
    """Retry policy shared by both clients: exponential backoff with jitter, Retry-After honoured."""

    def __init__(self, max_retries: int, backoff: float, max_retry_wait: float) -> None:
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait

    def wait(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if response is not None and response.status_code not in RETRY_STATUSES:
            return None
        delay = self.backoff * 2**attempt * (0.5 + random.random())  # jitter: clients do not retry in step
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.replace(".", "", 1).isdigit():
                delay = max(delay, float(retry_after))
        return min(delay, self.max_retry_wait)


class Client:
    """A typed client for PromptPrism's HTTP API, with timeouts and retries (``api_key``: bearer token)."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_retry_wait: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(base_url=base_url, headers=headers, timeout=timeout, transport=transport)
        self._retry = _Retrying(max_retries, backoff, max_retry_wait)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._http.request(method, path, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                # Not connected: the request never reached the service, so a retry cannot record it twice.
                delay = self._retry.wait(attempt, None)
                if delay is None:
                    raise
            else:
                delay = self._retry.wait(attempt, response) if response.status_code in RETRY_STATUSES else None
                if delay is None:
                    _raise_for(response)
                    return response
            time.sleep(delay)
            attempt += 1

    def _get(self, model: type[T], method: str, path: str, **kwargs: Any) -> T:
        return model.model_validate(self._request(method, path, **kwargs).json())

    def classify(self, item: Item, **metadata: Any) -> Classification:
        """Classify one item: a string, or a dict of any shape ``/v1/classify`` accepts; ``metadata`` adds
        ``app``, ``model``, ``user``, ``timestamp``, ``record`` and the like."""
        return self._get(Classification, "POST", "/v1/classify", json=_item(item, metadata))

    def classify_batch(self, items: Iterable[Item]) -> BatchClassification:
        """Classify many items in one call; a bad item gets an :class:`ItemError` in its place."""
        return self._get(BatchClassification, "POST", "/v1/classify/batch", json={"items": [_item(i) for i in items]})

    def send_events(self, events: Iterable[Item]) -> EventsQueued:
        """Queue calls for asynchronous classification (``POST /v1/events``); answered once durably queued.

        Give each event an ``id`` so that a retried send is recorded once.
        """
        return self._get(EventsQueued, "POST", "/v1/events", json=[_item(e) for e in events])

    def distribution(
        self,
        dimension: str = "category",
        since: datetime | None = None,
        until: datetime | None = None,
        bucket: str | None = None,
        group_by: str | None = None,
        weight: str = "requests",
    ) -> Distribution:
        """Label shares over the recorded traffic (``GET /v1/distribution``)."""
        params = _distribution_params(dimension, since, until, bucket, group_by, weight)
        return self._get(Distribution, "GET", "/v1/distribution", params=params)

    def models(self) -> Models:
        """Every model version, the active one and the served one."""
        return self._get(Models, "GET", "/v1/models")

    def activate(self, version: str) -> Activation:
        """Serve ``version`` from now on (needs the admin key when one is set)."""
        return self._get(Activation, "POST", f"/v1/models/{version}/activate")

    def train(
        self,
        csv: str | Path | bytes,
        label_columns: Iterable[str] | None = None,
        test_size: float = 0.2,
        seed: int = 0,
        backend: str | None = None,
        activate: Literal["auto", "true", "false"] = "auto",
    ) -> TrainingStarted:
        """Start training on a labeled CSV (a path or its bytes); poll :meth:`job` or :meth:`wait_for_job`."""
        data = csv if isinstance(csv, bytes) else Path(csv).read_bytes()
        name = "upload.csv" if isinstance(csv, bytes) else Path(csv).name
        form = _train_form(label_columns, test_size, seed, backend, activate)
        return self._get(
            TrainingStarted, "POST", "/v1/models/train", files={"file": (name, data, "text/csv")}, data=form
        )

    def job(self, job_id: str) -> Job:
        """A training job's status."""
        return self._get(Job, "GET", f"/v1/jobs/{job_id}")

    def jobs(self) -> list[Job]:
        """Every training job the service knows, newest first."""
        return [Job.model_validate(j) for j in self._request("GET", "/v1/jobs").json()["jobs"]]

    def wait_for_job(self, job_id: str, timeout: float = 600.0, poll: float = 1.0) -> Job:
        """Poll a training job until it succeeds or fails; TimeoutError after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if job.done:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"training job {job_id} still {job.status} after {timeout:.0f} s")
            time.sleep(poll)

    def ready(self) -> bool:
        """Whether the service has loaded its model and reaches its store."""
        try:
            return self._http.get("/readyz").status_code == 200
        except httpx.TransportError:
            return False


class AsyncClient:
    """The asyncio twin of :class:`Client`: the same methods, awaited."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_retry_wait: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.AsyncClient(base_url=base_url, headers=headers, timeout=timeout, transport=transport)
        self._retry = _Retrying(max_retries, backoff, max_retry_wait)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self._http.request(method, path, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                delay = self._retry.wait(attempt, None)
                if delay is None:
                    raise
            else:
                delay = self._retry.wait(attempt, response) if response.status_code in RETRY_STATUSES else None
                if delay is None:
                    _raise_for(response)
                    return response
            await asyncio.sleep(delay)
            attempt += 1

    async def _get(self, model: type[T], method: str, path: str, **kwargs: Any) -> T:
        return model.model_validate((await self._request(method, path, **kwargs)).json())

    async def classify(self, item: Item, **metadata: Any) -> Classification:
        """See :meth:`Client.classify`."""
        return await self._get(Classification, "POST", "/v1/classify", json=_item(item, metadata))

    async def classify_batch(self, items: Iterable[Item]) -> BatchClassification:
        """See :meth:`Client.classify_batch`."""
        body = {"items": [_item(i) for i in items]}
        return await self._get(BatchClassification, "POST", "/v1/classify/batch", json=body)

    async def send_events(self, events: Iterable[Item]) -> EventsQueued:
        """See :meth:`Client.send_events`."""
        return await self._get(EventsQueued, "POST", "/v1/events", json=[_item(e) for e in events])

    async def distribution(
        self,
        dimension: str = "category",
        since: datetime | None = None,
        until: datetime | None = None,
        bucket: str | None = None,
        group_by: str | None = None,
        weight: str = "requests",
    ) -> Distribution:
        """See :meth:`Client.distribution`."""
        params = _distribution_params(dimension, since, until, bucket, group_by, weight)
        return await self._get(Distribution, "GET", "/v1/distribution", params=params)

    async def models(self) -> Models:
        """See :meth:`Client.models`."""
        return await self._get(Models, "GET", "/v1/models")

    async def activate(self, version: str) -> Activation:
        """See :meth:`Client.activate`."""
        return await self._get(Activation, "POST", f"/v1/models/{version}/activate")

    async def train(
        self,
        csv: str | Path | bytes,
        label_columns: Iterable[str] | None = None,
        test_size: float = 0.2,
        seed: int = 0,
        backend: str | None = None,
        activate: Literal["auto", "true", "false"] = "auto",
    ) -> TrainingStarted:
        """See :meth:`Client.train`."""
        data = csv if isinstance(csv, bytes) else Path(csv).read_bytes()
        name = "upload.csv" if isinstance(csv, bytes) else Path(csv).name
        form = _train_form(label_columns, test_size, seed, backend, activate)
        return await self._get(
            TrainingStarted, "POST", "/v1/models/train", files={"file": (name, data, "text/csv")}, data=form
        )

    async def job(self, job_id: str) -> Job:
        """See :meth:`Client.job`."""
        return await self._get(Job, "GET", f"/v1/jobs/{job_id}")

    async def jobs(self) -> list[Job]:
        """See :meth:`Client.jobs`."""
        return [Job.model_validate(j) for j in (await self._request("GET", "/v1/jobs")).json()["jobs"]]

    async def wait_for_job(self, job_id: str, timeout: float = 600.0, poll: float = 1.0) -> Job:
        """See :meth:`Client.wait_for_job`."""
        deadline = time.monotonic() + timeout
        while True:
            job = await self.job(job_id)
            if job.done:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"training job {job_id} still {job.status} after {timeout:.0f} s")
            await asyncio.sleep(poll)

    async def ready(self) -> bool:
        """See :meth:`Client.ready`."""
        try:
            return (await self._http.get("/readyz")).status_code == 200
        except httpx.TransportError:
            return False
