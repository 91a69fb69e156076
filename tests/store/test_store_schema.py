"""The schema: migrations match the models, reopening keeps data, bad URLs fail clearly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, text

from materiel.errors import StoreError
from materiel.model import Extraction
from materiel.store import Store
from materiel.store.engine import current_revision, head_revision, make_engine, normalise_url, upgrade
from materiel.store.list_models import ListEntryRow, ListVersionRow
from materiel.store.list_search import identifier_candidates
from materiel.store.models import Base

TABLES = {"documents", "extractions", "entities", "mentions", "events", "evidence"}


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert set(inspect(store.engine).get_table_names()) >= TABLES


@pytest.mark.parametrize(
    ("table", "column"),
    [("documents", "published"), ("documents", "publisher"), ("entities", "name"), ("events", "type")],
)
def test_lookup_columns_are_indexed(store: Store, table: str, column: str) -> None:
    indexed = [ix["column_names"] for ix in inspect(store.engine).get_indexes(table)]
    assert [column] in indexed


def test_reopening_keeps_data_and_schema(store_url: str, make_extraction: Callable[..., Extraction]) -> None:
    extraction = make_extraction()
    with Store(store_url) as first:
        first.save_extraction(extraction)
        assert current_revision(first.engine) == head_revision()
    for _ in range(2):
        with Store(store_url) as again:
            assert current_revision(again.engine) == head_revision()
            assert again.count_documents() == 1
            assert again.get_extraction(extraction.document.id) == extraction
            with again.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_in_memory_sqlite_works(make_extraction: Callable[..., Extraction]) -> None:
    extraction = make_extraction()
    with Store("sqlite://") as store:
        store.save_extraction(extraction)
        assert store.get_extraction(extraction.document.id) == extraction


def test_open_takes_a_bare_path_or_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "by-path.db"
    with Store.open(str(path)) as store:
        assert store.count_documents() == 0
    assert path.exists()
    env_path = tmp_path / "from-env.db"
    monkeypatch.setenv("MATERIEL_DB", f"sqlite:///{env_path}")
    with Store.open() as store:
        assert store.count_documents() == 0
    assert env_path.exists()


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u@db.example/materiel", "postgresql+psycopg"),
        ("postgres://u@db.example/materiel", "postgresql+psycopg"),
        ("postgresql+psycopg2://u@db.example/materiel", "postgresql+psycopg"),
        ("postgresql+psycopg://u@db.example/materiel", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_postgres_urls_use_psycopg3(url: str, driver: str) -> None:
    assert normalise_url(url).drivername == driver


@pytest.mark.postgres
def test_plain_postgresql_url_opens(pg_database: str) -> None:
    with Store(pg_database.replace("postgresql+psycopg://", "postgresql://", 1)) as store:
        assert store.count_documents() == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url at all", "not a database URL"),
        ("", "not a database URL"),
        ("nosuchdb://host/db", "unsupported database kind"),
        ("sqlite:////nonexistent-dir/sub/materiel.db", "cannot open the store"),
        ("postgresql://postgres:s3cret@127.0.0.1:1/materiel", "cannot open the store"),
    ],
)
def test_bad_url_raises_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        Store(url)
    assert "s3cret" not in str(info.value)


def test_lists_loaded_before_the_identifier_table_are_found_by_identifier(store_url: str) -> None:
    # a store at revision 0006 holds a ship with its IMO number in the entry's data only
    engine = make_engine(normalise_url(store_url))
    upgrade(engine, "0006")
    loaded_at = datetime(2026, 1, 1, tzinfo=UTC)
    data = {"id": "ofac-sdn:17069", "schema": "Vessel", "identifiers": {"imo": ["IMO 7937317"]}}
    with engine.begin() as conn:
        version_id = conn.execute(
            insert(ListVersionRow.__table__).values(
                key="ofac-sdn",
                version=1,
                current=True,
                format="ofac-csv",
                source="sdn.csv",
                list_date_from="file",
                checksum="c",
                entry_count=1,
                counts={},
                warnings=[],
                loaded_at=loaded_at,
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(ListEntryRow.__table__).values(
                id="ofac-sdn:17069",
                list_key="ofac-sdn",
                version_id=version_id,
                schema="Vessel",
                name="CHONG CHON GANG",
                data=data,
            )
        )
    engine.dispose()
    with Store(store_url) as opened:  # brought to the head revision
        found = identifier_candidates(opened, ["7937317"])
    assert [d["id"] for d in found] == ["ofac-sdn:17069"]
