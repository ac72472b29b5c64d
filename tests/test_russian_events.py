"""Russian events and quotations (issue 13): judgements, threats, doers without a subject, dates.

Every sentence here is written for these tests, about Balkan, Central European and Central Asian
states and their ministers; none comes from a news text.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.model import Analysis, Article, Event

from .conftest import Pipelines

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 5, 16)  # a Thursday


def _analysed(pipelines: Pipelines, text: str) -> Analysis:
    article = Article(
        id="r1",
        doc="note-ru.txt",
        text=text,
        title=None,
        published=PUBLISHED,
        language="ru",
        publisher=None,
    )
    [(_same, analysis)] = list(pipelines.russian().analyse([article]))
    return analysis


def _coded(pipelines: Pipelines, text: str) -> set[tuple[str, str | None, tuple, tuple]]:
    return {
        (e.event, e.mode, tuple(sorted(e.actor)), tuple(sorted(e.recipient)))
        for e in _analysed(pipelines, text).events
    }


def _of(pipelines: Pipelines, text: str, event: str) -> list[Event]:
    return [e for e in _analysed(pipelines, text).events if e.event == event]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # the speaker promises the response; what it answers is the subject's
        (
            "«Такие шаги Белграда не останутся без ответа», – подчеркнул глава МИД Хорватии.",
            ("HRV",),
            ("SRB",),
        ),
        # "со стороны X": X responds
        (
            "Эти решения Литвы не останутся без ответных мер со стороны Венгрии.",
            ("HUN",),
            ("LTU",),
        ),
    ],
)
def test_a_response_promised_is_a_threat_not_a_negated_act(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    [threat] = _of(pipelines, text, "THREATEN")
    assert (threat.actor, threat.recipient, threat.negated) == (actor, recipient, False)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Министр иностранных дел Румынии назвал решение властей Венгрии «серьезной ошибкой».",
            ("ROU",),
            ("HUN",),
        ),
        ("Казахстан расценил действия Киргизии как недружественный шаг.", ("KAZ",), ("KGZ",)),
    ],
)
def test_calling_an_act_a_mistake_is_disapproval(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("ACCUSE", "disapprove", actor, recipient) in _coded(pipelines, text)


def test_a_neutral_description_is_no_disapproval(pipelines: Pipelines) -> None:
    text = "Министр иностранных дел Румынии назвал визит министра Венгрии важным шагом."
    assert not _of(pipelines, text, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # "последняя": the organisation named last before it; the speaker judges
        (
            "«Мы сотрудничаем в СНГ и ШОС, но последняя давно деградировала», – сказал "
            "министр иностранных дел Казахстана.",
            ("KAZ",),
            ("IGO:SCO",),
        ),
        (
            "Министр иностранных дел Сербии заявил, что Совет Европы полностью деградировал.",
            ("SRB",),
            ("IGO:COE",),
        ),
    ],
)
def test_an_organisation_said_to_have_degraded_is_judged_by_the_speaker(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("ACCUSE", "disapprove", actor, recipient) in _coded(pipelines, text)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # another state is named more: the ministry one is summoned to summons
        (
            "Словакия и Братислава ранее поддержали Венгрию. Накануне временный поверенный в "
            "делах Венгрии был вызван в МИД Румынии для разъяснений.",
            ("ROU",),
            ("HUN",),
        ),
        # the envoy is Serbia's, though posted in Croatia
        (
            "Словакия и Братислава поддержали Сербию. Посол Сербии в Хорватии был вызван в "
            "хорватский МИД.",
            ("HRV",),
            ("SRB",),
        ),
    ],
)
def test_a_summons_is_by_the_ministry_the_envoy_is_called_to(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("PROTEST", None, actor, recipient) in _coded(pipelines, text)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Консул Хорватии посетил митинг в Хорватии и в Загребе. Власти Сербии осудили его "
            "поведение и предложили консулу покинуть страну.",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Дипломаты Румынии дважды выступили на митинге в Бухаресте и Констанце. "
            "Правительство Венгрии рассмотрело этот случай и предложило дипломату выехать из "
            "страны.",
            ("HUN",),
            ("ROU",),
        ),
    ],
)
def test_a_second_verb_shares_the_first_ones_subject(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("SANCTION", "expel", actor, recipient) in _coded(pipelines, text)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Хорватскому посольству направлено письмо, в котором двум его сотрудникам предложено "
            "покинуть страну. Об этом сообщили в Белграде, добавив, что Хорватия и Загреб пока "
            "не ответили.",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Венгерскому посольству направлена нота, в которой его атташе предложено выехать из "
            "Румынии до конца недели.",
            ("ROU",),
            ("HUN",),
        ),
    ],
)
def test_an_act_stated_in_a_note_is_aimed_at_whom_the_note_was_handed(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("SANCTION", "expel", actor, recipient) in _coded(pipelines, text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "the next day" would count from the 3rd, named last; the Thursday is the 16th
        (
            "В среду, 15 мая, Сербия выслала консула Хорватии, который 3 мая участвовал в "
            "митинге. На следующий день, в четверг, Хорватия выслала сотрудника сербского "
            "посольства.",
            date(2024, 5, 16),
        ),
        (
            "Венгрия 8 мая приостановила консультации с Румынией после инцидента 30 апреля. "
            "На следующий день, в понедельник, Румыния выслала двух дипломатов Венгрии.",
            date(2024, 5, 13),
        ),
    ],
)
def test_a_weekday_dates_an_act_before_a_day_counted_from_another(
    pipelines: Pipelines, text: str, day: date
) -> None:
    last = _of(pipelines, text, "SANCTION")[-1]
    assert last.when is not None and (last.when.start, last.when.end) == (day, day)


# -- quotations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        # two words quoted in reported speech are the speaker's
        (
            "Б.Саидов заявил, что Ташкент в ближайшие дни представит «план действий».",
            "Bakhtiyor Saidov",
            "план действий",
        ),
        (
            "Мурат Нуртлеу сообщил, что стороны уже нашли «общий язык».",
            "Murat Nurtleu",
            "общий язык",
        ),
        # "по его оценке": the person named before
        (
            "Мурат Нуртлеу провел переговоры в Бишкеке. По его оценке, соседи «упускают время» "
            "в вопросах воды.",
            "Murat Nurtleu",
            "упускают время",
        ),
        (
            "Об этом рассказал Б.Саидов. По его словам, партнеры «тянут с ответом» уже месяц.",
            "Bakhtiyor Saidov",
            "тянут с ответом",
        ),
    ],
)
def test_words_quoted_inside_a_sentence_are_the_speakers(
    pipelines: Pipelines, text: str, speaker: str, quote: str
) -> None:
    statements = _analysed(pipelines, text).statements
    assert [(s.speaker, s.quote) for s in statements] == [(speaker, quote)]


@pytest.mark.parametrize(
    "text",
    [
        "Мурат Нуртлеу заявил, что Казахстан примет участие в так называемом «форуме трех столиц».",
        "Б.Саидов сообщил, что Узбекистан присоединится к «зеленому коридору».",
        "Мурат Нуртлеу заявил, что Казахстан поддерживает «Шелковый путь».",
    ],
)
def test_a_quoted_name_is_not_speech(pipelines: Pipelines, text: str) -> None:
    assert not _analysed(pipelines, text).statements


@pytest.mark.parametrize(
    ("text", "call", "leaders"),
    [
        (
            "Глава МИД Казахстана в среду провел телефонный разговор с коллегой из Узбекистана, "
            "во время которого министры оценили итоги прошедшей на прошлой неделе встречи "
            "президентов Турции, Грузии и Азербайджана.",
            {"KAZ", "UZB"},
            {"TUR", "GEO", "AZE"},
        ),
        (
            "Глава МИД Сербии провел в понедельник переговоры с коллегой из Венгрии, на которых "
            "обсуждались итоги прошедшей на прошлой неделе встречи президентов Румынии и Болгарии.",
            {"SRB", "HUN"},
            {"ROU", "BGR"},
        ),
    ],
)
def test_a_meeting_of_leaders_named_in_a_talk_is_a_meeting_of_its_own(
    pipelines: Pipelines, text: str, call: set[str], leaders: set[str]
) -> None:
    """The leaders are the meeting's sides, dated by its own participle, not the talk's."""
    sides = {frozenset({*e.actor, *e.recipient}): e.when for e in _of(pipelines, text, "CONSULT")}
    assert set(sides) == {frozenset(call), frozenset(leaders)}
    last_week = sides[frozenset(leaders)]
    assert last_week is not None
    assert (last_week.start, last_week.end) == (date(2024, 5, 6), date(2024, 5, 12))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Белград расценивает заявление властей Хорватии о закрытии границы как очередной "
            "недружественный шаг.",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Власти Болгарии расценили намерение Румынии ввести пошлины на зерно как явно "
            "недружественный поступок.",
            ("BGR",),
            ("ROU",),
        ),
    ],
)
def test_a_judgement_deep_in_the_complement_is_disapproval(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("ACCUSE", "disapprove", actor, recipient) in _coded(pipelines, text)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Министр иностранных дел Сербии заявил, что Хорватия прибегает к голословным "
            "обвинениям в адрес Белграда.",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Министры Румынии и Болгарии отметили, что Венгрия выдвигает необоснованные "
            "обвинения против Румынии.",
            ("BGR", "ROU"),
            ("HUN",),
        ),
    ],
)
def test_accusations_called_groundless_are_the_speakers_disapproval_of_the_accusers(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    coded = _coded(pipelines, text)
    assert ("ACCUSE", "disapprove", actor, recipient) in coded
    assert not any(kind == "ACCUSE" and mode == "allege" for kind, mode, _a, _r in coded)


def test_an_accusation_reported_plainly_stays_the_accusers(pipelines: Pipelines) -> None:
    coded = _coded(pipelines, "Хорватия выдвинула обвинения против Сербии.")
    assert ("ACCUSE", "allege", ("HRV",), ("SRB",)) in coded


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "Министры обсудили итоги апрельского визита президента Казахстана в Узбекистан.",
            date(2024, 4, 1),
            date(2024, 4, 30),
        ),
        (
            "Стороны высоко оценили результаты мартовских переговоров министров Сербии и Венгрии.",
            date(2024, 3, 1),
            date(2024, 3, 31),
        ),
    ],
)
def test_a_month_named_as_an_adjective_dates_the_happening(
    pipelines: Pipelines, text: str, first: date, last: date
) -> None:
    [talks] = _of(pipelines, text, "CONSULT")
    assert talks.when is not None and (talks.when.start, talks.when.end) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "Премьер-министр Сербии изложил президенту Венгрии итоги переговоров 8 мая.",
        "Глава МИД Хорватии рассказал послу Словении об итогах встречи, состоявшейся накануне.",
    ],
)
def test_talks_whose_results_are_told_without_their_sides_are_no_event(
    pipelines: Pipelines, text: str
) -> None:
    """The talks are named, not told: the one briefing another is no party to them."""
    assert not _of(pipelines, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "Министр иностранных дел Казахстана прибыл в Ташкент с визитом. В тот же день он был "
        "принят Президентом Узбекистана Ш.Мирзиёевым.",
        "Глава МИД Сербии находился в Будапеште с официальным визитом. Министр был принят "
        "премьер-министром Венгрии Виктором Орбаном.",
    ],
)
def test_a_reception_by_the_hosts_leader_is_a_meeting_apart_from_the_visit(
    pipelines: Pipelines, text: str
) -> None:
    modes = sorted(e.mode or "" for e in _of(pipelines, text, "CONSULT"))
    assert modes == ["meet", "visit"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # the speaker from an attribution phrase; the hostile side from "со стороны"
        (
            "По словам министра иностранных дел Сербии, Белград давно сталкивается с враждебной "
            "деятельностью со стороны Хорватии.",
            ("SRB",),
            ("HRV",),
        ),
        (
            "Мурат Нуртлеу провел переговоры в Бишкеке. По его словам, против Казахстана "
            "ведется шпионская деятельность со стороны Киргизии.",
            ("KAZ",),
            ("KGZ",),
        ),
        (
            "Глава МИД Литвы заявил, что страна столкнулась с подрывной деятельностью со стороны "
            "Белоруссии.",
            ("LTU",),
            ("BLR",),
        ),
    ],
)
def test_hostile_activity_by_another_side_is_the_speakers_allegation(
    pipelines: Pipelines, text: str, actor: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    assert ("ACCUSE", "allege", actor, recipient) in _coded(pipelines, text)
