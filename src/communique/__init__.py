"""communique: read diplomatic news, keep a structured, source-linked record of it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .errors import CommuniqueError
from .model import Article, RawDocument
from .settings import Settings, load_settings
from .store import Store

if TYPE_CHECKING:
    from .pipeline import IngestReport, ingest

__all__ = [
    "Article",
    "CommuniqueError",
    "IngestReport",
    "RawDocument",
    "Settings",
    "Store",
    "ingest",
    "load_settings",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    """Import the pipeline (spaCy and the language stages, seconds) when it is first asked for.

    Every command imports this package; only ``ingest`` needs the language stages.
    """
    if name in {"ingest", "IngestReport"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
