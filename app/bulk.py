"""The bulk first load: extracted shards -> importer CSV -> `neo4j-admin database import full`.

For an empty database and a large corpus the transactional writer is the slow part (one
database, one writer, entity resolution against the graph batch by batch). The offline
importer writes the store files directly, so this module (1) makes sure the local
database is empty and stopped, (2) has `loaders.bulk.convert` turn the shards into CSV
files describing exactly the graph `polikg load` would build (the same resolver, batch by
batch, in memory), (3) runs Neo4j's importer (`org.neo4j:neo4j-import-tool`, already on
the local Neo4j's classpath: no Docker, no tarball), (4) starts Neo4j, applies the schema
and sets the few values CSV cannot carry. After that, `polikg ingest` and `polikg load`
add to the graph as usual.

Only the local Neo4j (`polikg neo4j start`, NEO4J_HOME) can be bulk-loaded: the importer
needs the store's folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, GraphDatabase

from app.neo4j_local import (
    LocalNeo4j,
    launcher_env,
    log_tail,
    resolve_classpath,
    running_pid,
    start,
    stop,
)
from loaders.bulk.convert import BulkPlan, BulkRefused, ProgressFn, convert_shards
from queries.bulk import count_nodes, finish_import
from queries.schema import apply_schema

log = logging.getLogger(__name__)
StageFn = Callable[[str], None]
ADMIN_TOOL = "org.neo4j.cli.AdminTool"  # neo4j-admin's entry point (neo4j-command-line)


@dataclass
class BulkReport:
    """What the bulk load did and how long each stage took (seconds)."""

    plan: BulkPlan
    stages: dict[str, float] = field(default_factory=dict)
    nodes: int = 0

    @property
    def seconds(self) -> float:
        return sum(self.stages.values())


def _driver(server: LocalNeo4j) -> Driver:
    return GraphDatabase.driver(
        server.bolt_uri, auth=("neo4j", server.password), notifications_min_severity="OFF"
    )


def store_exists(server: LocalNeo4j, database: str) -> bool:
    return (server.home / "data" / "databases" / database).exists()


def ensure_empty_and_stopped(server: LocalNeo4j, *, database: str) -> None:
    """Refuse (BulkRefused) unless the database is stopped and holds no node."""
    pid = running_pid(server)
    if pid is not None:
        raise BulkRefused(
            f"Neo4j is running (pid {pid}, {server.bolt_uri}): the offline importer writes the "
            "store files itself; stop it first with `polikg neo4j stop`"
        )
    if not store_exists(server, database):
        return
    start(server)  # a store from an earlier start: only the server can say what it holds
    try:
        with _driver(server) as driver:
            nodes = count_nodes(driver, database=database)
    finally:
        stop(server)
    if nodes:
        raise BulkRefused(
            f"the database {database!r} under {server.home} holds {nodes} nodes: a bulk import "
            "is a first load into an empty database; add to it with `polikg load` instead"
        )


def admin_import(server: LocalNeo4j, plan: BulkPlan, *, database: str) -> None:
    """Run `neo4j-admin database import full` on the CSV files (replacing the empty store)."""
    java = shutil.which("java") or "java"
    report = server.home / "logs" / "bulk-import.report"
    log_file = server.home / "logs" / "bulk-import.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        java,
        f"-Xmx{server.heap}",
        "-cp",
        resolve_classpath(),
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        database,  # before the file lists: --nodes/--relationships take several values
        "--overwrite-destination=true",
        "--array-delimiter=U+001F",
        "--multiline-fields=true",  # article text, sentences and quotes hold line breaks
        "--read-buffer-size=16m",
        f"--max-off-heap-memory={server.pagecache}",
        f"--report-file={report}",
        *plan.import_arguments(),
    ]
    env = launcher_env(os.environ) | {"NEO4J_HOME": str(server.home.resolve())}
    with log_file.open("w") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    if proc.returncode != 0:
        tail = "\n".join(log_file.read_text(errors="replace").splitlines()[-25:])
        raise BulkRefused(
            f"the Neo4j importer failed (exit {proc.returncode}); {log_file}:\n{tail}"
        )


def bulk_import(
    server: LocalNeo4j,
    paths: list[Path],
    *,
    work_dir: Path,
    database: str = "neo4j",
    batch_size: int = 200,
    progress: ProgressFn | None = None,
    on_stage: StageFn | None = None,
    keep_csv: bool = False,
) -> BulkReport:
    """Bulk-load the shards under `paths` into the empty local database; Neo4j runs after."""

    def stage(name: str) -> None:
        if on_stage:
            on_stage(name)
        log.info("bulk import: %s", name)

    stages: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name] = round(now - clock, 2)
        clock = now

    stage("checking the database is empty")
    ensure_empty_and_stopped(server, database=database)
    lap("check")
    stage("resolving entities and writing CSV")
    plan = convert_shards(paths, work_dir, batch_size=batch_size, progress=progress)
    report = BulkReport(plan=plan, stages=stages)
    lap("convert")
    stage("running neo4j-admin database import")
    admin_import(server, plan, database=database)
    lap("import")
    if not keep_csv:
        shutil.rmtree(work_dir, ignore_errors=True)
    stage("starting Neo4j")
    try:
        start(server)
    except Exception:
        log.error("Neo4j did not start after the import:\n%s", log_tail(server))
        raise
    lap("start")
    with _driver(server) as driver:
        stage("creating constraints and indexes")
        apply_schema(driver, database=database)
        lap("schema")
        stage("setting what CSV cannot say")
        finish_import(
            driver,
            empty_stance_days=plan.empty_stance_days,
            aliasless=plan.aliasless,
            article_writes=plan.article_writes,
            database=database,
        )
        report.nodes = count_nodes(driver, database=database)
        lap("finish")
    return report
