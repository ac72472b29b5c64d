"""The FastAPI application: one router per resource, mounted here."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from ..errors import Errors, StoreError
from ..settings import Settings
from ..store import Store, is_timeout
from .api import router as api_router
from .pages import router as pages_router

__all__ = ["create_app"]

logger = logging.getLogger(__name__)

# Security headers on every response: article text is third-party content (issue 6).
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}


# Requests larger than this are refused (413): an article is far smaller.
MAX_REQUEST_BYTES = 2_000_000


def create_app(settings: Settings, *, write_token: str | None = None) -> FastAPI:
    """Build the app over the database named in ``settings``.

    Writing (``POST /api/articles``) is off unless ``write_token`` is given, and then every
    write must carry it as ``Authorization: Bearer <token>``. Requests read through a
    read-only store whose statements stop after ``query_time_limit`` seconds; writes go
    through a second, writable store opened on the first of them.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        for store in (app.state.store, app.state.writer):
            if store is not None:
                store.close()

    app = FastAPI(title="communique", version=version("communique"), lifespan=lifespan)
    app.state.store = Store.open(
        settings.db, read_only=True, time_limit=settings.query_time_limit or None
    )
    app.state.writer = None
    app.state.settings = settings
    app.state.write_token = write_token
    app.state.nlp = None  # built on the first write, then kept
    app.include_router(api_router, prefix="/api")
    app.include_router(pages_router)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
            response = _error(413, f"request over {MAX_REQUEST_BYTES} bytes")
            response.headers.update(_HEADERS)
            return response
        response = await call_next(request)
        response.headers.update(_HEADERS)
        return response

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(400, "; ".join(str(e.get("msg")) for e in error.errors()))

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, error: StoreError) -> JSONResponse:
        logger.error("%s", error)
        return _error(503 if "locked" in error.message else 500, error.message)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
        logger.exception("unexpected error", exc_info=error)
        response = _error(500, "internal error")
        response.headers.update(_HEADERS)  # this handler runs outside the middleware
        return response

    @app.exception_handler(SQLAlchemyError)
    async def _database_error(_request: Request, error: SQLAlchemyError) -> JSONResponse:
        if is_timeout(error):
            return _error(503, Errors.E405.format(limit=settings.query_time_limit))
        logger.exception("database error", exc_info=error)
        return _error(500, "database error")

    @app.get("/-/versions")
    def versions() -> dict[str, object]:
        """Versions of communique and its main parts, and the settings in force."""
        packages = ("communique", "spacy", "fastapi", "sqlalchemy", "trafilatura")
        return {
            "versions": {name: version(name) for name in packages},
            "settings": {k: v for k, v in settings.to_dict().items() if k != "db"},
        }

    return app


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
