"""Issue 11, item 1: long texts are analysed in pieces, and one failing document fails alone."""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.model import Article
from communique.nlp import split_pieces
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import Store

from .conftest import Pipelines, serve_with_token

pytestmark = pytest.mark.issue(11)

# Invented ministers, one a state: the quotations' speakers.
_ENVOYS = {
    "Chile": "Marta Ossandon",
    "Norway": "Eirik Haugland",
    "Kenya": "Amina Wanjiru",
    "Vietnam": "Tran Minh Khoa",
    "Ghana": "Kwesi Owusu-Ansah",
}
_PAIRS = list(itertools.permutations(["Chile", "Norway", "Kenya", "Vietnam", "Ghana"], 2))


def _report(chars: int) -> str:
    """A long report of invented paragraphs, a few states in each, about ``chars`` long."""
    paragraphs = []
    for day, (first, second) in enumerate(itertools.cycle(_PAIRS)):
        paragraphs.append(
            f"Envoys of {first} held talks with officials from {second} on day {day}. "
            f"The cabinet of {first} condemned the tariffs imposed by {second}.\n"
            "A spokesman said the talks would go on next month."
        )
        if sum(map(len, paragraphs)) > chars:
            break
    return "Quarterly survey of regional ties\n\n" + "\n\n".join(paragraphs) + "\n"


def _good(folder: Path) -> None:
    (folder / "a.txt").write_text(
        "Peru and Finland sign a fisheries accord\n\n"
        "The foreign ministers of Peru and Finland signed a fisheries accord in Lima on "
        "Tuesday, officials said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Portugal recalls its ambassador\n\n"
        "Portugal recalled its ambassador from Ghana on Friday after a dispute over a "
        "detained journalist, the ministry said.\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "text",
    [
        "One.\n\nTwo two.\n\nThree three three.\n\n" * 50,
        "a line without a paragraph break\n" * 80,
        "word " * 900,
        "x" * 2500,  # no separator at all: hard cuts
    ],
)
def test_pieces_join_back_to_the_text_and_stay_under_the_size(text: str) -> None:
    pieces = split_pieces(text, 200)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= 200 for piece in pieces)
    assert len(pieces) > 1


def test_pieces_are_cut_at_paragraph_breaks_where_there_are_some() -> None:
    text = "First paragraph, somewhat long.\nSame paragraph.\n\nSecond one here.\n\n" * 40
    pieces = split_pieces(text, 300)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def _digest(chars: int) -> str:
    """A long digest of about ``chars`` characters: dated talks, sanctions and quotations.

    Invented paragraphs in the project's own words; each names two states, a day and a year,
    so that the events, quotations and mentions spread over the whole text.
    """
    paragraphs = []
    length = 0
    for number, (first, second) in enumerate(itertools.cycle(_PAIRS)):
        day, year = 1 + number % 28, 1990 + number % 30
        paragraphs.append(
            f"On {day} March {year}, envoys of {first} held talks with officials from {second} "
            f"in a port city. The cabinet of {first} later condemned the tariffs imposed by "
            f"{second}.\n\n"
            f'"We expect the talks with {second} to go on until the summer," '
            f"{_ENVOYS[first]}, the foreign minister of {first}, told reporters."
        )
        length += len(paragraphs[-1])
        if length > chars:
            break
    return "Annual digest of regional ties\n\n" + "\n\n".join(paragraphs) + "\n"


def _assert_offsets_right(store: Store, db: str, long: Article, *, chars: int) -> None:
    """Every stored offset of the long article points at the characters it quotes."""
    text = long.text
    assert len(text) > chars
    # Read straight from the table: the check needs the ~23,000 offsets, not mention records.
    with contextlib.closing(sqlite3.connect(db.removeprefix("sqlite:///"))) as connection:
        mentions = connection.execute(
            'SELECT start, "end", text FROM mentions WHERE article_id = ?', (long.id,)
        ).fetchall()
    assert mentions
    for start, end, written in mentions:
        assert text[start:end] == written
    assert max(start for start, _end, _text in mentions) > 0.95 * len(text)  # in every piece
    events = [e for _a, e in store.events(long.id)]
    assert events
    for event in events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.sentence
    assert max(e.start for event in events for e in event.evidence) > 0.9 * len(text)
    quotations = [q for _a, q in store.statements(long.id)]
    assert quotations
    for quotation in quotations:
        assert text[quotation.start : quotation.end] == quotation.quote
    assert max(q.start for q in quotations) > 0.9 * len(text)


_LONG = 1_500_000  # characters: beyond spaCy's 1,000,000, and 15 pieces of the default size


@pytest.mark.model
def test_a_long_text_is_stored_by_ingest_and_by_the_api_with_offsets_right(
    tmp_path: Path,
) -> None:
    """Issue 11, case 1 and acceptance 2: a 1.5 MB text is stored whole, its offsets right.

    By ``communique ingest``, next to two good files (all three stored, rc 0), and as the body
    of a POST to the running web app (the limit is 2 MB): stored, not a 500. The extraction
    stages index the mentions once per Doc, so their cost stays linear in the text's length.
    The ingest runs while the request is served, so the two take one run's time on two cores.
    """
    text = _digest(_LONG)
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    files_db = f"sqlite:///{tmp_path / 'files.db'}"
    api_db = f"sqlite:///{tmp_path / 'api.db'}"
    Store.open(api_db).close()
    token = "a-long-enough-write-token"
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n", encoding="utf-8")
    body = json.dumps({"id": "long-record", "text": text}).encode()
    assert 1_500_000 < len(body) < 2_000_000
    with serve_with_token(api_db, token_file) as (port, _pid):
        ingest = subprocess.Popen(
            [sys.executable, "-m", "communique", "--db", files_db, "ingest", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/articles",
            data=body,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=1800) as answer:
            assert answer.status == 201
            assert json.load(answer)["new"] is True
        _out, errors = ingest.communicate(timeout=1800)
    assert ingest.returncode == 0, errors
    for db, docs, doc in (
        (files_db, {"a.txt", "b.txt", "long.txt"}, "long.txt"),
        (api_db, {"long-record"}, "long-record"),
    ):
        store = Store.open(db)
        try:
            articles = {a.doc: a for a in store.articles()}
            assert set(articles) == docs
            assert articles[doc].text.startswith("Annual digest")
            _assert_offsets_right(store, db, articles[doc], chars=_LONG)
        finally:
            store.close()


@pytest.mark.model
def test_a_text_over_spacys_limit_is_parsed_whole_in_pieces(pipelines: Pipelines) -> None:
    """1.2 million characters: spaCy alone refuses them (E088); the pieces join back exactly."""
    settings = load_settings()
    nlp = pipelines.fresh()
    text = _report(1_200_000)
    assert len(text) > nlp.max_length
    pieces = split_pieces(text, settings.nlp_piece_chars)
    with nlp.select_pipes(enable=["communique_paragraphs"]):
        docs = [nlp(piece) for piece in pieces]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    assert joined.text == text
    sentence = next(s for s in joined.sents if s.start_char > 1_100_000)
    assert text[sentence.start_char : sentence.end_char] == sentence.text


@Language.component("test_breaks_on_marker")
def _breaks_on_marker(doc: Doc) -> Doc:
    """A component that fails on one document, as a bug in a language stage would."""
    if "Zanzibar" in doc.text:
        raise RuntimeError("cannot cope with this document")
    return doc


@pytest.mark.model
def test_a_failure_in_the_language_stages_fails_that_document_alone(
    tmp_path: Path, pipelines: Pipelines
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    (folder / "feed.jsonl").write_text(
        '{"id": "ok-1", "text": "Kenya and Vietnam opened an embassy each in the other\'s '
        'capital on Monday, diplomats said."}\n'
        '{"id": "bad-2", "text": "Officials from Zanzibar met envoys from Chile on Monday '
        'to discuss shipping, a statement said."}\n',
        encoding="utf-8",
    )
    settings = load_settings(overrides=[f"db=sqlite:///{tmp_path / 'x.db'}"])
    nlp = pipelines.fresh()
    nlp.add_pipe("test_breaks_on_marker", before="parser")
    errors = []
    store = Store.open(settings.db)
    try:
        report = ingest(
            [str(folder)], settings=settings, store=store, nlp=nlp, on_error=errors.append
        )
        assert report.new == 3
        assert [e.code for e in errors] == ["E112"]
        message = str(errors[0])
        assert "feed.jsonl:2" in message and "bad-2" in message and "\n" not in message
        assert "RuntimeError: cannot cope" in message
        assert {a.doc for a in store.articles()} == {"a.txt", "b.txt", "ok-1"}
    finally:
        store.close()
        nlp.remove_pipe("test_breaks_on_marker")  # the session's pipeline, as it was
