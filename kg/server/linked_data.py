"""Dereferenceable IRIs: GET /id/<path> for every IRI minted under the base.

Browsers (Accept names text/html) get a page made for the entity's type; machines get its
description in the negotiated RDF type, or the type a suffix asks for (.ttl, .nt, .jsonld, .rdf).
Every answer carries `Vary: Accept`; an IRI the store does not know is a 404 (a page for browsers).
"""
from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from kg.server import entity_data as data
from kg.server.errors import ApiError
from kg.server.negotiation import RDF_TYPES, SUFFIX_TYPES, wants_html
from kg.server.rendering import local_href, render
from kg.server.results import serialize_triples
from kg.server.service import OUT_PREFIXES, rdf_response

SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
PBE = "https://w3id.org/pbe#"
KINDS = [  # first match wins: the page template and what it gathers
    (SCHEMA + "Person", "person"),
    (SCHEMA + "Event", "event"),
    (ORG + "Organization", "body"),
    (SCHEMA + "NewsArticle", "article"),
]
LD_SUFFIXES = ("ttl", "nt", "jsonld", "rdf")
SAFE_PATH = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@/%-]+$")


def entity(request: Request, path: str) -> Response:
    """One entity: HTML for browsers, RDF for machines."""
    settings = request.app.state.settings
    store = request.app.state.store
    forced: str | None = None
    stem, dot, suffix = path.rpartition(".")
    if dot and suffix in LD_SUFFIXES and "/" not in suffix:
        path, forced = stem, SUFFIX_TYPES[suffix]
    if not SAFE_PATH.match(path):  # minted IRIs are plain ASCII: nothing else can be in the graph
        if forced is None and wants_html(request.headers.get("accept"), list(RDF_TYPES)):
            return render("notfound.html", 404, iri=settings.entity_base + path, title="Not found")
        raise ApiError(404, "no entity has this path (entity IRIs are plain ASCII)")
    iri = settings.entity_base + path
    accept = request.headers.get("accept")
    html = forced is None and wants_html(accept, list(RDF_TYPES))
    if not data.exists(store, iri):
        if html:
            return render("notfound.html", 404, iri=iri, title="Not found")
        raise ApiError(404, f"no entity with IRI <{iri}> in this graph")
    if forced is not None:
        body = serialize_triples(RDF_TYPES[forced], data.description(store, iri), OUT_PREFIXES)
        ctype = f"{forced}; charset=utf-8" if forced.startswith("text/") else forced
        return Response(body, media_type=ctype, headers={"Vary": "Accept"})
    if not html:
        return rdf_response(data.description(store, iri), request)
    return render_page(request, iri, path)


def render_page(request: Request, iri: str, path: str) -> Response:
    store = request.app.state.store
    base = request.app.state.settings.entity_base
    types = data.types(store, iri)
    kind = next((k for cls, k in KINDS if cls in types), "generic")
    labels = data.labels(store, iri)
    title = (labels["label"] or labels["pref"] or labels["name"] or [iri.rsplit("/", 1)[-1]])[0]
    ctx: dict[str, Any] = {
        "iri": iri, "path": path, "title": title, "labels": labels, "kind": kind,
        "types": sorted(types), "href": lambda i: local_href(i, base) if i else "#",
        "roles": data.ROLE_LABELS, "short": short_iri,
    }
    if kind == "person":
        ctx["posts"] = data.person_posts(store, iri)
        ctx["participations"] = data.person_participations(store, iri)
        ctx["authored"] = data.authored(store, iri)
        ctx["mentions"] = data.mentioned_in(store, iri)
    elif kind == "event":
        ctx["facts"] = data.event_facts(store, iri)
        ctx["subevents"] = data.sub_events(store, iri)
        ctx["participants"] = data.event_participants(store, iri)
        ctx["mentions"] = data.mentioned_in(store, iri)
    elif kind == "body":
        ctx["facts"] = data.body_facts(store, iri)
        ctx["children"] = data.body_children(store, iri)
        ctx["posts"] = data.body_posts(store, iri)
        ctx["events"] = data.body_events(store, iri)
        ctx["mentions"] = data.mentioned_in(store, iri)
    elif kind == "article":
        ctx["facts"] = data.article_facts(store, iri)
        ctx["authors"] = data.article_authors(store, iri)
        ctx["statements"] = data.article_statements(store, iri)
        ctx["about"] = data.article_mentions(store, iri)
        ctx["quotes"] = [s["quote"] for s in ctx["statements"] if s.get("quote")]
    ctx["properties"] = data.properties(store, iri)
    ctx["incoming"] = data.incoming(store, iri)
    return render(f"{kind}.html", **ctx)


def short_iri(iri: str | None) -> str:
    """A prefixed name for display (pbe:chair), or the IRI itself."""
    if not iri:
        return ""
    for prefix, ns in OUT_PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
