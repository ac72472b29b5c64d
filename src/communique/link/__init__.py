"""Stage 6, link: one happening across articles, reposts, and story clusters.

Four questions, four modules, each a pure function of its input (no I/O, no database, no
randomness; outputs do not depend on the order of the input):

- :mod:`.events`: events from different articles that report the same happening, merged into
  stories with a reconciled date (:func:`merge_events`);
- :mod:`.duplicates`: reposts and lightly edited copies (:func:`near_duplicates`);
- :mod:`.stories`: articles on the same happening in other words (:func:`story_clusters`);
- :mod:`.translations`: a release and its version in another language, and the events one
  states and the other does not (:func:`~.translations.find_twins`, ``carry_over``).

Each works on a batch, and each has an incremental form for a store that links a new article
against a few candidates it looks up, never the whole corpus: events by :func:`happening_key`
and :func:`merge_window` (then :func:`merge_events` over the new reports and the touched
stories), near-duplicates by shared :func:`signature` keys (then :func:`duplicate_pairs`),
story clusters by date window (then :func:`assign_stories`, over the candidates' views the store
kept: :func:`pack_views`).
"""

from __future__ import annotations

from .documents import LinkDoc
from .duplicates import duplicate_pairs, near_duplicates, signature
from .events import corroborated, happening_key, merge_events, merge_window
from .stories import assign_stories, pack_views, story_clusters

__all__ = [
    "LinkDoc",
    "assign_stories",
    "corroborated",
    "duplicate_pairs",
    "happening_key",
    "merge_events",
    "merge_window",
    "near_duplicates",
    "pack_views",
    "signature",
    "story_clusters",
]
