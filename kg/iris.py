"""Deterministic, readable ASCII IRIs for persons, bodies, events, posts and articles.

Chinese goes into labels, never into IRIs. A slug is the pinyin of the name (tone-less), cut to a
readable length, followed by a short hash of the exact Chinese key: two names that share a pinyin
(王建义, 王剑毅) never share an IRI, and the same key always gives the same IRI, in any store.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/pbe/id/"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 48
_NUM = "[0-9一二三四五六七八九十百零〇]+"
SELF_IDENTIFYING_EVENT = re.compile(f"{_NUM}届.*?{_NUM}次")


def short_hash(key: str, length: int = 6) -> str:
    """A few hex digits of SHA-1 of the key: enough to keep look-alike slugs apart."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """Character → tone-less pinyin, from the frozen table `kg/data/pinyin.tsv` (see kg.pinyin_gen)."""
    table = Path(__file__).with_name("data") / "pinyin.tsv"
    return dict(line.split("\t", 1) for line in table.read_text(encoding="utf-8").splitlines() if "\t" in line)


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """Lower-case ASCII slug of a (Chinese) text: pinyin syllables joined by '-'."""
    readings = _readings()
    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    for ch in text:
        parts.append(f"-{readings[ch]}-" if ch in readings else ch)
    slug = _NON_SLUG.sub("-", "".join(parts).lower()).strip("-")
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    return slug or "x"


class IriMinter:
    """Mints entity IRIs under one base (configurable with `--base`)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$", base) or not base.isascii():
            raise ValueError(f"base IRI must be an absolute ASCII IRI, got {base!r}")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def _keyed(self, kind: str, name: str, key: str | None = None) -> URIRef:
        return self._iri(kind, f"{slugify(name)}-{short_hash(key or name)}")

    def person(self, name: str, disambiguator: str | None = None) -> URIRef:
        key = name if not disambiguator else f"{name}|{disambiguator}"
        return self._keyed("person", name, key)

    def body(self, name: str, scope: str | None = None) -> URIRef:
        """`scope` keeps a place-free name (市政协 of an unknown city) apart per source page."""
        return self._keyed("body", name, name if scope is None else f"{name}|{scope}")

    def event(self, name: str, date: str | None) -> URIRef:
        """A name with a term and an ordinal (第十四届…第三次会议) names one event on its own;
        other names (市委常委会会议) need their date to tell repeated meetings apart."""
        if SELF_IDENTIFYING_EVENT.search(name):
            return self._iri("event", f"{slugify(name)}-{short_hash(name)}")
        key = f"{name}|{date or ''}"
        return self._iri("event", date or "undated", f"{slugify(name)}-{short_hash(key)}")

    def post(self, body: str, title: str) -> URIRef:
        return self._keyed("post", f"{body}{title}", f"{body}|{title}")

    def place(self, name: str) -> URIRef:
        return self._keyed("place", name)

    def source(self, file_name: str) -> URIRef:
        return self._iri("source", f"{slugify(file_name)}-{short_hash(file_name)}")

    def article(self, file_name: str, index: int) -> URIRef:
        return self._iri("article", f"{slugify(file_name)}-{short_hash(file_name)}", str(index))

    def graph(self, file_name: str, index: int) -> URIRef:
        """The named graph holding one article's triples."""
        return self._iri("graph", f"{slugify(file_name)}-{short_hash(file_name)}", str(index))

    def graph_prefix(self, file_name: str) -> str:
        """Every graph of one source file starts with this; a rebuild drops them all first."""
        return self.base + f"graph/{slugify(file_name)}-{short_hash(file_name)}/"

    def statement(self, article_iri: URIRef, kind: str, n: int) -> URIRef:
        return URIRef(f"{article_iri}/{kind}/{n}")
