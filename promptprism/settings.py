"""The one settings object. Every field is also an environment variable named ``PROMPTPRISM_<FIELD>``.

No other module reads the environment for configuration; the CLI and the
service build a :class:`Settings` and pass what it says down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from classifier.artifacts import DEFAULT_MODELS_DIR


class Settings(BaseSettings):
    """PromptPrism configuration (see the README's table of settings)."""

    model_config = SettingsConfigDict(env_prefix="PROMPTPRISM_", env_file=".env", extra="ignore")

    # Model
    models_dir: Path = Field(DEFAULT_MODELS_DIR, description="Directory of model versions and the ACTIVE pointer.")
    model_version: str | None = Field(None, description="Version to serve; default: the active one.")
    backend: Literal["transformer", "static", "multilingual", "cascade"] | None = Field(
        None,
        description="Serve the active, last activated or shipped model of this embedding backend instead of the "
        "active one (cascade: the active or newest confidence cascade).",
    )
    embedding_cache_size: int = Field(10_000, ge=0, description="Embeddings kept in the in-memory LRU cache.")
    embedding_cache_dir: Path | None = Field(None, description="On-disk embedding cache for training.")
    active_poll_seconds: float = Field(
        2.0,
        ge=0,
        description="How often the service checks models_dir/ACTIVE and switches to the version it names "
        "(set by `promptprism models activate` or by hand); 0: never. Off when model_version or backend is set.",
    )

    # Event store
    database_path: Path = Field(Path("promptprism.db"), description="SQLite file of recorded classifications.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; overrides database_path (e.g. PostgreSQL).")
    store_text: bool = Field(False, description="Also store the raw text of recorded requests.")
    record_timeout_s: float = Field(
        10.0,
        gt=0,
        le=300,
        description="How long a recording classify waits for the store to commit before answering 503.",
    )

    # HTTP
    host: str = Field("127.0.0.1", description="Address `promptprism serve` binds.")
    port: int = Field(8000, ge=1, le=65535, description="Port `promptprism serve` binds.")
    workers: int = Field(1, ge=1, description="Worker processes `promptprism serve` runs on its port.")
    api_key: SecretStr | None = Field(None, description="Bearer token required on every route but health.")
    admin_api_key: SecretStr | None = Field(None, description="Bearer token required to train and activate models.")
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024, description="Largest JSON request body (413 above).")
    max_upload_bytes: int = Field(100 * 1024 * 1024, ge=1024, description="Largest training CSV upload (413 above).")
    max_batch_items: int = Field(256, ge=1, description="Most items in one batch request (413 above).")
    min_group_count: int = Field(5, ge=1, description="Distribution groups with fewer requests are suppressed.")
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins (scheme://host[:port]) besides the service's own whose pages may send "
        "state-changing requests (POST); browsers' cross-origin requests from any other page get 403.",
    )
    allowed_hosts: Annotated[list[str] | None, NoDecode] = Field(
        None,
        description="Comma-separated Host names the service answers to (400 otherwise); default: the loopback "
        "names when bound to a loopback address, any name otherwise.",
    )

    # Micro-batching
    batch_max_size: int = Field(64, ge=1, description="Most texts embedded together from concurrent calls.")
    batch_max_wait_ms: float = Field(2.0, ge=0, description="How long a call waits for others to share its batch.")
    queue_max_items: int = Field(2048, ge=1, description="Items waiting for the model before the service answers 429.")

    # Asynchronous ingestion (POST /v1/events, /v1/traces)
    sample_rate: float = Field(
        1.0, ge=0, le=1, description="Share of ingested calls kept, chosen by a hash of the id (or content and time)."
    )
    spool_path: Path | None = Field(
        None, description="On-disk spool of events waiting to be recorded; default: beside the SQLite event store."
    )
    spool_max_items: int = Field(100_000, ge=1, description="Events the spool holds before ingestion answers 429.")
    ingest_batch_size: int = Field(256, ge=1, description="Queued events the ingestion worker classifies together.")
    max_events_per_request: int = Field(1000, ge=1, description="Most events in one POST /v1/events (413 above).")

    # Views
    model_prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict,
        description="Price per million input and output tokens by model, for events sent without a cost; JSON, "
        'e.g. {"gpt-4o": [2.5, 10]}.',
    )

    # Training
    gate_margin: float = Field(
        0.02,
        ge=0,
        le=1,
        description="Quality gate: how far below the active model's "
        "held-out macro-F1 a new model may be and still activate itself.",
    )

    @field_validator("allowed_origins", "allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        # Environment variables are plain strings: "a, b" is a list of two (JSON lists are accepted too).
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @property
    def spool_file(self) -> Path:
        """The ingestion spool's file: ``spool_path``, else ``<database_path stem>-spool.db`` beside it."""
        if self.spool_path is not None:
            return self.spool_path
        return self.database_path.with_name(f"{self.database_path.stem}-spool.db")

    @property
    def sqlalchemy_url(self) -> str:
        """The event store's URL: ``database_url`` when set, else the SQLite file."""
        return self.database_url or f"sqlite:///{self.database_path}"
