"""Metadata the text itself states: headline, publication date, language.

Part of the clean stage. Scraped text puts the headline and the date line near the top in either
order, sometimes with the date glued to the first sentence (``date 2025-11-24 A meeting …``) or
the year glued to the time (``26 November 202014:26``). Header lines often carry the date beside
other furniture: a section label or the time after a separator (``National | 15:06 May 24, 2010``),
a label (``Published: …``, ``Updated …``) or a byline (``By … , 12 March 2019``). A wire story may
state its date only in the dateline of its first paragraph (``CITY, March 12 (Agency) –``); the
year then comes from the page's rights notice, or the text states no full date and we keep none.
A date in the body is about what the body reports, never the publication date. A headline is
recognised by its shape and its place next to the date line, never by its words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .patterns import furniture
from .tablecache import cached_table, file_digest

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = [
    "dateline_date",
    "detect_language",
    "find_title",
    "header_dates",
    "is_byline",
    "is_prose",
    "is_unspaced",
    "language_identifier",
    "parse_date_line",
    "rights_year",
    "segments",
    "split_date_prefix",
    "unspaced_words",
    "word_count",
]

# How far down the header may reach (menus with one item a line can be long).
_HEADER_SCAN = 40
_ISO_PREFIX = re.compile(
    r"^(?:(?:date|published|posted|updated)\s*:?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+|$)",
    re.IGNORECASE,
)
# A four-digit year glued to a time: "202014:26" is the year 2020 at 14:26.
_GLUED_TIME = re.compile(r"\b(\d{4})(\d{1,2}:\d{2})\b")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d{2}\b")
# Day, month and year in numbers are read day first, as most of the world writes them; where the
# first number cannot be a month (03/25/2019) the parser still reads the American order.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}([./-])\d{1,2}\1\d{4}\b")
_MAX_DATE_TOKENS = 6
_TITLE_WORDS = (3, 45)
_WORDLIKE = re.compile(r"[^\W\d_]")
# Separators between the items of one header or menu line: pipes, bullets, middle dots.
_SEPARATOR = re.compile(r"\s*[|•·]\s*")
_MONTH = r"[^\W\d_]{3,}\.?"
# The shapes a full date takes inside a longer line; dateparser then decides whether the span is
# a date in the text's language (a month name in any language, or day, month and year numbers).
_DATE_SPAN = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b"
    r"|\b\d{1,2}-[^\W\d_]{3,}-\d{4}\b"
    r"|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}(?=\b|T\d)"
)
# A time of day with its half of the day and its zone: "4:37 PM GMT+2", "09.41 GMT".
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\b(?:\s*[AaPp]\.?[Mm]\b\.?)?"
    r"(?:\s*(?:GMT|UTC|CET|CEST|EET|EEST|MSK|BST|EST|EDT|PST|PDT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b)?"
)
# Beside a date, a header line holds at most a label, a weekday, a time zone, a section name.
_MAX_DATE_COMPANIONS = 4
_MAX_HEADER_DATE_TOKENS = 25
# A place name beside a date at the foot of a release: a word or two.
_PLACE_WORDS = 2
# A wire dateline: capitalised place name(s), a comma, month and day (maybe a year), an optional
# agency in brackets, then a dash or colon before the first sentence.
_DATELINE = re.compile(
    r"^[A-Z][^\W\d_]*\.?(?:[ /'’-]+[A-Z][^\W\d_]*\.?)*(?:,\s+[A-Z][^\W\d_]+)?[,.]\s+"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
    r"\s*[.,]?\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/|[A-Z][\w-]{1,20}\b)?\s*(?:-{1,2}|[–—:.])\s"
)
# The opening of a report up to its first dash or colon, where a dateline stands in any order.
_OPENING = re.compile(r"^(?P<head>(?:[^.!?]|(?<=\d)\.(?=\d)){4,80}?)\s*(?:-{1,2}|[–—:])\s")
# A bracketed or slashed credit in such an opening: "(Wire)", "/Agency/".
_CREDIT = re.compile(r"\([^)]{1,40}\)|/[^/]{1,40}/")
# A statement's end. A bare question or exclamation mark ends a headline as often as a sentence;
# inside closing quotes it ends a quoted sentence.
_SENTENCE_END = re.compile(r"(?:[.:;…。۔।።։]|[!?！？؟]['\"”’»)\]」』])['\"”’»)\]」』]*$")
_PROSE_WORDS = 8
# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer): there a
# token is a clause, and words are counted as characters over the usual length of a word.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_UNSPACED_CHARS_PER_WORD = 2
_FIRST_ALNUM = re.compile(r"[^\W_]")
# How many lines from its date line a headline may stand, past standfirst, byline and furniture.
_TITLE_REACH = 4
# Site names and section labels are short; a headline runs longer.
_SHORT_TITLE_WORDS = 5
_BYLINE_WORDS = 12
_LEADING_TAG = re.compile(r"^[(\[][^)\]]{1,20}[)\]]\s*")


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
    """A full date in ``text``; numbers alone are read day first, as outside the US.

    "Date of publication: 12.03.2019" is 12 March wherever the numbers stand in the line; a
    month first is read only where day first cannot be ("05/14/2021").
    """
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    orders = ["DMY", "MDY"] if _NUMERIC_DATE.search(text) else [None]
    import dateparser  # a tenth of a second to import: only when a line may be a date

    languages = [language] if language else None
    for order in orders:
        if order is not None:
            settings["DATE_ORDER"] = order
        try:
            found = dateparser.parse(text, languages=languages, settings=settings)
        except (ValueError, OverflowError):
            continue
        if found:
            return found.date()
    return None


def segments(line: str) -> list[str]:
    """Split a header or menu line into its items (pipes, bullets, middle dots)."""
    return [part for part in _SEPARATOR.split(line) if part]


def body_start(lines: list[str]) -> int:
    """Where the body begins: the first of two prose lines in a row (a standfirst stands alone).

    Capped, so that a text of short lines has a header of a few dozen lines at most.
    """
    limit = min(len(lines), _HEADER_SCAN)
    for index in range(limit):
        if is_prose(lines[index]) and (index + 1 == len(lines) or is_prose(lines[index + 1])):
            return index
    return limit


def is_prose(line: str) -> bool:
    """Whether a line reads as a sentence: enough words and a statement's end punctuation."""
    return word_count(line) >= _PROSE_WORDS and bool(_SENTENCE_END.search(line))


def is_unspaced(token: str) -> bool:
    """Whether a token holds a script written without spaces, so that it is a clause, no word."""
    return _UNSPACED.search(token) is not None


def unspaced_words(text: str) -> int:
    """How many words the characters of unspaced scripts (Chinese, Japanese, Thai …) make."""
    return len(_UNSPACED.findall(text)) // _UNSPACED_CHARS_PER_WORD


def word_count(line: str) -> int:
    """The words of a line in any script: its spaced tokens, plus the words of unspaced clauses."""
    tokens = line.split()
    clauses = [token for token in tokens if is_unspaced(token)]
    return len(tokens) - len(clauses) + unspaced_words(" ".join(clauses))


def header_dates(lines: list[str], language: str | None) -> dict[int, date]:
    """Map the lines that carry a date of the page (not of the story) to that date.

    A line that is wholly a date counts wherever it stands, and so does a short line opened by a
    publication label. Above the first prose a date also counts beside a time or a section, and
    in a byline anywhere in the header (``body_start``); elsewhere a date inside a line belongs
    to what that line reports (a story in a list of related ones, an event in the body).
    """
    found: dict[int, date] = {}
    header = body_start(lines)
    first_prose = next((i for i in range(header) if is_prose(lines[i])), header)
    for index, line in enumerate(lines):
        whole = parse_date_line(line, language)
        labelled = _is_date_label(line) or (index < header and is_byline(line))
        if whole is None and (index < first_prose or labelled):
            whole = _header_date(_unlabelled(line), language)
        elif whole is None and len(line.split()) <= _MAX_DATE_TOKENS:
            # A place and a date alone on a line sign a release off: "Lusk, 4 May 2021".
            whole = _header_date(line, language, companions=_PLACE_WORDS)
        if whole is not None:
            found[index] = whole
    return found


def _header_date(
    line: str, language: str | None, *, companions: int = _MAX_DATE_COMPANIONS
) -> date | None:
    """The date of a header line whose other words are few (label, weekday, time) or a byline."""
    if len(line.split()) > _MAX_HEADER_DATE_TOKENS or line.endswith("."):
        return None
    openers = furniture()["byline_openers"]
    for part in segments(line):
        byline = part.split(maxsplit=1)[0].casefold() in openers
        for match in _DATE_SPAN.finditer(part):
            rest = _TIME.sub(" ", part[: match.start()] + " " + part[match.end() :])
            others = [word for word in rest.split() if _WORDLIKE.search(word)]
            if byline or len(others) <= companions:
                found = _parse_full_date(match.group(0), language)
                if found:
                    return found
    return None


def _unlabelled(line: str) -> str:
    """A line without its publication label, and the "on" after it.

    "First published on Tue 12 Mar 2019 09.41 GMT" and "Posted on 12 March 2019 by Ana Ruiz"
    then hold no more words beside the date than an unlabelled date line may.
    """
    label = _date_label(line)
    if label is None:
        return line
    rest = line[len(label) :].lstrip(" :")
    return rest[3:] if rest.casefold().startswith("on ") else rest


def _is_date_label(line: str) -> bool:
    """A short line opened by a publication label (``Published on …``, ``Last updated …``)."""
    return len(line.split()) <= _MAX_DATE_TOKENS + 4 and _date_label(line) is not None


def _date_label(line: str) -> str | None:
    """The publication label opening a line, the longest that fits ("first published")."""
    folded = line.casefold()
    return next(
        (
            label
            for label in _date_labels()
            if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalnum()
        ),
        None,
    )


@cache
def _date_labels() -> tuple[str, ...]:
    """The publication labels, longest first, so "first published" wins over "published"."""
    return tuple(sorted(furniture()["date_labels"], key=len, reverse=True))


def dateline_date(line: str, language: str | None, year: int | None) -> date | None:
    """The date of a wire dateline opening a paragraph (``CITY, March 12 (Agency) –``).

    A dateline without a year takes ``year`` (from the page's rights notice); without one the
    text states no full date and we return None rather than guess. An opening in another
    order ("LIMA (Wire) 12 March 2019 - …") is read by :func:`_opening_date`.
    """
    match = _DATELINE.match(line)
    if not match:
        return _opening_date(line, language)
    text = match.group("date")
    if not _YEAR.search(text):
        if year is None:
            return None
        text = f"{text} {year}"
    return _parse_full_date(text, language)


def _opening_date(line: str, language: str | None) -> date | None:
    """A full date in the words that open a report before its first dash or colon.

    Wires write the place, the agency and the date in many orders: "12 March 2019 — …",
    "LIMA (Wire) 12 March 2019 - …", "Lima, Tuesday 12 March 2019: …". Beside the date the
    opening holds only capitalised words (place, agency, weekday) and bracketed credits.
    """
    match = _OPENING.match(line)
    if not match:
        return None
    head = match.group("head")
    for found in _DATE_SPAN.finditer(head):
        rest = _CREDIT.sub(" ", head[: found.start()] + " " + head[found.end() :])
        words = re.findall(r"[^\W\d_][\w.'’-]*", rest)
        if len(words) <= _MAX_DATE_COMPANIONS and all(w[0].isupper() for w in words):
            return _parse_full_date(found.group(0), language)
    return None


def rights_year(lines: list[str]) -> int | None:
    """The latest year of the page's rights notice (``© 2019 …``), if it has one."""
    table = furniture()
    for line in reversed(lines):
        folded = line.casefold()
        if folded.startswith(tuple(table["rights_openers"])) or any(
            phrase in folded for phrase in table["rights_phrases"]
        ):
            years = _YEAR.findall(line)
            if years:
                return int(years[-1])
    return None


def find_title(
    lines: list[str], *, date_lines: Collection[int], furniture_lines: Collection[int] = ()
) -> tuple[int, str] | None:
    """Find the headline: beside a date line of the header, else the longest headline-shaped line.

    Between the headline and its date line may stand a standfirst (a sentence summing up the
    story), a byline or page furniture (``Source: …``, a share row); we look past them, a few
    lines at most. When a headline-shaped line stands both above and below the date, a short one
    above is a site name or section label and the longer one below is the headline; without a
    date, the headline is the longest headline-shaped line above the first prose (site names,
    sections and menus are shorter). Returns the
    headline's line number and text, or None where the text opens with body text.
    """
    header = body_start(lines)

    def passable(index: int, step: int) -> bool:
        line = lines[index]
        if index in furniture_lines or index in date_lines or is_byline(line):
            return True
        return step < 0 and is_prose(line)

    def nearest(index: int, step: int) -> int | None:
        for _ in range(_TITLE_REACH):
            if not 0 <= index < len(lines):
                return None
            if not passable(index, step):
                return index if _is_headline(lines[index]) else None
            index += step
        return None

    for index in sorted(date_lines):
        if index >= header:
            break
        above, below = nearest(index - 1, -1), nearest(index + 1, 1)
        if above is not None and below is not None:
            short = len(lines[above].split()) < _SHORT_TITLE_WORDS
            if short and len(lines[below].split()) > len(lines[above].split()):
                above = None
        chosen = above if above is not None else below
        if chosen is not None:
            return chosen, _untitled(lines[chosen])
    # A headline stands above all prose.
    first_prose = next((i for i in range(header) if is_prose(lines[i])), header)
    candidates = [i for i in range(first_prose) if not passable(i, 1) and _is_headline(lines[i])]
    if not candidates:
        return None
    chosen = max(candidates, key=lambda i: (len(lines[i].split()), -i))
    return chosen, _untitled(lines[chosen])


def _untitled(line: str) -> str:
    """A headline without the label a text export puts before it ("Title: …")."""
    label, colon, rest = line.partition(":")
    if colon and label.strip().casefold() in furniture()["title_labels"] and rest.strip():
        return rest.strip()
    return line


def is_byline(line: str) -> bool:
    """A byline: opened by a byline word (``By …``) and a few words long."""
    words = line.split()
    return (
        len(words) <= _BYLINE_WORDS
        and len(words) > 1
        and words[0].casefold() in furniture()["byline_openers"]
    )


def _is_headline(line: str) -> bool:
    """Tell a headline: a few to a few dozen words, mostly letters, no final full stop or link.

    A bracketed tag may open it (``(UPDATE) …``); a row of separated items is a menu or a
    header line of labels.
    """
    words = line.split()
    if not _TITLE_WORDS[0] <= word_count(line) <= _TITLE_WORDS[1]:
        return False
    if line.endswith((".", ":", ";", ",")) or "://" in line or "www." in line:
        return False
    if len(segments(line)) > 1:
        return False
    wordlike = sum(bool(_WORDLIKE.search(word)) for word in words)
    first = _FIRST_ALNUM.search(_LEADING_TAG.sub("", line))
    return bool(first) and not first.group(0).islower() and wordlike >= 0.7 * len(words)


def detect_language(text: str, *, cache: Path | None = None) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for an empty text.

    The answer is the best-ranked language with a two-letter code. py3langid's model also knows
    some twenty-five languages without one: regional languages, creoles and historical forms. A
    short English news item ("Mali, Niger review ties at Niamey meeting") often scores closer
    to Nigerian Pidgin than to English, and an article marked as another language is matched
    against the English ones as a possible translation.

    ``cache``: the folder where the identifier's model is kept (:func:`language_identifier`).
    """
    if not text.strip():
        return None
    ranked = language_identifier(cache).rank(text)
    return next((code for code, _score in ranked if len(code) == 2), None)


_IDENTIFIER: list[LanguageIdentifier] = []  # loaded once per process, by the first caller


def language_identifier(cache: Path | None = None) -> LanguageIdentifier:
    """py3langid's identifier with its packaged model, as ``py3langid.classify`` uses it.

    The model ships compressed (LZMA): decompressing it takes most of a second on every start,
    while the identifier kept in ``cache`` (under a hash of the model file and py3langid's
    version) is mapped into memory in a few milliseconds (:class:`~.tablecache.Mapped`). Loaded
    once per process; later callers share it.
    """
    if not _IDENTIFIER:
        from py3langid import __version__
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        model = MODEL_DIR / MODEL_FILE
        _IDENTIFIER.append(
            cached_table(
                cache,
                "langid",
                lambda: file_digest([model], __version__),
                lambda: LanguageIdentifier.from_model_file(model),
                codec="mapped",
            )
        )
    return _IDENTIFIER[0]
