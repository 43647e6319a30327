"""SPARQL over the kg store into a networkx projection: persons, bodies, events and posts.

Why a projection: the RDF graph also holds articles, participations, statements and places, which
are evidence, not network nodes. Here role edges become person → event edges, organisers body →
event, super-events / sub-bodies / posts-in-body "part of" edges and `org:holds` person → post.
Participations and post statements are folded into the edges and nodes as evidence.

All queries are SPARQL strings run by Oxigraph through `KgStore.query`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.store import KgStore
from kg.vocab import PREFIXES

# Edge roles of the projection, in legend order.
ROLES: tuple[str, ...] = ("chair", "attend", "speak", "elected", "organised", "part_of", "holds_post")
RDF_ROLE = {"chair": "chair", "attendee": "attend", "speaker": "speak", "elected": "elected"}
KINDS: tuple[str, ...] = ("person", "body", "event", "post")
SNIPPET = 36  # characters of context either side of a quote

_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _rows(store: KgStore, sparql: str) -> Iterator[dict[str, Any]]:
    """Solutions as plain dicts of Python values (str / int), unbound variables left out."""
    res = store.query(_PROLOGUE + sparql)
    names = [v.value for v in res.variables]
    for sol in res:
        row: dict[str, Any] = {}
        for n in names:
            term = sol[n]
            if term is not None:
                row[n] = term.value
        yield row


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


PERSONS = """
SELECT ?p (MIN(?n) AS ?name) (GROUP_CONCAT(DISTINCT ?jt; separator="|") AS ?jobs) WHERE {
  ?p a schema:Person ; rdfs:label ?n .
  FILTER EXISTS { { ?e pbe:chair|schema:attendee|pbe:speaker|pbe:elected ?p }
                  UNION { ?p org:holds ?x } UNION { ?s pbe:agent ?p } }
  OPTIONAL { ?p schema:jobTitle ?jt }
} GROUP BY ?p"""

BODIES = """
SELECT ?o (MIN(?l) AS ?label) (SAMPLE(?k) AS ?kind) (SAMPLE(?parent) AS ?up)
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {
  ?o a org:Organization ; rdfs:label ?l .
  OPTIONAL { ?o pbe:bodyKind ?k }
  OPTIONAL { ?o org:subOrganizationOf ?parent }
  OPTIONAL { ?o skos:altLabel ?alias }
} GROUP BY ?o"""

EVENTS = """
SELECT ?e (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?written) (SAMPLE(?nm) AS ?name) (MIN(?d) AS ?date) (MAX(?d2) AS ?end)
       (SAMPLE(?k) AS ?kind) (SAMPLE(?sup) AS ?parent) (SAMPLE(?org) AS ?organizer)
       (SAMPLE(?pl) AS ?place) (SAMPLE(?x) AS ?expected) (SAMPLE(?y) AS ?present)
       (SAMPLE(?t) AS ?time) WHERE {
  ?e a schema:Event ; rdfs:label ?l .
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e schema:name ?nm }
  OPTIONAL { ?e schema:startDate ?d }
  OPTIONAL { ?e schema:endDate ?d2 }
  OPTIONAL { ?e pbe:eventKind ?k }
  OPTIONAL { ?e schema:superEvent ?sup }
  OPTIONAL { ?e schema:organizer ?org }
  OPTIONAL { ?e schema:location/rdfs:label ?pl }
  OPTIONAL { ?e pbe:expectedCount ?x }
  OPTIONAL { ?e pbe:presentCount ?y }
  OPTIONAL { ?e pbe:timeOfDay ?t }
} GROUP BY ?e"""

ROLE_EDGES = """
SELECT DISTINCT ?e ?role ?p WHERE {
  VALUES (?prop ?role) { (pbe:chair "chair") (schema:attendee "attendee")
                         (pbe:speaker "speaker") (pbe:elected "elected") }
  ?e ?prop ?p .
}"""

PARTICIPATIONS = """
SELECT ?e ?role ?p ?pos ?title ?quote ?a ?postLabel WHERE {
  VALUES (?r ?role) { (pbe:ChairRole "chair") (pbe:AttendeeRole "attendee")
                      (pbe:SpeakerRole "speaker") (pbe:ElectedRole "elected") }
  ?part a pbe:Participation ; pbe:agent ?p ; pbe:event ?e ; pbe:role ?r .
  OPTIONAL { ?part pbe:listPosition ?pos }
  OPTIONAL { ?part pbe:titleAsWritten ?title }
  OPTIONAL { ?part pbe:quote ?quote }
  OPTIONAL { ?part pbe:article ?a }
  OPTIONAL { ?part pbe:post/rdfs:label ?postLabel }
}"""

POSTS = """
SELECT ?p ?post (MIN(?l) AS ?label) (MIN(?t) AS ?title) (SAMPLE(?b) AS ?body) WHERE {
  ?p org:holds ?post .
  OPTIONAL { ?post rdfs:label ?l }
  OPTIONAL { ?post pbe:title ?t }
  OPTIONAL { ?post org:postIn ?b }
} GROUP BY ?p ?post"""

POST_STATEMENTS = """
SELECT ?p ?post ?written ?quote ?a WHERE {
  ?st a pbe:PostStatement ; pbe:agent ?p .
  OPTIONAL { ?st pbe:post ?post }
  OPTIONAL { ?st pbe:titleAsWritten ?written }
  OPTIONAL { ?st pbe:quote ?quote }
  OPTIONAL { ?st pbe:article ?a }
}"""

ARTICLES = """
SELECT ?a (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date) (SAMPLE(?body) AS ?text) WHERE {
  VALUES ?a { %s }
  OPTIONAL { ?a schema:headline ?h }
  OPTIONAL { ?a schema:datePublished ?d }
  OPTIONAL { ?a schema:articleBody ?body }
} GROUP BY ?a"""


@dataclass
class Evidence:
    """One quoted sentence: where it is (article) and the text around it, for the side panel."""

    article: str
    quote: str
    what: str  # short description of the fact it supports, e.g. "主持 · 市政协常委会议"

    def as_dict(self, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
        art = articles.get(self.article, {})
        before, hit, after = _snippet(art.get("text", ""), self.quote)
        return {
            "article": self.article,
            "headline": art.get("headline") or "",
            "date": art.get("date") or "",
            "before": before,
            "quote": hit,
            "after": after,
            "what": self.what,
        }


def _snippet(body: str, quote: str) -> tuple[str, str, str]:
    """Locate the quote in the article body and cut some context either side."""
    if not quote:
        return "", "", ""
    i = body.find(quote) if body else -1
    if i < 0:
        squeezed = "".join(quote.split())
        i = body.find(squeezed) if body else -1
        if i < 0:
            return "", quote, ""
        quote = squeezed
    j = i + len(quote)
    before = body[max(0, i - SNIPPET):i]
    after = body[j:j + SNIPPET]
    before = ("…" if i > SNIPPET else "") + before.replace("\n", " ")
    return before, quote, after.replace("\n", " ") + ("…" if j + SNIPPET < len(body) else "")


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _fetch_articles(store: KgStore, iris: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted({a for a in iris if a})
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(wanted, 200):
        values = " ".join(f"<{a}>" for a in chunk)
        for row in _rows(store, ARTICLES % values):
            out[row["a"]] = row
    return out


def _short_label(row: dict) -> str:
    """What a node shows: the shortest form an article wrote (市政协十四届三次会议), else the
    canonical name; the canonical name stays in the node's `name`."""
    written = [w for w in (row.get("written") or "").split("|") if w]
    return min(written, key=lambda w: (len(w), w)) if written else row["label"]


def load_graph(store: KgStore) -> nx.MultiDiGraph:
    """The whole projection as a MultiDiGraph; edge keys are roles (see `ROLES`).

    Node attributes: kind, label, and per kind: aliases/bodyKind (body); date, end, eventKind,
    place, expected, present (event); title (post); jobs (person); evidence (list of dicts).
    Edge attributes: role, position (list position, attendance and other role edges), title
    (title as written), evidence.
    """
    g = nx.MultiDiGraph()
    pending: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    node_ev: dict[str, list[Evidence]] = defaultdict(list)

    for r in _rows(store, PERSONS):
        jobs = [j for j in (r.get("jobs") or "").split("|") if j]
        g.add_node(r["p"], kind="person", label=r["name"], jobs=jobs)
    for r in _rows(store, BODIES):
        aliases = [a for a in (r.get("aliases") or "").split("|") if a and a != r["label"]]
        g.add_node(r["o"], kind="body", label=r["label"], bodyKind=r.get("kind") or "", aliases=aliases)
    for r in _rows(store, BODIES):
        if r.get("up") and r["up"] in g:
            g.add_edge(r["o"], r["up"], key="part_of", role="part_of")
    events = list(_rows(store, EVENTS))
    for r in events:
        g.add_node(
            r["e"], kind="event", label=_short_label(r), name=r.get("name") or r["label"],
            date=r.get("date") or "", end=r.get("end") or "", eventKind=r.get("kind") or "",
            place=r.get("place") or "", time=r.get("time") or "",
            expected=_int(r.get("expected")), present=_int(r.get("present")),
        )
    for r in events:
        if r.get("parent") in g:
            g.add_edge(r["e"], r["parent"], key="part_of", role="part_of")
        if r.get("organizer") in g:
            g.add_edge(r["organizer"], r["e"], key="organised", role="organised")

    for r in _rows(store, ROLE_EDGES):
        role = RDF_ROLE[r["role"]]
        if r["p"] in g and r["e"] in g:
            g.add_edge(r["p"], r["e"], key=role, role=role, position=None, title="")
    for r in _rows(store, PARTICIPATIONS):
        role = RDF_ROLE[r["role"]]
        p, e = r["p"], r["e"]
        if p not in g or e not in g:
            continue
        if not g.has_edge(p, e, key=role):
            g.add_edge(p, e, key=role, role=role, position=None, title="")
        data = g.edges[p, e, role]
        pos = _int(r.get("pos"))
        if pos is not None and (data["position"] is None or pos < data["position"]):
            data["position"] = pos
        if r.get("title") and not data["title"]:
            data["title"] = r["title"]
        if r.get("postLabel"):
            data["post"] = r["postLabel"]
        if r.get("quote") or r.get("a"):
            what = f"{ROLE_ZH[role]} · {g.nodes[e]['label']}"
            pending[(p, e, role)].append(Evidence(r.get("a", ""), r.get("quote", ""), what))

    for r in _rows(store, POSTS):
        person, post = r["p"], r["post"]
        if person not in g:
            continue
        if post not in g:
            title = r.get("title") or r.get("label") or ""
            g.add_node(post, kind="post", label=r.get("label") or title, title=title)
            if r.get("body") in g:
                g.add_edge(post, r["body"], key="part_of", role="part_of")
        g.add_edge(person, post, key="holds_post", role="holds_post", title=g.nodes[post]["title"])
    for r in _rows(store, POST_STATEMENTS):
        person, post = r["p"], r.get("post")
        if person not in g or not (r.get("quote") or r.get("a")):
            continue
        written = r.get("written") or ""
        ev = Evidence(r.get("a", ""), r.get("quote", ""), f"职务 · {written}")
        if post and g.has_edge(person, post, key="holds_post"):
            pending[(person, post, "holds_post")].append(ev)
            node_ev[post].append(ev)
        else:
            node_ev[person].append(ev)

    articles = _fetch_articles(
        store, [ev.article for evs in pending.values() for ev in evs] + [ev.article for evs in node_ev.values() for ev in evs]
    )
    for (u, v, k), evs in pending.items():
        g.edges[u, v, k]["evidence"] = _dedupe(ev.as_dict(articles) for ev in evs)
    for n, evs in node_ev.items():
        g.nodes[n]["evidence"] = _dedupe(ev.as_dict(articles) for ev in evs)
    return g


def _dedupe(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for it in items:
        key = (it["article"], it["quote"])
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


ROLE_ZH = {
    "chair": "主持",
    "attend": "出席",
    "speak": "讲话",
    "elected": "当选",
    "organised": "主办",
    "part_of": "隶属",
    "holds_post": "任职",
}
