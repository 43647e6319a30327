"""The graph view driven in headless Chromium: offline load, search, filters, click, evidence.

Every request the page makes is checked: only the file itself (or 127.0.0.1) may be loaded;
anything else is aborted and fails the test. Console errors fail the test too.
"""
from __future__ import annotations

import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from test_viz_seed import hand_built_store, seed_store

from viz import filters as flt
from viz import build_view, render_graph_page

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUT = Path(__file__).resolve().parents[1] / "out"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium not installed (apt-get install chromium fonts-wqy-microhei)")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="module")
def store():
    s = hand_built_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def graph(store):
    return build_view(store)[0]


@pytest.fixture(scope="module")
def page_file(store, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "graph.html"
    path.write_text(render_graph_page(store, entity_base_url=None), encoding="utf-8")
    return path


class Guard:
    """Records console errors and every request that would leave the file or 127.0.0.1."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def check(self) -> None:
        assert self.external == [], f"requests left the machine: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"


def open_page(browser: Any, url: str) -> tuple[Any, Guard]:
    page = browser.new_page(viewport={"width": 1600, "height": 900}, accept_downloads=True)
    guard = Guard(page)
    page.goto(url)
    page.evaluate("window.kgReadyPromise")  # not wait_for_function: the page's CSP forbids its eval
    return page, guard


def wait_until(page: Any, js: str, arg: Any = None, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(js, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {js}"
        page.wait_for_timeout(50)


def node_id(page: Any, name: str) -> int:
    return page.evaluate("(n) => kg.find(n).id", name)


def shown(page: Any) -> int:
    return page.evaluate("kg.shownNodes().length")


def click_node(page: Any, nid: int) -> None:
    """A real mouse click where vis-network drew the node."""
    xy = page.evaluate(
        "(id) => { const p = kg.network.getPositions([id])[id]; return kg.network.canvasToDOM(p); }", nid)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def test_page_loads_offline_with_every_node(browser, page_file, graph):
    page, guard = open_page(browser, page_file.as_uri())
    assert page.evaluate("kg.network.body.data.nodes.length") == graph.number_of_nodes() == shown(page)
    assert page.evaluate("kg.network.body.data.edges.length") == graph.number_of_edges()
    assert page.locator("#count").get_attribute("data-nodes") == str(graph.number_of_nodes())
    assert page.locator("#legend .item[data-kind]").count() == 4
    drawn = page.evaluate("""() => Object.fromEntries(['郭卫东', '市政协十四届九次常委会议第二次会议', '阳泉市人民代表大会']
        .map(n => [n, kg.network.body.nodes[kg.find(n).id].options.shape]))""")
    assert drawn == {"郭卫东": "dot", "市政协十四届九次常委会议第二次会议": "diamond", "阳泉市人民代表大会": "square"}
    assert page.evaluate("kg.network.physics.options.enabled") is False  # settled, then frozen
    guard.check()
    page.close()


def test_search_centres_on_a_person(browser, page_file):
    page, guard = open_page(browser, page_file.as_uri())
    page.fill("#search", "郭卫东")
    page.press("#search", "Enter")
    nid = node_id(page, "郭卫东")
    wait_until(page, """(id) => { const p = kg.network.getPositions([id])[id], v = kg.network.getViewPosition();
                                  return Math.hypot(p.x - v.x, p.y - v.y) < 2; }""", nid)
    assert page.locator("#panel-title").inner_text() == "郭卫东"
    assert page.evaluate("kg.network.getSelectedNodes()") == [nid]
    guard.check()
    page.close()


def test_filters_reduce_the_nodes_like_the_server_does(browser, page_file, graph):
    page, guard = open_page(browser, page_file.as_uri())
    total = shown(page)
    for role in ("attend", "speak", "elected", "organised", "part_of", "holds_post"):
        page.uncheck(f"#roles input[data-role={role}]")
    chair_only = flt.apply(graph, flt.Filters(roles=("chair",)))
    assert shown(page) == len(chair_only) < total
    page.click("#reset")
    assert shown(page) == total
    page.select_option("#event-kind", "training")
    assert shown(page) == len(flt.apply(graph, flt.Filters(event_kinds=("training",)))) < total
    page.click("#reset")
    page.fill("#until", "2024-03-20")
    page.dispatch_event("#until", "change")
    assert shown(page) == len(flt.apply(graph, flt.Filters(until="2024-03-20"))) < total
    page.click("#reset")
    page.select_option("#body", label="阳泉市人民代表大会常务委员会")
    assert shown(page) == len(flt.apply(graph, flt.Filters(body="阳泉市人民代表大会常务委员会"))) < total
    guard.check()
    page.close()


def test_click_shows_evidence_and_neighbourhood(browser, page_file, graph):
    page, guard = open_page(browser, page_file.as_uri())
    nid = node_id(page, "焦文录")
    click_node(page, nid)
    page.wait_for_selector("#panel[data-node]")
    assert page.locator("#panel-title").inner_text() == "焦文录"
    marks = page.locator("#panel-evidence mark").all_inner_texts()
    assert "焦文录出席会议" in marks
    heads = " ".join(page.locator("#panel-evidence .ev-head").all_inner_texts())
    assert "市政协召开十四届九次常委会议第二次会议" in heads and "2024-03-21" in heads
    assert page.locator("#panel-link").get_attribute("href").startswith("https://w3id.org/pbe/id/person/")
    page.click("#panel-hood1")
    assert shown(page) == len(flt.apply(graph, flt.Filters(person="焦文录", hops=1)))
    page.click("#panel-hood2")
    assert shown(page) == len(flt.apply(graph, flt.Filters(person="焦文录", hops=2)))
    guard.check()
    page.close()


def test_hover_physics_toggle_and_png(browser, page_file, tmp_path):
    page, guard = open_page(browser, page_file.as_uri())
    nid = node_id(page, "申济")
    xy = page.evaluate("(id) => kg.network.canvasToDOM(kg.network.getPositions([id])[id])", nid)
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_selector("#tooltip:not([hidden])")
    tip = page.locator("#tooltip").inner_text()
    assert "申济" in tip and "主持 1" in tip and "2024-03-20" in tip and "副主任" in tip
    page.check("#physics")
    assert page.evaluate("kg.network.physics.options.enabled") is True
    page.uncheck("#physics")
    with page.expect_download() as dl:
        page.click("#png")
    target = tmp_path / "view.png"
    dl.value.save_as(target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 10_000
    OUT.mkdir(exist_ok=True)
    shutil.copy(target, OUT / "seed-graph-export.png")
    guard.check()
    page.close()


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, str] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = self.pages.get(unquote(self.path))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((body or "not found").encode("utf-8"))

    def log_message(self, *args: Any) -> None:
        pass


def test_served_neighbourhood_view_links_to_entity_pages(browser, store, graph):
    _Handler.pages = {
        "/graph?person=申济": render_graph_page(store, person="申济", hops=1),
        "/capped": render_graph_page(store, max_nodes=12),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page, guard = open_page(browser, base + "/graph?person=申济")
        assert shown(page) == len(flt.apply(graph, flt.Filters(person="申济")))
        assert "人物：申济" in page.locator("#applied").inner_text()
        page.evaluate("(n) => kg.openPanel(kg.find(n).id)", "申济")
        assert page.locator("#panel-link").get_attribute("href").startswith("/id/person/")
        guard.check()
        page.close()
        page, guard = open_page(browser, base + "/capped")
        assert shown(page) == 12
        msg = page.locator("#message")
        assert msg.is_visible() and "省略了" in msg.inner_text() and "--body" in msg.inner_text()
        guard.check()
        page.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_seed_graph_screenshot(browser, tmp_path):
    """The seed page built into a temp store, rendered, one person opened: out/seed-graph.png."""
    store, how = seed_store(tmp_path)
    try:
        g, _ = build_view(store)
        path = tmp_path / "seed.html"
        path.write_text(render_graph_page(store, entity_base_url=None), encoding="utf-8")
    finally:
        try:
            store.close()
        except RuntimeError:
            pass
    page, guard = open_page(browser, path.as_uri())
    assert shown(page) == g.number_of_nodes() > 10
    people = sorted((d["label"] for n, d in g.nodes(data=True) if d["kind"] == "person"),
                    key=lambda name: -g.degree(next(n for n, d in g.nodes(data=True) if d["label"] == name)))
    nid = node_id(page, people[0])
    click_node(page, nid)
    page.wait_for_selector("#panel[data-node]")
    page.mouse.move(5, 890)  # off the node: no tooltip in the picture
    page.evaluate("kg.network.fit({animation: false})")
    page.wait_for_timeout(200)
    OUT.mkdir(exist_ok=True)
    shot = OUT / "seed-graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    if how == "hand-built":
        shutil.copy(shot, OUT / "seed-graph-hand-built.png")
    guard.check()
    page.close()
