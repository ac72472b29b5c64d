"""Issue 11, item 1: long texts are analysed in pieces, and one failing document fails alone."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.kb import load_kb
from communique.nlp import build_pipeline, split_pieces
from communique.pipeline import ingest
from communique.settings import load_settings
from communique.store import Store

pytestmark = pytest.mark.issue(11)

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


@pytest.mark.model
def test_a_long_text_is_stored_whole_beside_good_files_with_offsets_right(
    tmp_path: Path,
) -> None:
    """Pieces of 4,000 characters over a 40,000-character report: the same mechanism that keeps
    a report over spaCy's 1,000,000-character limit whole (the setting defaults to 100,000)."""
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    text = _report(40_000)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    settings = ["--db", db, "--set", "nlp_piece_chars=4000"]
    done = subprocess.run(
        [sys.executable, "-m", "communique", *settings, "ingest", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    store = Store.open(db)
    try:
        articles = {a.doc: a for a in store.articles()}
        assert set(articles) == {"a.txt", "b.txt", "long.txt"}
        long = articles["long.txt"]
        assert long.text.startswith("Quarterly survey")
        assert len(long.text) > 40_000
        mentions = [m for _a, m in store.mentions(long.id)]
        assert len({m.start // 4000 for m in mentions}) >= 9  # found in every piece
        for mention in mentions:
            assert long.text[mention.start : mention.end] == mention.text
        events = [e for _a, e in store.events(long.id)]
        assert events
        for event in events:
            for evidence in event.evidence:
                assert long.text[evidence.start : evidence.end] == evidence.sentence
        assert any(e.start > 30_000 for event in events for e in event.evidence)
    finally:
        store.close()


@pytest.mark.model
def test_a_text_over_spacys_limit_is_parsed_whole_in_pieces() -> None:
    """1.2 million characters: spaCy alone refuses them (E088); the pieces join back exactly."""
    settings = load_settings()
    nlp = build_pipeline(settings.model, load_kb(None, []))
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
def test_a_failure_in_the_language_stages_fails_that_document_alone(tmp_path: Path) -> None:
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
    nlp = build_pipeline(settings.model, load_kb(None, []))
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
