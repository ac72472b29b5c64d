"""Russian actors (issue 13): names in any case, offices from the text's titles, Russian forms.

Every sentence here is written for these tests, about Central Asian, Caucasian, Ukrainian and
other officials; none comes from a news text. Each text starts with a headline line, as an
article does: names and titles are read in the body.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.model import Article, Mention, Role

from .conftest import Pipelines

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 5, 16)
_CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _mentions(pipelines: Pipelines, body: str) -> list[Mention]:
    article = Article(
        id="r1",
        doc="note-ru.txt",
        text=f"Новости\n{body}",
        title=None,
        published=PUBLISHED,
        language="ru",
        publisher=None,
    )
    [(_same, analysis)] = list(pipelines.russian().analyse([article]))
    return analysis.mentions


def _people(pipelines: Pipelines, body: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    return {
        m.name or "": (m.codes, m.office) for m in _mentions(pipelines, body) if m.kind == "person"
    }


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # genitives whose likeliest reading is a place or a common word, not the surname
        ("Приказ С.В.Суровикина был зачитан перед строем.", "Sergei Surovikin"),
        ("Визит О.Шольца в Астану отложен до осени.", "Olaf Scholz"),
        ("Поездка Д.В.Мантурова в Ташкент завершилась вчера.", "Denis Manturov"),
    ],
)
def test_a_known_surname_is_read_in_any_case(pipelines: Pipelines, text: str, name: str) -> None:
    assert name in _people(pipelines, text)


@pytest.mark.parametrize(
    ("text", "known", "surname"),
    [
        ("На форуме выступил советник Пётр Шойгу.", "Sergei Shoigu", "Shoygu"),
        ("С лекцией в университете выступил Андрей Климкин.", "Pavlo Klimkin", "Klimkin"),
    ],
)
def test_another_first_name_makes_another_person(
    pipelines: Pipelines, text: str, known: str, surname: str
) -> None:
    """A known surname after a different first name is someone else, named in Latin letters."""
    people = _people(pipelines, text)
    assert known not in people
    assert any(name.endswith(surname) for name in people)
    assert not any(_CYRILLIC & set(name.lower()) for name in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("На встречу приехал советник Руслан Бекмуханов.", "Ruslan Bekmukhanov"),
        ("Обращение зачитал депутат Марат Серикбаев.", "Marat Serikbaev"),
    ],
)
def test_an_unknown_surname_in_the_nominative_is_romanised_as_written(
    pipelines: Pipelines, text: str, name: str
) -> None:
    """ "Бекмуханов" is a surname, not the plural genitive of a first name "Бекмухан"."""
    assert name in _people(pipelines, text)


@pytest.mark.parametrize(
    ("text", "known", "name"),
    [
        ("Письмо подписал Махмуд Каримов, глава делегации.", "Islam Karimov", "Makhmud Karimov"),
        ("На встрече выступил Марат Назарбаев.", "Nursultan Nazarbayev", "Marat Nazarbaev"),
    ],
)
def test_an_unknown_first_name_with_a_known_surname_is_another_person(
    pipelines: Pipelines, text: str, known: str, name: str
) -> None:
    """Another initial is another person, also an initial the lookup reads as "Monsieur"."""
    people = _people(pipelines, text)
    assert known not in people and name in people


@pytest.mark.parametrize(
    ("text", "known", "name"),
    [
        ("На брифинге выступил Саид Рахимов из Душанбе.", "Kais Saied", "Said Rakhimov"),
        ("Письмо подписал Ахмед Каримов, глава делегации.", "Abiy Ahmed", "Akhmed Karimov"),
    ],
)
def test_a_known_surname_as_a_first_name_is_another_person(
    pipelines: Pipelines, text: str, known: str, name: str
) -> None:
    """A name joined over a known surname ("Саид" + "Рахимов") is not the known person."""
    people = _people(pipelines, text)
    assert known not in people and name in people


# -- offices from the text's titles ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "Официальный представитель МИД Казахстана Айдар Жумабаев ответил на вопросы.",
            "Aydar Zhumabaev",
            "KAZ",
            "Spokesperson of the Ministry of Foreign Affairs",
        ),
        (
            "Пресс-секретарь президента Узбекистана Шухрат Исмоилов сообщил о визите.",
            "Shukhrat Ismoilov",
            "UZB",
            "Press Secretary of the President",
        ),
    ],
)
def test_a_russian_post_is_the_office_exported(
    pipelines: Pipelines, text: str, name: str, code: str, office: str
) -> None:
    assert _people(pipelines, text)[name] == ((code,), office)


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "В 2013 году официальный представитель МИД России А.К.Лукашевич прокомментировал "
            "итоги выборов. Лукашевич добавил, что ждёт ответа.",
            "Alexander Lukashevich",
            "RUS",
            "Spokesperson of the Ministry of Foreign Affairs",
        ),
        (
            "Делегацию принял Председатель Совета Республики Национального собрания Республики "
            "Беларусь М.В.Мясникович.",
            "Mikhail Myasnikovich",
            "BLR",
            "Chairperson of the Council of the Republic of the National Assembly",
        ),
    ],
)
def test_a_known_person_s_post_is_the_one_the_text_names(
    pipelines: Pipelines, text: str, name: str, code: str, office: str
) -> None:
    """The post the title names, over the role's own title, for every mention of the person."""
    mentions = [m for m in _mentions(pipelines, text) if m.name == name]
    assert mentions and all((m.codes, m.office) == ((code,), office) for m in mentions)


@pytest.mark.parametrize(
    ("text", "name", "code", "office"),
    [
        (
            "Министр иностранных дел Украины П.А.Климкин подписал тогда протокол. "
            "Позже Климкин вспоминал эти переговоры.",
            "Pavlo Klimkin",
            "UKR",
            "Minister of Foreign Affairs",
        ),
        (
            "Саммит в 2013 году открывал президент Киргизии А.Ш.Атамбаев.",
            "Almazbek Atambayev",
            "KGZ",
            "President",
        ),
    ],
)
def test_a_title_names_an_office_held_before_the_day(
    pipelines: Pipelines, text: str, name: str, code: str, office: str
) -> None:
    """Out of office on the day, a person the text titles is named as that office's holder."""
    mentions = [m for m in _mentions(pipelines, text) if m.name == name]
    assert mentions and all((m.codes, m.office) == ((code,), office) for m in mentions)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Протокол подписали министры иностранных дел Украины и Грузии П.А.Климкин и "
            "Д.Залкалиани.",
            ("Pavlo Klimkin", "UKR"),
            ("David Zalkaliani", "GEO"),
        ),
        (
            "Встречу провели министры иностранных дел Казахстана и Узбекистана К.Абдрахманов и "
            "А.Камилов.",
            ("Kairat Abdrakhmanov", "KAZ"),
            ("Abdulaziz Komilov", "UZB"),
        ),
    ],
)
def test_a_plural_title_is_shared_by_the_names_joined_after_it(
    pipelines: Pipelines, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    people = _people(pipelines, text)
    for name, code in (first, second):
        assert people[name] == ((code,), "Minister of Foreign Affairs")


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "Посол Казахстана в Эстонии Ержан Бекмуханов вручил верительные грамоты.",
            "Yerzhan Bekmukhanov",
            "Ambassador to Estonia",
        ),
        (
            "Вчера посол Казахстана в Латвии Бахыт Сейтказиев посетил Ригу.",
            "Bakhyt Seytkaziev",
            "Ambassador to Latvia",
        ),
    ],
)
def test_an_envoy_is_posted_where_the_title_says(
    pipelines: Pipelines, text: str, name: str, office: str
) -> None:
    assert _people(pipelines, text)[name] == (("KAZ",), office)


def test_a_charge_d_affaires_is_posted_under_the_post_s_title(pipelines: Pipelines) -> None:
    text = "Временный поверенный в делах Казахстана в Литве Нурлан Ахметов вручил ноту."
    assert _people(pipelines, text)["Nurlan Akhmetov"] == (
        ("KAZ",),
        "Chargé d'Affaires to Lithuania",
    )


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Временный поверенный в делах Киргизии Алмаз Жумалиев ответил на вопросы.",
            "Almaz Zhumaliev",
            Role(
                person="Almaz Zhumaliev",
                office="ambassador",
                code="KGZ",
                title="Chargé d'Affaires of Kyrgyzstan in Latvia",
            ),
        ),
        (
            "Официальный представитель МИД Таджикистана Саид Рахимов выступил на брифинге.",
            "Said Rakhimov",
            Role(
                person="Said Rakhimov",
                office="spokesperson",
                code="TJK",
                title="Spokesperson of the Ministry of Foreign Affairs of Tajikistan",
            ),
        ),
    ],
)
def test_a_role_s_title_that_refines_the_post_is_kept(
    pipelines: Pipelines, text: str, name: str, role: Role
) -> None:
    """A known role titled more precisely than the post the text names keeps its title."""
    stage = pipelines.russian()
    stage.kb.add_person(name, roles=[role])
    article = Article(
        id="r1",
        doc="note-ru.txt",
        text=f"Новости\n{text}",
        title=None,
        published=PUBLISHED,
        language="ru",
        publisher=None,
    )
    [(_same, analysis)] = list(stage.analyse([article]))
    people = {m.name: (m.codes, m.office) for m in analysis.mentions if m.kind == "person"}
    assert people[name] == ((role.code,), role.title)


@pytest.mark.parametrize(
    "text",
    [
        "Председатель Национального банка Украины выступил с докладом.",
        "Вчера председатель Национального банка Республики Беларусь заявил о ставке.",
    ],
)
def test_a_national_body_after_a_title_is_not_whose_the_title_is(
    pipelines: Pipelines, text: str
) -> None:
    """The chair of a state's bank is not the head of that state, nor anyone the KB holds."""
    mentions = _mentions(pipelines, text)
    assert not [m for m in mentions if m.kind == "person"]
    assert not [m for m in mentions if m.kind == "office" and m.codes]


# -- organisations ---------------------------------------------------------------------------


def test_a_bare_foreign_ministry_is_no_state_s_ministry(pipelines: Pipelines) -> None:
    bare = _mentions(pipelines, "Представитель МИД отказался от комментариев.")
    assert not [m for m in bare if m.kind == "organisation"]
    named = _mentions(pipelines, "МИД России выразил протест в связи с задержанием.")
    assert "Ministry of Foreign Affairs of the Russian Federation" in {m.name for m in named}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Сопредседатели Минской группы ОБСЕ провели консультации в Вене.",
            "OSCE Minsk Group",
            "IGO:OSCE",
        ),
        ("Заявление Европейского совета опубликовано в Брюсселе.", "European Council", "IGO:EU"),
        ("Председатель Европейского совета прибыл в Рим.", "European Council", "IGO:EU"),
        ("Самолёт авиакомпании Ryanair приземлился в Дублине.", "Ryanair", "IRL"),
    ],
)
def test_russian_forms_of_bodies(pipelines: Pipelines, text: str, name: str, code: str) -> None:
    found = {(m.name, m.codes) for m in _mentions(pipelines, text) if m.kind == "organisation"}
    assert (name, (code,)) in found
