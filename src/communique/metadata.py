"""Metadata the text itself states: headline, publication date, language.

Part of the clean stage. Scraped text puts the headline and the date line near the top in either
order, sometimes with the date glued to the first sentence (``date 2025-11-24 A meeting …``) or
the year glued to the time (``26 November 202014:26``). A headline is recognised by its shape and
its place next to the date line, never by its words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from functools import cache

import dateparser
import py3langid

__all__ = ["detect_language", "find_title", "parse_date_line", "split_date_prefix"]

# How many lines from the top a headline or a date line may stand.
_HEADER_LINES = 8
_ISO_PREFIX = re.compile(
    r"^(?:(?:date|published|posted|updated)\s*:?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+|$)",
    re.IGNORECASE,
)
# A four-digit year glued to a time: "202014:26" is the year 2020 at 14:26.
_GLUED_TIME = re.compile(r"\b(\d{4})(\d{1,2}:\d{2})\b")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d{2}\b")
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\b")
_MAX_DATE_TOKENS = 6
_TITLE_WORDS = (3, 45)
_WORDLIKE = re.compile(r"[^\W\d_]")


def split_date_prefix(line: str) -> tuple[date | None, str]:
    """Split a leading ISO date (``date 2025-11-24 …``) off the first line of a text."""
    match = _ISO_PREFIX.match(line)
    if not match:
        return None, line
    try:
        found = date.fromisoformat(match.group("date"))
    except ValueError:
        return None, line
    return found, line[match.end() :]


def parse_date_line(line: str, language: str | None) -> date | None:
    """Return the date if the whole line is a date (maybe with a time), else None."""
    text = _GLUED_TIME.sub(r"\1 \2", line.strip())
    if len(text.split()) > _MAX_DATE_TOKENS or not _YEAR.search(text):
        return None
    return _parse_full_date(text, language)


@cache
def _parse_full_date(text: str, language: str | None) -> date | None:
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    if _DOTTED.match(text):
        settings["DATE_ORDER"] = "DMY"
    languages = [language] if language else None
    try:
        found = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None


def find_title(lines: list[str], *, date_lines: Collection[int]) -> tuple[int, str] | None:
    """Find the headline: beside the date line when there is one, else the opening line.

    Returns the headline's line number and text, or None where the text opens with body text.
    """
    for index in sorted(date_lines):
        if index >= _HEADER_LINES:
            break
        for candidate in (index - 1, index + 1):
            if 0 <= candidate < len(lines) and _is_headline(lines[candidate]):
                return candidate, lines[candidate]
    if not date_lines and lines and _is_headline(lines[0]):
        return 0, lines[0]
    return None


def _is_headline(line: str) -> bool:
    """Tell a headline: a few to a few dozen words, mostly letters, no final full stop or link."""
    words = line.split()
    if not _TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1]:
        return False
    if line.endswith((".", ":", ";", ",")) or "://" in line or "www." in line:
        return False
    wordlike = sum(bool(_WORDLIKE.search(word)) for word in words)
    return line[0].isupper() and wordlike >= 0.7 * len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for an empty text."""
    if not text.strip():
        return None
    code, _score = py3langid.classify(text)
    return code
