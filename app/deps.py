"""FastAPI dependencies: the settings and the process-wide driver, as Annotated aliases."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from neo4j import Driver

from app.config import Settings


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.driver
    return driver


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="required when POLIKG_API_KEY is set")]
    = None,
) -> None:
    """Refuse (401) a write or power-user call without the configured API key."""
    expected = settings.polikg_api_key
    if expected is None:
        return
    if x_api_key is None or not secrets.compare_digest(x_api_key, expected.get_secret_value()):
        raise HTTPException(status_code=401, detail="missing or wrong X-API-Key header")


ApiKeyDep = Annotated[None, Depends(require_api_key)]
