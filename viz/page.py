"""Store + filters → HTML page: the one entry point the CLI (`kg viz`) and the server (`/graph`) share."""
from __future__ import annotations

import weakref
from collections.abc import Iterable
from urllib.parse import urlencode

import networkx as nx

from kg.iris import DEFAULT_BASE
from kg.store import KgStore
from viz import filters as flt
from viz.query import load_graph
from viz.render import PageInfo, render_html

MAX_NODES = 3000  # above this, show the most connected part and say what was left out

# A read-only store never changes while it is open (Oxigraph opens a snapshot), so its projection
# is computed once: the server's /graph then costs filters + render, not 5,000 nodes of SPARQL.
_PROJECTIONS: weakref.WeakKeyDictionary[KgStore, nx.MultiDiGraph] = weakref.WeakKeyDictionary()


def projection(store: KgStore) -> nx.MultiDiGraph:
    """The whole projection of the store (cached for read-only stores; callers must not mutate it)."""
    if not store.read_only:
        return load_graph(store)
    g = _PROJECTIONS.get(store)
    if g is None:
        g = _PROJECTIONS[store] = load_graph(store)
    return g


def _narrowing_hint(g: nx.MultiDiGraph) -> str:
    """Name a concrete filter that would shrink this graph: its busiest body and its latest month."""
    bodies = [(g.degree(n), d.get("aliases") or [d["label"]]) for n, d in g.nodes(data=True) if d["kind"] == "body"]
    months = sorted({d["date"][:7] for _, d in g.nodes(data=True) if d["kind"] == "event" and d.get("date")})
    hints = []
    if bodies:
        name = min(max(bodies, key=lambda b: b[0])[1], key=len)
        hints.append(f"机构 --body {name}（网址 ?body={name}）")
    if months:
        hints.append(f"日期 --since {months[-1]}（网址 ?since={months[-1]}）")
    hints.append("人物 --person 姓名")
    return "、".join(hints)


def build_view(
    store: KgStore,
    *,
    person: str | None = None,
    body: str | None = None,
    event: str | None = None,
    since: str | None = None,
    until: str | None = None,
    roles: str | Iterable[str] | None = None,
    event_kind: str | Iterable[str] | None = None,
    hops: int = 1,
    max_nodes: int = MAX_NODES,
) -> tuple[nx.MultiDiGraph, PageInfo]:
    """The filtered, capped projection and what the page should say about it."""
    f = flt.Filters(
        person=person or None, body=body or None, event=event or None,
        since=flt.check_date(since, "since"), until=flt.check_date(until, "until"),
        roles=flt.parse_roles(roles), event_kinds=flt.parse_kinds(event_kind), hops=int(hops),
    )
    if f.hops not in (1, 2, 3):
        raise flt.FilterError(f"hops must be 1, 2 or 3, got {hops}")
    full = projection(store)
    g = flt.apply(full, f)
    # a node with no edge is not part of any network (bodies merely mentioned, say): leave it out,
    # unless it is what the view is centred on
    keep = set(flt.resolve(full, person, "person") if person else ()) | set(flt.resolve(full, event, "event") if event else ())
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and n not in keep])
    info = PageInfo(notes=f.notes)
    for value, label in ((person, "人物"), (body, "机构"), (event, "活动"), (since, "起"), (until, "止")):
        if value:
            info.filters.append(f"{label}：{value}")
    if f.roles:
        info.filters.append("关系：" + ",".join(f.roles))
    if f.event_kinds:
        info.filters.append("活动类别：" + ",".join(f.event_kinds))
    if person or event:
        info.filters.append(f"{f.hops} 跳邻域")
    info.total_nodes, info.total_edges = g.number_of_nodes(), g.number_of_edges()
    if g.number_of_nodes() > max_nodes:
        shown = flt.most_connected(g, max_nodes)
        info.truncated = (
            f"图中有 {g.number_of_nodes():,} 个节点、{g.number_of_edges():,} 条边，这里只显示连接最多的 "
            f"{shown.number_of_nodes():,} 个节点（{shown.number_of_edges():,} 条边），省略了 "
            f"{g.number_of_nodes() - shown.number_of_nodes():,} 个节点和 {g.number_of_edges() - shown.number_of_edges():,} 条边。"
            f"按{_narrowing_hint(g)}筛选可缩小范围。"
        )
        g = shown
    return g, info


def render_graph_page(
    store: KgStore,
    *,
    person: str | None = None,
    body: str | None = None,
    since: str | None = None,
    until: str | None = None,
    roles: str | Iterable[str] | None = None,
    event_kind: str | Iterable[str] | None = None,
    hops: int = 1,
    entity_base_url: str | None = "/id/",
    base_iri: str = DEFAULT_BASE,
    event: str | None = None,
    max_nodes: int = MAX_NODES,
    title: str | None = None,
) -> str:
    """The graph view as one self-contained HTML page. Raises `viz.filters.FilterError` (a
    ValueError) for a malformed date, role or hops value; the server turns that into a 400.

    `entity_base_url=None` links entities to their IRIs (offline file); otherwise entity pages are
    `entity_base_url` + the IRI's path under `base_iri` (e.g. `/id/person/guo-wei-dong-1a2b3c`).
    """
    g, info = build_view(
        store, person=person, body=body, event=event, since=since, until=until,
        roles=roles, event_kind=event_kind, hops=hops, max_nodes=max_nodes,
    )
    if title:
        info.title = title
    return render_html(g, info, entity_base_url=entity_base_url, base_iri=base_iri)


def graph_url(iri: str, kind: str, *, hops: int = 1, base: str = "/graph") -> str:
    """Link from an entity page to its neighbourhood view: `/graph?person=<iri>&hops=1`.

    Persons and events are centres of a neighbourhood; a body shows everything within its scope.
    """
    param = {"person": "person", "event": "event", "body": "body"}.get(kind)
    if param is None:
        raise ValueError(f"no neighbourhood view for a {kind}")
    query = {param: iri} if kind == "body" else {param: iri, "hops": str(hops)}
    return f"{base}?{urlencode(query)}"
