"""Who did what at which event: chair, attendee, speaker, elected; and the posts people hold.

Works sentence by sentence on the mentions found earlier. Conventions (those of the evaluation):
chairs and speakers are not repeated as attendees; attendees are only names said to 出席/参加/列席
or listed as present; 会议/会上/大会 refer to the article's main event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .bodies import BodyMention
from .events import EventMention, sentences
from .lexicon import LEX, alt
from .persons import _PERSON_NOUN, PersonMention, TitleMention

_EV = LEX.events
_ATTEND_RE = re.compile(alt(_EV["attend_verbs"]))
_SPEECH_RE = re.compile(alt(_EV["speech_verbs"]) + r"|(?<![工合创制操写协动运著杰佳大])作了?[^，。；]{0,30}?(?:报告|辅导|讲座|授课|说明|致辞|讲话)|发表了?[^，。；]{0,12}?(?:讲话|致辞|演讲)")
# 指出/强调 make a speaker; 表示/要求/说 only when said in a speech (在讲话中表示), not in talks or chat
_SAY_RE = re.compile(r"(?:在会上|在讲话中|在会上讲话时|在致辞中)?(?:一致|共同|都|均|分别)?(?:" + alt(_EV["say_verbs"]) + ")"
                     r"|(?:在会上|在讲话中|在会上讲话时|在致辞中|在发言中|讲话时|致辞时)(?:一致|共同|都|均|分别)?(?:" + alt(_EV["weak_say_verbs"]) + ")")
_JOINT_SUBJECT = re.compile(r"[和与、及](?:[^，。；、和与]{0,10}?(?:总统|总理|主席|首相|国王|议长|外长|部长|委员长))?")
_STUDIED = re.compile(r"(?:总书记|主席|同志)?(?:近期|在[^，。；]{0,30}?上的|关于[^，。；]{0,20}的)?(?:重要|主旨|系列)?(?:讲话|指示|批示|论述|贺信|回信)")
_AT_SITTING = re.compile(r"(?:(?:[\d一二三四五六七八九十]{1,3}月)?[\d一二三四五六七八九十]{1,3}日)?(?:上午|下午|晚上)?在?(?:参加|出席)了?(?:[他她]?所在的)?")
_SAY_VERB = re.compile(r"(?:郑重|正式|明确|还)?(?:说|指出|强调|表示|宣布|介绍|透露|提出)")
_SAID_THERE = re.compile(r"(?:的讲话中|讲话时|发言时|致辞时)?[，,]?(?:郑重|正式|明确|还)?(?:说|指出|强调|表示|宣布|介绍|透露|提出)")
# 军委机关各部门、有关单位主要负责同志等参加: a clause of collectives after a list of names
_COLLECTIVE_END = re.compile(r"(?:同志|负责人|代表|委员|人员|领导人?|嘉宾|干部|群众|党员|师生|职工)(?:们)?等?(?:也|还|一同|共同|分别)?$")
_MEETING_SAY = re.compile(r"(?:在会上|在讲话中)?(?:对[^，。；]{1,12})?(?:表示|要求|指出|强调|说|希望|通报|介绍|汇报|传达|提出|作了?说明)")
_TALKS_SAY = re.compile(r"(?:表示|指出|强调|说|介绍)")
_ELECT_AFTER = re.compile(r"(?:以\d+票的?(?:高票|全票)?)?(?:全票|等额|差额|高票)?(?:当选|被选举为|被选为)为?")
_NAME_NOTE = r"[\u4e00-\u9fff·]{2,16}(?:（[^（）]{1,10}）)?"  # 杨光林（苗族）, 王惠业（女）
_ALSO_ELECTED = re.compile(rf"当选为?(?P<post>[^，。；]{{1,30}}?)的(?:还|同时)?有[：:]?(?=(?P<names>{_NAME_NOTE}(?:[、和]{_NAME_NOTE}){{0,40}}))")
_MORE_ELECTED = re.compile(rf"[，；](?P<names>{_NAME_NOTE}(?:[、和]{_NAME_NOTE}){{0,40}})为")
_NAMES_ONLY = re.compile(rf"{_NAME_NOTE}(?:[、，和]{_NAME_NOTE}){{0,80}}")
_ELECT_BEFORE = re.compile(r"(?:选举|补选|增选|推选|推举|选出)(?:产生)?$")
_CHAIR_AFTER = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|今天|昨天|今日|昨日|上午|下午|晚上|晚|在[^，。；]{0,15}?)*主持(?:召开)?(?!人)")
_REPORT_APPROVE = re.compile(r"批准|通过")
_LISTEN = re.compile(r"听取(?!并讨论|和讨论)")
_VERBISH = re.compile(r"主持|出席|参加|列席|讲话|指出|强调|表示|作了?|听取|通过|审议|批准|选举|召开|举行|当选|发言|致辞|宣读|介绍|汇报")
_SUBJ_FILLER = re.compile(r"本报讯|会上|会议上|随后|同时|此外|最后|首先|会议期间|在会上|[，、：:\s\d月日年上下午晚]")


# a post written after a name without its body (某某主席) belongs to a body of this family
_FAMILY_OF_TITLE = {"主席": "cppcc", "副主席": "cppcc", "书记": "party_committee", "副书记": "party_committee"}

# posts that name their own office: never take the body of a neighbouring post by ellipsis
_OWN_BODY_TITLES = {"国家主席", "国家副主席", "中央军委主席", "军委主席", "军委副主席", "总书记", "委员长", "副委员长", "大使", "发言人", "新闻发言人"}


@dataclass
class RoleFact:
    person: str
    event: EventMention
    role: str
    position: int
    title_as_written: str | None
    span: tuple[int, int]
    post: str | None = None
    post_body: str | None = None


@dataclass
class PostFact:
    person: str
    title: str
    body: str | None
    as_written: str
    span: tuple[int, int]


def _title_text(p: PersonMention, text: str) -> str | None:
    if not p.titles:
        return None
    t0 = p.titles[0]
    s = t0.body.start if t0.body and t0.body.end <= t0.start + len(t0.title) else t0.start
    if p.how == "before_title":
        return text[p.titles[0].start:p.titles[-1].end]
    return text[s:p.titles[-1].end]


def _after_title(text: str, p: PersonMention) -> int:
    """End of a post written after the name (赵某某委员长主持): roles read from there."""
    from .persons import _TITLE_RE
    m = _TITLE_RE.match(text, p.end)
    return m.end() if m else p.end


class RoleFinder:
    """Role and post extraction for one article."""

    def __init__(self, implied: dict[str, tuple[str, str]] | None = None):
        self.implied = implied or {}  # 市长 -> (canonical body, as written body)

    def find(self, text: str, persons: list[PersonMention], events: list[EventMention], main: EventMention | None,
             bodies: list[BodyMention]) -> tuple[list[RoleFact], list[PostFact]]:
        facts: list[RoleFact] = []
        self._events = events
        for a, b in sentences(text):
            ps = [p for p in persons if a <= p.start < b]
            if not ps:
                continue
            evs = [e for e in events if a <= e.start < b]
            facts.extend(self._sentence(text, a, b, ps, evs, main, bodies))
        facts.extend(self._talks(text, persons, events, main))
        facts.extend(self._participants_speaking(text, persons, facts, main))
        posts = self._posts(text, persons, bodies)
        for f in facts:  # 当选为…副主席: a post held from now on
            if f.role == "elected" and f.post:
                posts.append(PostFact(f.person, f.post, f.post_body, f.post, f.span))
        return self._dedupe(facts), posts

    @staticmethod
    def _participants_speaking(text: str, persons: list[PersonMention], facts: list[RoleFact],
                               main: EventMention | None) -> list[RoleFact]:
        """会上，某某通报了… / a chair or attendee who 要求/表示/指出 at the start of a clause: said at the
        meeting the article reports (talks are handled by `_talks`)."""
        if main is None or main.parties:
            return []
        present = {f.person for f in facts if f.event is main and f.role in ("chair", "attendee")}
        out = []
        for p in persons:
            left = text[max(0, p.start - 4):p.start]
            at_meeting = re.search(r"(?:会上|会议上|座谈会上|会议期间)[，,]?$", left)
            clause_start = p.start == 0 or text[p.start - 1] in "\n，。；：" or at_meeting
            if clause_start and (at_meeting or p.name in present) and _MEETING_SAY.match(text, _after_title(text, p)):
                out.append(RoleFact(p.name, main, "speaker", 1, _title_text(p, text), (p.start, p.end)))
        return out

    @staticmethod
    def _talks(text: str, persons: list[PersonMention], events: list[EventMention], main: EventMention | None) -> list[RoleFact]:
        """会见/会谈: host and guest are both present (host first); in an article about the talks, what
        either side 表示/指出/强调 was said there."""
        out = []
        for ev in events:
            for i, p in enumerate(ev.parties, 1):
                out.append(RoleFact(p.name, ev, "attendee", i, _title_text(p, text), (p.start, p.end)))
        if main is not None and main.parties:
            sides = {q.name for q in main.parties}
            for p in persons:  # only the two sides speak at their talks
                if p.name in sides and _TALKS_SAY.match(text, p.end) and (p.start == 0 or text[p.start - 1] in "\n，。；："):
                    out.append(RoleFact(p.name, main, "speaker", 1, _title_text(p, text), (p.start, p.end)))
        return out

    # -- one sentence ----------------------------------------------------------------------------
    def _event_at(self, evs: list[EventMention], pos: int, main: EventMention | None) -> EventMention | None:
        """The event named right after a verb (参加联组讨论), else the main event (出席会议)."""
        for e in sorted(evs, key=lambda x: -(x.end - x.start)):
            if e.start == pos:
                return e.same_as or e
        return main

    def _sentence(self, text, a, b, ps, evs, main, bodies) -> list[RoleFact]:
        out: list[RoleFact] = []
        sent = text[a:b]

        def fact(p: PersonMention, ev, role, pos, **kw) -> None:
            if ev is not None:
                out.append(RoleFact(p.name, ev, role, pos, _title_text(p, text), (p.start, p.end), **kw))

        # chair: 由……主持 / 某某主持(召开)
        for m in re.finditer(r"由([^。；]{0,60}?)主持(?:召开)?", sent):
            s, e = a + m.start(1), a + m.end(1)
            chairs = [p for p in ps if s <= p.start < e]
            ev = self._event_at(evs, a + m.end(), main)
            for i, p in enumerate(chairs, 1):
                fact(p, ev, "chair", i)
        for p in ps:
            m = _CHAIR_AFTER.match(text, _after_title(text, p))
            if m:
                fact(p, self._event_at(evs, m.end(), main), "chair", 1)
        # attendees: subjects of 出席/参加/列席
        for m in _ATTEND_RE.finditer(sent):
            v = a + m.start()
            if re.match(r"(?:的|人员|单位|者)", text[v + 2:v + 4]) or text[v - 1:v] in ("的",):
                continue
            subj = self._subjects_before(text, a, v, ps, bodies)
            nxt = re.match(r"了?", text[v + 2:])
            ev = self._event_at(evs, v + 2 + (nxt.end() if nxt else 0), main)
            for i, p in enumerate(subj, 1):
                fact(p, ev, "attendee", i)
        if re.search(r"(?:出席|参加|陪同|参与)(?:了)?上述(?:活动|会见|会谈)", sent):  # 王毅等参加上述活动: every one of them
            for m in _ATTEND_RE.finditer(sent):
                for i, p in enumerate(self._subjects_before(text, a, a + m.start(), ps, bodies), 1):
                    for e in self._events:
                        if e.parties and e is not main:
                            fact(p, e, "attendee", i)
        for m in re.finditer(r"(?:出席|参加|列席)(?:会议|活动|仪式)?的?(?:领导|人员|嘉宾|同志)?(?:还)?有[：:]?", sent):
            after = [p for p in ps if p.start >= a + m.end()]
            for i, p in enumerate(after, 1):
                fact(p, main, "attendee", i)
        # speakers
        subj = self._sentence_subject(text, a, ps, bodies)
        for m in _SPEECH_RE.finditer(text, a, b):
            v = m.start()
            before = text[max(a, v - 6):v]
            if (re.search(r"(?:所|的|重要|系列)$", before) and not re.search(r"发表了?(?:重要)?$", before)) \
                    or text.startswith("精神", m.end()) or m.group().startswith(("发表的", "作的")) or "发表的" in m.group():
                continue  # 所作的报告 / 重要讲话精神: a noun, not someone speaking here
            clause_start = max(max(text.rfind(c, a, v) for c in "，；：") + 1, a)
            here = [p for p in ps if clause_start <= p.start < v and p.how != "ideology"
                    and not re.search(r"[对向]|听取|审议|批准|通过", self._residue(text, p.end, v, ps, bodies))
                    and not _STUDIED.match(text, p.end)]  # 学习贯彻习近平总书记近期重要讲话精神作发言
            if here:  # 副书记钱某、孙某分别讲话: the names of this clause
                group = here
            elif subj is not None and subj.end <= v:  # 张某以《…》为题，…作了专题辅导
                group = [subj]
            else:
                continue
            for i, q in enumerate(group, 1):
                fact(q, main, "speaker", i)
        for k, p in enumerate(ps):
            if _SAY_RE.match(text, _after_title(text, p)) and p.how != "ideology":
                fact(p, main, "speaker", 1)
                j = k  # 叶利钦和卢卡申科在会上一致表示: both said it
                while j > 0 and _JOINT_SUBJECT.fullmatch(text[_after_title(text, ps[j - 1]):ps[j].start]):
                    j -= 1
                    fact(ps[j], main, "speaker", 1)
        for e in evs:  # 某某在参加江苏代表团审议时强调: attended that sitting and spoke there
            if e.kind == "deliberation" and text.startswith("时", e.end) and _SAY_VERB.match(text, e.end + 1):
                who = [p for p in ps if p.end <= e.start and _AT_SITTING.fullmatch(text[_after_title(text, p):e.start])]
                for p in who:
                    fact(p, e, "speaker", 1)
        for e in evs:  # 某某在今天召开的全国建设工作会议上说 / 在…会议上，部长某某宣布: spoke there
            if not (e.reported or e.same_as) or not text.startswith("上", e.end) or "在" not in text[max(a, e.start - 16):e.start]:
                continue
            said_after = _SAID_THERE.match(text, e.end + 1)
            for p in ps:
                if p.how == "ideology":
                    continue
                before = p.end <= e.start and said_after and re.fullmatch(r"[^，。；]{0,12}?在[^，。；]{0,20}", text[_after_title(text, p):e.start])
                after = p.start > e.end and re.fullmatch(r"[，,][^，。；]{0,30}", text[e.end + 1:p.start]) and _SAY_VERB.match(text, _after_title(text, p))
                if before or after:
                    fact(p, e.same_as or e, "speaker", 1)
        if _REPORT_APPROVE.search(sent) or _LISTEN.search(sent):
            for p in ps:
                pre = text[a:p.start]
                post = text[p.end:min(b, p.end + 60)]
                if re.search(r"所?作的?[^，。；]{0,30}?报告", post) and (_REPORT_APPROVE.search(pre) or _LISTEN.search(pre)):
                    if re.search(r"听取并讨论|听取和讨论", pre) and not _REPORT_APPROVE.search(pre):
                        continue
                    subj_ev = next((e for e in evs if e.start <= a + 2 and e.kind in ("session", "plenary", "meeting")), None)
                    fact(p, subj_ev or main, "speaker", 1)
        # elected: 某某、某某当选为副主席
        pos = 0
        last_body = None
        for k, p in enumerate(ps):
            m = _ELECT_AFTER.match(text, _after_title(text, p))
            if m and re.search(r"祝贺|庆贺|恭喜|贺电|贺信", text[a:b]):
                continue  # 祝贺他当选…: a message about an election, not one reported here
            if m:
                nxt = next((q.start for q in ps if q.start >= m.end()), None)  # a headline runs on: 甲当选主任乙当选省长
                post, body = self._post_after(text[:nxt] if nxt else text, m.end(), bodies)
                if not body and post in self.implied:  # 当选副县长: the county government
                    body = self.implied[post][0]
                body = body or (last_body if post else None)
                last_body = body or last_body
                group = [p]
                j = k - 1
                while j >= 0 and text[ps[j].end:group[0].start] in ("、", "和", "与", "及"):
                    group.insert(0, ps[j])
                    j -= 1
                for q in group:
                    pos += 1
                    fact(q, main, "elected", pos, post=post, post_body=body)
        for m in re.finditer(r"(?:选举|补选|增选|推选|推举|选出)(?!产生)", sent):
            seg_end = next((k for k in range(m.end(), len(sent)) if sent[k] == "为"
                            and not any(p.start <= a + k < p.end for p in ps)), -1)
            if seg_end < 0 or seg_end - m.end() > 40 and not _NAMES_ONLY.fullmatch(sent[m.end():seg_end]):
                continue  # a long list of the elected holds nothing but names
            electees = [p for p in ps if a + m.end() <= p.start < a + seg_end]
            post, body = self._post_after(text, a + seg_end + 1, bodies)
            for i, p in enumerate(electees, 1):
                fact(p, main, "elected", i, post=post, post_body=body)
            # 选举甲为主任，乙、丙为副主任；…: each further clause of names 为 a post, up to the next 选举
            pos = len(electees)
            for c in _MORE_ELECTED.finditer(sent, seg_end):
                if re.search(r"选举|补选|增选|推选|推举|选出", sent[seg_end:c.start()]):
                    break
                more = [p for p in ps if a + c.start("names") <= p.start < a + c.end("names")]
                post, body = self._post_after(text, a + c.end(), bodies)
                for p in more:
                    pos += 1
                    fact(p, main, "elected", pos, post=post, post_body=body)
        for m in _ALSO_ELECTED.finditer(sent):  # 当选为副主席的还有甲、乙
            post, body = self._post_after(text, a + m.start("post"), bodies)
            for p in [p for p in ps if a + m.end() <= p.start < a + (m.end() + len(m.group("names")))]:
                pos += 1
                fact(p, main, "elected", pos, post=post, post_body=body)
        return out

    @staticmethod
    def _residue(text: str, s: int, e: int, ps, bodies, titles=True) -> str:
        chars = list(text[s:e])
        spans = [(p.start, p.end) for p in ps] + [(b.start, b.end) for b in bodies]
        for p in ps:
            for t in p.titles:
                spans.append((t.start, t.end))
        for x, y in spans:
            for k in range(max(x, s), min(y, e)):
                chars[k - s] = ""
        return "".join(chars)

    def _subjects_before(self, text, a, v, ps, bodies) -> list[PersonMention]:
        """Persons listed before the verb: back over 、/，-separated items made only of titles, bodies, names."""
        clause_start = max(text.rfind(c, a, v) for c in "，；：") + 1
        clause_start = max(clause_start, a)
        chosen = [p for p in ps if clause_start <= p.start < v]
        if chosen:
            res = self._residue(text, clause_start, v, chosen, bodies)
            res = re.sub(r"在[^，。；、]{1,12}$", "", res)  # …在主席台执行主席席就座
            if _VERBISH.search(re.sub(r"等|领导同志|同志|领导|和|及|与|、|还|也|分别|一同|共同|应邀|党组成员|以及|在[^，。；]{0,6}主席台(?:前排)?"
                                      r"|代表|负责人|人士", "", res)):
                # the clause holds other verbs: keep only names right before the verb
                chosen = [p for p in chosen if not _VERBISH.search(self._residue(text, p.end, v, chosen, bodies).replace("等", ""))]
        collective = not chosen and _COLLECTIVE_END.search(text, clause_start, v)
        if not chosen and not collective:
            nb = re.match(r"并", text[v - 1:v])
            if nb:  # …出席会议并参加联组讨论: same subjects as the first verb of the clause
                m = _ATTEND_RE.search(text, clause_start, v - 1)
                if m:
                    return self._subjects_before(text, a, m.start(), ps, bodies)
            return []
        # earlier clauses that are pure lists of titled names (副主任赵素卿，党组成员郭爱聪，秘书长李昱平等出席)
        s = clause_start - 1
        while s > a:
            prev_start = max(max(text.rfind(c, a, s) for c in "，；：") + 1, a)
            prev = [p for p in ps if prev_start <= p.start < s]
            if not prev:
                break
            res = _PERSON_NOUN.sub("", self._residue(text, prev_start, s, prev, bodies))  # 市领导甲、乙，…
            if res.strip("、等和及与 "):
                break
            chosen = prev + chosen
            s = prev_start - 1
        return chosen

    def _sentence_subject(self, text, a, ps, bodies) -> PersonMention | None:
        p = ps[0]
        if p.how == "ideology":
            return None
        res = self._residue(text, a, p.start, [p], bodies)
        res = _SUBJ_FILLER.sub("", res)
        return p if not res else None

    @staticmethod
    def _post_after(text: str, pos: int, bodies: list[BodyMention]) -> tuple[str | None, str | None]:
        """The post named after 当选为/为: the last title before the clause ends, and its body."""
        from .persons import _TITLE_RE
        end = pos
        while end < len(text) and text[end] not in "，。；、,;（(\n" and end - pos < 40:
            end += 1
        titles = [m for m in _TITLE_RE.finditer(text, pos, end)
                  if not any(b.start <= m.start() and m.end() <= b.end for b in bodies)]
        if not titles:
            return None, None
        t = titles[-1]
        bs = [b for b in bodies if pos <= b.start and b.end <= t.start()]
        return t.group(), (max(bs, key=lambda b: b.end).name if bs else None)

    @staticmethod
    def _dedupe(facts: list[RoleFact]) -> list[RoleFact]:
        seen = set()
        out = []
        for f in facts:
            key = (f.person, id(f.event), f.role)
            if key in seen:
                continue
            seen.add(key)
            out.append(f)
        return out

    # -- posts -----------------------------------------------------------------------------------
    def _posts(self, text: str, persons: list[PersonMention], bodies: list[BodyMention] = ()) -> list[PostFact]:
        out: list[PostFact] = []
        last_body: tuple[int, BodyMention] | None = None
        sents = sentences(text)
        for p in persons:
            sent = next(((a, b) for a, b in sents if a <= p.start < b), (0, len(text)))
            if last_body and last_body[0] != sent[0]:
                last_body = None
            for t in p.titles:
                body, written = t.body, t.title
                name = None
                if body is not None:
                    name, written = body.name, text[body.start:t.end] if body.end <= t.end else body.surface + t.title
                    if body.end <= t.start + len(t.title):
                        last_body = (sent[0], body)
                elif t.title in self.implied:
                    name, bw = self.implied[t.title]
                    written = t.title
                elif last_body is not None and p.how == "after_title" and not t.title.startswith("大会") \
                        and t.title not in _OWN_BODY_TITLES:
                    lb = last_body[1]
                    name = lb.parent if lb.organ in ("party_group", "office") and lb.parent else lb.name
                elif p.how == "before_title" and t.title in _FAMILY_OF_TITLE:
                    # 郭某某主席代表政协…常委会: the body of that family named in the sentence
                    fam = _FAMILY_OF_TITLE[t.title]
                    near = [b for b in bodies if sent[0] <= b.start < sent[1] and b.family == fam and b.organ == ""]
                    if near:
                        name = min(near, key=lambda b: abs(b.start - p.start)).name
                out.append(PostFact(p.name, t.title, name, written, (min(t.start, p.start), max(t.end, p.end))))
        return out
