"""One Neo4j driver per process, connected with retry and backoff.

The API starts even when Neo4j is not up yet (so `/health` answers and `/ready` can
say 503 with a reason); the driver reconnects by itself once Neo4j is reachable.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from app.config import Settings

log = logging.getLogger(__name__)


def create_driver(settings: Settings, *, max_transaction_retry_time: float | None = None) -> Driver:
    """A driver for the configured Bolt URI; no I/O happens here.

    `max_transaction_retry_time` caps how long a failing transaction is retried (driver
    default 30 s): the API passes a short one so a request during an outage answers 503
    within seconds instead of hanging.
    """
    extra: dict[str, Any] = (
        {}
        if max_transaction_retry_time is None
        else {"max_transaction_retry_time": max_transaction_retry_time}
    )
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=5.0,
        connection_acquisition_timeout=10.0,
        max_connection_pool_size=50,
        notifications_min_severity="OFF",
        **extra,
    )


def wait_for_neo4j(driver: Driver, *, retries: int, first_delay_s: float = 0.5) -> bool:
    """Verify connectivity, retrying with exponential backoff; False if still unreachable."""
    delay = first_delay_s
    for attempt in range(retries + 1):
        try:
            driver.verify_connectivity()
            return True
        except AuthError:
            raise
        except (ServiceUnavailable, OSError) as exc:
            if attempt == retries:
                log.error("Neo4j unreachable after %d attempts: %s", attempt + 1, exc)
                return False
            log.warning(
                "Neo4j not reachable yet (attempt %d), retrying in %.1fs", attempt + 1, delay
            )
            time.sleep(delay)
            delay = min(delay * 2, 8.0)
    return False
