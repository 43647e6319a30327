"""Corpus-wide sanity report: build CCTV 新闻联播 transcripts and look at what the graph holds.

    python benchmarks/xwlb_sanity.py [--news ../shared/data/news] [--days N] [--store DIR] [--top 100]

Builds the day files (all of `xwlb/`, or the first N days) with `kg.pipeline.build`, then prints:
build speed (characters per CPU-second), counts of persons, events and each role, the most frequent
person and body labels (by the number of articles that mention them), and every label carried by more
than one IRI. A junk "person" in the top list, or two IRIs for one national leader, shows at a glance.
This is a benchmark that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from kg.pipeline import build
from kg.store import KgStore

HERE = Path(__file__).resolve().parent
PREFIXES = """PREFIX schema: <https://schema.org/> PREFIX pbe: <https://w3id.org/pbe#>
PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def rows(store: KgStore, sparql: str) -> list[tuple]:
    return [tuple(v.value if v is not None else None for v in row) for row in store.query(PREFIXES + sparql)]


def count(store: KgStore, pattern: str) -> int:
    return int(rows(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0][0])


def report(store: KgStore, top: int) -> None:
    print("== counts")
    for what, pattern in [
        ("articles", "?a a schema:NewsArticle"),
        ("persons", "?p a schema:Person"),
        ("bodies", "?o a org:Organization"),
        ("events", "?e a schema:Event"),
        ("chair", "?e pbe:chair ?p"),
        ("attendee", "?e schema:attendee ?p"),
        ("speaker", "?e pbe:speaker ?p"),
        ("elected", "?e pbe:elected ?p"),
        ("posts held", "?p org:holds ?post"),
    ]:
        print(f"{what:<12} {count(store, pattern):>9,}")
    for kind, cls in (("person", "schema:Person"), ("body", "org:Organization")):
        print(f"\n== {top} most frequent {kind} labels (articles mentioning; IRIs)")
        found = rows(store, f"""SELECT ?l (COUNT(DISTINCT ?a) AS ?n) (COUNT(DISTINCT ?x) AS ?iris) WHERE {{
            ?x a {cls} ; rdfs:label ?l . ?a schema:mentions ?x }} GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT {top}""")
        for k, (label, n, iris) in enumerate(found, 1):
            print(f"{k:>4}. {label}\t{n}" + (f"\t{iris} IRIs" if int(iris) > 1 else ""))
    multi = rows(store, """SELECT ?l (COUNT(DISTINCT ?x) AS ?iris) WHERE { ?x a schema:Person ; rdfs:label ?l }
        GROUP BY ?l HAVING (COUNT(DISTINCT ?x) > 1) ORDER BY DESC(?iris) ?l""")
    print(f"\n== person labels with more than one IRI: {len(multi)}")
    for label, iris in multi[:40]:
        print(f"  {label}\t{iris}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", type=Path, default=HERE.parents[1] / "shared" / "data" / "news")
    ap.add_argument("--days", type=int, default=None, help="only the first N day files")
    ap.add_argument("--store", type=Path, default=None, help="keep the store here (default: a temp folder)")
    ap.add_argument("--top", type=int, default=100)
    args = ap.parse_args()
    days = sorted((args.news / "xwlb").glob("*.md"))[: args.days]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in days)
    with tempfile.TemporaryDirectory() as tmp:
        with KgStore(args.store or Path(tmp) / "store") as store:
            cpu0, t0 = time.process_time(), time.perf_counter()
            built = build(days, store)
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"== build: {len(days)} day files, {built.articles:,} articles, {chars:,} characters (markup included)")
            print(f"{chars / cpu:,.0f} characters per CPU-second; {wall:.0f} s wall, {cpu:.0f} s CPU, peak {peak:,.0f} MB")
            report(store, args.top)


if __name__ == "__main__":
    main()
