"""Errors of kg, translated at the edge (one line on the CLI, one JSON shape over HTTP).

    KgError
    ├── InputError        a file given to build cannot be read or decoded (names the file)
    ├── StoreError        the store cannot be opened, read or written
    ├── QueryError        a SPARQL query is malformed (carries the parser's message)
    └── ValidationError   a built graph does not conform to the SHACL shapes
"""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""


class InputError(KgError):
    """A source file cannot be read or decoded."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A malformed SPARQL query."""


class ValidationError(KgError):
    """A graph fails the SHACL shapes."""
