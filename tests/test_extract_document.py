"""End to end: files in, records out; evidence offsets point into the original text."""
from __future__ import annotations

import re

import pytest

from extractors import EmptyInputError, InputDecodeError, extract_document, extract_text

PAGE = """ 综合新闻

本报讯 6 月 3 日上午，市政协召开十二届五次常委会议。市
政协主席卢振华主持会议，副主席
龚
雪莲、严海波出席。

会议听取了关于全市营商环境建设情况的通报。 （蒋 丽）

市政协召开常委会议

（上接第一版） 范国庆强调，要压实工作责任，确保各项任务落地见效。

（田野）
"""

NATIONAL = """国务院召开常务会议
新华社北京3月8日电 国务院总理李强8日主持召开国务院常务会议，研究部署加快发展现代化产业体系有关工作。
国务院副总理何立峰、刘国中出席会议。
会议指出，要坚持稳中求进工作总基调。
"""


@pytest.fixture(scope="module")
def page():
    return extract_text(PAGE, source="ycrb_20230604_02.txt", locale="山西省运城市")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_articles_split_with_trailing_headline_and_continuation(page):
    heads = [a.headline for a in page.articles if a.events or a.reporters]
    assert "市政协召开常委会议" in heads
    cont = [a for a in page.articles if a.continued]
    assert len(cont) == 1 and cont[0].reporters == ("田野",)
    assert page.date_published == "2023-06-04"


def test_wrapped_names_and_offsets_map_back(page):
    for a in page.articles:
        for p in a.persons:
            for ev in p.mentions:
                assert squash(PAGE[ev.start:ev.end]) == ev.text
                assert ev.text == p.name or ev.text[0] == p.name[0]  # full name or 卢主席
        for part in a.participations:
            assert squash(PAGE[part.evidence.start:part.evidence.end]) == squash(part.evidence.text)
    names = {p.name for a in page.articles for p in a.persons}
    assert {"卢振华", "龚雪莲", "严海波", "蒋丽", "范国庆"} <= names


def test_roles_and_event_of_local_page(page):
    a = next(a for a in page.articles if a.events)
    ev = next(e for e in a.events if e.kind == "standing_committee_meeting")
    assert ev.label == "市政协十二届五次常委会议"
    assert ev.name == "中国人民政治协商会议山西省运城市第十二届委员会第五次常务委员会会议"
    assert ev.date == "2023-06-03" and ev.time_of_day == "上午"
    got = sorted((p.role, p.person, p.position) for p in a.participations)
    assert got == [("attendee", "严海波", 2), ("attendee", "龚雪莲", 1), ("chair", "卢振华", 1)]
    assert a.reporters == ("蒋丽",)


def test_body_aliases(page):
    bodies = {b.name: b for a in page.articles for b in a.bodies}
    assert "市政协" in bodies["中国人民政治协商会议山西省运城市委员会"].aliases


def test_national_news_state_council_meeting():
    doc = extract_text(NATIONAL, source="xinhua.txt")
    a = doc.articles[0]
    assert a.dateline == "新华社北京3月8日电"
    ev = next(e for e in a.events if e.name == "国务院常务会议")
    assert ev.date == "2024-03-08" or ev.date is None  # no year known: never invented
    chairs = [p.person for p in a.participations if p.role == "chair"]
    attendees = [p.person for p in a.participations if p.role == "attendee"]
    assert chairs == ["李强"] and attendees == ["何立峰", "刘国中"]
    posts = {(p.person, p.title, p.body) for p in a.posts}
    assert ("李强", "总理", "国务院") in posts


def test_national_news_with_date_argument():
    doc = extract_text(NATIONAL, source="xinhua.txt", date="2024-03-09")
    ev = next(e for a in doc.articles for e in a.events if e.name == "国务院常务会议")
    assert ev.date == "2024-03-08"


def test_gb18030_file(tmp_path):
    f = tmp_path / "page_20240110.txt"
    f.write_bytes(NATIONAL.encode("gb18030"))
    doc = extract_document(f)
    assert doc.encoding == "gb18030"
    assert any(p.person == "李强" for a in doc.articles for p in a.participations)


def test_binary_and_empty_files(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\xff\xfe\x81" * 200)
    with pytest.raises(InputDecodeError, match="x.txt: not UTF-8 or GB18030 text"):
        extract_document(bad)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"\n \n")
    with pytest.raises(EmptyInputError):
        extract_document(empty)


STATE_PLENARY = """新华社北京3月17日电 国务院总理李强17日主持召开新一届国务院第一次全体会议。李强强调，要抓好落实。
国务院副总理丁薛祥、何立峰，国务委员吴政隆、谌贻琴出席会议。
"""


def test_plenary_of_state_council_with_modifier_and_names_with_zheng():
    doc = extract_text(STATE_PLENARY, source="xh_20230318.txt")
    a = doc.articles[0]
    ev = next(e for e in a.events if e.kind == "plenary")
    assert ev.name == "国务院第一次全体会议" and ev.date == "2023-03-17"
    got = {(p.role, p.person) for p in a.participations}
    assert {("chair", "李强"), ("speaker", "李强"), ("attendee", "吴政隆"), ("attendee", "谌贻琴")} <= got
    assert ("attendee", "李强") not in got


def test_pdf_page_with_interleaved_column_and_headline_after():
    text = (" 本报讯 5月\n9 日下午，县\n政协召开主席\n会议。\n 县政协主席\n司马红英主\n持会议。 （杜 鹃）\n\n"
            "县政协召开主席会议\n")
    doc = extract_text(text, source="p_20220510.txt", locale="安徽省宿州市灵璧县")
    a = next(a for a in doc.articles if a.events)
    assert a.headline == "县政协召开主席会议" and a.reporters == ("杜鹃",)
    chair = [p for p in a.participations if p.role == "chair"][0]
    assert chair.person == "司马红英" and chair.event_date == "2022-05-09"
    assert squash(text[chair.evidence.start:chair.evidence.end]) == "司马红英"


def test_today_is_the_dateline_day_and_short_mentions_resolve():
    text = ("新华社北京1月20日电 国务院总理李强今天上午主持召开国务院常务会议。李总理强调，要稳增长。\n"
            "（新华社记者 韩 梅）\n")
    doc = extract_text(text, source="xh_20240121.txt")
    a = doc.articles[0]
    ev = next(e for e in a.events if e.name == "国务院常务会议")
    assert (ev.date, ev.time_of_day) == ("2024-01-20", "上午")
    li = next(p for p in a.persons if p.name == "李强")
    assert [m.text for m in li.mentions] == ["李强", "李总理"]
    assert ("speaker", "李强") in {(p.role, p.person) for p in a.participations}
    assert a.reporters == ("韩梅",)


def test_national_session_opening_with_rostrum_lists_and_quorum():
    text = ("十四届全国政协二次会议闭幕\n\n大会通过政治决议\n\n"
            "新华社北京3月10日电 中国人民政治协商会议第十四届全国委员会第二次会议10日上午在人民大会堂闭幕。\n"
            "大会执行主席沈跃跃、王勇在主席台执行主席席就座。\n"
            "赵乐际、蔡奇和大会主席团常务委员在主席台就座。应出席委员2169人，实到2089人。\n")
    doc = extract_text(text, source="xh_20240311.txt")
    assert len([a for a in doc.articles if a.events]) == 1
    a = next(a for a in doc.articles if a.events)
    assert a.headline.startswith("十四届全国政协二次会议闭幕")
    ev = next(e for e in a.events if e.kind == "session")
    assert (ev.date, ev.expected, ev.present) == ("2024-03-10", 2169, 2089)
    att = [p.person for p in a.participations if p.role == "attendee"]
    assert att == ["沈跃跃", "王勇", "赵乐际", "蔡奇"]
    assert {p.name for p in a.persons} == {"沈跃跃", "王勇", "赵乐际", "蔡奇"}


def test_activity_without_meeting_noun_is_named_by_its_headline():
    text = ("市科技成果转化中心揭牌\n本报讯 2024年4月2日上午，市科技成果转化中心在高新区揭牌。"
            "副市长荀明、市政协副主席郦芳出席。\n")
    doc = extract_text(text, source="x.txt", locale="山西省阳泉市")
    a = doc.articles[0]
    assert [(e.label, e.date) for e in a.events] == [("市科技成果转化中心揭牌", "2024-04-02")]
    assert [(p.role, p.person) for p in a.participations] == [("attendee", "荀明"), ("attendee", "郦芳")]
