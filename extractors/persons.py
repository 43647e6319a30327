"""Find personal names and the posts written next to them.

Chinese names have no capitals, so a name is accepted only in a context that makes it one: after a
post (市政协主席郭卫东), before a post or 同志 (刘文华市长), before a reporting verb at a clause start
(雷健坤指出), inside 、-lists anchored by those, in bylines, or from the statistical recognizer.
Stop words (高质量, 全方位 …) guard against words that merely start with a surname character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .bodies import BodyMention
from .lexicon import LEX, _load, alt

_PR = _load("persons.json")
CJK = re.compile(r"[\u4e00-\u9fff]")
# a post not followed by what makes it another word (主席团, 委员会, 市长期, 局长远)
_TITLE_RE = re.compile(rf"(?:{alt(LEX.titles)})(?![团会处台])(?<!长(?=[期远久效足治]))")
_RIGHT = re.compile(rf"(?:{alt(_PR['right'])}|[，、。；：:,;！？（）()“”\s《\d]|$)")
_NAME_AFTER_VERB = re.compile(alt(_PR["verbs_before_name"]))
_VERB_AFTER = re.compile(alt(_PR["verbs_after_name"]) + "|" + "|".join(_PR["right_patterns"]))
_POST_NOMINAL = re.compile(rf"(?:{alt(_PR['post_nominal'])})(?![团会处台])")
_VERB_LAST = set("作说讲要到向对就把为")
_AFTER_VERB_LAST = ("的", "了", "出", "过", "重要", "报告", "说明", "讲话", "发言")
_BAD_LAST = set("还又则却陪在等的了是从向对将把被就也都并")
_NAME_LIST = re.compile(r"(?:^|(?<=[，。；：\n（“]))((?:[\u4e00-\u9fff·]{2,4}、)+[\u4e00-\u9fff·]{2,4}(?:和[\u4e00-\u9fff·]{2,4})?)"
                        r"(?=等|和|出席|参加|列席|在[^，。；]{0,6}主席台|就座|就坐|分别|先后|陪同|同志|一同|共同|[，,]?以及"
                        r"|，[^。；]{0,30}?(?:负责人|负责同志|代表)(?:等)?(?:出席|列席|参加))")
_POST_NOMINAL_STRICT = re.compile(alt(_PR["post_nominal_strict"]))
_IDEOLOGY = re.compile(alt(_PR["ideology"]))
_DOCTRINE = re.compile(r"(?:思想|理论)(?![上中里])")
_PERSON_NOUN = re.compile(alt(_PR["person_nouns"]))
_LEFT_PUNCT = set("，、。；：:,;（(）)“”\n《》 ")
_SEP = re.compile(r"[、]")
_LEFT_WORDS = tuple(sorted(_PR["left"], key=len, reverse=True))
_TITLE_WORDS = ("主席", "主任", "委员", "书记", "市长", "省长", "县长", "区长", "部长", "局长", "代表", "同志", "会议", "人大", "政协")


_FOREIGN_NAME = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff·]{1,7}?)(?=[，、。；：（(“”]|会见|会谈|举行|表示|说|在|和|与|及|出席|访问|抵达|通电话|致电|应约|当天|今天|\d|发表|讲话|致辞|宣布|指出|强调|签署|主持|认为|称)")
_FOREIGN_POST_IN = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:新闻秘书|秘书长|秘书|发言人|顾问|助理|特使|代表|大使)")
_FOREIGN_BAD_START = re.compile(r"一道|一起|共同|和|与|同|就|在|对|向|通过|也|还|都|将|已|曾|会|并|再|又|等|及|为|以")
_STRONG_VERB = re.compile(r"当选|全票当选|主持|出席|参加|列席|讲话|指出|强调|致辞|发言|宣读|主讲|授课|同志|一行")
_NOUN_AFTER_DENG = re.compile(r"等(?:\d+|[一二三四五六七八九十几多]+)?(?:个|类|项)?(?:领域|方面|国家|地区|行业|部门|单位|产业|城市|省份|问题|工作|地|国)")
_ELECTED_CLAUSE = re.compile(rf"(?<=[，；])(?P<names>[\u4e00-\u9fff·]{{2,16}}(?:（[^（）]{{1,10}}）)?(?:、[\u4e00-\u9fff·]{{2,16}}(?:（[^（）]{{1,10}}）)?){{0,40}})为(?=[^，。；]{{0,24}}?(?:{alt(LEX.titles)}))")
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+")
_ROSTER_HEAD = re.compile(r"(?:名单(?:如下)?|为序(?:排列)?)[)）]?(?:[（(][^（）()\n]{0,20}(?:\d+名|为序|排列)[^（）()\n]{0,20}[)）])*[：:]?\n?")
_ROSTER_ITEM = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+|[\u4e00-\u9fff]{2,4})(?:[（(][^（）()\n]{1,10}[)）])?(?=[、。；\n]|$)")
_ALSO_ELECTED = re.compile(r"当选为?[^，。；]{1,30}?的(?:还|同时)?有[：:]?")
_T = _load("transliteration.json")["chars"]
# 特朗普表示 / 普京在克里姆林宫会见: a transliterated name opening a clause, before what only people do
_FOREIGN_SUBJECT = re.compile(
    rf"(?:^|(?<=[\n，。；：（“]))(?P<name>[{_T}]{{2,7}}(?:·[{_T}]{{1,8}}){{0,3}})"
    rf"(?=表示|说|指出|强调|会见|会谈|宣布|认为|通电话|致电|致函|抵达|出席|主持|签署|当选|发表|访华|应邀|"
    rf"同[^，。；]{{1,20}}举行|在[^，。；]{{1,24}}(?:会见|会谈|表示|发表|出席|举行|主持|签署))")
_TRANSLIT_AFTER = re.compile(rf"([{_T}]{{2,7}}(?:·[{_T}]{{1,8}}){{0,3}})(?=[，、。；：（(]|举行|表示|说|会见|会谈|出席|在|和|与|及|一行|发表|讲话|致辞|宣布|指出|强调|签署)")
_VERB_AFTER_NAME = re.compile(r"批评|表示|说|指出|强调|认为|称|宣布|会见|还|也|则|对|向|在|将|已|曾|呼吁|谴责|指责|赞扬|要求|希望|发表|访问|共同|主持|一道|一起|分别|先后|多次|今天|昨天|近日|日前|夫妇|伉俪")
_EVENT_WORD = re.compile(r"仪式|典礼|会议|大会|峰会|论坛|宴会|活动|伉俪|夫妇|办公室|政府|议会")
_ELECTEE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:（[^（）]{1,10}）)?为")
_PLACE_BEFORE = re.compile(r"(?:在|赴|抵达|前往|来到|访问|飞抵|途经|位于)$")
_SHORT_TITLE = re.compile(rf"(?:{alt(LEX.titles)}|同志)(?![\u4e00-\u9fff]{{0,1}}[团会处台])")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+(?=[、，。；和等（(]|出席|参加|列席)")
_DOTTED_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+$")
_TITLE_IN = re.compile(alt(t for t in LEX.titles if len(t) >= 2))


@dataclass
class TitleMention:
    start: int
    end: int
    title: str
    body: BodyMention | None = None


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    how: str  # after_title | before_title | before_verb | list | byline | ner | repeat | ideology
    titles: tuple[TitleMention, ...] = ()


_VERB_WORDS = set(_PR["right"]) | set(_PR["verbs_after_name"]) | set(_PR["verbs_before_name"]) | set(LEX.events["speech_verbs"]) \
    | set(LEX.events["say_verbs"]) | set(LEX.events["weak_say_verbs"]) | set(LEX.events["report_verbs"]) | set(LEX.events["attend_verbs"]) | set(LEX.events["chair_verbs"])
_VERB_START = re.compile(alt(w for w in _VERB_WORDS if len(w) >= 2))


_SIDES = {w for w in LEX.not_names if len(w) == 2 and w.endswith("方")}


def is_name(s: str) -> bool:
    """Plausible full personal name: surname + 1-2 chars, not a stop word or a verb."""
    if not (2 <= len(s) <= 4) or not all(CJK.match(c) for c in s):
        return False
    if not LEX.starts_with_surname(s) or s in LEX.not_names or _VERB_START.match(s) or s[-2:] in _VERB_WORDS:
        return False
    if s[:2] in _SIDES:  # 双方还, 中方愿: a party to talks, not a name
        return False
    compound = LEX.compound_prefix(s) is not None
    if len(s) == 4 and not compound:
        return False
    given = s[2:] if compound else s[1:]
    if s[-1] in _BAD_LAST:
        return False
    if any(p in given for p in LEX.non_name_parts) or any(w in s for w in _TITLE_WORDS) or _TITLE_IN.search(s):
        return False
    return True


def _roster_member(x: str) -> bool:
    """A name of a roster: 2-4 characters that are no word, post or fragment."""
    return (bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", x)) and x not in LEX.not_names
            and not re.search("[的了是与及等对把被们]", x) and not _TITLE_IN.search(x)
            and not any(w in x for w in LEX.non_name_parts if len(w) > 1)
            and not any(w in x for w in _TITLE_WORDS))  # (易会满: 会 may stand in a name)


def _list_member(text: str, s: int, n: int) -> bool:
    """A 2-3 character item of a 、-list of names: no word, post or fragment, then 、 or the list's end."""
    x = text[s:s + n]
    return (_roster_member(x) and len(x) <= 3 and not re.search("[届次市省县区镇乡村委局厅部处院]", x)
            and not _VERB_START.match(x)
            and bool(re.match(r"[、，。；]|等|和|参加|出席|列席|围绕|就|分别|先后|作|在|也|还", text[s + n:s + n + 2])
                     or _VERB_START.match(text, s + n)))


def find_titles(text: str, bodies: list[BodyMention]) -> list[TitleMention]:
    """Posts in the text, each with the body written right before it (or overlapping: 党组成员)."""
    ends = {}
    for b in bodies:
        if b.end not in ends or b.start < ends[b.end].start:
            ends[b.end] = b
    out = []
    for m in _TITLE_RE.finditer(text):
        s, e = m.span()
        if any(b.start <= s and e <= b.end for b in bodies if b.end - b.start > e - s):
            continue
        body = next((b for b in bodies if b.start < s < b.end <= e), None)  # 党组 in 党组成员
        if body is None:
            body = ends.get(s)
        out.append(TitleMention(s, e, m.group(), body))
    return out


def _place_stems(places) -> set[str]:
    """阳泉市 -> {阳泉市, 阳泉}: place names that look like personal names (阳 is a surname)."""
    out = set()
    for p in list(places) + LEX.provinces:
        out.add(p)
        out.add(re.sub(r"(?:市|省|县|区|自治区|自治州|地区|盟|旗)$", "", p))
    return out


class PersonFinder:
    """Find person mentions in one article text."""

    def find(self, text: str, titles: list[TitleMention], bodies: list[BodyMention],
             byline_names: list[str] = (), extra_names: set[str] | None = None,
             ner_spans: list[tuple[int, int]] = (), places: set[str] = frozenset()) -> list[PersonMention]:
        found: dict[int, PersonMention] = {}

        def add(pm: PersonMention) -> None:
            old = found.get(pm.start)
            if old is None or (old.how in ("repeat", "ner") and pm.how not in ("repeat", "ner")):
                found[pm.start] = pm

        body_spans = [(b.start, b.end) for b in bodies]
        # titles chain: 省人大常委会委员、监察和司法委员会副主任委员张世文
        for i, t in enumerate(titles):
            nm = self._name_after(text, t.end)
            if nm is None and (t.title in LEX.foreign_titles or (t.title in ("总理", "副总理") and not text.endswith("国务院", 0, t.start))):
                nm = self._foreign_name_after(text, t.end)
            if nm is None and (fm := _TRANSLIT_AFTER.match(text, t.end)) and fm.group(1) not in LEX.not_names:
                nm = (fm.start(1), fm.end(1))  # 古巴全国人民政权代表大会主席拉索: a transliterated name after any post
            if nm:
                chain = [t]
                j = i - 1
                while j >= 0 and titles[j].end <= t.start and re.fullmatch(r"[、]?", text[titles[j].end:(t.body.start if t.body else t.start)]):
                    chain.insert(0, titles[j])
                    t = titles[j]
                    j -= 1
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "after_title", tuple(chain)))
        # after a person noun: 市领导王某、李某参加
        for m in _PERSON_NOUN.finditer(text):
            nm = self._name_after(text, m.end())
            if nm:
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "after_title"))
        # object of 选举/任命: 选举吴某某为检察长
        for m in _NAME_AFTER_VERB.finditer(text):
            nm = self._name_after(text, m.end())
            if nm is None and (el := _ELECTEE.match(text, m.end())) and _roster_member(el.group(1)):
                nm = el.span(1)  # 选举回良玉为省长, 选举贾那布尔（哈萨克族）为…: the object of an election is a name
            if nm and re.match(r"[为、，]|同志|（[^（）]{1,10}）[为、，]", text[nm[1]:nm[1] + 14]):
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "after_verb"))
        # post-nominal: 刘文华市长, 以习近平同志为核心
        for m in _POST_NOMINAL.finditer(text):
            if any(a <= m.start() - 1 < b for a, b in body_spans) or text.startswith("们", m.end()):
                continue
            if any(t.start < m.start() < t.end for t in titles):
                continue  # 主席 inside 执行主席
            nm = self._name_before(text, m.start(), strict=False)
            if nm:
                tm = next((t for t in titles if t.start == m.start()), None)
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "before_title", (tm,) if tm else ()))
        for m in _POST_NOMINAL_STRICT.finditer(text):
            nm = self._name_before(text, m.start(), strict=True)
            if nm:
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "before_title"))
        # clause-initial name before a verb: 雷健坤指出, ，梁庆当选为
        for m in _VERB_AFTER.finditer(text):
            nm = self._name_before(text, m.start(), strict=True)
            if nm and (LEX.starts_with_common_surname(text[nm[0]:nm[1]]) or (
                    _STRONG_VERB.match(text, m.start()) and text[nm[0]] not in "但而并且又再还也却则因故即")) \
                    and not _NOUN_AFTER_DENG.match(text, m.start()):
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "before_verb"))
        # ideology phrases: 习近平新时代中国特色社会主义思想
        for m in _IDEOLOGY.finditer(text):
            nm = self._name_before(text, m.start(), strict=False)
            if nm and nm[1] - nm[0] == 3:
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "ideology"))
        for m in _DOCTRINE.finditer(text):  # 、毛泽东思想、邓小平理论
            nm = self._name_before(text, m.start(), strict=True)
            if nm and nm[1] - nm[0] == 3:
                add(PersonMention(nm[0], nm[1], text[nm[0]:nm[1]], "ideology"))
        for s, e in ner_spans:
            name = text[s:e]
            if is_name(name) and LEX.starts_with_common_surname(name) and not any(a <= s < b for a, b in body_spans) \
                    and not _PLACE_BEFORE.search(text, max(0, s - 2), s):
                add(PersonMention(s, e, name, "ner"))
        for m in _NAME_LIST.finditer(text):  # 赵某、钱某和孙某出席 / 在主席台就座
            items = re.split(r"[、和]", m.group(1))
            if all(is_name(x) for x in items):
                pos = m.start(1)
                for x in items:
                    k = text.find(x, pos)
                    add(PersonMention(k, k + len(x), x, "list"))
                    pos = k + len(x)
        heads = [(m.end(), 3) for m in _ROSTER_HEAD.finditer(text)]
        heads += [(m.end(), 1) for m in _ALSO_ELECTED.finditer(text)]  # 当选为副主席的还有甲、乙
        for start, least in heads:  # 委员名单（按姓氏笔画为序）丁学东、丁薛祥…: every name listed
            pos, roster = start, []
            while (it := _ROSTER_ITEM.match(text, pos)) is not None:
                x = it.group("name")
                if not (is_name(x) or "·" in x or _roster_member(x)):
                    break
                roster.append(PersonMention(it.start("name"), it.end("name"), x, "list"))
                pos = it.end()
                if not text.startswith("、", pos):
                    break
                pos += 1
            if len(roster) >= least:  # a roster, not a word after 名单
                for pm in roster:
                    add(pm)
        for m in _FOREIGN_SUBJECT.finditer(text):
            x = m.group("name")
            if x not in LEX.not_names and not any(x.startswith(w) or x.endswith(w) for w in LEX.not_names if len(w) >= 2 and w in x):
                add(PersonMention(m.start("name"), m.end("name"), x, "before_verb"))
        for m in _ELECTED_CLAUSE.finditer(text):  # 选举甲为主任，乙、丙为副主任: the later clauses' names
            if not re.search(r"(?:选举|补选|增选|推选|任命)[^。]*$", text[max(0, m.start() - 200):m.start()]):
                continue
            items = re.findall(r"([\u4e00-\u9fff·]{2,16})(?:（[^（）]*）)?(?:、|$)", m.group("names"))
            if all(is_name(x) or "·" in x for x in items) or (
                    len(items) >= 3 and sum(is_name(x) or "·" in x for x in items) * 3 >= len(items) * 2
                    and all(_LIST_ITEM.fullmatch(x) and x not in LEX.not_names for x in items)):
                # a long list of the elected: a rare surname (丘, 仵) among common ones is a name too
                pos = m.start("names")
                for x in items:
                    k = text.find(x, pos)
                    add(PersonMention(k, k + len(x), x, "list"))
                    pos = k + len(x)
        self._lists(text, found)
        names = {p.name for p in found.values()} | set(byline_names) | set(extra_names or ())
        if names:  # every other occurrence of a known full name, then the lists they head
            rx = re.compile(alt(names))
            for m in rx.finditer(text):
                old = found.get(m.start())
                if old is not None and old.how == "ner" and old.end < m.end():
                    del found[m.start()]  # the recognizer cut a known name short (周明|远在)
                if m.start() not in found and not any(p.start < m.start() < p.end for p in found.values()):
                    tm = next((t for t in titles if t.start == m.end()), None)  # 柯某副主席代表…
                    found[m.start()] = PersonMention(m.start(), m.end(), m.group(), "before_title" if tm else "repeat",
                                                     (tm,) if tm else ())
            self._lists(text, found)
        self._short_forms(text, found)
        inside = [(b.start, b.end) for b in bodies]
        stems = _place_stems(places)
        inside += [(t.start, t.end) for t in titles]
        out = sorted((p for p in found.values() if not any(a <= p.start < b for a, b in inside)
                      and p.name not in stems), key=lambda p: p.start)
        # drop overlaps (keep the earlier / longer)
        res: list[PersonMention] = []
        for p in out:
            if res and p.start < res[-1].end:
                continue
            if res and not p.titles and res[-1].titles and res[-1].how != "before_title" \
                    and text[res[-1].end:p.start] == "、":
                p.titles = res[-1].titles  # 大会执行主席甲、乙、丙: the post is everyone's
            res.append(p)
        return res

    @staticmethod
    def _short_forms(text: str, found: dict[int, PersonMention]) -> None:
        """郭主席 / 李书记 after 郭某某 was named: a mention of that person (surname unique so far)."""
        full = sorted((p for p in found.values() if p.how != "ner"), key=lambda p: p.start)
        if not full:
            return
        by_surname: dict[str, set[str]] = {}
        first_at: dict[str, int] = {}
        for p in full:
            sn = LEX.compound_prefix(p.name) or p.name[0]
            by_surname.setdefault(sn, set()).add(p.name)
            first_at.setdefault(p.name, p.start)
        last = -1
        for m in _SHORT_TITLE.finditer(text):
            ts = m.start()
            for k in (2, 1):  # compound surname first (欧阳主席), then 郭主席
                st = ts - k
                sn = text[st:ts]
                if st < 0 or st < last or sn not in by_surname:
                    continue
                last = m.end()
                names = by_surname[sn]
                if len(names) != 1 or st in found:
                    break
                name = next(iter(names))
                if first_at[name] >= st or any(p.start <= st < p.end for p in found.values()):
                    break
                left = text[st - 1] if st else "\n"
                if left in _LEFT_PUNCT or not CJK.match(left):
                    found[st] = PersonMention(st, m.end(), name, "short")
                break

    @staticmethod
    def _foreign_name_after(text: str, pos: int) -> tuple[int, int] | None:
        """美国国务卿布林肯: a transliterated name (no Chinese surname) after a foreign post."""
        m = _FOREIGN_NAME.match(text, pos)
        if not m:
            return None
        name = m.group(1)
        cut = next((k for k, c in enumerate(name) if c not in _T), len(name))
        if 2 <= cut < len(name) and _VERB_AFTER_NAME.match(name, cut):
            name = name[:cut]  # 外长穆萨批评美、以: the transliterated name ends where the verb starts
        post = _FOREIGN_POST_IN.search(name)
        if post:  # 总统新闻秘书佩斯科夫: the post goes on; the name follows it
            pos, name = pos + post.end(), name[post.end():]
            if len(name) < 2:
                return None
        if name in LEX.not_names or _FOREIGN_BAD_START.match(name) or _VERB_START.match(name) or _TITLE_IN.search(name) \
                or any(c in name for c in "的了和与及在是") or _EVENT_WORD.search(name):
            return None
        return pos, pos + len(name)

    @staticmethod
    def _name_after(text: str, pos: int) -> tuple[int, int] | None:
        for n in (3, 2, 4):
            s = text[pos:pos + n]
            if len(s) == n and is_name(s) and _RIGHT.match(text, pos + n):
                if n == 3 and s[-1] in _VERB_LAST and is_name(s[:2]) and text.startswith(_AFTER_VERB_LAST, pos + 3):
                    return pos, pos + 2  # 主任委员李飞作的报告: 作 is the verb
                return pos, pos + n
        return None

    @staticmethod
    def _name_before(text: str, pos: int, strict: bool) -> tuple[int, int] | None:
        """Name ending at pos. strict: a clause boundary must precede it."""
        for n in (3, 2, 4):
            s0 = pos - n
            if s0 < 0:
                continue
            s = text[s0:pos]
            if not is_name(s) or text[max(0, s0 - 1):pos] in LEX.not_names or text[max(0, s0 - 2):pos] in LEX.not_names:
                continue  # 马来西亚 is no 来西亚
            left = text[s0 - 1] if s0 > 0 else "\n"
            if left in _LEFT_PUNCT or s0 == 0 or text.endswith(_LEFT_WORDS, max(0, s0 - 2), s0):
                return s0, pos
            if strict:
                # preceded by a post ending there (主席郭卫东主持) is handled by after_title
                continue
            if n == 3:
                return s0, pos
        return None

    @staticmethod
    def _lists(text: str, found: dict[int, PersonMention]) -> None:
        """Names joined by 、 to a found name, both directions (王良义、徐本宁、张立君出席)."""
        queue = list(found.values())
        while queue:
            p = queue.pop()
            # forward
            if p.end < len(text) and text[p.end] in "、和与及":
                s = p.end + 1
                name = next((text[s:s + n] for n in (3, 2, 4) if is_name(text[s:s + n]) and _RIGHT.match(text, s + n)), None)
                if name is None and text[p.end] == "、":  # 李纯全、代军、高利: inside a list a rare surname is a name too
                    name = next((text[s:s + n] for n in (3, 2) if _list_member(text, s, n)), None)
                if name is None and (dm := _DOTTED.match(text, s)):
                    name = dm.group()  # 帕巴拉·格列朗杰: a transliterated name inside the list
                if name:
                    if s not in found:  # 大会执行主席甲、乙、丙: the post is everyone's
                        pm = PersonMention(s, s + len(name), name, "list", p.titles if text[p.end] == "、" else ())
                        found[s] = pm
                        queue.append(pm)
            # backward
            if p.start > 0 and text[p.start - 1] in "、和与及":
                seg_end = p.start - 1
                k = seg_end
                while k > 0 and CJK.match(text[k - 1]) and seg_end - k < 4:
                    k -= 1
                name = text[k:seg_end]
                left = text[k - 1] if k > 0 else "\n"
                dm = _DOTTED_BEFORE.search(text, max(0, seg_end - 20), seg_end)
                if dm and k not in found and (dm.start() == 0 or text[dm.start() - 1] in _LEFT_PUNCT or text[dm.start() - 1] == "、"):
                    k, name, left = dm.start(), dm.group(), "、"
                    if k not in found:
                        pm = PersonMention(k, seg_end, name, "list")
                        found[k] = pm
                        queue.append(pm)
                    continue
                if 2 <= len(name) <= 4 and is_name(name) and (left in _LEFT_PUNCT or k == 0) and k not in found:
                    pm = PersonMention(k, seg_end, name, "list")
                    found[k] = pm
                    queue.append(pm)
