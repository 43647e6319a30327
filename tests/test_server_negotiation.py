"""Pure parts of the server: Accept negotiation, the SPARQL lexer's SERVICE check, serializers."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from kg.server.analysis import error_position, uses_service
from kg.server.negotiation import RDF_TYPES, RESULTS_TYPES, choose, parse_accept, wants_html
from kg.server.rendering import mark_quotes, sentence_with_quote
from kg.server.results import solutions_csv, solutions_json, solutions_tsv

RESULTS = list(RESULTS_TYPES)
RDF = list(RDF_TYPES)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/*", "text/csv"),
    ("text/tab-separated-values, text/csv", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
    ("image/png", None),
    ("text/turtle", None),
])
def test_choose_results(accept: str | None, expected: str | None) -> None:
    assert choose(accept, RESULTS) == expected


def test_choose_rdf_and_malformed_ranges() -> None:
    assert choose("application/ld+json", RDF) == "application/ld+json"
    assert choose("garbage, application/n-triples;q=abc, text/turtle;q=0.2", RDF) == "text/turtle"
    assert choose("*", RDF) == "text/turtle"
    assert [r.q for r in parse_accept("a/b;q=2, c/d;q=-1")] == [1.0, 0.0]


def test_browsers_are_told_from_machines() -> None:
    assert wants_html(BROWSER, RDF)
    assert not wants_html("*/*", RDF)
    assert not wants_html(None, RDF)
    assert not wants_html("text/turtle, text/html;q=0.5", RDF)


@pytest.mark.parametrize(("query", "federated"), [
    ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
    ("select * { ?a ?b ?c . service silent <http://x/> { ?a ?b ?c } }", True),
    ('SELECT * { ?s ?p "SERVICE" }', False),
    ("SELECT * { ?s ?p 'call the SERVICE desk' }", False),
    ('SELECT * { ?s ?p """multi\nline SERVICE "quoted" """ }', False),
    ("SELECT * { ?s <http://example.org/SERVICE> ?o }  # SERVICE in a comment", False),
    ("PREFIX ex: <http://example.org/> SELECT ?service { ?service ex:SERVICE ?o }", False),
    ('SELECT * { ?s ?p "x"@en . _:SERVICE ?p ?o }', False),
    ('SELECT * { ?s ?p "服务 SERVICE"@zh }', False),
])
def test_service_detection(query: str, federated: bool) -> None:
    assert uses_service(query) is federated


def test_error_position() -> None:
    assert error_position("error at 3:14: expected one of FILTER") == (3, 14)
    assert error_position("something else") is None


def _rows() -> tuple[list[str], list[list]]:
    tab = ox.Literal("a\tb\nc", language="zh")
    return ["x", "y"], [
        [ox.NamedNode("http://e/1"), ox.Literal("孔禄泉", language="zh")],
        [ox.BlankNode("b0"), ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))],
        [None, tab],
    ]


def test_solution_serializers_round_trip() -> None:
    variables, rows = _rows()
    doc = json.loads(solutions_json(variables, rows))
    assert doc["head"]["vars"] == ["x", "y"]
    assert doc["results"]["bindings"][0]["y"] == {"type": "literal", "value": "孔禄泉", "xml:lang": "zh"}
    assert "x" not in doc["results"]["bindings"][2]
    table = list(csv.reader(io.StringIO(solutions_csv(variables, rows).decode("utf-8"), newline="")))
    assert table[0] == ["x", "y"] and table[1] == ["http://e/1", "孔禄泉"] and table[2][0] == "_:b0"
    assert table[3] == ["", "a\tb\nc"]
    tsv = solutions_tsv(variables, rows).decode("utf-8").splitlines()
    assert tsv[0] == "?x\t?y" and tsv[1] == '<http://e/1>\t"孔禄泉"@zh'
    assert len(tsv) == 4 and tsv[3].count("\t") == 1


def test_evidence_highlighting_escapes_and_marks() -> None:
    text = "会议应到54人。会议由主席团常务主席孔禄泉主持。会议<通过>了草案。"
    assert str(sentence_with_quote(text, "孔禄泉主持")) == "会议由主席团常务主席<mark>孔禄泉主持</mark>。"
    marked = str(mark_quotes(text, ["孔禄泉", "通过"]))
    assert "<mark>孔禄泉</mark>" in marked and "&lt;<mark>通过</mark>&gt;" in marked
    assert str(sentence_with_quote("other text", "不在")) == "<mark>不在</mark>"
