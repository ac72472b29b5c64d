"""Calibrate the confidence weights (data/patterns/confidence.json) on gold-dev's build half.

Only the build half is read (``split.tsv`` rows marked ``build`` and ``build.jsonl``): the check
half stays a measurement. The build documents are ingested into a scratch database while the
event features are logged (``extract.confidence.logged``); each stored record is then labelled
correct or wrong with a small matcher of ../shared/GOLD-FORMAT.md's rules, and a logistic
regression is fitted per record kind:

- events: correct when type, participants and date agree with an unmatched gold event of the
  document (one-to-one, in text order); the features of an event are those of its best sentence
  plus its further sentences (see ``confidence.json``);
- statements: correct when the speaker's surname and the quotation's opening words agree;
- instrument actions: correct when the title names the gold instrument (60% of its content
  words, or a shorter name inside it), and action and date agree; ``referenced`` actions that
  gold does not list are left out, as the scorer leaves them out.

The fit is a penalised maximum-likelihood estimate pulled towards the current weights
(``--pull``), so a feature seen on a handful of records moves little, and keeping each weight's
sign (a weakness never becomes a strength on a few records). It prints a reliability
table (confidence bucket: records, share correct) before and after, with the log-loss of
leave-one-document-out predictions, and writes the new weights with ``--write``.

Usage: ``PYTHONPATH=src python benchmarks/calibrate.py --gold-dev ../shared/gold-dev [--write]``
(``--kinds``: which kinds ``--write`` replaces; events and statements by default, since the
agreement rules were written from the build half and read it far better than unseen text).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from communique.evaluate import dates_agree
from communique.extract import confidence
from communique.model import Event, Instrument, Statement
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import Store

_WEIGHTS = Path(__file__).resolve().parents[1] / "src/communique/data/patterns/confidence.json"
_NOT_WEIGHTS = {"bias", "extra_evidence_cap"}
_STOP = {"the", "of", "and", "on", "for", "in", "to", "a", "an", "between", "with", "by", "at"}
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)

console = Console()


@dataclass
class Sample:
    """One stored record as the fit sees it: its document, features, offset and label."""

    doc: str
    features: dict[str, float]
    shift: float
    correct: bool


def main() -> None:
    """Ingest the build half, label every record, fit, report, and optionally write."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dev", type=Path, default=Path("../shared/gold-dev"))
    parser.add_argument("--pull", type=float, default=2.0, help="L2 pull towards current weights")
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    parser.add_argument(
        "--kinds",
        nargs="+",
        default=["events", "statements"],
        choices=["events", "statements", "instruments"],
        help="record kinds whose weights --write replaces (instruments: see confidence.json)",
    )
    args = parser.parse_args()
    folder: Path = args.gold_dev
    build = [
        line.split("\t")[0]
        for line in (folder / "split.tsv").read_text().splitlines()
        if line.strip().endswith("\tbuild")
    ]
    gold = {
        row["doc"]: row
        for row in map(json.loads, (folder / "build.jsonl").read_text().splitlines())
        if row["doc"] in build
    }
    samples = _samples(folder, build, gold)
    table = json.loads(_WEIGHTS.read_text())
    for kind, found in samples.items():
        prior = table[kind]
        fitted = _fit(found, prior, args.pull)
        _report(kind, found, prior, fitted, args.pull)
        if kind in args.kinds:
            table[kind] = {**prior, **fitted}
    if args.write:
        _WEIGHTS.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
        console.print(f"wrote {_WEIGHTS}")


def _samples(folder: Path, build: list[str], gold: dict[str, Any]) -> dict[str, list[Sample]]:
    """Ingest the build documents into a scratch store and label every record."""
    found: dict[str, list[Sample]] = {"events": [], "statements": [], "instruments": []}
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        docs.mkdir()
        for name in build:
            (docs / name).symlink_to((folder / "docs" / name).resolve())
        settings = load_settings(overrides=[f"db=sqlite:///{scratch}/db.sqlite", "nlp_processes=1"])
        store = Store.open(settings.db)
        with confidence.logged() as log:
            ingest([str(docs)], settings=settings, store=store)
        sentences: dict[tuple, list[dict]] = defaultdict(list)
        for entry in log:
            sentences[(entry["sentence"], entry["start"], entry["event"])].append(entry)
        per_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for article, event in store.events():
            per_doc[article.doc]["events"].append(event)
        for article, statement in store.statements():
            per_doc[article.doc]["statements"].append(statement)
        for article, item in store.instruments():
            per_doc[article.doc]["instruments"].append(item)
        store.close()
    for doc, records in per_doc.items():
        truth = gold.get(doc, {})
        for event, correct in _label_events(records["events"], truth.get("events", [])):
            features, shift = _event_features(event, sentences)
            found["events"].append(Sample(doc, features, shift, correct))
        for statement, correct in _label_statements(
            records["statements"], truth.get("statements", [])
        ):
            names = confidence.statement_features(statement)
            found["statements"].append(Sample(doc, dict.fromkeys(names, 1.0), 0.0, correct))
        for item, correct in _label_instruments(
            records["instruments"], truth.get("agreements", [])
        ):
            names = confidence.instrument_features(item)
            found["instruments"].append(Sample(doc, dict.fromkeys(names, 1.0), 0.0, correct))
    return found


def _event_features(event: Event, sentences: dict[tuple, list[dict]]) -> tuple[dict, float]:
    """The logged features of the event's best sentence, and its further sentences."""
    entries = [
        entry
        for evidence in event.evidence
        for entry in sentences.get((evidence.sentence, evidence.start, event.event), [])
    ]
    best = max(
        entries,
        key=lambda e: confidence.score("events", e["features"], e["shift"]),
        default={"features": [], "shift": 0.0},
    )
    cap = confidence.weights()["events"]["extra_evidence_cap"]
    features = dict.fromkeys(best["features"], 1.0)
    extra = min(len(event.evidence) - 1, int(cap))
    if extra > 0:
        features["extra_evidence"] = float(extra)
    return features, best["shift"]


def _label_events(events: list[Event], gold: list[dict]) -> list[tuple[Event, bool]]:
    free = list(gold)
    labelled = []
    for event in events:
        match = next((g for g in free if _same_event(event, g)), None)
        if match is not None:
            free.remove(match)
        labelled.append((event, match is not None))
    return labelled


def _same_event(event: Event, gold: dict) -> bool:
    kinds = gold["event"] if isinstance(gold["event"], list) else [gold["event"]]
    if event.event not in kinds:
        return False
    actor, recipient = set(gold.get("actor") or []), set(gold.get("recipient") or [])
    if event.event == "CONSULT":
        sides = set(event.actor) | set(event.recipient) == actor | recipient
    else:
        sides = set(event.actor) == actor and (not recipient or set(event.recipient) == recipient)
    return sides and dates_agree(gold.get("date"), event.when)


def _label_statements(
    statements: list[Statement], gold: list[dict]
) -> list[tuple[Statement, bool]]:
    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.casefold()))

    free = list(gold)
    labelled = []
    for statement in statements:
        surname = (statement.speaker or "").split()[-1:]
        match = next(
            (
                g
                for g in free
                if surname
                and g["speaker"].split()[-1].casefold() == surname[0].casefold()
                and words(statement.quote).startswith(words(g["starts"]))
            ),
            None,
        )
        if match is not None:
            free.remove(match)
        labelled.append((statement, match is not None))
    return labelled


def _content(title: str) -> list[str]:
    return [w for w in re.findall(r"[\w-]+", title.casefold()) if w not in _STOP]


def _same_instrument(item: Instrument, gold: dict) -> bool:
    ours, theirs = _content(item.title), _content(gold["title"])
    if not theirs or not ours:
        return False
    covers = sum(w in ours for w in theirs) >= 0.6 * len(theirs)
    inside = len(ours) >= 2 and sum(w in theirs for w in ours) >= 0.8 * len(ours)
    return (
        (covers or inside)
        and item.action == gold["action"]
        and dates_agree(gold.get("date"), item.when)
    )


def _label_instruments(items: list[Instrument], gold: list[dict]) -> list[tuple[Instrument, bool]]:
    free = list(gold)
    labelled = []
    seen: set[tuple] = set()
    for item in items:
        key = (" ".join(_content(item.title)), item.action, item.when)
        if key in seen:
            continue  # scored once per (title, action, date) in a document
        seen.add(key)
        match = next((g for g in free if _same_instrument(item, g)), None)
        if match is not None:
            free.remove(match)
        elif item.action == "referenced":
            continue  # an unlisted referenced pair counts neither way
        labelled.append((item, match is not None))
    return labelled


def _matrix(samples: list[Sample], names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([[1.0] + [s.features.get(n, 0.0) for n in names] for s in samples])
    return x, np.array([s.shift for s in samples]), np.array([float(s.correct) for s in samples])


def _fit(samples: list[Sample], prior: dict[str, float], pull: float) -> dict[str, float]:
    """Newton steps on the log-likelihood with an L2 pull of every weight to its prior.

    A weight keeps the sign of its prior: each feature names evidence that is weaker (or
    stronger) by its meaning, and a few records must not turn that round. A weight that
    would cross zero is held at zero and the rest fitted again.
    """
    names = [n for n in prior if n not in _NOT_WEIGHTS]
    if not samples:
        return {}
    x, shift, y = _matrix(samples, names)
    held: set[int] = set()
    while True:
        w0 = np.array(
            [prior["bias"]] + [0.0 if i in held else prior[n] for i, n in enumerate(names, 1)]
        )
        # the bias is nearly free; a held weight is pinned at zero
        penalty = np.diag([0.1] + [1e6 if i in held else pull for i in range(1, len(names) + 1)])
        w = w0.copy()
        for _ in range(50):
            p = 1 / (1 + np.exp(-(x @ w + shift)))
            gradient = x.T @ (p - y) + penalty @ (w - w0)
            hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
            step = np.linalg.solve(hessian, gradient)
            w -= step
            if np.abs(step).max() < 1e-6:
                break
        crossed = {i for i, n in enumerate(names, 1) if i not in held and w[i] * prior[n] < 0}
        if not crossed:
            break
        held |= crossed
    return {n: round(float(v), 2) + 0.0 for n, v in zip(["bias", *names], w, strict=True)}


def _predict(samples: list[Sample], weights: dict[str, float]) -> np.ndarray:
    names = [n for n in weights if n not in _NOT_WEIGHTS]
    x, shift, _y = _matrix(samples, names)
    w = np.array([weights["bias"]] + [weights[n] for n in names])
    return 1 / (1 + np.exp(-(x @ w + shift)))


def _held_out(samples: list[Sample], prior: dict[str, float], pull: float) -> np.ndarray:
    """Each record's confidence from weights fitted without its document."""
    out = np.zeros(len(samples))
    for doc in {s.doc for s in samples}:
        inside = [i for i, s in enumerate(samples) if s.doc == doc]
        rest = [s for s in samples if s.doc != doc]
        fitted = {**prior, **_fit(rest, prior, pull)}
        out[inside] = _predict([samples[i] for i in inside], fitted)
    return out


def _report(
    kind: str,
    samples: list[Sample],
    prior: dict[str, float],
    fitted: dict[str, float],
    pull: float,
) -> None:
    if not samples:
        console.print(f"{kind}: no records")
        return
    y = np.array([float(s.correct) for s in samples])
    columns = {
        "current": _predict(samples, prior),
        "fitted": _predict(samples, {**prior, **fitted}),
        "held out": _held_out(samples, prior, pull),
    }
    table = Table(title=f"{kind}: {len(samples)} records, {int(y.sum())} correct")
    table.add_column("confidence")
    for name in columns:
        table.add_column(f"{name}: n / correct")
    for low, high in itertools.pairwise(BUCKETS):
        cells = []
        for p in columns.values():
            inside = (p >= low) & (p < high)
            share = f"{y[inside].mean():.2f}" if inside.any() else "-"
            cells.append(f"{int(inside.sum())} / {share}")
        table.add_row(f"{low:.1f}-{min(high, 1):.1f}", *cells)
    losses = []
    for p in columns.values():
        q = np.clip(p, 1e-6, 1 - 1e-6)
        losses.append(f"{-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)):.3f}")
    table.add_row("log-loss", *losses)
    console.print(table)
    console.print(
        "  " + ", ".join(f"{k} {prior.get(k)}→{v}" for k, v in fitted.items()), highlight=False
    )


if __name__ == "__main__":
    main()
