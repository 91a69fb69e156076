"""One place for the connections the table modules (lists, findings, screenings, graph) open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from materiel.errors import MaterielError, StoreError
from materiel.store.store import Store


@contextmanager
def connect(store: Store, what: str, *, write: bool) -> Iterator[Connection]:
    """A connection (a transaction when ``write``); database errors become a StoreError saying
    what could not be done."""
    try:
        if write:
            with store.engine.begin() as conn:
                yield conn
        else:
            with store.engine.connect() as conn:
                yield conn
    except MaterielError:
        raise
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None)
        reason = str(orig if orig is not None else exc).strip().splitlines()
        raise StoreError(
            f"cannot {what}: {reason[0] if reason else type(exc).__name__}", source=store.url
        ) from exc
