"""The web layer: a JSON API over the store (issue 6; the HTML pages come next).

``create_app(settings)`` builds the FastAPI app; nothing here reads the environment. Records
have the shapes of ../shared/EXPORT-FORMAT.md, lists are paginated, and every error has one
shape: ``{"ok": false, "error": "...", "status": N}``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
