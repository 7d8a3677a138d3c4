"""A throw-away PostgreSQL server for the tests (and benches): a cluster in a temporary folder, a socket only.

`initdb` and `pg_ctl` refuse to run as root, so as root they run as the `postgres` user, which owns the folder.
The server listens on no TCP port: its unix socket sits in the cluster's own folder, so two test runs on one
machine never meet. fsync is off: a crash loses a throw-away database, and commits cost a tenth.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
PORT = 5432  # a socket in a private folder: the number never clashes


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: $LAOKE_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH."""
    candidates = [Path(os.environ["LAOKE_PG_BIN"])] if os.environ.get("LAOKE_PG_BIN") else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name),
                         reverse=True) if Path("/usr/lib/postgresql").is_dir() else []
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)  # type: ignore[arg-type]
    return next((folder for folder in candidates if (folder / "initdb").exists() and (folder / "pg_ctl").exists()),
                None)


def driver_installed() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class Cluster:
    folder: Path
    binaries: Path

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        login = f"{user}:{password}" if password else user
        return f"postgresql+psycopg://{login}@/{database}?host={self.folder}&port={PORT}"

    def stop(self) -> None:
        self.pause()
        shutil.rmtree(self.folder, ignore_errors=True)

    def pause(self) -> None:
        """Stop the server as a crash or a pulled cable would, keeping its data for `resume`."""
        _run(self.binaries / "pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")

    def resume(self) -> None:
        _run(self.binaries / "pg_ctl", "-D", str(self.folder / "data"), "-o", _options(self.folder),
             "-l", str(self.folder / "server.log"), "-w", "start")


def start_cluster(binaries: Path) -> Cluster:
    folder = Path(tempfile.mkdtemp(prefix="laoke-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SUPERUSER)
    try:
        _run(binaries / "initdb", "-D", str(folder / "data"), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
             "--locale", "C.UTF-8")
        Cluster(folder, binaries).resume()
    except subprocess.CalledProcessError as error:
        log = folder / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {error.stderr or error}\n{detail}") from error
    return Cluster(folder, binaries)


def _options(folder: Path) -> str:
    return (f"-k {folder} -p {PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=60")


def _run(program: Path, *arguments: str) -> None:
    as_server_user = ["runuser", "-u", SUPERUSER, "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_server_user, str(program), *arguments], check=True, capture_output=True, text=True,
                   cwd="/", timeout=120)
