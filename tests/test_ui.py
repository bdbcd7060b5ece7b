"""Serve in a real browser: Debian's Chromium through Playwright against uvicorn on loopback.

The database holds the two seed pages and the demo corpus. The tests open the seeds' storyline
and the CGTN article, check that dates and quotes carry the right value and speaker, click from
an event in the timeline to its sentence, and take screenshots: into a temporary folder, or into
docs/screenshots/ (what the README shows) when NEWSGRAPH_SCREENSHOTS=1 (`make screenshots`).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import DEMO, REPO, SEEDS
from newsgraph.serve.links import article_url
from newsgraph.store import open_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
CGTN = SEEDS / "004_c5f770f8c2bf1969.txt"
SPUTNIK = SEEDS / "000_2055ec67c2e37b36.txt"

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A uvicorn server on a free loopback port over the seeds + demo database; its base URL."""
    if not (CGTN.exists() and SPUTNIK.exists()):
        pytest.skip("../shared/seeds is not next to the repository")
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (make browser)")
    import uvicorn

    from newsgraph.serve import create_app

    path = tmp_path_factory.mktemp("ui") / "news.db"
    with open_db(path) as db:
        db.ingest([str(SPUTNIK), str(CGTN), str(DEMO)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="session")
def browser(server):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
                                    args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield page
    page.close()


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    if os.environ.get("NEWSGRAPH_SCREENSHOTS") == "1":
        folder = REPO / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def _shot(page, path: Path, full_page: bool) -> None:
    page.screenshot(path=str(path), full_page=full_page)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_overview_shows_the_corpus(server, page, shots):
    page.goto(server + "/")
    assert page.locator("#coverage-chart .bar").count() >= 2
    assert page.get_by_role("link", name="CGTN").is_visible()
    _shot(page, shots / "overview.png", full_page=True)


def test_storyline_timeline_links_an_event_to_its_sentence(server, page, shots):
    record = api(server, "/api/articles/" + quote(str(CGTN), safe=""))
    sputnik = api(server, "/api/articles/" + quote(str(SPUTNIK), safe=""))
    assert record["storyline"] == sputnik["storyline"]
    page.goto(server + f"/storyline/{record['storyline']}")
    assert page.locator(".timeline th", has_text="CGTN").count() == 1
    assert page.locator(".timeline th", has_text="Sputnik International").count() == 1
    row = page.locator(".timeline tr", has=page.locator("th[scope=row]", has_text="2025-03-24"))
    event = row.locator("a.ev", has_text="CONSULT").first
    assert "Yuri Ushakov" in event.inner_text()
    _shot(page, shots / "story.png", full_page=True)
    event.click()
    page.wait_for_url("**/article/**#s-*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.is_visible()
    assert "Monday next week" in target.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert "flash" in (target.get_attribute("class") or "")


def test_cgtn_article_highlights_dates_and_quotes(server, page, shots):
    page.goto(server + article_url(str(CGTN)))
    date = page.locator("#text .timex", has_text="Monday next week")
    assert date.get_attribute("data-value") == "2025-03-24"
    assert "2025-03-24" in date.get_attribute("title")
    quote_span = page.locator("#text .quote", has_text="What's happening here").first
    assert quote_span.get_attribute("data-speaker") == "Keir Starmer"
    assert "Keir Starmer" in quote_span.get_attribute("title")
    peskov = page.locator("#text .quote", has_text="war party").first
    assert peskov.get_attribute("data-speaker") == "Dmitry Peskov"
    date.click()
    detail = page.locator("#detail")
    assert detail.is_visible() and "2025-03-24" in detail.inner_text()

    removed = page.locator(".removed")
    assert removed.count() > 0 and not removed.first.is_visible()
    page.click("#toggle-removed")
    assert removed.first.is_visible()
    assert page.locator(".removed[data-reason=cookie_banner]").first.is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, shots / "article.png", full_page=False)
