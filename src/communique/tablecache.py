"""Tables built from data files, kept on disk beside the pipeline cache and loaded from there.

The language identifier's model (decompressed) and the gazetteer's index of city names take a
second or more to build and a fraction of that to load. Each is kept in one file of the cache
folder (setting ``pipeline_cache``) named by a hash of the files it is built from and of the code
that builds it, so a changed data file or package gives another name and a stale table is never
read. Files are written to a temporary name and renamed, so concurrent runs are safe; a file that
cannot be written or read costs time, never the run (E132, E133).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar

from .errors import Errors

__all__ = ["cached_table", "file_digest", "gc_paused"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

# marshal for tables of plain values (fastest to load), pickle for objects of other libraries.
_CODECS: dict[str, Any] = {"marshal": marshal, "pickle": pickle}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large table is read.

    Reading makes hundreds of thousands of containers, none of them garbage; the collector
    would walk the growing heap again and again, which takes longer than the reading itself.
    Collection resumes (if it was on) when the table is in.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def file_digest(paths: Iterable[Path | str], *extra: str) -> str:
    """A short hash of the files' bytes and of ``extra`` strings (versions, code)."""
    digest = hashlib.sha256()
    for item in extra:
        digest.update(item.encode() + b"\0")
    for path in paths:
        with open(path, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:24]


def cached_table(
    folder: Path | None,
    name: str,
    key: Callable[[], str],
    build: Callable[[], T],
    *,
    codec: Literal["marshal", "pickle"],
) -> T:
    """The table ``build`` returns, read from ``folder/name-KEY.codec`` when it was written before.

    ``key`` is called only when there is a folder (hashing data files costs a little). Without
    ``folder`` the table is built every time.
    """
    if folder is None:
        return build()
    module = _CODECS[codec]
    # marshal's format is the Python version's: the name says which one wrote the file.
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    path = folder / f"{name}-{key()}-{python}.{codec}"
    if path.is_file():
        try:
            with path.open("rb") as handle, gc_paused():
                return module.load(handle)  # our own cache, written below
        except Exception as error:  # a truncated or foreign file: build again, say why
            logger.warning(Errors.E133.format(path=path, reason=error) + " [E133]")
    table = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(prefix=f".{path.name}-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                module.dump(table, out)
            os.replace(scratch, path)
        finally:
            Path(scratch).unlink(missing_ok=True)
    except (OSError, ValueError, pickle.PicklingError) as error:
        logger.warning(Errors.E132.format(path=path, reason=error) + " [E132]")
    return table
