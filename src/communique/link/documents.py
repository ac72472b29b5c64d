"""What the link stage reads of an article, and the helpers every link question shares."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# A word: letters and digits, with inner apostrophes ("Côte d'Ivoire", "minister’s").
WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkDoc:
    """One article as the link stage sees it: its id, its text, its date and its actors.

    ``codes`` are the resolved actor codes (states, IGOs) the article mentions; empty when the
    actor layer found none, which counts as no evidence either way. ``views`` are its text's
    words as story clustering counts them (``stories.pack_views``), when a store kept them:
    story clustering then reads those and not ``text``, which a stored candidate leaves empty.
    """

    id: str
    text: str
    published: date | None
    codes: frozenset[str] = frozenset()
    views: bytes | None = None


def sorted_unique(docs: Sequence[LinkDoc]) -> list[LinkDoc]:
    """The documents sorted by id; a repeated id is an error, as it would make the output vary."""
    ordered = sorted(docs, key=lambda item: item.id)
    for before, after in itertools.pairwise(ordered):
        if before.id == after.id:
            raise ValueError(f"duplicate document id {before.id!r}")
    return ordered
