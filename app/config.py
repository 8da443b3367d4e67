"""Settings from environment variables: the one place polikg reads its configuration.

Everything else receives a `Settings` object explicitly, so tests can point the app,
the CLI and the loaders at their own Neo4j without touching the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from loaders.defaults import DEFAULT_SPACY_MODEL

DEFAULT_PASSWORD = "polikg-local"  # documented default for a local, loopback-only Neo4j


class Settings(BaseSettings):
    """All polikg settings; each field maps to the upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687",
        description="Bolt URI of the Neo4j server; when unset it follows NEO4J_BOLT_PORT",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(DEFAULT_PASSWORD)
    neo4j_database: str = "neo4j"
    neo4j_connect_retries: int = Field(5, ge=0, description="connection attempts at API start")
    neo4j_query_timeout_s: float = Field(10.0, gt=0, description="per-query timeout for reads")
    neo4j_api_retry_time_s: float = Field(
        3.0,
        ge=0,
        description="how long the API retries a failing transaction (the driver's "
        "max_transaction_retry_time) before answering 503; the CLI keeps the driver default",
    )

    # The local (Docker-free) Neo4j started by `polikg neo4j start`.
    neo4j_home: Path = Path("data/neo4j")
    neo4j_bolt_port: int = Field(7687, ge=1, le=65535)
    neo4j_heap: str = Field("2g", description="JVM heap (-Xmx) of the local Neo4j")
    neo4j_pagecache: str = Field("2g", description="page cache of the local Neo4j")
    neo4j_start_timeout_s: float = Field(120.0, gt=0)
    neo4j_transaction_memory: str | None = Field(
        None,
        pattern=r"^\d+[kKmMgG]?$",
        description="heap one transaction may use in the local Neo4j (default: half the heap)",
    )

    api_host: str = "127.0.0.1"
    api_port: int = Field(8000, ge=1, le=65535)
    polikg_api_key: SecretStr | None = Field(None, description="required for writes when set")
    cors_origins: list[str] = Field(default_factory=list)
    cypher_row_cap: int = Field(1000, ge=1, le=100_000, description="rows POST /cypher returns")
    cypher_byte_cap: int = Field(
        4 * 1024 * 1024, ge=1024, description="JSON bytes of rows POST /cypher returns at most"
    )
    max_body_bytes: int = Field(
        8 * 1024 * 1024, ge=1024, description="largest request body accepted (413 above)"
    )
    analytics_max_edges: int = Field(
        200_000, ge=1, description="edges /analytics loads into memory at most"
    )

    spacy_model: str = Field(DEFAULT_SPACY_MODEL, description="spaCy pipeline package")
    ingest_batch_size: int = Field(200, ge=1, le=5000)
    ingest_workers: int = Field(2, ge=0, description="extraction processes (0: in-process)")

    @field_validator("polikg_api_key", mode="before")
    @classmethod
    def _empty_key_means_none(cls, value: object) -> object:
        """docker compose passes unset variables as empty strings: treat them as unset."""
        return None if value in ("", None) else value

    @model_validator(mode="after")
    def _uri_follows_port(self) -> Settings:
        """NEO4J_BOLT_PORT alone moves the whole local setup: `polikg neo4j start` listens
        there, so the URI everything else connects to must follow unless it was given."""
        if "neo4j_uri" not in self.model_fields_set:
            self.neo4j_uri = f"bolt://127.0.0.1:{self.neo4j_bolt_port}"
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once."""
    return Settings()
