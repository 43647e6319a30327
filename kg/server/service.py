"""Machine descriptions: the SPARQL 1.1 Service Description (GET /sparql without a query, asked by a
machine) and the VoID description of the dataset (/void).

Both are built as pyoxigraph triples and written in the type the client accepts (Turtle first).
A browser that names text/html gets the query page instead of the service description, and the
VoID Turtle as text/plain so that it reads it rather than downloads it.
"""
from __future__ import annotations

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from kg.server import stats
from kg.server.errors import ApiError
from kg.server.negotiation import EXPORT_TYPES, RDF_TYPES, RESULTS_TYPES, choose, wants_html
from kg.server.results import serialize_triples
from kg.vocab import PREFIXES

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
OUT_PREFIXES = {**PREFIXES, "sd": SD, "void": VOID, "dcterms": DCT, "formats": FORMATS}

RESULT_FORMATS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INT)


def root_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def rdf_response(triples: list[ox.Triple], request: Request, *, html_as_text: bool = False) -> Response:
    """Triples in the negotiated RDF type, 406 when the client takes none."""
    accept = request.headers.get("accept")
    media_type = choose(accept, list(RDF_TYPES))
    if media_type is None:
        raise ApiError(406, f"cannot answer with any type in Accept: {accept!r}; offered: {', '.join(RDF_TYPES)}")
    body = serialize_triples(RDF_TYPES[media_type], triples, OUT_PREFIXES)
    shown = media_type
    if html_as_text and media_type == "text/turtle" and wants_html(accept, []):
        shown = "text/plain"
    ctype = f"{shown}; charset=utf-8" if shown.startswith("text/") else shown
    return Response(body, media_type=ctype, headers={"Vary": "Accept"})


def service_description(request: Request) -> list[ox.Triple]:
    settings = request.app.state.settings
    store = request.app.state.store
    endpoint = n(root_url(request) + "/sparql")
    t: list[ox.Triple] = [
        ox.Triple(endpoint, RDF_TYPE, n(SD + "Service")),
        ox.Triple(endpoint, n(SD + "endpoint"), endpoint),
        ox.Triple(endpoint, n(SD + "supportedLanguage"), n(SD + "SPARQL11Query")),
        ox.Triple(endpoint, n(SD + "defaultEntailmentRegime"), n("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(endpoint, RDFS_COMMENT, ox.Literal(
            f"Read-only SPARQL endpoint of kg (people, bodies and events). Each query runs at most "
            f"{settings.query_timeout:g} s and returns at most {settings.row_cap} rows "
            f"(header X-KG-Truncated says when results were cut).", language="en")),
    ]
    if settings.allow_update:
        t.append(ox.Triple(endpoint, n(SD + "supportedLanguage"), n(SD + "SPARQL11Update")))
    if settings.allow_service:
        t.append(ox.Triple(endpoint, n(SD + "feature"), n(SD + "BasicFederatedQuery")))
    t.extend(ox.Triple(endpoint, n(SD + "resultFormat"), n(FORMATS + name)) for name in RESULT_FORMATS.values())
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("defaultGraph")
    t += [
        ox.Triple(endpoint, n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, n(SD + "Dataset")),
        ox.Triple(dataset, n(SD + "defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, n(SD + "Graph")),
        ox.Triple(default, n(VOID + "triples"), integer(store.triple_count())),
        ox.Triple(default, RDFS_COMMENT, ox.Literal(
            "The RDF merge of all article graphs: each fact once.", language="en")),
    ]
    for i, graph in enumerate(store.named_graphs()):
        node = ox.BlankNode(f"g{i}")
        t += [ox.Triple(dataset, n(SD + "namedGraph"), node), ox.Triple(node, n(SD + "name"), n(graph))]
    return t


def describe_or_page(request: Request) -> Response:
    """GET /sparql without a query: the query page for browsers, the service description for machines."""
    if wants_html(request.headers.get("accept"), list(RDF_TYPES) + list(RESULTS_TYPES)):
        from kg.server.pages import query_page

        return query_page(request)
    return rdf_response(service_description(request), request)


def void_description(request: Request) -> list[ox.Triple]:
    settings = request.app.state.settings
    store = request.app.state.store
    root = root_url(request)
    ds = n(root + "/void#dataset")
    counts = stats.counts(store)
    classes = stats.class_partitions(store)
    properties = stats.property_partitions(store)
    t: list[ox.Triple] = [
        ox.Triple(ds, RDF_TYPE, n(VOID + "Dataset")),
        ox.Triple(ds, n(DCT + "title"), ox.Literal("kg: people, bodies and events from Chinese official news", language="en")),
        ox.Triple(ds, n(DCT + "title"), ox.Literal("人物、机构与活动知识图谱", language="zh")),
        ox.Triple(ds, n(VOID + "sparqlEndpoint"), n(root + "/sparql")),
        ox.Triple(ds, n(VOID + "uriSpace"), ox.Literal(settings.entity_base)),
        ox.Triple(ds, n(VOID + "triples"), integer(counts["triples"])),
        ox.Triple(ds, n(VOID + "classes"), integer(len(classes))),
        ox.Triple(ds, n(VOID + "properties"), integer(len(properties))),
        ox.Triple(ds, n(VOID + "distinctSubjects"), integer(stats.distinct_count(store, "s"))),
        ox.Triple(ds, n(VOID + "distinctObjects"), integer(stats.distinct_count(store, "o"))),
        ox.Triple(ds, n(VOID + "entities"), integer(counts["persons"] + counts["bodies"] + counts["events"] + counts["articles"])),
        ox.Triple(ds, n(VOID + "feature"), n(FORMATS + "Turtle")),
    ]
    for ns in ("https://w3id.org/pbe#", "https://schema.org/", "http://www.w3.org/ns/org#"):
        t.append(ox.Triple(ds, n(VOID + "vocabulary"), n(ns)))
    for name in EXPORT_TYPES.values():
        t.append(ox.Triple(ds, n(VOID + "dataDump"), n(f"{root}/export?format={name}")))
    for i, (cls, count) in enumerate(classes):
        part = ox.BlankNode(f"class{i}")
        t += [ox.Triple(ds, n(VOID + "classPartition"), part), ox.Triple(part, n(VOID + "class"), n(cls)),
              ox.Triple(part, n(VOID + "entities"), integer(count))]
    for i, (prop, count) in enumerate(properties):
        part = ox.BlankNode(f"property{i}")
        t += [ox.Triple(ds, n(VOID + "propertyPartition"), part), ox.Triple(part, n(VOID + "property"), n(prop)),
              ox.Triple(part, n(VOID + "triples"), integer(count))]
    chairs = stats.top_chairs(store, 1)
    if chairs:
        t.append(ox.Triple(ds, n(VOID + "exampleResource"), n(chairs[0].iri)))
    return t
