"""The persistent graph store: embedded Oxigraph, one named graph per article.

Layout of the dataset:

- every article's triples live in a named graph of their own (`…/graph/<source>/<n>`);
- the default graph is the RDF merge of all named graphs, kept up to date on every write, so a plain
  SPARQL query sees each fact once (Oxigraph's "union default graph" would return a triple once per
  article that states it, and counts would be wrong).

Writes are single SPARQL Update requests, which Oxigraph runs in one transaction: a failed build
leaves the store as it was. Queries are handed to Oxigraph as strings, so they run in its engine.
For code that wants rdflib's API, `rdflib_dataset()` opens the same store through oxrdflib.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import StoreError
from kg.tripleset import TripleSet

DEFAULT_STORE = "kg-store"

EXPORT_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    # name: (format, carries named graphs)
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, False),
    "xml": (ox.RdfFormat.RDF_XML, False),
}


def default_store_path() -> Path:
    """`$KG_STORE` when set, else `./kg-store`."""
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


@dataclass(frozen=True)
class GraphBatch:
    """What one build writes for one source file: its graphs replace all of the file's old ones."""

    graph_prefix: str
    graphs: tuple[tuple[URIRef, Graph | TripleSet], ...]


def _escape_iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ '):
        raise StoreError(f"not a valid IRI: {iri!r}")
    return iri


class KgStore:
    """An Oxigraph store on disk (or in memory when `path` is None)."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no kg store here (build one with 'kg build')")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        self.read_only = read_only

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for the server's query execution)."""
        return self._store

    # -- writing ----------------------------------------------------------------------------------

    def replace(self, batches: Iterable[GraphBatch]) -> int:
        """Replace the graphs of each batch's source with the batch's graphs, atomically.

        Returns the number of triples written to named graphs.
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        ops: list[str] = []
        written = 0
        existing = list(self.named_graphs())  # listed once: a prefix scan per file would be quadratic
        dropped = False
        for batch in batches:
            for old in existing:
                if old.startswith(batch.graph_prefix):
                    ops.append(f"DROP SILENT GRAPH <{_escape_iri(old)}>")
                    dropped = True
            for iri, graph in batch.graphs:
                g = _escape_iri(str(iri))
                body = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
                written += len(graph)
                ops.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{body}}} }}")
                ops.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
        if not ops:
            return 0
        if dropped:  # drop from the merged default graph what no named graph states any more
            ops.append("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        try:
            self._store.update(" ;\n".join(ops))
            self._store.flush()
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"writing to the store failed, nothing was changed: {exc}") from exc
        return written

    # -- reading ----------------------------------------------------------------------------------

    def query(self, sparql: str, **options: Any) -> Any:
        """Run a SPARQL query string in Oxigraph's engine; raises SyntaxError on a bad query."""
        return self._store.query(sparql, **options)

    def named_graphs(self) -> Iterator[str]:
        for g in self._store.named_graphs():
            yield g.value

    def triple_count(self) -> int:
        """Distinct triples in the merged default graph."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(res))["n"].value)

    def export(self, fmt: str, out: IO[bytes] | str | os.PathLike, *, prefixes: dict[str, str] | None = None) -> None:
        """Write the dataset: triple formats from the merged default graph, quad formats per article."""
        try:
            rdf_format, quads = EXPORT_FORMATS[fmt]
        except KeyError:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}") from None
        if quads:
            # Named graphs only: the default graph is derived and would double every triple.
            data = (q for q in self._store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
            ox.serialize(data, out, rdf_format)
        else:
            kwargs: dict[str, Any] = {"from_graph": ox.DefaultGraph()}
            if prefixes and rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
                kwargs["prefixes"] = prefixes
            self._store.dump(out, rdf_format, **kwargs)

    def rdflib_dataset(self) -> Any:
        """The same store through oxrdflib, for rdflib-based code (queries still run in Oxigraph)."""
        from rdflib import Dataset

        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._store))

    def close(self) -> None:
        if not self.read_only and hasattr(self, "_store"):
            self._store.flush()
        self.__dict__.pop("_store", None)

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
