"""What every API router shares: the workspace, the write token, paging and sorting."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel, Field

from materiel.web.context import Workspace
from materiel.web.errors import ApiError

T = TypeVar("T")
DEFAULT_PAGE_SIZE = 50


def workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def require_token(request: Request) -> None:
    """Write endpoints: 403 when no token is set (they are off), 401 without the right token.

    The token comes as ``Authorization: Bearer TOKEN`` or ``X-Materiel-Token: TOKEN``.
    """
    expected = workspace(request).settings.token
    if not expected:
        raise ApiError(403, "write endpoints are off: the server has no write token (MATERIEL_WEB_TOKEN)")
    auth = request.headers.get("authorization", "")
    given = (
        auth[7:].strip()
        if auth.lower().startswith("bearer ")
        else request.headers.get("x-materiel-token", "")
    )
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(
            401,
            "a write token is needed: send it as 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


class Paging:
    """``page`` (from 1) and ``per_page`` query parameters."""

    def __init__(
        self,
        request: Request,
        page: int = Query(1, ge=1, description="Page number, from 1."),
        per_page: int = Query(DEFAULT_PAGE_SIZE, ge=1, description="Items per page."),
    ) -> None:
        most = workspace(request).settings.max_page_size
        if per_page > most:
            raise ApiError(422, f"per_page: at most {most}")
        self.page = page
        self.per_page = per_page


class Page(BaseModel, Generic[T]):
    """One page of a list, with the total across all pages."""

    items: list[T]
    total: int = Field(description="Items across all pages.")
    page: int
    per_page: int
    pages: int


def paginate(items: Sequence[T], paging: Paging) -> dict[str, Any]:
    start = (paging.page - 1) * paging.per_page
    pages = max(1, -(-len(items) // paging.per_page))
    return {
        "items": list(items[start : start + paging.per_page]),
        "total": len(items),
        "page": paging.page,
        "per_page": paging.per_page,
        "pages": pages,
    }


def sort_by(items: Sequence[T], sort: str | None, keys: dict[str, Callable[[T], Any]]) -> list[T]:
    """``items`` sorted by ``sort`` (a key of ``keys``, ``-`` in front for descending); None keeps
    the order. Missing values sort last either way."""
    if not sort:
        return list(items)
    descending = sort.startswith("-")
    name = sort.lstrip("-")
    if name not in keys:
        raise ApiError(422, f"sort: one of {', '.join(sorted(keys))} (with '-' in front to reverse)")
    key = keys[name]
    present = [i for i in items if key(i) is not None]
    missing = [i for i in items if key(i) is None]
    return sorted(present, key=key, reverse=descending) + missing


__all__ = ["DEFAULT_PAGE_SIZE", "Page", "Paging", "paginate", "require_token", "sort_by", "workspace"]
