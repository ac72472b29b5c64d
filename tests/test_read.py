from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.errors import InputError
from communique.model import RawDocument
from communique.read import read_inputs

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
