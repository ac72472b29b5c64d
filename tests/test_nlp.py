from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from communique.kb import load_kb
from communique.model import Article, Role
from communique.nlp import analyse, cached_pipeline, pipeline_key, title_patterns
from communique.nlp.rules import ColumnAttributeRuler

from .conftest import MODEL, Pipelines

pytestmark = pytest.mark.model


def test_nlp_pipeline_components_and_registrations(pipelines: Pipelines) -> None:
    nlp = pipelines.fresh()  # build_pipeline(MODEL, load_kb()), built once per session
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "communique_paragraphs",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "communique_names",
        "communique_titles",
        "ner",
        "doc_cleaner",
        "communique_actors",
        "communique_extract",
    ]
    assert "communique_actors" in Language.factories
    assert isinstance(nlp.get_pipe("attribute_ruler"), ColumnAttributeRuler)
    analysis = nlp.analyze_pipes()
    assert not analysis["problems"]["communique_actors"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Weekly digest\n\nPoland and Germany signed an agreement on education.",
            "Poland and Germany signed an agreement on education.",
        ),
        (
            "Weekly digest\n\nKazakhstan and Hungary called for a ceasefire. Talks follow.",
            "Kazakhstan and Hungary called for a ceasefire.",
        ),
    ],
)
def test_a_paragraph_opening_with_two_names_joined_by_and_is_one_sentence(
    pipelines: Pipelines, text: str, first: str
) -> None:
    """Told only where the paragraph starts, the parser cut "Poland | and | Germany …"."""
    sentences = [s.text.strip() for s in pipelines.fresh()(text).sents]
    assert sentences[1] == first


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        (
            "Chronology\n\n3 March 2021 - Chile closes the crossing.\n\n"
            "17 April 2022 - Peru and Chile reopen the crossing.",
            "17 April 2022 - Peru and Chile reopen the crossing.",
        ),
        (
            "Key dates\n\n9 June 2019 - Kenya recalls its envoy.\n\n"
            "28 October 2020 - Somalia expels a Kenyan diplomat.",
            "28 October 2020 - Somalia expels a Kenyan diplomat.",
        ),
    ],
)
def test_a_line_opening_with_a_day_month_and_year_is_one_sentence(
    pipelines: Pipelines, text: str, entry: str
) -> None:
    """A number opening a paragraph may be a list's, standing alone; a day of a date is not."""
    sentences = [s.text.strip() for s in pipelines.fresh()(text).sents]
    assert sentences[-1] == entry


def test_a_transcripts_turn_label_is_no_part_of_the_sentence_after_it(
    pipelines: Pipelines,
) -> None:
    text = (
        "Briefing\n\nQUESTION (Kyodo): Minister, Seoul has protested. Will you reply?\n\n"
        "MINISTER: We will answer through diplomatic channels."
    )
    sentences = [s.text.strip() for s in pipelines.fresh()(text).sents]
    assert "Minister, Seoul has protested." in sentences
    assert "We will answer through diplomatic channels." in sentences


def test_a_headlines_colon_is_no_turn_label(pipelines: Pipelines) -> None:
    text = "Lavrov: talks with Ankara went well\n\nThe minister met his Turkish counterpart."
    first = next(iter(pipelines.fresh()(text).sents)).text.strip()
    assert first == "Lavrov: talks with Ankara went well"


def test_nlp_titles_have_plural_forms() -> None:
    forms = {p["pattern"] for p in title_patterns(load_kb()) if p["id"] == "foreign_minister"}
    assert {"Foreign Minister", "Foreign Ministers"} <= forms


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pipeline cache for this module's tests: built once, loaded after."""
    return tmp_path_factory.mktemp("cache")


def _analysis(nlp: Language, text: str) -> tuple:
    article = Article(
        id="a1",
        doc="note.txt",
        text=text,
        published=date(2024, 5, 6),
        title=None,
        language="en",
        publisher=None,
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return analysis.mentions, analysis.events, analysis.learned


def test_cached_pipeline_is_saved_once_and_loads_the_same_pipeline(
    cache: Path, pipelines: Pipelines
) -> None:
    text = (
        "Foreign Minister Penny Wong met her Peruvian counterpart in Lima on Monday, "
        "and the two sides signed a memorandum on fisheries."
    )
    built = cached_pipeline(MODEL, cache_dir=cache)
    # The folder also keeps the gazetteer's index, which building the name patterns reads.
    [folder] = [p for p in cache.iterdir() if p.name.startswith("pipeline-")]
    assert folder.name == f"pipeline-{pipeline_key(MODEL)}"
    tables = sorted(p.name for p in cache.iterdir() if p != folder)
    assert [name.split("-")[0] for name in tables] == ["gazetteer"]
    loaded = cached_pipeline(MODEL, cache_dir=cache)
    assert sorted(p.name for p in cache.iterdir()) == sorted([folder.name, *tables])
    assert loaded.pipe_names == built.pipe_names
    assert len(loaded.get_pipe("communique_names")) == len(built.get_pipe("communique_names"))
    for name in ("communique_names", "communique_titles"):  # read back whole, not added again
        ruler, again = built.get_pipe(name), loaded.get_pipe(name)
        assert again.phrase_matcher.root == ruler.phrase_matcher.root
        assert again.entries == [tuple(entry) for entry in ruler.entries]
        assert again._ent_ids == ruler._ent_ids
        assert dict(again.token_patterns) == dict(ruler.token_patterns)
        assert len(again.matcher) == len(ruler.matcher)
    rules, again = built.get_pipe("attribute_ruler"), loaded.get_pipe("attribute_ruler")
    assert again._compiled == rules._compiled and again._compiled  # compared column by column
    fresh = pipelines.fresh()  # build_pipeline(MODEL, load_kb()), nothing learned
    assert _analysis(loaded, text) == _analysis(fresh, text)


def test_cached_pipeline_adds_the_names_of_people_learned_before(cache: Path) -> None:
    role = Role(person="Okonjo Tembeleza", office="foreign_minister", code="ZMB", doc="x.txt")
    nlp = cached_pipeline(MODEL, learned=[role], cache_dir=cache)
    doc = nlp("Talks with Okonjo Tembeleza and Mr Tembeleza went well.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Okonjo Tembeleza", "Okonjo Tembeleza"),
        ("Mr Tembeleza", "Okonjo Tembeleza"),
    ]
    plain = cached_pipeline(MODEL, cache_dir=cache)  # the cache itself did not learn him
    assert len(plain.get_pipe("communique_names")) < len(nlp.get_pipe("communique_names"))


def test_a_broken_cache_is_built_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / f"pipeline-{pipeline_key(MODEL)}"
    folder.mkdir()
    (folder / "config.cfg").write_text("not a config", encoding="utf-8")
    nlp = cached_pipeline(MODEL, cache_dir=tmp_path)
    assert "communique_actors" in nlp.pipe_names
    assert "E131" in caplog.text
    assert (folder / "kb.pickle").is_file()  # written again, whole


def test_the_cache_key_follows_the_actors_file(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("- name: Lindiwe Sabata\n  office: head_of_state\n  code: LSO\n")
    first = pipeline_key(MODEL, actors)
    actors.write_text("- name: Lindiwe Sabata\n  office: head_of_government\n  code: LSO\n")
    assert pipeline_key(MODEL, actors) not in {first, pipeline_key(MODEL)}
