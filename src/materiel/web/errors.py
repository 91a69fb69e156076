"""Errors as JSON (``{"error": CODE, "message": TEXT}``) for the API, as a page for the UI; never a
stack trace. A ``MaterielError`` keeps its one-line message; anything unexpected is logged on the
server and answered with a plain 500."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from materiel.errors import (
    ExtractionError,
    InputError,
    ListFormatError,
    MaterielError,
    NotFoundError,
    RulePackError,
    StoreError,
)

log = logging.getLogger("materiel.web")

UI_PREFIXES = ("/ui", "/static")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An error answered with ``status`` and a clear message (``headers`` added to the response)."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def status_of(exc: MaterielError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError | ListFormatError | RulePackError | ExtractionError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 400


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": CODES.get(status, "error"), "status": status, "message": message, **extra}


def _is_page(request: Request) -> bool:
    path = request.url.path
    return path == "/" or path.startswith(UI_PREFIXES)


PageRenderer = Callable[[Request, int, str], HTMLResponse]


def respond(
    request: Request,
    status: int,
    message: str,
    page: PageRenderer | None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    if page is not None and _is_page(request):
        response: Response = page(request, status, message)
    else:
        response = JSONResponse(error_body(status, message, **extra), status_code=status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def install(app: FastAPI, page: PageRenderer | None = None) -> None:
    """Register the handlers that turn every error into JSON (API) or an error page (UI)."""

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return respond(request, exc.status, exc.message, page, exc.headers)

    async def materiel_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MaterielError)
        status = status_of(exc)
        if status >= 500:
            log.warning("store error: %s", exc)
        return respond(request, status, str(exc), page)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, message, page, dict(exc.headers or {}))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {"field": _field(e.get("loc", ())), "problem": str(e.get("msg", "invalid"))} for e in exc.errors()
        ]
        message = "; ".join(f"{p['field']}: {p['problem']}" for p in problems[:5]) or "invalid request"
        return respond(request, 422, message, page, problems=problems)

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error: the server log has the details", page)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(MaterielError, materiel_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)


__all__ = ["ApiError", "error_body", "install", "status_of"]
