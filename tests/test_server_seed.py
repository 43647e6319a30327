"""The server over the seed store built by the real pipeline (conftest's `seed_store_dir`): every
example query answers with rows, and every typed entity's page and RDF dereference.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from test_server_support import serve

from kg.server.examples import load_examples
from kg.server.settings import Settings

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
BASE = "https://w3id.org/pbe/id/"


@pytest.fixture(scope="module")
def client(seed_store_dir: Path) -> Iterator[httpx.Client]:
    with serve(Settings(), seed_store_dir) as running:
        with httpx.Client(base_url=running.url, trust_env=False, timeout=60) as c:
            yield c


@pytest.mark.parametrize("example", load_examples(), ids=lambda e: e.slug)
def test_example_query_answers(client: httpx.Client, example) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/sparql", data={"query": example.sparql})
    assert r.status_code == 200, r.text
    assert r.headers["x-kg-truncated"] == "false"
    assert r.json()["results"]["bindings"], f"{example.slug} found nothing on the seed page"


def test_every_entity_dereferences(client: httpx.Client) -> None:
    query = """SELECT DISTINCT ?x WHERE { ?x a ?t FILTER(?t IN (<https://schema.org/Person>, <https://schema.org/Event>,
      <http://www.w3.org/ns/org#Organization>, <https://schema.org/NewsArticle>, <http://www.w3.org/ns/org#Post>)) }"""
    iris = [b["x"]["value"] for b in client.post("/sparql", data={"query": query}).json()["results"]["bindings"]]
    assert len(iris) > 20
    for iri in iris:
        assert iri.startswith(BASE) and iri.isascii()
        path = "/id/" + iri[len(BASE):]
        page = client.get(path, headers=BROWSER)
        assert page.status_code == 200 and "<h1>" in page.text, path
        rdf = client.get(path + ".ttl")
        assert len(Graph().parse(data=rdf.text, format="turtle")) > 0, path
