"""A small Python client for a running PromptPrism service.

>>> from promptprism.client import PromptPrismClient
>>> with PromptPrismClient("http://127.0.0.1:8000") as client:
...     client.classify("translate 'good morning' into Korean")["labels"]["category"]["label"]
'translation'

Every method returns the route's JSON body as a dict. A 4xx or 5xx answer
raises :class:`PromptPrismAPIError` carrying the service's error type,
message and field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

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
    """Calls the service's ``/v1`` routes over HTTP (``api_key`` is sent as a bearer token)."""

    def __init__(self, base_url: str = "http://127.0.0.1:8000", api_key: str | None = None, timeout: float = 30.0):
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
