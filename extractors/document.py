"""From a file or a text to a `Document` of records: split, clean, analyse, assemble.

Offsets in every Evidence point into the original decoded text of the file.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from pathlib import Path

from .cleaning import Cleaned, clean
from .dates import date_from_filename, header_date, iso, page_year
from .decoding import decode_bytes
from .errors import EmptyInputError
from .assemble import Prepared, build_article
from .dates import find_dates
from .locality import Locale, detect_locale, parse_locale, places_in
from .pipeline import NER_MODEL, analyse, person_spans, rerun_from
from .pagewide import BARE, headline_event, place_speeches, speech_event, trip_event, unify_dates, visit_event
from .records import Article, Document, Evidence
from .markup import READERS, Plain
from .splitting import LEAD_BYLINE_RE, Chunk, byline_names, split, split_sections

DATELINE_RE = re.compile(
    r"^(?:[（(]上接第?[一二三四五六七八九十\d]+版[)）])?\s*([\u4e00-\u9fff]{2,10}?[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日[电讯]|[\u4e00-\u9fff]{2,8}讯(?=[（(\s\d])|本报讯|本报[^，。]{0,14}?[电讯]|(?:新华社|中新社|人民网|新华网|央视网|中国新闻网|人民日报)[^，。]{0,14}?电"
    r"|(?:央视网|新华网|人民网|中国网|国际在线)消息|据新华社[^，。]{0,14}?电)"
    r"(?:[（(](?P<by>[^（）()]{2,30})[)）]|\s*(?P<by2>[\u4e00-\u9fff]{0,5}?记者[\u4e00-\u9fff、 ]{2,24}?)(?:报道)?[：:])?")


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


_HEAD_DONE = re.compile(r"(?:开幕|闭幕|召开|举行|会议|出席|主持|讲话|就座|报告|大会|座谈会|当选|发表|决议|决定)$")
_INLINE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def _headline(text: str, lines) -> Cleaned:
    """Headline lines: wrapped parts joined, complete title lines (…举行, …出席) kept apart by
    '\n', and spaces between phrases (李某讲话 王某主持) read as commas."""
    parts: list[Cleaned] = []
    for ln in lines:
        raw = text[ln.start:ln.end]
        c = clean(text, ln.start, ln.end)
        gaps = [ln.start + m.start() for m in _INLINE_GAP.finditer(raw)]
        if gaps:  # one comma per gap, mapped to the gap's first character
            chars, omap, k = [], [], 0
            for ch_, o in zip(c.text, c.omap):
                while k < len(gaps) and gaps[k] < o:
                    chars.append("，")
                    omap.append(gaps[k])
                    k += 1
                chars.append(ch_)
                omap.append(o)
            c = Cleaned("".join(chars), tuple(omap))
        if parts and not _HEAD_DONE.search(parts[-1].text):
            parts[-1] = Cleaned(parts[-1].text + c.text, parts[-1].omap + c.omap)
        else:
            parts.append(c)
    return _join(parts)


def _implied(locale: Locale | None, known: frozenset[str]) -> dict[str, tuple[str, str]]:
    """市长 -> (阳泉市人民政府, 市政府): bodies that posts imply, resolved with the locale.

    The short forms (市政府, 县政府) hold no place name, so only the locale matters: cached per locale."""
    key = locale
    if key not in _IMPLIED:
        _IMPLIED[key] = _implied_for(locale)
    return dict(_IMPLIED[key])


_IMPLIED: dict = {}


def _implied_for(locale: Locale | None) -> dict[str, tuple[str, str]]:
    from .bodies import BodyFinder
    from .lexicon import LEX
    bf = BodyFinder(locale, set())
    out = {}
    for title, short in LEX.implied_body.items():
        bodies, _ = bf.find(short)
        full = [b for b in bodies if b.start == 0 and b.end == len(short)]
        if full:
            out[title] = (full[0].name, short)
    return out


def extract_document(path: str | os.PathLike, *, date: str | None = None, locale: str | None = None) -> Document:
    """Read a file (UTF-8 or GB18030; plain text, Markdown or HTML) and extract its records.

    Markup is stripped first; every offset in the result still points into the file as read."""
    p = Path(path)
    data = p.read_bytes()
    text, enc = decode_bytes(data, p.name)
    sha1 = hashlib.sha1(data).hexdigest()
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        return extract_text(text, source=p.name, date=date, locale=locale, _path=str(path), _sha1=sha1, _encoding=enc)
    plain = reader(text)
    if not plain.text.strip():
        raise EmptyInputError(f"{p.name}: no text outside the markup")
    doc = extract_text(plain.text, source=p.name, date=date, locale=locale, _path=str(path), _sha1=sha1,
                       _encoding=enc, _sections=plain.sections or None)
    return _to_original(doc, plain)


def _to_original(node, plain: Plain):
    """The same records with every offset (evidence, article span) mapped from plain to original."""
    if isinstance(node, Evidence):
        return dataclasses.replace(node, start=(span := plain.orig(node.start, node.end))[0], end=span[1])
    if isinstance(node, Article):
        a, b = plain.orig(node.start, node.end)
        node = dataclasses.replace(node, start=a, end=b)
    if dataclasses.is_dataclass(node):
        changes = {f.name: _to_original(getattr(node, f.name), plain) for f in dataclasses.fields(node)
                   if isinstance(getattr(node, f.name), (tuple, Evidence))}
        return dataclasses.replace(node, **changes) if changes else node
    if isinstance(node, tuple):
        return tuple(_to_original(x, plain) for x in node)
    return node


def extract_text(text: str, *, source: str, date: str | None = None, locale: str | None = None,
                 _path: str | None = None, _sha1: str | None = None, _encoding: str = "utf-8",
                 _sections: list[tuple[int, int, int]] | None = None) -> Document:
    """Extract records from already decoded text; `source` names it (file name, used for ids)."""
    if not text or not text.strip():
        raise EmptyInputError(f"{source}: empty input (no text)")
    if date:  # 2024/3/22, 20240322, 2024-03-22 -> ISO
        m = re.match(r"^\s*(\d{4})\D?(\d{1,2})\D?(\d{1,2})\s*$", date)
        date = iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    pub = date or date_from_filename(source) or header_date(text)
    chunks = split_sections(text, _sections) if _sections else split(text)
    loc = parse_locale(locale) if locale else (None if _national_page(text, chunks) else detect_locale(text))
    year = int(pub[:4]) if pub else page_year(text)
    known = frozenset({x for x in (loc.city, loc.province, loc.county) if x} if loc else set()) | places_in(text)
    implied = _implied(loc, known)
    preps = [_prepare(text, i, ch) for i, ch in enumerate(chunks)]
    # first pass: analyse every article
    all_names: set[str] = set()
    ner = person_spans([p.full.text for p in preps]) if NER_MODEL.exists() else [[] for _ in preps]
    for prep, ner_spans in zip(preps, ner):
        ctx = {"locale": loc, "known_places": known, "year": year, "ref": pub, "bylines": prep.bylines,
               "names": set(), "body_start": prep.body_start, "implied": implied, "ner": ner_spans}
        dl = prep.dateline
        if dl and re.search(r"日[电讯]", dl.group(0)):  # 新华社北京1月20日电, 本报北京1月11日讯: 今天 is that day
            dd = [d for d in find_dates(dl.group(0), year, pub) if d.date]
            if dd:
                ctx["ref"] = dd[0].date
        prep.doc = analyse(prep.full.text, ctx)
        all_names |= {p.name for p in prep.doc._.kg_persons if p.how != "repeat"}
    # second pass: names recognised elsewhere on the page, speeches without a named event
    all_events = []
    for prep in preps:
        doc = prep.doc
        missing = {n for n in all_names - {p.name for p in doc._.kg_persons} if n in prep.full.text}
        if missing:
            ctx = dict(doc._.kg_ctx)
            ctx["names"] = missing
            doc = prep.doc = rerun_from(doc, "kg_person_finder", ctx)
        first = [ln for ln in prep.chunk.headline if not _ADOPTED.match(ln.text)][:1]
        hl = first[0].text if first else None
        trip_event(doc, hl, prep.body_start)
        if doc._.kg_main is None:
            speech_event(doc, prep.body_start)
        if doc._.kg_main is None:
            headline_event(doc, hl, prep.body_start)
        if doc._.kg_main is None:
            visit_event(doc, prep.body_start)
        main = doc._.kg_main
        if main is not None and hl and main.parties and hl.startswith(main.parties[0].name):
            main.aliases.add(hl)  # 李强会见越共中央总书记、国家主席苏林 (headline) = 李强会见苏林
        if main is not None and hl and main.label == main.name and main.label in BARE and not main.synthetic:
            main.label = main.name = hl  # 主持召开会议: the headline names the meeting
        all_events.extend(doc._.kg_events)
    unify_dates(all_events)
    place_speeches([p.doc for p in preps])
    mentioned = {b.name for p in preps for b in p.doc._.kg_bodies}
    stem = Path(source).stem
    page_dates = {e.name: e.date for e in all_events if e.date}  # parents dated in another article
    articles = tuple(build_article(text, stem, source, p, pub, mentioned, page_dates) for p in preps)
    return Document(source=source, path=_path or source, sha1=_sha1 or hashlib.sha1(text.encode("utf-8")).hexdigest(),
                    encoding=_encoding, date_published=pub, locale=loc.label if loc else None, articles=articles)


_NATIONAL_DATELINE = re.compile(r"^(?:据)?(?:新华社|中新社|人民网|新华网|央视网|中国新闻网|人民日报|国际在线|中国网)")


def _national_page(text: str, chunks: list[Chunk]) -> bool:
    """Every dateline on the page is a national agency's (新华社…电, 央视网消息): national news,
    whose place names (北京市人民政府, a province visited) say nothing of a locale."""
    datelines = [m.group(1) for c in chunks
                 if (m := DATELINE_RE.match(re.sub(r"\s+", "", text[c.body_start:c.body_start + 80])))]
    return bool(datelines) and all(_NATIONAL_DATELINE.match(d) for d in datelines)


_LEAD_CREDIT = re.compile(r"^[（(]((?:本报|本台|本网)?(?:记者|通讯员)[^（）()\n]{2,40})[)）]")
_ADOPTED = re.compile(r"^[（(].{0,40}(?:通过|公布|发布|印发)[)）]$")


def _prepare(text: str, i: int, ch: Chunk) -> Prepared:
    """Clean an article's headline and body, read its dateline and bylines."""
    hl = [ln for ln in ch.headline if not _ADOPTED.match(ln.text)]
    head_c = _headline(text, hl) if hl else Cleaned("", ())
    body_c = clean(text, ch.body_start, ch.body_end)
    full = _join([head_c, body_c])
    body_start = len(full.text) - len(body_c.text)
    dl = DATELINE_RE.match(body_c.text)
    names = (byline_names(ch.byline) or []) if ch.byline else []
    for g in ("by", "by2"):
        if dl and dl.group(g):  # read from the original: 夏静 沙磊 keeps its space
            a, b = full.orig_span(body_start + dl.start(g), body_start + dl.end(g))
            names += byline_names(text[a:b]) or []
    for ln in ch.lead_bylines:
        names += byline_names(re.sub(r"^[□■◎●\s\u3000]+|^作者[:：]", "", text[ln.start:ln.end])) or []
    nl = text.find("\n", ch.body_start)
    first_line = text[ch.body_start:nl if nl >= 0 else len(text)].strip()
    if LEAD_BYLINE_RE.match(re.sub(r"\s+", "", first_line)):  # 本报记者 王某 李某
        names += byline_names(re.sub(r"^[□■◎●\s\u3000]+|^作者[:：]", "", first_line)) or []
    elif (lead := _LEAD_CREDIT.match(first_line)) is not None:  # （记者冯 艳 孙 敏）5日晚，…
        names += byline_names(lead.group(1)) or []
    return Prepared(i, ch, full, body_start, dl, list(dict.fromkeys(names)))
