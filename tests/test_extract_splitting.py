"""Article splitting of PDF page text: datelines, bylines, headlines before or after, continuations."""
from __future__ import annotations

from extractors.splitting import byline_names, headline_text, split

PAGE = """ 本地新闻

县政协召开党组会议
本报讯 4月2日，县政协召开党组会议。县政协党组书记、主席汪海涛主持。 （华 晨）

本报讯 4月2日下午，县人大常委会召开主任会议，审议有关事项。
（申 阳）

县人大常委会召开主任会议

（上接第一版） 要压实责任，抓好落实。 （裘 实）

关于表彰先进集体的决定
（2023年3月30日县委常委会会议通过）

为表彰先进，县委决定对下列集体予以表彰。
"""


def test_chunks_headlines_bylines_and_continuations():
    chunks = split(PAGE)
    by_byline = {c.byline: c for c in chunks if c.byline}
    assert headline_text(by_byline["华晨"]) == "县政协召开党组会议"
    assert headline_text(by_byline["申阳"]) == "县人大常委会召开主任会议"  # headline after the body
    assert by_byline["裘实"].continued
    doc = [c for c in chunks if headline_text(c) == "关于表彰先进集体的决定"]
    assert len(doc) == 1 and PAGE[doc[0].body_start:doc[0].body_end].startswith("为表彰先进")


def test_byline_names():
    assert byline_names("华 晨") == ["华晨"]
    assert byline_names("记者 张三 李四") == ["张三", "李四"]
    assert byline_names("草案") is None
    assert byline_names("2023年3月30日县委常委会会议通过") is None
