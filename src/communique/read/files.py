"""Stage 1, read: turn paths (files, folders, ``-``) into RawDocuments.

Reading knows nothing of articles: it finds inputs, refuses what cannot be text, decodes what can,
and splits JSONL into records. Each refusal is an InputError naming the file and the reason, yielded
in place of the document so the caller can report it and go on with the others (issue 2).
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError, warning
from ..metadata import language_identifier
from ..model import RawDocument

__all__ = ["STDIN", "SUFFIXES", "decode_bytes", "read_inputs", "read_record"]

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
# Bytes below 0x20 that plain text never carries (tab, newline, carriage return and form feed are
# allowed). A share above this in the first block marks the file as binary.
_CONTROL = "".join(chr(code) for code in sorted(set(range(32)) - {9, 10, 12, 13}))
_HEAD = 8192
_MAX_CONTROL_SHARE = 0.02
# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one. A file that
# carries one says what it is, so it is decoded as that and nothing else.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The signatures of formats that are not text even when their first block looks printable (a PDF
# often opens with pages of plain PDF syntax before its first binary stream).
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (docx, xlsx, odt, epub …)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (doc, xls, msg)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
)
# A text that is valid UTF-8 but for a few stray bytes (a character pasted from a legacy code page,
# a truncated last character) is UTF-8: a legacy code page's letters above ASCII almost never form
# valid UTF-8 sequences by accident, so three valid non-ASCII characters for each invalid byte
# (a share of at most a quarter invalid) tell UTF-8 apart.
_MAX_STRAY_SHARE = 0.25
_REPLACEMENT = "\ufffd"
_REPLACEMENT_BYTES = _REPLACEMENT.encode("utf-8")
# A lone surrogate cannot be stored or hashed as UTF-8; JSON's \ud800 escapes can produce one.
_SURROGATE = re.compile("[\ud800-\udfff]")
# JSONL fields that must be strings; ``id`` and ``published`` may also be numbers.
_STRING_FIELDS = ("text", "html", "url", "title", "publisher", "language")
_NUMBER_FIELDS = ("id", "published")

logger = logging.getLogger(__name__)


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
        text = _decode(data, "<stdin>", max_bytes=max_bytes, records=data.lstrip().startswith(b"{"))
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
        text = _decode(data, str(path), max_bytes=max_bytes, records=kind == "jsonl")
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError("E104", path=path, reason=err.strerror or err)
        return
    yield from _documents(text, kind, doc=path.name, group=str(path.parent), path=path)


def decode_bytes(data: bytes, name: str, max_bytes: int) -> str:
    """Decode a document's bytes as a file's are (a fetched page whose server names no charset).

    Raises InputError E101, E102, E103, E108 or E114 as for a file named ``name``.
    """
    return _decode(data, name, max_bytes=max_bytes)


def _decode(data: bytes, name: str, *, max_bytes: int, records: bool = False) -> str:
    """Decode bytes by their byte-order mark, as UTF-8, else as the charset they most likely are.

    UTF-8 with a few stray bytes stays UTF-8 (each stray byte becomes U+FFFD, with a warning):
    decoding it whole as a legacy code page would garble every other non-ASCII letter. JSONL
    (``records``) with a line that opens a JSON object is not refused here for its control bytes:
    each line is judged when parsed, so that one bad line does not take the good ones with it
    (see :func:`_records`).
    """
    if len(data) > max_bytes:
        raise InputError("E103", path=name, size=len(data), limit=max_bytes)
    if not data.strip():
        raise InputError("E101", path=name)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError("E102", path=name, reason=what)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_marked(data[len(bom) :], encoding, name)
            if not text.strip():
                raise InputError("E101", path=name)
            binary = _binary(text[:_HEAD])
            if binary and not records:
                raise InputError("E102", path=name, reason=binary)
            return text
    # Latin-1 maps each byte to the character of the same number, so this counts bytes.
    head = data[:_HEAD].decode("latin-1")
    binary = _binary(head)
    opens_record = any(line.lstrip().startswith("{") for line in head.split("\n"))
    if binary and not (records and opens_record):
        raise InputError("E102", path=name, reason=binary)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    stray = text.count(_REPLACEMENT) - data.count(_REPLACEMENT_BYTES)
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - stray
    if stray <= _MAX_STRAY_SHARE * (wide + stray):
        logger.warning(warning("W101", path=name, count=stray))
        return text
    return _decode_legacy(data, name)


def _decode_marked(data: bytes, encoding: str, name: str) -> str:
    """Decode a text whose byte-order mark names its encoding (UTF-16 or UTF-32)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError("E114", path=name, encoding=encoding, reason=err.reason) from err


def _binary(head: str) -> str | None:
    """Why a text's first block is binary rather than text (NUL or control characters), or None."""
    if "\x00" in head:
        return "contains NUL bytes"
    control = sum(head.count(char) for char in _CONTROL)
    if control > _MAX_CONTROL_SHARE * len(head):
        return f"{control} control bytes in the first block"
    return None


def _record_lines(text: str) -> list[str]:
    """Split JSONL at line feeds only.

    A record's strings may hold U+2028, U+0085 or a form feed, which ``str.splitlines`` would take
    for line ends, cutting the record in two.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


def _decode_legacy(data: bytes, name: str) -> str:
    """Decode a non-UTF-8 text with the charset under which it reads most like a language.

    charset-normalizer ranks code pages by how chaotic the decoded text looks, but sibling pages
    (cp1250, cp1252, cp1257) often tie on a Western text and differ only in a few accented
    letters; among the least chaotic, the language identifier's likelihood breaks the tie.
    """
    import charset_normalizer  # a tenth of a second to import: only for a text not in UTF-8

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError("E108", path=name)
    least = min(match.chaos for match in matches)
    calm = [str(match) for match in matches if match.chaos <= least]
    return max(calm, key=lambda text: language_identifier().classify(text[:4000])[1])


def _documents(
    text: str, kind: str, *, doc: str, group: str, path: Path | None = None
) -> Iterator[RawDocument | InputError]:
    where = str(path) if path else doc
    if kind == "jsonl":
        yield from _records(text, where=where, group=group)
    else:
        yield RawDocument(doc=doc, content=text, format=kind, group=group, where=where)  # type: ignore[arg-type]


def _records(text: str, *, where: str, group: str) -> Iterator[RawDocument | InputError]:
    """Yield each JSONL line's record, or the error that names its line.

    A file none of whose lines is a record and whose first block looks binary is one error, not
    one per line: the errors are held back until the first good record shows it is JSONL.
    """
    held: list[InputError] | None = []
    for number, line in enumerate(_record_lines(text), start=1):
        if not line.strip():
            continue
        try:
            record = read_record(line, source=where, line=number, group=group)
        except InputError as err:
            if held is None:
                yield err
            else:
                held.append(err)
            continue
        if held is not None:
            yield from held
            held = None
        yield record
    binary = _binary(text[:_HEAD]) if held else None
    if binary:
        yield InputError("E102", path=where, reason=binary)
    else:
        yield from held or ()


def read_record(text: str, *, source: str, line: int, group: str) -> RawDocument:
    """Turn one JSON record (a JSONL line) into a RawDocument; fields as in the README.

    ``source`` is the place the record was read from (the file's path as given), which every
    error names with the line.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError("E105", path=source, line=line, reason=err.msg) from err
    except ValueError as err:  # a number of more than 4,300 digits
        raise InputError("E105", path=source, line=line, reason=str(err).split(":")[0]) from err
    except RecursionError as err:
        raise InputError("E105", path=source, line=line, reason="nested too deeply") from err
    if not isinstance(data, dict):
        raise InputError("E105", path=source, line=line, reason="not a JSON object")
    for field in (*_STRING_FIELDS, *_NUMBER_FIELDS):
        value = data.get(field)
        if isinstance(value, str) and _SURROGATE.search(value):
            logger.warning(warning("W102", path=source, line=line, field=field))
            data[field] = value = _SURROGATE.sub(_REPLACEMENT, value)
        text_only = field in _STRING_FIELDS
        if value is not None and not (
            isinstance(value, str) or (isinstance(value, int) and not text_only)
        ):
            kind = "a string" if text_only else "a string or a number"
            raise InputError("E111", path=source, line=line, field=field, kind=kind)
    body, kind = (data.get("text"), "text") if data.get("text") else (data.get("html"), "html")
    if not body or not body.strip():
        raise InputError("E106", path=source, line=line)
    published = None
    if data.get("published"):
        try:
            published = date.fromisoformat(str(data["published"])[:10])
        except ValueError as err:
            raise InputError(
                "E111", path=source, line=line, field="published", kind="an ISO date"
            ) from err
    # Without an id or URL the record is cited by its file's name and line, as a file is.
    doc = str(data.get("id") or data.get("url") or f"{Path(source).name}:{line}")
    publisher = data.get("publisher")
    return RawDocument(
        doc=doc,
        content=body,
        format=kind,  # type: ignore[arg-type]
        group=publisher or group,
        title=data.get("title"),
        published=published,
        url=data.get("url"),
        publisher=publisher,
        language=data.get("language"),
        where=f"{source}:{line}",
    )
