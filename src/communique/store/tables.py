"""The database tables (SQLAlchemy 2 declarative).

Only the store package knows these rows; everything else sees ``model.py`` records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "DERIVED",
    "AnalysisRow",
    "ArticleCodeRow",
    "ArticleFeatureRow",
    "ArticleKeyRow",
    "ArticleRow",
    "ArticleSourceRow",
    "ArticleStoryRow",
    "Base",
    "EntityNameRow",
    "EntityRow",
    "EventRow",
    "EvidenceRow",
    "InstrumentRow",
    "LearnedRoleRow",
    "LineCountRow",
    "MentionRow",
    "MetaRow",
    "NearCopyRow",
    "NetworkCountRow",
    "SourceGroupRow",
    "StatementRow",
    "StoryActorRow",
    "StoryEdgeRow",
    "StoryRow",
    "WatchEntryRow",
    "WatchSourceRow",
]


class Base(DeclarativeBase):
    """Declarative base of every communique table."""


class MetaRow(Base):
    """Key/value facts about the database itself, such as the schema version."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    """One cleaned article, keyed by the hash of its content."""

    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    doc: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    publisher: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # Indexed (schema 11): "new since a moment" is a range of it, not a scan of every article.
    ingested_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class ArticleSourceRow(Base):
    """Every source name an article's content arrived under (the first one is ``articles.doc``)."""

    __tablename__ = "article_sources"
    __table_args__ = (UniqueConstraint("article_id", "doc"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    doc: Mapped[str] = mapped_column(Text, index=True)


class SourceGroupRow(Base):
    """How many documents of one source (publisher or folder) have been stored."""

    __tablename__ = "source_groups"
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    docs: Mapped[int] = mapped_column(Integer, default=0)


class LineCountRow(Base):
    """In how many stored documents of a source a line occurs: the corpus evidence for cleaning."""

    __tablename__ = "line_counts"
    source: Mapped[str] = mapped_column(Text, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    docs: Mapped[int] = mapped_column(Integer, default=0)


class AnalysisRow(Base):
    """Which version of the language stages last analysed an article (issue 3)."""

    __tablename__ = "analyses"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class MentionRow(Base):
    """One resolved actor mention: offsets into the article text and what it denotes."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str | None] = mapped_column(Text, index=True)
    codes: Mapped[str] = mapped_column(Text, default="")  # space-separated
    office: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(8))
    sentence: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(16), default="name")


class LearnedRoleRow(Base):
    """A role read from a text (a name beside a title), with where it was read."""

    __tablename__ = "learned_roles"
    __table_args__ = (UniqueConstraint("person", "office", "code", "doc"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    person: Mapped[str] = mapped_column(Text, index=True)
    office: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(32))
    doc: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)


class StatementRow(Base):
    """A direct quotation with its speaker; offsets bound the quote in the article text.

    ``dated`` and ``published`` copy the article's date, so that quotations in order of
    publication (undated first) are read through one index, not sorted from a join.
    """

    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_when", "dated", "published", "article_id", "start"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    dated: Mapped[bool] = mapped_column(Boolean, default=False)
    published: Mapped[date | None] = mapped_column(Date)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    code: Mapped[str | None] = mapped_column(String(32))
    office: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    layout: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class InstrumentRow(Base):
    """One action on a named instrument, as one sentence of one article reports it."""

    __tablename__ = "instruments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    key: Mapped[str] = mapped_column(Text, index=True)  # normalised title: one agreement
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(24))
    parties: Mapped[str] = mapped_column(Text, default="")  # space-separated codes
    date: Mapped[date | None] = mapped_column(Date)
    enddate: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(8))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class EventRow(Base):
    """A PLOVER event coded from one article; its evidence sentences are EvidenceRows."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_merge", "merge_key", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    event: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(24))
    context: Mapped[str | None] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(Text, default="")  # space-separated codes
    recipient: Mapped[str] = mapped_column(Text, default="")
    people: Mapped[str] = mapped_column(Text, default="")  # "|"-separated names
    date: Mapped[date | None] = mapped_column(Date, index=True)
    enddate: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(8))
    from_publication: Mapped[bool] = mapped_column(default=False)
    place: Mapped[str | None] = mapped_column(Text)
    place_code: Mapped[str | None] = mapped_column(String(32))
    negated: Mapped[bool] = mapped_column(default=False)
    tense: Mapped[str] = mapped_column(String(16))
    actor_text: Mapped[str | None] = mapped_column(Text)  # the doer as written, if uncoded
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    # The story this event is part of (``stories.id``), and its ``link.happening_key``: events
    # with different keys are never one happening, so a new event's candidates are looked up
    # by key and date window. None: an event that merges with nothing (no sides or no date).
    story_id: Mapped[str | None] = mapped_column(String(16), index=True)
    merge_key: Mapped[str | None] = mapped_column(Text)


class EvidenceRow(Base):
    """A sentence stating an event: offsets into the article text."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)


# The derived tables (issue 12): what pages and the API read instead of recomputing from every
# event and mention. They are kept at ingest, in the transaction that writes the articles
# (store/derived.py), and can always be rebuilt from the tables above, so backups leave them out.
DERIVED = frozenset(
    {
        "stories",
        "story_actors",
        "story_edges",
        "network_counts",
        "entities",
        "entity_names",
        "article_keys",
        "near_copies",
        "article_stories",
        "article_codes",
        "article_features",
    }
)


class StoryRow(Base):
    """One happening: the merged event of the stored events that report it (``link``)."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_when", "undated", "date", "id"),)
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    event: Mapped[str] = mapped_column(String(16), index=True)
    undated: Mapped[bool] = mapped_column(Boolean)
    date: Mapped[date | None] = mapped_column(Date)  # the reconciled date (start, end)
    enddate: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    sources: Mapped[int] = mapped_column(Integer)  # how many articles report it


class StoryActorRow(Base):
    """A code on either side of a story's merged event: the actor filter of every page."""

    __tablename__ = "story_actors"
    __table_args__ = (Index("ix_story_actors_when", "code", "undated", "date", "story_id"),)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    undated: Mapped[bool] = mapped_column(Boolean)  # the story's, in the order of its pages
    date: Mapped[date | None] = mapped_column(Date)


class StoryEdgeRow(Base):
    """A pair of participants a story ties, with its tone: one edge of the actor network."""

    __tablename__ = "story_edges"
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id"), primary_key=True)
    a: Mapped[str] = mapped_column(Text, primary_key=True)
    b: Mapped[str] = mapped_column(Text, primary_key=True)
    tone: Mapped[str] = mapped_column(String(16))


class NetworkCountRow(Base):
    """The stories on one edge of the whole network, by tone: the undated-period network."""

    __tablename__ = "network_counts"
    a: Mapped[str] = mapped_column(Text, primary_key=True)
    b: Mapped[str] = mapped_column(Text, primary_key=True)
    tone: Mapped[str] = mapped_column(String(16), primary_key=True)
    stories: Mapped[int] = mapped_column(Integer, default=0)


class EntityRow(Base):
    """A person, organisation or state across the corpus, with its mention count."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_rank", "kind", "mentions"),)
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, index=True)
    code: Mapped[str | None] = mapped_column(String(32))
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class EntityNameRow(Base):
    """How often one entity was called by one text, or given one office, by its mentions.

    ``field`` is "alias" (the text of a mention by name or seat), "office" (the office of such
    a mention) or "any-office" (the office of any mention: used when no mention names it).
    """

    __tablename__ = "entity_names"
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    field: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class ArticleKeyRow(Base):
    """One LSH band key of an article's text (``link.signature``): near-copies share one."""

    __tablename__ = "article_keys"
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)


class NearCopyRow(Base):
    """Two articles whose texts are reposts or light edits of each other (``a < b``)."""

    __tablename__ = "near_copies"
    a: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    b: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True, index=True)


class ArticleStoryRow(Base):
    """The story cluster an article was placed in when it was stored (``link.assign_stories``)."""

    __tablename__ = "article_stories"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    story: Mapped[str] = mapped_column(String(16), index=True)


class ArticleCodeRow(Base):
    """A code a dated article mentions: story-cluster candidates are looked up by these."""

    __tablename__ = "article_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    published: Mapped[date] = mapped_column(Date, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)


class ArticleFeatureRow(Base):
    """An article as story clustering compares it: date, codes and packed views (``link``).

    Kept so that a stored candidate is one row read, not its text and mentions read and its
    text analysed again for every new article it is compared with.
    """

    __tablename__ = "article_features"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    published: Mapped[date | None] = mapped_column(Date)
    codes: Mapped[str] = mapped_column(Text)  # space-separated, sorted
    views: Mapped[bytes] = mapped_column(LargeBinary)


class WatchSourceRow(Base):
    """A source that ``communique watch`` follows, with the state of its fetching (issue 14).

    Times are UTC. ``kind`` is what the source served when last read (feed, sitemap, page);
    ``etag`` and ``last_modified`` are the validators of its last answer, sent back so an
    unchanged listing costs a 304; ``failures`` counts the runs in a row that ended in an error.
    """

    __tablename__ = "watch_sources"
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(16))
    every: Mapped[int] = mapped_column(Integer)  # seconds between two runs
    added_at: Mapped[datetime] = mapped_column(DateTime)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetch: Mapped[datetime | None] = mapped_column(DateTime)
    last_new: Mapped[datetime | None] = mapped_column(DateTime)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_due: Mapped[datetime] = mapped_column(DateTime, index=True)


class WatchEntryRow(Base):
    """An entry URL of a followed source that is done with: never fetched again.

    ``status`` is "stored" (its article is in the store: ``article_id``), "failed" (the page
    yields no article, or the site refuses it for good) or "forbidden" (robots.txt). ``page``
    is the SHA-256 of the bytes kept in the pages folder (setting ``watch_pages``), from which
    the article is analysed again after an upgrade, without fetching it again.
    """

    __tablename__ = "watch_entries"
    source: Mapped[str] = mapped_column(ForeignKey("watch_sources.name"), primary_key=True)
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    page: Mapped[str | None] = mapped_column(String(64))
    content_type: Mapped[str | None] = mapped_column(Text)  # the page's, for its charset
    article_id: Mapped[str | None] = mapped_column(String(32), index=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class ArticleVectorRow(Base):
    """What twin detection keeps of an article: language, day, source group, lead vector.

    ``vector`` (``embeddings.to_text``) is None until the article is a candidate twin.
    """

    __tablename__ = "article_vectors"
    __table_args__ = (Index("ix_article_vectors_when", "language", "published"),)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    language: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    vector: Mapped[str | None] = mapped_column(Text)


class TranslationRow(Base):
    """An article and its twin in another language; each pair is stored both ways."""

    __tablename__ = "translations"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    twin_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True, index=True)
    score: Mapped[float] = mapped_column(Float)


class TwinEventRow(Base):
    """An event carried over from its twin's text (``event_id``), and the one it came from."""

    __tablename__ = "twin_events"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
