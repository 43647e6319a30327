"""HTML rendering: one Jinja2 environment (autoescaped) and the helpers templates use.

Entity IRIs under the configured base become local `/id/...` links, so every page links on inside
this server; the evidence highlighter marks a quote inside its sentence and inside the article.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"
SENTENCE_END = "。！？；\n"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["mark"] = mark_quotes
    env.filters["sentence"] = sentence_with_quote
    return env


def local_href(iri: str, base: str) -> str:
    """`/id/<path>` for an IRI minted under the base; other IRIs stay as they are."""
    return "/id/" + iri[len(base):] if iri.startswith(base) else iri


def mark_quotes(text: str | None, quotes: list[str] | str | None) -> Markup:
    """The text, escaped, with every given quote wrapped in <mark> (first occurrence of each)."""
    if not text:
        return Markup("")
    if isinstance(quotes, str):
        quotes = [quotes]
    spans: list[tuple[int, int]] = []
    for q in sorted({q for q in (quotes or []) if q}, key=len, reverse=True):
        at = text.find(q)
        while at >= 0 and any(s < at + len(q) and at < e for s, e in spans):
            at = text.find(q, at + 1)
        if at >= 0:
            spans.append((at, at + len(q)))
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def sentence_with_quote(text: str | None, quote: str | None) -> Markup:
    """The sentence of `text` that holds the quote, with the quote marked; the quote alone if absent."""
    if not quote:
        return Markup("")
    at = text.find(quote) if text else -1
    if at < 0 or text is None:
        return Markup("<mark>") + escape(quote) + Markup("</mark>")
    start = max((text.rfind(c, 0, at) for c in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, at + len(quote)) for c in SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return mark_quotes(text[start:end].strip(), quote)


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code, headers={"Vary": "Accept"})
