"""Limits of the real server: the time limit (a deliberately slow query), the row cap, 50
concurrent queries, and SPARQL Update behind an explicit option and a bearer token.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from test_server_support import RunningServer, build_store, copy_store, serve

from kg.server.settings import Settings

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SLOW_ORDERED = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g LIMIT 1"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server-limits") / "store")


@pytest.fixture(scope="module")
def limited_server(store_dir: Path) -> Iterator[RunningServer]:
    """Read-only server, 1 s time limit, 10-row cap, two workers."""
    with serve(Settings(query_timeout=1.0, row_cap=10, workers=2), store_dir) as running:
        yield running


@pytest.fixture(scope="module")
def limited(limited_server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=limited_server.url, trust_env=False, timeout=60) as client:
        yield client


def limited_app_runner(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.getfixturevalue("limited_server").app.state.runner


@pytest.fixture(scope="module")
def writable(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A server on a copy of the store, started with --allow-update and a token."""
    copy = copy_store(store_dir, tmp_path_factory.mktemp("server-update") / "store")
    settings = Settings(allow_update=True, update_token=TOKEN, workers=1)
    with serve(settings, copy, read_only=False) as running:
        with httpx.Client(base_url=running.url, trust_env=False, timeout=60) as client:
            yield client


def count(client: httpx.Client) -> int:
    r = client.get("/sparql", params={"query": COUNT})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("query", [SLOW, SLOW_ORDERED])
def test_time_limit_is_a_503_and_the_server_stays_healthy(limited: httpx.Client, query: str) -> None:
    started = time.monotonic()
    r = limited.get("/sparql", params={"query": query})
    elapsed = time.monotonic() - started
    assert r.status_code == 503, r.text
    err = r.json()["error"]
    assert err["status"] == 503 and "time limit of 1 s" in err["detail"]
    assert elapsed < 10
    for _ in range(5):  # the killed worker is replaced; the others answer meanwhile
        assert count(limited) > 300


def test_slow_query_does_not_stall_other_requests(limited: httpx.Client) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:  # both workers busy, two more queries waiting
        slow = [pool.submit(limited.get, "/sparql", params={"query": SLOW}) for _ in range(4)]
        time.sleep(0.2)
        started = time.monotonic()
        home = limited.get("/", headers={"Accept": "text/html"})
        assert home.status_code == 200
        assert limited.get("/static/kg/kg.css").status_code == 200
        assert time.monotonic() - started < 1.0
        assert [f.result().status_code for f in slow] == [503] * 4
    assert count(limited) > 300


def test_a_dead_worker_is_a_500_in_the_one_error_shape_and_is_replaced(limited: httpx.Client, request: pytest.FixtureRequest) -> None:
    runner = limited_app_runner(request)
    for worker in list(runner._all):  # our own child processes: kill them as a crash would
        worker.proc.kill()
        worker.proc.wait()
    r = limited.get("/sparql", params={"query": COUNT})
    assert r.status_code == 500
    assert set(r.json()["error"]) == {"status", "title", "detail"} and r.json()["error"]["status"] == 500
    answers = [limited.get("/sparql", params={"query": COUNT}).status_code for _ in range(4)]
    assert answers.count(200) >= 3  # the other dead worker may fail once more, then all is well
    assert count(limited) > 300


def test_row_cap_truncates_and_says_so(limited: httpx.Client) -> None:
    r = limited.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert r.headers["x-kg-truncated"] == "true" and r.headers["x-kg-rows"] == "10"
    assert len(r.json()["results"]["bindings"]) == 10
    r = limited.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"})
    assert r.headers["x-kg-truncated"] == "false" and len(r.json()["results"]["bindings"]) == 10
    r = limited.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert r.headers["x-kg-truncated"] == "true" and len(r.text.strip().splitlines()) == 10


def test_fifty_concurrent_queries_all_answered_correctly(limited: httpx.Client) -> None:
    names = ["孔禄泉", "雷健坤", "刘文华", "郭卫东", "武建功"]
    query = ('PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
             'SELECT ?name WHERE {{ ?p rdfs:label ?name FILTER(?name = "{}"@zh) }}')

    def ask(i: int) -> tuple[str, list[str]]:
        name = names[i % len(names)]
        r = limited.post("/sparql", data={"query": query.format(name)})
        assert r.status_code == 200, r.text
        return name, [b["name"]["value"] for b in r.json()["results"]["bindings"]]

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(ask, range(50)))
    assert len(answers) == 50
    assert all(found == [name] for name, found in answers)


def test_update_needs_the_token(writable: httpx.Client) -> None:
    update = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { <http://example.org/x> rdfs:label "新增"@zh }'
    before = count(writable)
    r = writable.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = writable.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403
    assert count(writable) == before
    r = writable.post("/sparql", content=update.encode(), headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 204, r.text
    assert count(writable) == before + 1  # the workers' read-only views were refreshed
    r = writable.post("/sparql", data={"update": 'DELETE DATA { <http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "新增"@zh }'},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 204 and count(writable) == before
    bad = writable.post("/sparql", data={"update": "INSERT DATA { <x> }"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 400 and "line" in bad.json()["error"]
    sd = writable.get("/sparql").text
    assert "SPARQL11Update" in sd


def test_settings_refuse_update_without_token() -> None:
    with pytest.raises(ValueError):
        Settings(allow_update=True)
