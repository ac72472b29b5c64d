"""Russian forms of the knowledge base, and the build that reads its hand-written tables.

The tables live in ``data/kb/tables/``; ``tools/build_kb.py`` validates them (naming file and
line of a bad row) and generates the ``.jsonl`` files the loader reads.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from communique.kb import load_kb

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "src" / "communique" / "data" / "kb"
GENERATED = ("states.jsonl", "organisations.jsonl", "offices.jsonl", "people.jsonl")
RUSSIAN = {"names_ru", "adjectives_ru", "metonyms_ru", "acronyms_ru", "titles_ru", "posts_ru"}


@pytest.fixture(scope="module")
def build_kb() -> ModuleType:
    """The build script, imported from tools/ (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "tools" / "build_kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_kb"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def _records(path: Path) -> list[dict]:
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if "_meta" not in json.loads(line)]


# -- loading ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "first", "other"),
    [("BLR", "Беларусь", "Белоруссия"), ("USA", "США", "Соединённые Штаты Америки")],
)
def test_state_russian_names_start_with_the_usual_short_name(
    code: str, first: str, other: str
) -> None:
    state = load_kb().states[code]
    assert state.names_ru[0] == first and other in state.names_ru


@pytest.mark.parametrize(("code", "adjective"), [("KAZ", "казахстанский"), ("IND", "индийский")])
def test_state_russian_adjective_is_masculine_nominative(code: str, adjective: str) -> None:
    assert adjective in load_kb().states[code].adjectives_ru


@pytest.mark.parametrize(
    ("code", "iso_name"),
    [("NOR", "Королевство Норвегия"), ("IRN", "Исламская Республика Иран")],
)
def test_state_russian_names_include_the_iso_translation_without_stress_marks(
    code: str, iso_name: str
) -> None:
    names = load_kb().states[code].names_ru
    assert iso_name in names and not any("\u0301" in name for name in names)


@pytest.mark.parametrize(("code", "seat"), [("GBR", "Даунинг-стрит"), ("BLR", "Минск")])
def test_state_russian_metonyms_stand_for_the_government(code: str, seat: str) -> None:
    assert seat in load_kb().states[code].metonyms_ru


def test_every_state_has_a_russian_name() -> None:
    assert all(state.names_ru for state in load_kb().states.values())


@pytest.mark.parametrize(
    ("english", "acronym", "name"),
    [
        ("Shanghai Cooperation Organisation", "ШОС", "Шанхайская организация сотрудничества"),
        ("Eurasian Economic Union", "ЕАЭС", "Евразийский экономический союз"),
    ],
)
def test_organisation_russian_names_and_acronyms(english: str, acronym: str, name: str) -> None:
    org = next(o for o in load_kb().organisations if o.name == english)
    assert acronym in org.acronyms_ru and name in org.names_ru


@pytest.mark.parametrize(
    ("office", "title"), [("ambassador", "посол"), ("defence_minister", "министр обороны")]
)
def test_office_russian_titles(office: str, title: str) -> None:
    assert title in load_kb().offices[office].titles_ru


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("Vladimir Makei", "Владимир Владимирович Макей"),
        ("Kassym-Jomart Tokayev", "Касым-Жомарт Кемелевич Токаев"),
    ],
)
def test_person_russian_full_name(name: str, russian: str) -> None:
    assert russian in load_kb().people[name].names_ru


def test_person_without_russian_forms_has_an_empty_tuple() -> None:
    kb = load_kb()
    assert all(isinstance(p.names_ru, tuple) for p in kb.people.values())
    assert any(not p.names_ru for p in kb.people.values())


# -- the build: generated files and English fields ----------------------------------------


def test_build_regenerates_the_packaged_files(build_kb: ModuleType, tmp_path: Path) -> None:
    """The packaged .jsonl files are exactly what the tables generate (nobody edited them)."""
    build_kb.build(tmp_path, build_kb.load_tables())
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (KB_DIR / name).read_bytes(), name
    assert build_kb.validate(tmp_path, build_kb.load_tables()) == []


@pytest.mark.parametrize("name", GENERATED)
def test_russian_fields_come_after_the_english_ones(name: str) -> None:
    """Russian fields are appended: the English fields keep their order and hold no Cyrillic."""
    for record in _records(KB_DIR / name):
        keys = list(record)
        english = [k for k in keys if k not in RUSSIAN]
        assert keys[: len(english)] == english, keys
        text = json.dumps({k: record[k] for k in english}, ensure_ascii=False)
        assert not any("\u0400" <= ch <= "\u04ff" for ch in text), record.get("name")


# -- the build: a bad row is named by file and line ----------------------------------------


def _edit(tables: Path, file: str, find: str, replace: str) -> int:
    """Replace the first line of ``file`` containing ``find``; return its line number."""
    path = tables / file
    lines = path.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if find in line)
    lines[number - 1] = lines[number - 1].replace(find, replace, 1)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return number


@pytest.mark.parametrize(
    ("file", "find", "replace", "message"),
    [
        # Russian fields hold Cyrillic only
        ("states.tsv", "монгольский", "mongolsky", "is not in Cyrillic"),
        ("people.tsv", "Урал Рамдракович Латыпов", "Ural Latypov", "is not in Cyrillic"),
        # English fields hold no Cyrillic
        ("states.tsv", "Kathmandu", "Катманду", "Cyrillic in capital"),
        ("roles.tsv", "Director of the Federal Security Service", "директор ФСБ", "Cyrillic"),
        # no Russian form twice
        ("states.tsv", "таджикский|таджикистанский", "таджикский|таджикский", "repeats"),
        ("states.tsv", "перуанский", "перуанский|чилийский", "also CHL's"),
        # every code is known
        ("roles.tsv", "\tforeign_minister\tRUS\t", "\tforeign_minister\tRUZ\t", "'RUZ'"),
        ("states.tsv", "\tuser\t\tMDA\t", "\tuser\t\tMDX\t", "claimed_by MDX"),
    ],
)
def test_build_rejects_a_bad_row_naming_file_and_line(
    build_kb: ModuleType, tmp_path: Path, file: str, find: str, replace: str, message: str
) -> None:
    tables = tmp_path / "tables"
    shutil.copytree(KB_DIR / "tables", tables)
    line = _edit(tables, file, find, replace)
    with pytest.raises(build_kb.TableError) as caught:
        build_kb.load_tables(tables)
    assert any(p.startswith(f"{file}:{line}:") and message in p for p in caught.value.problems), (
        caught.value.problems
    )


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [("  - ОДКБ", "  - ODKB", "is not in Cyrillic"), ("  - ЮНЕСКО", "  - ВОЗ", "also IGO:WHO's")],
)
def test_build_names_the_line_of_a_bad_yaml_item(
    build_kb: ModuleType, tmp_path: Path, find: str, replace: str, message: str
) -> None:
    """A YAML mapping is named by the line it starts on."""
    tables = tmp_path / "tables"
    shutil.copytree(KB_DIR / "tables", tables)
    changed = _edit(tables, "organisations.yaml", find, replace)
    lines = (tables / "organisations.yaml").read_text("utf-8").splitlines()
    start = max(i for i, text in enumerate(lines[:changed], 1) if text.startswith("- id:"))
    with pytest.raises(build_kb.TableError) as caught:
        build_kb.load_tables(tables)
    assert any(
        p.startswith(f"organisations.yaml:{start}:") and message in p for p in caught.value.problems
    ), caught.value.problems


def test_build_command_reports_problems_and_fails(build_kb: ModuleType, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    shutil.copytree(KB_DIR / "tables", tables)
    _edit(tables, "roles.tsv", "\t1999-12-31\t", "\t1999-13-31\t")
    assert build_kb.main(["--tables", str(tables), "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_hand_written_files_hold_russian_forms_in_cyrillic(build_kb: ModuleType) -> None:
    """The hand-written people, national-body and organisation files are not built: check here."""
    seen = 0
    for pattern in ("people-*.jsonl", "national-bodies*.jsonl", "organisations-more.jsonl"):
        for path in sorted(KB_DIR.glob(pattern)):
            for record in _records(path):
                for field in RUSSIAN & set(record):
                    forms = record[field]
                    seen += len(forms)
                    assert all(build_kb.is_russian(f) for f in forms), (path.name, forms)
                    assert len(set(forms)) == len(forms), (path.name, forms)
                assert build_kb.cyrillic_outside(path.name, record) == [], record
    assert seen > 0


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("Ministry of Foreign Affairs of Belarus", "МИД Беларуси"),
        ("Federation Council", "Совет Федерации"),
    ],
)
def test_national_body_russian_names(english: str, russian: str) -> None:
    body = next(o for o in load_kb().organisations if o.name == english)
    assert russian in body.names_ru


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "extra.yaml",
            "- name: Ilze Ozola\n  names_ru: [Илзе Озола]\n  office: minister\n  code: LVA\n"
            "  start: 2020\n- kind: state\n  code: XQZ\n  name: Testland\n"
            "  names_ru: [Тестландия, Республика Тестландия]\n",
        ),
        (
            "extra.csv",
            "kind,name,names_ru,office,code,start\nperson,Ilze Ozola,Илзе Озола,minister,LVA,"
            "2020\nstate,Testland,Тестландия;Республика Тестландия,,XQZ,\n",
        ),
    ],
)
def test_user_actors_file_gives_russian_names(tmp_path: Path, name: str, content: str) -> None:
    """A user's file adds Russian forms as lists (YAML) or ';'-separated cells (CSV)."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    kb = load_kb()
    kb.add_file(path)
    assert kb.people["Ilze Ozola"].names_ru == ("Илзе Озола",)
    assert kb.states["XQZ"].names_ru == ("Тестландия", "Республика Тестландия")


# -- posts: a Russian title of one particular post, with its English title -----------------------


@pytest.mark.parametrize(
    ("office", "title", "post"),
    [
        ("spokesperson", "пресс-секретарь президента", "Press Secretary of the President"),
        ("ambassador", "временный поверенный в делах", "Chargé d'Affaires"),
    ],
)
def test_office_posts_give_the_english_title_of_a_post(office: str, title: str, post: str) -> None:
    kb = load_kb()
    assert (title, post) in kb.offices[office].posts_ru
    assert kb.posts[post].id == office and kb.office(post) is kb.offices[office]


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [
        (
            "    пресс-секретарь президента: Press",
            "    press secretary: Press",
            "is not in Cyrillic",
        ),
        (
            "президента: Press Secretary of the President",
            "президента: пресс-секретарь Президента",
            "no English post",
        ),
    ],
)
def test_build_rejects_a_post_not_russian_to_english(
    build_kb: ModuleType, tmp_path: Path, find: str, replace: str, message: str
) -> None:
    tables = tmp_path / "tables"
    shutil.copytree(KB_DIR / "tables", tables)
    changed = _edit(tables, "offices.yaml", find, replace)
    lines = (tables / "offices.yaml").read_text("utf-8").splitlines()
    start = max(i for i, text in enumerate(lines[:changed], 1) if text.startswith("- id:"))
    with pytest.raises(build_kb.TableError) as caught:
        build_kb.load_tables(tables)
    assert any(
        p.startswith(f"offices.yaml:{start}:") and message in p for p in caught.value.problems
    ), caught.value.problems


def test_a_bare_foreign_ministry_acronym_names_no_state_s_ministry() -> None:
    """ "МИД" alone is every state's ministry: only "МИД России" is Russia's."""
    kb = load_kb()
    russia = next(
        o
        for o in kb.organisations
        if o.name.endswith("of the Russian Federation")
        and o.name.startswith("Ministry of Foreign Affairs")
    )
    assert "МИД" not in russia.acronyms_ru and "МИД России" in russia.names_ru
    assert not [o for o in kb.organisations if "МИД" in o.acronyms_ru]
