"""Quotation attribution, one test per layout, on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.model import Article
from communique.nlp import analyse

from .conftest import Pipelines

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(pipelines: Pipelines) -> Language:
    """The packaged pipeline, fresh for this module (built once per session: see conftest)."""
    return pipelines.fresh()


def _analysis(nlp, text: str, day: date = date(2024, 5, 6)):
    article = Article(
        id="a", doc="a.txt", text=text, title=None, published=day, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return analysis


def _statements(nlp, text: str, day: date = date(2024, 5, 6)):
    analysis = _analysis(nlp, text, day)
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


def _said(nlp, text: str) -> list[tuple[str | None, str]]:
    """Speaker and first four words of each statement."""
    return [(st.speaker, " ".join(st.quote.split()[:4])) for st in _statements(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not accept any ultimatum from our neighbours," Chilean Foreign Minister '
            "Alberto van Klaveren told reporters in Santiago on Tuesday.",
            [("Alberto van Klaveren", "We will not accept")],
        ),
        (
            '"Multilateralism is the only way forward for a fragmented world," said Josep '
            "Borrell, the EU's foreign policy chief.",
            [("Josep Borrell", "Multilateralism is the only")],
        ),
        (
            "‘We will not be intimidated by these threats,’ Polish Prime Minister Donald Tusk "
            "told parliament on Wednesday.",
            [("Donald Tusk", "We will not be")],
        ),
        (
            '"Why should we accept conditions that no other country would accept?" asked '
            "Sergey Lavrov.",
            [("Sergey Lavrov", "Why should we accept")],
        ),
    ],
)
def test_statement_attribution_after_the_quote(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Peruvian President Dina Boluarte met the delegation in Lima. "Our doors remain '
            'open to every partner in the region," she said after the talks.',
            [("Dina Boluarte", "Our doors remain open")],
        ),
        (
            "Lavrov met Fidan in Antalya on Monday.\n\n"
            '"We discussed Syria and the Black Sea in great detail," he said.',
            [("Sergey Lavrov", "We discussed Syria and")],
        ),
        (
            'Kazakh President Kassym-Jomart Tokayev opened the forum. He added: "Central Asia '
            'must speak with one voice on water."',
            [("Kassym-Jomart Tokayev", "Central Asia must speak")],
        ),
    ],
)
def test_statement_pronoun_speaker_is_the_last_named_subject(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean Foreign Minister Alberto van Klaveren visited Buenos Aires on Monday. "
            '"There is nothing left to negotiate on the southern glaciers," the Chilean '
            "minister said.",
            [("Alberto van Klaveren", "There is nothing left")],
        ),
        (
            'Prime Minister Kristersson received the Finnish delegation. "Sweden and Finland '
            'will stand together in the Baltic," the Prime Minister said.',
            [("Ulf Kristersson", "Sweden and Finland will")],
        ),
        (
            "Secretary-General Antonio Guterres met the foreign ministers. The UN chief said "
            'the world "cannot afford another frozen conflict in Europe."',
            [("António Guterres", "cannot afford another frozen")],
        ),
        (
            "The Japanese Prime Minister Fumio Kishida met President Yoon Suk Yeol in Seoul. "
            '"The relationship has entered a new era," the Japanese leader told a joint news '
            "conference.",
            [("Fumio Kishida", "The relationship has entered")],
        ),
    ],
)
def test_statement_speaker_named_by_title_is_the_office_holder(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Georgian foreign ministry said in a statement that it had summoned the envoy. "
            '"Such steps undermine the trust between our two countries," it said.',
            [("Ministry of Foreign Affairs of Georgia", "Such steps undermine the")],
        ),
        (
            'The Foreign Ministry of Ukraine issued a statement on Friday. "Ukraine will never '
            'recognise the annexation of its territory," the statement read.',
            [("Ministry of Foreign Affairs of Ukraine", "Ukraine will never recognise")],
        ),
        (
            'The Chinese foreign ministry condemned the sale in a statement. "This seriously '
            'damages peace and stability across the Taiwan Strait," it said.',
            [
                (
                    "Ministry of Foreign Affairs of the People's Republic of China",
                    "This seriously damages peace",
                )
            ],
        ),
    ],
)
def test_statement_organisation_speakers(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


def test_institution_takes_its_official_name(nlp) -> None:
    text = (
        '"The expulsion of our diplomats will not go unanswered," the Russian foreign ministry '
        "said on Friday."
    )
    [(speaker, _words)] = _said(nlp, text)
    assert speaker == "Ministry of Foreign Affairs of the Russian Federation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Our country does not bow to pressure from anyone," according to Venezuelan '
            "Foreign Minister Yvan Gil.",
            [("Yván Gil", "Our country does not")],
        ),
        (
            'According to Kenyan Foreign Minister Musalia Mudavadi, "the region cannot afford '
            'another war on its eastern flank."',
            [("Musalia Mudavadi", "the region cannot afford")],
        ),
    ],
)
def test_statement_according_to(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We are ready to mediate between the two sides at any time," the Kazakh news agency '
            "quoted Foreign Minister Murat Nurtleu as saying.",
            [("Murat Nurtleu", "We are ready to")],
        ),
        (
            '"We see no basis for a new round of talks," Dmitry Peskov was quoted as saying by '
            "the state news agency TASS.",
            [("Dmitry Peskov", "We see no basis")],
        ),
    ],
)
def test_statement_quoted_by_an_agency(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Kenyan President William Ruto said the deal would "open a new chapter of prosperity '
            'for East Africa" and called on investors to come.',
            [("William Ruto", "open a new chapter")],
        ),
        (
            'Nigerian Foreign Minister Yusuf Tuggar described the accord as "a milestone for '
            'regional trade and for the whole continent."',
            [("Yusuf Tuggar", "a milestone for regional")],
        ),
        ('Mexican President Andres Manuel Lopez Obrador called the report "false" and left.', []),
        ('The Brazilian opposition called the vote a "farce" on Tuesday.', []),
    ],
)
def test_statement_quoted_words_inside_the_sentence(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'President Yoon Suk Yeol addressed the nation on Sunday. "We will answer any '
            'provocation firmly," Yoon said.',
            [("Yoon Suk Yeol", "We will answer any")],
        ),
        (
            'Greek Prime Minister Kyriakos Mitsotakis opened the summit in Athens. "Today the '
            'Balkans come home to Europe," Mitsotakis said.',
            [("Kyriakos Mitsotakis", "Today the Balkans come")],
        ),
    ],
)
def test_statement_surname_is_the_full_name_the_article_writes(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We are working with our partners to restore calm," said Kenyan Foreign Minister '
            'Musalia Mudavadi.\n\n"The situation on the border remains difficult.\n\n'
            '"We expect the talks in Nairobi to produce a roadmap," he added.',
            [
                ("Musalia Mudavadi", "We are working with"),
                ("Musalia Mudavadi", "The situation on the"),
            ],
        ),
        (
            'Estonian Prime Minister Kristen Michal said: "The Baltic states will build their '
            "defence line together.\n\n"
            '"Every metre of it will be paid for by our own budgets."',
            [("Kristen Michal", "The Baltic states will")],
        ),
    ],
)
def test_statement_running_over_paragraphs_is_one(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will defend our borders by all legal means," Lithuanian Foreign Minister '
            'Gabrielius Landsbergis said on Monday.\n\n"Nobody should doubt our resolve."',
            ["attributed", "continued"],
        ),
        (
            '"Our door is open," Finnish President Alexander Stubb told reporters in Helsinki.'
            '\n\n"We want good relations with all our neighbours who respect the rules."',
            ["attributed", "continued"],
        ),
    ],
)
def test_statement_quote_paragraph_continues_the_speaker(nlp, text, expected) -> None:
    layouts = [st.layout for st in _statements(nlp, text)]
    speakers = {st.speaker for st in _statements(nlp, text)}
    assert layouts == expected and len(speakers) == 1


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," William Ruto said, "to host the next round of talks in Mombasa."',
        '"This is a good day," said Sergey Lavrov, "for all who believe in dialogue."',
    ],
)
def test_statement_split_by_its_attribution_is_one(nlp, text) -> None:
    assert len(_statements(nlp, text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Joint press availability with Chinese Foreign Minister Wang Yi\n\n"
            "SECRETARY BLINKEN: Good morning. We had a long talk today.\n\n"
            "It was useful.\n\n"
            "QUESTION: Will you meet again?\n\n"
            "FOREIGN MINISTER WANG: (Via interpreter) Thank you. We will meet again soon.",
            [("Antony Blinken", "Good morning. We had"), ("Wang Yi", "Thank you. We will")],
        ),
        (
            "Foreign Minister Sergey Lavrov's remarks and answers to media questions following "
            "talks with Foreign Minister of Egypt Sameh Shoukry, Cairo, 6 May 2024\n\n"
            "6 May 2024 14:05\n\n"
            "Ladies and gentlemen,\n\nWe have held very productive talks today.\n\n"
            "Question: Will Russia supply more wheat to Egypt?\n\n"
            "Sergey Lavrov: We will continue to meet all our obligations.\n\n"
            "Question: What about the Gaza ceasefire?\n\n"
            "Sergey Lavrov: We support every effort to stop the bloodshed.",
            [
                ("Sergey Lavrov", "Ladies and gentlemen, We"),
                ("Sergey Lavrov", "We will continue to"),
                ("Sergey Lavrov", "We support every effort"),
            ],
        ),
    ],
)
def test_statement_transcript_turns(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


def test_statement_speaker_line_right_above_the_quote(nlp) -> None:
    text = (
        "The ministers met in Minsk on Monday.\n\n"
        "Sergey Lavrov, Minister of Foreign Affairs of Russia:\n"
        '"We have agreed to coordinate our steps at the United Nations."'
    )
    assert _said(nlp, text) == [("Sergey Lavrov", "We have agreed to")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Blinken: "The United States will defend every inch of allied territory"',
            [("Antony Blinken", "The United States will")],
        ),
        (
            'Erdogan: "Turkey will not allow a terror corridor on its southern border"',
            [("Recep Tayyip Erdoğan", "Turkey will not allow")],
        ),
    ],
)
def test_statement_headline_name_and_colon(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indian External Affairs Minister S. Jaishankar told reporters in Delhi that the "
            'talks had been productive. "We found common ground on almost every issue."',
            [("S. Jaishankar", "We found common ground")],
        ),
        (
            "Egyptian Foreign Minister Badr Abdelatty said the ceasefire talks would resume in "
            'Cairo. "Both delegations have confirmed their attendance for Sunday."',
            [("Badr Abdelatty", "Both delegations have confirmed")],
        ),
        (
            'Lavrov met Fidan in Antalya. "The talks are over." Fidan said later that Turkey '
            "would keep mediating.",
            [],
        ),
    ],
)
def test_statement_after_a_sentence_reporting_speech(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ministry of Foreign Affairs\n\nNews\n\n"
        "Foreign Minister Sergey Lavrov's statement at the CSTO Council, Minsk\n\n"
        "2187-11-2024\n\nColleagues,\n\nWe meet at a difficult time.",
        "Press service\n\n"
        "Foreign Minister Sergey Lavrov's greetings to the participants of a youth forum\n\n"
        "Moscow, 6 May 2024\n\nDear friends,\n\nI am glad to greet you.",
    ],
)
def test_statement_transcript_headline_below_the_masthead(nlp, text) -> None:
    [st] = _statements(nlp, text)
    assert st.speaker == "Sergey Lavrov" and st.layout == "transcript"
    assert st.quote.split()[0] in {"Colleagues,", "Dear"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"There can be no talk of new limits while the old ones are ignored," Russian '
            "Deputy Foreign Minister Sergei Ryabkov, who oversees arms control, told reporters "
            "in Moscow.",
            "Sergei Ryabkov",
        ),
        (
            '"The door to dialogue stays open," Armenian Prime Minister Nikol Pashinyan, who '
            "returned from Brussels on Sunday, said at a cabinet meeting.",
            "Nikol Pashinyan",
        ),
    ],
)
def test_statement_attribution_past_a_relative_clause(nlp, text, speaker) -> None:
    [st] = _statements(nlp, text)
    assert (st.speaker, st.layout) == (speaker, "attributed")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Statement by the Spokesperson of the Foreign Ministry of Lithuania on the elections "
            "in Georgia\n\nVilnius, 28 October 2024\n\n"
            "Lithuania is concerned by the reports of irregularities during the vote.",
            "Ministry of Foreign Affairs of Lithuania",
        ),
        (
            "Joint statement by Foreign Minister Penny Wong and Foreign Minister Winston Peters"
            "\n\nAustralia and New Zealand welcome the ceasefire in Gaza.",
            "Penny Wong",
        ),
    ],
)
def test_statement_headline_naming_a_text_and_its_author(nlp, text, speaker) -> None:
    [st] = _statements(nlp, text)
    assert (st.speaker, st.layout) == (speaker, "transcript")
    assert st.quote.split()[0] in {"Lithuania", "Australia"}


@pytest.mark.parametrize(
    ("text", "speaker", "code"),
    [
        (
            "Remarks and answers to media questions by Foreign Minister Sergey Lavrov at a joint "
            "press conference, Vientiane, 12 March 2024\n\nColleagues,\n\nWe signed a plan "
            "of consultations. The United States accuses us of everything.",
            "Sergey Lavrov",
            "RUS",
        ),
        (
            "Statement and answers to questions by Foreign Minister Penny Wong, Canberra\n\n"
            "We welcome the ceasefire in Gaza.",
            "Penny Wong",
            "AUS",
        ),
    ],
)
def test_statement_headline_naming_two_texts_and_their_author(nlp, text, speaker, code) -> None:
    """The whole text is the speaker's, and "we" and "us" in it are the speaker's state."""
    [st] = _statements(nlp, text)
    assert (st.speaker, st.code, st.layout) == (speaker, code, "transcript")
    analysis = _analysis(nlp, text, date(2024, 3, 12))
    assert analysis.events
    assert all(code in (*e.actor, *e.recipient) for e in analysis.events)


def test_statement_headline_reporting_a_statement_is_no_transcript(nlp) -> None:
    text = (
        "Russia rejects statement by NATO chief on Baltic deployments\n\n"
        "Moscow on Monday dismissed the remarks as provocative."
    )
    assert _statements(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We reject these claims and expect an apology from Lima," a spokesman for the '
            "ministry, Pablo Ruiz, said.",
            [("Pablo Ruiz", "We reject these claims")],
        ),
        (
            '"The embassy will reopen once the roof is repaired next spring," the head of '
            "the consular section, Marta Quiroga, told the paper.",
            [("Marta Quiroga", "The embassy will reopen")],
        ),
    ],
)
def test_statement_a_role_speaks_through_the_name_beside_it(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile's foreign minister, Ana Vidaurre, was blunt. \"There will be no concessions "
            'on fishing rights this year or next."',
            [("Ana Vidaurre", "There will be no")],
        ),
        (
            'The Bolivian envoy, Teodora Quispe, was adamant. "Our access to the sea is '
            'not a question for negotiation."',
            [("Teodora Quispe", "Our access to the")],
        ),
    ],
)
def test_statement_a_quote_after_how_someone_spoke_is_theirs(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


def test_statement_a_quote_after_another_adjective_is_nobodys(nlp) -> None:
    text = (
        "Chile's foreign minister, Ana Vidaurre, was tired. \"There will be no concessions on "
        'fishing rights this year or next."'
    )
    assert _said(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Pentagon spokesman Rear Admiral Tom Becker spoke on Monday. "Failure to stop will bring'
         ' costs," Becker told reporters.', "Tom Becker"),
        ('"We will hold the line," said Brigadier General Samuel Otieno, the head of the army.',
         "Samuel Otieno"),
    ],
)  # fmt: skip
def test_statement_a_rank_before_the_name_is_no_part_of_the_speakers_name(
    nlp, text: str, speaker: str
) -> None:
    assert [st.speaker for st in _statements(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Talks in Brasilia\n\nMauro Vieira: We thank Peru for its hospitality.\n\n"
            "Question (Andina): Will the border open?\n\nMauro Vieira: It opens in May.",
            "Mauro Vieira",
        ),
        (
            "Press conference\n\nPenny Wong: Australia supports the plan.\n\n"
            "Question (ABC, Canberra): What about Fiji?\n\nPenny Wong: Fiji agrees.",
            "Penny Wong",
        ),
    ],
)
def test_a_question_labelled_with_its_outlet_ends_the_turn_before(
    nlp, text: str, speaker: str
) -> None:
    quotes = [s.quote for s in _statements(nlp, text) if s.speaker == speaker]
    assert len(quotes) == 2 and not any("?" in quote for quote in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Chilean Foreign Minister Alberto van Klaveren spoke after the vote. Chile, he said, "
            'had "every reason to expect a fair hearing in The Hague".',
            "Alberto van Klaveren",
        ),
        (
            "Kenyan President William Ruto addressed the summit. The region, Ruto said, needed "
            '"a border that unites rather than divides our peoples".',
            "William Ruto",
        ),
    ],
)
def test_words_quoted_inside_a_sentence_with_a_said_aside_are_the_aside_speakers(
    nlp, text: str, speaker: str
) -> None:
    assert [s.speaker for s in _statements(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Paraguay lifted the suspension, a step Brazilian Foreign Minister Mauro Vieira "
            'welcomed as "a mature decision by a friendly neighbour".',
            "Mauro Vieira",
        ),
        (
            'Kenyan President William Ruto dismissed the report as "a fiction written far from '
            'our borders".',
            "William Ruto",
        ),
    ],
)
def test_words_a_verdict_gives_as_are_the_judges(nlp, text: str, speaker: str) -> None:
    assert [s.speaker for s in _statements(nlp, text)] == [speaker]


def test_a_turn_label_in_capitals_names_the_known_speaker_in_full(nlp) -> None:
    text = (
        "Press conference\n\nMINISTER MAURO VIEIRA: We signed two memoranda today.\n\n"
        "QUESTION (Folha): Will you travel to Paris?\n\nMINISTER MAURO VIEIRA: Not this month."
    )
    assert {s.speaker for s in _statements(nlp, text)} == {"Mauro Vieira"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's foreign minister, Musalia Mudavadi, accused Uganda of staging \"a theatre "
            'of provocations on the border" before the vote.',
            [("Musalia Mudavadi", "a theatre of provocations")],
        ),
        (
            'Peter Szijjarto, the foreign minister, accused Kyiv of running "a smear campaign '
            'dressed up as a spy story" in the run-up to the election.',
            [("Péter Szijjártó", "a smear campaign dressed")],
        ),
    ],
)
def test_words_an_accuser_is_quoted_with_are_the_accusers(nlp, text: str, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'President Sadyr Japarov, who told reporters that the dam "will not cost Kyrgyz '
            'taxpayers a single som", brushed the concerns aside.',
            [("Sadyr Japarov", "will not cost Kyrgyz")],
        ),
        (
            'The plan was criticised by Musalia Mudavadi, who said the deal "would leave Kenya '
            'in debt for a generation" and left.',
            [("Musalia Mudavadi", "would leave Kenya in")],
        ),
    ],
)
def test_a_quotation_in_a_relative_clause_is_its_antecedents(nlp, text: str, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Joint press briefing\n\nThe moderator introduced Karim el-Mansouri, the "
            "trade minister, and his guest.\n\nMR. EL-MANSOURI: We have agreed on the new "
            "quotas.\n\nQUESTION: When do they take effect?\n\nMR. EL-MANSOURI: In March.",
            "Karim el-Mansouri",
        ),
        (
            "Remarks to the press\n\nForeign Minister Nadia al-Qasimi spoke after the vote."
            "\n\nMINISTER AL-QASIMI: The council has done its duty today.\n\nQUESTION: "
            "Will there be a second vote?\n\nMINISTER AL-QASIMI: Not this week.",
            "Nadia al-Qasimi",
        ),
    ],
)
def test_a_turn_label_with_a_hyphenated_surname_names_the_speaker_in_full(
    nlp, text: str, speaker: str
) -> None:
    assert {s.speaker for s in _statements(nlp, text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Moscow, spokeswoman Maria Zakharova said Russia would respond in kind and accused "
            'the Baltic states of "turning the region into a testing ground".',
            [("Maria Zakharova", "turning the region into")],
        ),
        (
            "Kenya's foreign minister, Musalia Mudavadi, said Kenya would study the offer and "
            'called it "a serious step towards peace".',
            [("Musalia Mudavadi", "a serious step towards")],
        ),
    ],
)
def test_words_of_a_verb_joined_to_a_would_clause_are_the_speakers(nlp, text, expected) -> None:
    assert _said(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Transcript of the weekly briefing by the Official Spokesperson\n\n"
            "Official Spokesperson, Shri Arvind Kumar: Good afternoon, friends. Let me begin "
            "with two announcements.\n\nQuestion (Rahul, The Daily): Sir, any comment on the "
            "remarks from Ankara?\n\nOfficial Spokesperson, Shri Arvind Kumar: We reject these "
            "remarks. They are unwarranted.",
            "Arvind Kumar",
        ),
        (
            "Briefing for the press\n\nDeputy Spokesperson, Smt Kavita Rao: The minister will "
            "travel to Colombo on Monday.\n\nQuestion (Anil, Morning Post): Will he meet the "
            "president?\n\nDeputy Spokesperson, Smt Kavita Rao: That is being worked out.",
            "Kavita Rao",
        ),
    ],
)
def test_a_turn_label_of_a_title_a_comma_and_a_name_names_its_speaker(
    nlp, text: str, speaker: str
) -> None:
    """The name after the office's comma, honorific set aside, though the model misses it."""
    found = _statements(nlp, text)
    assert len(found) == 2 and {s.speaker for s in found} == {speaker}
