"""Markdown transcripts and HTML pages: markup stripped, one article per heading, offsets still
pointing into the file as published."""
from __future__ import annotations

import re

import pytest

from extractors import extract_document
from extractors.markup import from_html, from_markdown
from kg.pipeline import build
from kg.store import KgStore

DAY = """# 《新闻联播》 (20240305)

## 新闻摘要

1.国务院总理李强主持召开国务院常务会议；

2.全国政协召开双周协商座谈会；

### 李强主持召开国务院常务会议

<p><strong>央视网消息</strong>（新闻联播）：国务院总理李强5日主持召开国务院常务会议，研究部署有关工作。国务院副总理何立峰、刘国中出席会议。</p><p>会议指出，要坚持稳中求进。&nbsp;</p>

[查看原文](https://example.org/a.shtml)

### 全国政协召开双周协商座谈会

<p><strong>央视网消息</strong>（新闻联播）：全国政协5日下午在京召开双周协商座谈会。<br></p><p>全国政协副主席张连生主持会议。委员王兰英、赵德华发言。</p>

[查看原文](https://example.org/b.shtml)
"""

PAGE = """<html><head><title>县人大</title><style>p{color:red}</style></head><body>
<div class="nav">首页 &gt; 新闻</div>
<h1>县人大常委会召开第十二次会议</h1>
<p>本报讯（记者 周明）3月5日，县十八届人大常委会召开第十二次会议。县人大常委会主任刘春生主持会议，副主任陈立群、孙小海出席会议。</p>
<p>会议听取了县人民政府关于财政工作情况的报告。</p>
</body></html>
"""


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_markdown_offsets_point_into_the_original():
    plain = from_markdown(DAY)
    assert len(plain.omap) == len(plain.text)
    for i, ch in enumerate(plain.text):
        if not ch.isspace():
            assert DAY[plain.omap[i]] == ch
    assert "查看原文" not in plain.text and "<p>" not in plain.text and "&nbsp;" not in plain.text
    assert "新闻摘要" not in plain.text  # a table of contents is not an article


@pytest.fixture(scope="module")
def day_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "20240305.md"
    path.write_text(DAY, encoding="utf-8")
    return extract_document(path), DAY


def test_one_article_per_item(day_doc):
    doc, _ = day_doc
    assert [a.headline for a in doc.articles] == ["李强主持召开国务院常务会议", "全国政协召开双周协商座谈会"]
    assert doc.date_published == "2024-03-05"


def test_evidence_is_quoted_from_the_markdown_file(day_doc):
    doc, raw = day_doc
    seen = 0
    for article in doc.articles:
        assert raw[article.start:article.end].startswith(article.headline)
        for person in article.persons:
            for ev in person.mentions:
                assert squash(raw[ev.start:ev.end]) == squash(ev.text) == person.name
                seen += 1
    assert seen >= 4
    names = {p.name for a in doc.articles for p in a.persons}
    assert {"李强", "何立峰", "刘国中", "张连生"} <= names


def test_chair_and_attendees_from_a_markdown_item(day_doc):
    doc, _ = day_doc
    first = doc.articles[0]
    roles = {(p.person, p.role) for p in first.participations}
    assert ("李强", "chair") in roles
    assert {("何立峰", "attendee"), ("刘国中", "attendee")} <= roles


def test_html_page(tmp_path):
    plain = from_html(PAGE)
    assert "color:red" not in plain.text and "<h1>" not in plain.text and "首页 > 新闻" in plain.text
    path = tmp_path / "20240306.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = extract_document(path)
    persons = {p.name: p for a in doc.articles for p in a.persons}
    assert {"刘春生", "陈立群", "孙小海"} <= set(persons)
    for p in persons.values():
        for ev in p.mentions:
            assert squash(PAGE[ev.start:ev.end]) == p.name
    assert "周明" in {r for a in doc.articles for r in a.reporters}


def test_folder_build_reads_markdown_and_html(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "20240305.md").write_text(DAY, encoding="utf-8")
    (src / "20240306.html").write_text(PAGE, encoding="utf-8")
    with KgStore(tmp_path / "store") as store:
        report = build([src], store)
    assert len(report.built) == 2 and report.articles >= 3
