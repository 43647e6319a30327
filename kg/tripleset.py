"""The triples of one article, collected and written once.

rdflib's in-memory Graph indexes every triple three ways and fires an event per add; an article's
triples are only gathered, counted and written to the store as N-Triples, so a plain ordered set does
that job at a fraction of the cost (the build spent a sixth of its time in Graph.add).
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class TripleSet:
    """An insertion-ordered set of rdflib triples with the few Graph methods kg needs."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        """Distinct subjects of the triples matching (predicate, object); None matches anything."""
        seen: set[Node] = set()
        for s, p, o in self._triples:
            if (predicate is None or p == predicate) and (obj is None or o == obj) and s not in seen:
                seen.add(s)
                yield s

    def serialize(self, format: str = "nt", encoding: str | None = None) -> str | bytes:
        """N-Triples, one line per triple, sorted so that the same article gives the same text."""
        if format not in ("nt", "nt11", "ntriples"):
            return self.to_graph().serialize(format=format, encoding=encoding)
        text = "".join(sorted(_nt_row(t) for t in self._triples))
        return text.encode(encoding) if encoding else text

    def to_graph(self) -> Graph:
        g = Graph()
        for t in self._triples:
            g.add(t)
        return g
