"""Entities inside a span, found in time proportional to the span, not to its Doc.

spaCy's ``Span.ents`` walks every entity of the whole Doc for each span it is asked about, so
asking it of each sentence of a long report (a transcript of 1.5 MB is one Doc) costs time
quadratic in the report's length; reading the span's own tokens costs only the span.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["entities_in"]


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
