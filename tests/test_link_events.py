"""Merging events across sources in near-linear time, and incrementally (issue 12 item 6)."""

from __future__ import annotations

import calendar
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.link import corroborated, happening_key, merge_events, merge_window
from communique.link import events as link_events
from communique.model import Event, Evidence, Span, Story

pytestmark = pytest.mark.issue(12)

BASE = date(2024, 2, 26)  # a window over a month's end, so month spans meet day spans


def _pairwise_merge(reports: list[tuple[str, Event]]) -> list[Story]:
    """The reference: every pair of reports compared, as merge_events did before the sweep."""
    items = sorted(reports, key=link_events._report_order)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        if items[i][0] != items[j][0] and link_events._same_happening(items[i][1], items[j][1]):
            parent[find(j)] = find(i)
    groups: dict[int, list[tuple[str, Event]]] = {}
    for index, item in enumerate(items):
        groups.setdefault(find(index), []).append(item)
    stories = [link_events._story(members) for members in groups.values()]
    return sorted(stories, key=lambda s: (s.when.start if s.when else date.max, s.id))


@st.composite
def spans(draw: st.DrawFn) -> Span | None:
    """No date, a day, or a month; stated in the text or standing in for the publication."""
    kind = draw(st.sampled_from(["none", "day", "day", "month"]))
    inferred = draw(st.booleans())
    day = BASE + timedelta(days=draw(st.integers(0, 6)))
    if kind == "none":
        return None
    if kind == "day":
        return Span(start=day, end=day, precision="day", from_publication=inferred)
    last = calendar.monthrange(day.year, day.month)[1]
    return Span(
        start=day.replace(day=1),
        end=day.replace(day=last),
        precision="month",
        from_publication=inferred,
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    states = st.lists(st.sampled_from(["NOR", "VNM"]), max_size=2, unique=True)
    return Event(
        event=draw(st.sampled_from(["CONSULT", "CONSULT", "COOPERATE"])),
        mode=draw(st.sampled_from([None, "visit", "visit", "call"])),
        context="diplomatic",
        actor=tuple(draw(states)),
        recipient=tuple(draw(states)),
        people=(),
        when=draw(spans()),
        place=draw(st.sampled_from([None, "Oslo", "Hanoi"])),
        place_code=None,
        negated=draw(st.sampled_from([False, False, True])),
        tense="past",
        evidence=(Evidence(start=draw(st.integers(0, 2)), end=50, sentence="They met."),),
        confidence=draw(st.sampled_from([0.6, 0.9])),
    )


reports = st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "c.txt"]), events()), max_size=14)


@hsettings(max_examples=400, deadline=None)
@given(reports)
def test_merge_events_sweep_equals_every_pair_compared(found: list[tuple[str, Event]]) -> None:
    assert merge_events(found) == _pairwise_merge(found)


@hsettings(max_examples=200, deadline=None)
@given(reports, reports)
def test_merge_events_new_reports_with_touched_stories_equal_a_full_merge(
    stored: list[tuple[str, Event]], new: list[tuple[str, Event]]
) -> None:
    """The store's incremental merge: only stories in reach of a new report are recomputed."""
    before = merge_events(stored)
    touched = [
        story
        for story in before
        if any(_in_reach(event, fresh) for _doc, event in story.reports for _d, fresh in new)
    ]
    recomputed = merge_events([*new, *(r for story in touched for r in story.reports)])
    kept = [story for story in before if story not in touched]
    # Compared as sets: two reports of one doc that differ only in place get one story id, so
    # the order of such stories in a list is not defined (nor used by the store).
    assert sorted(map(repr, [*kept, *recomputed])) == sorted(
        map(repr, merge_events([*stored, *new]))
    )


def _in_reach(stored: Event, new: Event) -> bool:
    """What the store queries: the same key, dates inside the new report's window."""
    window = merge_window(new)
    if window is None or happening_key(stored) != happening_key(new):
        return False
    assert stored.when is not None
    return stored.when.start <= window[1] and stored.when.end >= window[0]


def _meeting(states: tuple[str, ...], day: date, **changes: object) -> Event:
    values: dict = {
        "event": "CONSULT",
        "mode": None,
        "context": "diplomatic",
        "actor": states[:1],
        "recipient": states[1:],
        "people": (),
        "when": Span(start=day, end=day, precision="day"),
        "place": None,
        "place_code": None,
        "negated": False,
        "tense": "past",
        "evidence": (Evidence(start=0, end=20, sentence="The ministers met."),),
    }
    values.update(changes)
    return Event(**values)


def test_happening_key_is_the_same_for_both_directions_of_a_meeting() -> None:
    day = date(2023, 9, 14)
    assert happening_key(_meeting(("PER", "MAR"), day)) == happening_key(
        _meeting(("MAR", "PER"), day + timedelta(days=3))
    )
    assert happening_key(_meeting(("PER", "MAR"), day)) != happening_key(
        _meeting(("PER", "MAR"), day, negated=True)
    )
    assert happening_key(_meeting(("PER", "MAR"), day)) != happening_key(
        _meeting(("PER", "MAR"), day, event="COOPERATE")
    )


def test_happening_key_is_none_for_events_that_never_merge() -> None:
    assert happening_key(_meeting((), date(2023, 9, 14))) is None
    assert happening_key(_meeting(("PER", "MAR"), date(2023, 9, 14), when=None)) is None
    assert merge_window(_meeting(("PER", "MAR"), date(2023, 9, 14), when=None)) is None


def test_merge_window_widens_the_dates_by_the_largest_slack() -> None:
    month = Span(start=date(2022, 4, 1), end=date(2022, 4, 30), precision="month")
    assert merge_window(_meeting(("ISL", "CAN"), date(2022, 4, 1), when=month)) == (
        date(2022, 3, 30),
        date(2022, 5, 2),
    )
    day = _meeting(("ISL", "CAN"), date(2022, 4, 1))
    assert merge_window(day) == (date(2022, 3, 30), date(2022, 4, 3))
    # An event two days outside the window's edge would not merge even at the widest slack.
    outside = _meeting(
        ("CAN", "ISL"),
        date(2022, 4, 4),
        when=Span(
            start=date(2022, 4, 4), end=date(2022, 4, 4), precision="day", from_publication=True
        ),
    )
    assert len(merge_events([("x.txt", day), ("y.txt", outside)])) == 2


def test_merge_events_one_key_of_many_reports_compares_each_with_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20,000 reports of one pair of states over ten weeks: about one check per report.

    Every pair compared would be 200 million checks; the sweep makes a few per report, however
    many reports share a day, because the reports of one day and class form one group.
    """
    calls = 0
    same = link_events._same_happening

    def counted(a: Event, b: Event) -> bool:
        nonlocal calls
        calls += 1
        return same(a, b)

    monkeypatch.setattr(link_events, "_same_happening", counted)
    start = date(2021, 1, 4)
    found = []
    for n in range(20_000):
        day = start + timedelta(days=(n * 7919) % 70 if n % 9 else 7 * (n % 10))
        host = ("FIN", "THA")[n % 2]
        guest = ("THA", "FIN")[n % 2]
        visit = {"mode": "visit", "actor": (guest,), "recipient": (host,)} if n % 5 == 0 else {}
        span = Span(start=day, end=day, precision="day", from_publication=n % 3 == 0)
        found.append((f"{n:05d}.txt", _meeting(("THA", "FIN"), day, when=span, **visit)))
    stories = merge_events(found)
    assert calls < 5 * len(found)
    assert sum(len(story.reports) for story in stories) == len(found)
    # Every day of the ten weeks has reports, so the one-day slack chains them into one story.
    assert len(stories) == 1


def test_confidence_corroboration_counts_each_source_once_at_a_discount() -> None:
    assert corroborated([("wire.txt", 0.5)]) == 0.5
    two = corroborated([("wire.txt", 0.5), ("paper.html", 0.5)])
    assert 0.5 < two < 1 - 0.5 * 0.5  # more than one source, less than independent witnesses
    repeated = corroborated([("wire.txt", 0.5), ("wire.txt", 0.3), ("paper.html", 0.5)])
    assert repeated == two  # a source's second report adds nothing
    backwards = corroborated([("paper.html", 0.5), ("wire.txt", 0.5)])
    assert backwards == two
