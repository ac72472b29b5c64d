"""Statements: direct quotations with their speaker, quoted exactly, with offsets.

Three layouts, tried in this order:

1. a transcript: the headline names whose words the whole text is ("Foreign Minister X's
   remarks at …"), so the body is one statement of X's;
2. a speaker line: ``Name, Title:`` on its own line, then the quotation in the next paragraph
   (the layout of agency sites);
3. an attributed quotation: ``"…," said Name``, ``"…," Name stated``, ``Name said: "…"``; a
   quotation that follows an attributed one in the same paragraph continues it.

Speakers come from the actor mentions, so a quote by "the Russian Foreign Minister" is Lavrov's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ..model import Mention, Statement
from ..patterns import speech, transcript_title

__all__ = ["find_statements"]

# How far from a quotation its attribution may stand (characters).
_ATTRIBUTION_REACH = 160
# Shorter quoted strings are names, titles or scare quotes, not statements.
_MIN_QUOTE = 25


def find_statements(doc: Doc, mentions: list[Mention]) -> list[Statement]:
    """Every direct quotation in the Doc with its speaker, in text order."""
    people = [m for m in mentions if m.kind == "person" and m.name]
    text = doc.text
    first_line = text.split("\n", 1)[0]
    if transcript_title().search(first_line):
        speaker = next((m for m in people if m.end <= len(first_line)), None)
        body = (
            len(first_line) + len(text[len(first_line) :]) - len(text[len(first_line) :].lstrip())
        )
        if speaker is not None and body < len(text):
            return [_statement(speaker, text, body, len(text.rstrip()), "transcript")]
    found: list[Statement] = []
    for start, end in _quotations(text):
        speaker, layout = _speaker_line(text, start, people)
        if speaker is None:
            speaker, layout = _attribution(doc, start, end, people)
        if speaker is None and found and _same_paragraph(text, found[-1].end, start):
            previous = found[-1]
            found.append(
                Statement(
                    speaker=previous.speaker,
                    code=previous.code,
                    office=previous.office,
                    quote=text[start:end],
                    start=start,
                    end=end,
                    layout="continued",
                )
            )
            continue
        if speaker is not None:
            if (
                found
                and found[-1].speaker == speaker.name
                and _same_paragraph(text, found[-1].end, start)
            ):
                layout = "continued"  # the attribution between the two belongs to both
            found.append(_statement(speaker, text, start, end, layout))
    return found


def _statement(speaker: Mention, text: str, start: int, end: int, layout: str) -> Statement:
    return Statement(
        speaker=speaker.name,
        code=speaker.code,
        office=speaker.office,
        quote=text[start:end],
        start=start,
        end=end,
        layout=layout,  # type: ignore[arg-type]
    )


def _quotations(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the insides of double quotations long enough to be statements."""
    pairs = speech()["quote_pairs"]
    opening = "".join(re.escape(o) for o, _c in pairs)
    pattern = re.compile(rf"[{opening}]")
    closing = dict(pairs)
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.end()
        close = text.find(closing[match.group()], start)
        paragraph_end = text.find("\n\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        end = close if 0 <= close <= paragraph_end else paragraph_end
        inside = text[start:end].rstrip()
        if len(inside) >= _MIN_QUOTE:
            yield start, start + len(inside)
        position = max(end + 1, start)


def _same_paragraph(text: str, left: int, right: int) -> bool:
    return "\n\n" not in text[left:right]


def _speaker_line(text: str, start: int, people: list[Mention]) -> tuple[Mention | None, str]:
    """``Name, Title:`` alone on the line before the quotation's paragraph."""
    paragraph = text.rfind("\n\n", 0, start)
    if paragraph < 0 or text[paragraph + 2 : start - 1].strip():
        return None, ""
    line_start = text.rfind("\n\n", 0, paragraph)
    line_start = 0 if line_start < 0 else line_start + 2
    line = text[line_start:paragraph]
    if not line.rstrip().endswith(":") or "\n" in line:
        return None, ""
    speaker = next((m for m in people if line_start <= m.start < paragraph), None)
    return speaker, "speaker_line"


def _attribution(
    doc: Doc, start: int, end: int, people: list[Mention]
) -> tuple[Mention | None, str]:
    """A speech verb next to the quotation whose speaker is a person mention beside it."""
    verbs = set(speech()["speech_verbs"])
    text = doc.text
    after_end = min(len(text), end + _ATTRIBUTION_REACH)
    stop = text.find("\n", end)
    after_end = after_end if stop < 0 else min(after_end, stop)
    before_start = max(text.rfind("\n", 0, start) + 1, start - _ATTRIBUTION_REACH)
    for lo, hi in ((end, after_end), (before_start, start)):
        span = doc.char_span(lo, hi, alignment_mode="contract")
        if span is None or not any(t.lemma_ in verbs for t in span):
            continue
        candidates = [m for m in people if lo <= m.start and m.end <= hi]
        if candidates:
            # after the quote the nearest name follows it; before, the nearest precedes it
            return (candidates[0] if lo == end else candidates[-1]), "attributed"
    return None, ""
