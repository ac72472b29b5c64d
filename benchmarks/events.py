"""Event-coding benchmark: PLOVER types on PLV_train and on the PETRARCH-2 GSR validation set.

Both sets are scored strictly (issue 10): per sentence, the set of event types we code against
the set gold gives; every predicted type that gold lacks is a false positive, every gold type
not predicted a false negative, whoever the participants are. Negated and hypothetical events
are left out, as the evaluator leaves them out: they are stored, flagged, but state no act.

- ../shared/event-gold/zero_shot_plover/PLV_train.tsv: one gold PLOVER root per (sentence,
  source, target) row; a sentence's gold set is the roots of all its rows. YIELD is CONCEDE or
  RETREAT.
- ../shared/event-gold/universal_petrarch/PETR2_GSR_validation.xml: CAMEO codings mapped to
  PLOVER with ../shared/event-gold/plover/CAMEO2PLOVER-2021.txt (a sentence coded "no event"
  has an empty gold set).

Precision, recall and F1 per type over the sentences, and macro-F1 over the types gold holds.
Floors are issue 10's acceptance 3; below either, the exit status is 1.
These sets are for measuring, never for building patterns.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from communique.kb import load_kb
from communique.model import Analysis, Article
from communique.nlp import analyse, build_pipeline
from communique.settings import load_settings

YIELD = {"CONCEDE", "RETREAT"}
PLV_FLOOR = 0.70  # PLV_train macro-F1, strict (issue 10, acceptance 3)
PETR_FLOOR = 0.45  # PETR2 GSR validation macro-F1, strict (issue 10, acceptance 3)


def _run(texts: list[str]) -> list[Analysis]:
    settings = load_settings(environ={})
    nlp = build_pipeline(settings.model, load_kb())
    articles = [
        Article(
            id=str(i), doc=str(i), text=t, title=None, published=None, language="en", publisher=None
        )
        for i, t in enumerate(texts)
    ]
    return [analysis for _article, analysis in analyse(articles, nlp, batch_size=64)]


def strict_counts(sentences: list[tuple[set[str], set[str]]]) -> dict[str, Counter[str]]:
    """Per type tp/fp/fn over (gold types, predicted types) of each sentence."""
    counts: dict[str, Counter[str]] = {}
    for gold, predicted in sentences:
        for kind in gold | predicted:
            c = counts.setdefault(kind, Counter())
            c["tp" if kind in gold and kind in predicted else "fn" if kind in gold else "fp"] += 1
    return counts


def _table(title: str, counts: dict[str, Counter[str]]) -> tuple[Table, float]:
    table = Table("type", "gold", "P", "R", "F1", title=title)
    f1s = []
    for kind in sorted(counts):
        c = counts[kind]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if c["tp"] + c["fn"]:
            f1s.append(f)
        table.add_row(kind, str(c["tp"] + c["fn"]), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}")
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    table.add_row("macro", "", "", "", f"{macro:.2f}")
    return table, macro


def bench_plv(path: Path) -> tuple[Table, float]:
    """Per-type scores on PLV_train: each sentence's coded types against its gold roots."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    gold: dict[str, set[str]] = {}
    for row in rows:
        gold.setdefault(row["sentence"], set()).add(row["gold_root"])
    texts = list(gold)
    analyses = _run(texts)
    sentences = [
        (
            gold[text],
            {
                "YIELD" if e.event in YIELD else e.event
                for e in analysis.events
                if not e.negated and e.tense != "hypothetical"
            },
        )
        for text, analysis in zip(texts, analyses, strict=True)
    ]
    return _table(f"PLV_train, strict ({len(texts)} sentences)", strict_counts(sentences))


def _cameo_map(path: Path) -> dict[str, str]:
    mapping = {}
    for line in path.read_text("utf-8", errors="replace").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            mapping[match.group(1)] = match.group(2)
    return mapping


def _plover(code: str, mapping: dict[str, str]) -> str | None:
    for size in range(len(code), 1, -1):
        if code[:size] in mapping:
            return mapping[code[:size]]
    return None


def bench_petr(path: Path, table_path: Path) -> tuple[Table, float]:
    """Per-type scores on the PETRARCH-2 GSR sentences: coded types against gold types."""
    mapping = _cameo_map(table_path)
    text = path.read_text("utf-8", errors="replace")
    records = []
    for block in re.split(r"<Sentence\b", text)[1:]:
        body = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if body is None:
            continue
        codes = re.findall(r'eventcode="(\d+)"', block)
        gold = {t for c in codes if (t := _plover(c, mapping))}
        records.append((" ".join(body.group(1).split()), gold))
    analyses = _run([r[0] for r in records])
    sentences = [
        (gold, {e.event for e in analysis.events if not e.negated and e.tense != "hypothetical"})
        for (_text, gold), analysis in zip(records, analyses, strict=True)
    ]
    title = f"PETR2 GSR validation, strict ({len(records)} sentences)"
    return _table(title, strict_counts(sentences))


def main() -> int:
    """Print both tables and each floor's verdict; exit 1 if a macro-F1 is under its floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    gold = args.shared / "event-gold"
    console = Console()
    if not gold.is_dir():
        console.print(f"skipped: {gold} is absent")
        return 0
    plv, plv_macro = bench_plv(gold / "zero_shot_plover" / "PLV_train.tsv")
    console.print(plv)
    petr, petr_macro = bench_petr(
        gold / "universal_petrarch" / "PETR2_GSR_validation.xml",
        gold / "plover" / "CAMEO2PLOVER-2021.txt",
    )
    console.print(petr)
    failed = False
    for name, macro, floor in (
        ("PLV_train", plv_macro, PLV_FLOOR),
        ("PETR2 GSR", petr_macro, PETR_FLOOR),
    ):
        ok = macro >= floor
        failed |= not ok
        console.print(
            f"{'PASS' if ok else 'FAIL'}: {name} strict macro-F1 {macro:.2f} (floor {floor})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
