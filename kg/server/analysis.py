"""Looking at a SPARQL string without running it: a small lexer, SERVICE detection, error positions.

The lexer knows SPARQL's token classes (strings, IRIs, comments, variables, prefixed names, blank
node labels, language tags), so the keyword SERVICE is found only where it is a keyword: a literal
"SERVICE", a comment, `<http://x/SERVICE>`, `ex:SERVICE` or `?service` never trips it. The query is
still parsed and run only by Oxigraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<comment>\#[^\n\r]*)
    |(?P<var>[?$]\w+)
    |(?P<bnode>_:[\w.\-]*\w|_:\w)
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    |(?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w:%\\\-]|\.(?=[\w:%]))*)
    |(?P<word>[^\W\d]\w*)
    |(?P<space>\s+)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


def tokens(sparql: str) -> Iterator[Token]:
    """SPARQL tokens, whitespace dropped. Unterminated strings fall through as single characters."""
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup or "other"
        if kind != "space":
            yield Token(kind, m.group(), m.start())


def keywords(sparql: str) -> list[str]:
    """Upper-cased bare words: keywords and built-in function names, nothing inside terms."""
    return [t.text.upper() for t in tokens(sparql) if t.kind == "word"]


def uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause (a federated call to another endpoint)."""
    return "SERVICE" in keywords(sparql)


_POSITION = re.compile(r"error at (\d+):(\d+)")


def error_position(message: str) -> tuple[int, int] | None:
    """(line, column) from an Oxigraph parser message such as 'error at 1:25: expected …'."""
    m = _POSITION.search(message)
    return (int(m.group(1)), int(m.group(2))) if m else None
