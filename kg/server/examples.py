"""The example queries in `queries/*.rq`: shown in the query page's menu and reused by the README.

Each file starts with `# title:` and `# description:` comment lines; the rest is the query.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

QUERIES_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    description: str
    sparql: str


def _header(text: str, key: str) -> str:
    for line in text.splitlines():
        if line.lower().startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    return ""


@lru_cache(maxsize=1)
def load_examples() -> tuple[Example, ...]:
    out = []
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out.append(Example(path.stem, _header(text, "title") or path.stem, _header(text, "description"), text))
    return tuple(out)
