"""The FastAPI application: one router per resource, mounted here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from importlib.metadata import version

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors, StoreError
from ..kb import find_place
from ..settings import Settings
from ..store import Store, is_timeout
from .api import router as api_router
from .cache import Answers, Cache
from .pages import router as pages_router
from .pages import warm
from .relations import router as relations_router

__all__ = ["create_app"]

logger = logging.getLogger(__name__)

# Security headers on every response: article text is third-party content (issue 6).
_CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# Swagger UI for /docs, served from the installed fastapi-offline package rather than a CDN: the
# page must work air-gapped, and the CSP above forbids other origins anyway (issue 11).
_DOCS_ASSETS = "/-/docs-assets"


# Route handlers running at once in one server process (AnyIO's default is 40). They share one
# interpreter lock and the store's pool of connections (5, and 10 more at a push): forty
# threads waiting on each other and on connections answered slower than a few taking turns,
# and left requests waiting half a minute for a connection under twenty clients.
HANDLER_THREADS = 8

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

    def __init__(
        self, app: ASGIApp, *, token: str | None, limit: int, policies: dict[str, str]
    ) -> None:
        self.app = app
        self.token = token.encode() if token is not None else None
        self.limit = limit
        self.policies = policies  # path -> its own Content-Security-Policy (only /docs has one)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        policy = self.policies.get(scope["path"], _CSP)
        added = [*_RAW_HEADERS, (b"content-security-policy", policy.encode())]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.decode() not in _LOWER
                ]
                message["headers"] = headers + added
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
        to_thread.current_default_thread_limiter().total_tokens = HANDLER_THREADS
        # The knowledge base and the gazetteer behind an event's coordinates take a second or
        # two to load: once as the process starts, not in the first visitor's request.
        await to_thread.run_sync(find_place, "")
        try:
            await to_thread.run_sync(warm, app.state.store, app.state.cache)
        except StoreError as error:  # the first request that needs them will say it again
            logger.warning("%s", error)
        yield
        for store in (app.state.store, app.state.writer):
            if store is not None:
                store.close()

    app = FastAPI(
        title="communique",
        version=version("communique"),
        lifespan=lifespan,
        docs_url=None,  # served below from packaged assets
        redoc_url=None,  # ReDoc needs a CDN and blob: workers the CSP forbids
    )
    app.state.store = Store.open(
        settings.db, read_only=True, time_limit=settings.query_time_limit or None
    )
    app.state.writer = None
    app.state.cache = Cache()
    app.state.settings = settings
    app.state.nlp = None  # built on the first write, then kept
    app.include_router(api_router, prefix="/api")
    app.include_router(pages_router)
    app.include_router(relations_router)

    docs_page, docs_policy = _docs_page(app)
    assets = resources.files("fastapi_offline").joinpath("static")
    app.mount(_DOCS_ASSETS, StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """The OpenAPI documentation, browsable offline."""
        return HTMLResponse(docs_page)

    # Added before the gate, so the gate wraps it: a kept answer gets the security headers too.
    app.add_middleware(Answers)
    app.add_middleware(
        _Gate, token=write_token, limit=MAX_REQUEST_BYTES, policies={"/docs": docs_policy}
    )

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
_RAW_HEADERS = [
    (name.lower().encode(), value.encode())
    for name, value in _HEADERS.items()
    if name != "Content-Security-Policy"
]


def _docs_page(app: FastAPI) -> tuple[str, str]:
    """The Swagger UI page over the packaged assets, and the CSP that lets it run.

    FastAPI's page starts Swagger UI with a small inline script; rather than allowing inline
    scripts, the policy names that one script by its SHA-256 hash (computed here from the very
    page served), so nothing else inline can run and no other origin is allowed.
    """
    page = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=f"{app.title} - API",
        swagger_js_url=f"{_DOCS_ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{_DOCS_ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{_DOCS_ASSETS}/favicon.png",
    ).body.decode()
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    )
    return page, f"{_CSP}; script-src 'self' {hashes}"


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
