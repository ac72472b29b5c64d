"""Confidence: how firmly the text supports each event, agreement action and quotation.

A record's confidence is a logistic score over a few named features of the evidence behind it
(how strong the trigger row is, how the doer was found, whether the date and the recipient are
stated or inferred, tense and negation, how many sentences state it; for a quotation its layout
and whether the speaker was placed; for an agreement action whether a lifecycle verb and the
parties are explicit)::

    confidence = 1 / (1 + exp(-(bias + sum of the weights of the features present)))

The weights live in ``data/patterns/confidence.json`` (each one explained there), fitted on the
build half of gold-dev by ``benchmarks/calibrate.py``, so the score can be recalibrated without
touching code. A trigger row's optional ``weight`` is added as its logarithm: a row can be
trusted less without refitting.

Features are computed from the record plus the few parse facts only the coder knows (the
trigger, its clause, the subject and object tokens): the coder calls :func:`rate_event` once
per sentence, :func:`with_evidence` once the sentences of one happening are merged. The
reports of one happening across sources are combined by ``link.corroborated``, with the
``corroboration`` weights of the same file.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from spacy.tokens import Token

from ..ents import Mentions
from ..errors import DataFileError
from ..model import Event, Instrument, Mention, Statement

__all__ = [
    "event_features",
    "instrument_features",
    "logged",
    "rate_event",
    "rate_instrument",
    "rate_statement",
    "score",
    "statement_features",
    "weights",
    "with_evidence",
]

# Row keys that narrow where a trigger applies (as in extract/events.py).
_CONDITIONS = ("object", "prep", "transitive", "complement_aux", "intransitive", "not_object")
_COLLECTIVE = {"group", "pronoun"}
_Record = TypeVar("_Record", Event, Statement, Instrument)

# While ``logged()`` is active, every event scored is recorded with its features.
_LOG: ContextVar[list[dict[str, Any]] | None] = ContextVar("confidence_log", default=None)


@cache
def weights() -> dict[str, dict[str, float]]:
    """The weights table, by record kind (events, statements, instruments, corroboration)."""
    name = "confidence.json"
    text = resources.files("communique").joinpath(f"data/patterns/{name}").read_text("utf-8")
    try:
        table = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFileError("E201", path=name, reason=err.msg) from err
    return {kind: values for kind, values in table.items() if kind != "_meta"}


def score(kind: str, features: Iterable[str], shift: float = 0.0) -> float:
    """The logistic score of a record of ``kind`` with these features, in (0, 1)."""
    table = weights()[kind]
    return _sigmoid(table["bias"] + sum(table.get(f, 0.0) for f in features) + shift)


def event_features(
    event: Event,
    *,
    trigger: Token,
    clause: Token,
    subjects: list[Token],
    objects: list[Token],
    rule: dict[str, Any],
    mentions: Sequence[Mention],
) -> list[str]:
    """The features of one event as one sentence states it (see ``confidence.json``).

    ``subjects`` and ``objects`` are the participant tokens the coder read the event from;
    ``clause`` the verb governing a noun trigger ("held talks"), else the trigger itself.
    """
    found: list[str] = []
    if any(rule.get(key) for key in _CONDITIONS):
        found.append("conditioned_row")
    if trigger.pos_ != "VERB":
        found.append("noun_trigger")
    sent = trigger.sent
    here = Mentions.of(mentions).starting_in(sent.start_char, sent.end_char)
    found += _doer(event, trigger, clause, subjects, objects, rule, here)
    named = {code for m in here for code in m.codes}
    if not event.recipient:
        found.append("recipient_none")
    elif not set(event.recipient) <= named:
        found.append("recipient_context")
    if event.when is None:
        found.append("date_none")
    elif event.when.from_publication:
        found.append("date_publication")
    if event.tense != "past":
        found.append(f"tense_{event.tense}")
    if event.negated:
        found.append("negated")
    return found


def _doer(
    event: Event,
    trigger: Token,
    clause: Token,
    subjects: list[Token],
    objects: list[Token],
    rule: dict[str, Any],
    here: list[Mention],
) -> list[str]:
    """How the doer was found, as a feature (none where it is the trigger's own subject).

    Otherwise: the subject of a governing clause, named elsewhere in the sentence, a
    collective or pronoun, the article's states in play, or not placed at all.
    """
    if not event.actor:
        return ["doer_unnamed"]
    if event.event == "CONSULT":
        wanted, source = set(event.actor + event.recipient), subjects + objects
    elif rule.get("reverse"):
        wanted, source = set(event.actor), objects  # "X hosted Y": Y is the doer
    else:
        wanted, source = set(event.actor), subjects
    anchors = {trigger.i, clause.i}
    own, governed = [], []
    for token in source:
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        inside = [m for m in here if lo <= m.start < hi and wanted & set(m.codes)]
        direct = token.head.i in anchors or token.head.head.i in anchors
        (own if direct else governed).extend(inside)
    placed = own or governed
    if placed and all(m.kind == "collective" or m.reference in _COLLECTIVE for m in placed):
        return ["doer_collective"]
    if own:
        return []
    if governed:
        return ["doer_governed"]
    if wanted <= {code for m in here for code in m.codes}:
        return ["doer_sentence"]
    return ["doer_context"]


def rate_event(event: Event, **facts: Any) -> Event:
    """The event with the confidence of its one sentence (``facts`` as for :func:`event_features`).

    A trigger row's ``weight`` shifts the log-odds by its logarithm.
    """
    features = event_features(event, **facts)
    shift = math.log(max(float(facts["rule"].get("weight", 1.0)), 1e-6))
    log = _LOG.get()
    if log is not None:
        first = event.evidence[0]
        log.append(
            {
                "event": event.event,
                "start": first.start,
                "sentence": first.sentence,
                "features": features,
                "shift": shift,
            }
        )
    return _replace(event, confidence=score("events", features, shift))


def with_evidence(event: Event) -> Event:
    """The event's confidence once its sentences are merged: more sentences, more support.

    The event carries its best sentence's confidence; each further sentence, up to the cap,
    adds the ``extra_evidence`` weight to its log-odds.
    """
    table = weights()["events"]
    extra = min(len(event.evidence) - 1, int(table["extra_evidence_cap"]))
    if extra <= 0:
        return event
    raised = _sigmoid(_logit(event.confidence) + table["extra_evidence"] * extra)
    return _replace(event, confidence=raised)


def statement_features(statement: Statement) -> list[str]:
    """The features of a quotation: its layout, and how far its speaker was placed."""
    found = [statement.layout] if statement.layout != "attributed" else []
    if statement.code is None:
        found.append("speaker_uncoded")
    if statement.code is None and statement.office is None:
        found.append("speaker_untitled")
    return found


def rate_statement(statement: Statement) -> Statement:
    """The quotation with its confidence."""
    return _replace(statement, confidence=score("statements", statement_features(statement)))


def instrument_features(item: Instrument) -> list[str]:
    """The features of an agreement action: explicit verb, parties and date."""
    found: list[str] = []
    if item.action == "referenced":
        return ["referenced"] + ([] if item.parties else ["parties_none"])
    if item.action == "planned":
        found.append("planned")
    if not item.parties:
        found.append("parties_none")
    if item.when is None:
        found.append("date_none")
    elif item.when.from_publication:
        found.append("date_publication")
    return found


def rate_instrument(item: Instrument) -> Instrument:
    """The agreement action with its confidence."""
    return _replace(item, confidence=score("instruments", instrument_features(item)))


@contextmanager
def logged() -> Iterator[list[dict[str, Any]]]:
    """Record every event scored while active, with its features (for calibration)."""
    entries: list[dict[str, Any]] = []
    token = _LOG.set(entries)
    try:
        yield entries
    finally:
        _LOG.reset(token)


def _replace(record: _Record, *, confidence: float) -> _Record:
    return dataclasses.replace(record, confidence=round(confidence, 4))


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))


def _logit(value: float) -> float:
    value = min(max(value, 1e-6), 1 - 1e-6)
    return math.log(value / (1 - value))
