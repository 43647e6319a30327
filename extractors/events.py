"""Find the events an article reports: meetings, sessions, plenaries, trainings, deliberations.

An event phrase ends in an event noun from rules/events.json (会议, 座谈会, 培训会, 联组讨论 …) and starts
at a body or session mention or a clause boundary. It counts as reported when a verb says it took
place (…举行, 召开…), when someone chairs or attends it, or when it is the parent of one that does.
Names are composed from the canonical names of the bodies/sessions they start with, so 市十六届人大四次
会议主席团第三次会议 and its full form get the same canonical name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bodies import BodyFinder, BodyMention, SessionMention, _SESSION_SUFFIX, _MEETING_WORD
from .dates import DateMention
from .lexicon import LEX, alt
from .numerals import NUM, cn_ordinal, to_cn

_EV = LEX.events
HEADS: dict[str, str] = _EV["heads"]
_HEAD_RE = re.compile(rf"(?:{alt(HEADS)})(?![\u4e00-\u9fff]{{0,2}}(?:精神|以来|决议|报告|通过|期间|召开前|之前|之后))")
_REPORT = alt(_EV["report_verbs"])
_CHAIR = alt(_EV["chair_verbs"])
_ATTEND = alt(_EV["attend_verbs"])
_STOP_LEFT = re.compile(rf"(?:{_REPORT}|{_CHAIR}|{_ATTEND}|听取|通过|审议|祝贺|庆祝|迎接|筹备|开好|办好|组织|参与|筹办|服务|保障|确保|保证|推动|做好|迎接|关于|出席|主持|在|于|和|及|与|并|了|的|向|对|(?<![上中少大主])将|是|为|由|暨|召开|讯|电)$")
_GAP_DATE = r"(?:(?:\d{1,2}月)?\d{1,2}日|今天|昨天|今日|昨日|上午|下午|晚上|晚|\d{1,2}时(?:\d{1,2}分)?)*"
_TRAIL_GAP = re.compile(rf"(?:{_GAP_DATE}(?:在[^，。；]{{1,15}}?)?{_GAP_DATE})$")
_BOUND = set("，。；、：:“”（）《》\n！？ ,;")
_AFTER = re.compile(rf"(?P<gap>[，,]?(?:于[^，。；]{{0,25}}?)?(?:(?:[\d一二三四五六七八九十]{{1,3}}月)?[\d一二三四五六七八九十]{{1,3}}日|今天|昨天|前天|今日|昨日|前日|当天|当日|日前|近日|上午|下午|晚上|晚)*(?:在(?P<place>[^，。；在]{{1,20}}?))?)(?:{_REPORT})(?!后|时|前|之际|以来)")
_ACTS_AFTER = re.compile(rf"(?P<gap>[，,]?(?:(?:[\d一二三四五六七八九十]{{1,3}}月)?[\d一二三四五六七八九十]{{1,3}}日(?:[、和至][\d一二三四五六七八九十]{{1,3}}日)*|今天|昨天|今日|昨日|上午|下午|晚上|晚)+(?:在(?P<place>[^，。；在]{{1,20}}?))?)(?:选举|补选|表决通过|通过了|审议通过|决定)")
_OPENING = re.compile(r"(?:大会|会议)(?:在[^，。；]{0,20}?)?(开幕|闭幕)(?!前|后|的)")
_ANAPHORA_REPORTED = re.compile(r"(?:大会|会议|本次会议|这次会议|此次会议|全会)(?:于?[^，。；]{0,12}?在[^，。；]{0,20}?)?(?:开幕|闭幕|举行|召开)(?!前|后|的)|(?:大会|会议)由[^。；]{0,30}?主持|主持(?:了)?(?:大会|会议)")
_PRE_MOD = r"(?:新一届|新一轮|首次|本届|本次|此次|这次)?"
_BEFORE_REPORT = re.compile(rf"(?:(?:{_REPORT})了?|(?:{_REPORT}|结束|闭幕)的){_PRE_MOD}$")
_JUST_ENDED = re.compile(r"(?:刚刚|日前|近日|前不久)(?:结束|闭幕|召开|举行)的$")  # took place, date unstated
_BEFORE_CHAIR = re.compile(rf"(?:{_CHAIR}){_PRE_MOD}$")
_BEFORE_ATTEND = re.compile(rf"(?:{_ATTEND})$")
_SUB = re.compile(rf"第?(?P<n>{NUM})次(?P<what>全体会议|会议)")
_DELIB = re.compile(r"代表团(?P<all>全团|分组)?(?:继续)?(?:审议|讨论)")
QUORUM_RE = re.compile(r"应(?:到|出席)[\u4e00-\u9fff]{0,5}?(?P<e>\d+)(?:人|名)[^，；]{0,20}?[，,]?(?:实到|出席)[\u4e00-\u9fff]{0,8}?(?P<p>\d+)(?:人|名)")
SENT_RE = re.compile(r"[^。！？\n]*[。！？\n]?")
_ANAPHORA = re.compile(r"^(?:本次|此次|这次|该次|本届|这|此|该|上述|各|分组)?$")
_HEADS_BY_LEN = sorted(HEADS, key=len, reverse=True)


def kind_of(label: str, default: str = "meeting") -> str:
    """Kind from the event noun the label ends with (…培训会 -> training)."""
    base = re.sub(rf"第?{NUM}次(?:全体会议|会议)$", "", label) if re.search(r"次(?:全体)?会议$", label) and not label.endswith("全体会议") else label
    for h in _HEADS_BY_LEN:
        if base.endswith(h):
            return HEADS[h]
    return default


@dataclass
class EventMention:
    start: int
    end: int
    label: str
    name: str
    kind: str
    organizer: str | None = None
    parent: str | None = None
    parent_label: str | None = None
    date: str | None = None
    end_date: str | None = None
    time_of_day: str | None = None
    place: str | None = None
    expected: int | None = None
    present: int | None = None
    reported: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    synthetic: bool = False  # '<name>讲话' made up for a speech with no named event
    same_as: "EventMention | None" = None  # 开学典礼 after 某某培训班开学典礼…举行: that event
    parties: tuple = ()  # 会见/会谈: the host's and the guest's mentions, host first


_DIGIT_ORD = re.compile(r"第(\d+)(次|届)")


def _head(label: str) -> str | None:
    """The meeting noun a label ends with (仪式, 座谈会, 常委会议), longest first."""
    return next((h for h in _HEADS_LONGEST if label.endswith(h)), None)


_HEADS_LONGEST = sorted(HEADS, key=len, reverse=True)
_NUMBERED = re.compile(r"第?[\d一二三四五六七八九十百]+(?:次|届)")


def _same_meeting(e: EventMention, main: EventMention) -> bool:
    """A second name, in the same article, for the meeting the article reports: the same head noun,
    nothing of its own (no organizer, parent, number or other date) and not the main name itself."""
    head = _head(e.label)
    return (head is not None and head == _head(main.label) and e.label != main.label
            and e.organizer is None and e.parent is None and e.kind not in ("session", "plenary", "plenum")
            and not _NUMBERED.search(e.label) and e.date in (None, main.date) and not e.synthetic)


def _bigram_sim(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return len(x & y) / max(1, len(x | y))


def _skip_gap(text: str, pos: int) -> int:
    """Back over a date, time or 在<place> between an organizer and its verb (政治局4月30日召开)."""
    m = _TRAIL_GAP.search(text, max(0, pos - 30), pos)
    return m.start() if m and m.end() == pos else pos


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENT_RE.finditer(text) if m.end() > m.start()]


class EventFinder:
    """Finds event mentions in an article; picks the main event that 会议/会上 refer to."""

    def __init__(self, bodies_finder: BodyFinder):
        self.bf = bodies_finder

    def find(self, text: str, bodies: list[BodyMention], sessions: list[SessionMention],
             dates: list[DateMention], article_date: DateMention | None, body_start: int = 0) -> tuple[list[EventMention], EventMention | None]:
        sents = sentences(text)
        evs: list[EventMention] = []
        covered: list[tuple[int, int]] = []
        by_end: dict[int, list] = {}
        for b in bodies:
            by_end.setdefault(b.end, []).append(b)
        for s in sessions:
            by_end.setdefault(s.end, []).append(s)
        # sessions and what follows them (第三次全体会议, 主席团第三次会议, 代表履职培训会)
        for s in sessions:
            ev = EventMention(s.start, s.end, s.surface, s.name, s.kind)
            ev.organizer = s.body.name
            sub = _SUB.match(text, s.end)
            org = next((b for b in bodies if b.start == s.start and b.end > s.end and b.session is s), None)
            tail_start = org.end if org else s.end
            head = _HEAD_RE.match(text, tail_start) or self._head_after_modifiers(text, tail_start)
            if sub and not org:
                what = "全体会议" if sub.group("what") == "全体会议" else "会议"
                kind = "plenary" if what == "全体会议" and s.kind == "session" else "meeting"
                evs.append(self._child(s, text, sub.end(), f"第{cn_ordinal(sub.group('n'))}次{what}", kind, s.body.name))
            elif org and (m2 := _SUB.match(text, org.end)):
                kind = {"presidium": "presidium_meeting", "committee": "committee_meeting"}.get(org.organ, "meeting")
                what = "全体会议" if m2.group("what") == "全体会议" else "会议"
                child = self._child(s, text, m2.end(), org.name[len(s.name):] + f"第{cn_ordinal(m2.group('n'))}次{what}", kind, org.name)
                evs.append(child)
            elif head and not org:
                tail = text[s.end:head.end()]
                kind = kind_of(tail)
                evs.append(self._child(s, text, head.end(), tail, kind, None))
            evs.append(ev)
        heads = [m for m in _HEAD_RE.finditer(text)]
        heads += [m for b in bodies if (m := _HEAD_RE.match(text, b.end))]
        heads.sort(key=lambda m: (m.start(), -m.end()))
        for m in heads:
            hs, he = m.span()
            if any(a <= hs < b for a, b in [(e.start, e.end) for e in evs]):
                continue
            if any(b.start <= hs < b.end for b in bodies):
                continue
            start = self._np_start(text, hs, by_end)
            if _ANAPHORA.match(text[start:hs]) and HEADS[m.group()] != "deliberation" and not self._org_report(text, start, bodies, dates, sents):
                continue  # 会议/大会/本次大会: the article's main event, not a new one
            ext = _SUB.match(text, he)
            if ext:
                he = ext.end()
            evs.append(self._compose(text, start, he, m.group(), bodies))
        for m in _DELIB.finditer(text):
            ss = [s for s in sessions if s.end <= m.start()]
            if not ss:
                continue
            sent = next(((a, b) for a, b in sents if a <= m.start() < b), (m.start(), m.end()))
            dated = any(sent[0] <= d.start < m.start() for d in dates)
            if not dated and "继续" not in m.group() and not m.group("all"):
                continue  # 提请各代表团审议: planned, not reported
            s = ss[-1]
            full = "全团" if m.group("all") == "全团" else ""
            ev = EventMention(m.start(), m.end(), f"{s.surface}代表团{full}审议", f"{s.name}代表团{full}审议", "deliberation",
                              parent=s.name, parent_label=s.surface, reported=True)
            ev.spans.append((m.start(), m.end()))
            evs.append(ev)
        # reported?
        for ev in evs:
            self._reported(text, ev, bodies, sessions, sents, dates)
            if ev.organizer is None and ev.reported and _NUMBERED.match(ev.label):
                # 中共中央政治局2月29日下午就…进行第十二次集体学习: the clause's subject holds it
                sent = next(((a, b) for a, b in sents if a <= ev.start < b), (ev.start, ev.end))
                subj = [b for b in bodies if sent[0] <= b.start and b.end <= ev.start and b.organ != "department"
                        and b.kind not in ("other", "media")
                        and not re.search(r"[，。；]", text[b.end:ev.start])]
                if subj:
                    self._attach_organizer(ev, min(subj, key=lambda b: b.start), text)
        self._bare_sittings(text, evs, sessions, sents)
        for e in evs:  # 第35次 -> 第三十五次 in canonical names
            e.name = _DIGIT_ORD.sub(lambda m: f"第{to_cn(int(m.group(1)))}{m.group(2)}", e.name)
            if e.parent:
                e.parent = _DIGIT_ORD.sub(lambda m: f"第{to_cn(int(m.group(1)))}{m.group(2)}", e.parent)
        evs = self._fold_headline(evs, body_start)
        full = [e for e in evs if not (e.label in HEADS and HEADS[e.label] != "deliberation" and e.organizer is None)]
        main = self._main(full, body_start)
        if main is not None:  # 主持培训会 / 举行会谈 next to a named event: that event
            evs = full
        else:
            main = self._main(evs, body_start)
        if main is None:  # 大会由…主持 / 大会在国歌声中开幕, the session named only in passing: that session
            said = _ANAPHORA_REPORTED.search(text)
            kind = "plenum" if said and "全会" in said.group() else "session"
            named = {e.name: e for e in evs if e.kind == kind and e.organizer and not text.startswith("精神", e.end)}
            if not named and said:  # 在全国训练工作会议的讲话中… 这次会议于昨天在济南开幕: that meeting
                named = {e.name: e for e in evs if e.label not in HEADS and len(e.label) >= 4 and not e.synthetic
                         and e.kind in ("meeting", "symposium", "training", "ceremony")
                         and not text.startswith(("精神", "以来", "期间"), e.end)}
            if len(named) == 1 and said:
                main = next(iter(named.values()))
                main.reported = True
                when = [d for d in dates if said.start() <= d.start < said.end() and d.date]
                if when and main.date is None:  # 这次会议于昨天在济南开幕
                    main.date, main.end_date, main.time_of_day = when[0].date, when[0].end_date, when[0].time_of_day
                opening = _OPENING.search(text)
                if kind == "session" and opening:
                    # 大会在国歌声中开幕: the opening (closing) sitting is the meeting reported
                    what = "开幕会" if opening.group(1) == "开幕" else "闭幕会"
                    sitting = EventMention(opening.start(), opening.end(), main.label + what, main.name + what, "meeting",
                                           organizer=main.organizer, parent=main.name, parent_label=main.label,
                                           reported=True)
                    sitting.spans.append(opening.span())
                    evs.append(sitting)
                    main = sitting
        for e in evs:  # 出席会议并参加联组讨论 / 出席市政协八届二次会议的委员进行分组讨论: part of the session
            if e.kind == "deliberation" and e.parent is None and e.organizer is None and e.label == e.name:
                sent = next(((a, b) for a, b in sents if a <= e.start < b), (e.start, e.end))
                near = [x for x in sessions if sent[0] <= x.start < e.start and x.kind == "session"]
                if near:
                    x = near[-1]
                    e.parent, e.parent_label, e.name = x.name, x.surface, x.name + e.name
                elif main is not None and main.kind in ("session", "plenum"):
                    e.parent, e.parent_label, e.name = main.name, main.label, main.name + e.name
        if main is not None and main.date is None and article_date is not None and main.reported:
            main.date, main.end_date = article_date.date, article_date.end_date
            main.time_of_day = main.time_of_day or article_date.time_of_day
        rep = [e for e in evs if e.reported]
        for e in rep:  # 宪法宣誓 and 宪法宣誓仪式 in one article: one ceremony
            longer = next((r for r in rep if r is not e and r.label.startswith(e.label) and r.label[len(e.label):] in ("仪式", "典礼")), None)
            if longer is not None and e is not main and e.kind not in ("session", "plenary", "plenum"):
                e.same_as = longer
        for e in evs:  # a shorter mention of a reported event (开学典礼) is that event
            if not e.reported and e.same_as is None:
                e.same_as = next((r for r in rep if r is not e and len(r.label) > len(e.label) and r.label.endswith(e.label)), None)
            if e.same_as is None and main is not None and e is not main and _same_meeting(e, main):
                e.same_as = main  # 中央军委晋升上将军衔仪式 … 何卫东主持晋衔仪式: one ceremony
        for m in QUORUM_RE.finditer(text):
            target = main
            if target is not None:
                target.expected, target.present = int(m.group("e")), int(m.group("p"))
                target.spans.append(m.span())
        return evs, main

    @staticmethod
    def _bare_sittings(text: str, evs: list[EventMention], sessions: list[SessionMention], sents) -> None:
        """第三次全体会议 / 主席团第二次会议 written without its session: a sitting of the session named
        earlier in the same sentence, else of the article's only session (often in the headline)."""
        own = [x for x in sessions if x.kind == "session"]
        for ev in evs:
            if ev.parent or ev.organizer:
                continue
            m = re.fullmatch(rf"(?P<org>主席团)?(?P<sub>第?{NUM}次(?:全体会议|会议))", ev.label)
            if not m:
                continue
            sent = next(((a, b) for a, b in sents if a <= ev.start < b), (ev.start, ev.end))
            near = [x for x in own if sent[0] <= x.start and x.end <= ev.start]
            names = {x.name for x in own}
            if near:
                x = near[-1]
            elif len(names) == 1:
                x = own[0]
            else:
                continue
            sub = _SUB.fullmatch(m.group("sub"))
            what = "全体会议" if sub.group("what") == "全体会议" else "会议"
            tail = f"第{cn_ordinal(sub.group('n'))}次{what}"
            if m.group("org"):
                ev.name, ev.kind, ev.organizer = x.name + "主席团" + tail, "presidium_meeting", x.name + "主席团"
                ev.label = x.surface + "主席团" + tail
            else:
                ev.name, ev.kind, ev.organizer = x.name + tail, "plenary" if what == "全体会议" else "meeting", x.body.name
                ev.label = x.surface + tail
            ev.parent, ev.parent_label = x.name, x.surface

    @staticmethod
    def _org_report(text: str, start: int, bodies: list[BodyMention], dates, sents) -> bool:
        """议案审查委员会举行会议 / 1月20日…举行会谈: a bare event noun after a report verb, with an
        organizer right before the verb or a date earlier in the sentence."""
        if re.search(rf"(?:{_CHAIR})$", text[max(0, start - 4):start]):
            return True  # 主持召开会议: chaired, so it took place
        m = re.search(rf"(?:{_REPORT})了?$", text[max(0, start - 8):start])
        if not m:
            return False
        vstart = start - len(m.group())
        vstart = _skip_gap(text, vstart)
        if any(b.end == vstart for b in bodies):
            return True
        sent = next(((a, b) for a, b in sents if a <= start < b), (start, start))
        return any(sent[0] <= d.start < vstart for d in dates)

    @staticmethod
    def _head_after_modifiers(text: str, pos: int):
        m = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?(?:{alt(k for k in HEADS if len(k) >= 3)})").match(text, pos)
        if m and not re.search(r"[的了在和与及并为是对向将召举出参列主听通审]", m.group()[:-3]):
            return m
        return None

    def _child(self, s: SessionMention, text: str, end: int, tail: str, kind: str, organizer: str | None) -> EventMention:
        ev = EventMention(s.start, end, text[s.start:end], s.name + tail, kind, organizer=organizer or s.body.name,
                          parent=s.name, parent_label=s.surface)
        return ev

    @staticmethod
    def _np_start(text: str, hs: int, by_end: dict) -> int:
        i = hs
        while i > 0 and hs - i < 40:
            if i in by_end:
                return min(x.start for x in by_end[i])
            if text[i - 1] in "）)":  # 县（市、区）委书记座谈会: a parenthesis inside the name
                j = max(text.rfind("（", max(0, i - 12), i - 1), text.rfind("(", max(0, i - 12), i - 1))
                if j > 0 and "，" not in text[j:i] and "。" not in text[j:i]:
                    i = j
                    continue
            if text[i - 1] in _BOUND or _STOP_LEFT.search(text, max(0, i - 4), i):
                return i
            i -= 1
        return i

    def _compose(self, text: str, start: int, end: int, head: str, bodies: list[BodyMention]) -> EventMention:
        label = text[start:end]
        kind = kind_of(label, HEADS.get(head, "meeting"))
        lead = [b for b in bodies if b.start == start and b.end <= end]
        if lead:
            b = max(lead, key=lambda x: x.end)
            tail = text[b.end:end]
            if b.organ == "presidium":
                kind = "presidium_meeting"
            elif b.organ == "committee":
                kind = "committee_meeting"
            elif b.organ == "standing_committee" and kind == "meeting":
                kind = "standing_committee_meeting"
            ev = EventMention(start, end, label, b.name + tail, kind, organizer=b.name)
            if b.session is not None:
                ev.parent, ev.parent_label = b.session.name, b.session.surface
            return ev
        return EventMention(start, end, label, label, kind)

    def _reported(self, text: str, ev: EventMention, bodies: list[BodyMention], sessions, sents, dates) -> None:
        m = _AFTER.match(text, ev.end)
        if m is None and ev.organizer is not None:  # 福建省第九届人民代表大会第一次会议1月14日选举…: it sat
            m = _ACTS_AFTER.match(text, ev.end)
        if m and re.search(rf"^[^，。；]{{0,12}}?(?:{alt(HEADS)})", text[m.end():m.end() + 16]):
            m = None  # 市政协十一届三次会议举行第二次全体会议: the session organises, the sitting happens
        before = text[max(0, ev.start - 9):ev.start]
        sent = next(((a, b) for a, b in sents if a <= ev.start < b), (ev.start, ev.end))
        if m:
            ev.reported = True
            if m.group("place"):
                ev.place = m.group("place")
            ev.spans.append((ev.start, m.end()))
            self._date(ev, dates, sent, m.end())
        elif _BEFORE_REPORT.search(before) or _BEFORE_CHAIR.search(before):
            vb = re.search(rf"(?:{_REPORT}|{_CHAIR})了?{_PRE_MOD}$", before)
            vstart = _skip_gap(text, ev.start - (len(vb.group()) if vb else 0))
            orgs = [b for b in bodies if sent[0] <= b.start and b.end == vstart]
            sess = [x for x in sessions if sent[0] <= x.start and x.end == vstart]
            if sess and not orgs and ev.organizer is None and (_SUB.fullmatch(ev.label) or ev.label in HEADS):
                # 市政协十一届三次会议举行第二次全体会议: a sitting of that session
                x = sess[0]
                ev.label, ev.name = x.surface + ev.label, x.name + ev.label
                ev.kind = "plenary" if ev.label.endswith("全体会议") else "meeting"
                ev.parent, ev.parent_label, ev.organizer = x.name, x.surface, x.body.name
                orgs = [x.body]
            gap = text[vstart:ev.start - (len(vb.group()) if vb else 0)]
            pm = re.search(r"在(?P<place>[^，。；在]{1,20}?)$", gap)
            if pm and ev.place is None:
                ev.place = pm.group("place")
            has_date = any(sent[0] <= d.start < ev.start for d in dates)
            if re.search(r"(?:关于|即将|将要|将于|准备|筹备|决定)(?:召开|举行|举办)$", text[max(0, ev.start - 6):ev.start]):
                return  # 关于召开…的决定: announced, not reported
            if not (orgs or has_date or _BEFORE_CHAIR.search(before) or _JUST_ENDED.search(before)):
                return
            ev.reported = True
            ev.spans.append((ev.start, ev.end))
            if ev.parent:
                self._date(ev, dates, sent, ev.end)
                return
            if orgs and ev.organizer is None:
                self._attach_organizer(ev, max(orgs, key=lambda b: b.end - b.start), text)
            self._date(ev, dates, sent, ev.end)
        elif ev.kind == "deliberation":
            self._date(ev, dates, sent, ev.end)
        if not ev.spans:
            ev.spans.append((ev.start, ev.end))

    def _attach_organizer(self, ev: EventMention, org: BodyMention, text: str) -> None:
        """市政协召开十四届九次常委会议第二次会议 -> organizer 市政协, name built on its canonical form."""
        ev.organizer = org.name
        ev.label = org.surface + ev.label
        label = ev.label[len(org.surface):]
        sm = _SESSION_SUFFIX.match(label)
        if sm and org.family in ("congress", "cppcc", "party_committee") and org.organ in ("", "standing_committee"):
            tf = self.bf.term_form(org, sm.group("term") or org.term)
            what = _MEETING_WORD[sm.group("what")]
            ev.name = f"{tf}第{cn_ordinal(sm.group('n'))}次{what}" + label[sm.end():]
            if what == "常务委员会会议":
                ev.kind = "standing_committee_meeting"
        else:
            ev.name = org.name + label
        if org.organ == "presidium":
            ev.kind = "presidium_meeting"
        elif org.organ == "committee":
            ev.kind = "committee_meeting"
        elif org.organ == "standing_committee" and ev.kind == "meeting":
            ev.kind = "standing_committee_meeting"
        if org.session is not None:
            ev.parent, ev.parent_label = org.session.name, org.session.surface

    @staticmethod
    def _date(ev: EventMention, dates: list[DateMention], sent: tuple[int, int], limit: int) -> None:
        cands = [d for d in dates if sent[0] <= d.start < limit]
        if cands:
            d = cands[-1]
            ev.date, ev.end_date, ev.time_of_day = d.date, d.end_date, d.time_of_day

    @staticmethod
    def _fold_headline(evs: list[EventMention], body_start: int) -> list[EventMention]:
        """A headline names the body's event more loosely (区政协召开常委会议): fold it into that event."""
        body = [e for e in evs if e.start >= body_start and e.reported]
        out = []
        for e in evs:
            if e.start < body_start and e.reported:
                part = next((b for b in body if b.label != e.label and b.label.startswith(e.label)
                             and b.label[len(e.label):] in HEADS), None)
                if part is not None:  # 博览会开幕 (headline) and 博览会开幕式: the whole and its ceremony
                    if part.parent is None:
                        part.parent, part.parent_label = e.name, e.label
                    out.append(e)
                    continue
                twin = next((b for b in body if b.name != e.name and (
                    (b.kind == e.kind and b.organizer == e.organizer) or _bigram_sim(b.label, e.label) >= 0.5
                    or (_head(b.label) == _head(e.label) is not None and None in (b.organizer, e.organizer)))), None)
                if twin is not None:
                    twin.aliases.add(e.label)
                    continue
            out.append(e)
        return out

    @staticmethod
    def _main(evs: list[EventMention], body_start: int) -> EventMention | None:
        rep = [e for e in evs if e.reported]
        body = [e for e in rep if e.start >= body_start]
        pool = body or rep
        if not pool:
            return None
        return min(pool, key=lambda e: (e.start, -(e.end - e.start)))


_MEET = re.compile(rf"(?P<gap>(?:今天|昨天|今日|昨日|前天|(?:\d{{1,2}}月)?\d{{1,2}}日)?(?:上午|下午|晚上|晚)?(?:应约|应邀|专门)?(?:在(?P<place>[^，。；在]{{1,12}}?))?(?:分别)?)(?:(?P<verb>{alt(_EV.get('meet_verbs', ['会见']))})|(?:同|与)(?P<with>[^，。；]{{1,40}}?)举行了?(?P<verb2>会谈|会晤|视频会晤|视频会谈))")


_GUEST_END = re.compile(r"一行|时(?:说|表示|指出|强调)?|及其|及夫人|并(?:共进|举行|出席|转达)|[，。；\n]")


def meetings(text: str, persons, dates: list[DateMention], sents=None, body_start: int = 0) -> list[EventMention]:
    """某某(今天在北京)会见某某: a meeting named by host and guest, dated from its sentence.

    Xinhua reports of talks name no event noun; the host's name starts the clause, the guest is
    the last person named before the clause ends (阿根廷外长卡菲罗)."""
    sents = sents or sentences(text)
    out: list[EventMention] = []
    for p in persons:
        m = _MEET.match(text, p.end)
        if not m or getattr(p, "how", "") == "ideology":
            continue
        left = text[p.start - 1] if p.start else "\n"
        if left not in "\n，。；：、） " and not re.search(r"(?:委员|委员长|部长|主席|总理|书记|主任|局长|省长|市长|议长|外长|院长|会长|总统|首相|国务委员)$", text[max(0, p.start - 4):p.start]):
            continue
        if m.group("verb2"):  # 李某同来华访问的某国总理某某举行会谈
            end, stop = m.start("with"), m.end("with")
        else:
            end = m.end()
            stop = end
            while stop < len(text) and text[stop] not in "，。；\n" and stop - end < 40:
                stop += 1
        if text.startswith("了", end):
            end += 1
        cut = _GUEST_END.search(text, end, stop)
        if cut:  # 会见某某一行时说 / 会见某某并共进午餐: the guest ends there
            stop = cut.start()
        guests = [q for q in persons if end <= q.start < stop and q.name != p.name]
        g = None
        if guests:
            g = guests[-1]
            guest = g.name
        else:
            guest = text[end:stop]
            if not guest or len(guest) > 14 or "\n" in guest or p.name in guest:
                continue
        if m.group("verb2"):
            verb = m.group("verb2").replace("视频", "")
            label = f"{p.name}同{guest}{verb}"
            stop = m.end()
        else:
            verb = m.group("verb").replace("亲切", "").replace("集体", "")
            label = f"{p.name}{verb}{guest}"
        ev = EventMention(p.start, stop, label, label, "meeting", reported=True, parties=(p, g) if g else (p,))
        place = m.group("place")
        ev.place = {"京": "北京", "这里": None, "此间": None, "那里": None}.get(place, place) if place else None
        ev.spans.append((p.start, stop))
        sent = next(((a, b) for a, b in sents if a <= p.start < b), (p.start, stop))
        cands = [d for d in dates if sent[0] <= d.start < stop]
        if cands:
            d = cands[-1]
            ev.date, ev.end_date, ev.time_of_day = d.date, d.end_date, d.time_of_day
        ev.organizer = None
        ev.parent_label = p.name + verb  # host and verb: the key a headline shares with the body
        out.append(ev)
    body = [e for e in out if e.start >= body_start]
    res = []
    for e in out:  # 王某会见阿根廷外长 (headline) = 王某会见卡菲罗 (body)
        twin = next((b for b in body if e.start < body_start and b.parent_label == e.parent_label), None)
        if twin is not None:
            twin.aliases.add(e.label)
        else:
            res.append(e)
    for e in res:
        e.parent_label = None
    return res
