"""The Russian stage reads articles in batches (issue 13, throughput): the result is the same.

slovnet's models read the sentences of several articles together, sorted by length, and the
names model several texts at once; what they say of a sentence or a text must not depend on
the company it is read in. Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.tokens import Doc

from communique.model import Article

from .conftest import Pipelines

pytestmark = pytest.mark.model

# Texts of very different lengths, so a batch sorted by length mixes their sentences.
TEXTS = [
    "Монголия и Чили подписали меморандум о сотрудничестве в горной отрасли.",
    (
        "Министр иностранных дел Кении провёл переговоры с коллегой из Ганы.\n\n"
        "Стороны обсудили торговлю какао и чаем, а также подготовку визита президента.\n"
        "По итогам встречи было принято совместное заявление."
    ),
    "Коротко",
    (
        "Посол Уругвая вручил верительные грамоты.  Церемония прошла в Монтевидео 3 марта.\n"
        "Парагвай выразил протест в связи с задержанием судна на реке Парана, "
        "назвав действия пограничников недружественными и противоречащими договору 1992 года."
    ),
]


def _columns(doc: Doc) -> list[tuple[Any, ...]]:
    """Everything the later stages read of a Doc."""
    tokens = [
        (t.text, t.whitespace_, t.lemma_, t.norm_, t.pos_, t.tag_, str(t.morph), t.head.i, t.dep_)
        for t in doc
    ]
    return [*tokens, *((e.start, e.end, e.label_, e.ent_id_) for e in doc.ents)]


def _article(number: int, text: str) -> Article:
    return Article(
        id=f"b{number}",
        doc=f"batch-{number}.txt",
        text=text,
        title=None,
        published=date(2024, 3, 4),
        language="ru",
        publisher=None,
    )


def test_texts_read_together_are_read_as_alone(pipelines: Pipelines) -> None:
    stage = pipelines.russian()
    alone = [_columns(stage.make_doc(text)) for text in TEXTS]
    together = [_columns(doc) for doc in stage._docs(TEXTS)]
    assert together == alone
    # the same text twice in one batch, beside others, reads the same both times
    doubled = [_columns(doc) for doc in stage._docs([TEXTS[1], TEXTS[3], TEXTS[1]])]
    assert doubled[0] == doubled[2] == alone[1]


def test_analyses_do_not_depend_on_the_batch_size(pipelines: Pipelines) -> None:
    articles = [_article(n, text) for n, text in enumerate(TEXTS)]
    one = list(pipelines.russian().analyse(articles, batch_size=1))
    many = list(pipelines.russian().analyse(articles, batch_size=3))
    assert [a.id for a, _analysis in many] == [a.id for a in articles]
    assert [analysis for _a, analysis in many] == [analysis for _a, analysis in one]


def test_a_text_without_words_has_an_empty_doc(pipelines: Pipelines) -> None:
    stage = pipelines.russian()
    for text in ("", "  \n\n "):
        doc = stage.make_doc(text)
        assert doc.text == text and not doc.ents
    # beside texts with words it changes nothing of theirs
    docs = list(stage._docs(["", TEXTS[0], "\n"]))
    assert _columns(docs[1]) == _columns(stage.make_doc(TEXTS[0]))
