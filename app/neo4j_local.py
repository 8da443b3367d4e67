"""Start and stop Neo4j Community without Docker, and hand back a Bolt URI.

Our machines have a JDK but no Docker engine, so polikg runs Neo4j embedded: Maven
resolves `org.neo4j:neo4j` and `org.neo4j:neo4j-bolt` once (cached in ~/.m2), the
small `Launcher.java` beside this module opens Bolt with authentication on, and this
module keeps a pid file so `start`, `stop` and `status` work across commands. Callers
only ever see a Bolt URI, the same thing a Docker-based Neo4j gives them.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

LAUNCHER_PACKAGE = "app.neo4j_launcher"
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "polikg"


class Neo4jStartError(RuntimeError):
    """Neo4j could not be started; the message says why and what to do."""


@dataclass(frozen=True)
class LocalNeo4j:
    """Where and how a local Neo4j runs. All paths are under `home`."""

    home: Path
    port: int = 7687
    host: str = "127.0.0.1"
    password: str = "polikg-local"
    heap: str = "2g"
    pagecache: str = "2g"
    start_timeout_s: float = 120.0
    #: heap one transaction may use (JVM size syntax); None: half the heap, so one runaway
    #: query fails with a memory error instead of running the whole server out of memory
    transaction_memory: str | None = None

    @property
    def transaction_memory_bytes(self) -> int:
        if self.transaction_memory is not None:
            return _size_bytes(self.transaction_memory)
        return _size_bytes(self.heap) // 2

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "launcher.log"


def _size_bytes(size: str) -> int:
    """'512m' -> bytes; the same size syntax as the JVM's -Xmx."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    size = size.strip().lower()
    if size and size[-1] in units:
        return int(float(size[:-1]) * units[size[-1]])
    return int(size)


def _launcher_sources() -> tuple[Path, Path]:
    root = resources.files(LAUNCHER_PACKAGE)
    return Path(str(root / "pom.xml")), Path(str(root / "Launcher.java"))


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def resolve_classpath() -> str:
    """The Neo4j jars' classpath, from Maven once, then from a cache file (offline)."""
    pom, _ = _launcher_sources()
    cached = CACHE_DIR / f"classpath-{_digest(pom)}.txt"
    if cached.exists():
        classpath = cached.read_text().strip()
        if all(Path(j).exists() for j in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jStartError("Maven (mvn) is needed once to fetch the Neo4j jars; install it")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    log.info("resolving Neo4j jars with Maven (first start only)")
    proc = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={cached}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or not cached.exists():
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-20:])
        raise Neo4jStartError(f"Maven could not resolve the Neo4j jars:\n{tail}")
    return cached.read_text().strip()


def compile_launcher(classpath: str) -> Path:
    """Compile Launcher.java once per source version; starts then skip the compiler."""
    _, source = _launcher_sources()
    out = CACHE_DIR / f"launcher-{_digest(source)}"
    if (out / "Launcher.class").exists():
        return out
    javac = shutil.which("javac")
    if javac is None:
        raise Neo4jStartError("a JDK (javac, Java 17+) is needed to run Neo4j without Docker")
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [javac, "-d", str(out), "-cp", classpath, str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise Neo4jStartError(f"could not compile the Neo4j launcher:\n{proc.stderr[-2000:]}")
    return out


#: The only environment variables the Neo4j JVM inherits. Everything else (POLIKG_API_KEY,
#: NEO4J_PASSWORD, cloud tokens...) stays out: /proc/<pid>/environ of the JVM is readable
#: by the server itself, so a file-reading query or a heap dump could give it away.
JVM_ENV_KEEP = (
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TZ",
    "TMPDIR",
    "JAVA_HOME",
    "USER",
    "LOGNAME",
)


def launcher_env(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The child's environment: an allow-list of harmless variables, no secrets."""
    return {k: v for k, v in environ.items() if k in JVM_ENV_KEEP}


def port_in_use(host: str, port: int) -> bool:
    """True when something already listens on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (for throwaway test servers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def running_pid(server: LocalNeo4j) -> int | None:
    """The pid from the pid file if that process is still alive, else None."""
    try:
        pid = int(server.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def log_tail(server: LocalNeo4j, lines: int = 30) -> str:
    """The last lines of the launcher log, for error messages."""
    try:
        return "\n".join(server.log_file.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log written)"


def bolt_answers(server: LocalNeo4j) -> bool:
    """True when Bolt accepts our credentials (not just the TCP port)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    try:
        with GraphDatabase.driver(
            server.bolt_uri, auth=("neo4j", server.password), connection_timeout=2.0
        ) as driver:
            driver.verify_connectivity()
        return True
    except (ServiceUnavailable, Neo4jError, OSError):
        return False


def start(server: LocalNeo4j) -> str:
    """Start Neo4j in the background (or reuse ours if it runs) and wait for Bolt."""
    pid = running_pid(server)
    if pid is not None and bolt_answers(server):
        log.info("Neo4j already running (pid %s) on %s", pid, server.bolt_uri)
        return server.bolt_uri
    if port_in_use(server.host, server.port):
        raise Neo4jStartError(
            f"port {server.port} on {server.host} is already in use by another program; "
            "stop it or choose another port with NEO4J_BOLT_PORT"
        )
    if len(server.password) < 8:
        raise Neo4jStartError("NEO4J_PASSWORD must be at least 8 characters long")
    if any(c in server.password for c in "\r\n"):
        raise Neo4jStartError("NEO4J_PASSWORD must not contain line breaks")
    classpath = resolve_classpath()
    classes = compile_launcher(classpath)
    server.log_file.parent.mkdir(parents=True, exist_ok=True)
    java = shutil.which("java") or "java"
    cmd = [
        java,
        f"-Xms{server.heap}",
        f"-Xmx{server.heap}",
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        os.pathsep.join([str(classes), classpath]),
        "Launcher",
        str(server.home.resolve()),
        str(server.port),
        server.host,
        str(_size_bytes(server.pagecache)),
        str(server.transaction_memory_bytes),
    ]
    with server.log_file.open("ab") as log_fh:
        proc = subprocess.Popen(
            cmd,
            stdout=log_fh,
            stderr=subprocess.STDOUT,
            env=launcher_env(os.environ),
            stdin=subprocess.PIPE,
            start_new_session=True,
        )
    server.pid_file.write_text(str(proc.pid))
    _send_password(proc, server.password)
    _wait_for_bolt(server, proc)
    log.info("Neo4j started (pid %s) on %s", proc.pid, server.bolt_uri)
    return server.bolt_uri


def _send_password(proc: subprocess.Popen[bytes], password: str) -> None:
    """The password goes down a pipe the launcher reads once: never in argv or environ."""
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the JVM died early: _wait_for_bolt says why
        proc.stdin.write(password.encode("utf-8") + b"\n")
        proc.stdin.flush()
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()


def _wait_for_bolt(server: LocalNeo4j, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + server.start_timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.pid_file.unlink(missing_ok=True)
            raise Neo4jStartError(
                f"Neo4j exited with status {proc.returncode} while starting; "
                f"log {server.log_file}:\n{log_tail(server)}"
            )
        if port_in_use(server.host, server.port) and bolt_answers(server):
            return
        time.sleep(0.5)
    _terminate(proc.pid, grace_s=10)
    server.pid_file.unlink(missing_ok=True)
    raise Neo4jStartError(
        f"Neo4j did not answer on {server.bolt_uri} within {server.start_timeout_s:.0f}s; "
        f"log {server.log_file}:\n{log_tail(server)}"
    )


def _terminate(pid: int, *, grace_s: float) -> bool:
    """SIGTERM (clean shutdown through the JVM hook), then SIGKILL after the grace time."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    return False


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().split()[2] == "Z":
            # exited but not yet reaped: reap it when it is our child, so no zombie stays
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(pid, 0)
            return False
        return True
    return True


def stop(server: LocalNeo4j, *, grace_s: float = 60.0) -> bool:
    """Stop our Neo4j if it runs; True when it shut down cleanly (or was not running)."""
    pid = running_pid(server)
    if pid is None:
        server.pid_file.unlink(missing_ok=True)
        return True
    clean = _terminate(pid, grace_s=grace_s)
    server.pid_file.unlink(missing_ok=True)
    log.info("Neo4j (pid %s) stopped%s", pid, "" if clean else " (killed after timeout)")
    return clean


def resident_memory_mb(pid: int) -> float | None:
    """Resident set size of a process in MiB (Linux), for `status` and the notes."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
