"""Fixtures of the web tests: a filled store (built once), the app over it, a client."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_support import TOKEN, fill_store

from materiel.web import WebSettings, create_app


@pytest.fixture(scope="session")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The folder of a filled store (never written by a test) and the hostile document's id."""
    folder = tmp_path_factory.mktemp("web-store")
    _, hostile = fill_store(folder)
    return folder, hostile


@pytest.fixture(scope="session")
def web_db(filled: tuple[Path, str]) -> str:
    return f"sqlite:///{filled[0] / 'materiel.db'}"


@pytest.fixture(scope="session")
def hostile_id(filled: tuple[Path, str]) -> str:
    return filled[1]


@pytest.fixture(scope="session")
def app(web_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    settings = WebSettings(db_url=web_db, token=TOKEN, import_root=str(tmp_path_factory.mktemp("imports")))
    application = create_app(settings)
    yield application
    application.state.workspace.close()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable(filled: tuple[Path, str], tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """A client over a copy of the filled store (tests may write to it) and its import folder."""
    shutil.copy(filled[0] / "materiel.db", tmp_path / "materiel.db")
    imports = tmp_path / "imports"
    imports.mkdir()
    settings = WebSettings(
        db_url=f"sqlite:///{tmp_path / 'materiel.db'}",
        token=TOKEN,
        import_root=str(imports),
        max_upload_bytes=64 * 1024,
        max_files=3,
        max_batch=5,
    )
    application = create_app(settings)
    with TestClient(application, raise_server_exceptions=False) as c:
        yield c, imports
    application.state.workspace.close()
