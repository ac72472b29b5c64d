"""The typed records that flow from one stage to the next.

Every stage takes and returns these frozen records, never ORM rows or spaCy objects, so a stage can
be tested, replaced or run elsewhere on its own. ``to_dict``/``from_dict`` give the JSON shapes of
../shared/EXPORT-FORMAT.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Self

__all__ = ["Article", "RawDocument"]

Format = Literal["text", "html"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One input as read: its source name, its content, and any metadata the input carried.

    ``doc`` is what users cite (file name, URL or JSONL id); ``group`` is the source that
    repeated-line evidence is counted within (publisher, else the folder the file came from).
    """

    doc: str
    content: str
    format: Format
    group: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the text every later offset refers to, and its metadata."""

    id: str
    doc: str
    text: str
    title: str | None
    published: date | None
    language: str | None
    publisher: str | None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the export shape (``published`` as ``YYYY-MM-DD``)."""
        return {
            "id": self.id,
            "doc": self.doc,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "publisher": self.publisher,
            "text": self.text,
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build an Article from its export shape."""
        published = data.get("published")
        return cls(
            id=data["id"],
            doc=data["doc"],
            text=data["text"],
            title=data.get("title"),
            published=date.fromisoformat(published) if published else None,
            language=data.get("language"),
            publisher=data.get("publisher"),
            url=data.get("url"),
        )
