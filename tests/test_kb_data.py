"""The packaged knowledge-base tables: header, schema, and references between them."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from communique.kb import load_kb

KB = resources.files("communique").joinpath("data/kb")
TABLES = sorted(p.name for p in KB.iterdir() if p.name.endswith(".jsonl"))
REQUIRED = {
    "states": {"code", "name"},
    "organisations": {"code", "name"},
    "offices": {"id", "canonical", "sector", "level", "titles"},
    "people": {"name", "roles"},
    "national-bodies": {"name", "code", "sector"},
    "regions": {"name", "code", "lat", "lon"},
    "domestic-actors": {"words", "sector"},
    "ranks": {"word"},
    "landforms": {"word", "side"},
    "organisation-words": {"word", "kind"},
    "state-groups": {"words", "members"},
}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in KB.joinpath(name).read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize("name", TABLES)
def test_kb_table_has_header_and_schema(name: str) -> None:
    rows = _rows(name)
    meta = rows[0]["_meta"]
    assert meta["source"] and meta["licence"] and meta["schema"]
    required = next(v for k, v in REQUIRED.items() if name.startswith(k))
    for row in rows[1:]:
        assert required <= set(row), (name, row)
        assert set(row) - {"_meta"} <= set(meta["schema"]) | {"id"}, (name, set(row))


def test_kb_state_groups_are_of_known_states() -> None:
    kb = load_kb()
    assert kb.state_groups
    for words, members in kb.state_groups.items():
        assert len(members) > 1 and set(members) <= set(kb.states), words


def test_kb_references_resolve() -> None:
    kb = load_kb()
    codes = set(kb.states) | {org.code for org in kb.organisations}
    assert (
        len(kb.states) >= 195
        and len({o.code for o in kb.organisations if o.code.startswith("IGO:")}) >= 80
    )
    for person in kb.people.values():
        for role in person.roles:
            assert role.office in kb.offices, (person.name, role.office)
            assert role.code in codes, (person.name, role.code)


def test_kb_every_state_has_a_name_lookup() -> None:
    kb = load_kb()
    for code, state in kb.states.items():
        assert kb.state(state.name) == code or kb.state(state.name) is not None


def test_kb_region_codes_are_states() -> None:
    kb = load_kb()
    for _name, place in kb.regions.values():
        assert place is None or place.code in kb.states


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ICRC", "IGO:ICRC"),
        ("International Committee of the Red Cross", "IGO:ICRC"),
        ("the ECOWAS Commission", "IGO:ECOWAS"),
        ("Non-Aligned Movement", "IGO:NAM"),
        ("Millennium Challenge Corporation", "USA"),
        ("JICA", "JPN"),
    ],
)
def test_kb_added_tables_are_loaded(text: str, code: str) -> None:
    org = load_kb().organisation(text)
    assert org is not None and org.code == code


def test_kb_calendar_words_are_not_surname_patterns() -> None:
    from datetime import date

    from communique.model import Role
    from communique.nlp import kb_patterns

    kb = load_kb()
    kb.add_person("Ana Friday", [], [Role(person="Ana Friday", office="minister", code="DMA")])
    kb.add_person(
        "Ivo May",
        [],
        [Role(person="Ivo May", office="minister", code="GBR", start=date(2016, 1, 1))],
    )
    patterns = {p["pattern"] for p in kb_patterns(kb) if p.get("id") in {"Ana Friday", "Ivo May"}}
    assert "Ana Friday" in patterns and "Ivo May" in patterns
    assert not patterns & {"Friday", "May"}


def test_kb_surnames_that_name_a_large_city_are_not_surname_patterns() -> None:
    from communique.model import Role
    from communique.nlp import kb_patterns

    kb = load_kb()
    for name in ("Rui Lagos", "Ana Karachi"):
        kb.add_person(name, [], [Role(person=name, office="minister", code="CHL")])
    patterns = {
        p["pattern"] for p in kb_patterns(kb) if p.get("id") in {"Rui Lagos", "Ana Karachi"}
    }
    assert {"Rui Lagos", "Ana Karachi"} <= patterns
    assert not patterns & {"Lagos", "Karachi", "Mr Lagos"}


def test_kb_no_person_is_known_by_two_capital_letters() -> None:
    # "HH" is "His Highness" in a Gulf release and "ED" an Indian agency as often as they
    # are a president's initials: a two-letter alias names no one reliably.
    short = [
        (row["name"], alias)
        for name in TABLES
        if name.startswith("people")
        for row in _rows(name)
        for alias in row.get("aliases", [])
        if len(alias) == 2 and alias.isalpha() and alias.isupper()
    ]
    assert not short


def test_kb_states_as_a_common_noun_is_no_state() -> None:
    # "its Member States", "States parties": the word is no name of the United States
    kb = load_kb()
    assert kb.state("States") is None and kb.state("the States") is None
    assert kb.state("the United States") == kb.state("the US") == "USA"
