"""Engines for a store URL, and the Alembic migrations that bring a database to the newest schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from materiel.errors import StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
PG_CONNECT_TIMEOUT_S = 10

_PG_ALIASES = {"postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg"}


def normalise_url(url: str) -> URL:
    """Parse ``url``; PostgreSQL URLs are made to use psycopg 3 (``postgresql+psycopg``)."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {exc}", source=url) from exc
    if parsed.drivername in _PG_ALIASES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def display(url: URL) -> str:
    """The URL as it may be shown to a user: no password."""
    return url.render_as_string(hide_password=True)


def _is_memory_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys and WAL on every connection."""
    kwargs: dict[str, Any] = {}
    backend = url.get_backend_name()
    if _is_memory_sqlite(url):
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"] = {"check_same_thread": False}
    elif backend == "postgresql" and "connect_timeout" not in url.query:
        kwargs["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    try:
        engine = create_engine(url, **kwargs)
    except NoSuchModuleError as exc:
        raise StoreError(f"unsupported database kind {url.drivername!r}", source=display(url)) from exc
    except ImportError as exc:
        hint = " (pip install 'materiel[postgres]')" if backend == "postgresql" else ""
        raise StoreError(f"database driver missing: {exc}{hint}", source=display(url)) from exc
    except (ArgumentError, SQLAlchemyError, TypeError, ValueError) as exc:
        raise StoreError(f"cannot use this database URL: {exc}", source=display(url)) from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def alembic_config() -> Config:
    """An Alembic config built in code: the revisions shipped in this package, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``; a database already there is left as it is."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revision() -> str | None:
    """The newest revision shipped with this package."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "display",
    "head_revision",
    "make_engine",
    "normalise_url",
    "upgrade",
]
