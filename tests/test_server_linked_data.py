"""Linked data, dumps, VoID, home, docs and `kg serve --get`, over a real server and store."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS
from test_server_support import build_store, serve

from kg.server.settings import Settings

REPO = Path(__file__).resolve().parent.parent
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
BASE = "https://w3id.org/pbe/id/"
VOID = Namespace("http://rdfs.org/ns/void#")
P = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/> "
     "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server-ld") / "store")


@pytest.fixture(scope="module")
def client(store_dir: Path) -> Iterator[httpx.Client]:
    with serve(Settings(), store_dir) as running:
        with httpx.Client(base_url=running.url, trust_env=False, timeout=30) as c:
            yield c


def iri_of(client: httpx.Client, label: str) -> str:
    # an event's rdfs:label is its canonical name; the form an article wrote is a skos:altLabel
    r = client.get("/sparql", params={"query": P + f'SELECT ?x WHERE {{ ?x rdfs:label|skos:altLabel "{label}"@zh }} LIMIT 1'})
    return r.json()["results"]["bindings"][0]["x"]["value"]


def path_of(iri: str) -> str:
    assert iri.startswith(BASE)
    return "/id/" + iri[len(BASE):]


def test_no_iri_has_non_ascii(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT DISTINCT ?i WHERE { { ?i ?p ?o } UNION { ?s ?i ?o } UNION { ?s ?p ?i } FILTER(isIRI(?i)) }"})
    iris = [b["i"]["value"] for b in r.json()["results"]["bindings"]]
    assert iris and all(i.isascii() for i in iris)


def test_person_page_for_browsers(client: httpx.Client) -> None:
    kong = iri_of(client, "孔禄泉")
    r = client.get(path_of(kong), headers=BROWSER)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["vary"] == "Accept"
    html = r.text
    assert "<h1>孔禄泉</h1>" in html
    assert "阳泉市第十六届人民代表大会第四次会议主席团第三次会议" in html and "2024-03-21" in html and "2024-03-22" in html
    assert "主持 chair" in html and "主席团常务主席" in html
    assert "会议由主席团常务主席<mark>孔禄泉主持</mark>" not in html  # the whole quote is marked, not a part
    assert "<mark>会议由主席团常务主席孔禄泉主持</mark>" in html
    links = set(re.findall(r'href="(/id/[^"]+)"', html))
    assert len(links) >= 4
    for link in links:  # every link on the page dereferences
        assert client.get(link, headers=BROWSER).status_code == 200, link


def test_person_with_posts_and_roles(client: httpx.Client) -> None:
    lei = iri_of(client, "雷健坤")
    html = client.get(path_of(lei), headers=BROWSER).text
    assert "书记" in html and "中国共产党阳泉市委员会" in html
    assert "出席 attendee" in html and "讲话 speaker" in html
    assert "<mark>中共阳泉市委书记雷健坤等领导同志出席会议</mark>" in html


def test_event_body_article_and_generic_pages(client: httpx.Client) -> None:
    closing = client.get(path_of(iri_of(client, "市十六届人大四次会议闭幕会")), headers=BROWSER).text
    assert "王建义" in closing and "当选 elected" in closing and "上午" in closing
    roles = [closing.index(r) for r in ("主持 chair", "讲话 speaker", "出席 attendee", "当选 elected")]
    assert roles == sorted(roles)  # chair first, then speakers, attendees, the elected
    assert "市十六届人大四次会议" in closing  # its super-event
    body = client.get(path_of(iri_of(client, "中国人民政治协商会议山西省阳泉市委员会")), headers=BROWSER).text
    assert "市政协" in body and "郭卫东" in body and "副主席" in body
    article = iri_of(client, "市十六届人大四次会议闭幕")
    page = client.get(path_of(article), headers=BROWSER).text
    assert "<mark>会议选举王建义为市人大常委会副主任</mark>" in page and "<mark>孔禄泉主持会议</mark>" in page
    r = client.get("/sparql", params={"query": "SELECT ?p WHERE { ?p a <http://www.w3.org/ns/org#Post> } LIMIT 1"})
    post = r.json()["results"]["bindings"][0]["p"]["value"]
    generic = client.get(path_of(post), headers=BROWSER)
    assert generic.status_code == 200 and "pbe:title" in generic.text


@pytest.mark.parametrize(("accept", "suffix", "fmt"), [
    ("text/turtle", ".ttl", "turtle"), ("application/n-triples", ".nt", "nt"),
    ("application/ld+json", ".jsonld", "json-ld"), ("application/rdf+xml", ".rdf", "xml"),
])
def test_rdf_for_machines_by_accept_and_suffix(client: httpx.Client, accept: str, suffix: str, fmt: str) -> None:
    kong = iri_of(client, "孔禄泉")
    label = (URIRef(kong), RDFS.label, Literal("孔禄泉", lang="zh"))
    by_accept = client.get(path_of(kong), headers={"Accept": accept})
    assert by_accept.status_code == 200 and by_accept.headers["content-type"].split(";")[0] == accept
    assert by_accept.headers["vary"] == "Accept"
    assert label in Graph().parse(data=by_accept.content, format=fmt)
    by_suffix = client.get(path_of(kong) + suffix, headers=BROWSER)
    assert by_suffix.headers["content-type"].split(";")[0] == accept
    assert label in Graph().parse(data=by_suffix.content, format=fmt)


def test_unknown_iri_is_404(client: httpx.Client) -> None:
    page = client.get("/id/person/nobody-000000", headers=BROWSER)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"] and "Not found" in page.text
    machine = client.get("/id/person/nobody-000000", headers={"Accept": "text/turtle"})
    assert machine.status_code == 404 and machine.json()["error"]["status"] == 404
    assert client.get("/id/person/孔禄泉", headers=BROWSER).status_code == 404
    assert client.get("/id/person/nobody.ttl").status_code == 404
    assert client.get("/id/" + "person/x", headers={"Accept": "image/png"}).status_code == 404
    injected = client.get("/id/person/x%3E%20%7D%20%3Fs%20%3Fp%20%3Fo%20%7B", headers=BROWSER)  # 'x> } ?s ?p ?o {'
    assert injected.status_code == 404 and "Not found" in injected.text
    assert client.get("/id/person/x%3E", headers={"Accept": "text/turtle"}).json()["error"]["status"] == 404


def test_export_every_format(client: httpx.Client) -> None:
    count = int(client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
                .json()["results"]["bindings"][0]["n"]["value"])
    for fmt, rdflib_format in [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")]:
        r = client.get("/export", params={"format": fmt})
        assert r.status_code == 200, fmt
        assert len(Graph().parse(data=r.content, format=rdflib_format)) == count, fmt
    nq = client.get("/export", params={"format": "nq"})
    ds = Dataset()
    ds.parse(data=nq.content, format="nquads")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert len([g for g in graphs if "/graph/" in g]) == 3
    by_accept = client.get("/export", headers={"Accept": "application/n-triples"})
    assert by_accept.headers["content-type"] == "application/n-triples"
    assert client.get("/export", params={"format": "docx"}).status_code == 400
    assert client.get("/export", headers={"Accept": "image/png"}).status_code == 406
    with client.stream("GET", "/export", params={"format": "nt"}) as streamed:
        first = next(streamed.iter_bytes())
        assert first.startswith(b"<")


def test_void_describes_the_dataset(client: httpx.Client) -> None:
    r = client.get("/void")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    ds = next(g.subjects(RDF.type, VOID.Dataset))
    triples = int(g.value(ds, VOID.triples))
    assert triples > 300 and int(g.value(ds, VOID.classes)) > 10 and int(g.value(ds, VOID.properties)) > 20
    assert str(g.value(ds, VOID.sparqlEndpoint)).endswith("/sparql")
    dumps = {str(d) for d in g.objects(ds, VOID.dataDump)}
    assert any(d.endswith("format=nq") for d in dumps) and len(dumps) >= 4
    classes = {str(g.value(p, VOID["class"])) for p in g.objects(ds, VOID.classPartition)}
    assert "https://schema.org/Person" in classes
    for dump in dumps:
        assert client.get(httpx.URL(dump).raw_path.decode()).status_code == 200
    html = client.get("/void", headers=BROWSER)
    assert html.headers["content-type"].startswith("text/plain")


def test_home_page_says_what_the_graph_holds(client: httpx.Client) -> None:
    html = client.get("/", headers=BROWSER).text
    assert re.search(r'id="count-persons"><b>7</b>', html)
    assert re.search(r'id="count-events"><b>4</b>', html) and re.search(r'id="count-articles"><b>3</b>', html)
    assert "孔禄泉" in html and "2 events" in html
    for target in ('href="/sparql"', 'href="/graph"', 'href="/void"', "/export?format=nq"):
        assert target in html


def test_docs_and_static_assets_are_local(client: httpx.Client) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text and "fastapi.tiangolo.com" not in docs.text
    spec = client.get("/openapi.json").json()
    assert "/sparql" in spec["paths"] and "/id/{path}" in spec["paths"]
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css",
                  "/static/yasgui/yasgui.min.js", "/static/yasgui/yasgui.min.css", "/static/yasgui/LICENSE",
                  "/static/kg/query.js", "/static/kg/kg.css"):
        assert client.get(asset).status_code == 200, asset


def test_graph_view_route(client: httpx.Client) -> None:
    r = client.get("/graph", headers=BROWSER)
    if r.status_code == 501:  # viz not installed in this build: the JSON error says so
        assert r.json()["error"]["status"] == 501
        return
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    kong = iri_of(client, "孔禄泉")
    filtered = client.get("/graph", params={"person": kong, "since": "2024-03-20", "roles": "chair,attendee"})
    assert filtered.status_code == 200 and "/id/person/" in filtered.text
    bad = client.get("/graph", params={"since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["error"]["status"] == 400


def test_serve_get_answers_in_process(store_dir: Path) -> None:
    query = P + 'SELECT ?x WHERE { ?x rdfs:label "孔禄泉"@zh }'
    url = str(httpx.URL("/sparql", params={"query": query}))
    for argv in (["-m", "kg.server.cli"], ["-m", "kg.cli", "serve"]):
        out = subprocess.run([sys.executable, *argv, "--store", str(store_dir), "--get", url],
                             capture_output=True, text=True, timeout=120, cwd=REPO)
        assert out.returncode == 0, out.stderr
        status, _, body = out.stdout.partition("\n")
        assert status.startswith("200 application/sparql-results+json")
        assert json.loads(body)["results"]["bindings"][0]["x"]["value"].startswith(BASE + "person/")
    raw = subprocess.run([sys.executable, "-m", "kg.server.cli", "--store", str(store_dir), "--get",
                          '/sparql?query=ASK { ?p ?q "孔禄泉"@zh }'], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert raw.returncode == 0 and json.loads(raw.stdout.partition("\n")[2])["boolean"] is True
    missing = subprocess.run([sys.executable, "-m", "kg.server.cli", "--store", str(store_dir), "--get", "/id/none"],
                             capture_output=True, text=True, timeout=120, cwd=REPO)
    assert missing.returncode == 1 and missing.stdout.startswith("404")
    assert io.StringIO(missing.stdout).readline().strip().endswith("application/json")


def test_in_memory_store_answers_in_process() -> None:
    """No directory, so no worker process: queries run in a thread with a between-rows deadline."""
    from kg.server.app import create_app
    from kg.server.inprocess import get
    from kg.store import KgStore

    store = KgStore()
    store.oxigraph.update('INSERT DATA { <https://w3id.org/pbe/id/person/x-1> <http://www.w3.org/2000/01/rdf-schema#label> "某人"@zh }')
    app = create_app(Settings(), store)
    status, headers, body = get(app, "/sparql?query=" + quote("SELECT ?l WHERE { ?s ?p ?l }", safe=""))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["l"]["value"] == "某人"
    status, headers, body = get(app, "/id/person/x-1", accept="text/html")
    assert status == 200 and "某人" in body.decode("utf-8") and headers["vary"] == "Accept"
    store.close()
