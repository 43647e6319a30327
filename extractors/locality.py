"""Which place 'the city' of a page is (市政协 in a 阳泉 paper is 阳泉's CPPCC).

Read from the text (山西省阳泉市, 中共阳泉市委, 阳泉市第十六届人民代表大会) or given by the caller.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import LEX, alt

_PROV = alt(LEX.provinces)
_CITY = r"(?:(?!政协|中共|中国|委员|人民|直辖|省辖|地级|县级|[与和及同的在是为对向、全各本我该])[\u4e00-\u9fff]){2,4}?(?:市|自治州|地区|盟)"
_COUNTY = r"[\u4e00-\u9fff]{1,4}?(?:县|区|旗)"
_PROV_CITY = re.compile(rf"({_PROV})({_CITY})(?=第|委员会|人民|中级|政协|委|人大|$)")
_CITY_BODY = re.compile(rf"(?:中共|中国共产党|政协)({_CITY})(?=委|第|政协|人民)|(?<![\u4e00-\u9fff])({_CITY})(?:第[一二三四五六七八九十]+届人民代表大会|人民政府|委员会)")
_PROV_ONLY = re.compile(rf"^({_PROV})$")


@dataclass(frozen=True)
class Locale:
    """A resolved locale: province and city (canonical forms with suffix), county optional."""

    province: str | None = None
    city: str | None = None
    county: str | None = None

    @property
    def label(self) -> str | None:
        s = (self.province or "") + (self.city or "") + (self.county or "")
        return s or None

    def place_for_level(self, level: str) -> str | None:
        """市 -> the city, 省 -> the province, 县/区 -> the county (when known)."""
        if level == "市":
            return self.city
        if level == "省":
            return self.province
        if level in ("县", "区", "旗"):
            return self.county
        return None

    def province_of(self, place: str) -> str | None:
        if place in (self.city, self.county):
            return self.province
        return None


def parse_locale(s: str) -> Locale:
    """'山西省阳泉市' -> Locale('山西省', '阳泉市'); '阳泉市' -> city only; '山西省' -> province only."""
    s = re.sub(r"\s+", "", s)
    m = re.match(rf"({_PROV})?({_CITY})?({_COUNTY})?$", s)
    if not m or not any(m.groups()):
        return Locale(city=s or None)
    return Locale(*m.groups())


_PLACE_BODY = re.compile(
    r"(?=((?:[\u4e00-\u9fff]){2,4}?(?:市|县|区|旗))"
    r"(?:第[一二三四五六七八九十]+届人民代表大会|人民代表大会|人民政府|人民法院|中级人民法院|人民检察院))")
_PLACE_END = re.compile(r"(?:市|县|区|旗)(?=第[一二三四五六七八九十]+届人民代表大会|人民代表大会|人民政府|人民法院|中级人民法院|人民检察院)"
                        r"|(?:县|区|旗)(?=委(?![员托])|政协|人大|纪委|监委)")
_STEM_VERB = re.compile(r"^自治$|^直辖$|进入|按照|关于|聚焦|围绕|根据|召开|举行|出席|参加|列席|主持|选举|任命|批准|讨论|审议|听取|通过|当选|担任|来到|深入|前往|赴|到|全|本|该|我|各|两|此|每|同|原|驻|省|团")
_ONE_STEM_LEFT = re.compile(r"(?:^|[，。；：、（）“”《》\s])$")
_LEFT_OK = re.compile(r"(?:^|[，。；：、（）“”《》\s的在和与及对向由经]|选举|任命|批准|讨论|审议|听取|通过|报请|提请|召开|举行|出席|参加|当选为|担任)$")


def _candidates(t: str) -> list[str]:
    """Place names before a full body name (嘉禾县人民政府 -> 嘉禾县), bounded on the left by
    punctuation or a verb, so that 选举嘉禾县 gives 嘉禾县 and 讨论市 gives nothing."""
    out = []
    for m in _PLACE_END.finditer(t):
        end = m.end()
        best = None
        full_body = not re.match(r"委|政协|人大|纪委|监委", t[end:end + 2])
        for n in (1, 2, 3, 4) if m.group() in "县区旗" else (2, 3, 4):
            s0 = m.start() - n
            if s0 < 0:
                break
            stem = t[s0:m.start()]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or re.search(r"[的了是在和与及对向并由为市县区省]", stem):
                continue
            if (n == 1 or not full_body or stem in ("自治", "直辖")) and _STEM_VERB.search(stem):
                continue  # 召开县委, 全县, 本区: not a place name
            if n == 1 and not (_ONE_STEM_LEFT.search(t[max(0, s0 - 1):s0]) or s0 == 0):
                continue  # 盂县 only at a clean edge
            if _LEFT_OK.search(t[max(0, s0 - 3):s0]) or s0 == 0:
                best = t[s0:end]
                break  # the shortest name with a clean left edge
        if best:
            out.append(best)
    return out


def places_in(text: str) -> set[str]:
    """Place names written as part of body names on the page (嘉禾县人民政府 -> 嘉禾县)."""
    return set(_candidates(re.sub(r"\s+", "", text)))


def detect_locale(text: str) -> Locale | None:
    """The most cited province+city pair or city in the page's body names; else the most cited
    county; else None."""
    t = re.sub(r"\s+", "", text)
    pairs = Counter((m.group(1), m.group(2)) for m in _PROV_CITY.finditer(t))
    cities = Counter((m.group(1) or m.group(2)) for m in _CITY_BODY.finditer(t))
    for (p, c), n in pairs.items():
        cities[c] += n
    if not cities:
        counties = Counter(re.sub(r"^(?:中国共产党|中共|政协)", "", p) for p in _candidates(t) if p.endswith(("县", "旗")))
        return Locale(county=counties.most_common(1)[0][0]) if counties else None
    city = cities.most_common(1)[0][0]
    prov = next((p for (p, c), _ in pairs.most_common() if c == city), None)
    return Locale(prov, city)
