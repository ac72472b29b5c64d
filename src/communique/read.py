"""Stage 1, read: turn paths (files, folders, ``-``) into RawDocuments.

Reading knows nothing of articles: it finds inputs, refuses what cannot be text, decodes what can,
and splits JSONL into records. Each refusal is an InputError naming the file and the reason, yielded
in place of the document so the caller can report it and go on with the others (issue 2).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import charset_normalizer
import py3langid

from .errors import InputError
from .model import RawDocument

__all__ = ["SUFFIXES", "read_inputs", "read_record"]

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
# Bytes below 0x20 that plain text never carries (tab, newline, carriage return and form feed are
# allowed). A share above this in the first block marks the file as binary.
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})
_MAX_CONTROL_SHARE = 0.02


def read_inputs(paths: Iterable[str], *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """Yield each document found under ``paths``, or the error that stopped it.

    Folders are walked recursively in name order, skipping hidden entries and files whose suffix
    is not one we read; a file named explicitly with such a suffix is an error.
    """
    for name in paths:
        if name == STDIN:
            yield from _read_stdin(max_bytes=max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUFFIXES:
                    yield from _read_file(child, max_bytes=max_bytes)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, max_bytes=max_bytes)
        else:
            yield InputError("E109", path=path)


def _read_stdin(*, max_bytes: int) -> Iterator[RawDocument | InputError]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        text = _decode(data, "<stdin>", max_bytes=max_bytes)
    except InputError as err:
        yield err
        return
    stripped = text.lstrip()
    kind = "jsonl" if stripped.startswith("{") else "html" if stripped.startswith("<") else "text"
    yield from _documents(text, kind, doc="<stdin>", group="<stdin>")


def _read_file(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield InputError("E110", path=path, suffix=path.suffix)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("E103", path=path, size=size, limit=max_bytes)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError("E104", path=path, reason=err.strerror or err) from err
        text = _decode(data, str(path), max_bytes=max_bytes)
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError("E104", path=path, reason=err.strerror or err)
        return
    yield from _documents(text, kind, doc=path.name, group=str(path.parent), path=path)


def _decode(data: bytes, name: str, *, max_bytes: int) -> str:
    """Decode bytes as UTF-8, else as the charset they most likely are (cp1251, latin-1 …)."""
    if len(data) > max_bytes:
        raise InputError("E103", path=name, size=len(data), limit=max_bytes)
    if not data.strip():
        raise InputError("E101", path=name)
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("E102", path=name, reason="contains NUL bytes")
    control = sum(head.count(byte) for byte in _CONTROL)
    if control > _MAX_CONTROL_SHARE * len(head):
        raise InputError("E102", path=name, reason=f"{control} control bytes in the first block")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_legacy(data, name)


def _decode_legacy(data: bytes, name: str) -> str:
    """Decode a non-UTF-8 text with the charset under which it reads most like a language.

    charset-normalizer ranks code pages by how chaotic the decoded text looks, but sibling pages
    (cp1250, cp1252, cp1257) often tie on a Western text and differ only in a few accented
    letters; among the least chaotic, the language identifier's likelihood breaks the tie.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError("E108", path=name)
    least = min(match.chaos for match in matches)
    calm = [str(match) for match in matches if match.chaos <= least]
    return max(calm, key=lambda text: py3langid.classify(text[:4000])[1])


def _documents(
    text: str, kind: str, *, doc: str, group: str, path: Path | None = None
) -> Iterator[RawDocument | InputError]:
    if kind != "jsonl":
        where = str(path) if path else doc
        yield RawDocument(doc=doc, content=text, format=kind, group=group, where=where)  # type: ignore[arg-type]
        return
    source = path.name if path else doc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield read_record(line, source=source, line=number, group=group)
            except InputError as err:
                yield err


def read_record(text: str, *, source: str, line: int, group: str) -> RawDocument:
    """Turn one JSON record (a JSONL line) into a RawDocument; fields as in the README."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError("E105", path=source, line=line, reason=err.msg) from err
    if not isinstance(data, dict):
        raise InputError("E105", path=source, line=line, reason="not a JSON object")
    for field in ("text", "html", "id", "url", "title", "published", "publisher", "language"):
        if data.get(field) is not None and not isinstance(data[field], str | int):
            raise InputError("E111", path=source, line=line, field=field, kind="a string")
    body, kind = (data.get("text"), "text") if data.get("text") else (data.get("html"), "html")
    if not body or not str(body).strip():
        raise InputError("E106", path=source, line=line)
    published = None
    if data.get("published"):
        try:
            published = date.fromisoformat(str(data["published"])[:10])
        except ValueError as err:
            raise InputError(
                "E111", path=source, line=line, field="published", kind="an ISO date"
            ) from err
    doc = str(data.get("id") or data.get("url") or f"{source}:{line}")
    publisher = data.get("publisher")
    return RawDocument(
        doc=doc,
        content=str(body),
        format=kind,  # type: ignore[arg-type]
        group=str(publisher) if publisher else group,
        title=data.get("title"),
        published=published,
        url=data.get("url"),
        publisher=publisher,
        language=data.get("language"),
        where=f"{source}:{line}",
    )
