"""Which person a name means across articles: one IRI per (name, place), never per name alone.

Within one source file a name is one person. Across files, the same name is the same person when
the places fit: people who hold a post in a national body (中共中央, 国务院, 全国人大 …) or a national
title (总书记, 总理 …) are keyed by name alone, so every paper's 习近平 is one node; everybody else is
keyed by name plus the paper's locale (山西省阳泉市), so 阳泉's 王刚 and 保定's 王刚 stay apart while
阳泉's 王刚 in two issues of the paper is one person. A page with no known locale keys its people by
name alone (national news), and its place-free local bodies (市政协 of an unknown city) by the page.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.records import Document

# 市政协 → 中国人民政治协商会议市委员会 when the page names no city: the body's name starts, after an
# optional party or CPPCC prefix, with a bare level (省, 市, 县, 区, 乡, 镇) instead of a place.
PLACELESS_BODY = re.compile(r"^(中国共产党|中共|中国人民政治协商会议|政协)?[省市县区乡镇州盟旗]")
NATIONAL_BODY = re.compile(r"^(中国共产党中央|中共中央|党中央|国务院|全国|中华人民共和国|中国人民政治协商会议全国|最高人民|中央)")
NATIONAL_TITLES = frozenset({"总书记", "国家主席", "国家副主席", "总理", "副总理", "国务委员", "委员长", "副委员长"})


def is_placeless(body: str) -> bool:
    """True for a local body whose place is unknown: it must not merge with another page's."""
    return bool(PLACELESS_BODY.match(body))


def is_national(body: str | None, title: str) -> bool:
    return title in NATIONAL_TITLES or bool(body and NATIONAL_BODY.match(body))


def person_keys(doc: Document) -> dict[str, str | None]:
    """name → disambiguator for every person the document names (None: the name alone is the key)."""
    national: set[str] = set()
    names: set[str] = set()
    for article in doc.articles:
        names.update(p.name for p in article.persons)
        names.update(article.reporters)
        names.update(p.person for p in article.posts)
        names.update(p.person for p in article.participations)
        national.update(p.person for p in article.posts if is_national(p.body, p.title))
        national.update(p.person for p in article.participations if p.role == "elected" and is_national(p.post_body, p.post or ""))
    return {name: (None if name in national or not doc.locale else doc.locale) for name in sorted(names)}


def explicit_keys(doc: Document) -> Iterable[tuple[str, str | None]]:
    """Disambiguators the extractors set themselves win over the place rule."""
    for article in doc.articles:
        for person in article.persons:
            if person.disambiguator:
                yield person.name, person.disambiguator
