from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.errors import InputError
from communique.model import RawDocument
from communique.pipeline import ingest_documents
from communique.read import read_inputs
from communique.settings import Settings
from communique.store import Store

LIMIT = 20_000


def _read(*paths: Path | str, limit: int = LIMIT) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], max_bytes=limit))


def test_read_text_file_keeps_name_as_doc(tmp_path: Path) -> None:
    path = tmp_path / "visit.txt"
    path.write_text("The minister arrived in Hanoi for talks.\n", encoding="utf-8")
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.doc == "visit.txt"
    assert doc.format == "text"
    assert doc.group == str(tmp_path)


def test_read_folder_recursively_skips_other_suffixes_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("First report.", encoding="utf-8")
    (tmp_path / "two.htm").write_text("<html><body><p>Second.</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "three.txt").write_text("hidden", encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.doc for d in docs] == ["one.txt", "two.htm"]
    assert [d.format for d in docs] == ["text", "html"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E101"),
        ("blank.txt", b"  \n\n \t\n", "E101"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E102"),
        ("controls.txt", bytes(range(1, 9)) * 40, "E102"),
    ],
)
def test_read_refuses_empty_and_binary_files(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert error.code == code
    assert name in str(error)


def test_read_refuses_file_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    [error] = _read(path, limit=100)
    assert isinstance(error, InputError)
    assert error.code == "E103"
    assert "huge.txt" in str(error) and "limit of 100 bytes" in str(error)


def test_read_reports_missing_and_unreadable_paths(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", dangling)
    errors = _read(tmp_path / "absent.txt", dangling)
    assert [e.code for e in errors] == ["E109", "E104"]
    assert "absent.txt" in str(errors[0]) and "gone.txt" in str(errors[1])


def test_read_refuses_unknown_suffix_named_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_text("cells", encoding="utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError) and error.code == "E110"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Министр иностранных дел провёл переговоры с коллегой в Минске. " * 4, "cp1251"),
        ("Le ministre a reçu l'ambassadeur à Genève; déclaration commune signée. " * 4, "latin-1"),
    ],
)
def test_read_decodes_legacy_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == text


def test_read_jsonl_records_and_names_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "wire-1", "text": "Talks were held in Oslo.", "published": "2024-05-02",'
        ' "publisher": "Wire", "title": "Talks in Oslo"}\n'
        "{not json\n"
        '{"id": "wire-3"}\n'
        '{"url": "https://news.example.org/a", "html": "<p>Envoys met.</p>"}\n',
        encoding="utf-8",
    )
    items = _read(path)
    good = [i for i in items if isinstance(i, RawDocument)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [d.doc for d in good] == ["wire-1", "https://news.example.org/a"]
    assert good[0].published.isoformat() == "2024-05-02"
    assert good[0].group == "Wire"
    assert good[1].format == "html"
    assert [(e.code, "line 2" in str(e) or "line 3" in str(e)) for e in bad] == [
        ("E105", True),
        ("E106", True),
    ]
    assert all("feed.jsonl" in str(e) for e in bad)


@given(st.text(min_size=1, max_size=300))
def test_read_any_utf8_text_either_reads_back_or_is_refused_with_a_code(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.txt"
        path.write_text(text, encoding="utf-8")
        [item] = _read(path)
    if isinstance(item, RawDocument):
        assert item.content == text.removeprefix("\ufeff")
    else:
        assert item.code in {"E101", "E102"}


# Issue 11, case 4: encodings. Texts written for these tests.
TRADE = "Die Außenminister Islands und Perus sprachen über Fischerei und Zölle. " * 3
MONSOON = "Министры Непала и Бутана обсудили строительство гидростанций в Гималаях. " * 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("text", [TRADE, MONSOON])
def test_read_decodes_utf16_and_utf32_marked_by_a_bom(
    tmp_path: Path, encoding: str, text: str
) -> None:
    path = tmp_path / "wide.txt"
    # Python writes a BOM for "utf-16" and "utf-32" (little-endian here); big-endian gets its own.
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == text


def test_read_refuses_bom_marked_text_that_is_not_what_its_mark_says(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + "Talks in Quito.".encode("utf-16-le") + b"\x00")
    [error] = _read(path)
    assert isinstance(error, InputError) and error.code == "E114"
    assert str(path) in str(error)


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("Министр обороны Монголии посетил Улан-Батор 14 апреля 2023 года. " * 5, b"\xe9"),
        (
            "Le président chilien a reçu à Santiago l'émissaire fidjien, le 2 mai 2022. " * 4,
            b"\x92",
        ),
    ],
)
def test_read_keeps_utf8_with_a_few_stray_bytes_as_utf8_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, stray: bytes
) -> None:
    path = tmp_path / "stray.txt"
    data = text.encode("utf-8")
    middle = len(data) // 2
    middle = data.index(b" ", middle)  # a stray byte between words, not inside a letter
    path.write_bytes(data[:middle] + stray + data[middle:] + stray)
    with caplog.at_level("WARNING", logger="communique.read"):
        [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content.replace("\ufffd", "") == text
    assert doc.content.count("\ufffd") == 2
    assert any(
        "[W101]" in record.message and str(path) in record.message for record in caplog.records
    )


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("report.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n", "PDF"),
        ("letter.txt", b"PK\x03\x04" + b"word/document.xml" * 4, "ZIP"),
    ],
)
def test_read_refuses_a_renamed_document_naming_its_path(
    tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = folder / name
    path.write_bytes(content)
    [error] = _read(path)
    assert isinstance(error, InputError) and error.code == "E102"
    assert str(path) in str(error) and what in str(error)


# Issue 11, case 7: every error names the path as given, and the line for JSONL.
@pytest.mark.parametrize(
    ("record", "field"),
    [
        ('{"id": "desk-7", "text": 12345}', "text"),
        ('{"id": "desk-8", "html": ["<p>Envoys met.</p>"]}', "html"),
        ('{"id": "desk-9", "text": "Envoys met in Lima.", "title": 2024}', "title"),
    ],
)
def test_read_jsonl_field_of_the_wrong_kind_names_path_and_line(
    tmp_path: Path, record: str, field: str
) -> None:
    path = tmp_path / "wires" / "desk.jsonl"
    path.parent.mkdir()
    good = '{"id": "desk-1", "text": "The envoys of Laos and Ghana met in Accra."}'
    path.write_text(f"{good}\n\n{record}\n{good.replace('desk-1', 'desk-2')}\n", encoding="utf-8")
    items = _read(path)
    assert [i.doc for i in items if isinstance(i, RawDocument)] == ["desk-1", "desk-2"]
    [error] = [i for i in items if isinstance(i, InputError)]
    assert error.code == "E111"
    assert str(error).startswith(f"{path}: line 3: field '{field}'")


def test_read_jsonl_records_know_their_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds" / "night.jsonl"
    path.parent.mkdir()
    path.write_text(
        '{"text": "Ministers of Peru and Oman met."}\n{"text": "Envoys of Chad met."}\n',
        encoding="utf-8",
    )
    first, second = _read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.where, second.where) == (f"{path}:1", f"{path}:2")
    assert (first.doc, second.doc) == ("night.jsonl:1", "night.jsonl:2")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("numbers.txt", "12345\n67890\n"),
        ("feed.jsonl", '{"id": "wire-5", "text": "---"}\n'),
    ],
)
def test_ingest_error_for_a_text_without_article_names_the_path(
    tmp_path: Path, settings: Settings, store: Store, name: str, content: str
) -> None:
    path = tmp_path / "drop" / name
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    report = ingest_documents(_read(path), settings=settings, store=store)
    [error] = report.failed
    assert error.code == "E107"
    assert str(path) in str(error)


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "a", "text": "The envoy of Malta\\u2028arrived in Suva.\\u0085Talks began."}',
        '{"id": "a", "text": "Ministers of Benin and Nepal met.\\u2029A joint note followed."}',
    ],
)
def test_read_jsonl_splits_records_at_line_feeds_only(tmp_path: Path, line: str) -> None:
    path = tmp_path / "feed.jsonl"
    # The separators are written raw, as JSON allows inside a string.
    raw = line.replace("\\u2028", "\u2028").replace("\\u0085", "\u0085")
    raw = raw.replace("\\u2029", "\u2029")
    path.write_text(f"{raw}\n{{broken\n", encoding="utf-8")
    items = _read(path)
    assert [type(item) for item in items] == [RawDocument, InputError]
    assert str(items[1]).startswith(f"{path}: line 2:")


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x07\x07 bell"])
def test_read_jsonl_line_with_control_bytes_fails_alone(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{bad}\n{{"text": "Envoys of Fiji met in Apia."}}\n', encoding="utf-8")
    error, doc = _read(path)
    assert isinstance(error, InputError) and str(error).startswith(f"{path}: line 1:")
    assert isinstance(doc, RawDocument) and doc.where == f"{path}:2"


def test_read_jsonl_lone_surrogate_escape_is_replaced_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Envoys met \\ud800 in Riga.", "title": "Riga \\udfff"}\n')
    with caplog.at_level("WARNING", logger="communique.read"):
        [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.content, doc.title) == ("Envoys met \ufffd in Riga.", "Riga \ufffd")
    assert [record.message.endswith("[W102]") for record in caplog.records] == [True, True]


@pytest.mark.parametrize(
    "bad", ["[" * 100_000, '{"id": ' + "9" * 6000 + ', "text": "Ministers met in Baku."}']
)
def test_read_jsonl_line_too_deep_or_too_long_a_number_fails_alone(
    tmp_path: Path, bad: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{bad}\n{{"text": "Envoys of Peru met in Quito."}}\n', encoding="utf-8")
    error, doc = _read(path, limit=10**6)
    assert isinstance(error, InputError) and error.code == "E105"
    assert str(error).startswith(f"{path}: line 1: malformed JSON")
    assert isinstance(doc, RawDocument)
