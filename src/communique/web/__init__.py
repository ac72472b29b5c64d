"""The web layer: the JSON API, the HTML pages and the relationship page over the store.

``create_app(settings)`` builds the FastAPI app; nothing here reads the environment. Records
have the shapes of ../shared/EXPORT-FORMAT.md, lists are paginated, and every error has one
shape: ``{"ok": false, "error": "...", "status": N}``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """``create_app``, imported on first use.

    The figures of ``report`` and ``digest`` live in this package too, and those commands need
    no FastAPI.
    """
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
