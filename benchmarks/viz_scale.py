"""How the graph view copes with a big store: ~5,000 nodes and ~20,000 edges.

Builds a synthetic store through the real path (records → ArticleGraphBuilder → KgStore), renders
the page with the default cap and uncapped, opens each in headless Chromium and prints the time
until the page is interactive (`window.kgReadyMs`: navigation start → first frame drawn with
positions final and handlers bound), plus the time a filter and a search take in the page.

    python benchmarks/viz_scale.py [--persons 3050] [--events 1650] [--bodies 300] [--posts 450]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.records import Article, Body, Document, Event, Participation, Person, Post  # noqa: E402
from kg.iris import IriMinter  # noqa: E402
from kg.store import GraphBatch, KgStore  # noqa: E402
from kg.triples import ArticleGraphBuilder  # noqa: E402
from viz.page import MAX_NODES, build_view  # noqa: E402
from viz.query import load_graph  # noqa: E402
from viz.render import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明伟芳军平红文杰静涛强磊洋勇艳娟斌超波辉刚健宇峰鹏亮林志凯东晓梅丽敏霞燕玲秀英兰春海振新立宏国庆民安德福荣"
KINDS = ["meeting", "committee_meeting", "standing_committee_meeting", "plenary", "training", "symposium", "deliberation"]
TITLES = ["主任", "副主任", "书记", "副书记", "主席", "副主席", "秘书长", "委员", "局长", "副局长"]


def synthetic_document(n: int, rng: random.Random, persons: list[str], bodies: list[Body], events_per_doc: int,
                       event_offset: int, posts: list[Post]) -> Document:
    """One page: a handful of events, each chaired by one person and attended by ~9 others."""
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(persons))]  # a few people are everywhere
    events, parts = [], []
    for j in range(events_per_doc):
        k = event_offset + j
        body = bodies[k % len(bodies)]
        date = f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}"
        name = f"{body.name}第{k}次会议"
        parent = events[0].name if j and j % 3 == 0 else None
        events.append(Event(name, KINDS[k % len(KINDS)], name, date=date, organizer=body.name,
                            parent=parent, parent_date=events[0].date if parent else None))
        people = list(dict.fromkeys(rng.choices(persons, weights=weights, k=11)))[:10]
        for pos, person in enumerate(people, 1):
            role = "chair" if pos == 1 else ("speaker" if pos == 2 and k % 4 == 0 else "attendee")
            parts.append(Participation(person, name, date, role, pos))
    names = sorted({p.person for p in parts} | {p.person for p in posts})
    art = Article(f"synthetic#{n}", f"synthetic-{n}.txt", 0, 0, 100, "（合成文本）", f"合成报道 {n}", "2024-06-01",
                  persons=tuple(Person(x) for x in names), bodies=tuple(bodies), events=tuple(events),
                  posts=tuple(posts), participations=tuple(parts))
    return Document(f"synthetic-{n}.txt", f"synthetic-{n}.txt", f"{n:040x}", "utf-8", "2024-06-01", None, (art,))


def build_store(n_persons: int, n_events: int, n_bodies: int, n_posts: int, seed: int = 1) -> KgStore:
    rng = random.Random(seed)
    persons = []
    for a in SURNAMES:
        for b in GIVEN:
            for c in ("", *GIVEN):
                persons.append(a + b + c)
    rng.shuffle(persons)
    persons = persons[:n_persons]
    bodies = [Body(f"合成市第{i}委员会", "organ", parent=f"合成市第{i // 10}委员会" if i >= 10 else None) for i in range(n_bodies)]
    posts = [Post(persons[i % len(persons)], TITLES[i % len(TITLES)], bodies[(i * 7) % n_bodies].name,
                  TITLES[i % len(TITLES)]) for i in range(n_posts)]
    minter = IriMinter()
    builder = ArticleGraphBuilder(minter)
    per_doc = 10
    batches = []
    for n in range(0, n_events // per_doc):
        doc = synthetic_document(n, rng, persons, bodies, per_doc, n * per_doc, posts[n::n_events // per_doc])
        batches.append(GraphBatch(minter.graph_prefix(doc.source), tuple(builder.document_graphs(doc))))
    store = KgStore(None)
    for i in range(0, len(batches), 40):
        store.replace(batches[i:i + 40])
    return store


def time_in_browser(html_path: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        started = time.perf_counter()
        page.goto(html_path.as_uri())
        ready_ms = page.evaluate("window.kgReadyPromise")
        wall = time.perf_counter() - started
        filter_ms, shown = page.evaluate("""() => { const t = performance.now();
            document.querySelector('#roles input[data-role=attend]').click();
            return [performance.now() - t, kg.shownNodes().length]; }""")
        search_ms = page.evaluate("""() => { const t = performance.now(); const n = kg.find(kg.data.info[0].name);
            kg.centreOn(n.id); return performance.now() - t; }""")
        browser.close()
    if errors:
        raise SystemExit(f"page errors: {errors}")
    return {"ready_ms": ready_ms, "wall_s": wall, "filter_ms": filter_ms, "search_ms": search_ms, "shown_after_filter": shown}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=3050)
    ap.add_argument("--events", type=int, default=1650)
    ap.add_argument("--bodies", type=int, default=300)
    ap.add_argument("--posts", type=int, default=450)
    args = ap.parse_args(argv)

    t = time.perf_counter()
    store = build_store(args.persons, args.events, args.bodies, args.posts)
    print(f"synthetic store: {store.triple_count():,} triples in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    load_graph(store)
    print(f"first projection after the build (cold store): {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for label, cap in ((f"default cap ({MAX_NODES} nodes)", MAX_NODES), ("uncapped", 10**9)):
            t = time.perf_counter()
            g, info = build_view(store, max_nodes=cap)
            t_query = time.perf_counter() - t
            t = time.perf_counter()
            html = render_html(g, info)
            t_render = time.perf_counter() - t
            path = Path(tmp) / "graph.html"
            path.write_text(html, encoding="utf-8")
            print(f"\n{label}: {info.total_nodes:,} nodes / {info.total_edges:,} edges in the store's projection; "
                  f"page shows {g.number_of_nodes():,} nodes / {g.number_of_edges():,} edges")
            if info.truncated:
                print(f"  message: {info.truncated}")
            print(f"  query + filter {t_query:.2f} s, layout + render {t_render:.2f} s, page {len(html) / 2**20:.1f} MiB")
            if Path(CHROMIUM).exists():
                r = time_in_browser(path)
                print(f"  headless Chromium: interactive after {r['ready_ms'] / 1000:.2f} s "
                      f"(goto→ready wall {r['wall_s']:.2f} s); role filter {r['filter_ms']:.0f} ms "
                      f"(without attendance edges: {r['shown_after_filter']:,} nodes); search+centre {r['search_ms']:.0f} ms (clearing that filter first)")
            else:
                print("  (no Chromium at /usr/bin/chromium: browser timing skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
