"""The SPARQL 1.1 Protocol over a real uvicorn server, with real clients (SPARQLWrapper, httpx).

Every method (GET, POST form, POST sparql-query), every result format parsed back (rdflib for RDF
and SPARQL XML/JSON results, the csv module for CSV/TSV), and the 400/403/406/415 paths.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_server_support import build_store, serve

from kg.server.settings import Settings

P = ("PREFIX pbe: <https://w3id.org/pbe#> PREFIX schema: <https://schema.org/> "
     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
CHAIRS = P + "SELECT ?name ?event WHERE { ?event pbe:chair ?p . ?p rdfs:label ?name } ORDER BY ?event"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
CONSTRUCT = P + "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a schema:Person ; rdfs:label ?n }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server-protocol") / "store")


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("no_proxy", "127.0.0.1,localhost")
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")
        with serve(Settings(query_timeout=5.0), store_dir) as running:
            yield running.url


@pytest.fixture(scope="module")
def kong(server: str) -> str:
    """The IRI of 孔禄泉 as the builder minted it (the minter's keys may include the locale)."""
    with httpx.Client(trust_env=False) as c:
        r = c.get(f"{server}/sparql", params={"query": P + 'SELECT ?p WHERE { ?p rdfs:label "孔禄泉"@zh }'})
    return r.json()["results"]["bindings"][0]["p"]["value"]


@pytest.fixture()
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, trust_env=False, timeout=30) as c:
        yield c


def wrapper(server: str, query: str, fmt: str, method: str = "GET", request: str = URLENCODED) -> SPARQLWrapper:
    sw = SPARQLWrapper(f"{server}/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    if method == POST:
        sw.setRequestMethod(request)
    return sw


# -- every method, with SPARQLWrapper -------------------------------------------------------------

@pytest.mark.parametrize(("method", "request_method"), [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_select_by_every_method(server: str, method: str, request_method: str) -> None:
    res = wrapper(server, CHAIRS, JSON, method, request_method).query().convert()
    names = sorted(b["name"]["value"] for b in res["results"]["bindings"])
    assert names == ["孔禄泉", "孔禄泉"]
    assert res["results"]["bindings"][0]["name"]["xml:lang"] == "zh"


def test_select_xml_parsed_by_rdflib_and_sparqlwrapper(server: str, client: httpx.Client) -> None:
    doc = wrapper(server, CHAIRS, XML).query().convert()  # an xml.dom document
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == ["孔禄泉", "孔禄泉"]
    r = client.get("/sparql", params={"query": CHAIRS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    result = Result.parse(io.BytesIO(r.content), format="xml")
    assert [str(row.name) for row in result] == ["孔禄泉", "孔禄泉"]


def test_select_json_parsed_by_rdflib(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": CHAIRS})
    assert r.status_code == 200 and r.headers["content-type"] == "application/sparql-results+json"
    assert r.headers["vary"] == "Accept" and r.headers["x-kg-truncated"] == "false"
    result = Result.parse(io.BytesIO(r.content), format="json")
    assert [row.name for row in result] == [Literal("孔禄泉", lang="zh")] * 2


def test_select_csv_and_tsv(server: str, client: httpx.Client) -> None:
    body = wrapper(server, CHAIRS, CSV).query().convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows[0] == ["name", "event"] and [r[0] for r in rows[1:]] == ["孔禄泉", "孔禄泉"]
    r = client.get("/sparql", params={"query": CHAIRS}, headers={"Accept": "text/tab-separated-values"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    table = list(csv.reader(io.StringIO(r.text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert table[0] == ["?name", "?event"] and table[1][0] == '"孔禄泉"@zh' and table[1][1].startswith("<https://")
    assert wrapper(server, CHAIRS, TSV).query().convert().decode("utf-8").splitlines()[0] == "?name\t?event"


def test_ask_in_every_results_format(server: str, client: httpx.Client) -> None:
    ask = P + 'ASK { ?p rdfs:label "孔禄泉"@zh }'
    assert wrapper(server, ask, JSON).query().convert()["boolean"] is True
    r = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+xml"})
    assert Result.parse(io.BytesIO(r.content), format="xml").askAnswer is True
    assert r.headers["x-kg-query-form"] == "boolean"
    for media in ("text/csv", "text/tab-separated-values"):
        assert client.get("/sparql", params={"query": ask}, headers={"Accept": media}).text.strip() == "true"
    no = client.get("/sparql", params={"query": P + 'ASK { ?p rdfs:label "无此人" }'})
    assert no.json()["boolean"] is False


@pytest.mark.parametrize(("media", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_in_every_rdf_format(client: httpx.Client, kong: str, media: str, rdflib_format: str) -> None:
    r = client.post("/sparql", content=CONSTRUCT.encode("utf-8"),
                    headers={"Content-Type": "application/sparql-query", "Accept": media})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert r.headers["x-kg-query-form"] == "triples"
    g = Graph().parse(data=r.content, format=rdflib_format)
    assert (URIRef(kong), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("孔禄泉", lang="zh")) in g
    assert len(g) == 7


def test_construct_through_sparqlwrapper(server: str, kong: str) -> None:
    g = wrapper(server, CONSTRUCT, RDFXML).query().convert()  # parsed by rdflib inside SPARQLWrapper
    assert (URIRef(kong), RDFS_LABEL, Literal("孔禄泉", lang="zh")) in g
    data = wrapper(server, CONSTRUCT, TURTLE, POST, URLENCODED).query().convert()
    assert (URIRef(kong), RDFS_LABEL, Literal("孔禄泉", lang="zh")) in Graph().parse(data=data, format="turtle")


def test_describe_defaults_to_turtle(client: httpx.Client, kong: str) -> None:
    r = client.get("/sparql", params={"query": f"DESCRIBE <{kong}>"}, headers={"Accept": "*/*"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert (URIRef(kong), None, None) in g


# -- percent-decoding once, Chinese in every path -------------------------------------------------

def test_chinese_literal_in_posted_form_query(client: httpx.Client, kong: str) -> None:
    query = P + 'SELECT ?p WHERE { ?p rdfs:label "孔禄泉"@zh }'
    r = client.post("/sparql", data={"query": query})  # form-encoded, percent-encoded by httpx
    assert r.status_code == 200, r.text
    assert [b["p"]["value"] for b in r.json()["results"]["bindings"]] == [kong]
    # a literal that itself looks percent-encoded must survive: decoding happens exactly once
    tricky = P + 'SELECT ?x WHERE { BIND("%E5%AD%94 and 孔+禄" AS ?x) }'
    r = client.post("/sparql", data={"query": tricky})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "%E5%AD%94 and 孔+禄"
    r = client.get("/sparql", params={"query": tricky})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "%E5%AD%94 and 孔+禄"
    r = client.post("/sparql", content=tricky.encode("utf-8"), headers={"Content-Type": "application/sparql-query"})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "%E5%AD%94 and 孔+禄"


def test_chinese_iri_in_query_survives(client: httpx.Client) -> None:
    q = 'SELECT ?x WHERE { BIND(<http://example.org/人物/孔禄泉> AS ?x) }'
    r = client.post("/sparql", data={"query": q})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "http://example.org/人物/孔禄泉"


# -- dataset parameters ---------------------------------------------------------------------------

def test_default_and_named_graph_uri(client: httpx.Client) -> None:
    graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"})
    names = [b["g"]["value"] for b in graphs.json()["results"]["bindings"]]
    assert len(names) == 3
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    whole = int(client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])
    first = client.get("/sparql", params=[("query", count), ("default-graph-uri", names[0])])
    one = int(first.json()["results"]["bindings"][0]["n"]["value"])
    assert 0 < one < whole
    both = client.post("/sparql", data={"query": count, "default-graph-uri": names[:2]})
    assert one < int(both.json()["results"]["bindings"][0]["n"]["value"]) <= whole
    named = client.post(
        "/sparql?named-graph-uri=" + quote(names[1], safe=""),
        content=b"SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [names[1]]
    bad = client.get("/sparql", params=[("query", count), ("default-graph-uri", "not an iri")])
    assert bad.status_code == 400 and bad.json()["error"]["status"] == 400


# -- error paths ----------------------------------------------------------------------------------

def test_malformed_query_is_400_with_position(server: str, client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["status"] == 400 and err["title"] == "Bad Request"
    assert "malformed query" in err["detail"] and (err["line"], err["column"]) == (1, 23 + 2)
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT * WHERE { ?s ?p }", JSON).query()


def test_unsupported_accept_is_406(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": CHAIRS}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.json()["error"]["status"] == 406
    r = client.get("/sparql", params={"query": CHAIRS}, headers={"Accept": "text/turtle"})  # SELECT as Turtle
    assert r.status_code == 406
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})  # CONSTRUCT as CSV
    assert r.status_code == 406


def test_service_refused_but_literal_service_allowed(client: httpx.Client) -> None:
    r = client.post("/sparql", data={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403 and "SERVICE" in r.json()["error"]["detail"]
    r = client.post("/sparql", data={"query": 'SELECT ?x WHERE { BIND("SERVICE 服务" AS ?x) }'})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["x"]["value"] == "SERVICE 服务"


def test_update_refused_by_default(server: str, client: httpx.Client) -> None:
    update = 'INSERT DATA { <http://e/x> <http://e/p> "x" }'
    r = client.post("/sparql", data={"update": update})
    assert r.status_code == 403 and r.json()["error"]["status"] == 403
    r = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update",
                                                         "Authorization": "Bearer guess"})
    assert r.status_code == 403
    assert client.get("/sparql", params={"update": update}).status_code == 400
    ask = client.get("/sparql", params={"query": "ASK { <http://e/x> ?p ?o }"}).json()
    assert ask["boolean"] is False


def test_protocol_misuse(client: httpx.Client) -> None:
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"}).status_code == 400
    assert client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert client.post("/sparql", content=b"", headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 400
    r = client.post("/sparql", content=b"\xff\xfe", headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400 and set(r.json()["error"]) >= {"status", "title", "detail"}


def test_service_description_for_machines_query_page_for_browsers(client: httpx.Client) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    services = list(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(sd + "Service")))
    assert services and (services[0], URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    assert (services[0], URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Update")) not in g
    assert (services[0], URIRef(sd + "endpoint"), URIRef(str(client.base_url) + "/sparql")) in g
    jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert json.loads(jsonld.text)
    html = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.headers["content-type"].startswith("text/html")
    assert "/static/yasgui/yasgui.min.js" in html.text and "who-chaired-what" in html.text
    assert "cdn" not in html.text.lower()


def test_environment_keeps_loopback_unproxied() -> None:
    assert "127.0.0.1" in os.environ.get("no_proxy", "127.0.0.1")
