"""From a file or a text to a `Document` of records: split, clean, analyse, assemble.

Offsets in every Evidence point into the original decoded text of the file.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .cleaning import Cleaned, clean
from .dates import date_from_filename, header_date, page_year
from .decoding import decode_bytes
from .errors import EmptyInputError
from .events import EventMention
from .locale import Locale, detect_locale, parse_locale
from .pipeline import analyse, rerun_from
from .records import Article, Body, Document, Event, Evidence, Participation, Person, Place, Post
from .roles import _SAY_RE
from .splitting import LEAD_BYLINE_RE, byline_names, headline_text, split

DATELINE_RE = re.compile(
    r"^(?:[（(]上接第?[一二三四五六七八九十\d]+版[)）])?\s*(本报讯|本报[^，。]{0,14}?电|(?:新华社|中新社|人民网|新华网|央视网|中国新闻网|人民日报)[^，。]{0,14}?电"
    r"|(?:央视网|新华网|人民网|中国网|国际在线)消息|据新华社[^，。]{0,14}?电)"
    r"(?:[（(](?P<by>[^（）()]{2,30})[)）]|\s*(?P<by2>(?:本报)?记者[\u4e00-\u9fff、 ]{2,20}?)(?:报道)?[：:])?")


@dataclass
class _Piece:
    text: str
    omap: list[int]


def _join(parts: list[Cleaned]) -> Cleaned:
    """Concatenate cleaned parts with '\\n' between (mapped to the next part's first char)."""
    text, omap = [], []
    for i, c in enumerate(parts):
        if not c.text:
            continue
        if text:
            text.append("\n")
            omap.append(c.omap[0])
        text.append(c.text)
        omap.extend(c.omap)
    return Cleaned("".join(text), tuple(omap))


def _implied(locale: Locale | None, known: frozenset[str]) -> dict[str, tuple[str, str]]:
    """市长 -> (阳泉市人民政府, 市政府): bodies that posts imply, resolved with the locale."""
    from .bodies import BodyFinder
    from .lexicon import LEX
    bf = BodyFinder(locale, set(known))
    out = {}
    for title, short in LEX.implied_body.items():
        bodies, _ = bf.find(short)
        full = [b for b in bodies if b.start == 0 and b.end == len(short)]
        if full:
            out[title] = (full[0].name, short)
    return out


def extract_document(path: str | os.PathLike, *, date: str | None = None, locale: str | None = None) -> Document:
    """Read a file (UTF-8 or GB18030) and extract its records."""
    p = Path(path)
    data = p.read_bytes()
    text, enc = decode_bytes(data, p.name)
    return extract_text(text, source=p.name, date=date, locale=locale, _path=str(path), _sha1=hashlib.sha1(data).hexdigest(), _encoding=enc)


def extract_text(text: str, *, source: str, date: str | None = None, locale: str | None = None,
                 _path: str | None = None, _sha1: str | None = None, _encoding: str = "utf-8") -> Document:
    """Extract records from already decoded text; `source` names it (file name, used for ids)."""
    if not text or not text.strip():
        raise EmptyInputError(f"{source}: empty input (no text)")
    pub = date or date_from_filename(source) or header_date(text)
    loc = parse_locale(locale) if locale else detect_locale(text)
    year = int(pub[:4]) if pub else page_year(text)
    known = frozenset(x for x in (loc.city, loc.province, loc.county) if x) if loc else frozenset()
    implied = _implied(loc, known)
    stem = Path(source).stem
    chunks = split(text)
    # first pass: analyse every article
    analysed = []
    all_names: set[str] = set()
    for i, ch in enumerate(chunks):
        hl = [l for l in ch.headline if not re.match(r"^[（(].{0,40}(?:通过|公布|发布|印发)[)）]$", l.text)]
        head_c = clean(text, hl[0].start, hl[-1].end) if hl else Cleaned("", ())
        body_c = clean(text, ch.body_start, ch.body_end)
        full = _join([head_c, body_c])
        body_start = len(full.text) - len(body_c.text)
        dl = DATELINE_RE.match(body_c.text)
        bylines = byline_names(ch.byline) if ch.byline else []
        bylines = bylines or []
        dl_by = []
        if dl and (dl.group("by") or dl.group("by2")):
            dl_by = byline_names(dl.group("by") or dl.group("by2")) or []
        first_line = text[ch.body_start:text.find("\n", ch.body_start) if "\n" in text[ch.body_start:] else len(text)]
        lb = LEAD_BYLINE_RE.match(first_line.strip())
        if lb:
            dl_by += byline_names(first_line.strip()) or []
        ref = pub
        analysed.append((i, ch, full, body_start, dl, bylines + dl_by, head_c))
    docs = []
    for i, ch, full, body_start, dl, bylines, head_c in analysed:
        ctx = {"locale": loc, "known_places": known, "year": year, "ref": pub, "bylines": bylines,
               "names": set(), "body_start": body_start, "implied": implied}
        if dl:
            from .dates import find_dates
            dd = [d for d in find_dates(dl.group(0), year, pub) if d.date]
            if dd and "电" in dl.group(0):
                ctx["ref"] = dd[0].date
        doc = analyse(full.text, ctx)
        docs.append(doc)
        all_names |= {p.name for p in doc._.kg_persons if p.how not in ("repeat",)}
    # second pass for articles whose known names appear unrecognised (a name found elsewhere on the page)
    articles = []
    all_events: list[EventMention] = []
    for (i, ch, full, body_start, dl, bylines, head_c), doc in zip(analysed, docs):
        found = {p.name for p in doc._.kg_persons}
        missing = {n for n in all_names - found if n in full.text}
        if missing:
            ctx = dict(doc._.kg_ctx)
            ctx["names"] = missing
            doc = rerun_from(doc, "kg_person_finder", ctx)
        if doc._.kg_main is None:
            _speech_event(doc, body_start)
        main = doc._.kg_main
        hl = headline_text(ch)
        if main is not None and hl and main.label == main.name and main.label in _BARE and not main.synthetic:
            main.label = main.name = hl  # 主持召开会议: the headline names the meeting
        all_events.extend(doc._.kg_events)
        articles.append((i, ch, full, body_start, dl, bylines, head_c, doc))
    _unify_dates(all_events)
    _place_speeches([a[-1] for a in articles])
    mentioned = {b.name for *_, doc in articles for b in doc._.kg_bodies}
    out = []
    for i, ch, full, body_start, dl, bylines, head_c, doc in articles:
        doc._.kg_ctx["mentioned_bodies"] = mentioned
        out.append(_article(text, stem, source, i, ch, full, body_start, dl, bylines, head_c, doc, pub))
    return Document(source=source, path=_path or source, sha1=_sha1 or hashlib.sha1(text.encode("utf-8")).hexdigest(),
                    encoding=_encoding, date_published=pub, locale=loc.label if loc else None, articles=tuple(out))


_BARE = {"会议", "会谈", "大会", "座谈会", "培训会", "全会", "常务会议", "专题会议", "推进会", "调度会", "工作会议"}


def _speech_event(doc, body_start: int) -> None:
    """A report of a speech with no named event (雷某某指出 … in a continued article): '<name>讲话'."""
    from .roles import RoleFinder
    for p in doc._.kg_persons:
        if p.start >= body_start and _SAY_RE.match(doc._.kg_ctx["text"], p.end) and p.how != "ideology":
            left = doc._.kg_ctx["text"][p.start - 1] if p.start else "\n"
            if left not in "\n。；":
                continue
            ev = EventMention(p.start, p.end, f"{p.name}讲话", f"{p.name}讲话", "meeting", reported=True, synthetic=True)
            ev.spans.append((p.start, p.end + 2))
            doc._.kg_events = list(doc._.kg_events) + [ev]
            doc._.kg_main = ev
            roles, posts = RoleFinder(doc._.kg_ctx.get("implied", {})).find(doc._.kg_ctx["text"], doc._.kg_persons, doc._.kg_events, ev, doc._.kg_bodies)
            doc._.kg_roles, doc._.kg_posts = roles, posts
            return


def _place_speeches(docs) -> None:
    """A speech continued from another page ('<name>讲话') belongs to the event on this page the
    speaker is said to attend or chair, when there is one (the most specific: a sub-event)."""
    took_part: dict[str, list[EventMention]] = {}
    for doc in docs:
        for r in doc._.kg_roles or []:
            if r.role in ("attendee", "chair") and not r.event.synthetic:
                took_part.setdefault(r.person, []).append(r.event)
    for doc in docs:
        main = doc._.kg_main
        if main is None or not main.synthetic:
            continue
        speakers = {r.person for r in doc._.kg_roles or [] if r.event is main}
        cands = [e for p in speakers for e in took_part.get(p, [])]
        if len(speakers) != 1 or not cands:
            continue
        target = max(cands, key=lambda e: (e.parent is not None, e.start))
        for r in doc._.kg_roles:
            if r.event is main:
                r.event = target
        doc._.kg_events = [e for e in doc._.kg_events if e is not main] + [target]
        doc._.kg_main = target


def _unify_dates(events: list[EventMention]) -> None:
    """Mentions of one event on a page without a date take the date stated elsewhere on the page."""
    dated: dict[str, set[tuple]] = {}
    for e in events:
        if e.date:
            dated.setdefault(e.name, set()).add((e.date, e.end_date, e.time_of_day))
    for e in events:
        if not e.date and e.name in dated and len(dated[e.name]) == 1:
            e.date, e.end_date, tod = next(iter(dated[e.name]))
            e.time_of_day = e.time_of_day or tod


def _ev(full: Cleaned, aid: str, s: int, e: int) -> Evidence:
    a, b = full.orig_span(s, e)
    return Evidence(aid, a, b, full.text[s:e])


def _article(text, stem, source, i, ch, full: Cleaned, body_start, dl, bylines, head_c, doc, pub) -> Article:
    aid = f"{stem}#{i}"
    t = full.text
    text_of_doc = doc._.kg_ctx.get("text", t)
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
    persons = tuple(Person(n, tuple(evs)) for n, evs in pm.items())
    # bodies
    bm: dict[str, dict] = {}
    for b in doc._.kg_bodies:
        d = bm.setdefault(b.name, {"kind": b.kind, "aliases": [], "parent": b.parent, "mentions": []})
        if b.surface not in d["aliases"] and b.surface != b.name:
            d["aliases"].append(b.surface)
        d["mentions"].append(_ev(full, aid, b.start, b.end))
        if d["parent"] is None and b.parent:
            d["parent"] = b.parent
    mentioned = doc._.kg_ctx.get("mentioned_bodies", set())
    bodies = tuple(Body(n, d["kind"], tuple(d["aliases"]), d["parent"] if d["parent"] in mentioned else None, tuple(d["mentions"]))
                   for n, d in bm.items())
    # events
    roles = doc._.kg_roles or []
    with_roles = {id(r.event) for r in roles}
    evs = [e for e in doc._.kg_events if e.reported or id(e) in with_roles]
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
    dates = {name: d["e"].date for name, d in em.items()}
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
