"""Find mentions of bodies (organisations) and numbered sessions, and give each its canonical name.

Short and full forms of the same body (市政协, 政协阳泉市第十四届委员会, 中国人民政治协商会议山西省阳泉市
委员会) get one canonical name from the templates in rules/bodies.json and the page's locale. Organs
(常委会, 党组, 主席团, 专门委员会) hang off the body or session written before them, or — when written
alone — off the nearest body of the right kind earlier in the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .foreign import foreign_bodies
from .lexicon import LEX, alt
from .locality import Locale
from .numerals import NUM, cn_ordinal

CJK = r"[\u4e00-\u9fff]"
_GENERIC_PLACE = rf"(?:{alt(LEX.provinces)}|(?:(?!政协|中共|中国|委员|人民|[与和及的在是为对向、第届])[\u4e00-\u9fff]){{1,6}}?(?:自治州|自治县|地区|市|县|区|旗|盟|州))"
_LEVEL = r"(?<![全各本我两该城县区市省乡镇州])(?P<level>省|市|县|区|州)"
_SESSION_SUFFIX = re.compile(
    rf"(?:第?(?P<term>{NUM})届)?第?(?P<n>{NUM})次(?P<what>常委会议|常委会会议|常务委员会会议|主任会议|主席会议|全体会议|全会|会议)")
_HOLDS = re.compile(r"(?:召开|举行|举办)了?")
_SC_SESSION = re.compile(rf"第(?P<n>{NUM})次(?P<what>会议|全体会议)")
_MEETING_WORD = {"常委会议": "常务委员会会议", "常委会会议": "常务委员会会议", "常务委员会会议": "常务委员会会议",
                 "主任会议": "主任会议", "主席会议": "主席会议", "全体会议": "全体会议", "全会": "全体会议", "会议": "会议"}


@dataclass
class BodyMention:
    start: int
    end: int
    surface: str
    name: str
    kind: str
    parent: str | None = None
    family: str = ""  # family of the top body: cppcc | congress | party_committee | government | ...
    organ: str = ""  # '' for a main body, else standing_committee | committee | presidium ...
    place: str | None = None
    prov: str | None = None
    term: str | None = None
    session: "SessionMention | None" = None  # for organs of a session
    extra: list[str] = field(default_factory=list)  # surface forms of enclosing full forms


@dataclass
class SessionMention:
    """A numbered meeting of a body: a session (届/次), a plenum (全会) or a standing-committee meeting."""

    start: int
    end: int
    surface: str
    name: str  # canonical
    kind: str  # session | plenum | standing_committee_meeting
    body: BodyMention


def _num_group(name: str) -> str:
    return f"(?P<{name}>{NUM})"


@lru_cache(maxsize=64)
def _compiled(known: tuple[str, ...]) -> list[tuple[re.Pattern, dict, bool]]:
    """Compile every body template for a set of known place names."""
    kplace = alt(known) if known else "(?!x)x"
    subs = {"{PROV}": f"(?P<prov>{alt(LEX.provinces)})", "{PLACE}": f"(?P<place>{_GENERIC_PLACE})",
            "{KPLACE}": f"(?<![\u4e00-\u9fff])(?P<place>{kplace})|(?<=[的在和与及、，。在对向])(?P<place2>{kplace})",
            "{LEVEL}": _LEVEL, "{TERM}": _num_group("term")}
    out = []
    for fam in LEX.bodies["families"]:
        for national, key in ((False, "patterns"), (True, "national_patterns")):
            for tpl in fam.get(key, []):
                pat = tpl
                if "{KPLACE}" in pat:  # left-anchored known place: split into two alternatives
                    rest = pat.replace("{KPLACE}", "")
                    for k, v in subs.items():
                        if k != "{KPLACE}":
                            rest = rest.replace(k, v)
                    pat = f"(?P<place>{kplace}){rest}"
                else:
                    for k, v in subs.items():
                        pat = pat.replace(k, v, 1)
                    pat = pat.replace("{TERM}", NUM)
                out.append((re.compile(pat), fam, national))
    return out


_NATIONAL = [(re.compile(p + ("(?!长)" if p.endswith("部") else "")), e) for e in LEX.bodies["national"] for p in e["patterns"]]
_DEPT = re.compile(rf"{_LEVEL}(?P<stem>{alt(LEX.bodies['departments']['stems'])})")
_COMMITTEE = alt(LEX.bodies["committees"])
_ORGAN_RES = []
for _key, _o in LEX.bodies["organs"].items():
    for _p in _o["patterns"]:
        _ORGAN_RES.append((_key, _o, re.compile(_p.replace("{COMMITTEE}", _COMMITTEE))))
_STANDALONE = re.compile(rf"(?P<dahui>大会)?(?P<organ>主席团|秘书处(?:议案组|秘书组|综合组)?|(?:{_COMMITTEE})委员会|常务委员会|常委会(?!议))")
_MASS = LEX.bodies["mass_orgs"]["full"]
_MASS_RE = re.compile(rf"{_LEVEL}(?P<stem>{alt(_MASS)})|团(?P<lv2>省|市|县|区)委(?!员)")
_JIWEI_JIANWEI = re.compile(rf"(?:{_LEVEL}|(?P<place>{_GENERIC_PLACE}))纪委(?P<jw>监委)")
_DEPT_SPEC = LEX.bodies["organs"]["department"]
_PARTY_DEPT = re.compile(rf"(?<![\u4e00-\u9fff])(?:{alt(_DEPT_SPEC['full'])})|(?<=[，。；、：:（“在和与及的由])(?:{alt(_DEPT_SPEC['full'])})")
_OWN_PAPER = re.compile(r"本报(?=讯|[^，。；]{0,12}电|记者|通讯员|评论员)")
_LEVEL_LIST = re.compile(r"(?P<items>(?:(?:全国|省|市|县|区|乡镇)、)+)(?P<last>全国|省|市|县|区|乡镇)(?P<what>人大|政协)")
_DELEGATION = re.compile(rf"(?<=[的，、：:（])(?P<items>(?:{CJK}{{1,5}}、)*{CJK}{{1,5}}?)代表团")


def _national_index() -> dict[str, tuple[str, str | None]]:
    """Canonical name -> (kind, parent) of every national body the rules know."""
    out = {fam["national"]: (fam["kind"], fam.get("national_parent")) for fam in LEX.bodies["families"] if fam.get("national")}
    out.update({e["name"]: (e["kind"], e.get("parent")) for e in LEX.bodies["national"]})
    return out


NATIONAL_BODIES = _national_index()
_FORMAL = {"国务院": "中华人民共和国国务院"}


def formal_names(name: str, parent: str | None) -> tuple[str, ...]:
    """Official full forms a canonical short name stands for: 国务院 = 中华人民共和国国务院, and a
    State Council ministry or commission (外交部) = 中华人民共和国外交部."""
    if name in _FORMAL:
        return (_FORMAL[name],)
    if parent == "国务院" and re.search(r"(?:部|委员会)$", name) and not name.startswith(("国务院", "中华人民共和国")):
        return ("中华人民共和国" + name,)
    return ()


_LEAD_VERB = re.compile(r"^(?:设立|撤销|成立|来自|加快|支持|推动|关于|根据|围绕|按照|听取|审议|通过|选举|任命|批准|召开|举行|出席|参加|建设|推进|全面|积极|由|向|对|据|从|经)")


def gd_place(m: re.Match) -> bool:
    """The place was read from the text (not from the page's locale)."""
    return bool(m.groupdict().get("place") or m.groupdict().get("place2"))


class BodyFinder:
    """Finds body and session mentions in one cleaned article text."""

    def __init__(self, locale: Locale | None, known_places: set[str] | None = None):
        self.locale = locale or Locale()
        known = set(known_places or ()) | set(LEX.provinces)
        for p in (self.locale.city, self.locale.county, self.locale.province):
            if p:
                known.add(p)
        self.patterns = _compiled(tuple(sorted(known)))
        city = self.locale.city or self.locale.county
        self.city_paper = bool(city)
        # 本报 = the city's party daily (<city>日报), the usual name of a local paper
        self.newspaper = (re.sub(r"(市|地区|自治州|县|区)$", "", city) + "日报") if city else "本报"
        self.inst = re.compile(rf"(?P<place>{alt(known)}){CJK}{{1,8}}?(?:医院|大学|学院|中学|小学|集团|公司|银行|研究院)")
        self.mass_known = re.compile(rf"(?P<place>{alt(known)})(?P<stem>{alt(_MASS)})")
        self.dept_known = re.compile(rf"(?P<place>{alt(known)})(?P<stem>{alt(LEX.bodies['departments']['stems'])})")

    # -- canonical forms ---------------------------------------------------------------------------
    def _place(self, m: re.Match) -> tuple[str | None, str | None]:
        gd = m.groupdict()
        place = gd.get("place") or gd.get("place2")
        prov = gd.get("prov")
        if not place and gd.get("level"):
            place = self.locale.place_for_level(gd["level"])
        if place and not prov:
            prov = self.locale.province_of(place)
        if place and prov and place == prov:
            prov = None
        return place, prov

    @staticmethod
    def canonical(fam: dict, place: str | None, prov: str | None, national: bool, grade: str = "") -> str:
        if national:
            return fam["national"]
        grade = {"中": "中级", "高": "高级"}.get(grade, grade)
        name = fam["canonical"].replace("{place}", place or "").replace("{grade}", grade)
        return name.replace("{prov}", prov or "")

    @staticmethod
    def term_form(b: BodyMention, term: str | None) -> str:
        """Term-specific full form (阳泉市第十六届人民代表大会) used to build session names."""
        if not term:
            return b.name
        t = cn_ordinal(term)
        if b.family == "congress":
            return f"第{t}届全国人民代表大会" if b.name == "全国人民代表大会" else f"{b.place}第{t}届人民代表大会"
        if b.family == "cppcc":
            if b.name == "中国人民政治协商会议全国委员会":
                return f"中国人民政治协商会议第{t}届全国委员会"
            return f"中国人民政治协商会议{b.prov or ''}{b.place}第{t}届委员会"
        if b.family == "party_committee":
            return "中国共产党第%s届中央委员会" % t if b.name == "中国共产党中央委员会" else f"中国共产党{b.place}第{t}届委员会"
        return b.name

    # -- scanning ----------------------------------------------------------------------------------
    def find(self, text: str) -> tuple[list[BodyMention], list[SessionMention]]:
        cands: list[BodyMention] = []
        city_paper = self.city_paper
        for rx, fam, national in self.patterns:
            for m in rx.finditer(text):
                place, prov = self._place(m)
                lead = _LEAD_VERB.match(place) if place and gd_place(m) else None
                if lead:  # 撤销宜昌市人民代表大会: the verb is no part of the place
                    place = place[lead.end():]
                    if len(re.sub(r"(?:市|县|区|旗|盟|州|自治州|自治县|地区)$", "", place)) < 2 and not place.endswith("县"):
                        continue
                if not national and not place:
                    # unknown locale: keep the level as the place (县人民代表大会) so that the
                    # short and full forms of the page still share one name
                    place = m.groupdict().get("level")
                    if not place:
                        continue
                gd = m.groupdict()
                name = self.canonical(fam, place, prov, national, gd.get("grade") or "")
                s0 = m.start() + (lead.end() if lead else 0)
                cands.append(BodyMention(s0, m.end(), text[s0:m.end()], name, fam["kind"], None, fam["kind"],
                                         place=place, prov=prov, term=gd.get("term")))
        for rx, e in _NATIONAL:
            for m in rx.finditer(text):
                cands.append(BodyMention(m.start(), m.end(), m.group(), e["name"], e["kind"], e.get("parent"), e["kind"]))
        for rx in (_DEPT, self.dept_known):
            for m in rx.finditer(text):
                place, _ = self._place(m)
                if place:
                    cands.append(BodyMention(m.start(), m.end(), m.group(), place + m.group("stem"), "government",
                                             place + "人民政府", "government", place=place))
        for m in _MASS_RE.finditer(text):  # 市妇联, 县总工会, 团市委
            level = m.group("level") or m.group("lv2")
            place = self.locale.place_for_level(level) or level
            full = f"共青团{place}委员会" if m.group("lv2") else place + _MASS[m.group("stem")]
            cands.append(BodyMention(m.start(), m.end(), m.group(), full, "other", None, "other", place=place))
        for m in self.mass_known.finditer(text):
            place = m.group("place")
            cands.append(BodyMention(m.start(), m.end(), m.group(), place + _MASS[m.group("stem")], "other", None, "other", place=place))
        for m in _JIWEI_JIANWEI.finditer(text):  # 市纪委监委: the commission for discipline and the supervisory commission
            place = self.locale.place_for_level(m.group("level")) or m.group("level") if m.group("level") else m.group("place")
            if place:
                cands.append(BodyMention(m.start("jw"), m.end(), "监委", place + "监察委员会", "government", None, "government", place=place))
        for start, end, surface, name, kind in foreign_bodies(text):
            cands.append(BodyMention(start, end, surface, name, kind, None, kind))
        for m in _OWN_PAPER.finditer(text) if city_paper else ():  # an unknown paper is no body to name
            cands.append(BodyMention(m.start(), m.end(), m.group(), self.newspaper, "other", None, "other"))
        for m in self.inst.finditer(text):
            cands.append(BodyMention(m.start(), m.end(), m.group(), m.group(), "other", None, "other", place=m.group("place")))
        for m in _LEVEL_LIST.finditer(text):
            what = m.group("what")
            pos = m.start()
            for item in m.group("items").split("、")[:-1]:
                s = text.find(item, pos)
                pos = s + len(item)
                cands.extend(self._level_item(item, what, s, pos))
        chosen = _select(cands)
        bodies: list[BodyMention] = []
        sessions: list[SessionMention] = []
        for b in chosen:
            bodies.append(b)
            self._extend(text, b, bodies, sessions)
        taken = [(x.start, x.end) for x in bodies] + [(s.start, s.end) for s in sessions]
        self._standalone(text, bodies, sessions, taken)
        self._delegations(text, bodies, sessions)
        self._party_departments(text, bodies, taken)
        bodies.sort(key=lambda x: x.start)
        sessions.sort(key=lambda x: x.start)
        return bodies, sessions

    def _level_item(self, level: str, what: str, s: int, e: int) -> list[BodyMention]:
        if level == "全国":
            name = "全国人民代表大会" if what == "人大" else "中国人民政治协商会议全国委员会"
            fam = "congress" if what == "人大" else "cppcc"
            return [BodyMention(s, e, level + what, name, fam, None, fam)]
        place = self.locale.place_for_level(level)
        if not place:
            return []
        prov = self.locale.province_of(place)
        if what == "人大":
            return [BodyMention(s, e, level + what, f"{place}人民代表大会", "congress", None, "congress", place=place, prov=prov)]
        return [BodyMention(s, e, level + what, f"中国人民政治协商会议{prov or ''}{place}委员会", "cppcc", None, "cppcc", place=place, prov=prov)]

    def _extend(self, text: str, b: BodyMention, bodies: list, sessions: list) -> None:
        """Follow a body with its sessions and organs (市政协 + 常委会 + 党组; 人大 + 四次会议 + 主席团)."""
        cur = b
        while True:
            m = _SESSION_SUFFIX.match(text, cur.end) if cur.organ in ("", "standing_committee") else None
            start = cur.start
            if m is None and cur.organ == "" and (v := _HOLDS.match(text, cur.end)):
                # 市政协举行十五届二十三次常委会会议: the body holds its own numbered meeting
                m = _SESSION_SUFFIX.match(text, v.end())
                if m and (not (m.group("term") or m.group("what") not in ("会议", "全体会议"))
                          or _SC_SESSION.match(text, m.end())):
                    m = None  # (…常委会议第二次会议: a sitting, which the event finder builds on the body)
                start = m.start() if m else start
            if m and cur.family in ("congress", "cppcc", "party_committee"):
                base = cur if cur.organ == "" else None
                if base is None:  # SC + 第N次会议
                    top = self._top(cur, bodies)
                    tf = self.term_form(top, top.term) + "常务委员会"
                    name = f"{tf}第{cn_ordinal(m.group('n'))}次会议"
                    kind = "standing_committee_meeting"
                else:
                    term = m.group("term") or cur.term
                    tf = self.term_form(cur, term)
                    what = m.group("what")
                    name = f"{tf}第{cn_ordinal(m.group('n'))}次{_MEETING_WORD[what]}"
                    if what in ("常委会议", "常委会会议", "常务委员会会议"):
                        kind = "standing_committee_meeting"
                    elif what in ("主任会议", "主席会议"):
                        kind = "meeting"
                    elif cur.family == "party_committee" or what == "全会":
                        kind = "plenum"
                    else:
                        kind = "session"
                surface = text[cur.start:cur.end] * (start != cur.start) + text[start:m.end()]  # 市政协 + 十五届…
                sess = SessionMention(start, m.end(), surface, name, kind, cur if base else self._top(cur, bodies))
                sessions.append(sess)
                self._session_organs(text, sess, bodies)
                return
            org = self._organ_at(text, cur.end)
            if not org:
                return
            key, spec, om = org
            if spec.get("session_only"):
                return
            if key in ("standing_committee", "department", "study_group") and cur.family not in spec.get("kinds", []):
                return
            if key == "department" and cur.organ != "":
                return
            parent = cur
            if spec.get("climb_from_sc") and cur.organ == "standing_committee":
                parent = self._top(cur, bodies)
            cname = spec.get("full", {}).get(om.group()) or spec["canonical"].replace("{0}", om.group())
            name = parent.name + cname
            if spec.get("prefix") and not name.startswith("中国共产党"):
                name = spec["prefix"] + name
            kind = "party_committee" if key == "party_group" else cur.family
            child = BodyMention(cur.start, om.end(), text[cur.start:om.end()], name, kind, parent.name, cur.family,
                                organ=key, place=cur.place, prov=cur.prov, term=cur.term)
            bodies.append(child)
            cur = child

    @staticmethod
    def _top(b: BodyMention, bodies: list[BodyMention]) -> BodyMention:
        seen = {x.name: x for x in bodies}
        while b.parent and b.parent in seen and seen[b.parent] is not b:
            b = seen[b.parent]
        return b

    @staticmethod
    def _organ_at(text: str, pos: int):
        best = None
        for key, spec, rx in _ORGAN_RES:
            m = rx.match(text, pos)
            if m and (best is None or m.end() > best[2].end()):
                best = (key, spec, m)
        return best

    def _session_organs(self, text: str, sess: SessionMention, bodies: list) -> None:
        m = re.compile(rf"(?:大会)?(主席团|秘书处(?:议案组|秘书组|综合组)?|(?:{_COMMITTEE})委员会)").match(text, sess.end)
        if not m or sess.kind != "session":
            return
        organ = m.group(1)
        key = "presidium" if organ == "主席团" else ("secretariat" if organ.startswith("秘书处") else "committee")
        bodies.extend(_session_organ(sess.start, m.end(), text[sess.start:m.end()], organ, sess, key))

    def _standalone(self, text: str, bodies: list, sessions: list, taken: list) -> None:
        """Organs written alone (常委会, 主席团, 提案委员会): attach to the nearest fitting context."""
        for m in _STANDALONE.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            organ = m.group("organ")
            key = "presidium" if organ == "主席团" else ("secretariat" if organ.startswith("秘书处") else
                                                        ("standing_committee" if organ in ("常务委员会", "常委会") else "committee"))
            surface = m.group()
            # same organ already named in full earlier in the article
            prev = [b for b in bodies if b.start < s and b.organ == key and b.name.endswith(organ if key != "standing_committee" else "常务委员会")]
            if prev:
                p = max(prev, key=lambda b: b.start)
                bodies.append(BodyMention(s, e, surface, p.name, p.kind, p.parent, p.family, organ=key, place=p.place, prov=p.prov))
                taken.append((s, e))
                continue
            ctx_s = [x for x in sessions if x.start < s and x.kind == "session"]
            ctx_b = [x for x in bodies if x.start < s and x.organ in ("", "standing_committee") and x.family in ("congress", "cppcc", "party_committee")]
            last_s = max(ctx_s, key=lambda x: x.start) if ctx_s else None
            last_b = max(ctx_b, key=lambda x: x.start) if ctx_b else None
            if key in ("presidium", "secretariat") or (key == "committee" and last_s and (not last_b or last_s.start >= last_b.start)
                                                        and last_s.body.family == "congress"):
                if not ctx_s:
                    continue
                sess = max(ctx_s, key=lambda x: x.start)
                bodies.extend(_session_organ(s, e, surface, organ, sess, key))
                taken.append((s, e))
                continue
            ctx = ctx_b + [x.body for x in ctx_s]
            if not ctx:
                continue
            near = max(ctx_b + [BodyMention(x.start, x.end, x.surface, x.body.name, x.body.kind, x.body.parent, x.body.family,
                                             place=x.body.place, prov=x.body.prov, term=x.body.term) for x in ctx_s], key=lambda x: x.start)
            if key == "standing_committee":
                if near.organ == "standing_committee":
                    name, parent = near.name, near.parent
                else:
                    name, parent = near.name + "常务委员会", near.name
            else:
                top = near
                if near.organ == "standing_committee" and near.parent:
                    name, parent = near.parent + organ, near.parent
                else:
                    name, parent = top.name + organ, top.name
            bodies.append(BodyMention(s, e, surface, name, near.family, parent, near.family, organ=key, place=near.place, prov=near.prov))
            taken.append((s, e))

    @staticmethod
    def _party_departments(text: str, bodies: list, taken: list) -> None:
        """统战部 written alone after 市委统战部 or 市委: that party committee's department."""
        for m in _PARTY_DEPT.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            full = _DEPT_SPEC["full"][m.group()]
            same = [b for b in bodies if b.start < s and b.organ == "department" and b.name.endswith(full)]
            if same:
                p = max(same, key=lambda b: b.start)
                bodies.append(BodyMention(s, e, m.group(), p.name, p.kind, p.parent, p.family, organ="department", place=p.place, prov=p.prov))
                taken.append((s, e))
                continue
            ctx = [b for b in bodies if b.start < s and b.family == "party_committee" and b.organ == "" and "纪律" not in b.name]
            if not ctx:
                continue
            p = max(ctx, key=lambda b: b.start)
            bodies.append(BodyMention(s, e, m.group(), p.name + full, "party_committee", p.name, "party_committee",
                                      organ="department", place=p.place, prov=p.prov))
            taken.append((s, e))

    def _delegations(self, text: str, bodies: list, sessions: list) -> None:
        """平定县、盂县、解放军代表团 after a congress session: one delegation body per item."""
        for m in _DELEGATION.finditer(text):
            ctx = [x for x in sessions if x.end <= m.start() and x.body.family == "congress" and x.kind == "session"]
            if not ctx:
                continue
            sess = ctx[-1]
            pos = m.start()
            for item in m.group("items").split("、"):
                s = text.find(item, pos)
                pos = s + len(item)
                if not _delegation_item(item):
                    continue
                surface = item + "代表团"
                e = pos + (3 if pos == m.end() - 3 else 0)
                bodies.append(BodyMention(s, e if e > pos else pos, surface, sess.name + surface, "congress", sess.body.name,
                                          "congress", organ="delegation", session=sess))


def _session_organ(s: int, e: int, surface: str, organ: str, sess: SessionMention, key: str) -> list[BodyMention]:
    """An organ of a session (主席团, 议案审查委员会); 秘书处议案组 yields the secretariat and its group."""
    b = sess.body
    out = []
    parent = b.name
    if key == "secretariat" and organ != "秘书处":
        cut = surface.index("秘书处") + 3
        out.append(BodyMention(s, s + cut, surface[:cut], sess.name + "秘书处", b.family, b.name, b.family,
                               organ=key, place=b.place, prov=b.prov, session=sess))
        parent = sess.name + "秘书处"
    out.append(BodyMention(s, e, surface, sess.name + organ, b.family, parent, b.family, organ=key,
                           place=b.place, prov=b.prov, session=sess))
    return out


_UNITS = set(LEX.bodies.get("delegation_units", []))
_PLACE_END = re.compile(r"(?:自治州|自治县|地区|市|县|区|旗|盟|州|镇|乡|街道)$")


def _delegation_item(item: str) -> bool:
    """A delegation is named after a place (盂县, 郊区) or an army unit (解放军)."""
    return 2 <= len(item) <= 6 and (item in _UNITS or bool(_PLACE_END.search(item))) and not re.search("[各全每该本其的了在和与]", item)


def _select(cands: list[BodyMention]) -> list[BodyMention]:
    """Longest non-overlapping mentions, left to right."""
    cands.sort(key=lambda b: (b.start, -(b.end - b.start)))
    out: list[BodyMention] = []
    last_end = -1
    for b in cands:
        if b.start >= last_end:
            out.append(b)
            last_end = b.end
        elif out and b.start == out[-1].start and b.end > out[-1].end:
            out[-1] = b
            last_end = b.end
    return out
