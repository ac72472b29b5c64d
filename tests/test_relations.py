"""Issue 14, items 4 and 5: one relationship (store, page, CLI) and the digest of what is new.

The store holds two batches written through the store API, in our own words: the first is
dated back (its articles' ``ingested_at`` moved to 2021) and the second is stored now, so
"since 2021-06-01" must show exactly the second batch's records. Browser tests run headless
Chromium with every request off 127.0.0.1 (or off the file, for the digest) cut.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from communique.cli import app
from communique.errors import QueryError
from communique.model import (
    Analysis,
    Article,
    Event,
    Evidence,
    Instrument,
    Mention,
    Span,
    Statement,
)
from communique.pipeline import ANALYSIS_VERSION
from communique.settings import load_settings
from communique.store import Store
from communique.store.relations import (
    moved_agreements,
    new_pairs,
    new_quotes,
    parse_moment,
    relation,
    resolve_side,
)
from communique.store.tables import ArticleRow
from communique.web import create_app

from .browsing import CHROMIUM, cut_off, needs_chromium, serving, watched_page
from .conftest import ROOT, Databases

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(14)
runner = CliRunner()

BEFORE = datetime(2021, 3, 1, 9, 0)  # when the first batch counts as stored
SINCE = "2021-06-01"  # between the two batches
TREATY = "Treaty on a Common Power Market"


def _day(value: str) -> Span:
    day = date.fromisoformat(value)
    return Span(start=day, end=day, precision="day")


class _Text:
    """An article's text and the records pointing into it, found by the words they cover."""

    def __init__(self, doc: str, published: str, text: str) -> None:
        self.text = text
        self.article = Article(
            id=hashlib.sha1(text.encode()).hexdigest()[:16],
            doc=doc,
            text=text,
            title=text.split(".")[0],
            published=date.fromisoformat(published),
            language="en",
            publisher="Test Wire",
        )
        self.mentions: list[Mention] = []
        self.events: list[Event] = []
        self.instruments: list[Instrument] = []
        self.statements: list[Statement] = []

    def _at(self, words: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(words, after)
        return start, start + len(words)

    def mention(self, words: str, kind: str, name: str, code: str, after: int = 0) -> None:
        start, end = self._at(words, after)
        reference = "seat" if words != name and kind == "state" else "name"
        self.mentions.append(
            Mention(
                start=start,
                end=end,
                text=words,
                kind=kind,  # type: ignore[arg-type]
                name=name,
                codes=(code,),
                reference=reference,  # type: ignore[arg-type]
            )
        )

    def event(
        self, sentence: str, kind: str, actor: str, recipient: str, day: str, *people: str
    ) -> None:
        start, end = self._at(sentence)
        self.events.append(
            Event(
                event=kind,
                mode=None,
                context=None,
                actor=(actor,),
                recipient=(recipient,),
                people=people,
                when=_day(day),
                place=None,
                place_code=None,
                negated=False,
                tense="past",
                evidence=(Evidence(start=start, end=end, sentence=sentence),),
            )
        )

    def instrument(self, sentence: str, action: str, parties: tuple[str, ...], day: str) -> None:
        start, end = self._at(sentence)
        self.instruments.append(
            Instrument(
                title=TREATY,
                kind="treaty",
                action=action,
                parties=parties,
                when=_day(day),
                start=start,
                end=end,
                sentence=sentence,
            )
        )

    def statement(self, quote: str, speaker: str, code: str) -> None:
        start, end = self._at(quote)
        self.statements.append(
            Statement(
                speaker=speaker,
                code=code,
                office="foreign_minister",
                quote=quote,
                start=start,
                end=end,
                layout="attributed",
            )
        )

    def stored(self) -> tuple[Article, Analysis, str, tuple[str, ...]]:
        analysis = Analysis(
            article_id=self.article.id,
            mentions=tuple(self.mentions),
            statements=tuple(self.statements),
            instruments=tuple(self.instruments),
            events=tuple(self.events),
        )
        return self.article, analysis, "test-wire", ()


def _first_batch() -> list[_Text]:
    signing = _Text(
        "minsk-power-treaty.txt",
        "2026-10-05",
        "Belarus and Russia signed the Treaty on a Common Power Market in Minsk on 5 October. "
        "Igor Petrishenko held talks with Oleg Matytsin before the ceremony. "
        '"Russia remains our closest partner in energy," Petrishenko said.',
    )
    signing.mention("Belarus", "state", "Belarus", "BLR")
    signing.mention("Russia", "state", "Russia", "RUS")
    signing.mention("Igor Petrishenko", "person", "Igor Petrishenko", "BLR")
    signing.mention("Oleg Matytsin", "person", "Oleg Matytsin", "RUS")
    signing.mention("Russia", "state", "Russia", "RUS", after=signing.text.index('"'))
    signing.event(
        "Igor Petrishenko held talks with Oleg Matytsin before the ceremony.",
        "CONSULT",
        "BLR",
        "RUS",
        "2026-10-05",
        "Igor Petrishenko",
        "Oleg Matytsin",
    )
    signing.instrument(
        "Belarus and Russia signed the Treaty on a Common Power Market in Minsk on 5 October.",
        "signed",
        ("BLR", "RUS"),
        "2026-10-05",
    )
    signing.statement("Russia remains our closest partner in energy,", "Igor Petrishenko", "BLR")
    complaint = _Text(
        "moscow-gas-complaint.txt",
        "2026-10-20",
        "Moscow accused Minsk of holding back gas payments on 20 October. "
        "Russia also put sanctions on Poland that day. "
        '"Prices will climb for every household this winter," Maria Zakharova said.',
    )
    complaint.mention("Moscow", "state", "Russia", "RUS")
    complaint.mention("Minsk", "state", "Belarus", "BLR")
    complaint.mention("Poland", "state", "Poland", "POL")
    complaint.mention("Maria Zakharova", "person", "Maria Zakharova", "RUS")
    complaint.event(
        "Moscow accused Minsk of holding back gas payments on 20 October.",
        "ACCUSE",
        "RUS",
        "BLR",
        "2026-10-20",
    )
    complaint.event(
        "Russia also put sanctions on Poland that day.", "SANCTION", "RUS", "POL", "2026-10-20"
    )
    complaint.statement(
        "Prices will climb for every household this winter,", "Maria Zakharova", "RUS"
    )
    return [signing, complaint]


def _second_batch() -> list[_Text]:
    ratified = _Text(
        "minsk-ratification.txt",
        "2026-11-10",
        "The parliament of Belarus ratified the Treaty on a Common Power Market on 10 November. "
        "Belarus backed the Russian plan for one grid operator. "
        '"Belarus has kept its word," Oleg Matytsin told reporters.',
    )
    ratified.mention("Belarus", "state", "Belarus", "BLR")
    ratified.mention("Russian", "state", "Russia", "RUS")
    ratified.mention("Belarus", "state", "Belarus", "BLR", after=ratified.text.index('"'))
    ratified.mention("Oleg Matytsin", "person", "Oleg Matytsin", "RUS")
    ratified.instrument(
        "The parliament of Belarus ratified the Treaty on a Common Power Market on 10 November.",
        "ratified",
        ("BLR",),
        "2026-11-10",
    )
    ratified.event(
        "Belarus backed the Russian plan for one grid operator.",
        "SUPPORT",
        "BLR",
        "RUS",
        "2026-11-10",
    )
    ratified.statement("Belarus has kept its word,", "Oleg Matytsin", "RUS")
    # A later source for the October accusation: a story known before, not a new one.
    echo = _Text(
        "wire-gas-complaint.txt",
        "2026-11-11",
        "Russia accused Belarus of late gas payments on 20 October, officials confirmed.",
    )
    echo.mention("Russia", "state", "Russia", "RUS")
    echo.mention("Belarus", "state", "Belarus", "BLR")
    echo.event(
        "Russia accused Belarus of late gas payments on 20 October, officials confirmed.",
        "ACCUSE",
        "RUS",
        "BLR",
        "2026-10-20",
    )
    return [ratified, echo]


def _fill(url: str) -> None:
    """Store the first batch, date it back to BEFORE, then store the second batch now."""
    store = Store.open(url)
    try:
        first = _first_batch()
        store.save_many((t.stored() for t in first), version=ANALYSIS_VERSION)
        ids = [t.article.id for t in first]
        with store.engine.begin() as connection:
            connection.execute(
                update(ArticleRow).where(ArticleRow.id.in_(ids)).values(ingested_at=BEFORE)
            )
        store.save_many((t.stored() for t in _second_batch()), version=ANALYSIS_VERSION)
    finally:
        store.close()


@pytest.fixture
def filled(db_url: str) -> Iterator[Store]:
    _fill(db_url)
    store = Store.open(db_url)
    yield store
    store.close()


def _kinds(found) -> list[str]:
    return [h.event for h in found.happenings]


def test_relation_has_the_events_agreements_quotes_and_people_of_both_sides(
    filled: Store,
) -> None:
    found = relation(filled, "BLR", "RUS")
    assert _kinds(found) == ["SUPPORT", "ACCUSE", "CONSULT"]  # newest first; not RUS-POL
    assert relation(filled, "rus", "blr").happenings == found.happenings  # either order
    assert found.names == {"BLR": "Belarus", "RUS": "Russia"}
    [treaty] = found.agreements
    assert treaty.agreement.title == TREATY
    assert treaty.lifecycle == ("signed", "ratified")
    assert treaty.new == (False, False)  # nothing is "new" without a moment
    assert [st.speaker for _a, st in found.quotes] == ["Oleg Matytsin", "Igor Petrishenko"]
    assert found.people() == [("Igor Petrishenko", 1, 1), ("Oleg Matytsin", 1, 1)]


def test_relation_months_stack_by_quad_with_the_balance(filled: Store) -> None:
    found = relation(filled, "BLR", "RUS")
    assert found.months() == [
        ("2026-10", "verbal conflict", 1),
        ("2026-10", "verbal cooperation", 1),
        ("2026-11", "verbal cooperation", 1),
    ]
    assert found.balance() == [("2026-10", 0.0), ("2026-11", 1.0)]


def test_relation_since_keeps_what_was_stored_after_the_moment(filled: Store) -> None:
    found = relation(filled, "BLR", "RUS", since=parse_moment(SINCE))
    # The accusation gained a second source in the new batch, but was known before.
    assert _kinds(found) == ["SUPPORT"]
    [treaty] = found.agreements
    assert treaty.new == (False, True)  # the ratification is the new action
    assert [st.speaker for _a, st in found.quotes] == ["Oleg Matytsin"]
    assert found.people() == [("Oleg Matytsin", 0, 1)]
    later = relation(filled, "BLR", "RUS", since=datetime(2100, 1, 1))
    assert (later.happenings, later.agreements, later.quotes) == ((), (), ())


def test_sides_resolve_from_codes_names_and_aliases(filled: Store) -> None:
    assert resolve_side(filled, "blr") == "BLR"
    assert resolve_side(filled, "Belarus") == "BLR"
    assert resolve_side(filled, "russia") == "RUS"
    with pytest.raises(QueryError, match="no state or organisation"):
        resolve_side(filled, "Atlantis")
    with pytest.raises(QueryError, match=r"side ' ': empty.*\[E452\]"):
        resolve_side(filled, " ")
    with pytest.raises(QueryError, match="two different sides"):
        relation(filled, "BLR", "blr")


def test_moments_are_days_or_utc_times() -> None:
    assert parse_moment("2026-12-01") == datetime(2026, 12, 1)
    assert parse_moment("2026-12-01T08:30") == datetime(2026, 12, 1, 8, 30)
    assert parse_moment("2026-12-01T10:30+02:00") == datetime(2026, 12, 1, 8, 30)
    with pytest.raises(QueryError, match="E451"):
        parse_moment("last tuesday")


def test_whats_new_across_every_relationship(filled: Store) -> None:
    moment = parse_moment(SINCE)
    pairs = new_pairs(filled, moment)
    assert {pair: [h.event for h in found] for pair, found in pairs.items()} == {
        ("BLR", "RUS"): ["SUPPORT"]
    }
    assert [m.agreement.title for m in moved_agreements(filled, moment)] == [TREATY]
    assert [st.speaker for _a, st in new_quotes(filled, moment)] == ["Oleg Matytsin"]


def test_relation_of_the_sample_corpus(sample_url: str) -> None:
    store = Store.open(sample_url)
    try:
        found = relation(store, resolve_side(store, "European Union"), "RUS")
    finally:
        store.close()
    # adopting a sanctions package against Russia coerces it; the adoption is no support of it
    assert sorted(h.quad for h in found.happenings) == ["material conflict"]
    assert [(st.speaker, st.code) for _a, st in found.quotes] == [("Josep Borrell", "IGO:EU")]


def _run(db: str, *args: str):
    return runner.invoke(app, ["--db", db, *args])


def test_cli_relation_prints_every_part(filled: Store) -> None:
    result = _run(filled.url, "relation", "Belarus", "RUS")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for part in ("Belarus (BLR) – Russia (RUS)", "2026-10", "+1.00", "3 events", "Treaty"):
        assert part in text
    assert "Maria Zakharova" not in text  # her words name no Belarusian side
    later = _run(filled.url, "relation", "BLR", "RUS", "--since", SINCE)
    assert later.exit_code == 0, later.output
    assert "1 event" in later.output and "*ratified" in later.output
    assert "stored" in later.output  # what "since" means is said
    bad = _run(filled.url, "relation", "BLR", "RUS", "--since", "soon")
    assert bad.exit_code == 2 and "E451" in bad.output


def test_cli_digest_in_the_terminal_and_for_chosen_relationships(filled: Store) -> None:
    result = _run(filled.url, "digest", "--since", SINCE)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "1 event in 1 relationship, 1 agreement moved, 1 quotation." in text
    assert "BLR – RUS: 1 new event" in text
    other = _run(filled.url, "digest", "--since", SINCE, "--relation", "RUS", "Poland")
    assert other.exit_code == 0, other.output
    text = " ".join(other.output.split())
    assert "0 events in 0 relationships, 0 agreements moved, 0 quotations." in text
    lone = _run(filled.url, "digest", "--since", SINCE, "--relation", "RUS")
    assert lone.exit_code == 2


def _digest_file(db: str, folder: Path) -> Path:
    path = folder / "digest.html"
    result = _run(db, "digest", "--since", SINCE, "--relation", "BLR", "RUS", "--out", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_cli_digest_html_holds_everything_it_needs(filled: Store, tmp_path: Path) -> None:
    html = _digest_file(filled.url, tmp_path).read_text("utf-8")
    # Outside the inlined Plotly library, no address at all: no src, no link, no URL.
    own = re.sub(r"<script>.*?</script>", "", html, count=1, flags=re.DOTALL)
    assert "http" not in own and "src=" not in own and 'href="/' not in own
    assert "Plotly.newPlot" in own and "Belarus backed the Russian plan" in own
    assert "ratified (new)" in own


@pytest.fixture
def client(filled: Store) -> TestClient:
    settings = load_settings(environ={}, overrides=[f"db={filled.url}"])
    return TestClient(create_app(settings))


def _event_ids(html: str) -> list[str]:
    return re.findall(r'class="event-link" href="/events/([^"]+)"', html)


def test_web_relation_page_links_every_number_to_its_records(
    client: TestClient, filled: Store
) -> None:
    page = client.get("/relations/BLR/RUS")
    assert page.status_code == 200
    html = page.text
    ids = [h.id for h in relation(filled, "BLR", "RUS").happenings]
    assert _event_ids(html) == ids
    assert 'href="/relations/BLR/RUS?quad=verbal+conflict#events"' in html
    assert 'href="/relations/BLR/RUS?person=Oleg+Matytsin#events"' in html
    assert 'href="/relations/BLR/RUS?speaker=Oleg+Matytsin#quotes"' in html
    assert html.count('class="article-link"') == 4  # two treaty actions, two quotations
    assert "/static/chart.js" in html and 'data-chart="relation"' in html
    narrowed = client.get("/relations/BLR/RUS", params={"quad": "verbal conflict"}).text
    accusation = [h.id for h in relation(filled, "BLR", "RUS").happenings if h.event == "ACCUSE"]
    assert _event_ids(narrowed) == accusation
    talks = [h.id for h in relation(filled, "BLR", "RUS").happenings if h.event == "CONSULT"]
    named = client.get("/relations/BLR/RUS", params={"person": "Igor Petrishenko"}).text
    assert _event_ids(named) == talks
    quoted = client.get("/relations/BLR/RUS", params={"speaker": "Oleg Matytsin"}).text
    assert "Belarus has kept its word" in quoted and "closest partner" not in quoted
    assert client.get("/static/chart.js").status_code == 200


def test_web_relation_since_view_and_search_box(client: TestClient, filled: Store) -> None:
    html = client.get("/relations/BLR/RUS", params={"since": SINCE}).text
    new = [h.id for h in relation(filled, "BLR", "RUS", since=parse_moment(SINCE)).happenings]
    assert _event_ids(html) == new and len(new) == 1
    assert "2021-06-01 00:00:00 UTC" in html and "not its publication" in html
    assert "<h1>Belarus (BLR) – Russia (RUS)</h1>" in html and "<title>BLR – RUS" in html
    assert '<a href="/relations/BLR/RUS">Everything</a>' in html  # the page without since
    found = client.get("/relations", params={"a": "Belarus", "b": "russia"}, follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == "/relations/BLR/RUS"
    assert client.get("/relations", params={"a": "Atlantis", "b": "RUS"}).status_code == 400
    assert client.get("/relations/BLR/RUS", params={"since": "soon"}).status_code == 400
    overview = client.get("/").text
    assert 'action="/relations"' in overview
    assert 'href="/relations/BLR/RUS"' in overview  # the dyads lead there too


@pytest.fixture(scope="module")
def served(databases: Databases) -> Iterator[tuple[str, str]]:
    """The app over the two batches (SQLite), in a thread: its address and database."""
    url = databases.empty("sqlite")
    _fill(url)
    with serving(url) as address:
        yield address, url


@needs_chromium
def test_browser_relation_page_draws_offline_and_since_lists_the_new(
    served: tuple[str, str],
) -> None:
    from playwright.sync_api import sync_playwright

    address, url = served
    store = Store.open(url)
    new = [h.id for h in relation(store, "BLR", "RUS", since=parse_moment(SINCE)).happenings]
    store.close()
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = watched_page(browser, outside, errors)
        page.goto(f"{address}/")
        page.fill("input[name=a]", "Belarus")
        page.fill("input[name=b]", "RUS")
        page.click("form[action='/relations'] button")
        page.wait_for_selector("#relation .main-svg")  # Plotly drew the chart
        assert page.url.endswith("/relations/BLR/RUS")
        assert page.locator("#relation .bars .point").count() == 3
        assert page.locator("#relation .scatterlayer .point").count() == 2  # the balance
        (ROOT / "artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "artifacts" / "relation.png"))
        page.goto(f"{address}/relations/BLR/RUS?since={SINCE}")
        page.wait_for_selector("#relation .main-svg")
        links = page.locator("a.event-link").evaluate_all("(a) => a.map((x) => x.href)")
        assert [link.rsplit("/", 1)[1] for link in links] == new
        browser.close()
    assert not errors  # no script error, nothing refused by the Content-Security-Policy
    assert not outside  # nothing was asked of another host


@needs_chromium
def test_browser_digest_file_draws_its_chart_offline(
    served: tuple[str, str], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    path = _digest_file(served[1], tmp_path)
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(offline=True)
        context.route("**/*", cut_off(outside, files=True))
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("#pairs .main-svg")
        assert page.locator("#pairs .bars .point").count() == 1
        assert "BLR – RUS: 1 new event" in page.inner_text("body")
        page.screenshot(path=str(ROOT / "artifacts" / "digest.png"))
        browser.close()
    assert not outside
