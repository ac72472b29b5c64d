from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.link import LinkDoc, near_duplicates, story_clusters

# Reports written for these tests. Two agencies on one meeting in Jakarta, in their own words;
# a meeting of the same kind three weeks later between other states; and an unrelated story.
JAKARTA_WIRE = """Portugal and Indonesia sign maritime pact in Jakarta

Portuguese Foreign Minister Ana Pereira met her Indonesian counterpart Retno Halim in Jakarta on
Tuesday, and the two signed a memorandum of understanding on maritime cooperation.
The memorandum covers joint patrols against illegal fishing in the Banda Sea, training for
Indonesian coast guard officers in Lisbon and a working group on port security.
Pereira said Lisbon wanted Indonesia as its closest partner in South-East Asia. Halim said the
two ministers had also agreed to study direct flights between Lisbon and Jakarta.
"""

JAKARTA_DAILY = """Pereira and Halim seal Banda Sea fishing deal

Retno Halim, Indonesia's foreign minister, received Ana Pereira of Portugal at the ministry in
Jakarta, where they put their names to a maritime memorandum. Under the deal Portuguese and
Indonesian vessels will patrol the Banda Sea together to stop illegal fishing, and Lisbon will
train Indonesian coast guard officers. Halim told reporters that direct flights between Jakarta
and Lisbon were under study. It was Pereira's first visit to Indonesia as minister.
"""

NAIROBI_WIRE = """Sweden and Kenya sign energy memorandum in Nairobi

Swedish Foreign Minister Tomas Lindqvist met his Kenyan counterpart Grace Wanjiru in Nairobi on
Wednesday, and the two signed a memorandum of understanding on renewable energy.
The memorandum covers geothermal drilling in the Rift Valley, grants for solar farms near Lake
Turkana and a working group on grid investment.
Lindqvist said Stockholm saw Kenya as its main partner in East Africa. Wanjiru said the two
ministers had also discussed scholarships for Kenyan engineers in Sweden.
"""

HARVEST = """Wheat harvest starts early after a dry spring

Farmers on the northern plains began cutting wheat two weeks ahead of the usual calendar, as a
dry and warm spring ripened the crop early. Grain traders expect lower yields but good quality,
and the farmers' union asked for help with the cost of irrigation.
"""

JAKARTA_CODES = frozenset({"PRT", "IDN"})

DOCS = [
    LinkDoc(id="wire-jakarta", text=JAKARTA_WIRE, published=date(2024, 3, 12), codes=JAKARTA_CODES),
    LinkDoc(
        id="daily-jakarta", text=JAKARTA_DAILY, published=date(2024, 3, 13), codes=JAKARTA_CODES
    ),
    LinkDoc(
        id="wire-nairobi",
        text=NAIROBI_WIRE,
        published=date(2024, 4, 3),
        codes=frozenset({"SWE", "KEN"}),
    ),
    LinkDoc(id="farm-harvest", text=HARVEST, published=date(2024, 3, 12)),
]


def _edited(text: str) -> str:
    """A repost: one word changed, a credit line added, as aggregators do."""
    return text.replace("on\nTuesday", "on\nTuesday morning") + "\n(Reporting by the news desk)\n"


def test_near_duplicates_finds_lightly_edited_copy() -> None:
    copy = LinkDoc(id="repost-jakarta", text=_edited(JAKARTA_WIRE), published=None)
    assert near_duplicates([*DOCS, copy]) == [("repost-jakarta", "wire-jakarta")]


def test_near_duplicates_ignores_unrelated_and_reworded_reports() -> None:
    # The daily's report is the same story in other words: a story cluster, not a near-duplicate.
    assert near_duplicates(DOCS) == []


def test_near_duplicates_threshold_bounds_the_pairs() -> None:
    copy = LinkDoc(id="repost-jakarta", text=_edited(JAKARTA_WIRE), published=None)
    assert near_duplicates([DOCS[0], copy], threshold=0.99) == []


def test_story_clusters_joins_reports_of_one_meeting_only() -> None:
    assert story_clusters(DOCS) == [
        ["daily-jakarta", "wire-jakarta"],
        ["farm-harvest"],
        ["wire-nairobi"],
    ]


def test_story_clusters_same_kind_of_meeting_without_dates_stays_apart() -> None:
    undated = [dataclasses.replace(item, published=None, codes=frozenset()) for item in DOCS]
    assert ["wire-jakarta", "wire-nairobi"] not in story_clusters(undated)
    assert ["daily-jakarta", "wire-jakarta"] in story_clusters(undated)


def test_story_clusters_dates_beyond_window_split() -> None:
    later = dataclasses.replace(DOCS[1], published=date(2024, 5, 20))
    clusters = story_clusters([DOCS[0], later])
    assert clusters == [["daily-jakarta"], ["wire-jakarta"]]
    assert story_clusters([DOCS[0], later], max_days=90) == [["daily-jakarta", "wire-jakarta"]]


def test_story_clusters_window_holds_inside_a_group() -> None:
    # Three copies of one report, 0, 5 and 10 days after the meeting: each is within a week of
    # the middle one, but the first and last are not, so they never share a group.
    spread = [
        dataclasses.replace(DOCS[0], id=f"day-{day:02d}", published=date(2024, 3, 12 + day))
        for day in (0, 5, 10)
    ]
    clusters = story_clusters(spread)
    assert len(clusters) == 2
    assert all(not {"day-00", "day-10"} <= set(cluster) for cluster in clusters)
    assert story_clusters(spread, max_days=10) == [["day-00", "day-05", "day-10"]]


def test_story_clusters_unknown_date_does_not_split() -> None:
    undated = dataclasses.replace(DOCS[1], published=None)
    assert story_clusters([DOCS[0], undated]) == [["daily-jakarta", "wire-jakarta"]]


def test_story_clusters_empty_codes_are_no_penalty() -> None:
    no_codes = [dataclasses.replace(item, codes=frozenset()) for item in DOCS]
    assert story_clusters(no_codes) == story_clusters(DOCS)


def test_story_clusters_shared_codes_tip_a_borderline_pair() -> None:
    with_codes = DOCS[:2]
    without = [dataclasses.replace(item, codes=frozenset()) for item in with_codes]
    thresholds = [k / 100 for k in range(1, 100)]
    tipped = [
        t
        for t in thresholds
        if len(story_clusters(with_codes, threshold=t)) == 1
        and len(story_clusters(without, threshold=t)) == 2
    ]
    assert tipped
    # Never the other way: codes only add.
    assert all(
        len(story_clusters(with_codes, threshold=t)) <= len(story_clusters(without, threshold=t))
        for t in thresholds
    )


def test_story_clusters_is_a_sorted_partition() -> None:
    clusters = story_clusters(DOCS)
    ids = [i for cluster in clusters for i in cluster]
    assert sorted(ids) == sorted(item.id for item in DOCS)
    assert len(ids) == len(set(ids))
    assert all(cluster == sorted(cluster) for cluster in clusters)
    assert clusters == sorted(clusters)


@pytest.mark.parametrize("function", [near_duplicates, story_clusters])
def test_link_empty_input_gives_nothing(function) -> None:
    assert function([]) == []


@pytest.mark.parametrize("function", [near_duplicates, story_clusters])
def test_link_duplicate_ids_raise(function) -> None:
    with pytest.raises(ValueError, match="duplicate document id 'wire-jakarta'"):
        function([DOCS[0], dataclasses.replace(DOCS[1], id="wire-jakarta")])


def test_link_texts_without_words() -> None:
    blank = [
        LinkDoc(id="a", text="", published=None),
        LinkDoc(id="b", text=" — … ", published=None),
    ]
    assert story_clusters(blank) == [["a"], ["b"]]
    assert near_duplicates(blank) == []


@hsettings(max_examples=40, deadline=None)
@given(st.permutations([*DOCS, LinkDoc(id="repost", text=_edited(JAKARTA_WIRE), published=None)]))
def test_link_output_does_not_depend_on_order(docs: list[LinkDoc]) -> None:
    assert story_clusters(docs) == [
        ["daily-jakarta", "repost", "wire-jakarta"],
        ["farm-harvest"],
        ["wire-nairobi"],
    ]
    assert near_duplicates(docs) == [("repost", "wire-jakarta")]
