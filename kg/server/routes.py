"""Every route of the server, in one list: path, handler, methods, summary.

Query routes are `async` only to read the request body; the query itself goes to a worker thread.
Page routes are plain `def`, which FastAPI runs in its threadpool, off the event loop.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from kg.server import linked_data, pages, service, sparql
from kg.server.negotiation import EXPORT_TYPES, RDF_TYPES, RESULTS_TYPES


@dataclass(frozen=True)
class Route:
    path: str
    endpoint: Callable[..., Any]
    methods: tuple[str, ...]
    summary: str
    html: bool = False
    in_schema: bool = True
    responses: dict[int | str, dict[str, Any]] | None = None
    openapi_extra: dict[str, Any] | None = None


def _content(*types: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {t: {} for t in types}}}


QUERY_RESULTS = _content(*RESULTS_TYPES, *RDF_TYPES)
_GRAPH_PARAMS = [
    {"name": name, "in": "query", "required": False, "description": text,
     "schema": {"type": "array", "items": {"type": "string", "format": "iri"}}, "explode": True}
    for name, text in (("default-graph-uri", "graph(s) whose merge is the query's default graph"),
                       ("named-graph-uri", "graph(s) the query may name with GRAPH"))
]
SPARQL_GET_DOC = {"parameters": [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "a SPARQL 1.1 query; without it, the service description or the query page"},
    *_GRAPH_PARAMS,
]}
SPARQL_POST_DOC = {"parameters": _GRAPH_PARAMS, "requestBody": {"required": True, "content": {
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "query": {"type": "string"}, "update": {"type": "string"},
        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
        "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
    "application/sparql-query": {"schema": {"type": "string"}},
    "application/sparql-update": {"schema": {"type": "string"}, "description": "needs Authorization: Bearer <token>"},
}}}


def void(request: Request) -> Response:
    """VoID in the negotiated RDF type (Turtle shown as text to browsers)."""
    return service.rdf_response(service.void_description(request), request, html_as_text=True)


ROUTES: list[Route] = [
    Route("/", pages.home, ("GET",), "Home: what the graph holds and where to go", html=True),
    Route("/sparql", sparql.sparql_get, ("GET",),
          "SPARQL 1.1 query by GET (?query=, default-graph-uri, named-graph-uri); without a query the "
          "service description (machines) or the query page (browsers)", responses=QUERY_RESULTS,
          openapi_extra=SPARQL_GET_DOC),
    Route("/sparql", sparql.sparql_post, ("POST",),
          "SPARQL 1.1 query (form or application/sparql-query) or update (token required)", responses=QUERY_RESULTS,
          openapi_extra=SPARQL_POST_DOC),
    Route("/id/{path:path}", linked_data.entity, ("GET",),
          "An entity: HTML for browsers, RDF by Accept or suffix (.ttl, .nt, .jsonld, .rdf)",
          responses=_content("text/html", *RDF_TYPES)),
    Route("/export", pages.export, ("GET",), "The whole dataset (?format=ttl|nt|nq|jsonld|trig|xml or Accept)",
          responses=_content(*EXPORT_TYPES)),
    Route("/void", void, ("GET",), "VoID description of the dataset", responses=_content(*RDF_TYPES)),
    Route("/graph", pages.graph, ("GET",), "Interactive graph view (filters: person, body, since, until, roles)",
          html=True),
    Route("/docs", pages.docs, ("GET",), "This API's documentation (offline Swagger UI)", html=True, in_schema=False),
]


def register(app: FastAPI) -> None:
    for r in ROUTES:
        app.add_api_route(
            r.path, r.endpoint, methods=list(r.methods), summary=r.summary, include_in_schema=r.in_schema,
            response_class=HTMLResponse if r.html else Response, responses=r.responses or None,
            openapi_extra=r.openapi_extra,
        )
