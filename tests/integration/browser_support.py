"""What the browser tests share: the system Chromium and chromedriver (Debian's packages,
nothing downloaded at run time), the API served by uvicorn on a free loopback port, and a
skip (or, under CI, a failure) when Chromium is missing."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn

from app.config import Settings
from app.main import create_app
from app.neo4j_local import free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WAIT_S = 30  # generous: the machine is shared, and a slow first query is no failure


def require_chromium() -> None:
    """Skip the calling test module without Chromium, unless CI is set: there `.ci/run`
    installs it, so its absence is a broken setup and fails."""
    if CHROMIUM and CHROMEDRIVER:
        return
    if os.environ.get("CI"):
        pytest.fail(
            "CI is set but chromium/chromedriver are missing: .ci/run installs them "
            "with apt-get (chromium chromium-driver)",
            pytrace=False,
        )
    pytest.skip(
        "no chromium + chromedriver on PATH (apt-get install chromium "
        "chromium-driver): the browser tests skip",
        allow_module_level=True,
    )


@contextmanager
def serve_api(settings: Settings, *, port: int | None = None) -> Iterator[str]:
    """The API on 127.0.0.1 (a free port unless given) in a thread; yields its base URL."""
    port = port or free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_S
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium under Selenium, closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--force-device-scale-factor=1",
        "--enable-unsafe-swiftshader",
    ):  # software WebGL for sigma.js
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
