"""Stage 6, link: one happening across articles, reposts, and story clusters.

Three questions, three modules, each a pure function of its input (no I/O, no database, no
randomness; outputs do not depend on the order of the input):

- :mod:`.events`: events from different articles that report the same happening, merged into
  stories with a reconciled date (:func:`merge_events`);
- :mod:`.duplicates`: reposts and lightly edited copies (:func:`near_duplicates`);
- :mod:`.stories`: articles on the same happening in other words (:func:`story_clusters`).

Each works on a batch, and each says which stored items a new one could join, so that a store
can link a new article against a few candidates instead of the whole corpus.
"""

from __future__ import annotations

from .documents import LinkDoc
from .duplicates import near_duplicates
from .events import happening_key, merge_events, merge_window
from .stories import story_clusters

__all__ = [
    "LinkDoc",
    "happening_key",
    "merge_events",
    "merge_window",
    "near_duplicates",
    "story_clusters",
]
