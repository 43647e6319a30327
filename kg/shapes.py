"""SHACL validation of a built graph against `ontology/shapes.ttl` (pySHACL)."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from kg.store import KgStore
from ontology import ONTOLOGY_TTL, SHAPES_TTL


def store_graph(store: KgStore) -> Graph:
    """The merged default graph as an in-memory rdflib Graph (for validation of moderate stores)."""
    data = Graph()
    raw = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    data.parse(data=raw.decode("utf-8"), format="nt")
    return data


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, report text). The ontology is loaded too, so subclasses count for sh:class."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_TTL)
    ont = Graph().parse(ONTOLOGY_TTL)
    conforms, _, text = validate(data, shacl_graph=shapes, ont_graph=ont, inference="none", advanced=False)
    return bool(conforms), str(text)


def validate_store(store: KgStore) -> tuple[bool, str]:
    return validate_graph(store_graph(store))
