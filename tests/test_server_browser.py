"""Pages in headless Chromium: the query page (YASGUI runs an example query), an entity page, the
home page and the API docs render, with no request leaving 127.0.0.1 and no console error.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_server_support import RunningServer, build_store, serve

from kg.server.settings import Settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    store_dir = build_store(tmp_path_factory.mktemp("server-browser") / "store")
    with serve(Settings(), store_dir) as server:
        yield server


class Watched:
    """A page whose outside requests are blocked and recorded, and whose console errors are kept."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def watched(browser) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield Watched(page)
    finally:
        context.close()


def test_query_page_runs_an_example(running: RunningServer, watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(f"{running.url}/sparql", wait_until="networkidle")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert "who chaired what" in page.inner_text("#example").lower()
    assert "pbe:chair" in page.evaluate("window.kgYasgui.getTab().getYasqe().getValue()")
    page.select_option("#example", "02-who-attended-most")
    page.click("#run-example")
    page.wait_for_selector(".yasr table td:has-text('雷健坤')", timeout=20_000)
    page.screenshot(path=str(tmp_path / "query.png"), full_page=True)
    local = page.locator(".yasr table a[href^='/id/person/']")
    assert local.count() >= 3  # entity IRIs link to this server's pages
    local.first.click()
    page.wait_for_selector("h2:has-text('Events')")
    assert watched.outside == []
    assert watched.errors == []


def test_entity_page_renders_with_evidence(running: RunningServer, watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(f"{running.url}/", wait_until="networkidle")
    page.click("ol.chairs a")  # home → top chair's page
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "孔禄泉"
    marks = page.locator("blockquote.evidence mark").all_inner_texts()
    assert "会议由主席团常务主席孔禄泉主持" in marks and "孔禄泉主持会议" in marks
    page.screenshot(path=str(tmp_path / "person.png"), full_page=True)
    page.click("table.events a >> nth=0")  # on to an event
    page.wait_for_selector("h2:has-text('Participants')")
    assert watched.outside == []
    assert watched.errors == []


def test_api_docs_render_offline(running: RunningServer, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{running.url}/docs", wait_until="networkidle")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "kg" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock-summary-path").count() >= 5
    assert watched.outside == []
    assert watched.errors == []
