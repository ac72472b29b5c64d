"""Stage 2, clean: boilerplate out, metadata in, one Article per RawDocument.

Scraped pages carry link directories, image ``srcset`` lists, banners, language switchers and
document numbers around the article. We tell them apart by what a line looks like, never by what it
says: its share of URL characters, its share of real words, its length and sentence punctuation,
its stop-word ratio, and whether the same line recurs across many documents of one source. Short
lines (a salutation, a speaker's name before a quote, a subheading) carry too little evidence on
their own and take the class of their neighbours, as in jusText; a document's edges count as
boilerplate. HTML goes through trafilatura first, which already does this with the page structure.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import statistics
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .metadata import (
    dateline_date,
    detect_language,
    find_title,
    header_dates,
    is_byline,
    is_prose,
    is_unspaced,
    parse_date_line,
    rights_year,
    segments,
    split_date_prefix,
    unspaced_words,
)
from .model import Article, RawDocument
from .patterns import furniture
from .settings import Settings, cache_dir

__all__ = ["article_id", "clean_document", "iter_fingerprints", "line_fingerprint", "lines_of"]

# A URL, or a bare host name such as ``news.example.org``: labels joined by dots ending in a
# lower-case top-level label. Upper-case after the dot is a sentence or an initial (M.Smith).
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b(?:/\S*)?",
)
# A token that is a word: letters (hyphens and apostrophes inside), maybe wrapped in punctuation.
_WORD = re.compile(r"^[\W_]*[^\W\d_]+(?:[-'’.][^\W\d_]+)*[\W_]*$")
# Sentence ends in any script: Latin, CJK (。！？), Arabic (؟ ۔), Devanagari (।), Ethiopic (።),
# Armenian (։).
_SENTENCE_END = re.compile(r"[.!?:;…。！？؟۔।॥።։]['\"”’»)\]」』]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# A wide gap inside a line (three spaces or more, or a tab) separates the items of a laid-out row
# (menu, share row, byline beside its date), as a pipe does.
_GAP = re.compile(r"(?<=\S)(?:[ \u00a0]{3,}|[ \u00a0]*\t[ \t\u00a0]*)(?=\S)")
# A line wholly in brackets is an editorial note: agency tag, editor's initials, "(END)".
_BRACKETED = re.compile(r"^[(\[][^()\[\]]*[)\]](?:\s*[(\[][^()\[\]]*[)\]])*$")
# A photo credit after a slash at the end of a caption: "… in the capital. / AFP".
_SLASH_CREDIT = re.compile(r"\s/\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}$")
# An agency's credit with the photographer's name at the end of a caption: "AGENCY/Jane Roe".
_AGENCY_CREDIT = re.compile(r"\b[A-Z]{2,}/[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2}$")
# What may follow a label for it to be the whole word: the end, a space, a colon, a separator.
_LABEL_ENDS = ("", " ", ":", "|", ",", ".", "!")
_RIGHTS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(r"^\d[\d,.]*[kK]?$")
# Punctuation that may stand around a word, in the scripts of _SENTENCE_END.
_AROUND_WORD = ".,;:!?\"'()«»“”’،؛؟۔।。，"
# A long sentence-shaped line with a smaller share of stop words than this is a list of names.
_MIN_LINE_STOP_SHARE = 0.1
# Below this median share over a text's sentences, its language joins function words to words
# and stop words tell nothing.
_MIN_PROSE_STOP_SHARE = 0.15
# Items of a laid-out row are short: a menu entry, a network's name, "Print this article".
_ROW_ITEM_WORDS = 5
# A heading over a list of other stories is a few words at most.
_LIST_HEADING_WORDS = 5
_COUNTER_TOKENS = 4
# How many opening lines are checked for furniture that may stand between headline and date.
_TITLE_SCAN = 16


class Kind(Enum):
    """What the line classifier decided about one line."""

    GOOD = "good"  # prose: enough words, sentence punctuation, normal stop-word ratio
    SHORT = "short"  # too little evidence; takes its neighbours' class
    BAD = "bad"  # boilerplate
    META = "meta"  # a date or a bare number: removed, and invisible to its neighbours


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    kind: Kind


def article_id(content: str) -> str:
    """Return a stable id from the normalised content, so the same text always maps to one row."""
    normal = " ".join(unicodedata.normalize("NFKC", content).split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def line_fingerprint(line: str) -> str:
    """Return the key a line is counted under when looking for lines repeated across documents."""
    normal = " ".join(unicodedata.normalize("NFKC", line).split()).casefold()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def lines_of(text: str) -> list[str]:
    """Split text into non-empty lines with whitespace normalised."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", _GAP.sub(" | ", line.strip())).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def clean_document(
    raw: RawDocument, *, settings: Settings, repeated: Collection[str] = ()
) -> Article:
    """Clean one document and read its metadata.

    HTML is trafilatura's to clean: it sees the page structure, and measured on
    scrapinghub-aeb (``make bench-extraction``) our line classifier on top of it only loses body
    text. Plain text has no structure left, so the line classifier does the work there.

    Args:
        raw: the document as read.
        settings: the run's settings (cleaning thresholds).
        repeated: fingerprints of lines that recur across this document's source; they are
            boilerplate whatever they look like.
    """
    title, published, publisher = raw.title, raw.published, raw.publisher
    if raw.format == "html":
        text, meta_title, meta_date, sitename = _extract_html(raw.content, settings=settings)
        title, published = title or meta_title, published or meta_date
        publisher = publisher or sitename
        body = lines_of(text)
        language = raw.language or detect_language(text, cache=cache_dir(settings))
    else:
        text = raw.content
        body, text_title, text_date, language = _clean_text(
            raw, settings=settings, repeated=repeated
        )
        title, published = title or text_title, published or text_date
    if title and (not body or body[0] != title):
        body.insert(0, title)
    # A feed entry's title and date stand in where the page has none, as metadata only: the
    # text holds what the page says, so a page without an article stays without one.
    title, published = title or raw.fallback_title, published or raw.fallback_published
    if published is None and title:
        published = _date_in(title, language)
    if not publisher and raw.url:
        publisher = urlsplit(raw.url).hostname
    return Article(
        id=article_id(text),
        doc=raw.doc,
        text="\n\n".join(body),
        title=title,
        published=published,
        language=language,
        publisher=publisher,
        url=raw.url,
    )


def _clean_text(
    raw: RawDocument, *, settings: Settings, repeated: Collection[str]
) -> tuple[list[str], str | None, date | None, str | None]:
    """Return the kept lines, headline, publication date and language of a plain text."""
    lines = lines_of(raw.content)
    published = None
    if lines:
        published, rest = split_date_prefix(lines[0])
        lines[0:1] = [rest] if rest else []
    language = raw.language or detect_language("\n".join(lines), cache=cache_dir(settings))
    date_lines = header_dates(lines, language)
    furniture_lines = {
        i for i, line in enumerate(lines[:_TITLE_SCAN]) if _furniture(line, line.split())
    }
    found = find_title(lines, date_lines=date_lines.keys(), furniture_lines=furniture_lines)
    if published is None and date_lines:
        # A page may show today's date in its banner as well as the story's date beside the
        # headline: the date line nearest the headline is the story's.
        position = found[0] if found else 0
        nearest = min(date_lines, key=lambda i: (abs(i - position), i < position))
        published = date_lines[nearest]
    if published is None:
        opening = next((line for line in lines if is_prose(line)), None)
        if opening:
            published = dateline_date(opening, language, rights_year(lines))
    if found is None:
        return (
            _resolve(_classify(lines, set(date_lines), settings, repeated, language)),
            None,
            published,
            language,
        )
    position, title = found
    # What stands above the headline is page header: site name, banners, menus.
    rest = lines[position + 1 :]
    dates = {i - position - 1 for i in date_lines if i > position}
    classified = [_Line(title, Kind.GOOD), *_classify(rest, dates, settings, repeated, language)]
    return _resolve(classified), title, published, language


def _extract_html(html: str, *, settings: Settings) -> tuple[str, str | None, date | None, str]:
    """Return the main text, title, publication date and site name of an HTML page."""
    # A tenth of a second to import, for HTML only: a run of plain text never pays it.
    import trafilatura
    from htmldate import find_date

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (result.text if result else "") or ""
    title = result.title if result else None
    sitename = (result.sitename if result else None) or ""
    # htmldate downloads a string that opens with "http" and has no space, taking it for a URL: an
    # input's content is never fetched (a request's HTML field would reach any host from the
    # server), so such content gets a leading space, which HTML ignores.
    page = f" {html}" if html.startswith("http") else html
    found = find_date(
        page, extensive_search=settings.html_extensive_date_search, original_date=True
    )
    published = date.fromisoformat(found) if found else None
    if (
        published
        and (published.month, published.day) == (1, 1)
        and not _states_new_year(html, published.year)
    ):
        # htmldate's search turns a bare year (a copyright line) into 1 January: no date.
        published = None
    return text, title, published, sitename


def _states_new_year(html: str, year: int) -> bool:
    """Whether the page writes out 1 January of ``year`` as a full date (ISO, numeric, words)."""
    return bool(
        re.search(
            rf"{year}-01-01|\b0?1[./-]0?1[./-]{year}|\b1(?:st)?\.? jan\w*\.?,? {year}"
            rf"|\bjan\w*\.? 1(?:st)?,? {year}",
            html,
            re.IGNORECASE,
        )
    )


def _date_in(text: str, language: str | None) -> date | None:
    """Find the first full date in running text, such as a headline's dateline."""
    for part in re.split(r"\s*[,;|–—]\s*(?=\S*\d)", text):
        found = parse_date_line(part, language)
        if found:
            return found
    for match in re.finditer(r"\b\w+ \d{1,2}, \d{4}\b|\b\d{1,2} \w+ \d{4}\b", text):
        found = parse_date_line(match.group(0), language)
        if found:
            return found
    return None


@cache
def _stop_words(language: str | None) -> frozenset[str] | None:
    """SpaCy's stop-word list for the language, or None where spaCy has none for it.

    The list module is loaded from its file alone: importing ``spacy.lang.fr`` and the like
    would build that language's tokenizer tables, seconds of work for a list of words.
    """
    code = (language or "").casefold().replace("_", "-").split("-")[0]
    package = importlib.util.find_spec("spacy.lang")
    if not code.isascii() or not code.isalpha() or package is None or not package.origin:
        return None
    path = Path(package.origin).parent / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_words_{code}", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


def _classify(
    lines: list[str],
    date_lines: set[int],
    settings: Settings,
    repeated: Collection[str],
    language: str | None,
) -> list[_Line]:
    """Classify each line; a heading over a list of other stories takes the list with it.

    Under such a heading every line goes until the next paragraph of prose: the list's items
    are headlines, which look like short lines and would otherwise take their neighbours' class.
    """
    classified = []
    in_list = False
    # Each line's words, found once for both of their readers.
    words = [[t for t in line.split() if _is_word(t)] for line in lines]
    stop = _prose_stop_words(lines, words, language, settings)
    for i, line in enumerate(lines):
        kind = _kind(line, words[i], i in date_lines, settings, repeated, stop)
        if _is_list_heading(line):
            in_list, kind = True, Kind.BAD
        elif in_list and kind is Kind.GOOD:
            in_list = False
        elif in_list and kind is Kind.SHORT:
            kind = Kind.BAD
        classified.append(_Line(line, kind))
    return classified


def _prose_stop_words(
    lines: list[str], words: list[list[str]], language: str | None, settings: Settings
) -> frozenset[str] | None:
    """The stop words that tell this text's prose from a list of names, or None where none can.

    They are those of the text's language: English ones would find none in a Russian or Arabic
    paragraph and throw the body away. Where the function words are written apart (English,
    Russian, French …), prose runs at 30–60% stop words; where they are joined to the word
    (Korean particles, Turkish or Finnish endings), even the text's own sentences score near
    nothing, and the test is not made: the median share of its sentence-shaped lines tells.
    A language spaCy has no list for keeps its prose-shaped lines too, as nothing is to be lost
    for want of a word list. ``words`` holds each line's words (:func:`_is_word`).
    """
    stop = _stop_words(language)
    if stop is None:
        return None
    shares = []
    for line, found in zip(lines, words, strict=True):
        if len(found) >= settings.clean_short_words and _SENTENCE_END.search(line):
            shares.append(_stop_share(found, stop))
    if shares and statistics.median(shares) < _MIN_PROSE_STOP_SHARE:
        return None
    return stop


def _stop_share(words: list[str], stop: frozenset[str]) -> float:
    """The share of stop words among a line's words."""
    return sum(w.strip(_AROUND_WORD).lower() in stop for w in words) / len(words)


def _is_word(token: str) -> bool:
    """Whether a token is a word: letters, hyphens and apostrophes inside, punctuation around.

    Combining marks (Devanagari and Bengali vowel signs, Hebrew points) are part of a word, but
    not of the regular expression's letters.
    """
    if _WORD.match(token):
        return True
    bare = "".join(char for char in token if not unicodedata.category(char).startswith("M"))
    return bare != token and _WORD.match(bare) is not None


def _kind(
    line: str,
    line_words: list[str],
    is_date: bool,
    settings: Settings,
    repeated: Collection[str],
    stop: frozenset[str] | None,
) -> Kind:
    """Classify one line by its own features; ``stop`` as from :func:`_prose_stop_words`.

    ``line_words`` are the line's tokens that are words (:func:`_is_word`).
    """
    tokens = line.split()
    # A clause of an unspaced script (Chinese, Thai …) is a token of words, punctuation included.
    clauses = [t for t in tokens if is_unspaced(t)] if is_unspaced(line) else []
    words = [t for t in line_words if not is_unspaced(t)] if clauses else line_words
    if is_date or not (words or clauses):
        return Kind.META
    furniture_kind = _furniture(line, tokens)
    if furniture_kind is not None:
        return furniture_kind
    link_chars = sum(len(m.group(0)) for m in _LINK.finditer(line))
    if link_chars > settings.clean_max_link_density * len(line):
        return Kind.BAD
    if len(words) + len(clauses) < settings.clean_min_word_share * len(tokens):
        return Kind.BAD
    if repeated and line_fingerprint(line) in repeated:
        return Kind.BAD
    unspaced = unspaced_words(" ".join(clauses))
    if len(words) + unspaced < settings.clean_short_words or not _SENTENCE_END.search(line):
        return Kind.SHORT
    if stop is None or unspaced > len(words):
        # Without word boundaries, stop words cannot be counted.
        return Kind.GOOD
    # Prose runs at 30–60% stop words; a long line with almost none is a list of names or links.
    return Kind.GOOD if _stop_share(words, stop) >= _MIN_LINE_STOP_SHARE else Kind.BAD


def _furniture(line: str, tokens: list[str]) -> Kind | None:
    """Recognise page furniture by its shape and the small generic vocabulary of furniture.json.

    Editorial notes in brackets, page counters and bylines are metadata (invisible to their
    neighbours); rights notices, site notices (cookie banners), calls to action, captions with a
    photo credit, rows of short separated items (menus, share rows) and lines opened by a
    furniture label (``Share:``, ``Tags:``, ``Advertisement``) are boilerplate.
    """
    table = furniture()
    folded = line.casefold()
    if _BRACKETED.match(line):
        return Kind.META
    if len(tokens) <= _COUNTER_TOKENS and any(_NUMBER.match(t) for t in tokens):
        others = [t.strip(":.,").casefold() for t in tokens if not _NUMBER.match(t)]
        if others and all(word in table["counter_words"] for word in others):
            return Kind.META
    if any(phrase in folded for phrase in table["rights_phrases"]):
        return Kind.BAD
    if folded.startswith(tuple(table["rights_openers"])) and (
        _RIGHTS_YEAR.search(line) or len(tokens) < _ROW_ITEM_WORDS
    ):
        # "(c)" also opens the third item of a treaty's list: a notice has a year or is short.
        return Kind.BAD
    # A notice word stands in the line as a substring first: most lines are spared the split.
    if any(word in folded for word in table["notice_words"]) and any(
        word.strip(".,;:!?()[]\"'") in table["notice_words"] for word in folded.split()
    ):
        return Kind.BAD
    if _label_at(folded, "calls") is not None:
        return Kind.BAD
    if any(pattern.search(line) for pattern in (*_credit_patterns(), _SLASH_CREDIT)):
        return Kind.BAD
    if is_byline(line) and not _SENTENCE_END.search(line):
        return Kind.META
    items = segments(line)
    if len(items) >= 2 and all(
        len(item.split()) <= _ROW_ITEM_WORDS and not _SENTENCE_END.search(item) for item in items
    ):
        return Kind.BAD
    label = _label_at(folded, "labels")
    if label is not None:
        after = folded[len(label) :].lstrip()
        if after.startswith(":") or not _SENTENCE_END.search(line):
            return Kind.BAD
    return None


def _is_list_heading(line: str) -> bool:
    """A few words, no sentence, opened by a word that heads lists of other stories."""
    if len(line.split()) > _LIST_HEADING_WORDS or _SENTENCE_END.search(line.rstrip(":")):
        return False
    return _label_at(line.casefold(), "list_labels") is not None


def _label_at(folded: str, labels: str) -> str | None:
    """The longest label that opens the line as whole words (``follow-up`` is not ``follow``).

    ``labels`` names a list of furniture.json.
    """
    for label in _longest_first(labels):
        if folded.startswith(label) and folded[len(label) : len(label) + 1] in _LABEL_ENDS:
            return label
    return None


@cache
def _longest_first(labels: str) -> tuple[str, ...]:
    """The labels of a furniture.json list, longest first: sorted once, not once per line."""
    return tuple(sorted(furniture()[labels], key=len, reverse=True))


@cache
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    """The shapes of a caption's photo credit, which mark the line a caption.

    Bracketed at either end (``(Photo: …)``, ``[Image: …]``; at the start ``(AP Photo/…)``
    too), after a credit word and a colon at the end (``… Photo: Agency``), or an agency and a
    photographer's name (``AGENCY/Jane Roe``).
    """
    table = furniture()
    words = "|".join(re.escape(word) for word in table["credit_words"])
    openers = "|".join(re.escape(word) for word in table["credit_openers"])
    return (
        # at a line's start the agency may come first: "(AP Photo/Jane Roe)", "[Reuters photo]"
        re.compile(
            rf"^[(\[]\s*(?:(?-i:[A-Z][\w.&-]*)\s+){{0,2}}(?:{words})\b[^)\]]*[)\]]", re.IGNORECASE
        ),
        re.compile(rf"[(\[]\s*(?:{words})\b[^)\]]*[)\]]\s*$", re.IGNORECASE),
        re.compile(rf"\b(?:{openers})(?:\s+by)?\s*:\s*[^.:;]{{1,50}}$", re.IGNORECASE),
        _AGENCY_CREDIT,
    )


def _resolve(lines: list[_Line]) -> list[str]:
    """Keep good lines, and short lines whose nearest non-short neighbours are both good.

    A short line ending in a colon (a speaker's name before a quotation) needs only its next
    neighbour to be good. Document edges count as bad, so trailing furniture goes.
    """
    visible = [line for line in lines if line.kind is not Kind.META]
    kinds = [line.kind for line in visible]

    def neighbour(i: int, step: int) -> Kind:
        i += step
        while 0 <= i < len(kinds):
            if kinds[i] is not Kind.SHORT:
                return kinds[i]
            i += step
        return Kind.BAD

    kept = []
    for i, line in enumerate(visible):
        if line.kind is Kind.GOOD:
            kept.append(line.text)
        elif line.kind is Kind.SHORT:
            after = neighbour(i, 1) is Kind.GOOD
            if after and (line.text.endswith(":") or neighbour(i, -1) is Kind.GOOD):
                kept.append(line.text)
    return kept


def iter_fingerprints(raw: RawDocument) -> Iterable[str]:
    """Return the distinct line fingerprints of a text document (for repeated-line evidence)."""
    if raw.format == "html":
        return ()
    return {line_fingerprint(line) for line in lines_of(raw.content)}
