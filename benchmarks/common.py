"""What the ingest and query benchmarks share: a throwaway Neo4j, the machine's description,
percentiles, peak memory and progress bars.

Each benchmark starts and stops its own Neo4j (via `app.neo4j_local`, on a free port in a
temporary folder), so a run never touches the developer's graph and leaves nothing behind.
Settings are built explicitly (`Settings(neo4j_uri=...)`) and passed down, as the app and the
loaders expect; child processes get the same values through the documented environment
variables, which their own `Settings()` reads.
"""

from __future__ import annotations

import os
import platform
import resource
import secrets
import shutil
import statistics
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from app.config import Settings

console = Console(stderr=True)


@dataclass(frozen=True)
class Graph:
    """A running throwaway Neo4j: where it listens and how to log in."""

    uri: str
    password: str
    home: Path

    def settings(self, **overrides: Any) -> Settings:
        """Settings pointing the app and the loaders at this server."""
        return Settings(neo4j_uri=self.uri, neo4j_password=SecretStr(self.password), **overrides)

    def child_env(self) -> dict[str, str]:
        """The environment of a child process whose `Settings()` must find this server."""
        return {
            **os.environ,
            "NEO4J_URI": self.uri,
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": self.password,
        }


@contextmanager
def throwaway_neo4j(*, heap: str = "2g", pagecache: str = "2g") -> Iterator[Graph]:
    """Start Neo4j on a free port in a temporary folder; stop it and delete the folder after."""
    from app.neo4j_local import LocalNeo4j, free_port, start, stop

    home = Path(tempfile.mkdtemp(prefix="polikg-bench-neo4j-"))
    server = LocalNeo4j(
        home=home, port=free_port(), password=secrets.token_hex(12), heap=heap, pagecache=pagecache
    )
    try:
        with console.status(f"starting a throwaway Neo4j on port {server.port}"):
            uri = start(server)
        yield Graph(uri=uri, password=server.password, home=home)
    finally:
        with console.status("stopping the throwaway Neo4j"):
            stop(server, grace_s=30)
        shutil.rmtree(home, ignore_errors=True)


def neo4j_rss_mib(graph: Graph) -> float | None:
    """Resident memory of the throwaway Neo4j (the JVM: heap, page cache and the rest)."""
    from app.neo4j_local import LocalNeo4j, resident_memory_mb, running_pid

    pid = running_pid(LocalNeo4j(home=graph.home))
    return None if pid is None else round(resident_memory_mb(pid) or 0.0)


def progress() -> Progress:
    """The progress bar every long step uses (on stderr, so stdout stays machine-readable)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 (inclusive method: defined for any sample size >= 2) and the mean, in ms."""
    if len(samples_ms) < 2:
        only = float(samples_ms[0]) if samples_ms else float("nan")
        return {"p50": only, "p95": only, "p99": only, "mean": only, "n": len(samples_ms)}
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {
        "p50": round(cuts[49], 2),
        "p95": round(cuts[94], 2),
        "p99": round(cuts[98], 2),
        "mean": round(statistics.fmean(samples_ms), 2),
        "n": len(samples_ms),
    }


def peak_rss_mib() -> dict[str, float]:
    """ru_maxrss of this process and of its largest waited-for child, in MiB.

    Linux reports KiB. RUSAGE_CHILDREN is the peak of the single largest child that has been
    reaped (not a sum), so a pool of n workers holds about `self + n * children` at its peak;
    that is why a benchmark stage runs in a fresh process of its own.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mib": round(own, 1), "largest_child_mib": round(kids, 1)}


def words(text: str) -> int:
    return len(text.split())


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        return None
    return None


def machine(neo4j_version: str | None = None) -> dict[str, Any]:
    """What the numbers were measured on; the load average tells whether the box was busy."""
    import spacy

    settings = Settings()
    try:
        meta = spacy.info(settings.spacy_model)
        model = f"{settings.spacy_model} {meta.get('version', '?')}"  # type: ignore[union-attr]
    except Exception:  # an unknown model must not lose the rest of the description
        model = settings.spacy_model
    return {
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": model,
        "neo4j": neo4j_version,
        "platform": platform.platform(terse=True),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None
