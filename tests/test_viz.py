"""The graph view without a browser: projection, filters, cap, page, CLI."""
from __future__ import annotations

import argparse
import re
from collections import Counter

import networkx as nx
import pytest
from test_viz_seed import BODIES, hand_built_store, seed_document

from kg.iris import DEFAULT_BASE, IriMinter
from kg.store import GraphBatch, KgStore
from kg.triples import ArticleGraphBuilder
from viz import FilterError, build_view, graph_url, render_graph_page
from viz import filters as flt
from viz.cli import add_viz_arguments, viz_command
from viz.layout import fast_layout, positions
from viz.query import load_graph
from viz.render import entity_url, wrap


@pytest.fixture(scope="module")
def store():
    s = hand_built_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def graph(store):
    return load_graph(store)


def label_of(g, name):
    return next(n for n, d in g.nodes(data=True) if d["label"] == name)


def test_projection_has_every_kind_and_role(graph):
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    assert kinds == {"person": 18, "event": 8, "body": len(BODIES), "post": 7}
    roles = Counter(k for *_, k in graph.edges(keys=True))
    assert roles["chair"] == 3 and roles["attend"] == 20 and roles["speak"] == 2 and roles["elected"] == 1
    assert roles["organised"] == 8 and roles["holds_post"] == 10 and roles["part_of"] > 0
    # reporters are persons in RDF, but only authors: not nodes of the network
    assert not any(d["label"] == "薄红贞" for _, d in graph.nodes(data=True))


def test_attendance_edges_carry_position_title_and_evidence(graph):
    p, e = label_of(graph, "焦文录"), label_of(graph, "市政协十四届九次常委会议第二次会议")
    edge = graph.edges[p, e, "attend"]
    assert edge["position"] == 8 and edge["title"] == "大会执行主席"
    ev = edge["evidence"][0]
    assert ev["quote"] == "焦文录出席会议" and ev["date"] == "2024-03-21"
    assert ev["headline"] == "市政协召开十四届九次常委会议第二次会议"
    assert ev["before"].endswith("王建义、") and ev["after"].startswith("。")


def test_role_filter_and_orphans(graph):
    h = flt.apply(graph, flt.Filters(roles=flt.parse_roles("chair")))
    assert {graph.nodes[n]["label"] for n in h if graph.nodes[n]["kind"] == "person"} == {"孔禄泉", "郭卫东", "申济"}
    assert {k for *_, k in h.edges(keys=True)} == {"chair"}


def test_person_neighbourhood_one_and_two_hops(graph):
    one = flt.apply(graph, flt.Filters(person="郭卫东", hops=1))
    labels = {d["label"] for _, d in one.nodes(data=True)}
    assert labels == {"郭卫东", "市政协十四届九次常委会议第二次会议", "中国人民政治协商会议山西省阳泉市委员会主席"}
    two = flt.apply(graph, flt.Filters(person="郭卫东", hops=2))
    assert "焦文录" in {d["label"] for _, d in two.nodes(data=True)} and len(two) > len(one)
    by_iri = flt.apply(graph, flt.Filters(person=label_of(graph, "郭卫东")))
    assert set(by_iri) == set(one)


def test_body_scope_by_short_form(graph):
    h = flt.apply(graph, flt.Filters(body="市人大常委会"))
    labels = {d["label"] for _, d in h.nodes(data=True)}
    assert {"申济", "赵素卿", "孔禄泉", "市十六届人大四次会议代表履职培训会"} <= labels
    assert "郭卫东" not in labels and "梁庆" not in labels


def test_date_and_kind_filters(graph):
    h = flt.apply(graph, flt.Filters(until="2024-03-20"))
    events = {d["label"] for _, d in h.nodes(data=True) if d["kind"] == "event"}
    assert events == {"市十六届人大四次会议代表履职培训会", "市十六届人大四次会议", "政协阳泉市第十四届委员会第三次会议"}
    assert "郭卫东" not in {d["label"] for _, d in h.nodes(data=True)}
    march = flt.apply(graph, flt.Filters(since="2024-03", until="2024-03"))
    assert sum(1 for _, d in march.nodes(data=True) if d["kind"] == "event") == 8
    plenary = flt.apply(graph, flt.Filters(event_kinds=("plenary",)))
    assert {d["label"] for _, d in plenary.nodes(data=True) if d["kind"] == "event"} == {"市政协第十四届三次会议第三次全体会议"}


def test_bad_filters_raise_value_errors(store):
    with pytest.raises(FilterError, match="unknown role"):
        render_graph_page(store, roles="chair,dance")
    with pytest.raises(ValueError, match="since"):
        render_graph_page(store, since="21 March")
    with pytest.raises(ValueError, match="hops"):
        render_graph_page(store, person="郭卫东", hops=5)


def test_unknown_name_gives_empty_view_with_a_note(store):
    g, info = build_view(store, person="无此人")
    assert len(g) == 0 and "无此人" in info.notes[0]


def test_cap_keeps_the_most_connected_part_and_says_so(store, graph):
    g, info = build_view(store, max_nodes=12)
    assert len(g) == 12 and info.total_nodes == len(graph)
    assert "省略了 28 个节点" in info.truncated and "--body" in info.truncated and "--since 2024-03" in info.truncated
    hub = min(graph, key=lambda n: (-graph.degree(n), n))
    assert hub in g and nx.is_weakly_connected(g)


def test_page_is_self_contained(store):
    html = render_graph_page(store, entity_base_url="/id/")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", html, re.I)
    assert "sourceMappingURL" not in html
    assert not re.search(r"https?://[^\"'\s]*(cdn|unpkg|jsdelivr|bootstrap|googleapis)", html, re.I)
    assert "vis-network" in html and "郭卫东" in html
    # entity links go to the server's pages under /id/
    assert '"url":"/id/person/' in html


def test_entity_and_graph_urls():
    iri = DEFAULT_BASE + "person/guo-wei-dong-1a2b3c"
    assert entity_url(iri, "/id/", DEFAULT_BASE) == "/id/person/guo-wei-dong-1a2b3c"
    assert entity_url(iri, None, DEFAULT_BASE) == iri
    assert graph_url(iri, "person", hops=2) == "/graph?person=https%3A%2F%2Fw3id.org%2Fpbe%2Fid%2Fperson%2Fguo-wei-dong-1a2b3c&hops=2"
    assert graph_url(iri, "body").startswith("/graph?body=")
    assert wrap("中国人民政治协商会议山西省阳泉市委员会") == "中国人民政治协商会议\n山西省阳泉市委员会"


def test_layouts_are_deterministic_and_spread(graph):
    assert positions(graph) == positions(graph)
    nodes = [str(i) for i in range(600)]
    edges = [(str(i), str((i * 7 + 1) % 600)) for i in range(600)]
    pos = fast_layout(nodes, edges, iterations=20)
    assert pos.shape == (600, 2) and pos.std(axis=0).min() > 1


def test_cli_writes_an_offline_file(tmp_path):
    doc = seed_document()
    minter = IriMinter()
    with KgStore(tmp_path / "store") as s:
        s.replace([GraphBatch(minter.graph_prefix(doc.source), tuple(ArticleGraphBuilder(minter).document_graphs(doc)))])
    parser = argparse.ArgumentParser()
    add_viz_arguments(parser)
    out = tmp_path / "out" / "graph.html"
    args = parser.parse_args(["--store", str(tmp_path / "store"), "-o", str(out), "--person", "申济", "--roles", "chair,attend,speak"])
    assert viz_command(args) == 0
    html = out.read_text(encoding="utf-8")
    assert "申济" in html and "郭卫东" not in html and "人物：申济" in html
    bad = parser.parse_args(["--store", str(tmp_path / "store"), "-o", str(out), "--roles", "nope"])
    assert viz_command(bad) == 2
    missing = parser.parse_args(["--store", str(tmp_path / "nothing"), "-o", str(out)])
    assert viz_command(missing) == 1


def test_read_only_store_projection_is_computed_once(tmp_path):
    from viz.page import projection

    doc = seed_document()
    minter = IriMinter()
    with KgStore(tmp_path / "store") as s:
        s.replace([GraphBatch(minter.graph_prefix(doc.source), tuple(ArticleGraphBuilder(minter).document_graphs(doc)))])
        assert projection(s) is not projection(s)  # writable: always fresh
    ro = KgStore(tmp_path / "store", read_only=True)
    first = projection(ro)
    assert projection(ro) is first
    render_graph_page(ro, person="郭卫东")  # filtering works on copies: the cached graph is untouched
    assert projection(ro) is first and len(first) == len(load_graph(ro))
