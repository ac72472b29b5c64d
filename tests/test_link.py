from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.link import (
    LinkDoc,
    assign_stories,
    duplicate_pairs,
    near_duplicates,
    pack_views,
    signature,
    story_clusters,
)
from communique.link.stories import _views, unpack_views

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


# A second happening in other words: two outlets on one visit to Montevideo, and a repost.
MONTEVIDEO_AGENCY = """Japanese minister opens Uruguay visit with beef and hydrogen talks

Japan's foreign minister Kenji Morita arrived in Montevideo on Monday for two days of talks with
Uruguayan Foreign Minister Lucia Ferreyra on beef exports, green hydrogen and a Japanese loan for
the port of Montevideo. Ferreyra said Uruguay hoped to ship its first hydrogen cargo to Yokohama
before the end of the decade, while Morita promised a trade mission of Japanese carmakers.
"""

MONTEVIDEO_PAPER = """Ferreyra and Morita agree on port loan and hydrogen study

Uruguay and Japan will study green hydrogen shipments from Montevideo to Yokohama, Lucia Ferreyra
announced after receiving Kenji Morita at the foreign ministry. The Japanese minister confirmed a
loan to deepen the Montevideo port channel and said carmakers from Japan would visit Uruguay
with him next spring. Beef exports to the Japanese market were also on the agenda.
"""

MONTEVIDEO_CODES = frozenset({"JPN", "URY"})


def _doc(doc_id: str, text: str, day: date | None, codes: frozenset[str] = frozenset()) -> LinkDoc:
    return LinkDoc(id=doc_id, text=text, published=day, codes=codes)


# Reposts at several distances from their originals: one word, a credit line, a paragraph cut
# (Jaccard 0.67 with its original, below the 0.8 of a near-duplicate).
COPIES = [
    *DOCS,
    _doc("agency-montevideo", MONTEVIDEO_AGENCY, date(2024, 6, 3), MONTEVIDEO_CODES),
    _doc("paper-montevideo", MONTEVIDEO_PAPER, date(2024, 6, 4), MONTEVIDEO_CODES),
    _doc("repost-jakarta", _edited(JAKARTA_WIRE), None),
    _doc("repost-repost-jakarta", _edited(_edited(JAKARTA_WIRE)), None),
    _doc("aggregator-montevideo", MONTEVIDEO_AGENCY.replace("Monday", "Monday evening"), None),
    _doc("cut-nairobi", NAIROBI_WIRE.rsplit("\nLindqvist", 1)[0], None),
]


def test_signature_keys_are_shared_by_copies_only() -> None:
    for original, copy, other in [
        (JAKARTA_WIRE, _edited(JAKARTA_WIRE), NAIROBI_WIRE),
        (MONTEVIDEO_AGENCY, MONTEVIDEO_AGENCY.replace("Monday", "Monday evening"), HARVEST),
    ]:
        keys = signature(original)
        assert len(keys) == 16 and keys == signature(original)
        assert all(-(2**63) <= key < 2**63 for key in keys)
        assert set(keys) & set(signature(copy))
        assert not set(keys) & set(signature(other))
    assert signature(" — … ") == ()


def _added(docs: list[LinkDoc], size: int) -> list[tuple[str, str]]:
    """Near-duplicates found as a store finds them: batches against earlier docs sharing a key."""
    keys = {item.id: set(signature(item.text)) for item in docs}
    pairs: list[tuple[str, str]] = []
    for start in range(0, len(docs), size):
        batch = docs[start : start + size]
        wanted = set().union(*(keys[item.id] for item in batch))
        candidates = [item for item in docs[:start] if keys[item.id] & wanted]
        pairs.extend(duplicate_pairs(batch, candidates))
    return sorted(pairs)


@hsettings(max_examples=15, deadline=None)
@given(st.permutations(COPIES), st.sampled_from([1, 3]))
def test_duplicate_pairs_added_in_batches_equal_one_run(docs: list[LinkDoc], size: int) -> None:
    expected = [
        ("agency-montevideo", "aggregator-montevideo"),
        ("repost-jakarta", "repost-repost-jakarta"),
        ("repost-jakarta", "wire-jakarta"),
        ("repost-repost-jakarta", "wire-jakarta"),
    ]
    assert near_duplicates(COPIES) == expected
    assert _added(docs, size) == expected


def test_duplicate_pairs_leave_pairs_of_stored_documents_alone() -> None:
    stored = [COPIES[0], _doc("repost-jakarta", _edited(JAKARTA_WIRE), None)]
    assert duplicate_pairs([COPIES[2]], stored) == []
    assert duplicate_pairs([COPIES[4]], [COPIES[7]]) == []  # agencies' reports, other words
    copy = _doc("copy-montevideo", MONTEVIDEO_AGENCY + "\n(Our correspondent)\n", None)
    assert duplicate_pairs([copy], [COPIES[4], *stored]) == [
        ("agency-montevideo", "copy-montevideo")
    ]


def _stories(found: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for doc_id, story in found.items():
        groups.setdefault(story, []).append(doc_id)
    return sorted(sorted(group) for group in groups.values())


def test_assign_stories_new_report_joins_the_stored_story_of_its_happening() -> None:
    stored = [(COPIES[0], "sty-jakarta"), (COPIES[4], "sty-montevideo"), (COPIES[3], "sty-farm")]
    found = assign_stories([COPIES[1], COPIES[5], COPIES[2]], stored)
    assert found["daily-jakarta"] == "sty-jakarta"
    assert found["paper-montevideo"] == "sty-montevideo"
    # The Nairobi report is a meeting of the same kind, not the same meeting: a story of its own.
    assert found["wire-nairobi"] == "sty-" + hashlib.sha1(b"wire-nairobi").hexdigest()[:12]


def test_assign_stories_new_reports_of_one_batch_join_each_other() -> None:
    found = assign_stories(COPIES[:6], [])
    assert _stories(found) == [
        ["agency-montevideo", "paper-montevideo"],
        ["daily-jakarta", "wire-jakarta"],
        ["farm-harvest"],
        ["wire-nairobi"],
    ]
    assert _stories(found) == story_clusters(COPIES[:6])


def test_assign_stories_story_with_a_report_beyond_the_window_is_not_joined() -> None:
    late = dataclasses.replace(COPIES[1], published=date(2024, 3, 25))
    assert assign_stories([late], [(COPIES[0], "sty-jakarta")]) == {
        "daily-jakarta": "sty-" + hashlib.sha1(b"daily-jakarta").hexdigest()[:12]
    }
    late_paper = dataclasses.replace(COPIES[5], published=date(2024, 6, 30))
    stored = [(COPIES[4], "sty-montevideo")]
    assert assign_stories([late_paper], stored)["paper-montevideo"] != "sty-montevideo"
    assert assign_stories([late_paper], stored, max_days=30)["paper-montevideo"] == "sty-montevideo"


@hsettings(max_examples=20, deadline=None)
@given(st.permutations(COPIES[:6]), st.permutations([(COPIES[6], "sty-a"), (COPIES[8], "sty-b")]))
def test_assign_stories_does_not_depend_on_order(
    new: list[LinkDoc], stored: list[tuple[LinkDoc, str]]
) -> None:
    found = assign_stories(new, stored)
    assert found == assign_stories(COPIES[:6], [(COPIES[6], "sty-a"), (COPIES[8], "sty-b")])
    assert found["wire-jakarta"] == found["daily-jakarta"] == "sty-a"
    assert found["agency-montevideo"] == found["paper-montevideo"] == "sty-b"


def test_assign_stories_rejects_a_new_document_already_stored() -> None:
    with pytest.raises(ValueError, match="duplicate document id 'wire-jakarta'"):
        assign_stories([COPIES[0]], [(COPIES[0], "sty-jakarta")])
    assert assign_stories([], [(COPIES[0], "sty-jakarta")]) == {}


def test_story_word_hashes_are_the_same_in_every_process() -> None:
    """Python salts ``hash`` per process; the word bags must not, or sums change their order."""
    script = (
        "import sys; from communique.link.stories import _views; "
        "print([bag[0].tolist() for bag in _views(sys.stdin.read())])"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=JAKARTA_WIRE,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(answers) == 1
    assert len(answers.pop()) > 100  # the bags hold the report's words


def test_packed_views_give_back_the_bags_of_the_text() -> None:
    # A long report and a short one, with words repeated (counts above one) and without names.
    for text in (JAKARTA_DAILY, "Prices of rice rose again; rice traders said prices would rise."):
        packed = pack_views(text)
        assert isinstance(packed, bytes)
        for (keys, counts), (want_keys, want_counts) in zip(
            unpack_views(packed), _views(text), strict=True
        ):
            assert keys.dtype == want_keys.dtype and keys.tolist() == want_keys.tolist()
            assert counts.astype(int).tolist() == want_counts.tolist()
    assert [len(keys) for keys, _counts in unpack_views(pack_views(" — … "))] == [0, 0, 0]


def test_candidates_carrying_their_views_only_are_placed_as_from_their_texts() -> None:
    # A store passes stored candidates with their kept views and no text: same stories.
    stored = [(COPIES[6], "sty-a"), (COPIES[8], "sty-b"), (COPIES[3], "sty-c")]
    kept = [
        (dataclasses.replace(doc, text="", views=pack_views(doc.text)), story)
        for doc, story in stored
    ]
    new = COPIES[:3] + COPIES[4:6]
    assert assign_stories(new, kept) == assign_stories(new, stored)
    assert assign_stories(new, kept)["daily-jakarta"] == "sty-a"
