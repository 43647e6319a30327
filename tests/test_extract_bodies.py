"""Bodies: short and full forms get one canonical name; organs and sessions hang off them."""
from __future__ import annotations

from extractors.bodies import BodyFinder
from extractors.locality import Locale, detect_locale

LOC = Locale("河北省", "邯郸市")
BF = BodyFinder(LOC)


def names(text: str) -> dict[str, str]:
    bodies, _ = BF.find(text)
    return {b.surface: b.name for b in bodies}


def test_cppcc_short_and_full_forms():
    n = names("市政协与政协邯郸市第十届委员会、中国人民政治协商会议河北省邯郸市委员会")
    assert set(n.values()) == {"中国人民政治协商会议河北省邯郸市委员会"}
    assert "政协邯郸市第十届委员会" in n


def test_party_congress_government_court_procuratorate():
    n = names("市委、市人大常委会、市政府、市中级人民法院和市人民检察院负责同志，省委书记")
    assert n["市委"] == "中国共产党邯郸市委员会"
    assert n["市人大常委会"] == "邯郸市人民代表大会常务委员会"
    assert n["市政府"] == "邯郸市人民政府"
    assert n["市中级人民法院"] == "邯郸市中级人民法院"
    assert n["市人民检察院"] == "邯郸市人民检察院"
    assert n["省委"] == "中国共产党河北省委员会"


def test_standing_committee_and_party_group_parents():
    bodies, _ = BF.find("市人大常委会党组书记")
    by = {b.name: b for b in bodies}
    pg = by["中共邯郸市人民代表大会常务委员会党组"]
    assert pg.parent == "邯郸市人民代表大会常务委员会"
    assert by["邯郸市人民代表大会常务委员会"].parent == "邯郸市人民代表大会"


def test_organ_written_alone_attaches_to_context():
    bodies, _ = BF.find("市政协及其常委会认真履职，提案委员会审查提案。")
    n = {b.surface: b for b in bodies}
    assert n["常委会"].name == "中国人民政治协商会议河北省邯郸市委员会常务委员会"
    assert n["提案委员会"].parent == "中国人民政治协商会议河北省邯郸市委员会"


def test_sessions_short_and_full_forms():
    _, sessions = BF.find("市十五届人大三次会议；邯郸市第十五届人民代表大会第三次会议；市政协十届二次会议")
    got = [s.name for s in sessions]
    assert got[0] == got[1] == "邯郸市第十五届人民代表大会第三次会议"
    assert got[2] == "中国人民政治协商会议河北省邯郸市第十届委员会第二次会议"


def test_session_presidium_and_delegations():
    bodies, _ = BF.find("市十五届人大三次会议主席团举行会议。出席市十五届人大三次会议的丛台区、武安市、解放军代表团审议报告。")
    n = {b.name for b in bodies}
    assert "邯郸市第十五届人民代表大会第三次会议主席团" in n
    assert "邯郸市第十五届人民代表大会第三次会议丛台区代表团" in n
    assert "邯郸市第十五届人民代表大会第三次会议解放军代表团" in n


def test_national_bodies():
    bodies, _ = BodyFinder(None).find("党中央、国务院决策部署，全国人大常委会，全国政协")
    n = {b.surface: b.name for b in bodies}
    assert n["党中央"] == "中国共产党中央委员会"
    assert n["国务院"] == "国务院"
    assert n["全国人大常委会"] == "全国人民代表大会常务委员会"
    assert n["全国政协"] == "中国人民政治协商会议全国委员会"


def test_locale_detected_from_full_names():
    loc = detect_locale("中国人民政治协商会议河北省邯郸市第十届委员会第二次会议在邯郸举行")
    assert (loc.province, loc.city) == ("河北省", "邯郸市")
