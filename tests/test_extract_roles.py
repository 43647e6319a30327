"""Roles at events: chair, attendees (with 等), speakers, elected, quorum; posts."""
from __future__ import annotations

import pytest

from extractors import extract_text

LOCAL = """区政协召开常委会议
本报讯 （记者 程 雪） 2023年4月12日下午，区政协召开七届十次常委会议。会议应到常委41人，实到36人。
会议由区政协主席欧阳建华主持，副主席冯志远、邱海燕、谭明辉等出席会议。
区委副书记邓卫国到会讲话。邓卫国指出，要聚焦中心工作建言资政。
会议选举郝立强为政协七届委员会秘书长。
"""

PLENARY = """本报讯 2月26日上午，县十八届人大四次会议举行第三次全体会议。会议应到代表 198 名，实到 185 名。
会议由大会主席团常务主席钱志明主持。经过投票表决，石光荣当选为县人民政府县长，孟庆云、谷雨晴当选为副县长。
县委书记薛建平在主席台就座。
（文 静）
"""


@pytest.fixture(scope="module")
def local():
    return extract_text(LOCAL, source="local.txt", locale="湖南省岳阳市平江县")


@pytest.fixture(scope="module")
def plenary():
    return extract_text(PLENARY, source="xian_20240227.txt")


def roles(doc, role):
    return [(p.person, p.position) for a in doc.articles for p in a.participations if p.role == role]


def test_chair_with_compound_surname(local):
    assert roles(local, "chair") == [("欧阳建华", 1)]


def test_attendees_listed_before_verb_with_deng(local):
    att = roles(local, "attendee")
    assert [n for n, _ in att] == ["冯志远", "邱海燕", "谭明辉"]
    assert [p for _, p in att] == [1, 2, 3]


def test_speaker_by_speech_and_zhichu(local):
    assert ("邓卫国", 1) in roles(local, "speaker")
    assert "邓卫国" not in [n for n, _ in roles(local, "attendee")]


def test_elected_with_post(local):
    el = [p for a in local.articles for p in a.participations if p.role == "elected"]
    assert [(p.person, p.post) for p in el] == [("郝立强", "秘书长")]


def test_event_name_date_quorum_and_reporter(local):
    a = local.articles[0]
    ev = next(e for e in a.events if e.kind == "standing_committee_meeting")
    assert ev.label == "区政协七届十次常委会议"
    assert (ev.date, ev.time_of_day) == ("2023-04-12", "下午")
    assert (ev.expected, ev.present) == (41, 36)
    assert a.reporters == ("程雪",)
    assert a.headline == "区政协召开常委会议"


def test_posts_with_bodies(local):
    posts = {(p.person, p.title): p.body for a in local.articles for p in a.posts}
    assert posts[("欧阳建华", "主席")] == "中国人民政治协商会议湖南省平江县委员会"
    assert posts[("邓卫国", "副书记")] == "中国共产党平江县委员会"


def test_plenary_of_session_with_year_from_file_name(plenary):
    a = plenary.articles[0]
    ev = next(e for e in a.events if e.kind == "plenary")
    assert ev.label == "县十八届人大四次会议第三次全体会议"
    assert ev.date == "2024-02-26" and ev.parent is not None
    assert (ev.expected, ev.present) == (198, 185)
    assert roles(plenary, "chair") == [("钱志明", 1)]


def test_elected_list_shares_the_post(plenary):
    el = [(p.person, p.post) for a in plenary.articles for p in a.participations if p.role == "elected"]
    assert el == [("石光荣", "县长"), ("孟庆云", "副县长"), ("谷雨晴", "副县长")]


def test_seated_on_rostrum_counts_as_present(plenary):
    assert ("薛建平", 1) in roles(plenary, "attendee")


def test_speakers_of_their_own_clause_and_not_nouns():
    t = ("本报讯 3月5日，市委召开常委会会议。市委书记赵一鸣主持会议，副书记钱立、孙海燕分别讲话。"
         "会议传达了习近平总书记的重要讲话精神，听取并讨论了钟明远所作的报告。")
    doc = extract_text(t, source="c_20230306.txt", locale="山西省晋城市")
    sp = sorted((p.person, p.position) for a in doc.articles for p in a.participations if p.role == "speaker")
    assert sp == [("孙海燕", 2), ("钱立", 1)]


@pytest.mark.parametrize("text,names", [
    ("本报讯 记者王小明报道：3月5日，市政协召开主席会议。", ("王小明",)),
    ("市政协召开主席会议\n文/本报记者 刘 洋\n3月5日，市政协召开主席会议。", ("刘洋",)),
    ("本报讯（记者 韦静 通讯员 岑一帆）3月5日，市政协召开主席会议。", ("韦静", "岑一帆")),
    ("3月5日，市政协召开主席会议。 （作者：全媒体记者 付 强）", ("付强",)),
])
def test_byline_forms(text, names):
    doc = extract_text(text, source="b.txt", locale="广西壮族自治区柳州市")
    assert tuple(r for a in doc.articles for r in a.reporters) == names


def test_words_that_look_like_names_are_not_persons():
    t = ("本报讯 2023年6月1日，阳泉市长期坚持高质量发展、全方位转型。关于推进工作，"
         "市政协主席团常务主席会议召开。常务主席向好同志们致意。市长王立新主持会议。")
    doc = extract_text(t, source="n.txt", locale="山西省阳泉市")
    names = {p.name for a in doc.articles for p in a.persons}
    assert names == {"王立新"}


def test_county_congress_elections_with_votes_and_implied_bodies():
    t = ("红网临武讯（记者 石 磊）1月8日上午，临武县第十八届人民代表大会第一次会议举行第三次全体会议。"
         "县人大常委会主任万向东主持会议。会议应到代表201人，实到代表198人。"
         "经过投票，曹永胜以198票当选为县人民政府县长，严佳、巩海波和卢雯当选副县长。")
    doc = extract_text(t, source="lw.txt")
    assert doc.locale == "临武县"
    a = doc.articles[0]
    assert a.reporters == ("石磊",)
    ev = next(e for e in a.events if e.kind == "plenary")
    assert ev.name == "临武县第十八届人民代表大会第一次会议第三次全体会议"
    el = [(p.person, p.post, p.post_body) for p in a.participations if p.role == "elected"]
    assert el == [("曹永胜", "县长", "临武县人民政府"), ("严佳", "副县长", "临武县人民政府"),
                  ("巩海波", "副县长", "临武县人民政府"), ("卢雯", "副县长", "临武县人民政府")]
    assert [p.person for p in a.participations if p.role == "chair"] == ["万向东"]


def test_ceremony_mentions_fold_into_the_reported_event_and_speech_forms():
    t = ("3月2日上午，全省统计系统干部培训班开学典礼在省委党校报告厅举行。省统计局局长邵振华、副局长苗青等出席了开学典礼。"
         "副校长卓一鸣主持开学典礼。邵振华局长在开学典礼上作了热情洋溢的致辞。"
         "会议传达学习了习近平总书记在中央经济工作会议上发表的重要讲话。")
    doc = extract_text(t, source="t_20230303.txt")
    a = doc.articles[0]
    assert [e.label for e in a.events] == ["全省统计系统干部培训班开学典礼"]
    got = sorted((p.role, p.person) for p in a.participations)
    # a speaker listed among those present is an attendee too (ANNOTATION.md)
    assert got == [("attendee", "苗青"), ("attendee", "邵振华"), ("chair", "卓一鸣"), ("speaker", "邵振华")]


def test_posts_shared_by_lists_elected_posts_and_party_groups():
    t = ("本报讯 2023年1月9日，市政协召开主席会议。市政协主席房立新主持。大会执行主席柯岩、娄小燕出席。"
         "市人大常委会党组成员诸葛明列席。经过选举，芮涛当选为政协晋城市第十届委员会副主席。"
         "会议审议了柯岩副主席代表政协晋城市第十届委员会常务委员会所作的报告。")
    doc = extract_text(t, source="jc.txt", locale="山西省晋城市")
    posts = {(p.person, p.title, p.body) for a in doc.articles for p in a.posts}
    cppcc = "中国人民政治协商会议山西省晋城市委员会"
    assert ("娄小燕", "大会执行主席", None) in posts
    assert ("芮涛", "副主席", cppcc) in posts
    assert ("柯岩", "副主席", cppcc) in posts
    assert ("诸葛明", "党组成员", "中共晋城市人民代表大会常务委员会党组") in posts
