"""Entities and mentions inside a span, found in time proportional to the span, not to its Doc.

spaCy's ``Span.ents`` walks every entity of the whole Doc for each span it is asked about, so
asking it of each sentence of a long report (a transcript of 1.5 MB is one Doc) costs time
quadratic in the report's length; reading the span's own tokens costs only the span. The same
holds for the actor mentions: :class:`Mentions` finds those of a sentence or a phrase by
bisecting their offsets instead of testing every mention of the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import overload

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .model import Mention

__all__ = ["Mentions", "doc_text", "entities_in", "give_text", "tokens_lowered"]

# Where :func:`doc_text` keeps a Doc's text (spaCy's user data, beside the ``._`` extensions).
_TEXT_KEY = ("communique", "text")


def doc_text(doc: Doc) -> str:
    """The Doc's text, built from its tokens once and then kept with the Doc.

    spaCy's ``Doc.text`` joins every token's text on every access (a Python object per token);
    the stages that read an article's whole text ask for it a dozen times. A Doc's text never
    changes (merging tokens keeps it), so the first answer stays right.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def give_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as the Doc's text, known already: :func:`doc_text` then joins no tokens.

    The pipeline knows each article's text before its Doc exists; the caller vouches that it
    is the Doc's (spaCy's tokenizer keeps every character, so a Doc made from it has it).
    """
    doc.user_data[_TEXT_KEY] = text


def tokens_lowered(doc: Doc, words: Collection[str]) -> Iterator[Token]:
    """The Doc's tokens whose lower-case form is one of ``words``, in order.

    Read from the Doc's array of lower-case forms (the vocabulary's hash of each string): a
    stage that looks for a handful of words ("we", "the treaty") makes no Token of the others.
    """
    wanted = {doc.vocab.strings[word] for word in words}
    for i, value in enumerate(doc.to_array(LOWER).tolist()):
        if value in wanted:
            yield doc[i]


def entities_in(span: Span) -> list[Span]:
    """The named entities lying wholly inside ``span``, in order, as ``span.ents`` gives them."""
    doc = span.doc
    found: list[Span] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B" and not (token.ent_iob_ == "I" and i == span.start):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if token.ent_iob_ == "B" and end <= span.end:
            found.append(
                Span(doc, i, end, label=token.ent_type, kb_id=token.ent_kb_id, span_id=token.ent_id)
            )
        i = end
    return found


class Mentions(Sequence[Mention]):
    """An article's mentions in their given order, with lookups by character offset.

    Every lookup answers in the order of the sequence itself, exactly as a filter over it
    would, so code that took "the first" or "the last" mention of a phrase keeps its answer.
    Built once per Doc: each lookup then costs the logarithm of the article's mentions plus
    what it finds, and a stage asking once per sentence or trigger stays linear in the text.
    """

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._items = list(mentions)
        self._by_start = sorted(range(len(self._items)), key=lambda i: self._items[i].start)
        self._starts = [self._items[i].start for i in self._by_start]
        # the actor stage sorts its mentions by offset: then a slice is already in order
        self._in_order = all(i == n for n, i in enumerate(self._by_start))
        self._longest = max((m.end - m.start for m in self._items), default=0)

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> Mentions:
        """The mentions indexed, or the same index when they already are."""
        return mentions if isinstance(mentions, cls) else cls(mentions)

    @overload
    def __getitem__(self, index: int) -> Mention: ...

    @overload
    def __getitem__(self, index: slice) -> list[Mention]: ...

    def __getitem__(self, index: int | slice) -> Mention | list[Mention]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._items)

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at or after ``lo`` and before ``hi``."""
        first, last = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        if self._in_order:
            return self._items[first:last]
        return [self._items[i] for i in sorted(self._by_start[first:last])]

    def inside(self, lo: int, hi: int) -> list[Mention]:
        """The mentions lying wholly within the characters ``lo`` to ``hi``."""
        return [m for m in self.starting_in(lo, hi + 1) if m.end <= hi]

    def inside_or_covering(self, lo: int, hi: int, position: int) -> list[Mention]:
        """The mentions within ``lo`` to ``hi`` or holding the character at ``position``."""
        near = self.starting_in(min(lo, position - self._longest), max(hi, position) + 1)
        return [m for m in near if (lo <= m.start and m.end <= hi) or m.start <= position < m.end]

    def covering(self, position: int) -> list[Mention]:
        """The mentions that hold the character at ``position``."""
        near = self.starting_in(position - self._longest, position + 1)
        return [m for m in near if position < m.end]
