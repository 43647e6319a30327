"""Page-wide passes over the analysed articles of one file.

A page is one context: an event named in one article may be dated in another, and a speech
continued from another page belongs to the event its speaker is said to attend on this page.
"""
from __future__ import annotations

from dataclasses import replace

import re

from .events import EventMention, kind_of
from .roles import _SAY_RE, RoleFact, RoleFinder

_MESSAGE = re.compile(r"致电|贺电|唁电|贺信|致信|复信|回信|致函|贺函|署名文章|批示|作出重要指示|书面致辞|发表文章")
BARE = {"会议", "会谈", "大会", "座谈会", "培训会", "全会", "常务会议", "专题会议", "推进会", "调度会", "工作会议"}


def speech_event(doc, body_start: int) -> None:
    """A report of a speech with no named event (雷某某指出 … in a continued article): '<name>讲话'.
    A message (致电, 贺信, 署名文章) is no speech: what its author 指出 was written, not said."""
    if _MESSAGE.search(doc._.kg_ctx["text"], 0, body_start + 120):
        return
    for p in doc._.kg_persons:
        if p.start >= body_start and _SAY_RE.match(doc._.kg_ctx["text"], p.end) and p.how != "ideology":
            left = doc._.kg_ctx["text"][p.start - 1] if p.start else "\n"
            if left not in "\n。；）)":
                continue
            ev = EventMention(p.start, p.end, f"{p.name}讲话", f"{p.name}讲话", "meeting", reported=True, synthetic=True)
            ev.spans.append((p.start, p.end + 2))
            doc._.kg_events = list(doc._.kg_events) + [ev]
            doc._.kg_main = ev
            _rerun_roles(doc, ev)
            return


def _rerun_roles(doc, main: EventMention) -> None:
    reporters = set(doc._.kg_ctx.get("bylines", []))
    persons = [p for p in doc._.kg_persons if p.name not in reporters]
    roles, posts = RoleFinder(doc._.kg_ctx.get("implied", {})).find(doc._.kg_ctx["text"], persons, doc._.kg_events, main,
                                                                     doc._.kg_bodies)
    doc._.kg_roles, doc._.kg_posts = roles, posts


def _make_main(doc, ev: EventMention, body_start: int, lead: int) -> None:
    """`ev` becomes the article's main event, dated by a date in the lead's first `lead` characters,
    and the roles are read again against it."""
    first = next((d for d in doc._.kg_dates or [] if d.start >= body_start), None)
    if first is not None and first.start - body_start < lead:
        ev.date, ev.end_date, ev.time_of_day = first.date, first.end_date, first.time_of_day
    doc._.kg_events = list(doc._.kg_events) + [ev]
    doc._.kg_main = ev
    _rerun_roles(doc, ev)


_ACTIVITY_HEADLINE = re.compile(r"会|纪念|庆祝|阅兵|集会|游行|调研|考察|视察|参观|仪式|典礼|活动|揭牌|启动|开幕|闭幕|出席|主持|举行|召开|会见|座谈|慰问|看望|走访|检查|宣讲|授课|颁奖|表彰|签约|签署")
_ACTIVITY = re.compile(r"出席|参加|列席|主持|陪同|就座")


def headline_event(doc, headline: str | None, body_start: int) -> None:
    """An article naming people at an activity that is no meeting noun (调研, 揭牌, 启动): the
    activity is the event its headline names, dated by the dateline."""
    text = doc._.kg_ctx["text"]
    if not headline or not _ACTIVITY.search(text, body_start) or not any(p.start >= body_start for p in doc._.kg_persons):
        return
    if not _ACTIVITY_HEADLINE.search(headline):
        return  # 俄称打击…: a news headline, not the name of an activity
    ev = EventMention(0, len(headline), headline, headline, kind_of(headline), reported=True)
    ev.spans.append((0, min(len(headline), len(text))))
    _make_main(doc, ev, body_start, 40)
    if not doc._.kg_roles:  # nobody took part after all: no event
        doc._.kg_events = [e for e in doc._.kg_events if e is not ev]
        doc._.kg_main = None


_VISIT = re.compile(r"(?:开展|进行|来[^，。；]{0,16}?|到[^，。；]{0,16}?|赴[^，。；]{0,16}?|深入[^，。；]{0,16}?|在[^，。；]{0,16}?|就[^，。；]{0,16}?)"
                    r"(?P<verb>调研|视察|考察|督导|检查指导)")


def visit_event(doc, body_start: int) -> None:
    """An inspection or research visit with no meeting noun and no headline to name it (某某带队来市政协
    开展调研，某某陪同调研): the visit is the event, named by who led it, dated by its sentence."""
    text = doc._.kg_ctx["text"]
    persons = [p for p in doc._.kg_persons if p.start >= body_start]
    m = _VISIT.search(text, body_start)
    if m is None or not persons:
        return
    sent_start = max(text.rfind(c, body_start, m.start()) for c in "。\n") + 1
    lead = next((p for p in persons if sent_start <= p.start < m.start()), None)
    if lead is None:
        return
    verb = m.group("verb")
    ev = EventMention(lead.start, m.end(), f"{lead.name}{verb}", f"{lead.name}{verb}", "meeting", reported=True)
    ev.aliases.add(verb)
    ev.spans.append((lead.start, m.end()))
    dated = [d for d in doc._.kg_dates or [] if sent_start <= d.start < m.start()]
    if dated:
        ev.date, ev.end_date, ev.time_of_day = dated[0].date, dated[0].end_date, dated[0].time_of_day
    doc._.kg_events = list(doc._.kg_events) + [ev]
    doc._.kg_main = ev
    _rerun_roles(doc, ev)
    if not any(r.event is ev for r in doc._.kg_roles):
        doc._.kg_events = [e for e in doc._.kg_events if e is not ev]
        doc._.kg_main = None


_TRIP = re.compile(r"^(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:在|赴)(?P<where>[\u4e00-\u9fff]{2,12}?)(?P<verb>调研|考察|视察|检查指导)")


def trip_event(doc, headline: str | None, body_start: int) -> None:
    """李强在福建调研 (headline): the inspection trip is an event of its own, the 座谈会 held on it
    another; those 陪同 and 参加上述活动 go with the trip."""
    m = _TRIP.match(headline or "")
    persons = {p.name: p for p in doc._.kg_persons}
    if m is None or m.group("who") not in persons:
        return
    label = m.group()
    if any(e.label == label for e in doc._.kg_events):
        return
    ev = EventMention(0, m.end(), label, label, "meeting", reported=True)
    ev.aliases.add(headline)
    ev.spans.append((0, m.end()))
    _make_main(doc, ev, body_start, 60)
    host = persons[m.group("who")]
    doc._.kg_roles = list(doc._.kg_roles) + [RoleFact(host.name, ev, "attendee", 1, None, (host.start, host.end))]


def place_speeches(docs) -> None:
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
        here = replace(target, spans=list(main.spans), aliases=set(target.aliases))  # evidence from this article
        doc._.kg_events = [e for e in doc._.kg_events if e is not main] + [here]
        doc._.kg_main = target


def unify_dates(events: list[EventMention]) -> None:
    """Mentions of one event on a page without a date take the date stated elsewhere on the page."""
    dated: dict[str, set[tuple]] = {}
    for e in events:
        if e.date:
            dated.setdefault(e.name, set()).add((e.date, e.end_date, e.time_of_day))
    for e in events:
        if not e.date and e.name in dated and len(dated[e.name]) == 1:
            e.date, e.end_date, tod = next(iter(dated[e.name]))
            e.time_of_day = e.time_of_day or tod


