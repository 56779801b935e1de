"""The one settings object. Every field is also an environment variable named ``PROMPTPRISM_<FIELD>``.

No other module reads the environment for configuration; the CLI and the
service build a :class:`Settings` and pass what it says down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from classifier.artifacts import DEFAULT_MODELS_DIR


class Settings(BaseSettings):
    """PromptPrism configuration (see the README's table of settings)."""

    model_config = SettingsConfigDict(env_prefix="PROMPTPRISM_", env_file=".env", extra="ignore")

    # Model
    models_dir: Path = Field(DEFAULT_MODELS_DIR, description="Directory of model versions and the ACTIVE pointer.")
    model_version: str | None = Field(None, description="Version to serve; default: the active one.")
    backend: Literal["transformer", "static", "multilingual", "cascade"] | None = Field(
        None,
        description="Serve the newest model of this embedding backend instead of the active one "
        "(cascade: the active or newest confidence cascade).",
    )
    embedding_cache_size: int = Field(10_000, ge=0, description="Embeddings kept in the in-memory LRU cache.")
    embedding_cache_dir: Path | None = Field(None, description="On-disk embedding cache for training.")

    # Event store
    database_path: Path = Field(Path("promptprism.db"), description="SQLite file of recorded classifications.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; overrides database_path (e.g. PostgreSQL).")
    store_text: bool = Field(False, description="Also store the raw text of recorded requests.")

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

    # Micro-batching
    batch_max_size: int = Field(64, ge=1, description="Most texts embedded together from concurrent calls.")
    batch_max_wait_ms: float = Field(2.0, ge=0, description="How long a call waits for others to share its batch.")
    queue_max_items: int = Field(2048, ge=1, description="Items waiting for the model before the service answers 429.")

    # Training
    gate_margin: float = Field(
        0.02,
        ge=0,
        le=1,
        description="Quality gate: how far below the active model's "
        "held-out macro-F1 a new model may be and still activate itself.",
    )

    @property
    def sqlalchemy_url(self) -> str:
        """The event store's URL: ``database_url`` when set, else the SQLite file."""
        return self.database_url or f"sqlite:///{self.database_path}"
