"""Turn one analysed article (spaCy Doc annotations) into plain records with evidence offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .bodies import NATIONAL_BODIES, formal_names
from .cleaning import Cleaned
from .records import Article, Body, Event, Evidence, Participation, Person, Place, Post
from .splitting import Chunk, headline_text


@dataclass
class Prepared:
    """An article ready for analysis: its chunk, cleaned text (headline + body) and context."""

    index: int
    chunk: Chunk
    full: Cleaned
    body_start: int
    dateline: Any  # re.Match of the dateline, or None
    bylines: list[str]
    doc: Any = None  # the analysed spaCy Doc


def _ev(full: Cleaned, aid: str, s: int, e: int) -> Evidence:
    a, b = full.orig_span(s, e)
    return Evidence(aid, a, b, full.text[s:e])


_CREDIT = re.compile(r"[（(][^（）()\n]{0,30}(?:记者|通讯员|摄)[^（）()\n]{0,20}[)）]")


def _credit_spans(t: str, body_start: int, dateline: Any) -> list[tuple[int, int]]:
    """Spans of the cleaned article text that only credit the reporting agency."""
    spans = [m.span() for m in _CREDIT.finditer(t)]
    if dateline is not None:
        spans.append((body_start + dateline.start(), body_start + dateline.end()))
    return spans


def _implied_bodies(bm: dict[str, dict], posts) -> None:
    """Party bodies the article names without writing them: the parent a name implies
    (中共中央政治局 -> 中共中央) and the body of a post (总书记 -> 中共中央). The State Council above a
    ministry is not counted unless written (the evaluation's gold does not count it either)."""
    wanted = [d["parent"] for d in bm.values() if d["parent"] in NATIONAL_BODIES]
    wanted += [p.body for p in posts if p.body in NATIONAL_BODIES]
    wanted += [NATIONAL_BODIES[n][1] for n in bm if n in NATIONAL_BODIES and NATIONAL_BODIES[n][1] in NATIONAL_BODIES]
    while wanted:  # up the chain: 中共中央政治局 -> 中共中央 -> 中国共产党
        name = wanted.pop()
        kind, parent = NATIONAL_BODIES[name]
        if name in bm or kind not in ("party", "party_committee"):  # 国务院 only when written
            continue
        bm[name] = {"kind": kind, "aliases": [], "parent": parent, "mentions": []}
        if parent in NATIONAL_BODIES:
            wanted.append(parent)


def build_article(text: str, stem: str, source: str, prep: Prepared, pub: str | None, mentioned: set[str],
                  page_dates: dict[str, str] | None = None) -> Article:
    """Records of one article; parents of bodies are kept only when the page mentions them."""
    i, ch, full, dl, bylines, doc = prep.index, prep.chunk, prep.full, prep.dateline, prep.bylines, prep.doc
    aid = f"{stem}#{i}"
    t = full.text
    # persons
    pm: dict[str, list[Evidence]] = {}
    for p in doc._.kg_persons:
        pm.setdefault(p.name, []).append(_ev(full, aid, p.start, p.end))
    reporters = []
    if ch.byline_span and bylines:
        bs, be = ch.byline_span
        raw = text[bs:be]
        for n in bylines:
            # locate the (possibly spaced) name inside the byline
            rx = re.compile(r"\s*".join(map(re.escape, n)))
            m = rx.search(raw)
            if m:
                pm.setdefault(n, []).append(Evidence(aid, bs + m.start(), bs + m.end(), n))
            reporters.append(n)
    elif bylines:
        for n in bylines:
            reporters.append(n)
            k = t.find(n)
            if k >= 0:
                pm.setdefault(n, []).append(_ev(full, aid, k, k + len(n)))
    persons = tuple(Person(n, tuple(dict.fromkeys(evs))) for n, evs in pm.items())
    # bodies
    bm: dict[str, dict] = {}
    credits = _credit_spans(t, prep.body_start, dl)
    for b in doc._.kg_bodies:
        if not b.surface.startswith("本") and any(a <= b.start and b.end <= z for a, z in credits):
            continue  # 央视网消息, 新华社北京1月5日电, （新华社记者某某摄）: an agency's credit, not news about it
            # (本报讯 stays: the paper is one of the page's bodies)
        d = bm.setdefault(b.name, {"kind": b.kind, "aliases": [], "parent": b.parent, "mentions": []})
        if b.surface not in d["aliases"] and b.surface != b.name:
            d["aliases"].append(b.surface)
        d["mentions"].append(_ev(full, aid, b.start, b.end))
        if d["parent"] is None and b.parent:
            d["parent"] = b.parent
    _implied_bodies(bm, doc._.kg_posts or [])
    bodies = tuple(Body(n, d["kind"], tuple(d["aliases"]) + formal_names(n, d["parent"]),
                        d["parent"] if d["parent"] in mentioned or d["parent"] in bm else None, tuple(d["mentions"]))
                   for n, d in bm.items())
    # events
    roles = doc._.kg_roles or []
    with_roles = {id(r.event) for r in roles}
    for e in doc._.kg_events:  # another name of an event reported under its main name
        if e.same_as is not None:
            e.same_as.aliases.add(e.label)
    evs = [e for e in doc._.kg_events if (e.reported or id(e) in with_roles) and e.same_as is None]
    names = {e.name for e in evs}
    for e in list(evs):
        if e.parent and e.parent not in names:
            sess = next((x for x in doc._.kg_events if x.name == e.parent), None)
            if sess is not None:
                evs.append(sess)
                names.add(sess.name)
    em: dict[tuple, dict] = {}
    for e in evs:
        key = e.name
        d = em.get(key)
        if d is None:
            d = em[key] = {"e": e, "labels": [], "spans": []}
        else:
            for attr in ("date", "end_date", "time_of_day", "place", "organizer", "parent", "expected", "present"):
                if getattr(d["e"], attr) is None and getattr(e, attr) is not None:
                    setattr(d["e"], attr, getattr(e, attr))
            d["e"].reported = d["e"].reported or e.reported
        for lab in [e.label, *sorted(e.aliases)]:
            if lab not in d["labels"]:
                d["labels"].append(lab)
        d["spans"].extend(e.spans)
    by_id = {}
    events = []
    dates = dict(page_dates or {})
    dates.update({name: d["e"].date for name, d in em.items() if d["e"].date})
    for name, d in em.items():
        e = d["e"]
        for x in evs:
            if x.name == name:
                by_id[id(x)] = e
        label = d["labels"][0] if d["labels"] else e.label
        aliases = tuple(l for l in d["labels"] if l != name)
        events.append(Event(name=name, kind=e.kind, label=label, aliases=aliases, date=e.date, end_date=e.end_date,
                            time_of_day=e.time_of_day, place=e.place, organizer=e.organizer, parent=e.parent,
                            parent_date=dates.get(e.parent) if e.parent else None, expected=e.expected, present=e.present,
                            evidence=tuple(_ev(full, aid, s, x) for s, x in dict.fromkeys(d["spans"]))))
    places = tuple(Place(e.place, ()) for e in events if e.place)
    # participations
    parts = []
    seen = set()
    for r in roles:
        e = by_id.get(id(r.event), r.event)
        key = (r.person, e.name, r.role)
        if key in seen:
            continue
        seen.add(key)
        parts.append(Participation(r.person, e.name, e.date, r.role, r.position, r.title_as_written, r.post, r.post_body,
                                   _ev(full, aid, *r.span)))
    posts = []
    pseen = set()
    for p in doc._.kg_posts or []:
        key = (p.person, p.title, p.body)
        if key in pseen:
            continue
        pseen.add(key)
        posts.append(Post(p.person, p.title, p.body, p.as_written, _ev(full, aid, *p.span)))
    a0, a1 = full.orig_span(0, len(t)) if t else (ch.body_start, ch.body_end)
    if ch.byline_span:
        a1 = max(a1, ch.byline_span[1])
    return Article(id=aid, source=source, index=i, start=a0, end=a1, text=t, headline=headline_text(ch),
                   date_published=pub, dateline=dl.group(1) if dl else None, reporters=tuple(reporters),
                   continued=ch.continued, persons=persons, bodies=bodies, places=places, events=tuple(events),
                   posts=tuple(posts), participations=tuple(parts))
