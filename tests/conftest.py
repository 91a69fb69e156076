"""Shared fixtures: a store URL and an opened store, on SQLite and (when a server is given) PostgreSQL.

PostgreSQL tests need ``MATERIEL_TEST_PG_URL`` (``.ci/run`` starts a server with
``scripts/pg-test-server.sh`` and sets it); each test gets a freshly created database that is
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from materiel.store import Store

PG_URL_ENV = "MATERIEL_TEST_PG_URL"
PG_SKIP_REASON = f"{PG_URL_ENV} not set: PostgreSQL tests need a server (.ci/run starts one)"


def _pg_admin_url() -> URL | None:
    raw = os.environ.get(PG_URL_ENV, "").strip()
    if not raw:
        return None
    url = make_url(raw)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[pytest.mark.postgres, pytest.mark.skipif(_pg_admin_url() is None, reason=PG_SKIP_REASON)],
    ),
]


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (URL with password), dropped after the test."""
    admin_url = _pg_admin_url()
    if admin_url is None:
        pytest.skip(PG_SKIP_REASON)
    name = f"materiel_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'materiel.db'}"
    url: str = request.getfixturevalue("pg_database")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An opened store on ``store_url``, closed after the test."""
    opened = Store(store_url)
    try:
        yield opened
    finally:
        opened.close()
