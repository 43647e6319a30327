"""Run a SPARQL query on the store and format the answer for a terminal, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import KgStore
from kg.vocab import PREFIXES


def term_text(term: Any) -> str:
    """The plain value of an Oxigraph term (IRI, literal, blank node) for display."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def run_query(store: KgStore, sparql: str, fmt: str = "table") -> str:
    """Execute in Oxigraph (the query is passed as a string) and render the result."""
    try:
        result = store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return json.dumps({"boolean": value}) + "\n" if fmt == "json" else f"{str(value).lower()}\n"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [[term_text(sol[n]) for n in names] for sol in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [max([display_width(n)] + [display_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
