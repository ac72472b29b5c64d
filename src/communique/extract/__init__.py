"""Stage 5, extract: statements (and, as issue 4 lands, events and agreements) from a parsed Doc.

Runs as the spaCy component ``communique_extract`` after ``communique_actors``, reading the
actor mentions it left on the Doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .statements import find_statements

__all__ = ["find_statements", "make_extract_component"]


@Language.component(
    "communique_extract",
    assigns=["doc._.statements"],
    requires=["doc._.mentions", "doc.sents"],
)
def make_extract_component(doc: Doc) -> Doc:
    """Find the Doc's statements from its actor mentions."""
    doc._.statements = find_statements(doc, doc._.mentions)
    return doc
