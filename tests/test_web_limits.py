"""Issue 11, item 2: the request gate holds against chunked bodies, on a real server.

A uvicorn server runs as its own process on 127.0.0.1 (a free port), so its memory can be read
from /proc; requests are written on a raw socket, chunk by chunk, as a client that declares no
length would send them.
"""

from __future__ import annotations

import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.store import Store

from .conftest import serve_with_token

pytestmark = pytest.mark.issue(11)

_TOKEN = "correct-horse-battery-staple"
_CHUNK = 64 * 1024
_CLI = (sys.executable, "-m", "communique")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS line")


def _status(data: bytes) -> int:
    return int(data.split(b" ", 2)[1])


def _chunked_post(
    port: int, total: int, *, token: str | None, answer_first: bool
) -> tuple[int, int]:
    """POST ``total`` bytes chunked; return the status and how many body bytes were sent.

    Stops sending as soon as the server answers (checked before every chunk), when the server
    stops reading (a 5 s send timeout) or at ``total``. With ``answer_first`` the answer is
    awaited after the headers and one chunk, as a gate that refuses on headers gives it then.
    """
    head = [b"POST /api/articles HTTP/1.1", b"Host: 127.0.0.1", b"Transfer-Encoding: chunked"]
    head += [b"Content-Type: application/json"]
    if token is not None:
        head.append(f"Authorization: Bearer {token}".encode())
    chunk = b"%x\r\n" % _CHUNK + b"x" * _CHUNK + b"\r\n"
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"\r\n".join(head) + b"\r\n\r\n")
        try:
            while sent < total:
                wait = 10.0 if answer_first and sent == _CHUNK else 0.0
                if select.select([sock], [], [], wait)[0]:
                    answer = sock.recv(65536)
                    if answer_first or answer:
                        break
                sock.sendall(chunk)
                sent += _CHUNK
            if not answer:
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server closed its side, having answered or refusing to read on
        if answer_first and answer:
            # the server refused on the headers; go on sending the rest, as a flood would
            try:
                while sent < total:
                    sock.sendall(chunk)
                    sent += _CHUNK
            except OSError:
                pass
        if not answer:
            answer = sock.recv(65536)
    return _status(answer), sent


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """A server with writing on (token from a file): its port and process id."""
    folder = tmp_path_factory.mktemp("limits")
    db = f"sqlite:///{folder / 'x.db'}"
    Store.open(db).close()
    token_file = folder / "token"
    token_file.write_text(_TOKEN + "\n", encoding="utf-8")
    with serve_with_token(db, token_file) as found:
        yield found


def test_chunked_body_over_the_limit_with_the_token_is_refused_413(
    server: tuple[int, int],
) -> None:
    port, _pid = server
    assert _chunked_post(port, 3_000_000, token=_TOKEN, answer_first=False)[0] == 413


def test_chunked_flood_without_token_is_refused_401_unread(server: tuple[int, int]) -> None:
    port, pid = server
    assert _chunked_post(port, _CHUNK * 2, token=None, answer_first=True)[0] == 401  # warm up
    before = _rss_kb(pid)
    status, _sent = _chunked_post(port, 50_000_000, token=None, answer_first=True)
    after = _rss_kb(pid)
    assert status == 401
    assert after - before < 10 * 1024, f"server memory grew by {after - before} kB"


def test_wrong_token_is_refused_401_before_the_body(server: tuple[int, int]) -> None:
    port, _pid = server
    assert _chunked_post(port, 1_000_000, token="wrong", answer_first=True)[0] == 401


def test_write_token_file_and_option_are_exclusive(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("abc\n", encoding="utf-8")
    done = subprocess.run(
        [
            *_CLI,
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "serve",
            "--write-token",
            "abc",
            "--write-token-file",
            str(token_file),
            "--get",
            "/",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "E306" in done.stdout + done.stderr


def test_empty_write_token_file_is_refused(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("\n", encoding="utf-8")
    done = subprocess.run(
        [
            *_CLI,
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "serve",
            "--write-token-file",
            str(token_file),
            "--get",
            "/",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "E305" in done.stdout + done.stderr


def test_every_answer_carries_the_security_headers(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from communique.settings import load_settings
    from communique.web import create_app

    settings = load_settings(environ={}, overrides=[f"db=sqlite:///{tmp_path / 'x.db'}"])
    Store.open(settings.db).close()
    client = TestClient(create_app(settings, write_token=_TOKEN))
    answers = [
        client.get("/api/articles"),
        client.get("/no/such/page"),
        client.post("/api/articles", json={"text": "x"}),  # no token: 401
        client.post("/api/articles", content=b"x" * 2_100_000, headers={"Content-Type": "a/b"}),
        client.get("/docs"),
        client.get("/-/docs-assets/swagger-ui.css"),
    ]
    assert [a.status_code for a in answers] == [200, 404, 401, 413, 200, 200]
    for answer in answers:
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in answer.headers["content-security-policy"]
    docs_policy = answers[4].headers["content-security-policy"]
    assert "'unsafe-inline'" not in docs_policy.split("script-src")[1]
    assert "cdn" not in answers[4].text
