"""Running one SPARQL query in Oxigraph and turning the result into bytes, under a row cap.

The same `execute` runs inside the killable worker processes (`worker.py`) and, for an in-memory
store that no worker can open, in a server thread. The query form is taken from the type of the
result pyoxigraph returns (QuerySolutions / QueryBoolean / QueryTriples), never from the string.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.server import results
from kg.server.negotiation import RDF_TYPES, RESULTS_TYPES


class QueryTimeout(Exception):
    """The query ran past its time limit."""


@dataclass(frozen=True)
class Job:
    """A query and how to answer it; picklable, sent to a worker process."""

    query: str
    results_type: str | None  # negotiated media type for SELECT/ASK, None if the client takes none
    rdf_type: str | None  # negotiated media type for CONSTRUCT/DESCRIBE
    row_cap: int
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    generation: int = 0  # bumped after an update: the worker reopens its read-only store...
    store_path: str | None = None  # ...at this path (a fresh snapshot), when given


@dataclass(frozen=True)
class Outcome:
    """What came of a job. `status` is ok | syntax | not_acceptable | error."""

    status: str
    form: str = ""  # solutions | boolean | triples
    media_type: str = ""
    body: bytes = b""
    truncated: bool = False
    rows: int = 0
    message: str = ""


def _graph(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def execute(store: ox.Store, job: Job, deadline: float | None = None) -> Outcome:
    """Run the job. Never raises for query faults: they come back as an Outcome.

    `deadline` (time.monotonic) is checked between rows; a worker process also has a hard kill.
    """
    options: dict[str, object] = {}
    try:
        if job.default_graph is not None:
            options["default_graph"] = [_graph(g) for g in job.default_graph]
        if job.named_graphs is not None:
            options["named_graphs"] = [_graph(g) for g in job.named_graphs]
    except ValueError as exc:
        return Outcome("syntax", message=f"invalid graph IRI: {exc}")
    try:
        result = store.query(job.query, **options)
    except SyntaxError as exc:
        return Outcome("syntax", message=str(exc))
    except (OSError, ValueError, RuntimeError) as exc:
        return Outcome("error", message=f"{type(exc).__name__}: {exc}")
    try:
        return _serialize(result, job, deadline)
    except QueryTimeout:
        raise
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        return Outcome("error", message=f"{type(exc).__name__}: {exc}")


def _take(iterator: object, cap: int, deadline: float | None) -> tuple[list, bool]:
    """At most `cap` items, and whether there were more; checks the deadline between items."""
    items: list = []
    for item in iterator:  # type: ignore[attr-defined]
        if len(items) >= cap:
            return items, True
        items.append(item)
        if deadline is not None and len(items) % 64 == 0 and time.monotonic() > deadline:
            raise QueryTimeout()
    return items, False


def _serialize(result: object, job: Job, deadline: float | None) -> Outcome:
    if isinstance(result, ox.QueryBoolean):
        if job.results_type is None:
            return Outcome("not_acceptable", form="boolean")
        fmt = RESULTS_TYPES[job.results_type]
        return Outcome("ok", "boolean", job.results_type, results.serialize_boolean(fmt, result), rows=1)
    if isinstance(result, ox.QuerySolutions):
        if job.results_type is None:
            return Outcome("not_acceptable", form="solutions")
        variables = [v.value for v in result.variables]
        solutions, truncated = _take(result, job.row_cap, deadline)
        rows = [[s[v] for v in variables] for s in solutions]
        fmt = RESULTS_TYPES[job.results_type]
        body = results.serialize_solutions(fmt, variables, rows)
        return Outcome("ok", "solutions", job.results_type, body, truncated, len(rows))
    if isinstance(result, ox.QueryTriples):
        if job.rdf_type is None:
            return Outcome("not_acceptable", form="triples")
        triples, truncated = _take(result, job.row_cap, deadline)
        body = results.serialize_triples(RDF_TYPES[job.rdf_type], triples, job.prefixes)
        return Outcome("ok", "triples", job.rdf_type, body, truncated, len(triples))
    return Outcome("error", message=f"unexpected result type {type(result).__name__}")
