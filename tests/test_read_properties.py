"""Property tests (issue 11): whatever bytes come in, reading, decoding, cleaning and metadata
give an article or a coded error, never another exception; a JSONL file with good and bad lines
interleaved keeps every good line.

No spaCy pipeline runs here: these stages come before the language analysis. Examples are few
and have no deadline, as the machine running them is shared.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.clean import clean_document
from communique.errors import CommuniqueError, InputError
from communique.metadata import (
    dateline_date,
    detect_language,
    find_title,
    header_dates,
    parse_date_line,
    rights_year,
    split_date_prefix,
)
from communique.model import Article, RawDocument
from communique.read import read_inputs
from communique.settings import load_settings

SETTINGS = load_settings(environ={})
LIMIT = 50_000
FEW = hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Bytes that look like the inputs we meet: text in several scripts and encodings, markup, JSON,
# with stray bytes, byte-order marks and control bytes mixed in.
_WORDS = st.sampled_from(
    [
        "Minister",
        "talks",
        "signed",
        "Lima",
        "12 May 2021",
        "2020-02-30",
        "Published:",
        "By",
        "©",
        "Share",
        "Tags:",
        "|",
        "•",
        "министр",
        "переговоры",
        "ministre",
        "accord",
        "وزير",
        "שר",
        "外长",
        "会谈",
        "。",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        "\t",
        "   ",
        "<p>",
        "</p>",
        "<html>",
        "{",
        "}",
        '"text":',
        "http://x.example.org/a",
        "(END)",
        "\ufeff",
    ]
)
_TEXTS = st.lists(_WORDS, max_size=60).map(" ".join) | st.text(max_size=400)
_ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1251", "latin-1", "utf-8-sig"])


@st.composite
def _inputs(draw: st.DrawFn) -> bytes:
    """Raw bytes: encoded text, maybe damaged, or arbitrary bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=600))
    text = draw(_TEXTS)
    data = text.encode(draw(_ENCODINGS), errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
    return data


def _read_and_clean(name: str, data: bytes) -> list[Article | CommuniqueError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_inputs([str(path)], max_bytes=LIMIT))
    out: list[Article | CommuniqueError] = []
    for item in items:
        if isinstance(item, InputError):
            assert str(path) in str(item), "every read error names the path"
            out.append(item)
            continue
        try:
            out.append(clean_document(item, settings=SETTINGS))
        except CommuniqueError as err:
            out.append(err)
    return out


@FEW
@given(_inputs(), st.sampled_from(["any.txt", "any.html", "any.jsonl"]))
def test_any_bytes_give_an_article_or_a_coded_error(data: bytes, name: str) -> None:
    for item in _read_and_clean(name, data):
        assert isinstance(item, Article | CommuniqueError)
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text == item.text.strip()
            item.text.encode("utf-8")  # storable: no lone surrogates


@FEW
@given(_TEXTS, st.sampled_from(["en", "ru", "fr", "ar", "zh", None]))
def test_metadata_never_raises_on_any_text(text: str, language: str | None) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    dates = header_dates(lines, language)
    assert all(isinstance(found, date) for found in dates.values())
    find_title(lines, date_lines=dates.keys())
    rights_year(lines)
    split_date_prefix(text)
    for line in lines[:5]:
        parse_date_line(line, language)
        dateline_date(line, language, 2020)
    assert detect_language(text) is None or isinstance(detect_language(text), str)


_GOOD = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=80).filter(str.strip)},
    optional={
        "id": st.text(min_size=1, max_size=12) | st.integers(0, 10**6),
        "title": st.text(max_size=30),
        "publisher": st.text(max_size=12),
        "published": st.dates().map(date.isoformat),
    },
)
# Lines no reader should accept: broken JSON, JSON that is no object, records without a body,
# fields of the wrong kind, bad dates.
_BAD = st.one_of(
    st.text(max_size=40).filter(lambda s: s.strip() and not s.lstrip().startswith("{")),
    st.just('{"text": "unterminated'),
    st.just("[1, 2, 3]"),
    st.just('{"id": "x"}'),
    st.just('{"text": 12345}'),
    st.just('{"html": ["<p>list</p>"]}'),
    st.just('{"text": "Envoys met.", "published": "yesterday"}'),
    st.just('{"text": "Envoys met.", "title": {"nested": true}}'),
    st.just("[" * 5000),
    st.just('{"id": ' + "7" * 5000 + ', "text": "Envoys met."}'),
).filter(lambda s: "\n" not in s)


@FEW
@given(st.lists(st.tuples(st.booleans(), _GOOD, _BAD), min_size=1, max_size=12))
def test_jsonl_keeps_every_good_line_among_bad_ones(rows: list[tuple[bool, dict, str]]) -> None:
    lines = [json.dumps(good) if is_good else bad for is_good, good, bad in rows]
    wanted = [(number, good) for number, (is_good, good, _) in enumerate(rows, 1) if is_good]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        items = list(read_inputs([str(path)], max_bytes=10**6))
    docs = [item for item in items if isinstance(item, RawDocument)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [doc.where for doc in docs] == [f"{path}:{number}" for number, _ in wanted]
    assert [doc.content for doc in docs] == [good["text"] for _, good in wanted]
    if not wanted and [error.code for error in errors] == ["E102"]:
        return  # no line was a record and the file looks binary: one error for the file
    assert len(errors) == len(rows) - len(wanted)
    assert all(str(error).startswith(f"{path}: line ") for error in errors)
