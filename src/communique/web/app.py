"""The FastAPI application: one router per resource, mounted here."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    "Referrer-Policy": "no-referrer",
}


# Requests larger than this are refused (413): an article is far smaller.
MAX_REQUEST_BYTES = 2_000_000

# The one route that writes, and so the one that needs the token.
_WRITE = ("POST", "/api/articles")


class _Gate:
    """The request gate, before any route: security headers, the token, the size limit.

    A pure ASGI layer, because the checks must come before the body is read: the write token is
    checked on the headers alone (a request without it is answered 401 and its body never
    read), and the body is counted as it streams, so a ``Transfer-Encoding: chunked`` request,
    which declares no length, is stopped with 413 at the limit instead of being held whole.
    """

    def __init__(self, app: ASGIApp, *, token: str | None, limit: int) -> None:
        self.app = app
        self.token = token.encode() if token is not None else None
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.decode() not in _LOWER
                ]
                message["headers"] = headers + _RAW_HEADERS
            await send(message)

        headers = dict(scope["headers"])
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # FastAPI passes an HTTPException raised while reading the body on to the
                    # app's handler, which answers 413 with the usual JSON error.
                    raise HTTPException(413, f"request over {self.limit} bytes")
            return message

        await self.app(scope, counted, send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[bytes, bytes]) -> JSONResponse | None:
        """The answer to a request refused on its headers alone, or None to let it through."""
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            return _error(413, f"request over {self.limit} bytes")
        if (scope["method"], scope["path"].rstrip("/")) != _WRITE:
            return None
        if self.token is None:
            return _error(403, "writing is off (start the server with a write token)")
        given = headers.get(b"authorization", b"")
        if not hmac.compare_digest(given, b"Bearer " + self.token):
            return _error(401, "a valid write token is required")
        return None


def create_app(settings: Settings, *, write_token: str | None = None) -> FastAPI:
    """Build the app over the database named in ``settings``.

    Writing (``POST /api/articles``) is off unless ``write_token`` is given, and then every
    write must carry it as ``Authorization: Bearer <token>`` (checked by :class:`_Gate`
    before the body is read). Requests read through a
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
    app.state.nlp = None  # built on the first write, then kept
    app.include_router(api_router, prefix="/api")
    app.include_router(pages_router)

    app.add_middleware(_Gate, token=write_token, limit=MAX_REQUEST_BYTES)

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


_LOWER = {name.lower() for name in _HEADERS}
_RAW_HEADERS = [(name.lower().encode(), value.encode()) for name, value in _HEADERS.items()]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
