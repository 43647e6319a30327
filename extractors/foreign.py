"""Bodies the political vocabulary does not cover: international organisations, foreign news
agencies, a country's organs (俄罗斯国家杜马, 美国国会) and parties (古巴共产党, 巴西劳工党),
newspapers named in 《》, and enterprises and institutions named in full (中国保利集团, 宝马公司).

Canonical names: an international organisation's full name (北约 = 北大西洋公约组织); anything else
as written, since the text's own form (俄政府, 巴伐利亚州政府) is the one a reader searches for.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import LEX, alt

_W = LEX.world
_INTL = {alias: name for name, aliases in _W["international"].items() for alias in [name, *aliases]}
_INTL_RE = re.compile(alt(_INTL))
_AGENCY_RE = re.compile(alt(_W["agencies"]))
_COUNTRY = alt(_W["countries"])
_SHORT = alt(_W["country_short"])
_ORGAN_RE = re.compile(rf"(?:(?P<c>{_COUNTRY})|(?<![\u4e00-\u9fff])(?P<s>{_SHORT})|(?<=[，、。；：（“在和与及的由同对向])(?P<s2>{_SHORT}))"
                       rf"(?:联邦)?(?P<organ>{alt(_W['organs'])})")
_PARTY_RE = re.compile(rf"(?P<c>{_COUNTRY})(?P<mid>[\u4e00-\u9fff—·－-]{{0,8}}?)(?P<stem>{alt(_W['party_stems'])})(?![员委组建史性风纪课校内外派])")
_PAPER_RE = re.compile(r"《(?P<name>[\u4e00-\u9fff]{1,10}(?:日报|时报|邮报|晚报|新闻报|报))》")


_INST_SUFFIX = r"(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|大学|学院|研究院|研究所|科学院|医院|银行|博物馆|俱乐部|书局|出版社|报社|电视台)"
_INST_RE = re.compile(rf"(?P<name>(?:中国|中华|{_COUNTRY})(?!家|人|式|特色|的)(?:(?![和与及的在是为对向等])[\u4e00-\u9fff]){{1,12}}?{_INST_SUFFIX})(?![\u4e00-\u9fff]{{0,1}}(?:长|员|董事|经理|负责人|党委|总部))")


def foreign_bodies(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, surface, canonical name, kind) of every body beyond China in the text."""
    for m in _INTL_RE.finditer(text):
        yield m.start(), m.end(), m.group(), _INTL[m.group()], "international"
    for m in _AGENCY_RE.finditer(text):
        yield m.start(), m.end(), m.group(), m.group(), "media"
    for m in _ORGAN_RE.finditer(text):
        yield m.start(), m.end(), m.group(), m.group(), "foreign"
    for m in _PARTY_RE.finditer(text):
        if not re.search(r"[，。；、和与及]", m.group("mid")):
            yield m.start(), m.end(), m.group(), m.group(), "party"
    for m in _INST_RE.finditer(text):  # only named in full: 中国保利集团, 美国麻省理工学院
        name = m.group("name")
        if not re.search(r"[的了在和与及是为对向等，]|出席|参加|访问|举行|召开|会见|会谈", name[:-2]):
            yield m.start("name"), m.end("name"), name, name, "other"
    for m in _PAPER_RE.finditer(text):
        yield m.start("name"), m.end("name"), m.group("name"), m.group("name"), "media"
