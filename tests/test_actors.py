"""Actor resolution, one test per path, on a small knowledge base built here by hand.

Texts are written for these tests. The pinned spaCy model parses them (marked ``model``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from communique.actors import _surname_runs
from communique.kb import KnowledgeBase, name_key
from communique.model import Article, Role
from communique.nlp import analyse, build_pipeline

from .conftest import MODEL, Pipelines

pytestmark = pytest.mark.model


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for code, name, official, adjectives, capital in [
        ("RUS", "Russia", ["Russian Federation"], ["Russian", "Russians"], "Moscow"),
        ("BLR", "Belarus", ["Republic of Belarus"], ["Belarusian", "Belarussian"], "Minsk"),
        ("MDA", "Moldova", ["Republic of Moldova"], ["Moldovan"], "Chisinau"),
        ("ROU", "Romania", [], ["Romanian"], "Bucharest"),
    ]:
        kb.add_state(
            {
                "code": code,
                "name": name,
                "official": official,
                "adjectives": adjectives,
                "capital": capital,
            }
        )
    kb.add_organisation(
        {
            "code": "IGO:CSTO",
            "name": "Collective Security Treaty Organization",
            "acronyms": ["CSTO"],
            "aliases": [],
        }
    )
    kb.add_office(
        {
            "id": "foreign_minister",
            "canonical": "Minister of Foreign Affairs",
            "sector": "GOV",
            "level": 3,
            "titles": ["Foreign Minister", "Minister of Foreign Affairs"],
            "single_holder": True,
        }
    )
    kb.add_office(
        {
            "id": "head_of_state",
            "canonical": "President",
            "sector": "GOV",
            "level": 1,
            "titles": ["President"],
            "single_holder": True,
        }
    )
    fm = "foreign_minister"
    kb.add_person(
        "Sergey Lavrov",
        ["Sergei Lavrov"],
        [Role(person="Sergey Lavrov", office=fm, code="RUS", start=date(2004, 3, 9))],
    )
    kb.add_person(
        "Vladimir Makei",
        [],
        [
            Role(
                person="Vladimir Makei",
                office=fm,
                code="BLR",
                start=date(2012, 8, 20),
                end=date(2022, 11, 26),
            )
        ],
    )
    kb.add_person(
        "Maxim Ryzhenkov",
        [],
        [Role(person="Maxim Ryzhenkov", office=fm, code="BLR", start=date(2024, 4, 10))],
    )
    return kb


@pytest.fixture(scope="module")
def make_nlp():
    return lambda kb=None: build_pipeline(MODEL, kb or _kb())


def _mentions(nlp, text: str, day: date, doc: str = "a.txt"):
    article = Article(
        id=doc, doc=doc, text=text, title=None, published=day, language="en", publisher=None
    )
    [(_article, analysis)] = list(analyse([article], nlp))
    return analysis


def _people(analysis) -> dict[str, tuple]:
    return {m.text: (m.name, m.codes, m.office) for m in analysis.mentions if m.kind == "person"}


def test_a_second_surname_in_an_alias_names_no_one_alone() -> None:
    """ "Rocio Vidal Prado" is called Vidal: "Prado" alone is someone else, "Vidal" is her."""
    kb = KnowledgeBase()
    kb.add_person("Rocio Vidal", aliases=["Rocio Vidal Prado"])
    kb.add_person("Tomas Ibarra", aliases=["Tomás Ibarra"])  # a spelling of the same name
    assert [p.name for p in kb.find_people("Vidal")] == ["Rocio Vidal"]
    assert kb.find_people("Prado") == []
    assert [p.name for p in kb.find_people("Ibarra")] == ["Tomas Ibarra"]


def test_name_key_folds_transliterations() -> None:
    assert name_key("Sergei Lavrov") == name_key("Sergey Lavrov")
    assert name_key("Aleksandr Grushko") == name_key("Alexander Grushko")
    assert name_key("Mr Lavrov") == name_key("Lavrov")


@pytest.mark.parametrize(
    ("written", "native"),
    [
        ("Radoslaw Sikorski", "Radosław Sikorski"),
        ("Thorgerdur Katrin Gunnarsdottir", "Þorgerður Katrín Gunnarsdóttir"),
        ("Lars Lokke Rasmussen", "Lars Løkke Rasmussen"),
    ],
)
def test_name_key_folds_letters_unicode_does_not_decompose(written: str, native: str) -> None:
    assert name_key(written) == name_key(native)


def test_actors_known_name_with_title_and_variant(make_nlp) -> None:
    nlp = make_nlp()
    text = "Russian Foreign Minister Sergei Lavrov arrived in Minsk on Monday for talks."
    people = _people(_mentions(nlp, text, date(2023, 5, 2)))
    assert people["Sergei Lavrov"] == ("Sergey Lavrov", ("RUS",), "Minister of Foreign Affairs")


def test_actors_patronymic_and_possessive_forms(make_nlp) -> None:
    nlp = make_nlp()
    # The test knowledge base knows no patronymic form: it is folded away.
    text = "Vladimir Vladimirovich Makei's visit was prepared by the two ministries."
    people = _people(_mentions(nlp, text, date(2016, 4, 4)))
    assert ("Vladimir Makei", ("BLR",)) in {(name, codes) for name, codes, _o in people.values()}


def test_actors_title_without_name_resolves_by_date(make_nlp) -> None:
    nlp = make_nlp()
    text = "The Belarusian Foreign Minister said the talks had been useful."
    early = [m for m in _mentions(nlp, text, date(2015, 6, 1)).mentions if m.kind == "person"]
    late = [m for m in _mentions(nlp, text, date(2025, 6, 1)).mentions if m.kind == "person"]
    assert [m.name for m in early] == ["Vladimir Makei"]
    assert [m.name for m in late] == ["Maxim Ryzhenkov"]
    assert late[0].codes == ("BLR",)


def test_actors_initial_honorific_and_surname_forms(make_nlp) -> None:
    nlp = make_nlp()
    text = (
        "The delegation was headed by M.Ryzhenkov, who met Mr Lavrov in the afternoon. "
        "Later Ryzhenkov laid flowers at a memorial."
    )
    people = _people(_mentions(nlp, text, date(2025, 3, 3)))
    assert people["M.Ryzhenkov"][0] == "Maxim Ryzhenkov"
    assert people["Mr Lavrov"][0] == "Sergey Lavrov" or people["Lavrov"][0] == "Sergey Lavrov"
    assert people["Ryzhenkov"][:2] == ("Maxim Ryzhenkov", ("BLR",))


def test_actors_learn_role_from_apposition_and_use_it_in_another_document(make_nlp) -> None:
    nlp = make_nlp()
    first = _mentions(
        nlp,
        "The Minister of Foreign Affairs of the Republic of Moldova, Mihai Popsoi, "
        "held talks in Bucharest with his Romanian colleague.",
        date(2024, 6, 3),
        doc="first.txt",
    )
    [role] = first.learned
    assert (role.person, role.office, role.code, role.doc) == (
        "Mihai Popsoi",
        "foreign_minister",
        "MDA",
        "first.txt",
    )
    assert "Moldova" in role.sentence
    second = _mentions(
        nlp, "Popsoi told reporters that the border talks would go on.", date(2024, 7, 1)
    )
    assert _people(second)["Popsoi"] == ("Mihai Popsoi", ("MDA",), "Minister of Foreign Affairs")


def test_actors_roles_learned_in_earlier_runs_come_back_from_the_store(make_nlp) -> None:
    learned = Role(
        person="Mihai Popsoi", office="foreign_minister", code="MDA", doc="old.txt", sentence="…"
    )
    kb = _kb()
    kb.learn(learned)
    nlp = make_nlp(kb)
    people = _people(_mentions(nlp, "Mihai Popsoi arrived in Minsk.", date(2024, 9, 1)))
    assert people["Mihai Popsoi"][1] == ("MDA",)


def test_actors_states_organisations_and_collectives(make_nlp) -> None:
    nlp = make_nlp()
    text = (
        "Moscow and Minsk agreed to deepen cooperation within the CSTO. "
        "The two countries will hold consultations in the autumn."
    )
    mentions = _mentions(nlp, text, date(2024, 2, 2)).mentions
    kinds = {(m.text, m.kind, m.codes) for m in mentions}
    assert ("Moscow", "state", ("RUS",)) in kinds
    assert ("Minsk", "state", ("BLR",)) in kinds
    assert ("CSTO", "organisation", ("IGO:CSTO",)) in kinds
    [collective] = [m for m in mentions if m.kind == "collective"]
    assert collective.codes == ("BLR", "RUS")


def test_actors_first_person_in_a_transcript_is_the_speakers_state(make_nlp) -> None:
    nlp = make_nlp()
    text = (
        "Foreign Minister Sergey Lavrov's remarks at a meeting with students, Moscow\n\n"
        "We are ready to continue our dialogue with everyone who respects us."
    )
    mentions = _mentions(nlp, text, date(2023, 9, 1)).mentions
    firsts = [m for m in mentions if m.text.lower() in {"we", "our", "us"}]
    assert len(firsts) == 3 and all(m.codes == ("RUS",) for m in firsts)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "mine.yaml",
            "- name: Ana Revenco\n  aliases: [A. Revenco]\n  office: foreign_minister\n"
            "  code: MDA\n  start: 2021\n  end: 2023\n",
        ),
        (
            "mine.csv",
            "name,aliases,office,code,start,end\nAna Revenco,A. Revenco,foreign_minister,"
            "MDA,2021,2023\n",
        ),
    ],
)
def test_actors_user_file_adds_a_person(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    kb = _kb()
    kb.add_file(path)
    [person] = kb.find_people("Ana Revenco")
    role = kb.role_on(person, date(2022, 1, 1))
    assert role is not None and role.code == "MDA"
    assert kb.role_on(person, date(2024, 1, 1)) is None
    assert kb.find_people("A. Revenco") == [person]


def test_actors_collective_pair_is_the_people_its_sentence_names(make_nlp) -> None:
    nlp = make_nlp()
    text = (
        "Moldova and Romania signed a trade protocol. Moldova praised Romania. Moldova thanked "
        "Romania. Later, Sergey Lavrov met Maxim Ryzhenkov, and the two governments agreed to "
        "stay in touch."
    )
    mentions = _mentions(nlp, text, date(2024, 6, 2)).mentions
    [collective] = [m for m in mentions if m.kind == "collective"]
    assert collective.codes == ("BLR", "RUS")  # not the article's most named pair


def test_actors_regions_named_after_a_state_are_not_that_state(make_nlp) -> None:
    from communique.kb import load_kb

    nlp = make_nlp(load_kb())
    text = "Officials in New South Wales met ministers from British Columbia near the Irish Sea."
    mentions = _mentions(nlp, text, date(2024, 6, 2)).mentions
    found = {(m.text, m.kind, m.codes) for m in mentions}
    assert ("New South Wales", "place", ("AUS",)) in found
    assert ("British Columbia", "place", ("CAN",)) in found
    assert not {c for m in mentions for c in m.codes} & {"GBR", "IRL"}


def test_actors_known_surname_before_another_name_is_a_first_name(make_nlp) -> None:
    nlp = make_nlp()
    text = "Talks in Minsk\nThe envoy, Lavrov Petrenko, arrived in Minsk on Monday."
    people = {m.text: m.codes for m in _mentions(nlp, text, date(2024, 6, 2)).mentions}
    assert "Lavrov Petrenko" in people and people["Lavrov Petrenko"] != ("RUS",)


def _kb_with_minister() -> KnowledgeBase:
    kb = _kb()
    kb.add_office(
        {"id": "minister", "canonical": "Minister", "sector": "GOV", "titles": ["Secretary"]}
    )
    return kb


def _kb_with_envoys() -> KnowledgeBase:
    kb = _kb()
    for office_id, canonical, titles in [
        ("ambassador", "Ambassador", ["Ambassador", "envoy"]),
        ("spokesperson", "Spokesperson", ["spokesman", "spokeswoman"]),
    ]:
        kb.add_office({"id": office_id, "canonical": canonical, "sector": "GOV", "titles": titles})
    return kb


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Minsk\n\nThe spokesman, Jean-Pierre Lukusa, spoke to reporters in Minsk.",
        "Talks in Minsk\n\nOn Friday Pierre-Yves Dubois, the envoy, arrived in Chisinau.",
        "Talks in Minsk\n\nThe envoy, Marie-Jean Pierre, arrived in Chisinau on Friday.",
    ],
)
def test_actors_a_hyphenated_given_name_holds_no_known_surname(make_nlp, text: str) -> None:
    """Each word of "Jean-Pierre", and the surname after it, is some known person's surname."""
    kb = _kb()
    for name in ("Ilie Jean", "Andrei Pierre"):
        kb.add_person(name, [], [Role(person=name, office="foreign_minister", code="MDA")])
    known = {m.name for m in _mentions(make_nlp(kb), text, date(2024, 3, 3)).mentions}
    assert not known & {"Ilie Jean", "Andrei Pierre"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unknown first name before a known surname is one new person
        ("Talks in Minsk\n\nThe delegation of Pavel Lavrov arrived in Minsk.", "Pavel Lavrov"),
        ("Talks in Minsk\n\nOleg Ryzhenkov, a banker, flew home.", "Oleg Ryzhenkov"),
    ],
)
def test_actors_a_known_surname_inside_an_unknown_name_is_not_the_known_person(
    make_nlp, text: str, name: str
) -> None:
    people = _people(_mentions(make_nlp(), text, date(2025, 3, 3)))
    assert name in people
    assert people[name][0] == name and people[name][1] == ()


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Minsk\n\nThe visit of Ion Popescu ended on Friday.",
        "Talks in Minsk\n\nIn Chisinau, Ion Popescu thanked his hosts.",
    ],
)
def test_actors_a_joined_name_with_the_known_persons_given_name_is_that_person(
    make_nlp, text: str
) -> None:
    kb = _kb()
    role = Role(person="Nicolae Ion Popescu", office="foreign_minister", code="MDA")
    kb.add_person("Nicolae Ion Popescu", [], [role])
    people = _people(_mentions(make_nlp(kb), text, date(2024, 3, 3)))
    assert people["Ion Popescu"][:2] == ("Nicolae Ion Popescu", ("MDA",))


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "Talks\n\nThe ministry summoned Ion Rusu, Moldova's ambassador, on Monday.",
            "Ion Rusu",
            "MDA",
            "Ambassador",
        ),
        (
            "Talks\n\nRomanian presidential spokesman Dan Petrescu said the talks went well.",
            "Dan Petrescu",
            "ROU",
            "presidential spokesman",
        ),
        (
            "Talks\n\nMaria Ivanova, a spokeswoman for Belarus, denied the report.",
            "Maria Ivanova",
            "BLR",
            "Spokesperson",
        ),
    ],
)
def test_actors_a_title_belongs_to_the_state_through_a_possessive_or_modifier(
    make_nlp, text: str, name: str, code: str, office: str
) -> None:
    people = _people(_mentions(make_nlp(_kb_with_envoys()), text, date(2024, 3, 3)))
    assert people[name][1:] == ((code,), office)


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "Talks\n\nThe ministry received Ion Rusu, Moldova's Ambassador to Bucharest.",
            "Ion Rusu",
            "Ambassador to Romania",
        ),
        (
            "Talks\n\nBelarusian Ambassador to Russia Petr Kozel laid a wreath.",
            "Petr Kozel",
            "Ambassador to Russia",
        ),
    ],
)
def test_actors_an_envoys_office_names_where_the_envoy_is_posted(
    make_nlp, text: str, name: str, office: str
) -> None:
    people = _people(_mentions(make_nlp(_kb_with_envoys()), text, date(2024, 3, 3)))
    assert people[name][2] == office


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Makei had warned of the risks years earlier.",
        "The book recalls how Vladimir Makei negotiated with Brussels.",
    ],
)
def test_actors_a_person_out_of_office_is_a_former_holder(make_nlp, text: str) -> None:
    people = _people(_mentions(make_nlp(), text, date(2025, 1, 10)))
    assert people["Vladimir Makei"] == (
        "Vladimir Makei",
        ("BLR",),
        "former Minister of Foreign Affairs",
    )


def test_kb_role_without_a_day_is_the_one_still_held() -> None:
    kb = _kb()
    name = "Ilie Vrabie"
    acting = Role(
        person=name,
        office="head_of_state",
        code="MDA",
        title="Acting President",
        start=date(2001, 1, 1),
        end=date(2001, 6, 1),
    )
    kept = Role(person=name, office="head_of_state", code="MDA", start=date(2010, 1, 1))
    kb.add_person(name, [], [acting, kept])
    assert kb.role_on(kb.people[name], None) == kept
    assert kb.role_on(kb.people[name], date(2001, 3, 1)) == acting


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Abdel Fattah al Sisi", "Abdel Fattah el-Sisi"),
        ("Zia ul-Haq", "Zia al Haq"),
        ("Gerhard Schroeder", "Gerhard Schröder"),
        ("Juergen Mueller", "Jürgen Müller"),
    ],
)
def test_name_key_folds_arabic_articles_and_written_out_umlauts(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks\n\nBelarusian Ambassador to Russia Petr Kozel laid a wreath.", "Petr Kozel"),
        (
            "Talks\n\nThe Moldovan Foreign Minister Dorin Vlasie Cazacu flew in.",
            "Dorin Vlasie Cazacu",
        ),
    ],
)
def test_actors_an_untagged_name_right_after_a_title_is_a_person(
    make_nlp, text: str, name: str
) -> None:
    people = _people(_mentions(make_nlp(_kb_with_envoys()), text, date(2024, 3, 3)))
    assert name in people


def test_kb_an_envoys_accreditation_completes_the_title() -> None:
    kb = _kb_with_envoys()
    role = Role(person="Ion Rusu", office="ambassador", code="MDA")
    assert kb.accredited({"to": "ROU"}, role).title == "Ambassador to Romania"
    assert kb.accredited({"to": "IGO:CSTO"}, role).title == (
        "Ambassador to the Collective Security Treaty Organization"
    )
    assert kb.accredited({}, role).title is None


@pytest.mark.parametrize(
    ("text", "words", "code", "sector"),
    [
        (
            "The news.\n\nOpposition parties in Zambia called a strike.",
            "Opposition parties",
            "ZMB",
            "OPP",
        ),
        ("The news.\n\nRebels in the north of Chad attacked a convoy.", "Rebels", "TCD", "REB"),
        (
            "The news.\n\nA rights group based in Lagos condemned the arrests.",
            "rights group",
            "NGA",
            "HRI",
        ),
        ("The news.\n\nPeru's opposition rejected the count.", "opposition", "PER", "OPP"),
    ],
)
def test_actors_domestic_actors_get_their_state_and_sector(
    text: str, words: str, code: str, sector: str, pipelines: Pipelines
) -> None:
    nlp = pipelines.fresh()
    found = [m for m in _mentions(nlp, text, date(2024, 6, 2)).mentions if m.text == words]
    assert [(m.kind, m.codes, m.sector) for m in found] == [("organisation", (code,), sector)]


@pytest.mark.parametrize(
    "text",
    [
        "The news.\n\nIsraeli strikes killed militants on Tuesday.",
        "The news.\n\nOfficials in Ghana said rebels had crossed the border.",
    ],
)
def test_actors_a_state_merely_named_does_not_place_a_domestic_actor(
    text: str, pipelines: Pipelines
) -> None:
    nlp = pipelines.fresh()
    mentions = _mentions(nlp, text, date(2024, 6, 2)).mentions
    assert not [m for m in mentions if m.sector in {"REB", "OPP"} and m.kind == "organisation"]


@pytest.mark.parametrize(
    "text",
    [
        "The news.\n\nSlovakia recalled its envoy from Brussels after the European Union acted.",
        "The news.\n\nBrussels rebuked Budapest, a spokesman for the European Commission said.",
    ],
)
def test_actors_a_seat_stands_for_the_organisation_the_article_names(
    text: str, pipelines: Pipelines
) -> None:
    nlp = pipelines.fresh()
    [seat] = [m for m in _mentions(nlp, text, date(2024, 6, 2)).mentions if m.text == "Brussels"]
    assert (seat.kind, seat.codes, seat.reference) == ("organisation", ("IGO:EU",), "seat")


@pytest.mark.parametrize(
    "text",
    [
        "The news.\n\nThe ministers met in Brussels, where the European Union hosts its summits.",
        "The news.\n\nBrussels rebuked Budapest over the new law.",
        "The news.\n\nMoscow criticised the decision of the CSTO.",
    ],
)
def test_actors_a_city_where_something_happens_or_a_capital_metonym_stays(
    text: str, pipelines: Pipelines
) -> None:
    nlp = pipelines.fresh()
    mentions = _mentions(nlp, text, date(2024, 6, 2)).mentions
    assert not [m for m in mentions if m.reference == "seat" and m.kind == "organisation"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The news.\n\nHonduras and Mexico agreed to fund a clean-up of Lake Managua.", "Managua"),
        ("The news.\n\nItaly and Algeria will dredge Lake Tunis next year.", "Tunis"),
        ("The news.\n\nGermany and France pledged to protect Victoria Falls.", "Victoria"),
        ("The news.\n\nNigeria and Niger met to save Lake Chad from drying up.", "Chad"),
        ("The news.\n\nBoats on the Congo River were inspected by Angolan officers.", "Congo"),
    ],
)
def test_actors_a_city_or_state_in_a_landform_name_is_neither(
    text: str, place: str, pipelines: Pipelines
) -> None:
    """ "Lake Managua", "Victoria Falls", "Lake Chad": a lake, falls or river, no city or state."""
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    assert [m for m in mentions if m.kind in {"state", "place"}]
    assert not [m for m in mentions if place in m.text]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wire story\n\nIraq's water minister, Aoun Diab Abdullah, met Turkish officials on "
         "Monday.", "Aoun Diab Abdullah"),
        ("Wire story\n\n\"This is what the talks were for,\" Ali Hassan Omar, Somalia's "
         "state minister, told reporters.", "Ali Hassan Omar"),
    ],
)  # fmt: skip
def test_actors_known_surnames_side_by_side_in_running_text_are_one_name(
    text: str, name: str, pipelines: Pipelines
) -> None:
    """Each word is some known person's surname ("Aoun", "Diab", "Abdullah"); together they
    are one person the knowledge base does not know."""
    people = [
        m
        for m in _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
        if m.kind == "person"
    ]
    assert [m.text for m in people] == [name]
    assert people[0].name == name


def test_actors_surnames_side_by_side_in_a_headline_stay_apart() -> None:
    """A headline juxtaposes names ("Putin Xi talks"): only running text joins them."""
    words = ["Then", "Aoun", "Diab", "Abdullah", "spoke"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["ADV", "PROPN", "PROPN", "PROPN", "VERB"],
        ents=["O", "B-PERSON", "B-PERSON", "B-PERSON", "O"],
    )
    headline, _runs = _surname_runs(list(doc.ents), len(doc.text))
    assert [e.text for e in headline] == ["Aoun", "Diab", "Abdullah"]
    running, runs = _surname_runs(list(doc.ents), 0)
    assert [e.text for e in running] == ["Aoun Diab Abdullah"] and runs == {1}


@pytest.mark.parametrize(
    ("text", "form", "codes"),
    [
        ("The news.\n\nUganda protested to DR Congo after Congolese naval forces detained "
         "fishermen.", "Congolese", ("COD",)),
        ("The news.\n\nSouth Korea's minister arrived in Tokyo. The Korean delegation signed "
         "an accord with Japan.", "Korean", ("KOR",)),
        # both sharing states named: the form says neither
        ("The news.\n\nNorth Korea and South Korea held talks. Korean officials praised "
         "China.", "Korean", None),
    ],
)  # fmt: skip
def test_actors_a_form_states_share_is_the_one_the_article_names(
    text: str, form: str, codes: tuple | None, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    found = [m.codes for m in mentions if m.kind == "state" and m.text == form]
    assert found == ([codes] if codes else [])


@pytest.mark.parametrize(
    "text",
    [
        "The news.\n\nThe Inter-American Commission on Human Rights asked Peru for an inquiry.",
        "The news.\n\nThe Pan-American Health Organization sent vaccines to Haiti.",
    ],
)
def test_actors_a_state_adjective_after_inter_or_pan_names_no_state(
    text: str, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    assert [m for m in mentions if m.kind == "state"]
    assert not [m for m in mentions if "USA" in m.codes]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks in Minsk\n\nGeneral Pavel Lavrov inspected the troops.", "Pavel Lavrov"),
        ("Talks in Minsk\n\nThe guests included First Lady Olga Ryzhenkov.", "Olga Ryzhenkov"),
        ("Talks in Minsk\n\nMinister of Trade Pavel Lavrov spoke next.", "Pavel Lavrov"),
        ("Talks in Minsk\n\nThe Secretary for Energy Olga Ryzhenkov left.", "Olga Ryzhenkov"),
    ],
)
def test_actors_a_rank_or_the_end_of_a_title_is_not_joined_to_a_name(
    make_nlp, text: str, name: str
) -> None:
    kb = _kb_with_minister()
    kb.ranks = frozenset({"General", "First", "Lady"})
    people = _people(_mentions(make_nlp(kb), text, date(2025, 3, 3)))
    assert name in people


@pytest.mark.parametrize(
    ("alias", "text"),
    [
        ("Crown Prince Ali", "Talks\n\nCrown Prince Ali arrived in Minsk on Monday."),
        ("King Haakon Olav", "Talks\n\nOn Monday King Haakon Olav opened the session."),
    ],
)
def test_actors_a_rank_inside_a_known_alias_is_kept(make_nlp, alias: str, text: str) -> None:
    kb = _kb()
    kb.ranks = frozenset({"Crown", "Prince", "King"})
    role = Role(person="Ali Haakon Olav", office="head_of_state", code="ROU")
    kb.add_person("Ali Haakon Olav", [alias], [role])
    people = _people(_mentions(make_nlp(kb), text, date(2025, 3, 3)))
    assert people[alias][:2] == ("Ali Haakon Olav", ("ROU",))


@pytest.mark.parametrize(
    "text",
    [
        "Talks\n\nThe Energy Minister Maxim Ryzhenkov spoke first.",
        "Talks\n\nHis counterpart, Minister for Culture Maxim Ryzhenkov, spoke first.",
    ],
)
def test_actors_a_titles_last_word_is_not_joined_to_a_known_full_name(make_nlp, text: str) -> None:
    people = _people(_mentions(make_nlp(_kb_with_minister()), text, date(2025, 3, 3)))
    assert people["Maxim Ryzhenkov"][0] == "Maxim Ryzhenkov"


@pytest.mark.parametrize(
    "text",
    [
        "Talks\n\nThe Energy Maxim Ryzhenkov visit was short.",
        "Talks\n\nOn Monday, Deputy Maxim Ryzhenkov spoke first.",
    ],
)
def test_actors_a_known_full_name_is_not_extended_backwards(make_nlp, text: str) -> None:
    people = _people(_mentions(make_nlp(), text, date(2025, 3, 3)))
    assert people["Maxim Ryzhenkov"][0] == "Maxim Ryzhenkov"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # published on a Wednesday: the Friday before, not the one two days ahead
        ("The news.\n\nThe navy of Chile detained a trawler on Friday.", date(2024, 7, 5)),
        ("The news.\n\nOn Thursday Chile expelled two Peruvian diplomats.", date(2024, 7, 4)),
    ],
)
def test_actors_a_weekday_is_a_date_not_a_surname_and_lies_behind(
    text: str, day: date, pipelines: Pipelines
) -> None:
    nlp = pipelines.fresh()
    analysis = _mentions(nlp, text, date(2024, 7, 10))
    assert not [m for m in analysis.mentions if m.kind == "person"]
    assert [e.when.start for e in analysis.events if e.when] == [day]


def test_pronouns_and_free_nouns_are_read_from_the_docs_arrays() -> None:
    """The words a stage looks for are found in any case, in order, without a Token per word."""
    import spacy
    from spacy.tokens import Doc, Span

    from communique.actors import _untagged_nouns
    from communique.ents import tokens_lowered

    words = ["We", "told", "Fiji", "that", "our", "rebels", "and", "WE", "wait", "for", "us"]
    pos = ["PRON", "VERB", "PROPN", "SCONJ", "PRON", "NOUN", "CCONJ", "PRON", "VERB", "ADP", "PRON"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)  # its lexemes know their lower case
    doc.ents = [Span(doc, 2, 3, label="GPE")]
    assert [t.i for t in tokens_lowered(doc, {"we", "us", "our"})] == [0, 4, 7, 10]
    assert list(tokens_lowered(doc, {"never-seen-word"})) == []
    assert [t.text for t in _untagged_nouns(doc)] == ["rebels"]  # "Fiji" is an entity


# -- issue 10: titles the text words itself, bodies and firms of a state ------------------------


def _kb_posts() -> KnowledgeBase:
    """The small knowledge base with more offices, bodies and a few Moldovan office-holders."""
    kb = _kb()
    for office_id, canonical, level, titles in [
        ("deputy_prime_minister", "Deputy Prime Minister", 2, ["Deputy Prime Minister"]),
        ("defence_minister", "Minister of Defence", 4, ["Defence Minister"]),
        ("minister", "Minister", 5, ["Minister", "Commissioner"]),
        ("spokesperson", "Spokesperson", 8, ["spokesman", "spokeswoman", "press secretary"]),
        ("secretary_general", "Secretary-General", 3, ["Secretary-General", "Secretary General"]),
        ("head_of_organisation", "President", 3, ["President", "Director"]),
        (
            "special_representative",
            "Special Representative",
            6,
            ["special representative", "special envoy"],
        ),
        (
            "foreign_minister",
            "Minister of Foreign Affairs",
            3,
            ["Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs"],
        ),
    ]:
        kb.add_office({"id": office_id, "canonical": canonical, "level": level, "titles": titles})
    for office_id, canonical, titles in [
        ("police", "Police", ["police"]),
        ("armed_forces", "Armed Forces", ["army", "military"]),
    ]:
        kb.add_office(
            {"id": office_id, "canonical": canonical, "titles": titles, "institution": True}
        )
    kb.add_organisation({"code": "ROU", "name": "Romanian Border Police", "acronyms": ["RBP"]})
    for name, aliases in [
        ("CSTO Collective Security Council", ["Collective Security Council of the CSTO"]),
        ("CSTO Council of Defence Ministers", []),
        ("CSTO Secretariat", []),
    ]:
        kb.add_organisation({"code": "IGO:CSTO", "name": name, "aliases": aliases, "body": True})
    kb.org_heads = frozenset({"Railways", "Agency", "Authority"})
    kb.org_kinds = frozenset({"firm", "company"})
    kb.org_leaders = frozenset({"head", "chief"})
    since = date(2021, 1, 1)
    kb.add_person(
        "Ion Rusu",
        [],
        [
            Role(person="Ion Rusu", office="deputy_prime_minister", code="MDA", start=since),
            Role(person="Ion Rusu", office="defence_minister", code="MDA", start=since),
        ],
    )
    kb.add_person(
        "Elena Popa",
        [],
        [
            Role(
                person="Elena Popa",
                office="spokesperson",
                code="MDA",
                title="Head of the Press Department",
                start=since,
            )
        ],
    )
    kb.add_person(
        "Victor Ursu",
        [],
        [Role(person="Victor Ursu", office="foreign_minister", code="MDA", start=since)],
    )
    kb.add_person(
        "Petru Gavril",
        [],
        [
            Role(
                person="Petru Gavril",
                office="head_of_state",
                code="MDA",
                start=date(1991, 1, 1),
                end=date(1996, 1, 1),
            )
        ],
    )
    kb.add_person(
        "Dan Petru Gavril",
        [],
        [Role(person="Dan Petru Gavril", office="minister", code="MDA", start=since)],
    )
    return kb


@pytest.fixture(scope="module")
def posts_nlp(make_nlp):
    return make_nlp(_kb_posts())


def _person(nlp, text: str, name: str) -> tuple:
    return _people(_mentions(nlp, "Talks\n\n" + text, date(2024, 5, 6)))[name]


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Ion Rusu inspected a border post on Friday.",
        "The exercise was watched by Ion Rusu, the Moldovan Defence Minister.",
    ],
)
def test_actors_a_title_names_an_office_held_beside_a_more_senior_one(posts_nlp, text) -> None:
    # Ion Rusu is deputy prime minister and defence minister at once: the text names the second
    assert _person(posts_nlp, text, "Ion Rusu")[1:] == (("MDA",), "Minister of Defence")


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Prime Minister and Defence Minister Ion Rusu flew to Riga. Rusu was upbeat.",
        "Riga saw off Deputy Prime Minister and Minister of Defence of Moldova Ion Rusu, and "
        "Rusu thanked his hosts.",
    ],
)
def test_actors_two_titles_joined_before_a_name_are_one_post(posts_nlp, text) -> None:
    analysis = _mentions(posts_nlp, "Talks\n\n" + text, date(2024, 5, 6))
    offices = {m.office for m in analysis.mentions if m.name == "Ion Rusu"}
    assert offices == {"Deputy Prime Minister and Minister of Defence"}


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "RBP deputy commissioner Sorin Matei said the crossing would reopen.",
            "Sorin Matei",
            "ROU",
            "Deputy Commissioner of the Romanian Border Police",
        ),
        (
            "The statement was read by the Director of the CSTO Council of Defence Ministers, "
            "Lena Orlova, on Monday.",
            "Lena Orlova",
            "IGO:CSTO",
            "Director of the CSTO Council of Defence Ministers",
        ),
    ],
)
def test_actors_a_title_beside_a_body_is_a_post_in_that_body(
    posts_nlp, text: str, name: str, code: str, office: str
) -> None:
    assert _person(posts_nlp, text, name)[1:] == ((code,), office)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "Moldovan Foreign Ministry spokeswoman Elena Popa denied it.",
            "Foreign Ministry spokeswoman",
        ),
        (
            "The Moldovan presidential press secretary, Elena Popa, declined.",
            "presidential press secretary",
        ),
    ],
)
def test_actors_a_spokespersons_post_is_the_texts_own_words(posts_nlp, text, office) -> None:
    # not the known role's other title ("Head of the Press Department")
    assert _person(posts_nlp, text, "Elena Popa")[1:] == (("MDA",), office)


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "Minister for Rural Affairs Radu Stan, Foreign Minister Victor Ursu and others came.",
            "Radu Stan",
            "Minister for Rural Affairs",
        ),
        ("Fisheries Minister Radu Stan opened the harbour.", "Radu Stan", "Minister of Fisheries"),
    ],
)
def test_actors_a_generic_ministers_post_is_named_as_the_text_names_it(
    posts_nlp, text: str, name: str, office: str
) -> None:
    people = _people(_mentions(posts_nlp, "Talks\n\n" + text, date(2024, 5, 6)))
    assert people[name][2] == office
    if "Victor Ursu" in people:  # a title followed by a name is that name's
        assert people["Victor Ursu"][2] == "Minister of Foreign Affairs"


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Secretary General Anna Marin of the CSTO opened the session.", "Secretary General"),
        (
            "Victor Ursu, Minister for Foreign Affairs, opened the session.",
            "Minister for Foreign Affairs",
        ),
    ],
)
def test_actors_an_office_keeps_the_texts_spelling_of_its_full_name(
    posts_nlp, text: str, office: str
) -> None:
    people = _people(_mentions(posts_nlp, "Talks\n\n" + text, date(2024, 5, 6)))
    assert office in {found[2] for found in people.values()}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Trains of the Romania Railways were halted at the border.", "Romania Railways", "ROU"),
        (
            "A deal with the Moldovan Standards and Metrology Agency was signed.",
            "Moldovan Standards and Metrology Agency",
            "MDA",
        ),
        ("The Romanian energy firm Electrica SA won the tender.", "Electrica SA", "ROU"),
        ("The Belarusian company ZTK Lavrov built the plant.", "ZTK Lavrov", "BLR"),
    ],
)
def test_actors_a_body_or_firm_of_a_state_by_its_name_or_kind(
    posts_nlp, text: str, name: str, code: str
) -> None:
    analysis = _mentions(posts_nlp, "News\n\n" + text, date(2024, 5, 6))
    orgs = {m.name: m.codes for m in analysis.mentions if m.kind == "organisation"}
    assert orgs.get(name) == (code,)
    assert not [m for m in analysis.mentions if m.name == "Sergey Lavrov"]


def test_actors_a_body_shared_by_two_states_is_not_one_states(posts_nlp) -> None:
    text = "News\n\nThe Moldova-Romania Transport Authority met in Iasi."
    analysis = _mentions(posts_nlp, text, date(2024, 5, 6))
    assert not [m for m in analysis.mentions if m.kind == "organisation" and m.codes == ("ROU",)]


@pytest.mark.parametrize(
    "text",
    [
        "The CSTO's Collective Security Council met in Minsk.",
        "In Minsk the CSTO's Secretariat drafted the text.",
    ],
)
def test_actors_a_principal_body_after_its_organisations_possessive(posts_nlp, text) -> None:
    analysis = _mentions(posts_nlp, "News\n\n" + text, date(2024, 5, 6))
    bodies = {m.name for m in analysis.mentions if m.kind == "organisation"}
    assert bodies & {"CSTO Collective Security Council", "CSTO Secretariat"}


@pytest.mark.parametrize(
    "text",
    [
        "The trade minister, Dan Petru Gavril, opened the fair.",
        "Talks went on, and Dan Petru Gavril spoke last.",
    ],
)
def test_actors_a_known_name_inside_a_longer_known_name_is_the_longer(posts_nlp, text) -> None:
    people = _people(_mentions(posts_nlp, "Talks\n\n" + text, date(2024, 5, 6)))
    assert "Dan Petru Gavril" in people
    assert people["Dan Petru Gavril"][0] == "Dan Petru Gavril"
    assert "Petru Gavril" not in {found[0] for found in people.values()}


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "Talks were led by Ana Rusnac, the head of Romania's RBP.",
            "Ana Rusnac",
            "ROU",
            "Head of the Romanian Border Police",
        ),
        (
            "The report was signed by Lena Petrova, chief of the CSTO Secretariat, on Monday.",
            "Lena Petrova",
            "IGO:CSTO",
            "Chief of the CSTO Secretariat",
        ),
    ],
)
def test_actors_a_name_said_to_head_a_body_holds_its_post(
    posts_nlp, text: str, name: str, code: str, office: str
) -> None:
    assert _person(posts_nlp, text, name)[1:] == ((code,), office)


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "On Friday Mihail Ceban, a spokesman for Moldova's army, said the drill ended.",
            "Mihail Ceban",
            "army spokesman",
        ),
        (
            "The claim was denied by Ilinca Rusnac, a spokeswoman for Romania's police.",
            "Ilinca Rusnac",
            "police spokeswoman",
        ),
    ],
)
def test_actors_a_spokesperson_for_a_states_institution(
    posts_nlp, text: str, name: str, office: str
) -> None:
    assert _person(posts_nlp, text, name)[2] == office


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "Romania's special representative for Black Sea affairs, Dan Mocanu, arrived.",
            "Dan Mocanu",
            "ROU",
            "Special Representative for Black Sea Affairs",
        ),
        (
            "Talks began once Moldova's special envoy for energy security, Ana Cojocaru, came.",
            "Ana Cojocaru",
            "MDA",
            "Special Envoy for Energy Security",
        ),
    ],
)
def test_actors_a_special_envoys_remit_completes_the_post(
    posts_nlp, text: str, name: str, code: str, office: str
) -> None:
    assert _person(posts_nlp, text, name)[1:] == ((code,), office)


@pytest.mark.parametrize(
    ("text", "surname", "person"),
    [
        ("Peruvian Foreign Minister Javier Tello held talks in Santiago on Tuesday. In the "
         "afternoon Tello met Chilean officials.", "Tello", "Javier Tello"),
        ("Ghanaian envoy Kwame Asante arrived in Lome on Monday. Asante later toured the port.",
         "Asante", "Kwame Asante"),
    ],
)  # fmt: skip
def test_actors_a_lone_surname_after_the_full_name_is_that_person_in_a_fresh_pipeline(
    make_nlp, text: str, surname: str, person: str
) -> None:
    """Not only once an earlier document taught the name: the first document reads it too."""
    people = _people(_mentions(make_nlp(), text, date(2024, 7, 10)))
    assert people[surname][0] == person


@pytest.mark.parametrize(
    ("text", "again", "code"),
    [
        (
            "The UN Human Rights Council met in Geneva on Monday. Peru's envoy asked the council"
            " to send experts to the border.",
            "council",
            "IGO:UN",
        ),
        (
            "The African Union Commission sent observers to the vote. Kenya thanked the"
            " commission for its report.",
            "commission",
            "IGO:AU",
        ),
        (
            "The U.N. Security Council renewed the mission on Friday, and Chile thanked the"
            " Security Council for acting quickly.",
            "Security Council",
            "IGO:UN",
        ),
    ],
)
def test_actors_a_body_named_again_by_the_noun_its_name_ends_in(
    pipelines, text: str, again: str, code: str
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 5, 6)).mentions
    [found] = [m for m in mentions if m.text == again]
    assert (found.kind, found.codes, found.reference) == ("organisation", (code,), "title")


@pytest.mark.parametrize(
    "text",
    [
        # A plural, a noun with its own "of", and a noun whose words are not the body's.
        "The European Commission fined the firm. The councils of three towns protested.",
        "The European Commission met in Brussels. The Council of Europe said nothing.",
        "The UN Security Council met on Monday. The national council of Chile met as well.",
    ],
)
def test_actors_a_noun_that_names_some_other_body_is_not_the_one_named_before(
    pipelines, text: str
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 5, 6)).mentions
    assert [m.text for m in mentions if m.reference == "title" and m.kind == "organisation"] == []


@pytest.mark.parametrize(
    ("text", "group", "codes"),
    [
        (
            "Moscow summoned envoys and accused the three Baltic states of staging provocations.",
            "the three Baltic states",
            ("EST", "LTU", "LVA"),
        ),
        (
            "The Nordic countries pledged more money for Ukraine's air defence on Tuesday.",
            "The Nordic countries",
            ("DNK", "FIN", "ISL", "NOR", "SWE"),
        ),
    ],
)
def test_actors_a_group_of_states_by_its_regional_word_is_every_member(
    pipelines, text: str, group: str, codes: tuple[str, ...]
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 5, 6)).mentions
    [found] = [m for m in mentions if m.text == group]
    assert (found.kind, found.codes) == ("collective", codes)


def test_actors_a_count_that_is_not_the_groups_leaves_the_phrase_unread(pipelines) -> None:
    # The G5 Sahel had five members; the Sahel states of state-groups.jsonl are three.
    text = "The five Sahel states met in Niamey to plan joint patrols."
    mentions = _mentions(pipelines.fresh(), text, date(2024, 5, 6)).mentions
    assert [m for m in mentions if m.kind == "collective"] == []


@pytest.mark.parametrize(
    ("text", "organ", "code"),
    [
        (
            "Wire story\n\nThe General Assembly of the Organization of American States met in "
            "Medellin on Friday.",
            "General Assembly",
            "IGO:OAS",
        ),
        (
            "Wire story\n\nOn Monday the Economic and Social Council of the Arab League met in "
            "Cairo.",
            "Economic and Social Council",
            "IGO:ARAB_LEAGUE",
        ),
        (
            "Wire story\n\nThe OAS General Assembly opened in Asuncion on Monday.",
            "General Assembly",
            "IGO:OAS",
        ),
    ],
)
def test_actors_an_organ_said_to_be_another_bodys_is_that_bodys(
    text: str, organ: str, code: str, pipelines: Pipelines
) -> None:
    """The knowledge base files a bare "General Assembly" or "Economic and Social Council" under
    the UN."""
    found = [m for m in _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions]
    assert [m.codes for m in found if m.text == organ] == [(code,)]


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        (
            "Talks in Minsk\n\nThe envoy, Alejandro Vargas Ortiz, arrived in Minsk on Monday. "
            "Vargas Ortiz met the Belarusian minister.",
            "Vargas Ortiz",
            "Alejandro Vargas Ortiz",
        ),
        (
            "Talks in Minsk\n\nCarlos Mendes Pereira, a Brazilian diplomat, arrived in Minsk "
            "on Friday. On Saturday Mendes Pereira met the Belarusian minister.",
            "Mendes Pereira",
            "Carlos Mendes Pereira",
        ),
    ],
)
def test_actors_two_surnames_named_again_are_the_full_name(
    make_nlp, text: str, short: str, full: str
) -> None:
    people = [m for m in _mentions(make_nlp(), text, date(2024, 3, 3)).mentions]
    assert {m.name for m in people if m.text == short} == {full}


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        (
            "Morocco recalled its envoy from Algiers on Friday, and Rabat closed the consulate. "
            "Spain said it stood with the kingdom.",
            "the kingdom",
            "MAR",
        ),
        (
            "Oman's foreign minister met his Iranian counterpart in Muscat. Tehran thanked the "
            "sultanate for its mediation.",
            "the sultanate",
            "OMN",
        ),
        (
            "Pakistan's prime minister thanked Saudi Arabia for the loans the Kingdom had "
            "extended in October.",
            "the Kingdom",
            "SAU",
        ),
    ],
)
def test_the_kingdom_is_the_kingdom_named_most_before(
    text: str, word: str, code: str, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    assert [(m.kind, m.codes) for m in mentions if m.text == word] == [("state", (code,))]


@pytest.mark.parametrize(
    "text",
    [
        # two kingdoms named as often: the text does not say which
        "Spain and Morocco signed a deal. Later the kingdom also agreed to reopen the border.",
        # no kingdom named before: a kingdom of a fairy tale, or one named only later
        "Peru and Chile met in Lima. The kingdom of the Incas was their theme.",
    ],
)
def test_the_kingdom_is_no_one_where_the_text_does_not_say_which(
    text: str, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    assert not [m for m in mentions if m.text.lower() == "the kingdom"]


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        (
            "Pentagon press secretary Rear Admiral Tom Hollis said Russia must withdraw.",
            "Tom Hollis",
            ("USA",),
        ),
        (
            "Turkish navy spokesman Rear Admiral Selim Ozkan said the ships had left.",
            "Selim Ozkan",
            ("TUR",),
        ),
        (
            "Kenyan army spokesman Major Rose Wanjiru said the border was calm.",
            "Rose Wanjiru",
            ("KEN",),
        ),
    ],
)
def test_a_rank_between_a_title_and_a_name_is_no_person(
    text: str, name: str, codes: tuple, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    people = [(m.text, m.codes) for m in mentions if m.kind == "person"]
    assert people == [(name, codes)]


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        (
            "State Department spokesman Tom Hollis said Russia must withdraw.",
            "Tom Hollis",
            ("USA",),
        ),
        (
            "Russian Foreign Ministry spokeswoman Anna Petrova said Ukraine must pull back.",
            "Anna Petrova",
            ("RUS",),
        ),
        (
            "African Union spokeswoman Ebba Kalondo said the talks ended.",
            "Ebba Kalondo",
            ("IGO:AU",),
        ),
        # a firm's spokesman speaks for no state
        ("Gazprom spokesman Sergei Kuprianov said Ukraine must pay.", "Sergei Kuprianov", ()),
    ],
)
def test_a_title_after_a_body_of_state_is_that_states(
    text: str, name: str, codes: tuple, pipelines: Pipelines
) -> None:
    mentions = _mentions(pipelines.fresh(), text, date(2024, 6, 2)).mentions
    assert [(m.text, m.codes) for m in mentions if m.kind == "person"] == [(name, codes)]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "The Deputy Foreign Minister, Ambassador Kofi Mensah Boateng, headed Ghana's "
            "delegation to the forum in Lisbon. Boateng met Portugal's secretary of state.",
            "Boateng",
            "GHA",
        ),
        (
            "The Minister of External Relations, Rui Tavares Lobo, led the Brazilian delegation "
            "to the session in Washington. Later, Tavares Lobo met the Paraguayan minister.",
            "Tavares Lobo",
            "BRA",
        ),
        # the title names the state: a joint delegation does not change it
        (
            "Kenya's defence minister, Amos Kiprono, led the joint delegation to Kampala.",
            "Amos Kiprono",
            "KEN",
        ),
    ],
)
def test_a_titled_person_heading_a_states_delegation_is_of_that_state(
    text: str, name: str, code: str, pipelines: Pipelines
) -> None:
    """A release names its own minister without the state; the delegation says whose they are."""
    mentions = _mentions(pipelines.fresh(), "Talks\n\n" + text, date(2024, 6, 2)).mentions
    assert {m.text: m.codes for m in mentions if m.kind == "person"}[name] == (code,)


@pytest.mark.parametrize(
    ("text", "again"),
    [
        (
            "Brazil's foreign minister, Rui Tavares Lobo, flew to Washington on Monday. Tavares "
            "Lobo later met the Paraguayan minister.",
            "Tavares Lobo",
        ),
        (
            "Chile's trade minister, Jorge Tavares Kumar, flew to Delhi on Monday. Tavares Kumar "
            "met India's commerce minister.",
            "Tavares Kumar",
        ),
    ],
)
def test_two_known_surnames_opening_a_sentence_are_the_person_named_before(
    text: str, again: str, pipelines: Pipelines
) -> None:
    """The tagger may read the first as a noun there; both words are still one person's name."""
    mentions = _mentions(pipelines.fresh(), "Talks\n\n" + text, date(2024, 6, 2)).mentions
    people = [(m.text, m.name) for m in mentions if m.kind == "person"]
    assert people[1] == (again, people[0][1])
