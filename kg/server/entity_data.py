"""What an entity page shows, read from the store: labels, posts, participations, evidence.

Plain dicts of strings come out (term values), so templates never see pyoxigraph types. Each
function is one SPARQL query over the merged default graph, bound to one IRI with VALUES.
"""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.store import KgStore

PREFIXES = """PREFIX pbe: <https://w3id.org/pbe#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
PBE = "https://w3id.org/pbe#"
ROLE_LABELS = {
    PBE + "ChairRole": ("chair", "主持"),
    PBE + "AttendeeRole": ("attendee", "出席"),
    PBE + "SpeakerRole": ("speaker", "讲话"),
    PBE + "ElectedRole": ("elected", "当选"),
}
Row = dict[str, Any]


def rows(store: KgStore, query: str, iri: str) -> list[Row]:
    """Run a query with `?x` bound to the IRI; term values as strings (None when unbound)."""
    node = ox.NamedNode(iri)  # validates: no '>' or space can reach the query text
    sparql = PREFIXES + query.replace("#X#", f"VALUES ?x {{ <{node.value}> }}")
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]


def exists(store: KgStore, iri: str) -> bool:
    node = ox.NamedNode(iri)
    for _ in store.oxigraph.quads_for_pattern(node, None, None, ox.DefaultGraph()):
        return True
    for _ in store.oxigraph.quads_for_pattern(None, None, node, ox.DefaultGraph()):
        return True
    return False


def description(store: KgStore, iri: str) -> list[ox.Triple]:
    """The triples about the IRI (as subject) and pointing at it (as object)."""
    node = ox.NamedNode(iri)
    out = [q.triple for q in store.oxigraph.quads_for_pattern(node, None, None, ox.DefaultGraph())]
    out += [q.triple for q in store.oxigraph.quads_for_pattern(None, None, node, ox.DefaultGraph())]
    return out


def types(store: KgStore, iri: str) -> set[str]:
    return {r["t"] for r in rows(store, "SELECT ?t WHERE { #X# ?x a ?t }", iri)}


def labels(store: KgStore, iri: str) -> dict[str, list[str]]:
    found = rows(store, """SELECT ?kind ?l WHERE { #X#
      { ?x rdfs:label ?l BIND("label" AS ?kind) } UNION { ?x skos:prefLabel ?l BIND("pref" AS ?kind) }
      UNION { ?x skos:altLabel ?l BIND("alt" AS ?kind) } UNION { ?x schema:name ?l BIND("name" AS ?kind) }
      UNION { ?x schema:jobTitle ?l BIND("job" AS ?kind) } } ORDER BY ?kind ?l""", iri)
    out: dict[str, list[str]] = {"label": [], "pref": [], "alt": [], "name": [], "job": []}
    for r in found:
        if r["l"] not in out[r["kind"]]:
            out[r["kind"]].append(r["l"])
    return out


def properties(store: KgStore, iri: str) -> list[Row]:
    """Every outgoing (p, o) with the object's label when it has one: the generic page."""
    return rows(store, """SELECT ?p ?o ?ol (isIRI(?o) AS ?link) WHERE { #X# ?x ?p ?o
      OPTIONAL { ?o rdfs:label ?ol } } ORDER BY ?p ?o""", iri)


def incoming(store: KgStore, iri: str, limit: int = 200) -> list[Row]:
    return rows(store, f"""SELECT ?s ?p ?sl WHERE {{ #X# ?s ?p ?x OPTIONAL {{ ?s rdfs:label ?sl }} }}
      ORDER BY ?p ?s LIMIT {int(limit)}""", iri)


# -- persons -------------------------------------------------------------------------------------

def person_posts(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?post ?title ?body ?bodyName
      (SAMPLE(?asWritten) AS ?written) (SAMPLE(?quote) AS ?q) (SAMPLE(?article) AS ?a) (SAMPLE(?text) AS ?articleBody)
      WHERE { #X# ?x org:holds ?post . ?post pbe:title ?title ; org:postIn ?body .
        OPTIONAL { ?body rdfs:label ?bodyName }
        OPTIONAL { ?st pbe:agent ?x ; pbe:post ?post ; pbe:article ?article .
                   OPTIONAL { ?st pbe:titleAsWritten ?asWritten } OPTIONAL { ?st pbe:quote ?quote }
                   OPTIONAL { ?article schema:articleBody ?text } } }
      GROUP BY ?post ?title ?body ?bodyName ORDER BY ?bodyName ?title""", iri)


def person_participations(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?event ?eventName ?date ?role ?position ?titleAsWritten ?quote ?article ?headline ?articleBody
      WHERE { #X# ?st a pbe:Participation ; pbe:agent ?x ; pbe:event ?event ; pbe:role ?role .
        OPTIONAL { ?st pbe:listPosition ?position } OPTIONAL { ?st pbe:titleAsWritten ?titleAsWritten }
        OPTIONAL { ?st pbe:quote ?quote } OPTIONAL { ?st pbe:article ?article
          OPTIONAL { ?article schema:headline ?headline } OPTIONAL { ?article schema:articleBody ?articleBody } }
        OPTIONAL { ?event rdfs:label ?eventName } OPTIONAL { ?event schema:startDate ?date } }
      ORDER BY DESC(?date) ?eventName ?role""", iri)


def authored(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?article ?headline ?date WHERE { #X# ?article schema:author ?x
      OPTIONAL { ?article schema:headline ?headline } OPTIONAL { ?article schema:datePublished ?date } }
      ORDER BY DESC(?date)""", iri)


def mentioned_in(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?article ?label ?date WHERE { #X# { ?article schema:mentions ?x } UNION { ?article schema:about ?x }
      ?article rdfs:label ?label OPTIONAL { ?article schema:datePublished ?date } } ORDER BY DESC(?date) ?label""", iri)


# -- events --------------------------------------------------------------------------------------

def event_facts(store: KgStore, iri: str) -> Row:
    found = rows(store, """SELECT ?date ?endDate ?time ?kind ?place ?placeName ?organizer ?organizerName
      ?super ?superName ?expected ?present WHERE { #X#
      OPTIONAL { ?x schema:startDate ?date } OPTIONAL { ?x schema:endDate ?endDate }
      OPTIONAL { ?x pbe:timeOfDay ?time } OPTIONAL { ?x pbe:eventKind ?kind }
      OPTIONAL { ?x schema:location ?place OPTIONAL { ?place rdfs:label ?placeName } }
      OPTIONAL { ?x schema:organizer ?organizer OPTIONAL { ?organizer rdfs:label ?organizerName } }
      OPTIONAL { ?x schema:superEvent ?super OPTIONAL { ?super rdfs:label ?superName } }
      OPTIONAL { ?x pbe:expectedCount ?expected } OPTIONAL { ?x pbe:presentCount ?present } } LIMIT 1""", iri)
    return found[0] if found else {}


def sub_events(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?event ?name ?date WHERE { #X# ?event schema:superEvent ?x
      OPTIONAL { ?event rdfs:label ?name } OPTIONAL { ?event schema:startDate ?date } } ORDER BY ?date ?name""", iri)


def event_participants(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?person ?name ?role ?position ?titleAsWritten ?quote ?article ?articleBody
      WHERE { #X# ?st a pbe:Participation ; pbe:event ?x ; pbe:agent ?person ; pbe:role ?role .
        OPTIONAL { ?person rdfs:label ?name } OPTIONAL { ?st pbe:listPosition ?position }
        OPTIONAL { ?st pbe:titleAsWritten ?titleAsWritten } OPTIONAL { ?st pbe:quote ?quote }
        OPTIONAL { ?st pbe:article ?article OPTIONAL { ?article schema:articleBody ?articleBody } }
        BIND(IF(?role = pbe:ChairRole, 0, IF(?role = pbe:SpeakerRole, 1, IF(?role = pbe:AttendeeRole, 2, 3))) AS ?rank) }
      ORDER BY ?rank ?position ?name""", iri)


# -- bodies --------------------------------------------------------------------------------------

def body_facts(store: KgStore, iri: str) -> Row:
    found = rows(store, """SELECT ?kind ?parent ?parentName WHERE { #X# OPTIONAL { ?x pbe:bodyKind ?kind }
      OPTIONAL { ?x org:subOrganizationOf ?parent OPTIONAL { ?parent rdfs:label ?parentName } } } LIMIT 1""", iri)
    return found[0] if found else {}


def body_children(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?child ?name WHERE { #X# ?child org:subOrganizationOf ?x
      OPTIONAL { ?child rdfs:label ?name } } ORDER BY ?name""", iri)


def body_posts(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?post ?title ?person ?name WHERE { #X# ?post org:postIn ?x ; pbe:title ?title .
      OPTIONAL { ?person org:holds ?post OPTIONAL { ?person rdfs:label ?name } } } ORDER BY ?title ?name""", iri)


def body_events(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?event ?name ?date WHERE { #X# ?event schema:organizer ?x
      OPTIONAL { ?event rdfs:label ?name } OPTIONAL { ?event schema:startDate ?date } } ORDER BY DESC(?date) ?name""", iri)


# -- articles ------------------------------------------------------------------------------------

def article_facts(store: KgStore, iri: str) -> Row:
    found = rows(store, """SELECT ?headline ?date ?dateline ?body ?source ?fileName WHERE { #X#
      OPTIONAL { ?x schema:headline ?headline } OPTIONAL { ?x schema:datePublished ?date }
      OPTIONAL { ?x pbe:dateline ?dateline } OPTIONAL { ?x schema:articleBody ?body }
      OPTIONAL { ?x pbe:sourceFile ?source OPTIONAL { ?source pbe:fileName ?fileName } } } LIMIT 1""", iri)
    return found[0] if found else {}


def article_authors(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?person ?name WHERE { #X# ?x schema:author ?person
      OPTIONAL { ?person rdfs:label ?name } } ORDER BY ?name""", iri)


def article_statements(store: KgStore, iri: str) -> list[Row]:
    """The facts read from this article: participations and post statements, with their quotes."""
    return rows(store, """SELECT ?st ?kind ?person ?name ?role ?event ?eventName ?position ?titleAsWritten ?quote
      WHERE { #X# ?st pbe:article ?x ; a ?kind ; pbe:agent ?person .
        FILTER(?kind IN (pbe:Participation, pbe:PostStatement))
        OPTIONAL { ?person rdfs:label ?name } OPTIONAL { ?st pbe:role ?role }
        OPTIONAL { ?st pbe:event ?event OPTIONAL { ?event rdfs:label ?eventName } }
        OPTIONAL { ?st pbe:listPosition ?position } OPTIONAL { ?st pbe:titleAsWritten ?titleAsWritten }
        OPTIONAL { ?st pbe:quote ?quote } BIND(IF(?role = pbe:ChairRole, 0, IF(?role = pbe:SpeakerRole, 1, IF(?role = pbe:AttendeeRole, 2, 3))) AS ?rank) }
      ORDER BY ?kind ?eventName ?rank ?position""", iri)


def article_mentions(store: KgStore, iri: str) -> list[Row]:
    return rows(store, """SELECT ?thing ?label ?rel WHERE { #X# { ?x schema:mentions ?thing BIND("mentions" AS ?rel) }
      UNION { ?x schema:about ?thing BIND("about" AS ?rel) } OPTIONAL { ?thing rdfs:label ?label } }
      ORDER BY ?rel ?label""", iri)
