"""The store on disk: atomic replacement, merged default graph, exports that round-trip."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef

from extractors.records import Article, Document, Evidence, Event, Participation, Person
from kg.errors import StoreError
from kg.iris import IriMinter
from kg.store import EXPORT_FORMATS, GraphBatch, KgStore
from kg.triples import ArticleGraphBuilder

MINTER = IriMinter()
BUILDER = ArticleGraphBuilder(MINTER)


def _doc(source: str, people: tuple[str, ...], event_name: str = "某县政府常务会议") -> Document:
    ev = Evidence(f"{source}#0", 0, 10, "会议由某人主持")
    event = Event(name=event_name, kind="meeting", date="2023-05-06")
    parts = tuple(Participation(p, event_name, "2023-05-06", "attendee", i, evidence=ev) for i, p in enumerate(people, 1))
    art = Article(id=f"{source}#0", source=source, index=0, start=0, end=10, text="x", persons=tuple(Person(p) for p in people), events=(event,), participations=parts)
    return Document(source, source, "0" * 40, "utf-8", "2023-05-07", None, (art,))


def _batch(doc: Document) -> GraphBatch:
    return GraphBatch(MINTER.graph_prefix(doc.source), tuple(BUILDER.document_graphs(doc)))


def test_same_person_in_two_articles_is_one_node_counted_once(tmp_path):
    with KgStore(tmp_path / "s") as store:
        store.replace([_batch(_doc("a.txt", ("张三", "李四"))), _batch(_doc("b.txt", ("张三",), "某县委常委会会议"))])
        rows = list(store.query('SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/Person> }'))
        assert int(rows[0]["n"].value) == 2
        assert len(list(store.named_graphs())) == 2


def test_rebuilding_a_source_replaces_its_graphs(tmp_path):
    with KgStore(tmp_path / "s") as store:
        store.replace([_batch(_doc("a.txt", ("张三", "李四")))])
        first = store.triple_count()
        store.replace([_batch(_doc("a.txt", ("张三", "李四")))])
        assert store.triple_count() == first
        store.replace([_batch(_doc("a.txt", ("张三",)))])
        names = {s["n"].value for s in store.query("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }")}
        assert names == {"张三"}


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path):
    with KgStore(tmp_path / "s") as store:
        store.replace([_batch(_doc("a.txt", ("张三",)))])
        before = store.triple_count()
        bad = Graph()
        bad.add((URIRef("http://example.org/x"), URIRef("http://example.org/p"), Literal("y")))
        with pytest.raises(StoreError):
            store.replace([_batch(_doc("b.txt", ("李四",))), GraphBatch("http://e/", ((URIRef("http://e/bad graph"), bad),))])
        assert store.triple_count() == before


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        KgStore(tmp_path / "nothing", read_only=True)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_every_export_format_parses_back_to_the_same_triples(tmp_path, fmt):
    with KgStore(tmp_path / "s") as store:
        store.replace([_batch(_doc("a.txt", ("张三", "李四"))), _batch(_doc("b.txt", ("张三",), "某县委常委会会议"))])
        expected = store.triple_count()
        out = tmp_path / f"dump.{fmt}"
        store.export(fmt, out)
    rdflib_format = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}[fmt]
    if fmt in ("nq", "trig"):
        ds = rdflib.Dataset()
        ds.parse(out, format=rdflib_format)
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        assert len(merged) == expected
        assert len({str(c) for _, _, _, c in ds.quads((None, None, None, None))}) == 2
    else:
        assert len(Graph().parse(out, format=rdflib_format)) == expected
