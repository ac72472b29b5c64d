"""What the real-browser tests share: Chromium, the web app served in a thread, requests cut.

Debian's chromium at /usr/bin/chromium (``.ci/run`` installs it when missing) drives the pages
through Playwright (the driver from PyPI; no browser is downloaded). "Offline" is checked, not
assumed: every request off 127.0.0.1 (or off the file) is cut and listed, so a test can assert
that nothing was asked of another host.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from communique.settings import load_settings
from communique.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (.ci/run installs it)"
)


@contextmanager
def serving(db_url: str) -> Iterator[str]:
    """The web app over ``db_url`` in a uvicorn thread on a free port; yields its address."""
    import uvicorn

    settings = load_settings(environ={}, overrides=[f"db={db_url}"])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


def cut_off(outside: list[str], *, files: bool = False) -> Callable[[Route], None]:
    """A route handler: 127.0.0.1 (``files``: file:// URLs) goes on, the rest is cut and listed."""

    def handle(route: Route) -> None:
        url = route.request.url
        kept = url.startswith("file://") if files else urlsplit(url).hostname == "127.0.0.1"
        if kept:
            route.continue_()
        else:
            outside.append(url)
            route.abort("internetdisconnected")

    return handle


def watched_page(browser: Browser, outside: list[str], errors: list[str]) -> Page:
    """A page of a new context, watched: what a test asserts did not happen is recorded.

    Requests off 127.0.0.1 are cut and listed in ``outside``; script errors and loads the
    Content-Security-Policy refused go into ``errors``.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.route("**/*", cut_off(outside))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda note: "Refused" in note.text and errors.append(note.text))
    return page
