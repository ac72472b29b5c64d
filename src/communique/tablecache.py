"""Tables built from data files, kept on disk beside the pipeline cache and loaded from there.

The language identifier's model (decompressed) and the gazetteer's index of city names take a
second or more to build and a fraction of that to load. Each is kept in one file of the cache
folder (setting ``pipeline_cache``) named by a hash of the files it is built from and of the code
that builds it, so a changed data file or package gives another name and a stale table is never
read. Files are written to a temporary name and renamed, so concurrent runs are safe; a file that
cannot be written or read costs time, never the run (E132, E133).

Plain tables (strings, numbers, tuples, dicts) go through :mod:`marshal`, the fastest to read.
Objects of other libraries go through :class:`Mapped`: pickle, with their large arrays stored
beside the stream and mapped into memory when read.
"""

from __future__ import annotations

import array
import gc
import hashlib
import io
import logging
import marshal
import mmap
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

from .errors import Errors

__all__ = ["Mapped", "cached_table", "file_digest", "freeze_once", "gc_paused"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

_ALIGN = 64  # where each array starts in a mapped file: aligned for any element type


def _array_view(buffer: memoryview, typecode: str) -> memoryview:
    """An ``array.array``'s contents as a read-only view of the same type code."""
    return memoryview(buffer).cast("B").cast(typecode)


class _ArrayPickler(pickle.Pickler):
    """A pickler that sends ``array.array`` contents out of band, as NumPy's arrays go already.

    The views :class:`Mapped` gives back for them go the same way, so a table read from the
    cache can be written again.
    """

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is array.array:
            return _array_view, (pickle.PickleBuffer(obj), obj.typecode)
        if type(obj) is memoryview and obj.ndim == 1 and obj.c_contiguous:
            return _array_view, (pickle.PickleBuffer(obj), obj.format)
        return NotImplemented


class Mapped:
    """pickle, with the arrays of the pickled object kept beside the stream and mapped on load.

    The language identifier's model is 70 MB, nearly all of it two arrays: unpickling copies
    them, 60 ms of every start, while a mapping costs nothing until a page is read, and the
    processes of one machine share those pages. Arrays come back read-only: NumPy's as read-only
    arrays, the standard library's ``array.array`` as read-only memoryviews of the same type code
    (indexed as the array was). That suits the lookup tables cached here, which nobody changes.

    The file: 8 bytes giving the header's length; the header (marshal: the stream's length and
    each array's offset and size, counted from the stream's start), padded so the stream starts
    on an :data:`_ALIGN` boundary; the pickle stream (protocol 5); the arrays, each aligned.
    """

    @staticmethod
    def dump(table: object, out: IO[bytes]) -> None:
        """Write ``table`` to ``out`` in the layout above (``out`` need not be seekable)."""
        buffers: list[pickle.PickleBuffer] = []
        stream = io.BytesIO()
        _ArrayPickler(stream, protocol=5, buffer_callback=buffers.append).dump(table)
        body = stream.getbuffer()
        raws = [buffer.raw() for buffer in buffers]
        spans, end = [], len(body)
        for raw in raws:
            start = -(-end // _ALIGN) * _ALIGN
            spans.append((start, raw.nbytes))
            end = start + raw.nbytes
        header = marshal.dumps((len(body), spans))
        out.write(len(header).to_bytes(8, "little"))
        out.write(header.ljust(-(-(8 + len(header)) // _ALIGN) * _ALIGN - 8, b"\0"))
        out.write(body)
        end = len(body)
        for (start, size), raw in zip(spans, raws, strict=True):
            out.write(bytes(start - end))
            out.write(raw)
            end = start + size

    @staticmethod
    def load(handle: IO[bytes]) -> Any:
        """The table in ``handle``'s file; its arrays stay views of the mapping, which they keep."""
        view = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        size = int.from_bytes(view[:8], "little")
        length, spans = marshal.loads(view[8 : 8 + size])
        base = -(-(8 + size) // _ALIGN) * _ALIGN
        if base + max([length, *(start + n for start, n in spans)]) > len(view):
            raise ValueError("the file is shorter than its header says")
        arrays = [view[base + start : base + start + n] for start, n in spans]
        return pickle.loads(view[base : base + length], buffers=arrays)


_CODECS: dict[str, Any] = {"marshal": marshal, "mapped": Mapped}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large table is read.

    Reading makes hundreds of thousands of containers, none of them garbage; the collector
    would walk the growing heap again and again, which takes longer than the reading itself.
    The pause sets the collector's first threshold to zero rather than disabling it: spaCy's
    loaders read msgpack through srsly, which calls ``gc.enable()`` when done and would end a
    ``gc.disable()`` halfway through a pipeline. The thresholds come back when the table is in.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def freeze_once() -> None:
    """Hide every object alive now from the collector, the first time a process asks.

    Called when the pipeline is loaded: with its knowledge base that is a million containers
    that live as long as the process, and every full collection would walk them all, a tenth
    of a second at start-up and again at each full collection of a long run. Only the first
    time: a process that loads another pipeline later (tests, a server with other settings)
    leaves that one to the collector, so dropping it frees it. Frozen objects that die are
    still freed by reference counting; only cycles among them would stay.
    """
    if not gc.get_freeze_count():  # nothing frozen yet in this process
        gc.freeze()


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
    codec: Literal["marshal", "mapped"],
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
