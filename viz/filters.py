"""Filters on the projection: role, event kind, body, date range, neighbourhood, size cap.

The same rules run in the page (template/graph.js) on the data this module precomputes (each
node's `bodies` scope), so a filter gives the same nodes whether it came from the CLI, a query
parameter of `/graph` or a click in the view.
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from viz.query import ROLES

ROLE_ALIASES = {
    "chair": "chair", "chaired": "chair", "chairs": "chair",
    "attend": "attend", "attended": "attend", "attendee": "attend", "attends": "attend",
    "speak": "speak", "spoke": "speak", "speaker": "speak", "speaks": "speak",
    "elected": "elected", "elect": "elected",
    "organised": "organised", "organized": "organised", "organiser": "organised", "organizer": "organised",
    "part_of": "part_of", "part-of": "part_of", "partof": "part_of",
    "holds_post": "holds_post", "holds-post": "holds_post", "holds": "holds_post", "post": "holds_post",
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterError(ValueError):
    """A filter value that cannot be understood (the server answers 400 with this message)."""


@dataclass
class Filters:
    """What to show. Empty means no restriction."""

    person: str | None = None  # name or IRI
    body: str | None = None  # name, alias or IRI
    event: str | None = None  # name or IRI
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None
    roles: tuple[str, ...] = ()
    event_kinds: tuple[str, ...] = ()
    hops: int = 1
    notes: list[str] = field(default_factory=list)

    def active(self) -> bool:
        return bool(self.person or self.body or self.event or self.since or self.until or self.roles or self.event_kinds)


def parse_roles(roles: str | Iterable[str] | None) -> tuple[str, ...]:
    """'chair,attend' or ['chair', 'attended'] → canonical role keys; unknown names raise."""
    if not roles:
        return ()
    items = roles.split(",") if isinstance(roles, str) else [r for x in roles for r in str(x).split(",")]
    out: list[str] = []
    for r in items:
        key = r.strip().lower()
        if not key:
            continue
        if key not in ROLE_ALIASES:
            raise FilterError(f"unknown role {r!r}; choose from {', '.join(ROLES)}")
        if ROLE_ALIASES[key] not in out:
            out.append(ROLE_ALIASES[key])
    return tuple(out)


def parse_kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    if not kinds:
        return ()
    items = kinds.split(",") if isinstance(kinds, str) else [k for x in kinds for k in str(x).split(",")]
    return tuple(k.strip() for k in items if k.strip())


def check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise FilterError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def in_range(date: str, since: str | None, until: str | None) -> bool:
    """ISO prefix comparison, so `--until 2024-03` keeps every day of March."""
    if not date:
        return not (since or until)
    if since and date < since:
        return False
    return not (until and date[: len(until)] > until)


def body_scopes(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """For each node, the bodies it belongs to: a body, its sub-bodies, the events they organise
    (and their sub-events), the posts in them, and the persons at those events or in those posts."""
    sub: dict[str, list[str]] = {}
    for u, v, k in g.edges(keys=True):
        if k == "part_of":
            sub.setdefault(v, []).append(u)  # u is part of v
    scopes: dict[str, list[str]] = {n: [] for n in g}
    for b, data in g.nodes(data=True):
        if data["kind"] != "body":
            continue
        members: set[str] = set()
        stack = [b]
        while stack:  # b, sub-bodies, posts in them, organised events and their sub-events
            n = stack.pop()
            if n in members:
                continue
            members.add(n)
            stack.extend(sub.get(n, ()))
            if g.nodes[n]["kind"] == "body":
                stack.extend(v for _, v, k in g.out_edges(n, keys=True) if k == "organised")
        people = {u for n in members if g.nodes[n]["kind"] in ("event", "post") for u in g.predecessors(n)
                  if g.nodes[u]["kind"] == "person"}
        for n in members | people:
            scopes[n].append(b)
    return scopes


def resolve(g: nx.MultiDiGraph, key: str, kind: str) -> list[str]:
    """Nodes of `kind` whose IRI, label, name or alias is `key` (exact), else whose label contains it."""
    key = key.strip()
    if key in g and g.nodes[key]["kind"] == kind:
        return [key]
    nodes = [(n, d) for n, d in g.nodes(data=True) if d["kind"] == kind]
    exact = [n for n, d in nodes if key in (d["label"], d.get("name")) or key in d.get("aliases", ())]
    if exact:
        return exact
    return [n for n, d in nodes if key in d["label"]]


def apply(g: nx.MultiDiGraph, f: Filters) -> nx.MultiDiGraph:
    """The filtered projection (a new graph). Unmatched person/body/event names give an empty graph
    and a note; a filter that removes every edge of a node removes the node."""
    keep_edges = [
        (u, v, k) for u, v, k in g.edges(keys=True)
        if (not f.roles or k in f.roles)
        and _event_ok(g, u, f) and _event_ok(g, v, f)
    ]
    centres: list[str] = []
    for key, kind, label in ((f.person, "person", "人物"), (f.event, "event", "活动")):
        if key:
            hits = resolve(g, key, kind)
            if not hits:
                f.notes.append(f"没有找到{label} “{key}”")
            centres.extend(n for n in hits if _event_ok(g, n, f))
    h = g.edge_subgraph(keep_edges).copy() if f.active() else g.copy()
    if f.active():
        for n in g:  # centres, and events passing the event filters, stay even without edges
            if n not in h and (n in centres or (
                    g.nodes[n]["kind"] == "event" and (f.since or f.until or f.event_kinds) and _event_ok(g, n, f))):
                h.add_node(n, **g.nodes[n])
    if f.since or f.until or f.event_kinds:
        h = _around_events(h, centres)
    if f.body:
        hits = resolve(g, f.body, "body")
        if not hits:
            f.notes.append(f"没有找到机构 “{f.body}”")
        scope = {n for n, bs in body_scopes(g).items() if any(b in bs for b in hits)}
        h = h.subgraph([n for n in h if n in scope]).copy()
    if f.person or f.event:
        h = neighbourhood(h, [c for c in centres if c in h], f.hops)
    return h


def _around_events(h: nx.MultiDiGraph, centres: list[str]) -> nx.MultiDiGraph:
    """With a date or kind filter, keep what happened: the events, who was there, their posts, the bodies."""
    kind = lambda n: h.nodes[n]["kind"]  # noqa: E731
    core = {n for n in h if kind(n) == "event"} | {c for c in centres if c in h}
    core |= {u for e in list(core) if kind(e) == "event" for u in h.predecessors(e) if kind(u) == "person"}
    core |= {v for p in list(core) if kind(p) == "person" for v in h.successors(p) if kind(v) == "post"}
    bodies = {m for n in core for m in (*h.successors(n), *h.predecessors(n)) if kind(m) == "body"}
    return h.subgraph(core | bodies).copy()


def _event_ok(g: nx.MultiDiGraph, n: str, f: Filters) -> bool:
    d = g.nodes[n]
    if d["kind"] != "event":
        return True
    if f.event_kinds and d.get("eventKind") not in f.event_kinds:
        return False
    return in_range(d.get("date", ""), f.since, f.until) if (f.since or f.until) else True


def neighbourhood(g: nx.MultiDiGraph, centres: list[str], hops: int) -> nx.MultiDiGraph:
    """Nodes within `hops` of any centre, ignoring edge direction."""
    if hops not in (1, 2, 3):
        raise FilterError(f"hops must be 1, 2 or 3, got {hops}")
    seen = set(centres)
    frontier = set(centres)
    for _ in range(hops):
        nxt = set()
        for n in frontier:
            nxt.update(g.successors(n))
            nxt.update(g.predecessors(n))
        frontier = nxt - seen
        seen |= nxt
    return g.subgraph(seen).copy()


def most_connected(g: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """At most `max_nodes` nodes, grown from the best-connected node, best-connected neighbours first.

    Why grow rather than take the top degrees: the top-degree nodes alone fall apart into islands;
    growing keeps one connected piece around the hubs. Components are taken largest hub first.
    """
    if g.number_of_nodes() <= max_nodes:
        return g
    deg = dict(g.degree())
    keep: set[str] = set()
    heap: list[tuple[int, str]] = []
    order = sorted(g, key=lambda n: (-deg[n], n))
    start = 0
    while len(keep) < max_nodes:
        if not heap:
            while order[start] in keep:
                start += 1
            heapq.heappush(heap, (-deg[order[start]], order[start]))
        _, n = heapq.heappop(heap)
        if n in keep:
            continue
        keep.add(n)
        for m in set(g.successors(n)) | set(g.predecessors(n)):
            if m not in keep:
                heapq.heappush(heap, (-deg[m], m))
    return g.subgraph(keep).copy()
