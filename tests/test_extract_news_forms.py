"""Forms real news uses that the development gold showed missing: elections in several clauses,
rosters, talks, sessions named in passing, bodies beyond China. Sentences written for the tests."""
from __future__ import annotations

from extractors import extract_text


def roles(doc):
    return [(p.person, p.role, p.post) for a in doc.articles for p in a.participations]


def test_election_in_several_clauses():
    t = ("新华社长沙1月14日电 湖南省第九届人民代表大会第一次会议1月14日选举周立新为省人大常委会主任，"
         "王建双、施小谋、洪华青为省人大常委会副主任；选举贺东强为省长，张家坤、丘广华为副省长。")
    got = roles(extract_text(t, source="19980115-a.txt"))
    assert ("周立新", "elected", "主任") in got
    assert [p for p, r, post in got if post == "副主任"] == ["王建双", "施小谋", "洪华青"]
    assert [p for p, r, post in got if post == "副省长"] == ["张家坤", "丘广华"]  # 丘: a rare surname in a list


def test_also_elected():
    t = ("本报讯 3月5日，县第十八届人民代表大会第一次会议举行第三次全体会议。会议选举张立新为县人民代表大会常务委员会主任，"
         "当选为副主任的还有王建国、柯小燕。")
    got = roles(extract_text(t, source="20240306.txt", locale="湖南省嘉禾县"))
    assert [p for p, r, post in got if r == "elected"] == ["张立新", "王建国", "柯小燕"]


def test_roster_set_apart_by_ideographic_spaces():
    t = ("### 某某学会第五届理事会理事名单\n\n<p>某某学会第五届理事会理事名单</p><p>（按姓氏笔画为序）</p>"
         "<p>丁向东　于立红（女）　马海涛（回族）　王凯（河南）　易会满　努尔兰·阿不都</p>\n")
    from extractors.markup import from_markdown
    plain = from_markdown(t)
    doc = extract_text(plain.text, source="20240306.md", _sections=plain.sections)
    names = [p.name for a in doc.articles for p in a.persons]
    assert names == ["丁向东", "于立红", "马海涛", "王凯", "易会满", "努尔兰·阿不都"]


def test_talks_host_and_guest():
    t = "央视网消息（新闻联播）：国务院总理赵立新14日在京会见来华访问的某国总统马杜斯。赵立新表示，中方愿同各方合作。马杜斯表示，愿深化合作。"
    got = roles(extract_text(t, source="20230914.txt"))
    assert ("赵立新", "attendee", None) in got and ("马杜斯", "attendee", None) in got
    assert ("赵立新", "speaker", None) in got and ("马杜斯", "speaker", None) in got


def test_session_named_in_passing_and_its_opening():
    t = ("县领导陈红义、田丽芳以及县政协副主席王成理在大会主席台前排就坐。大会由县政协副主席王成理主持。"
         "上午9时，大会在庄严的国歌声中开幕。大会首先审议通过了政协安平县第九届委员会第三次会议议程。")
    doc = extract_text(t, source="x.txt")
    evs = {e.name: e for a in doc.articles for e in a.events}
    opening = next(e for n, e in evs.items() if n.endswith("开幕会"))
    assert opening.parent in evs
    got = roles(doc)
    assert ("王成理", "chair", None) in got and ("陈红义", "attendee", None) in got


def test_bodies_beyond_china_and_national_parties():
    t = "新华社北京1月20日电 全国工商联、民盟中央和九三学社中央负责人同北约、欧盟代表及古巴共产党代表团座谈，俄罗斯国家杜马和中国保利集团也派员参加。"
    doc = extract_text(t, source="19980120.txt")
    bodies = {b.name: b for a in doc.articles for b in a.bodies}
    for name in ("中华全国工商业联合会", "中国民主同盟中央委员会", "九三学社中央委员会", "北大西洋公约组织",
                 "欧洲联盟", "古巴共产党", "俄罗斯国家杜马", "中国保利集团"):
        assert name in bodies, name
    assert "新华通讯社" not in bodies  # the dateline's agency is no body the news is about


def test_national_page_takes_no_locale():
    t = "新华社北京1月20日电 北京市人民政府和上海市人民政府负责人出席会议。"
    assert extract_text(t, source="x.txt").locale is None


def test_state_visit_activities_are_events_of_their_own():
    t = ("央视网消息（新闻联播）：国家主席赵立新21日在莫斯科同俄罗斯总统马杜斯举行会谈。会谈前，马杜斯为赵立新举行隆重欢迎仪式。"
         "会谈后，两国元首共同签署了联合声明。两国元首还共同会见了记者。当晚，马杜斯为赵立新举行欢迎宴会。"
         "马杜斯表示，俄方对赵立新主席全票当选连任表示热烈祝贺。钱东明、孙小海出席上述活动。")
    doc = extract_text(t, source="20230322.txt")
    events = {e.label: e for a in doc.articles for e in a.events}
    assert {"欢迎仪式", "欢迎宴会", "签署联合声明", "共同会见记者"} <= set(events)
    got = {(p.person, p.role, p.event) for a in doc.articles for p in a.participations}
    for e in events.values():
        assert ("钱东明", "attendee", e.name) in got  # 出席上述活动: every one of them
    assert not any(r == "elected" for _, r, _ in got)  # congratulated on an election, none held here


def test_local_standing_committee_report_forms():
    t = ("（记者冯 艳 孙 敏）本报讯市十三届人大常委会第21次会议前日下午在会议厅结束。"
         "市人大常委会主任周长聚，副主任程友新、张先平出席会议。谢双成、汪小玫，市法院负责人列席会议。")
    doc = extract_text(t, source="20050501.txt")
    a = doc.articles[0]
    assert [(e.date) for e in a.events] == ["2005-04-29"]  # 前日 = two days before
    got = [(p.person, p.role) for p in a.participations]
    assert ("谢双成", "attendee") in got and ("汪小玫", "attendee") in got and ("张先平", "attendee") in got
    assert set(a.reporters) == {"冯艳", "孙敏"}


def test_group_sittings_of_a_session():
    t = ("央视网消息（新闻联播）：中共中央总书记习近平5日下午在参加他所在的十四届全国人大二次会议江苏代表团审议时强调，"
         "要因地制宜发展新质生产力。全国政协副主席周立平在参加九三学社界委员小组讨论时说，要凝心聚力。")
    doc = extract_text(t, source="20240305.txt")
    evs = {e.label: e for a in doc.articles for e in a.events}
    assert evs["江苏代表团审议"].parent == "第十四届全国人民代表大会第二次会议"
    assert evs["江苏代表团审议"].date == "2024-03-05"
    got = {(p.person, p.role, p.event) for a in doc.articles for p in a.participations}
    assert ("习近平", "speaker", evs["江苏代表团审议"].name) in got
    assert ("周立平", "attendee", evs["九三学社界委员小组讨论"].name) in got


def test_numbered_activity_takes_the_clause_subject_as_organizer():
    t = "央视网消息（新闻联播）：中共中央政治局2月29日下午就新能源技术进行第十二次集体学习。中共中央总书记习近平在主持学习时强调，要大力发展新能源。"
    evs = [e for a in extract_text(t, source="20240301.txt").articles for e in a.events]
    assert [(e.name, e.organizer) for e in evs] == [("中国共产党中央委员会政治局第十二次集体学习", "中国共产党中央委员会政治局")]


def test_elected_names_with_ethnicity_and_sex_notes():
    t = ("新华社西宁1月15日电 政协青海省第八届委员会第一次全体会议1月14日选举韩应明（撒拉族）为省政协主席，"
         "程步云、松布（土族）、阿嘉·洛桑图旦（蒙古族）、岳世淑（女）为省政协副主席。")
    got = [(p.person, p.post) for a in extract_text(t, source="19980117.txt").articles for p in a.participations if p.role == "elected"]
    assert got == [("韩应明", "主席"), ("程步云", "副主席"), ("松布", "副主席"), ("阿嘉·洛桑图旦", "副主席"), ("岳世淑", "副主席")]


def test_joint_subjects_both_speak():
    t = "本报莫斯科1月22日电 俄白联盟最高委员会会议今天在克里姆林宫举行。俄罗斯总统叶利钦和白俄罗斯总统卢卡申科在会上一致表示，将继续推进一体化。"
    got = {(p.person, p.role) for a in extract_text(t, source="19980123.txt").articles for p in a.participations}
    assert {("叶利钦", "speaker"), ("卢卡申科", "speaker")} <= got
