"""communique: read diplomatic news, keep a structured, source-linked record of it."""

from __future__ import annotations

import logging

from .errors import CommuniqueError
from .model import Article, RawDocument
from .pipeline import IngestReport, ingest
from .settings import Settings, load_settings
from .store import Store

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
