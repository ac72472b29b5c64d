#!/usr/bin/env python3
"""Build the communique knowledge base in ``src/communique/data/kb``.

The knowledge base (KB) lets the resolver map actor mentions in diplomatic news to
ISO 3166-1 alpha-3 state codes, ``IGO:<ACRONYM>`` codes for international
organisations, office identifiers with PLOVER/CAMEO sector codes, and people with
dated roles.

Every output file is generated deterministically from

* pycountry (ISO 3166-1 codes and English names; build-time dependency only), and
* the hand-written tables in ``data/kb/tables/`` (one TSV or YAML file per table:
  states, regions, organisations, offices, people and their roles, ...), which are
  reviewed as data; this script only reads, validates and combines them.

Run ``python tools/build_kb.py`` to regenerate ``states.jsonl``,
``organisations.jsonl``, ``offices.jsonl`` and ``people.jsonl``; the script
validates the tables (a bad row is reported with its file and line) and the result,
and exits non-zero when a check fails.  Use ``--check`` to validate the tables and the
files already on disk without rewriting them.  ``README.md`` in the same directory is
hand-written and is not touched by this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "src" / "communique" / "data" / "kb"
TABLES_DIR = KB_DIR / "tables"

Record = dict[str, Any]

PUBLIC_RECORD_CAVEAT = (
    "Dates are given to the best of public record as compiled in early 2026; "
    "year-only dates are imprecise. Users can correct or extend them with --actors FILE."
)


class TableError(ValueError):
    """A hand-written table that cannot be used; each message names the file and line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """Split a ``|``-separated table cell into a list of stripped, non-empty strings."""
    return [part.strip() for part in text.split("|") if part.strip()]


def unique(items: Iterable[str]) -> list[str]:
    """Return *items* without duplicates (case-sensitive), keeping the first occurrence."""
    return drop_seen(items, set())


def fold(text: str) -> str:
    """Return *text* with diacritics removed (``Çavuşoğlu`` -> ``Cavusoglu``)."""
    special = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"}
    text = "".join(special.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def drop_seen(items: Iterable[str], seen: set[str]) -> list[str]:
    """Return *items* minus anything in *seen* (and duplicates); add the kept items to *seen*."""
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def duplicates(values: Iterable[str]) -> list[str]:
    """Return the values that occur more than once."""
    return sorted(v for v, n in Counter(values).items() if n > 1)


ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z.\-]*$")


def is_acronym(token: str) -> bool:
    """Return True for an acronym-like token such as ``US``, ``U.S.``, ``BiH`` or ``NATO``."""
    uppers = sum(1 for ch in token if ch.isupper())
    return bool(ACRONYM_RE.match(token)) and uppers >= 2 and len(token) <= 8


CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
LATIN_RE = re.compile(r"[A-Za-z]")
RUSSIAN_FIELDS = (
    *("names_ru", "adjectives_ru", "metonyms_ru", "acronyms_ru", "titles_ru", "posts_ru"),
)
# Stress marks that some ISO 3166 Russian translations carry ("Респу́блика"); texts do not.
STRESS_MARK = "\u0301"
ROMAN_NUMERAL_RE = re.compile(r"\b[IVXLC]+\b")


def is_russian(form: str) -> bool:
    """Return True for a form written in Cyrillic, with no Latin letter mixed in.

    Regnal numbers are written in Latin capitals in Russian too ("Карл III").
    """
    return bool(CYRILLIC_RE.search(form)) and not LATIN_RE.search(ROMAN_NUMERAL_RE.sub("", form))


def russian_problems(where: str, field: str, forms: list[str]) -> list[str]:
    """Problems of one ``*_ru`` list: a form not in Cyrillic, or a form given twice."""
    problems = [
        f"{where}: {field} form {f!r} is not in Cyrillic" for f in forms if not is_russian(f)
    ]
    problems += [f"{where}: {field} repeats {dup!r}" for dup in duplicates(forms)]
    return problems


def claimed_elsewhere(where: str, key: str, forms: list[str], owner: dict[str, str]) -> list[str]:
    """Problems of Russian forms that *owner* already gives another record than *key*.

    The resolver looks a Russian form up to one referent, so a form shared by two states (or
    two organisations) would resolve to whichever was read last. *owner* collects the forms.
    """
    return [
        f"{where}: Russian form {form!r} is also {owner[form]}'s"
        for form in forms
        if owner.setdefault(form, key) != key
    ]


def cyrillic_outside(where: str, values: dict[str, Any]) -> list[str]:
    """Problems of Cyrillic text in a field that is not a ``*_ru`` field (English fields)."""
    problems: list[str] = []
    for key, value in values.items():
        if key in RUSSIAN_FIELDS:
            continue
        if CYRILLIC_RE.search(json.dumps(value, ensure_ascii=False)):
            problems.append(f"{where}: Cyrillic in {key} (Russian forms go in the *_ru fields)")
    return problems


def russian_iso_names() -> gettext.NullTranslations:
    """The Russian translations of the ISO 3166-1 names that pycountry ships (build time only)."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])


# --------------------------------------------------------------------------------------
# Reading the tables
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One data row of a TSV table, with the file and line it came from (for messages)."""

    file: str
    line: int
    cells: dict[str, str]

    @property
    def where(self) -> str:
        """``file:line``, the prefix of every message about this row."""
        return f"{self.file}:{self.line}"

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def forms(self, column: str) -> list[str]:
        """The ``|``-separated forms of *column*."""
        return split_list(self.cells[column])


@dataclass(frozen=True)
class Item:
    """One mapping of a YAML table, with the file and line it starts on."""

    file: str
    line: int
    data: Record

    @property
    def where(self) -> str:
        """``file:line``, the prefix of every message about this item."""
        return f"{self.file}:{self.line}"


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[Row]:
    """Read a TSV table: ``#`` lines are comments, the first other line names the columns.

    A row may leave out empty trailing cells (editors strip trailing tabs) but not have
    more cells than columns; cells must not carry leading or trailing spaces, which would
    make a form that never matches.
    """
    rows: list[Row] = []
    problems: list[str] = []
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        where = f"{path.name}:{number}"
        if not header_seen:
            header_seen = True
            if tuple(cells) != columns:
                problems.append(
                    f"{where}: columns are {cells}, expected {list(columns)} (tab-separated)"
                )
                break
            continue
        if len(cells) > len(columns):
            problems.append(f"{where}: {len(cells)} cells for {len(columns)} columns")
            continue
        padded = cells + [""] * (len(columns) - len(cells))
        for column, cell in zip(columns, padded, strict=True):
            if cell != cell.strip():
                problems.append(f"{where}: column {column} has leading or trailing spaces")
            if "|" in cell and any(not part.strip() for part in cell.split("|")):
                problems.append(f"{where}: column {column} has an empty form between '|'")
        rows.append(Row(path.name, number, dict(zip(columns, padded, strict=True))))
    if not header_seen:
        problems.append(f"{path.name}: no header line")
    if problems:
        raise TableError(problems)
    return rows


def read_yaml(path: Path) -> list[Item]:
    """Read a YAML table: a list of mappings, each remembered with the line it starts on."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise TableError([f"{path.name}{line}: not valid YAML: {err}"]) from err
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise TableError([f"{path.name}:1: expected a list of mappings"])
    items: list[Item] = []
    problems: list[str] = []
    for child, value in zip(node.value, data, strict=True):
        line = child.start_mark.line + 1
        if not isinstance(value, dict):
            problems.append(f"{path.name}:{line}: expected a mapping, found {value!r}")
            continue
        items.append(Item(path.name, line, value))
    if problems:
        raise TableError(problems)
    return items


def read_column(path: Path, column: str) -> list[str]:
    """Read a one-column TSV table as a list of its cells."""
    return [row[column] for row in read_tsv(path, (column,))]


STATE_COLUMNS = (
    "code",
    "name",
    "official",
    "aliases",
    "adjectives",
    "capital",
    "capital_metonym",
    "metonyms",
    "ambiguous",
    "region",
    "status",
    "assigned",
    "alpha2",
    "claimed_by",
    "note",
    "names_ru",
    "adjectives_ru",
    "metonyms_ru",
)
PEOPLE_COLUMNS = ("id", "name", "aliases", "note", "names_ru")
ROLE_COLUMNS = ("person", "office", "code", "start", "end", "title", "to", "attested", "note")
STATUSES = ("un_member", "un_observer_state", "limited_recognition")
CODE_RE = re.compile(r"^[A-Z]{3}$")
PERSON_ID_RE = re.compile(r"^[a-z0-9_]+$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")

# Member lists in organisations.yaml are space-separated ISO-3 codes or one of these
# derived groups, expanded from the state table at build time (see expand_members).
DERIVED_MEMBERS: dict[str, str] = {
    "@UN": "all UN member states",
    "@AU": "African UN member states plus the Sahrawi Arab Democratic Republic (ESH)",
    "@CELAC": "UN member states in the Caribbean, Central America and South America",
}

# Keys of an organisations.yaml item: required with their types, then optional ones.
ORG_REQUIRED: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "code": (str,),
    "name": (str,),
    "acronyms": (list,),
    "aliases": (list,),
    "body": (bool,),
    "parent": (str, type(None)),
    "members": (str,),
    "founded": (int, type(None)),
}
ORG_OPTIONAL: dict[str, tuple[type, ...]] = {
    "former_members": (list,),
    "associate_members": (list,),
    "observers": (list,),
    "suspended_members": (list,),
    "organisation_members": (list,),
    "dissolved": (int,),
    "hq": (str,),
    "note": (str,),
    "names_ru": (list,),
    "acronyms_ru": (list,),
}
ORG_STATE_LISTS = ("former_members", "associate_members", "observers", "suspended_members")
OFFICE_REQUIRED: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "name": (str,),
    "canonical": (str,),
    "sector": (str,),
    "sector2": (str, type(None)),
    "level": (int,),
    "titles": (list,),
    "country_titles": (dict,),
    "institution": (bool,),
    "single_holder": (bool,),
}
OFFICE_OPTIONAL: dict[str, tuple[type, ...]] = {
    "note": (str,),
    "titles_ru": (list,),
    "posts_ru": (dict,),
}


@dataclass(frozen=True)
class Tables:
    """The hand-written tables, read and validated."""

    states: list[Row]
    continents: dict[str, str]
    common_word_forms: frozenset[str]
    formal_words: re.Pattern[str]
    rejected_names: frozenset[str]
    sectors: dict[str, str]
    organisations: list[Item]
    offices: list[Item]
    people: list[Row]
    roles: list[Row]

    def is_case_sensitive(self, form: str) -> bool:
        """Return True if *form* must be matched with exact case (``US``, ``the UK``, ``Chad``)."""
        return form in self.common_word_forms or any(is_acronym(tok) for tok in form.split())


def load_tables(tables_dir: Path = TABLES_DIR) -> Tables:
    """Read every table in *tables_dir* and validate it; raise TableError naming file and line."""
    regions = read_tsv(tables_dir / "regions.tsv", ("region", "continent"))
    words = read_column(tables_dir / "formal-words.tsv", "word")
    tables = Tables(
        states=read_tsv(tables_dir / "states.tsv", STATE_COLUMNS),
        continents={row["region"]: row["continent"] for row in regions},
        common_word_forms=frozenset(read_column(tables_dir / "case-sensitive-forms.tsv", "form")),
        formal_words=re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b"),
        rejected_names=frozenset(read_column(tables_dir / "pycountry-rejected-names.tsv", "name")),
        sectors={
            row["code"]: row["meaning"]
            for row in read_tsv(tables_dir / "sectors.tsv", ("code", "meaning"))
        },
        organisations=read_yaml(tables_dir / "organisations.yaml"),
        offices=read_yaml(tables_dir / "offices.yaml"),
        people=read_tsv(tables_dir / "people.tsv", PEOPLE_COLUMNS),
        roles=read_tsv(tables_dir / "roles.tsv", ROLE_COLUMNS),
    )
    problems = [
        *(f"{r.where}: continent is empty" for r in regions if not r["continent"]),
        *check_states(tables),
        *check_organisations(tables),
        *check_offices(tables),
        *check_people(tables),
    ]
    for dup in duplicates(row["region"] for row in regions):
        problems.append(f"regions.tsv: region {dup!r} listed twice")
    if problems:
        raise TableError(problems)
    return tables


Kinds = dict[str, tuple[type, ...]]


def check_types(item: Item, required: Kinds, optional: Kinds) -> list[str]:
    """Check an item's keys and value types against *required* and *optional*."""
    problems: list[str] = []
    for key, kinds in {**required, **optional}.items():
        if key not in item.data:
            if key in required:
                problems.append(f"{item.where}: missing key {key!r}")
            continue
        value = item.data[key]
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
            problems.append(f"{item.where}: {key} must be {names}, not {value!r}")
        elif isinstance(value, list) and not all(isinstance(v, str) and v for v in value):
            problems.append(f"{item.where}: {key} must list non-empty strings")
    for key in item.data:
        if key not in required and key not in optional:
            problems.append(f"{item.where}: unknown key {key!r}")
    return problems


def well_typed(
    items: list[Item], required: Kinds, optional: Kinds, problems: list[str]
) -> Iterator[Item]:
    """The YAML items with the right keys and types and an id not seen before.

    The checks of an item's values assume its types, so an item that fails :func:`check_types`
    is not checked further; its problems, and those of an id listed twice, go to *problems*.
    """
    ids: set[str] = set()
    for item in items:
        found = check_types(item, required, optional)
        problems += found
        if found:
            continue
        if item.data["id"] in ids:
            problems.append(f"{item.where}: id {item.data['id']} listed twice")
        ids.add(item.data["id"])
        yield item


def check_states(tables: Tables) -> list[str]:
    """Check states.tsv row by row: codes, regions, statuses and pycountry assignments."""
    problems: list[str] = []
    codes = {row["code"] for row in tables.states}
    seen: set[str] = set()
    for row in tables.states:
        code, where = row["code"], row.where
        if not CODE_RE.match(code):
            problems.append(f"{where}: code {code!r} is not three capital letters")
        if code in seen:
            problems.append(f"{where}: code {code} listed twice")
        seen.add(code)
        for column in ("name", "capital"):
            if not row[column]:
                problems.append(f"{where}: {column} is empty")
        if row["capital_metonym"] not in ("yes", "no"):
            problems.append(f"{where}: capital_metonym must be yes or no")
        if row["region"] not in tables.continents:
            problems.append(f"{where}: region {row['region']!r} is not in regions.tsv")
        if row["status"] not in STATUSES:
            problems.append(f"{where}: status must be one of {', '.join(STATUSES)}")
        if row["assigned"] == "iso":
            if pycountry.countries.get(alpha_3=code) is None:
                problems.append(f"{where}: {code} is not an ISO 3166-1 code in pycountry")
            if row["alpha2"]:
                problems.append(f"{where}: alpha2 is given by pycountry for ISO codes")
        elif row["assigned"] == "user":
            if not code.startswith("X"):
                problems.append(f"{where}: user-assigned codes are X** (ISO 3166-1)")
        else:
            problems.append(f"{where}: assigned must be iso or user")
        if row["claimed_by"] and row["claimed_by"] not in codes:
            problems.append(f"{where}: claimed_by {row['claimed_by']} is not a state code")
        problems += cyrillic_outside(where, row.cells)
        for column in ("names_ru", "adjectives_ru", "metonyms_ru"):
            problems += russian_problems(where, column, row.forms(column))
    owner: dict[str, str] = {}
    for row in tables.states:
        forms = row.forms("names_ru") + row.forms("adjectives_ru") + row.forms("metonyms_ru")
        problems += claimed_elsewhere(row.where, row["code"], forms, owner)
    return problems


def check_organisations(tables: Tables) -> list[str]:
    """Check organisations.yaml: keys, types, ids, and every state or IGO code it names."""
    problems: list[str] = []
    states = {row["code"] for row in tables.states}
    igo_codes = {item.data.get("code") for item in tables.organisations}
    owner: dict[str, str] = {}
    for item in well_typed(tables.organisations, ORG_REQUIRED, ORG_OPTIONAL, problems):
        data, where = item.data, item.where
        if not data["code"].startswith("IGO:"):
            problems.append(f"{where}: code {data['code']!r} does not start with IGO:")
        if data["parent"] is not None and data["parent"] not in igo_codes:
            problems.append(f"{where}: parent {data['parent']} is not an organisation code")
        members = data["members"]
        listed = [] if members.startswith("@") else members.split()
        if members.startswith("@") and members not in DERIVED_MEMBERS:
            problems.append(
                f"{where}: members {members} is not one of {', '.join(DERIVED_MEMBERS)}"
            )
        for key in ORG_STATE_LISTS:
            listed += data.get(key, [])
        for code in listed:
            if code not in states:
                problems.append(f"{where}: {code} is not a state code of states.tsv")
        for code in data.get("organisation_members", []):
            if code not in igo_codes:
                problems.append(f"{where}: {code} is not an organisation code")
        problems += cyrillic_outside(where, data)
        for key in ("names_ru", "acronyms_ru"):
            problems += russian_problems(where, key, data.get(key, []))
        forms = data.get("names_ru", []) + data.get("acronyms_ru", [])
        problems += claimed_elsewhere(where, data["id"], forms, owner)
    return problems


def check_offices(tables: Tables) -> list[str]:
    """Check offices.yaml: keys, types, sectors and the countries of country-only titles."""
    problems: list[str] = []
    states = {row["code"] for row in tables.states}
    for item in well_typed(tables.offices, OFFICE_REQUIRED, OFFICE_OPTIONAL, problems):
        data, where = item.data, item.where
        for sector in (data["sector"], data["sector2"]):
            if sector is not None and sector not in tables.sectors:
                problems.append(f"{where}: sector {sector} is not in sectors.tsv")
        for country, titles in data["country_titles"].items():
            if country not in states:
                problems.append(f"{where}: country_titles names unknown state {country}")
            if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
                problems.append(f"{where}: country_titles of {country} must be a list")
        problems += cyrillic_outside(where, data)
        problems += russian_problems(where, "titles_ru", data.get("titles_ru", []))
        posts = data.get("posts_ru", {})
        problems += russian_problems(where, "posts_ru", list(posts))
        problems += [
            f"{where}: posts_ru gives {title!r} no English post"
            for title, post in posts.items()
            if not isinstance(post, str) or not post or CYRILLIC_RE.search(post)
        ]
        problems += [
            f"{where}: {title!r} is both in titles_ru and posts_ru"
            for title in posts
            if title in data.get("titles_ru", [])
        ]
    return problems


def check_people(tables: Tables) -> list[str]:
    """Check people.tsv and roles.tsv: ids, offices, codes and dates."""
    problems: list[str] = []
    ids: set[str] = set()
    for row in tables.people:
        if not PERSON_ID_RE.match(row["id"]):
            problems.append(f"{row.where}: id {row['id']!r} is not snake_case")
        if row["id"] in ids:
            problems.append(f"{row.where}: id {row['id']} listed twice")
        ids.add(row["id"])
        if not row["name"]:
            problems.append(f"{row.where}: name is empty")
        problems += cyrillic_outside(row.where, row.cells)
        problems += russian_problems(row.where, "names_ru", row.forms("names_ru"))
    offices = {item.data.get("id") for item in tables.offices}
    codes = {row["code"] for row in tables.states} | {
        item.data.get("code") for item in tables.organisations
    }
    with_roles: set[str] = set()
    for row in tables.roles:
        where = row.where
        problems += cyrillic_outside(where, row.cells)
        with_roles.add(row["person"])
        if row["person"] not in ids:
            problems.append(f"{where}: person {row['person']!r} is not in people.tsv")
        if row["office"] not in offices:
            problems.append(f"{where}: office {row['office']!r} is not in offices.yaml")
        for column in ("code", "to"):
            if (column == "code" or row[column]) and row[column] not in codes:
                problems.append(f"{where}: {column} {row[column]!r} is not a state or IGO code")
        try:
            start = parse_date(row["start"], allow="?")
            end = parse_date(row["end"], allow="-")
            if row["attested"]:
                parse_date(row["attested"], allow="")
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        if not check_date_order({"start": start, "end": end}):
            problems.append(f"{where}: starts after it ends")
    for row in tables.people:
        if row["id"] not in with_roles:
            problems.append(f"{row.where}: {row['id']} has no role in roles.tsv")
    return problems


def parse_date(text: str, *, allow: str) -> str | None:
    """Parse a table date; *allow* is the placeholder for "unknown/open" (``?``/``-``)."""
    if text == allow:
        return None
    if not DATE_RE.match(text):
        raise ValueError(f"bad date {text!r} (use YYYY-MM-DD or YYYY)")
    if len(text) == 10:
        try:
            dt.date.fromisoformat(text)
        except ValueError as err:
            raise ValueError(f"bad date {text!r} ({err})") from err
    return text


def check_date_order(role: Record) -> bool:
    """Return True if a role's start is not after its end (year-only dates compare loosely)."""
    start, end = role.get("start"), role.get("end")
    if not start or not end:
        return True
    if len(start) == 4 or len(end) == 4:
        return start[:4] <= end[:4]
    return start <= end


# --------------------------------------------------------------------------------------
# States
# --------------------------------------------------------------------------------------


def uninvert(name: str) -> str:
    """Turn ISO-style ``Korea, Republic of`` into ``Republic of Korea``."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    result = f"{tail} {head}"
    if result.startswith("The "):
        result = result[4:]
    return result


def build_states(tables: Tables) -> list[Record]:
    """Build the state records from pycountry and states.tsv.

    Forms written in the table come first; pycountry's English names are added as
    official names (when they carry a formal word such as "Republic") or aliases.
    """
    russian = russian_iso_names()
    records: list[Record] = []
    for row in tables.states:
        code, name, capital = row["code"], row["name"], row["capital"]
        country = pycountry.countries.get(alpha_3=code) if row["assigned"] == "iso" else None
        official: list[str] = []
        aliases: list[str] = []
        if country is not None:
            candidates = [
                getattr(country, "official_name", None),
                country.name,
                getattr(country, "common_name", None),
            ]
            for raw in candidates:
                if not raw or raw in tables.rejected_names:
                    continue
                cleaned = uninvert(raw.removeprefix("the "))
                cleaned = re.sub(r"\s*\(.*\)$", "", cleaned)
                if cleaned == name:
                    continue
                if tables.formal_words.search(cleaned) and cleaned not in (name, f"the {name}"):
                    official.append(cleaned)
                else:
                    aliases.append(cleaned)
        official = unique(row.forms("official") + official)
        aliases = unique(row.forms("aliases") + aliases)
        metonyms = row.forms("metonyms")
        if row["capital_metonym"] == "yes" and capital != name:
            metonyms = [capital, *metonyms]
        # Drop forms that already occur in an earlier field of the same record.
        seen: set[str] = {name}
        official = drop_seen(official, seen)
        aliases = drop_seen(aliases, seen)
        adjective_list = drop_seen(row.forms("adjectives"), seen)
        metonyms = drop_seen(metonyms, seen)
        region = row["region"]
        record: Record = {
            "code": code,
            "name": name,
            "official": official,
            "aliases": aliases,
            "case_sensitive_aliases": [
                form
                for form in [name, *official, *aliases, *adjective_list, *metonyms]
                if tables.is_case_sensitive(form)
            ],
            "adjectives": adjective_list,
            "capital": capital,
            "metonyms": metonyms,
            "region": region,
            "continent": tables.continents[region],
            "status": row["status"],
            "alpha2": country.alpha_2 if country is not None else row["alpha2"],
            "user_assigned_code": row["assigned"] == "user",
            "ambiguous_aliases": row.forms("ambiguous"),
            "claimed_by": row["claimed_by"] or None,
        }
        if row["note"]:
            record["note"] = row["note"]
        record["names_ru"] = unique(row.forms("names_ru") + iso_russian(country, russian, tables))
        record["adjectives_ru"] = row.forms("adjectives_ru")
        record["metonyms_ru"] = row.forms("metonyms_ru")
        records.append(record)
    records.sort(key=lambda r: r["code"])
    return records


def iso_russian(country: Any, russian: gettext.NullTranslations, tables: Tables) -> list[str]:
    """The Russian ISO 3166 names of *country*: common name first, then short, then official.

    The common name ("Лаос", "Сирия") is what texts write; the ISO short name is often the
    formal one ("Лаосская Народно-Демократическая Республика"). Names in
    pycountry-rejected-names.tsv are left out.
    """
    if country is None:
        return []
    names: list[str] = []
    for attribute in ("common_name", "name", "official_name"):
        english = getattr(country, attribute, None)
        if not english:
            continue
        translated = russian.gettext(english).replace(STRESS_MARK, "")
        if translated != english and translated not in tables.rejected_names:
            names.append(translated)
    return unique(names)


# --------------------------------------------------------------------------------------
# International organisations and their principal bodies
# --------------------------------------------------------------------------------------


def expand_members(spec: str, states: list[Record]) -> list[str]:
    """Expand a member specification (codes or a DERIVED_MEMBERS key) into sorted codes."""
    if spec == "@UN":
        return sorted(s["code"] for s in states if s["status"] == "un_member")
    if spec == "@AU":
        return sorted(
            s["code"]
            for s in states
            if (s["continent"] == "Africa" and s["status"] == "un_member") or s["code"] == "ESH"
        )
    if spec == "@CELAC":
        regions = {"Caribbean", "Central America", "South America"}
        return sorted(
            s["code"] for s in states if s["region"] in regions and s["status"] == "un_member"
        )
    return sorted(spec.split())


def build_organisations(tables: Tables, states: list[Record]) -> list[Record]:
    """Return organisation and body records with member specifications expanded."""
    records: list[Record] = []
    leading = ("id", "code", "name", "acronyms", "aliases", "body", "parent", "members")
    for item in tables.organisations:
        data = item.data
        spec = data["members"]
        record: Record = {key: data[key] for key in leading}
        record["members"] = expand_members(spec, states) if spec else []
        if spec in DERIVED_MEMBERS:
            record["members_derived_from"] = DERIVED_MEMBERS[spec]
        record.update((k, v) for k, v in data.items() if k not in record)
        for key in ("names_ru", "acronyms_ru"):
            record.pop(key, None)
        record["case_sensitive_aliases"] = [
            form
            for form in [*record["acronyms"], *record["aliases"]]
            if tables.is_case_sensitive(form)
        ]
        record["names_ru"] = data.get("names_ru", [])
        record["acronyms_ru"] = data.get("acronyms_ru", [])
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# Offices
# --------------------------------------------------------------------------------------


def build_offices(tables: Tables) -> list[Record]:
    """Return office records in a fixed key order with case-sensitive titles marked."""
    records: list[Record] = []
    for item in tables.offices:
        data = item.data
        record: Record = {key: data[key] for key in OFFICE_REQUIRED}
        record["titles"] = unique(data["titles"])
        record["country_titles"] = {k: v for k, v in data["country_titles"].items() if v}
        russian = {"titles_ru", "posts_ru"}
        record.update((k, v) for k, v in data.items() if k not in record and k not in russian)
        all_titles = [
            t for ts in [record["titles"], *record["country_titles"].values()] for t in ts
        ]
        record["case_sensitive_titles"] = unique(
            t for t in all_titles if tables.is_case_sensitive(t)
        )
        record["titles_ru"] = data.get("titles_ru", [])
        record["posts_ru"] = data.get("posts_ru", {})
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------


def role_sort_key(role: Record) -> tuple[str, str, str]:
    """Sort roles chronologically (unknown starts last), then by office and code."""
    return (role["start"] or "9999", role["office"], role["code"])


def role_record(row: Row) -> Record:
    """Return the role record of one roles.tsv row (optional keys only when given)."""
    role: Record = {
        "office": row["office"],
        "code": row["code"],
        "title": row["title"] or None,
        "start": parse_date(row["start"], allow="?"),
        "end": parse_date(row["end"], allow="-"),
    }
    role.update((key, row[key]) for key in ("to", "attested", "note") if row[key])
    return role


def build_people(tables: Tables) -> list[Record]:
    """Return person records with ASCII-folded aliases and case-sensitive forms marked."""
    roles_of: dict[str, list[Record]] = {}
    for row in tables.roles:
        roles_of.setdefault(row["person"], []).append(role_record(row))
    records: list[Record] = []
    for person in tables.people:
        name = person["name"]
        given = person.forms("aliases")
        aliases = unique([*given, *(fold(f) for f in [name, *given] if fold(f) != f)])
        aliases = [a for a in aliases if a != name]
        record: Record = {
            "id": person["id"],
            "name": name,
            "aliases": aliases,
            "case_sensitive_aliases": [a for a in aliases if tables.is_case_sensitive(a)],
            "roles": sorted(roles_of[person["id"]], key=role_sort_key),
        }
        if person["note"]:
            record["note"] = person["note"]
        record["names_ru"] = person.forms("names_ru")
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# Headers, writing and validation
# --------------------------------------------------------------------------------------

PYCOUNTRY_VERSION = getattr(pycountry, "__version__", "")

COMMON_LICENCE = (
    "Generated by tools/build_kb.py and distributed with communique under its MIT licence. "
)


def headers(sectors: dict[str, str]) -> dict[str, Record]:
    """Return the ``_meta`` header of each generated file (its source, licence and schema)."""
    return {
        "states.jsonl": {
            "source": f"ISO 3166-1 codes and English names from pycountry {PYCOUNTRY_VERSION} "
            "(Debian iso-codes data), Russian names from its iso3166-1 translations; capitals, "
            "demonyms, aliases, metonyms, regions, Russian forms and user-assigned codes "
            "hand-written in data/kb/tables/ (UN M49 sub-regions).",
            "licence": COMMON_LICENCE
            + "Country names and codes are factual data taken from pycountry (LGPL-2.1-only), "
            "which is used only at build time.",
            "schema": {
                "code": "ISO 3166-1 alpha-3 code, or a user-assigned X** code for entities "
                "without one (XKX Kosovo, XAB Abkhazia, XSO South Ossetia, XNC Northern Cyprus, "
                "XSL Somaliland, XTR Transnistria)",
                "name": "common English short name (canonical display name)",
                "official": "official/formal names",
                "aliases": "other names used in news (old names, abbreviations, variants)",
                "case_sensitive_aliases": "forms from any field that must be matched with exact "
                "case (acronyms such as US, UK, CAR; words such as Turkey, Chad, Polish)",
                "adjectives": "adjectives, demonyms and their plurals (proper adjectives: match "
                "with exact case)",
                "capital": "capital city",
                "metonyms": "capital and seat-of-government words standing for the government "
                "(Moscow, the Kremlin); Brussels is deliberately not a metonym for Belgium",
                "region": "UN M49 sub-region",
                "continent": "UN M49 region (Africa, Americas, Asia, Europe, Oceania)",
                "status": "un_member | un_observer_state | limited_recognition",
                "alpha2": "ISO 3166-1 alpha-2 code ('' if none; XK is user-assigned)",
                "user_assigned_code": "true if code is not an ISO 3166-1 assignment",
                "claimed_by": "for a breakaway entity with a user-assigned code, the recognised "
                "state whose territory it lies in, else null",
                "ambiguous_aliases": "forms that may denote this state but also another one "
                "(Congo, Korea, Dominican); use only with context. Only these may repeat across "
                "records",
                "note": "optional remark",
                "names_ru": "Russian names: the usual short name first (Россия, Беларусь, США), "
                "then other forms the press writes and the ISO 3166 Russian names from pycountry",
                "adjectives_ru": "Russian adjectives, masculine nominative singular (российский, "
                "белорусский); empty where none is in reliable use",
                "metonyms_ru": "Russian forms of the capital and seats of government that stand "
                "for the government (Москва, Кремль, Белый дом)",
            },
        },
        "organisations.jsonl": {
            "source": "Hand-written in data/kb/tables/ from the organisations' public charters "
            "and membership lists; member lists marked members_derived_from are computed from "
            "states.jsonl.",
            "licence": COMMON_LICENCE,
            "schema": {
                "id": "unique record id: the code for organisations, CODE/BODY for principal "
                "bodies that share their parent's code",
                "code": "export code IGO:<ACRONYM>; a principal body uses its parent's code "
                "unless it has its own (IGO:ICJ, IGO:EEC, IGO:PACE, IGO:ECB, IGO:ECTHR)",
                "name": "canonical full English name",
                "acronyms": "acronyms and case variants (match with exact case)",
                "aliases": "other names (match case-insensitively unless listed in "
                "case_sensitive_aliases)",
                "body": "true for a principal body/organ of the parent organisation",
                "parent": "parent organisation code for bodies and UN-system entities, else null",
                "members": "ISO-3 codes of current member states (empty when not listed)",
                "founded": "year of establishment",
                "members_derived_from": "optional: how members were derived from states.jsonl",
                "former_members": "optional ISO-3 codes of former members",
                "associate_members": "optional ISO-3 codes of associate members",
                "observers": "optional ISO-3 codes of observers",
                "suspended_members": "optional ISO-3 codes of suspended members",
                "organisation_members": "optional: IGO codes that are members (e.g. EU in G20)",
                "dissolved": "optional year of dissolution",
                "hq": "optional headquarters city",
                "case_sensitive_aliases": "acronym-like forms that must match with exact case",
                "note": "optional remark",
                "names_ru": "Russian names (Организация Объединённых Наций, Союзное государство)",
                "acronyms_ru": "Russian acronyms, exact case (ООН, ОДКБ, СНГ, ЕАЭС)",
            },
        },
        "offices.jsonl": {
            "source": "Hand-written in data/kb/tables/. Sector codes are the CAMEO/PLOVER "
            "agent codes (GOV, MIL, LEG, JUD, SPY, COP, PTY; defence minister GOV + MIL), as "
            "used by the PETRARCH-2 agent dictionaries and the NGEC coder.",
            "licence": COMMON_LICENCE,
            "schema": {
                "id": "snake_case office id referenced by people.jsonl roles",
                "name": "display name",
                "canonical": "office string to export (a role's title overrides it)",
                "sector": "primary PLOVER/CAMEO agent code: " + ", ".join(sectors),
                "sector2": "optional secondary agent code (MIL for defence ministers)",
                "level": "rank, lower = more senior",
                "titles": "English surface forms denoting the office",
                "country_titles": "ISO-3 -> forms valid for that country only; when the "
                "country is known they take precedence over other offices' generic titles",
                "institution": "true for bodies (parliament, ministry, armed forces) rather "
                "than posts held by a person",
                "single_holder": "true where one person holds the office at a time, so a title "
                "without a name resolves to its holder on the day",
                "case_sensitive_titles": "forms that must match with exact case (PM, MP, NSA)",
                "note": "optional remark",
                "titles_ru": "Russian titles, nominative, lower case unless always capitalised "
                "(министр иностранных дел, Президент, посол)",
                "posts_ru": "Russian titles of one particular post -> its English title, the "
                "office a person so named holds in exports (официальный представитель МИД -> "
                "Spokesperson of the Ministry of Foreign Affairs)",
            },
            "sector_codes": sectors,
        },
        "people.jsonl": {
            "source": "Hand-written in data/kb/tables/ from public record (official "
            "announcements and news reports); a few recent dates were checked against news "
            "reports. " + PUBLIC_RECORD_CAVEAT,
            "licence": COMMON_LICENCE,
            "schema": {
                "id": "unique snake_case person id",
                "name": "canonical name",
                "aliases": "spelling/transliteration variants, full names with patronymics and "
                "ASCII-folded forms (initial forms are left to the code)",
                "case_sensitive_aliases": "acronym aliases such as MBS, AMLO, SBY",
                "roles": "list of {office, code, title, start, end, [to], [attested], [note]}: "
                "office is an offices.jsonl id; code is the ISO-3 or IGO code the role is for; "
                "title the exact title when it differs from the office's canonical name; start "
                "and end are YYYY-MM-DD or YYYY (year-only = imprecise); start null = unknown; "
                "end null = in office when compiled; to = accredited to; attested = a date on "
                "which the role is known to have been held",
                "note": "optional remark",
                "names_ru": "Russian full names: Имя Отчество Фамилия where there is a "
                "patronymic, else Имя Фамилия as the Russian press writes it (initial and "
                "surname-first forms are left to the code)",
            },
        },
    }


def header_line(filename: str, tables: Tables) -> str:
    """Return the ``_meta`` header line for *filename*."""
    meta = dict(headers(tables.sectors)[filename])
    meta["generator"] = "tools/build_kb.py"
    return json.dumps({"_meta": meta}, ensure_ascii=False)


def write_jsonl(path: Path, records: list[Record], tables: Tables) -> None:
    """Write the header line and one JSON object per record to *path*."""
    lines = [header_line(path.name, tables)]
    lines += [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path: Path) -> list[Record]:
    """Read *path*, check the header, and return the data records (``_meta`` skipped)."""
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            obj = json.loads(line)
            if number == 1 and "_meta" not in obj:
                raise ValueError(f"{path.name}: first line is not a _meta header")
            if "_meta" not in obj:
                records.append(obj)
    return records


def validate(kb_dir: Path, tables: Tables) -> list[str]:
    """Validate the generated KB files in *kb_dir*; return a list of problems (empty if valid)."""
    problems: list[str] = []
    states = read_jsonl(kb_dir / "states.jsonl")
    orgs = read_jsonl(kb_dir / "organisations.jsonl")
    offices = read_jsonl(kb_dir / "offices.jsonl")
    people = read_jsonl(kb_dir / "people.jsonl")
    no_capital_metonym = {r["code"] for r in tables.states if r["capital_metonym"] == "no"}

    state_codes = {s["code"] for s in states}
    for dup in duplicates(s["code"] for s in states):
        problems.append(f"states: duplicate code {dup}")
    if sum(1 for s in states if s["status"] == "un_member") != 193:
        problems.append("states: expected 193 UN member states")
    owner: dict[str, str] = {}
    for s in states:
        if not s["metonyms"] and s["code"] not in no_capital_metonym and s["capital"] != s["name"]:
            problems.append(f"states: {s['code']} has no metonym")
        forms = [s["name"], *s["official"], *s["aliases"], *s["adjectives"], *s["metonyms"]]
        for dup in duplicates(forms):
            problems.append(f"states: {s['code']} repeats form {dup!r}")
        for form in forms:
            if form in owner and owner[form] != s["code"]:
                problems.append(f"states: form {form!r} in {owner[form]} and {s['code']}")
            owner[form] = s["code"]
    for s in states:
        if "us" in s["aliases"] or "uk" in s["aliases"]:
            problems.append(f"states: {s['code']} has a lower-case acronym alias")

    igo_codes = {o["code"] for o in orgs}
    for dup in duplicates(o["id"] for o in orgs):
        problems.append(f"organisations: duplicate id {dup}")
    for dup in duplicates(o["code"] for o in orgs if not o["body"]):
        problems.append(f"organisations: duplicate organisation code {dup}")
    for o in orgs:
        if not o["code"].startswith("IGO:"):
            problems.append(f"organisations: bad code {o['code']}")
        if o["parent"] and o["parent"] not in igo_codes:
            problems.append(f"organisations: {o['id']} has unknown parent {o['parent']}")
        if o["body"] and not o["parent"]:
            problems.append(f"organisations: body {o['id']} has no parent")
        listed = [
            *o["members"],
            *o.get("former_members", []),
            *o.get("associate_members", []),
            *o.get("observers", []),
            *o.get("suspended_members", []),
        ]
        for code in listed:
            if code not in state_codes:
                problems.append(f"organisations: {o['id']} lists unknown state {code}")
        for code in o.get("organisation_members", []):
            if code not in igo_codes:
                problems.append(f"organisations: {o['id']} lists unknown IGO {code}")
    if sum(1 for o in orgs) < 90:
        problems.append("organisations: fewer than 90 records")

    office_ids = {o["id"] for o in offices}
    for dup in duplicates(o["id"] for o in offices):
        problems.append(f"offices: duplicate id {dup}")
    for o in offices:
        for sector in (o["sector"], o["sector2"]):
            if sector is not None and sector not in tables.sectors:
                problems.append(f"offices: {o['id']} has unknown sector {sector}")
        for country in o["country_titles"]:
            if country not in state_codes:
                problems.append(f"offices: {o['id']} country_titles has unknown {country}")

    for filename, records, key in (
        ("states", states, "code"),
        ("organisations", orgs, "id"),
        ("offices", offices, "id"),
        ("people", people, "id"),
    ):
        for record in records:
            where = f"{filename}: {record[key]}"
            problems += cyrillic_outside(where, record)
            for field in RUSSIAN_FIELDS:
                problems += russian_problems(where, field, list(record.get(field, [])))

    valid_codes = state_codes | igo_codes
    for dup in duplicates(p["id"] for p in people):
        problems.append(f"people: duplicate id {dup}")
    for p in people:
        if not p["roles"]:
            problems.append(f"people: {p['id']} has no roles")
        for role in p["roles"]:
            where = f"people: {p['id']} {role['office']} {role['code']}"
            if role["office"] not in office_ids:
                problems.append(f"{where}: unknown office")
            if role["code"] not in valid_codes:
                problems.append(f"{where}: unknown code")
            if role.get("to") and role["to"] not in valid_codes:
                problems.append(f"{where}: unknown 'to' code {role['to']}")
            for key in ("start", "end", "attested"):
                value = role.get(key)
                if value is not None and not DATE_RE.match(value):
                    problems.append(f"{where}: bad {key} {value!r}")
            if not check_date_order(role):
                problems.append(f"{where}: starts after it ends")
    return problems


def build(kb_dir: Path, tables: Tables) -> dict[str, int]:
    """Generate all KB files into *kb_dir*; return the number of records per file."""
    kb_dir.mkdir(parents=True, exist_ok=True)
    states = build_states(tables)
    outputs = {
        "states.jsonl": states,
        "organisations.jsonl": build_organisations(tables, states),
        "offices.jsonl": build_offices(tables),
        "people.jsonl": build_people(tables),
    }
    for filename, records in outputs.items():
        write_jsonl(kb_dir / filename, records, tables)
    return {filename: len(records) for filename, records in outputs.items()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build (default) or only validate (``--check``) the KB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=KB_DIR, help="output directory")
    parser.add_argument(
        "--tables", type=Path, default=TABLES_DIR, help="directory of the hand-written tables"
    )
    parser.add_argument(
        "--check", action="store_true", help="only validate the tables and the files in --out"
    )
    args = parser.parse_args(argv)
    try:
        tables = load_tables(args.tables)
    except TableError as err:
        for problem in err.problems:
            print(f"PROBLEM {problem}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in the tables", file=sys.stderr)
        return 1
    if not args.check:
        counts = build(args.out, tables)
        for filename, count in counts.items():
            print(f"{filename}: {count} records")
    problems = validate(args.out, tables)
    for problem in problems:
        print(f"PROBLEM {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("validation passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
