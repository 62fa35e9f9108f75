"""The classroom database: which one, the engine, and its schema at Alembic's head.

``DATABASE_URL`` names a PostgreSQL database (what a deployment on several machines uses;
``postgres://`` and ``postgresql://`` are driven by psycopg 3). Without it the lab keeps an
SQLite file, ``CLASSROOM_DB`` or ``data/classroom.db`` under the repository (git-ignored),
in WAL mode so the replicas of ``make serve`` on one machine share it: readers never wait
for the writer, and writers queue for up to ``BUSY_TIMEOUT_S`` instead of failing.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "classroom.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 30
# Any fixed 64-bit number: the PostgreSQL advisory lock the replicas' migrations queue on.
MIGRATION_LOCK = 7_305_102_113


def database_url(environ: os._Environ | dict | None = None) -> str:
    """The SQLAlchemy URL: ``DATABASE_URL`` if set, else the SQLite file."""
    env = os.environ if environ is None else environ
    url = env.get("DATABASE_URL", "").strip()
    if url:
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    path = Path(env.get("CLASSROOM_DB") or DEFAULT_SQLITE)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Python's sqlite3 would open transactions on its own schedule; the "begin" hook below
    # opens them instead, so a write transaction takes the write lock when it begins and
    # can never deadlock upgrading from a read.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL's recommended setting: durable enough
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    write = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str | None = None) -> sa.Engine:
    """An engine for ``url`` (default :func:`database_url`), with SQLite set up for sharing."""
    url = url or database_url()
    if url.startswith("sqlite"):
        target = sa.make_url(url).database
        if target and target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Alembic's configuration, in code: the migrations folder and, if given, a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to head. Safe when several replicas start at once: each migrates
    inside one transaction that first takes a database-wide lock (SQLite's write lock by
    BEGIN IMMEDIATE, a PostgreSQL advisory lock), so the second finds the schema at head."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: sa.Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
