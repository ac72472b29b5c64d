"""A real browser: headless Chromium opens the timeline, clicks an event, sees its evidence.

Chromium, the served app and the cut requests are ``browsing``'s (see there). The screenshots
are kept in artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.store import Store

from .browsing import CHROMIUM, needs_chromium, serving, watched_page
from .conftest import ROOT, Databases

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(databases: Databases) -> Iterator[str]:
    """The app over the sample corpus (a copy of the session's, see conftest), in a thread."""
    with serving(databases.sample("sqlite")) as address:
        yield address


def test_browser_timeline_click_shows_highlighted_evidence(server: str) -> None:
    from playwright.sync_api import sync_playwright

    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    flags = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(f"{server}/timeline")
        page.wait_for_selector("#timeline .main-svg")  # Plotly drew the chart
        page.screenshot(path=str(artifacts / "timeline.png"))
        page.click("a.event-link >> nth=0")
        page.wait_for_selector("mark.evidence")
        assert page.locator("mark.evidence").first.inner_text().strip()
        page.screenshot(path=str(artifacts / "event.png"), full_page=False)
        browser.close()
    assert Path(artifacts / "event.png").stat().st_size > 0


def test_browser_network_page_draws_the_actor_network(server: str) -> None:
    from playwright.sync_api import sync_playwright

    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda note: "Refused" in note.text and errors.append(note.text))
        page.goto(f"{server}/network")
        page.wait_for_selector("#network .main-svg")  # Plotly drew the chart
        labels = page.locator("#network .textpoint").all_text_contents()
        assert {"RUS", "TUR", "Sergey Lavrov"} <= set(labels)
        page.screenshot(path=str(artifacts / "network.png"), full_page=False)
        browser.close()
    assert not errors  # no script error, nothing refused by the Content-Security-Policy
    assert (artifacts / "network.png").stat().st_size > 0


def test_browser_report_draws_its_charts_offline(tmp_path: Path, databases: Databases) -> None:
    from playwright.sync_api import sync_playwright

    from communique.report import write_report

    store = Store.open(databases.sample("sqlite"))  # the sample corpus ingested
    path = tmp_path / "briefing.html"
    assert write_report(store, path) > 0
    store.close()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(offline=True)  # the network cut off
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("#network .main-svg")
        assert page.locator(".chart .main-svg").count() >= 2
        (ROOT / "artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "artifacts" / "briefing.png"))
        browser.close()


@pytest.mark.issue(11)
def test_browser_docs_render_their_operations_offline(server: str) -> None:
    """/docs draws Swagger UI from packaged assets: every request off 127.0.0.1 is cut."""
    from playwright.sync_api import sync_playwright

    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = watched_page(browser, outside, errors)
        response = page.goto(f"{server}/docs")
        assert response is not None and response.headers["referrer-policy"] == "no-referrer"
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        block = page.locator(".opblock", has_text="/api/events").first
        block.wait_for(state="visible", timeout=30_000)
        assert "/api/articles" in page.locator("#swagger-ui").inner_text()
        page.screenshot(path=str(artifacts / "docs.png"), full_page=False)
        browser.close()
    assert not errors  # no script error, nothing refused by the Content-Security-Policy
    assert not outside  # nothing was asked of another host
