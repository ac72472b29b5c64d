"""One mapping between the model's records and the tables' rows, both ways.

A record's field is stored in the column of the same name; the few fields that are not one
column are declared here as data, not written out per table:

- a tuple of codes or names is one text column, its items joined by a separator;
- a :class:`~communique.model.Span` (``when``) is the columns ``date``, ``enddate``,
  ``precision`` and, where the table has it, ``from_publication``.

Columns a record has no field for (``article_id``, an instrument's ``key``) and fields a table
has no column for (an event's ``evidence``) are given by the caller.
"""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

from ..model import Span
from .tables import Base

__all__ = ["title_key", "to_record", "to_row", "to_values"]

Row = TypeVar("Row", bound=Base)
Record = TypeVar("Record")

# Tuple fields kept as one text column, and the separator between their items.
JOINED = {"codes": " ", "parties": " ", "actor": " ", "recipient": " ", "people": "|"}
# The columns of a Span field: column -> (Span attribute, value when there is no Span).
SPAN_COLUMNS = {
    "date": ("start", None),
    "enddate": ("end", None),
    "precision": ("precision", None),
    "from_publication": ("from_publication", False),
}
SPAN_FIELD = "when"


@cache
def _columns(table: type[Base]) -> frozenset[str]:
    return frozenset(table.__table__.columns.keys())


def to_row(table: type[Row], record: Any, **columns: Any) -> Row:
    """The row of ``table`` storing ``record``; ``columns`` adds (or overrides) column values."""
    return table(**to_values(table, record, **columns))


def to_values(table: type[Base], record: Any, **columns: Any) -> dict[str, Any]:
    """The column values of the row of ``table`` storing ``record``, for a bulk insert.

    What :func:`to_row` gives an ORM object, as a plain mapping: rows whose ids nothing reads
    back (an article's mentions, say) are inserted thousands at a time without the ORM's
    bookkeeping for each.
    """
    values: dict[str, Any] = {}
    for name, separator, span in _plan(table, type(record)):
        value = getattr(record, name)
        if span is not None:
            for column, attribute, default in span:
                values[column] = getattr(value, attribute) if value is not None else default
        elif separator is not None:
            values[name] = separator.join(value)
        else:
            values[name] = value
    return values | columns


# How one field of a record is stored: its name, the separator joining its items (None: stored
# as it is) and, for the Span field, its columns as (column, Span attribute, value without one).
_Step = tuple[str, str | None, tuple[tuple[str, str, Any], ...] | None]


@cache
def _plan(table: type[Base], record: type) -> tuple[_Step, ...]:
    """What :func:`to_values` does with each field of a record type for a table, worked out once.

    A batch converts thousands of records of a few types: asking each which fields it has and
    which columns the table has, record by record, was most of the conversion's time.
    """
    known = _columns(table)
    steps: list[_Step] = []
    for field in fields(record):
        if field.name == SPAN_FIELD:
            span = tuple(
                (column, attribute, default)
                for column, (attribute, default) in SPAN_COLUMNS.items()
                if column in known
            )
            steps.append((field.name, None, span))
        elif field.name in known:
            steps.append((field.name, JOINED.get(field.name), None))
    return tuple(steps)


def to_record(record: type[Record], row: Base, **values: Any) -> Record:
    """The ``record`` a row stores; ``values`` gives the fields the row has no column for.

    Fields with neither a column nor a value keep their defaults (a learned role's dates).
    """
    known = _columns(type(row))
    found: dict[str, Any] = {}
    for field in fields(record):  # type: ignore[arg-type]
        if field.name in values:
            continue
        if field.name == SPAN_FIELD:
            found[field.name] = _span(row, known)
        elif field.name in JOINED:
            text = getattr(row, field.name)
            found[field.name] = tuple(item for item in text.split(JOINED[field.name]) if item)
        elif field.name in known:
            found[field.name] = getattr(row, field.name)
    return record(**found, **values)


def _span(row: Base, known: frozenset[str]) -> Span | None:
    """The Span a row's date columns hold (None unless both of its days are stored)."""
    stored = {
        attribute: getattr(row, column)
        for column, (attribute, _default) in SPAN_COLUMNS.items()
        if column in known
    }
    if stored["start"] is None or stored["end"] is None:
        return None
    return Span(**stored)


def title_key(title: str) -> str:
    """Normalise an instrument's title so its namings across texts meet: case, articles, space."""
    words = re.findall(r"[\w-]+", title.casefold())
    return " ".join(w for w in words if w not in {"the", "a", "an"})
