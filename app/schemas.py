"""Request and response models of the HTTP API."""

from __future__ import annotations

from pydantic import BaseModel


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    neo4j: str
    schema_applied: bool
    detail: str | None = None
