"""A synthetic corpus of diplomatic news to measure with (issue 12, item 7).

``python benchmarks/make_corpus.py N --out DIR`` writes N articles as a scraper would save them
(mostly ``.txt`` with an outlet's furniture lines, some ``.html``, a ``.jsonl`` feed), and
``--analysed --db URL`` writes the same articles together with their analysis (mentions,
events, instrument actions, quotations) straight through :meth:`communique.store.Store.save_many`,
so that read paths and linking can be measured at 100,000 articles without hours of parsing.
``--gold FILE`` writes what each article states in the gold format of ../shared/GOLD-FORMAT.md,
so that the real pipeline can be scored on the text (``communique eval FILE``).

The words are ours: the templates live in ``benchmarks/corpus/phrasings.yaml``; states, people
and offices come from the packaged knowledge base (:func:`communique.kb.load_kb`), each person
named only on a day they held the office. One happening is reported by one to four outlets in
their own phrasings, a day or two apart, so linking has work to do. The happenings come in date
order, ``--per-day`` articles a day from 1 January 2015 (a fraction for a sparse corpus), as an
archive grows: by new weeks, each as busy as the last, so a larger corpus covers more days
rather than crowding more articles into the same ones. Everything follows from ``--seed``: the
same seed and N give the same bytes.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from communique.clean import article_id, iter_fingerprints
from communique.kb import KnowledgeBase, load_kb
from communique.model import (
    Analysis,
    Article,
    Event,
    Evidence,
    Instrument,
    Mention,
    RawDocument,
    Span,
    Statement,
)
from communique.pipeline import ANALYSIS_VERSION
from communique.store import Store

PHRASINGS = Path(__file__).resolve().parent / "corpus" / "phrasings.yaml"
FIRST_DAY = date(2015, 1, 1)
# Articles a day: 100,000 cover eleven years, about as busy as a wire service's coverage of one
# region (hundreds of thousands of stories in twenty years).
PER_DAY = 25.0
# How many outlets report one happening, as drawn (more single reports than shared ones).
REPORTS = (1, 1, 1, 2, 2, 3, 4)
# Articles written per store transaction. ``communique ingest`` commits every 500 so that an
# hour of parsing is never lost to a crash; a bulk load has no parsing between its commits, and
# each commit writes once every page its inserts touched: article ids and LSH band keys are
# random, so into a store of 100,000 that is a page for nearly every row added (20,000 pages
# for 500 articles). Ten times the batch writes far fewer pages per article.
BATCH = 5_000
_SLOT = re.compile(r"\{(\w+)\}")
# The slots that name a side (a state or its speaker), and which side.
_SIDE_OF = {
    "A": "A",
    "Aadj": "A",
    "PA": "A",
    "B": "B",
    "Badj": "B",
    "PB": "B",
    "speaker": "speaker",
}


@dataclass(frozen=True, slots=True)
class Side:
    """One state's side in a happening: the state and who speaks for it that day."""

    code: str
    name: str
    adjective: str
    capital: str | None
    person: str | None
    title: str  # as the text calls the office ("Foreign Minister")
    office: str  # as a mention records it ("Minister of Foreign Affairs")


@dataclass(slots=True)
class Piece:
    """A paragraph as written: its text and what stands where in it."""

    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    quote: tuple[int, int] | None = None  # offsets of a quotation inside the paragraph


@dataclass(frozen=True, slots=True)
class Generated:
    """One article: its raw input, the clean article and analysis, and its gold record."""

    raw: RawDocument
    article: Article
    analysis: Analysis
    gold: dict[str, Any]


class Writer:
    """Fills templates and keeps the offsets of every slot it fills."""

    def __init__(self, values: dict[str, str], sides: dict[str, Side], sentence: int) -> None:
        self.values = values
        self.sides = sides
        self.sentence = sentence  # offset of the paragraph in the article text

    def fill(self, template: str) -> Piece:
        """The template with its slots filled, and a mention for each state or person slot."""
        piece = Piece()
        last = 0
        for match in _SLOT.finditer(template):
            piece.text += template[last : match.start()]
            slot = match.group(1)
            value = self.values[slot]
            start = self.sentence + len(piece.text)
            mention = self._mention(slot, value, start)
            if mention is not None:
                piece.mentions.append(mention)
            if slot == "quote":
                piece.quote = (len(piece.text), len(piece.text) + len(value))
            piece.text += value
            last = match.end()
        piece.text += template[last:]
        return piece

    def _mention(self, slot: str, value: str, start: int) -> Mention | None:
        side = self.sides.get(_SIDE_OF.get(slot, ""))
        if side is None:
            return None
        end = start + len(value)
        sentence = self.sentence
        if slot in {"A", "B", "Aadj", "Badj"}:
            return Mention(
                start=start,
                end=end,
                text=value,
                kind="state",
                name=side.name,
                codes=(side.code,),
                sentence=sentence,
            )
        if slot in {"PA", "PB", "speaker"} and side.person:
            return Mention(
                start=start,
                end=end,
                text=value,
                kind="person",
                name=side.person,
                codes=(side.code,),
                office=side.office,
                sector="GOV",
                sentence=sentence,
            )
        return None


class Corpus:
    """The generator: the phrasings, the knowledge base's people by office, and a random state."""

    def __init__(
        self, seed: int, kb: KnowledgeBase, phrasings: dict[str, Any], *, per_day: float = PER_DAY
    ) -> None:
        self.rng = random.Random(seed)
        self.per_day = per_day
        self.kb = kb
        self.p = phrasings
        self.holders: dict[tuple[str, str], list[tuple[date, date, str, str | None]]] = defaultdict(
            list
        )
        for person in kb.people.values():
            for role in person.roles:
                if role.office in set(phrasings["offices"]):
                    low = role.start or FIRST_DAY
                    high = role.end or date.max
                    self.holders[(role.office, role.code)].append(
                        (low, high, person.name, role.title)
                    )
        covered = {code for _office, code in self.holders}
        # States with someone to speak for them; a few are drawn far more often than the rest,
        # as in the news, so that the actor network has hubs.
        self.states = [code for code in sorted(kb.states) if code in covered]
        self.weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(self.states))]
        self.rng.shuffle(self.states)
        self.kinds = sorted(phrasings["kinds"])
        self.kind_weights = [phrasings["kinds"][k]["weight"] for k in self.kinds]
        self.signed: list[tuple[str, str, Side, Side, date]] = []  # instruments to ratify

    # -- drawing ---------------------------------------------------------------------------

    def side(self, code: str, day: date) -> Side:
        """The state and, where the knowledge base knows one, who held its office that day."""
        state = self.kb.states[code]
        adjective = state.adjectives[0] if state.adjectives else state.name
        for office_id in self.rng.sample(self.p["offices"], len(self.p["offices"])):
            held = [h for h in self.holders[(office_id, code)] if h[0] <= day <= h[1]]
            if held:
                _low, _high, person, title = self.rng.choice(held)
                office = self.kb.offices[office_id]
                short, full = title or office.titles[0], title or office.canonical
                return Side(code, state.name, adjective, state.capital, person, short, full)
        office = self.kb.offices["foreign_minister"]
        return Side(
            code, state.name, adjective, state.capital, None, office.titles[0], office.canonical
        )

    def pair(self, day: date) -> tuple[Side, Side]:
        """Two states, each with someone known to hold one of the offices on ``day``."""
        while True:
            first, second = self.rng.choices(self.states, self.weights, k=2)
            if first == second:
                continue
            a, b = self.side(first, day), self.side(second, day)
            if a.person and b.person:
                return a, b

    def day(self, number: int) -> date:
        """The day of the happening whose first article is the ``number``-th of the corpus."""
        return FIRST_DAY + timedelta(days=int(number / self.per_day))

    # -- writing ---------------------------------------------------------------------------

    def stories(self) -> Iterator[Generated]:
        """Articles without end: one happening after another, each in one to four outlets."""
        number = 0
        while True:
            kind = self.rng.choices(self.kinds, self.kind_weights)[0]
            for generated in self.story(kind, number):
                number += 1
                yield generated

    def story(self, kind: str, number: int) -> list[Generated]:
        """One happening of ``kind`` as each outlet that reports it writes it up."""
        spec = self.p["kinds"][kind]
        instrument = None
        day = self.day(number)
        # An instrument is ratified a month or more after the corpus told of its signing (they
        # were signed in date order, so the old enough ones come first); before any is that old,
        # the instrument ratified is one whose signing the corpus did not tell.
        ripe = bisect_right(self.signed, day - timedelta(days=30), key=lambda item: item[4])
        if spec.get("instrument") == "ratified" and ripe:
            title, short, a, b, _signed_on = self.signed.pop(self.rng.randrange(ripe))
            instrument = (title, short)
        else:
            a, b = self.pair(day)
        topics = self.rng.sample(self.p["topics"], 2)
        if spec.get("instrument") and instrument is None:
            field_name = self.rng.choice(self.p["fields"])
            shape = self.rng.choice(self.p["instrument_kinds"])
            first, second = sorted((a, b), key=lambda s: s.code)
            title = f"{first.adjective}-{second.adjective} " + shape["title"].format(
                field=field_name
            )
            instrument = (title, shape["title"].format(field=field_name.lower()).lower())
            if spec["instrument"] == "signed":
                self.signed.append((title, instrument[1], a, b, day))
        count = self.rng.choice(REPORTS)
        outlets = self.rng.sample(self.p["publishers"], min(count, len(self.p["publishers"])))
        return [
            self.article(kind, spec, number + i, outlet, day, a, b, topics, instrument)
            for i, outlet in enumerate(outlets)
        ]

    def article(
        self,
        kind: str,
        spec: dict[str, Any],
        number: int,
        outlet: dict[str, Any],
        day: date,
        a: Side,
        b: Side,
        topics: list[str],
        instrument: tuple[str, str] | None,
    ) -> Generated:
        """One outlet's article on the happening, with its analysis and gold record."""
        rng = self.rng
        delay = rng.choice((0, 1, 1, 2))
        published = day + timedelta(days=delay)
        when = self.when(day, published)
        place_side = {"A": a, "B": b}.get(spec.get("place") or "")
        city = (place_side.capital if place_side else None) or a.capital or a.name
        title_text, short = instrument or ("", "")
        speaker = rng.choice((a, b)) if a.person and b.person else (a if a.person else None)
        values = {
            "A": a.name,
            "B": b.name,
            "Aadj": a.adjective,
            "Badj": b.adjective,
            "PA": a.person or f"the {a.adjective} {a.title}",
            "PB": b.person or f"the {b.adjective} {b.title}",
            "OA": a.title,
            "OB": b.title,
            "Acapital": a.capital or a.name,
            "city": city,
            "when": when,
            "when_cap": when[0].upper() + when[1:],
            "topic": topics[0],
            "topic2": topics[1],
            "sector": rng.choice(self.p["sectors"]),
            "instrument": title_text,
            "instrument_short": short,
            "field_lower": short.split(" on ", 1)[-1],
            "year": str(rng.randint(1950, day.year - 1)),
            "speaker": speaker.person if speaker and speaker.person else "",
        }
        values["quote"] = rng.choice(self.p["quotes"]).format(**values)
        sides = {"A": a, "B": b}
        if speaker is not None:
            sides["speaker"] = speaker
        headline_t = rng.choice(spec["headlines"])
        paragraphs: list[Piece] = []
        text = ""
        templates = [
            headline_t,
            rng.choice(spec["leads"]),
            *([rng.choice(self.p["details"])] if rng.random() < 0.6 else []),
            *([rng.choice(self.p["attributions"])] if speaker and rng.random() < 0.7 else []),
            *([rng.choice(self.p["backgrounds"])] if rng.random() < 0.5 else []),
        ]
        for template in templates:
            if text:
                text += "\n\n"
            piece = Writer(values, sides, len(text)).fill(template)
            piece.text = piece.text[0].upper() + piece.text[1:]
            paragraphs.append(piece)
            text += piece.text
        headline, lead = paragraphs[0], paragraphs[1]
        lead_start = len(headline.text) + 2
        lead_end = lead_start + len(lead.text)
        span = Span(start=day, end=day, precision="day")
        events: list[Event] = []
        gold_events: list[dict[str, Any]] = []
        if spec.get("event"):
            actor = (a.code, b.code) if spec["actor"] == "AB" else (a.code,)
            recipient = (b.code,) if spec.get("recipient") == "B" else ()
            people = tuple(s.person for s in (a, b) if s.person)
            events.append(
                Event(
                    event=spec["event"],
                    mode=spec.get("mode"),
                    context=spec.get("context", "diplomatic"),
                    actor=actor,
                    recipient=recipient,
                    people=people,
                    when=span,
                    place=city if place_side else None,
                    place_code=place_side.code if place_side else None,
                    negated=False,
                    tense="past",
                    evidence=(Evidence(start=lead_start, end=lead_end, sentence=lead.text),),
                    confidence=round(rng.uniform(0.5, 0.95), 4),
                )
            )
            gold_events.append(
                {
                    "event": spec["event"],
                    "mode": spec.get("mode"),
                    "actor": list(actor),
                    "recipient": list(recipient),
                    "people": list(people),
                    "date": day.isoformat(),
                    "evidence": [lead.text],
                }
            )
        instruments: list[Instrument] = []
        gold_agreements: list[dict[str, Any]] = []
        if instrument is not None:
            parties = (a.code, b.code) if spec["instrument"] == "signed" else (a.code,)
            instruments.append(
                Instrument(
                    title=title_text,
                    kind="memorandum" if "Memorandum" in title_text else "agreement",
                    action=spec["instrument"],
                    parties=parties,
                    when=span,
                    start=lead_start,
                    end=lead_end,
                    sentence=lead.text,
                    confidence=round(rng.uniform(0.5, 0.95), 4),
                )
            )
            gold_agreements.append(
                {
                    "title": title_text,
                    "parties": list(parties),
                    "action": spec["instrument"],
                    "date": day.isoformat(),
                }
            )
        statements: list[Statement] = []
        offset = 0
        for piece in paragraphs:
            if piece.quote is not None and speaker is not None:
                start, end = offset + piece.quote[0], offset + piece.quote[1]
                statements.append(
                    Statement(
                        speaker=speaker.person,
                        code=speaker.code,
                        office=speaker.office,
                        quote=text[start:end],
                        start=start,
                        end=end,
                        layout="attributed",
                        confidence=round(rng.uniform(0.6, 0.95), 4),
                    )
                )
            offset += len(piece.text) + 2
        raw_text = self.raw_text(outlet, headline.text, published, [p.text for p in paragraphs])
        doc = f"{outlet['slug']}-{published:%Y%m%d}-{number:06d}"
        fmt = rng.choices(("txt", "html", "jsonl"), (8, 1, 1))[0]
        raw = RawDocument(
            doc=f"{doc}.{fmt}" if fmt != "jsonl" else doc,
            content=raw_text,
            format="text",
            group=outlet["slug"],
            publisher=outlet["name"] if fmt == "jsonl" else None,
            title=headline.text if fmt == "jsonl" else None,
            published=published if fmt == "jsonl" else None,
        )
        article = Article(
            id=article_id(raw_text),
            doc=raw.doc,
            text=text,
            title=headline.text,
            published=published,
            language="en",
            publisher=outlet["name"],
        )
        analysis = Analysis(
            article_id=article.id,
            mentions=tuple(m for p in paragraphs for m in p.mentions),
            statements=tuple(statements),
            instruments=tuple(instruments),
            events=tuple(events),
        )
        gold = {
            "doc": raw.doc,
            "meta": {"title": headline.text, "published": published.isoformat(), "language": "en"},
            "clean": {
                "keep": [" ".join(lead.text.split()[:6])],
                "drop": [*outlet["header"], *outlet["footer"]],
            },
            "entities": [
                {"name": m.name, "kind": "person", "country": m.code, "office": m.office}
                for m in {
                    m.name: m for p in paragraphs for m in p.mentions if m.kind == "person"
                }.values()
            ],
            "events": gold_events,
            "agreements": gold_agreements,
            "statements": [
                {"speaker": st.speaker, "starts": " ".join(st.quote.split()[:4])}
                for st in statements
            ],
        }
        return Generated(raw=raw, article=article, analysis=analysis, gold=gold)

    def when(self, day: date, published: date) -> str:
        """The day as the text gives it: a weekday when close to publication, else a date."""
        forms = ["on {d} {B}", "on {B} {d}", "on {d} {B} {Y}"]
        if 1 <= (published - day).days <= 5:
            forms += ["on {A}", "on {A}"]
        form = self.rng.choice(forms)
        return form.format(d=day.day, B=f"{day:%B}", Y=day.year, A=f"{day:%A}")

    def raw_text(
        self, outlet: dict[str, Any], headline: str, published: date, paragraphs: list[str]
    ) -> str:
        """The article as scraped: furniture lines, headline, dateline, body, furniture."""
        moment = datetime(published.year, published.month, published.day, 8 + len(headline) % 12)
        dateline = moment.strftime(self.rng.choice(self.p["dateline_forms"]))
        lines = [*outlet["header"], headline, dateline, *paragraphs[1:], *outlet["footer"]]
        return "\n\n".join(lines) + "\n"


def to_html(raw: RawDocument, headline: str, published: date, outlet: dict[str, Any]) -> str:
    """An article page: navigation and footer around the article element."""
    body = raw.content.split("\n\n")
    head, foot = len(outlet["header"]), len(outlet["footer"])
    paragraphs = body[head + 2 : len(body) - foot]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(headline)} - {html.escape(outlet['name'])}</title>",
        f'<meta property="article:published_time" content="{published.isoformat()}">',
        f'<meta property="og:site_name" content="{html.escape(outlet["name"])}">',
        "</head><body>",
        "<nav>"
        + " ".join(f"<a href='#'>{html.escape(h)}</a>" for h in outlet["header"])
        + "</nav>",
        f"<article><h1>{html.escape(headline)}</h1>",
        f"<time datetime='{published.isoformat()}'>{published:%d %B %Y}</time>",
        *(f"<p>{html.escape(p)}</p>" for p in paragraphs),
        "</article>",
        "<footer>" + "".join(f"<p>{html.escape(f)}</p>" for f in outlet["footer"]) + "</footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def generate(count: int, *, seed: int, per_day: float = PER_DAY) -> Iterator[Generated]:
    """The first ``count`` articles of the corpus of ``seed``, ``per_day`` articles a day."""
    phrasings = yaml.safe_load(PHRASINGS.read_text("utf-8"))
    corpus = Corpus(seed, load_kb(), phrasings, per_day=per_day)
    for number, generated in enumerate(corpus.stories()):
        if number >= count:
            return
        yield generated


def write_inputs(items: list[Generated], out: Path) -> None:
    """The inputs as files: ``.txt`` and ``.html`` per outlet folder, and one JSONL feed."""
    phrasings = yaml.safe_load(PHRASINGS.read_text("utf-8"))
    outlets = {p["slug"]: p for p in phrasings["publishers"]}
    feed = []
    for item in items:
        raw, article = item.raw, item.article
        folder = out / raw.group
        folder.mkdir(parents=True, exist_ok=True)
        if raw.doc.endswith(".txt"):
            (folder / raw.doc).write_text(raw.content, encoding="utf-8")
        elif raw.doc.endswith(".html"):
            page = to_html(raw, article.title or "", article.published, outlets[raw.group])
            (folder / raw.doc).write_text(page, encoding="utf-8")
        else:
            record = {
                "id": raw.doc,
                "text": raw.content,
                "title": raw.title,
                "published": article.published.isoformat() if article.published else None,
                "publisher": raw.publisher,
                "language": "en",
            }
            feed.append(json.dumps(record, ensure_ascii=False))
    if feed:
        (out / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")


def write_store(items: Iterator[Generated], url: str, *, batch: int = BATCH) -> int:
    """Store the articles with their analyses, ``batch`` per transaction; return how many."""
    store = Store.open(url)
    written = 0
    try:
        chunk: list[Generated] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch:
                written += _save(store, chunk)
                chunk = []
        written += _save(store, chunk)
    finally:
        store.close()
    return written


def _save(store: Store, chunk: list[Generated]) -> int:
    if not chunk:
        return 0
    store.save_many(
        (
            (
                g.article,
                g.analysis,
                g.raw.group,
                iter_fingerprints(g.raw) if g.raw.doc.endswith(".txt") else (),
            )
            for g in chunk
        ),
        version=ANALYSIS_VERSION,
    )
    return len(chunk)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("--seed", type=int, default=12, help="the random seed (default 12)")
    parser.add_argument(
        "--per-day", type=float, default=PER_DAY, help=f"articles a day (default {PER_DAY:g})"
    )
    parser.add_argument("--out", type=Path, help="write the inputs (.txt, .html, feed.jsonl)")
    parser.add_argument("--analysed", action="store_true", help="store articles with analyses")
    parser.add_argument("--db", help="the database URL for --analysed")
    parser.add_argument("--gold", type=Path, help="write the gold records (JSONL)")
    parser.add_argument("--batch", type=int, default=BATCH, help="articles per transaction")
    args = parser.parse_args(argv)
    if args.analysed and not args.db:
        parser.error("--analysed needs --db URL")
    if args.per_day <= 0:
        parser.error(f"--per-day must be a positive number of articles a day, not {args.per_day:g}")
    if not (args.out or args.analysed or args.gold):
        parser.error("say what to write: --out DIR, --analysed --db URL, or --gold FILE")
    started = time.perf_counter()
    items = generate(args.count, seed=args.seed, per_day=args.per_day)
    if args.out or args.gold:
        kept = list(items)
        if args.out:
            write_inputs(kept, args.out)
        if args.gold:
            lines = (json.dumps(g.gold, ensure_ascii=False) for g in kept)
            args.gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
        items = iter(kept)
    if args.analysed:
        written = write_store(items, args.db, batch=args.batch)
        seconds = time.perf_counter() - started
        rate = written / seconds if seconds else 0.0
        sys.stdout.write(
            f"{written} analysed articles written to {args.db} in {seconds:.1f} s "
            f"({rate:.0f} articles/s; analysis version {ANALYSIS_VERSION})\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
