"""The packaged pattern tables (``data/patterns/``), read once per process.

Words that signal speech, transcripts, instruments and events are language data: they live in
data files that a reader can check and extend, and the stages get them from here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from .errors import DataFileError

__all__ = [
    "dates_ru",
    "doers",
    "event_words",
    "furniture",
    "instruments",
    "instruments_ru",
    "jsonl_rows",
    "ru_translit",
    "speech",
    "statement_by",
    "tables",
    "transcript_headline",
    "transcript_title",
]


def _text(name: str) -> str:
    return resources.files("communique").joinpath(f"data/patterns/{name}").read_text("utf-8")


def tables(prefix: str) -> list[str]:
    """Names of the pattern tables whose file name starts with ``prefix``, core file first."""
    folder = resources.files("communique").joinpath("data/patterns")
    names = [p.name for p in folder.iterdir() if p.name.startswith(prefix)]
    core = f"{prefix}.jsonl"
    return sorted((n for n in names if n.endswith(".jsonl")), key=lambda n: (n != core, n))


@cache
def _json(name: str) -> dict[str, Any]:
    try:
        return json.loads(_text(name))
    except json.JSONDecodeError as err:
        raise DataFileError("E201", path=name, reason=err.msg) from err


# Languages with a speech table of their own (the same schema as the English ``speech.json``).
_SPEECH = {"ru": "ru-speech.json"}


def speech(language: str = "en") -> dict[str, Any]:
    """The speech table: attribution verbs, transcript nouns, quotation-mark pairs.

    The words of the text's language; a language without its own table reads the English one.
    """
    return _json(_SPEECH.get(language, "speech.json"))


def dates_ru() -> dict[str, Any]:
    """The Russian date table: month, weekday and relative words with their English readings."""
    return _json("ru-dates.json")


def doers() -> dict[str, Any]:
    """The doers table: nouns and name types that can act although the KB cannot place them."""
    return _json("doers.json")


def event_words() -> dict[str, Any]:
    """Named word lists that rows of the event tables share ("@aid_goods")."""
    return _json("event-words.json")


def furniture() -> dict[str, Any]:
    """The furniture table: generic words of page furniture (share rows, credits, counters)."""
    return _json("furniture.json")


def instruments() -> dict[str, Any]:
    """The instruments table: nouns and kinds, the verbs of their lifecycle."""
    return _json("instruments.json")


def instruments_ru() -> dict[str, Any]:
    """The Russian instruments table: nouns and kinds, the verbs and nouns of their lifecycle."""
    return _json("ru-instruments.json")


def ru_translit() -> dict[str, Any]:
    """The romanisation of Russian names: letters, word-initial letters, feminine endings."""
    return _json("ru-translit.json")


@cache
def jsonl_rows(name: str) -> tuple[dict[str, Any], ...]:
    """The rows of a JSONL pattern table, without its ``_meta`` header."""
    rows = []
    for number, line in enumerate(_text(name).splitlines(), start=1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataFileError("E201", path=name, reason=f"line {number}: {err.msg}") from err
            if "_meta" not in row:
                rows.append(row)
    return tuple(rows)


@cache
def transcript_title() -> re.Pattern[str]:
    """A headline naming whose words the text is: "Minister X's remarks at …"."""
    nouns = "|".join(re.escape(n) for n in speech()["transcript_nouns"])
    return re.compile(rf"(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b", re.IGNORECASE)


@cache
def statement_by() -> re.Pattern[str]:
    """A headline that opens by naming a text and its author: "Joint statement by …".

    The text may be two: "Remarks and answers to media questions by Foreign Minister X".
    """
    table = speech()
    openers = "|".join(re.escape(w) for w in table["transcript_openers"])
    nouns = "|".join(re.escape(n) for n in table["transcript_nouns"])
    links = "|".join(re.escape(w) for w in table["transcript_links"])
    second = rf"(?:\s+and\s+(?:{nouns})(?:\s+to\s+(?:[\w-]+\s+){{0,3}}?questions)?)?"
    return re.compile(rf"(?:(?:{openers})\s+)?(?:{nouns}){second}\s+(?:{links})\s", re.IGNORECASE)


def transcript_headline(line: str) -> bool:
    """Whether a headline makes the text below it one speaker's words (either form above)."""
    return bool(transcript_title().search(line) or statement_by().match(line))


# A label opening a transcript's turn: "SECRETARY KERRY:", "Sergey Lavrov:", "Question (TASS):",
# "Official Spokesperson, Shri Arvind Kumar:".
TURN_LABEL = re.compile(r"(?m)^([A-Z][\w.,'’ -]{0,60}?(?:\s*\([^()\n]{1,40}\))?):[ \t]+(?=\S)")
# A transcript label is a name or a title, not a sentence.
LABEL_WORDS = 6


def floor_label(label: str) -> bool:
    """Whether a turn's label is the floor's ("Question", "Q", "Question (TASS)"): no one's."""
    words = re.sub(r"\s*\([^()]*\)", "", label).split()
    return bool(words) and words[-1].casefold().strip(".") in set(speech()["turn_labels"])
