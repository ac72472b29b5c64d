"""Stage 1, read: inputs in, RawDocuments (or the error that replaced each) out.

Two implementations stand behind the stage:

- :mod:`.files`: paths (files, folders, ``-``) and JSONL records, read as the user collected
  them (``communique ingest``);
- :mod:`.fetch` and :mod:`.feeds`: the web, for the sources that ``communique watch`` follows.
  :mod:`.fetch` makes the requests as a site owner would accept them (robots.txt, a delay per
  host, conditional requests, bounded retries) and keeps every page it fetched; :mod:`.feeds`
  finds the article links in an RSS or Atom feed, a sitemap or a listing page. They import
  httpx, feedparser and lxml, so they are imported only by the commands that fetch.

Callers import the files entry points from here, as before the stage had two.
"""

from __future__ import annotations

from .files import STDIN, SUFFIXES, read_inputs, read_record

__all__ = ["STDIN", "SUFFIXES", "read_inputs", "read_record"]
