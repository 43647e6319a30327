"""Content negotiation: a pure `Accept` parser and the media-type tables of every endpoint.

No framework types here, so the rules are unit-testable on strings: the client's q-values win,
then the more specific range (`text/csv` over `text/*` over `*/*`), then the client's order, and
last the server's order — so `*/*` (curl, SPARQLWrapper) gets the first type of a table.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

HTML = "text/html"

# SELECT and ASK results: media type -> pyoxigraph results format. The first is the default.
RESULTS_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,  # alias: plain JSON clients
    "application/xml": ox.QueryResultsFormat.XML,  # alias
}

# CONSTRUCT and DESCRIBE results, entity descriptions, the service description and VoID.
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

# Dataset dumps (/export): media type -> KgStore.export format name.
EXPORT_TYPES: dict[str, str] = {
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/n-quads": "nq",
    "application/ld+json": "jsonld",
    "application/trig": "trig",
    "application/rdf+xml": "xml",
}

# URL suffixes of linked-data pages and /export?format=.
SUFFIX_TYPES: dict[str, str] = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "xml": "application/rdf+xml",
}


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    position: int

    @property
    def specificity(self) -> int:
        return 0 if self.type == "*" else 1 if self.subtype == "*" else 2

    def matches(self, media_type: str) -> bool:
        t, _, s = media_type.partition("/")
        return (self.type in ("*", t)) and (self.subtype in ("*", s))


def parse_accept(header: str | None) -> list[MediaRange]:
    """The ranges of an Accept header; malformed parts are skipped, never fatal."""
    ranges: list[MediaRange] = []
    for position, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype = fields[0].lower()
        if "/" not in mtype:
            if mtype == "*":  # some clients send a bare "*"
                mtype = "*/*"
            else:
                continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        t, _, s = mtype.partition("/")
        if t == "*" and s != "*":
            continue
        ranges.append(MediaRange(t, s, q, position))
    return ranges


def choose(header: str | None, offered: list[str] | tuple[str, ...]) -> str | None:
    """The offered type the client prefers, or None when it accepts none of them (a 406).

    A missing or empty header accepts anything: the first offered type.
    """
    ranges = parse_accept(header)
    if not ranges:
        return offered[0] if offered else None
    best: tuple[tuple[float, int, int, int], str] | None = None
    for index, media_type in enumerate(offered):
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        top = max(matching, key=lambda r: (r.specificity, -r.position))
        if top.q <= 0:
            continue
        key = (top.q, top.specificity, -top.position, -index)
        if best is None or key > best[0]:
            best = (key, media_type)
    return best[1] if best else None


def explicitly_accepts(header: str | None, media_type: str) -> bool:
    """True when the header names the type (or its `type/*`) with q > 0: how browsers are told apart."""
    for r in parse_accept(header):
        if r.specificity > 0 and r.matches(media_type) and r.q > 0:
            return True
    return False


def wants_html(header: str | None, machine_types: list[str] | tuple[str, ...]) -> bool:
    """Browsers name text/html; machines (curl's */*, SPARQL clients) do not."""
    if not explicitly_accepts(header, HTML):
        return False
    return choose(header, [HTML, *machine_types]) == HTML
