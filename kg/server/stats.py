"""Small, bounded queries the server's own pages need (counts, top chairs, partitions).

They run in the server process on the store's own engine; each is an aggregate over the merged
default graph, so they stay fast on the store sizes kg builds.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.stats import graph_stats
from kg.store import KgStore

P = """PREFIX pbe: <https://w3id.org/pbe#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

@dataclass(frozen=True)
class Chair:
    iri: str
    name: str
    events: int


def _int(value: object) -> int:
    return int(getattr(value, "value", 0) or 0)


def counts(store: KgStore) -> dict[str, int]:
    """Instances per headline class, triples and graphs (the same figures as `kg stats`)."""
    figures = graph_stats(store)
    return {**figures["classes"], **figures["totals"]}


def top_chairs(store: KgStore, limit: int = 10) -> list[Chair]:
    q = P + f"""SELECT ?p (SAMPLE(?l) AS ?name) (COUNT(DISTINCT ?e) AS ?n)
WHERE {{ ?e pbe:chair ?p . OPTIONAL {{ ?p rdfs:label ?l }} }}
GROUP BY ?p ORDER BY DESC(?n) ?name LIMIT {int(limit)}"""
    return [Chair(r["p"].value, r["name"].value if r["name"] else r["p"].value, _int(r["n"])) for r in store.query(q)]


def class_partitions(store: KgStore) -> list[tuple[str, int]]:
    q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
    return [(r["c"].value, _int(r["n"])) for r in store.query(q)]


def property_partitions(store: KgStore) -> list[tuple[str, int]]:
    q = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
    return [(r["p"].value, _int(r["n"])) for r in store.query(q)]


def distinct_count(store: KgStore, what: str) -> int:
    """Distinct subjects or objects (`what` is 's' or 'o') of the default graph."""
    var = "?s" if what == "s" else "?o"
    res = store.query(f"SELECT (COUNT(DISTINCT {var}) AS ?n) WHERE {{ ?s ?p ?o }}")
    return _int(next(iter(res))["n"])
