"""The Russian stage (issue 13): routing, the Doc, dates, cleaning, actors, patterns, quotations.

Every sentence here is written for these tests, about Central Asian, Balkan and other states and
their ministers; none comes from a news text.
"""

from __future__ import annotations

import dataclasses
import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from communique.clean import clean_document
from communique.extract.dates import resolve_when, russian_date_matches
from communique.model import Analysis, Article, RawDocument
from communique.nlp import analyse, language_stage
from communique.nlp.russian import name_forms, romanise, tokens_of
from communique.read import read_inputs
from communique.settings import Settings

from .conftest import Pipelines

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 5, 16)  # a Thursday


def _article(text: str, *, language: str = "ru", published: date | None = PUBLISHED) -> Article:
    return Article(
        id="r1",
        doc="note-ru.txt",
        text=text,
        title=None,
        published=published,
        language=language,
        publisher=None,
    )


def _analysed(pipelines: Pipelines, text: str) -> Analysis:
    [(_same, analysis)] = list(pipelines.russian().analyse([_article(text)]))
    return analysis


# -- routing ---------------------------------------------------------------------------------


def test_language_picks_the_stage(caplog: pytest.LogCaptureFixture) -> None:
    assert language_stage(_article("Министры встретились в Астане.")) == "ru"
    assert language_stage(_article("Ministers met in Astana.", language="en")) == "en"
    assert language_stage(_article("Ministers met.", language=None)) == "en"  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING):
        assert language_stage(_article("Міністры сустрэліся ў Мінску.", language="be")) == "ru"
    assert "[W103]" in caplog.text
    # Belarusian in the Latin alphabet has no stage that reads it better than the English one
    assert language_stage(_article("Ministry Łacinkaj sustrelisia.", language="be")) == "en"


def test_english_runs_import_nothing_of_the_russian_stage() -> None:
    """No Russian package is imported, nor a model loaded, until a Russian article arrives."""
    code = (
        "import sys\n"
        "import communique.nlp, communique.pipeline, communique.extract\n"
        "heavy = {'razdel', 'slovnet', 'navec', 'pymorphy3', 'natasha', 'communique.nlp.russian'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert out.stdout.strip() == "[]"


def test_analyse_routes_each_article_in_order(pipelines: Pipelines) -> None:
    nlp = pipelines.fresh()
    articles = [
        _article("Министр иностранных дел Казахстана М.Нуртлеу посетил Ташкент."),
        _article("Kazakhstan's foreign minister visited Tashkent.", language="en"),
        _article("Б.Саидов провел переговоры в Бишкеке."),
    ]
    articles = [dataclasses.replace(a, id=f"a{i}") for i, a in enumerate(articles)]
    done = list(analyse(articles, nlp))
    assert [a.id for a, _analysis in done] == ["a0", "a1", "a2"]
    assert all(analysis.mentions for _a, analysis in done)


# -- the Doc ---------------------------------------------------------------------------------


def test_doc_keeps_the_text_and_marks_sentences_lemmas_and_syntax(pipelines: Pipelines) -> None:
    text = (
        "Заголовок без точки\n\n"
        "Министры Сербии и Венгрии обсудили транзит газа.  Встреча прошла в Белграде."
    )
    doc = pipelines.russian().make_doc(text)
    assert doc.text == text
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Заголовок без точки",
        "Министры Сербии и Венгрии обсудили транзит газа.",
        "Встреча прошла в Белграде.",
    ]
    words = {t.text: t for t in doc}
    assert words["Сербии"].lemma_ == "сербия"
    assert words["обсудили"].lemma_ == "обсудить"
    assert words["обсудили"].pos_ == "VERB" and words["обсудили"].tag_ == "VBD"
    assert words["Сербии"].morph.get("Case") == ["Gen"]
    assert words["Министры"].dep_ == "nsubj" and words["Министры"].head.text == "обсудили"
    for sent in doc.sents:
        assert sum(1 for t in sent if t.dep_ == "ROOT" and not t.is_space) == 1
    assert {(e.text, e.ent_id_) for e in doc.ents} >= {("Сербии", "SRB"), ("Венгрии", "HUN")}


def test_doc_reads_initials_with_their_surname_as_one_name(pipelines: Pipelines) -> None:
    assert _words("Б.Саидов ответил.") == ["Б.Саидов", "ответил", "."]
    assert _words("Ж.Б.Кулубаев и М.Нуртлеу") == ["Ж.Б.Кулубаев", "и", "М.Нуртлеу"]
    doc = pipelines.russian().make_doc("С.К.Шойгу и Б.Саидов подписали протокол.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert subject.text in {"С.К.Шойгу", "Б.Саидов"} and subject.head.text == "подписали"


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end, _n in tokens_of(text)]


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("3 февраля 2024 г.", date(2024, 2, 3), date(2024, 2, 3)),
        ("17 октября 2023 года", date(2023, 10, 17), date(2023, 10, 17)),
        ("01.02.2024", date(2024, 2, 1), date(2024, 2, 1)),
        ("14.09.2023, 09:05", date(2023, 9, 14), date(2023, 9, 14)),
        ("во вторник", date(2024, 5, 14), date(2024, 5, 14)),
        ("в понедельник", date(2024, 5, 13), date(2024, 5, 13)),
        ("на прошлой неделе", date(2024, 5, 6), date(2024, 5, 12)),
        ("на этой неделе", date(2024, 5, 13), date(2024, 5, 19)),
        ("в марте текущего года", date(2024, 3, 1), date(2024, 3, 31)),
        ("в мае прошлого года", date(2023, 5, 1), date(2023, 5, 31)),
        ("12–13 апреля", date(2024, 4, 12), date(2024, 4, 13)),
        ("в 2021 году", date(2021, 1, 1), date(2021, 12, 31)),
        ("в III квартале текущего года", date(2024, 7, 1), date(2024, 9, 30)),
    ],
)
def test_russian_dates_resolve_against_publication(phrase: str, start: date, end: date) -> None:
    found = resolve_when(phrase, published=PUBLISHED, language="ru")
    assert found is not None and (found.start, found.end) == (start, end)


def test_russian_date_phrases_are_found_in_text() -> None:
    text = (
        "АСТАНА, 3 февраля 2024 г. Во вторник министры встретились, а на прошлой неделе "
        "говорили по телефону; в марте текущего года, 12–13 апреля и 01.02.2024 тоже."
    )
    found = [text[a:b] for a, b in russian_date_matches(text)]
    assert found == [
        "3 февраля 2024 г.",
        "Во вторник",
        "на прошлой неделе",
        "в марте текущего года",
        "12–13 апреля",
        "01.02.2024",
    ]


def test_event_date_is_the_one_attached_to_its_verb(pipelines: Pipelines) -> None:
    """A date in a relative clause dates another happening: the news is of the publication day."""
    told = _analysed(pipelines, "Во вторник Б.Саидов провел переговоры в Бишкеке.")
    [event] = told.events
    assert event.when is not None and event.when.start == date(2024, 5, 14)
    later = _analysis_events(
        pipelines,
        "Министры договорились, что следующая встреча пройдет в сентябре, и подписали протокол.",
    )
    assert all(e.when is not None and e.when.start == PUBLISHED for e in later)


def _analysis_events(pipelines: Pipelines, text: str) -> list:
    return list(_analysed(pipelines, text).events)


# -- cleaning and metadata -------------------------------------------------------------------

_PAGE_RU = """Версия для печати
Главная
Министерство
Пресс-центр
Новости

О переговорах министров иностранных дел Казахстана и Узбекистана

14.05.2024, 16:40

Министры иностранных дел Казахстана и Узбекистана провели переговоры в Астане. \
Стороны обсудили водное хозяйство и строительство новых дорог.

Министры подписали программу сотрудничества на следующий год и договорились о новой встрече.

© 2024 Министерство иностранных дел
"""

_AGENCY_RU = """Вторник, 7 ноября 2023 | 11:15

Сербия и Венгрия договорились о строительстве нефтепровода

БЕЛГРАД, 7 ноября. Министры иностранных дел Сербии и Венгрии на встрече в Белграде \
договорились ускорить строительство нефтепровода между двумя странами.

По словам сербского министра, работы начнутся в будущем году, а финансирование уже согласовано.
"""


def test_russian_page_keeps_its_body_and_drops_furniture(settings: Settings) -> None:
    raw = RawDocument(doc="mfa.txt", content=_PAGE_RU, format="text", group="tests")
    article = clean_document(raw, settings=settings)
    assert article.language == "ru"
    assert article.title == "О переговорах министров иностранных дел Казахстана и Узбекистана"
    assert article.published == date(2024, 5, 14)
    assert "провели переговоры в Астане" in article.text
    assert "договорились о новой встрече" in article.text
    for junk in ("Версия для печати", "Пресс-центр", "© 2024"):
        assert junk not in article.text


def test_cp1251_agency_page_is_read_and_cleaned(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "agency.txt"
    path.write_bytes(_AGENCY_RU.encode("cp1251"))
    [raw] = list(read_inputs([str(path)], max_bytes=1_000_000))
    assert isinstance(raw, RawDocument)
    article = clean_document(raw, settings=settings)
    assert article.language == "ru"
    assert article.title == "Сербия и Венгрия договорились о строительстве нефтепровода"
    assert article.published == date(2023, 11, 7)
    assert "финансирование уже согласовано" in article.text


# -- actors ----------------------------------------------------------------------------------


def test_name_forms_of_a_full_russian_name() -> None:
    forms = name_forms("Бахтиёр Абдуллаевич Саидов")
    assert {"Б.А.Саидов", "Б.Саидов", "Бахтиёр Саидов", "Саидов Бахтиёр Абдуллаевич"} <= set(forms)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Встреча с М.Нуртлеу прошла в Ташкенте.", "Murat Nurtleu", "KAZ"),
        ("Слово было предоставлено Нуртлеу Мурату.", "Murat Nurtleu", "KAZ"),
        ("Переговоры с Касым-Жомартом Токаевым длились два часа.", "Kassym-Jomart Tokayev", "KAZ"),
        ("Делегацию принял Токаев.", "Kassym-Jomart Tokayev", "KAZ"),
        ("Послание Бахтиёра Саидова передано в Бишкек.", "Bakhtiyor Saidov", "UZB"),
        ("Ответ Б.Саидову пока не дан.", "Bakhtiyor Saidov", "UZB"),
        # a woman's surname, whatever case or part of speech the tagger reads in it
        ("Встреча с М.А.Алиевой состоялась в Баку.", "Mehriban Aliyeva", "AZE"),
        ("Письмо вручено Мехрибан Алиевой утром.", "Mehriban Aliyeva", "AZE"),
        ("Р.И.Отунбаева выступила на форуме.", "Roza Otunbayeva", "KGZ"),
    ],
)
def test_russian_people_resolve_to_the_english_canonical_person(
    pipelines: Pipelines, text: str, name: str, code: str
) -> None:
    people = [m for m in _analysed(pipelines, text).mentions if m.kind == "person"]
    assert (name, (code,)) in {(m.name, m.codes) for m in people}


def test_romanise_writes_russian_names_as_english_reports_do() -> None:
    assert romanise("щукин") == "shchukin"
    assert romanise("евгений") == "yevgeniy"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # people the knowledge base knows by their English name only
        ("Президент Турции Р.Т.Эрдоган провел переговоры.", "Recep Tayyip Erdoğan"),
        ("Переговоры с Реджепом Тайипом Эрдоганом прошли в Анкаре.", "Recep Tayyip Erdoğan"),
        # people it does not know: in the nominative, romanised, a woman's surname feminine
        ("Письмо передано Олегу Крутикову.", "Oleg Krutikov"),
        ("Решение прокомментировала советник Анна Белова.", "Anna Belova"),
    ],
)
def test_names_without_a_russian_form_are_romanised(
    pipelines: Pipelines, text: str, name: str
) -> None:
    people = [m for m in _analysed(pipelines, text).mentions if m.kind == "person"]
    assert name in {m.name for m in people}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Делегация Узбекистана прибыла вчера.", "UZB"),
        ("Граница с Республикой Казахстан открыта.", "KAZ"),
        ("В Российской Федерации прошли выборы.", "RUS"),
        ("Позиция узбекской стороны не изменилась.", "UZB"),
    ],
)
def test_russian_states_resolve_from_any_case(pipelines: Pipelines, text: str, code: str) -> None:
    states = [m for m in _analysed(pipelines, text).mentions if m.kind == "state"]
    assert code in {c for m in states for c in m.codes}


def test_russian_acronyms_and_cities(pipelines: Pipelines) -> None:
    mentions = _analysed(pipelines, "Вопрос обсуждался в ОДКБ и в ООН, а затем в Бишкеке.").mentions
    assert {"IGO:CSTO", "IGO:UN"} <= {c for m in mentions for c in m.codes}
    [event] = _analysis_events(
        pipelines, "Министр иностранных дел Казахстана прибыл в Бишкек с визитом."
    )
    assert event.place == "Bishkek" and event.recipient == ("KGZ",)


# -- events by PLOVER type -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event", "mode", "actor", "recipient"),
    [
        # CONSULT: visits, talks (on one side's soil: a visit to it), calls
        (
            "Министр иностранных дел Казахстана М.Нуртлеу посетил Ташкент с официальным визитом.",
            "CONSULT",
            "visit",
            ("KAZ",),
            ("UZB",),
        ),
        (
            "Президент Казахстана Касым-Жомарт Токаев прибыл в Бишкек с государственным визитом.",
            "CONSULT",
            "visit",
            ("KAZ",),
            ("KGZ",),
        ),
        (
            "Глава МИД Киргизии Жээнбек Кулубаев встретился в Ташкенте с Бахтиёром Саидовым.",
            "CONSULT",
            "visit",
            ("KGZ",),
            ("UZB",),
        ),
        (
            "В Астане состоялись переговоры Б.Саидова с Муратом Нуртлеу.",
            "CONSULT",
            "visit",
            ("UZB",),
            ("KAZ",),
        ),
        (
            "Б.Саидов провел телефонный разговор с министром иностранных дел Казахстана.",
            "CONSULT",
            "call",
            ("UZB",),
            ("KAZ",),
        ),
        (
            "Во вторник состоялся телефонный разговор Президента Узбекистана "
            "Шавката Мирзиёева с Касым-Жомартом Токаевым.",
            "CONSULT",
            "call",
            ("UZB",),
            ("KAZ",),
        ),
        # SUPPORT: signing and ratifying
        (
            "Министры иностранных дел Казахстана и Узбекистана подписали Соглашение "
            "о демаркации государственной границы.",
            "SUPPORT",
            None,
            ("KAZ", "UZB"),
            (),
        ),
        (
            "Ж.Кулубаев и Б.Саидов подписали Меморандум о сотрудничестве в области туризма.",
            "SUPPORT",
            None,
            ("KGZ", "UZB"),
            (),
        ),
        (
            "Киргизия ратифицировала Договор о союзнических отношениях с Узбекистаном.",
            "SUPPORT",
            None,
            ("KGZ",),
            ("UZB",),
        ),
        # AGREE
        (
            "Министры Казахстана и Узбекистана договорились провести следующую встречу "
            "в Самарканде.",
            "AGREE",
            None,
            ("KAZ", "UZB"),
            (),
        ),
        ("Сербия и Венгрия условились продолжить консультации.", "AGREE", None, ("SRB", "HUN"), ()),
        # ACCUSE
        (
            "Сербия обвинила Венгрию во вмешательстве во внутренние дела.",
            "ACCUSE",
            "allege",
            ("SRB",),
            ("HUN",),
        ),
        (
            "МИД Казахстана осудил действия Киргизии на границе.",
            "ACCUSE",
            "disapprove",
            ("KAZ",),
            ("KGZ",),
        ),
        # SANCTION: expulsions, recalls, sanctions
        (
            "Власти Сербии выслали двух дипломатов Хорватии.",
            "SANCTION",
            "expel",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Хорватия объявила персоной нон грата сотрудника посольства Сербии.",
            "SANCTION",
            "expel",
            ("HRV",),
            ("SRB",),
        ),
        ("Сербия отозвала своего посла из Хорватии.", "SANCTION", "withdraw", ("SRB",), ("HRV",)),
        (
            "Венгрия отозвала посла из Румынии для консультаций.",
            "SANCTION",
            "withdraw",
            ("HUN",),
            ("ROU",),
        ),
        ("Евросоюз ввел санкции против Сербии.", "SANCTION", None, ("IGO:EU",), ("SRB",)),
        ("Канада ввела новые санкции против Ирана.", "SANCTION", None, ("CAN",), ("IRN",)),
        # PROTEST: an envoy summoned, a protest lodged
        ("В МИД Хорватии был вызван посол Сербии.", "PROTEST", None, ("HRV",), ("SRB",)),
        ("Румыния выразила протест Венгрии.", "PROTEST", None, ("ROU",), ("HUN",)),
        # REQUEST
        ("Казахстан призвал Киргизию к сдержанности.", "REQUEST", None, ("KAZ",), ("KGZ",)),
        ("Узбекистан потребовал от Киргизии разъяснений.", "REQUEST", None, ("UZB",), ("KGZ",)),
        # REJECT
        ("Казахстан отверг обвинения Киргизии.", "REJECT", None, ("KAZ",), ("KGZ",)),
        ("Сербия отклонила требования Хорватии.", "REJECT", None, ("SRB",), ("HRV",)),
    ],
)
def test_russian_event_patterns(
    pipelines: Pipelines,
    text: str,
    event: str,
    mode: str | None,
    actor: tuple[str, ...],
    recipient: tuple[str, ...],
) -> None:
    events = _analysis_events(pipelines, text)
    coded = [(e.event, e.mode, set(e.actor), set(e.recipient)) for e in events]
    assert (event, mode, set(actor), set(recipient)) in coded


def test_what_is_agreed_or_rejected_is_not_an_event_of_its_own(pipelines: Pipelines) -> None:
    agreed = _analysis_events(
        pipelines,
        "Министры Казахстана и Узбекистана договорились провести следующую встречу в Самарканде.",
    )
    assert [e.event for e in agreed] == ["AGREE"]
    rejected = _analysis_events(pipelines, "Казахстан отверг обвинения Киргизии.")
    assert [e.event for e in rejected] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Следующее заседание комиссии решено провести осенью в Ташкенте.",
        "Министры Сербии и Венгрии решили провести новую встречу в Белграде.",
    ],
)
def test_a_meeting_decided_is_a_promise_not_a_meeting(pipelines: Pipelines, text: str) -> None:
    assert [e.event for e in _analysis_events(pipelines, text)] == ["AGREE"]


def test_an_act_decided_is_the_act(pipelines: Pipelines) -> None:
    events = _analysis_events(pipelines, "Власти Хорватии решили сократить штат посольства Сербии.")
    assert ("SANCTION", "expel") in {(e.event, e.mode) for e in events}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("3 марта 2022 г. министр объявил, что Сербия выслала двух дипломатов Хорватии.", 3),
        ("Представитель МИД 5 марта 2022 года заявил, что Хорватия отозвала посла из Сербии.", 5),
    ],
)
def test_a_governing_verb_dates_what_it_reports(pipelines: Pipelines, text: str, day: int) -> None:
    [event] = [e for e in _analysis_events(pipelines, text) if e.event == "SANCTION"]
    assert event.when is not None and event.when.start == date(2022, 3, day)


@pytest.mark.parametrize(
    "text",
    [
        "12 октября 2021 года Венгрия ввела санкции против Сербии.",
        "Хорватия 12 октября 2021 года выслала дипломата Сербии.",
    ],
)
def test_an_undated_report_takes_the_dates_its_sentences_state(
    pipelines: Pipelines, text: str
) -> None:
    [(_same, analysis)] = list(pipelines.russian().analyse([_article(text, published=None)]))
    [event] = analysis.events
    assert event.when is not None and event.when.start == date(2021, 10, 12)


def test_an_undated_sentence_of_an_undated_report_has_no_date(pipelines: Pipelines) -> None:
    article = _article("Венгрия ввела санкции против Сербии.", published=None)
    [(_same, analysis)] = list(pipelines.russian().analyse([article]))
    assert [e.when for e in analysis.events] == [None]


@pytest.mark.parametrize(
    "text",
    ["Решение было принято в среду.", "Документ был принят парламентом единогласно."],
)
def test_a_thing_received_is_no_meeting(pipelines: Pipelines, text: str) -> None:
    assert not [e for e in _analysis_events(pipelines, text) if e.event == "CONSULT"]


def test_future_cooperation_is_a_promise(pipelines: Pipelines) -> None:
    events = _analysis_events(
        pipelines, "Министр иностранных дел Казахстана посетит Ташкент с визитом."
    )
    assert [e.event for e in events] == ["AGREE"]


# -- agreements ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        (
            "Министры подписали Соглашение о демаркации государственной границы между "
            "Казахстаном и Узбекистаном.",
            "Соглашение о демаркации государственной границы между Казахстаном и Узбекистаном",
            "signed",
        ),
        (
            "Стороны подписали Меморандум о сотрудничестве в области туризма.",
            "Меморандум о сотрудничестве в области туризма",
            "signed",
        ),
        (
            "Киргизия ратифицировала Договор о союзнических отношениях с Узбекистаном.",
            "Договор о союзнических отношениях с Узбекистаном",
            "ratified",
        ),
        (
            "Парламент Казахстана ратифицировал Соглашение о транзите газа.",
            "Соглашение о транзите газа",
            "ratified",
        ),
        (
            "В марте текущего года вступило в силу Соглашение между Казахстаном и "
            "Узбекистаном о взаимных поездках граждан.",
            "Соглашение между Казахстаном и Узбекистаном о взаимных поездках граждан",
            "entered_into_force",
        ),
        (
            "Вчера вступил в силу Договор о дружбе между Сербией и Венгрией.",
            "Договор о дружбе между Сербией и Венгрией",
            "entered_into_force",
        ),
        (
            "Министры подписали Программу сотрудничества между министерствами "
            "иностранных дел на 2025–2026 годы.",
            "Программу сотрудничества между министерствами иностранных дел на 2025–2026 годы",
            "signed",
        ),
        (
            "Стороны обсудили ход выполнения Программы экономического сотрудничества "
            "Сербии и Венгрии.",
            "Программы экономического сотрудничества Сербии и Венгрии",
            "implemented",
        ),
        (
            "Министры приняли Совместное заявление о стратегическом партнерстве.",
            "Совместное заявление о стратегическом партнерстве",
            "adopted",
        ),
        (
            "Президенты подписали совместное заявление по итогам переговоров.",
            "совместное заявление по итогам переговоров",
            "signed",
        ),
    ],
)
def test_russian_agreement_patterns(
    pipelines: Pipelines, text: str, title: str, action: str
) -> None:
    found = {(i.title, i.action) for i in _analysed(pipelines, text).instruments}
    assert (title, action) in found


def test_a_dated_signing_keeps_its_own_date(pipelines: Pipelines) -> None:
    [item] = _analysed(
        pipelines, "Соглашение о транзите газа было подписано в Ташкенте 3 февраля 2021 г."
    ).instruments
    assert item.action == "signed" and item.when is not None
    assert item.when.start == date(2021, 2, 3)


# -- quotations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "«Наши страны будут и дальше укреплять сотрудничество», — заявил М.Нуртлеу.",
            "Murat Nurtleu",
            "Наши страны будут и дальше укреплять сотрудничество",
        ),
        (
            "«Узбекистан открыт для инвестиций из всех стран», — сказал Президент "
            "Узбекистана Шавкат Мирзиёев.",
            "Shavkat Mirziyoyev",
            "Узбекистан открыт для инвестиций из всех стран",
        ),
        (
            "Б.Саидов подчеркнул: «Мы готовы к диалогу по всем вопросам повестки».",
            "Bakhtiyor Saidov",
            "Мы готовы к диалогу по всем вопросам повестки",
        ),
        (
            "Касым-Жомарт Токаев заявил: «Регион нуждается в общей системе водопользования».",
            "Kassym-Jomart Tokayev",
            "Регион нуждается в общей системе водопользования",
        ),
        (
            "По словам Ж.Кулубаева, «переговоры прошли в конструктивной и дружественной "
            "атмосфере».",
            "Jeenbek Kulubaev",
            "переговоры прошли в конструктивной и дружественной атмосфере",
        ),
        (
            "По оценке Б.Саидова, «соседи упускают важные возможности для торговли».",
            "Bakhtiyor Saidov",
            "соседи упускают важные возможности для торговли",
        ),
        (
            "По оценке Мурата Нуртлеу, «граница будет открыта уже на следующей неделе».",
            "Murat Nurtleu",
            "граница будет открыта уже на следующей неделе",
        ),
        (
            "По словам Мурата Нуртлеу, «решение о границе будет принято до конца года».",
            "Murat Nurtleu",
            "решение о границе будет принято до конца года",
        ),
    ],
)
def test_russian_quotation_layouts(
    pipelines: Pipelines, text: str, speaker: str, quote: str
) -> None:
    statements = _analysed(pipelines, text).statements
    assert (speaker, quote) in {(s.speaker, s.quote) for s in statements}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Об этом говорится в комментарии главы МИД Узбекистана Бахтиёра Саидова. "
            "«Подобные шаги не помогут развитию торговли между нашими странами», – заявил он.",
            "Bakhtiyor Saidov",
        ),
        (
            "Такое мнение высказано в интервью Мурата Нуртлеу. «Решение о закрытии границы "
            "ударит прежде всего по простым гражданам», – подчеркнул министр.",
            "Murat Nurtleu",
        ),
    ],
)
def test_a_pronoun_or_office_stands_for_the_speaker_named_in_any_case(
    pipelines: Pipelines, text: str, speaker: str
) -> None:
    assert [s.speaker for s in _analysed(pipelines, text).statements] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "МИД Казахстана распространил сообщение, в котором упомянут Б.Саидов. "
            "«Стороны продолжат работу над соглашением», – говорится в сообщении.",
            "Ministry of Foreign Affairs of Kazakhstan",
        ),
        (
            "На сайте МИД Киргизии появилось заявление о визите Б.Саидова. "
            "«Визит откроет новую страницу в отношениях двух стран», – говорится в документе.",
            "Ministry of Foreign Affairs of Kyrgyzstan",
        ),
    ],
)
def test_a_statement_speaks_for_the_body_that_issued_it(
    pipelines: Pipelines, text: str, speaker: str
) -> None:
    assert [s.speaker for s in _analysed(pipelines, text).statements] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Сербия отозвала посла из Хорватии. Кроме того, Сербия выслала двух дипломатов Хорватии.",
        "Венгрия выслала консула Румынии. В тот же день Венгрия отозвала посла из Румынии.",
    ],
)
def test_acts_of_one_type_and_day_but_different_modes_stay_apart(
    pipelines: Pipelines, text: str
) -> None:
    modes = sorted(e.mode or "" for e in _analysis_events(pipelines, text) if e.event == "SANCTION")
    assert modes == ["expel", "withdraw"]


def test_a_visit_and_its_talks_are_one_event(pipelines: Pipelines) -> None:
    text = (
        "Министр иностранных дел Казахстана М.Нуртлеу прибыл в Ташкент с визитом. "
        "В Ташкенте прошли его переговоры с Б.Саидовым."
    )
    consults = [e for e in _analysis_events(pipelines, text) if e.event == "CONSULT"]
    assert len(consults) == 1 and len(consults[0].evidence) == 2


def test_his_talks_are_those_of_the_person_named_before(pipelines: Pipelines) -> None:
    text = "Б.Саидов прибыл в Бишкек в среду. Там состоялась его встреча с Ж.Кулубаевым."
    consults = [e for e in _analysis_events(pipelines, text) if e.event == "CONSULT"]
    assert {(frozenset(e.actor) | frozenset(e.recipient)) for e in consults} == {
        frozenset({"UZB", "KGZ"})
    }


@pytest.mark.parametrize(
    "text",
    [
        "Министры Сербии и Венгрии встретились в Белграде. Следующую встречу "
        "условились провести в Будапеште в декабре.",
        "Переговоры Казахстана и Узбекистана прошли в Астане. Очередной раунд "
        "решено провести в Ташкенте в 2025 году.",
    ],
)
def test_an_agreement_without_a_named_doer_is_the_sides_and_dated_when_made(
    pipelines: Pipelines, text: str
) -> None:
    [agree] = [e for e in _analysis_events(pipelines, text) if e.event == "AGREE"]
    assert len(agree.actor) == 2
    assert agree.when is not None and agree.when.start == PUBLISHED


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Б.Саидов провел телефонный разговор с Ж.Кулубаевым, в ходе которого "
            "стороны обсудили итоги саммита лидеров Китая и Казахстана.",
            {"UZB", "KGZ"},
        ),
        (
            "Сербия выслала дипломата Хорватии, который ранее работал в Венгрии.",
            {"SRB", "HRV"},
        ),
    ],
)
def test_a_clause_after_a_comma_names_no_participant(
    pipelines: Pipelines, text: str, codes: set[str]
) -> None:
    [event] = [e for e in _analysis_events(pipelines, text) if e.event in {"CONSULT", "SANCTION"}]
    assert set(event.actor) | set(event.recipient) == codes


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Министры обсудили итоги встречи лидеров Сербии и Венгрии, состоявшейся 2 мая.", 2),
        ("Министры оценили итоги визита Президента Узбекистана в Казахстан, прошедшего 7 мая.", 7),
    ],
)
def test_a_participle_dates_the_event_it_describes(
    pipelines: Pipelines, text: str, day: int
) -> None:
    dated = [e.when for e in _analysis_events(pipelines, text) if e.event == "CONSULT"]
    assert [w.start for w in dated if w is not None] == [date(2024, 5, day)]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (
            "Вчера вступил в силу Договор о дружбе между Сербией и Венгрией. "
            "Договор был подписан в Белграде 3 марта 2021 г.",
            "signed",
        ),
        (
            "Стороны обсудили Соглашение о транзите газа между Казахстаном и Узбекистаном. "
            "Узбекистан ратифицировал документ в 2022 году.",
            "ratified",
        ),
    ],
)
def test_a_bare_noun_stands_for_the_instrument_named_before(
    pipelines: Pipelines, text: str, action: str
) -> None:
    items = _analysed(pipelines, text).instruments
    first = items[0].title
    assert any(i.title == first and i.action == action for i in items[1:])


@pytest.mark.parametrize(
    ("text", "title", "action"),
    [
        (
            "Министры отметили значение 12 союзных программ, утвержденных в апреле.",
            "союзных программ",
            "adopted",
        ),
        (
            "Решение принято на основании статьи 9 Конвенции о дипломатических сношениях.",
            "Конвенции о дипломатических сношениях",
            "referenced",
        ),
    ],
)
def test_an_instruments_action_is_the_word_that_governs_it(
    pipelines: Pipelines, text: str, title: str, action: str
) -> None:
    found = {(i.title, i.action) for i in _analysed(pipelines, text).instruments}
    assert (title, action) in found


@pytest.mark.parametrize(
    "text",
    ["Вопрос обсуждался с партнерами из АСЕАН.", "Делегация АСЕАН прибыла в Астану."],
)
def test_an_acronym_known_in_latin_letters_resolves(pipelines: Pipelines, text: str) -> None:
    codes = {c for m in _analysed(pipelines, text).mentions for c in m.codes}
    assert "IGO:ASEAN" in codes


@pytest.mark.parametrize(
    ("text", "actor", "recipient", "day"),
    [
        ("Канада расширила санкции против Ирана, введенные 3 мая.", "CAN", "IRN", 3),
        ("Обсуждались санкции против Сербии, введенные Евросоюзом 6 мая.", "IGO:EU", "SRB", 6),
    ],
)
def test_sanctions_a_participle_describes_are_an_event(
    pipelines: Pipelines, text: str, actor: str, recipient: str, day: int
) -> None:
    [event] = [e for e in _analysis_events(pipelines, text) if e.event == "SANCTION"]
    assert (event.actor, event.recipient) == ((actor,), (recipient,))
    assert event.when is not None and event.when.start == date(2024, 5, day)


def test_talks_away_from_both_capitals_stay_a_meeting(pipelines: Pipelines) -> None:
    text = "Глава МИД Киргизии Жээнбек Кулубаев встретился в Женеве с Бахтиёром Саидовым."
    [event] = _analysis_events(pipelines, text)
    assert (event.mode, set(event.actor) | set(event.recipient)) == ("meet", {"KGZ", "UZB"})


@pytest.mark.parametrize(
    "text",
    [
        "12 октября 2021 года министр Сербии заявил о новых мерах. "
        "По его словам, Хорватия выслала двух дипломатов Сербии.",
        "12 октября 2021 года Венгрия ввела санкции против Сербии. "
        "В ответ Сербия отозвала посла из Венгрии.",
    ],
)
def test_an_undated_reports_sentence_goes_on_from_the_day_named_before(
    pipelines: Pipelines, text: str
) -> None:
    [(_same, analysis)] = list(pipelines.russian().analyse([_article(text, published=None)]))
    assert {e.when.start for e in analysis.events if e.when} == {date(2021, 10, 12)}
    assert all(e.when for e in analysis.events)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Посол Киргизии был вызван в МИД Казахстана. Киргизской стороне указано на "
            "недопустимость действий киргизских пограничников. Ранее Киргизия закрыла переход.",
            "KAZ",
            "KGZ",
        ),
        (
            "Временный поверенный в делах Венгрии был вызван в МИД Сербии. Ему заявлено, что "
            "позиция Венгрии и венгерских политиков неприемлема.",
            "SRB",
            "HUN",
        ),
    ],
)
def test_a_summons_without_a_doer_is_by_the_side_named_most_but_its_target(
    pipelines: Pipelines, text: str, actor: str, recipient: str
) -> None:
    protests = [e for e in _analysis_events(pipelines, text) if e.event == "PROTEST"]
    assert [(e.actor, e.recipient) for e in protests] == [((actor,), (recipient,))]
