"""One set of tests, two databases: the storage-bound tests run on SQLite and, where a server starts, PostgreSQL.

A test in one of BACKEND_TESTS that uses a database (the `database` or `db_target` fixture) runs once per
backend, its id ending in `sqlite` or `postgresql`, unless marked `sqlite_only` (it checks the file itself). `--backends` chooses: `auto` (the default) adds PostgreSQL
when its server binaries and psycopg are installed; `sqlite,postgresql` insists on both (CI), so a machine
that lost its server fails instead of quietly testing less. The header and the summary say which ran.

Each PostgreSQL test gets a database of its own, copied from a template migrated once per session.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import Cluster, driver_installed, server_binaries, start_cluster

# Where storage matters: the rest of the suite runs on SQLite only.
BACKEND_TESTS = (
    "tests/test_database.py", "tests/test_migrations.py", "tests/test_bulk.py", "tests/test_settings_store.py",
    "tests/test_cli.py", "tests/test_lifecycle.py", "tests/test_lifecycle_history.py", "tests/test_demo.py",
    "tests/test_concurrency.py", "tests/test_server.py",
    "tests/importing/", "tests/customers/", "tests/care/", "tests/today/", "tests/loyalty/",
)
TEMPLATE = "laoke_template"
_numbers = itertools.count(1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backends", default=os.environ.get("LAOKE_TEST_BACKENDS", "auto"),
        help="auto (SQLite, plus PostgreSQL where a server can be started), sqlite, or sqlite,postgresql",
    )


def pytest_configure(config: pytest.Config) -> None:
    choice = config.getoption("--backends")
    binaries = server_binaries()
    available = binaries is not None and driver_installed()
    if choice == "auto":
        names = ["sqlite", "postgresql"] if available else ["sqlite"]
    else:
        names = [name.strip() for name in choice.split(",") if name.strip()]
        if "postgresql" in names and not available:
            raise pytest.UsageError("--backends asks for PostgreSQL, but its server binaries (initdb, pg_ctl) or "
                                    "psycopg are missing: run scripts/install.sh --server")
    config.stash[_BACKENDS] = names
    config.stash[_WHY_NOT] = ("" if available else
                              "no PostgreSQL server binaries" if binaries is None else "psycopg is not installed")


_BACKENDS = pytest.StashKey[list[str]]()
_WHY_NOT = pytest.StashKey[str]()
_backend_of: dict[str, str] = {}  # test id -> backend, for the summary
_outcomes: Counter[tuple[str, str]] = Counter()


def pytest_report_header(config: pytest.Config) -> str:
    names = config.stash[_BACKENDS]
    if "postgresql" in names:
        return f"database backends: {', '.join(names)} (PostgreSQL from {server_binaries()})"
    why = config.stash[_WHY_NOT]
    return (f"database backends: {', '.join(names)}"
            + (f" — PostgreSQL tests skipped: {why} (scripts/install.sh --server)" if why else ""))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    where = Path(metafunc.definition.path).relative_to(metafunc.config.rootpath).as_posix()
    if where.startswith(BACKEND_TESTS) and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("backend", metafunc.config.stash[_BACKENDS], indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "backend" in callspec.params:
            _backend_of[item.nodeid] = callspec.params["backend"]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    backend = _backend_of.get(report.nodeid)
    if backend and (report.when == "call" or report.outcome != "passed"):
        _outcomes[backend, report.outcome] += 1


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    lines = []
    for backend in ("sqlite", "postgresql"):
        counts = {outcome: count for (name, outcome), count in _outcomes.items() if name == backend}
        if counts:
            lines.append(f"{backend}: " + ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items())))
    if "postgresql" not in config.stash[_BACKENDS]:
        lines.append(f"postgresql: not run ({config.stash[_WHY_NOT] or 'not asked for'})")
    terminalreporter.write_sep("-", "database backends")
    for line in lines:
        terminalreporter.write_line(line)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database this run of the test uses (SQLite for tests outside BACKEND_TESTS)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    binaries = server_binaries()
    assert binaries is not None
    cluster = start_cluster(binaries)
    try:
        _make_template(cluster)
        yield cluster
    finally:
        cluster.stop()


def _make_template(cluster: Cluster) -> None:
    from core.store.opening import open_database

    admin_sql(cluster, f"CREATE DATABASE {TEMPLATE}")
    open_database(cluster.url(TEMPLATE)).dispose()


def admin_sql(cluster: Cluster, *statements: str) -> None:
    """Run statements outside a transaction (CREATE DATABASE needs that) as the superuser."""
    import psycopg

    with psycopg.connect(host=str(cluster.folder), port=5432, user="postgres", dbname="postgres",
                         autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


@pytest.fixture
def postgres_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database at the current schema on the test server: its URL. `empty` marker: no schema."""
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    name = f"test_{os.getpid()}_{next(_numbers)}"
    empty = request.node.get_closest_marker("empty_database") is not None
    admin_sql(cluster, f"CREATE DATABASE {name}" + ("" if empty else f" TEMPLATE {TEMPLATE}"))
    yield cluster.url(name)
    admin_sql(cluster, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def db_target(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """What `--db` takes for this backend: the SQLite file's path, or the PostgreSQL database's URL."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres_database")
    return str(db_path)
