"""Tests for the statistical NER (extractors.ner): loading, span alignment, hard cases, JSONL.

The hard-case sentences below were written for these tests (not taken from the corpus).
Each group is scored by recall of its expected spans (exact start, end and label) and must
reach its threshold; the failure message lists the cases that missed.
"""
from __future__ import annotations

import io
import json

import pytest

from extractors.ner import LABELS, NERInputError, annotate_jsonl, load_ner, recognize

Case = tuple[str, list[tuple[str, str]]]

HARD_CASES: dict[str, tuple[float, list[Case]]] = {
    "name_lists": (0.75, [
        ("王建国、李秀英、赵立新、陈志明等出席了座谈会。",
         [("王建国", "PER"), ("李秀英", "PER"), ("赵立新", "PER"), ("陈志明", "PER")]),
        ("参加会见的还有刘海涛、孙丽华、周国强和郑晓东。",
         [("刘海涛", "PER"), ("孙丽华", "PER"), ("周国强", "PER"), ("郑晓东", "PER")]),
        ("获奖者包括黄振宇、林美玲、何志远等十二人。",
         [("黄振宇", "PER"), ("林美玲", "PER"), ("何志远", "PER")]),
    ]),
    "title_chains": (0.75, [
        ("省委常委、市委书记刘振华在会上讲话。", [("刘振华", "PER")]),
        ("中共中央政治局委员、国务院副总理张德明出席开幕式。", [("张德明", "PER")]),
        ("全国政协副主席、民盟中央主席吴克勤会见了代表团。", [("吴克勤", "PER")]),
        ("市人大常委会主任、党组书记何立平主持了会议。", [("何立平", "PER")]),
        ("大会选举孙明远为市长，周丽娟为副市长。", [("孙明远", "PER"), ("周丽娟", "PER")]),
    ]),
    "foreign_names": (0.6, [
        ("美国国务卿布林肯抵达北京。", [("美国", "LOC"), ("布林肯", "PER"), ("北京", "LOC")]),
        ("俄罗斯总统普京在莫斯科会见了来访的客人。", [("俄罗斯", "LOC"), ("普京", "PER"), ("莫斯科", "LOC")]),
        ("法国外长韦德里纳表示，法国支持这项倡议。", [("法国", "LOC"), ("韦德里纳", "PER")]),
        ("联合国秘书长安南对日本进行正式访问。", [("联合国", "ORG"), ("安南", "PER"), ("日本", "LOC")]),
    ]),
    "two_char_names": (0.5, [
        ("本报记者高峰报道。", [("高峰", "PER")]),
        ("副市长方正主持了今天的会议。", [("方正", "PER")]),
        ("老党员田野同志今年八十岁。", [("田野", "PER")]),
        ("总经理江河向大家介绍了情况。", [("江河", "PER")]),
    ]),
    "nested_bodies": (0.6, [
        ("国务院新闻办公室今天举行新闻发布会。", [("国务院新闻办公室", "ORG")]),
        ("中国人民银行上海分行发布了统计数据。", [("中国人民银行上海分行", "ORG")]),
        ("北京大学化学系的学生参加了竞赛。", [("北京大学化学系", "ORG")]),
        ("全国人大常委会法制工作委员会召开座谈会。", [("全国人大常委会法制工作委员会", "ORG")]),
    ]),
}


def _expected(text: str, items: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    out = set()
    pos = 0
    for surface, label in items:
        start = text.find(surface, pos)
        if start < 0:
            start = text.index(surface)
        out.add((start, start + len(surface), label))
        pos = start + len(surface)
    return out


@pytest.fixture(scope="module")
def nlp():
    return load_ner()


def test_model_loads_as_char_pipeline(nlp) -> None:
    assert nlp.lang == "zh"
    assert nlp.pipe_names[-1] == "ner"
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    assert [t.text for t in nlp.make_doc("国务院")] == ["国", "务", "院"]


def test_component_sources_into_blank_zh(nlp) -> None:
    import spacy

    other = spacy.blank("zh")
    other.add_pipe("ner", source=nlp)
    doc = other("美国国务卿布林肯抵达北京。")
    assert {(e.text, e.label_) for e in doc.ents} >= {("北京", "LOC")}


def test_spans_align_to_characters() -> None:
    texts = [
        "江主席在北京会见了美国总统。",
        "１９９８年１月，上海市 人民政府  召开会议。",
        "",
        "   ",
        "no Chinese here at all",
        "中国共产党第十五次全国代表大会在北京举行，江泽民作报告。" * 3,
    ]
    results = recognize(texts)
    assert len(results) == len(texts)
    assert results[2] == [] and results[3] == []
    for text, spans in zip(texts, results):
        last_end = 0
        for start, end, label in spans:
            assert label in LABELS
            assert 0 <= start < end <= len(text)
            assert start >= last_end, "spans overlap or are unsorted"
            assert text[start:end].strip() == text[start:end]
            last_end = end
    assert (4, 6, "LOC") in results[0]


def test_halfwidth_and_fullwidth_digits_agree() -> None:
    full, half = recognize(["１９９８年１月５日，李鹏总理在北京会见了客人。", "1998年1月5日，李鹏总理在北京会见了客人。"])
    assert full == half


@pytest.mark.parametrize("group", sorted(HARD_CASES))
def test_hard_cases(group: str) -> None:
    threshold, cases = HARD_CASES[group]
    preds = recognize([text for text, _ in cases])
    found = total = 0
    misses = []
    for (text, items), pred in zip(cases, preds):
        gold = _expected(text, items)
        hit = gold & set(pred)
        found += len(hit)
        total += len(gold)
        if hit != gold:
            got = [(text[s:e], label) for s, e, label in pred]
            misses.append(f"{text} -> missed {[(text[s:e], l) for s, e, l in sorted(gold - hit)]}, got {got}")
    recall = found / total
    assert recall >= threshold, f"{group}: recall {recall:.2f} < {threshold}; " + " | ".join(misses)


def test_annotate_jsonl_keeps_fields() -> None:
    src = io.StringIO(
        json.dumps({"id": 7, "text": "李鹏总理在北京会见了客人。", "entities": [[0, 1, "X"]]}, ensure_ascii=False)
        + "\n\n"
        + json.dumps({"id": 8, "text": ""}) + "\n"
    )
    out = io.StringIO()
    assert annotate_jsonl(src, out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in lines] == [7, 8]
    assert [5, 7, "LOC"] in lines[0]["entities"]
    assert all(isinstance(x, list) and len(x) == 3 for x in lines[0]["entities"])
    assert lines[1]["entities"] == []


@pytest.mark.parametrize("bad", ['{"text": 5}', "not json", '["text"]'])
def test_annotate_jsonl_names_bad_line(bad: str) -> None:
    src = io.StringIO('{"text": "北京"}\n' + bad + "\n")
    with pytest.raises(NERInputError, match="line 2"):
        annotate_jsonl(src, io.StringIO())


def test_fast_doc_path_matches_tokenizer(nlp) -> None:
    from extractors.ner import _make_doc

    for text in ("国务院新闻办公室今天举行发布会。", "ａ b\u3000中国", "  两头空格  "):
        fast, slow = _make_doc(nlp, text), nlp.make_doc(text)
        assert [(t.text, t.whitespace_) for t in fast] == [(t.text, t.whitespace_) for t in slow]


def test_place_or_body_followed_by_an_organ_is_one_body():
    from extractors.ner import recognize

    for text, body in [("湖南省衡阳市教委近日召开会议。", "衡阳市教委"), ("农业部党组书记在会上讲话。", "农业部党组"), ("福州市总工会举行活动。", "福州市总工会")]:
        found = [text[s:e] for s, e, label in recognize([text])[0] if label == "ORG"]
        assert body in found, (text, found)


def test_postrules_keep_titles_out_split_joined_bylines_and_join_autonomous_prefectures():
    from extractors.ner.postrules import autonomous_places, split_joined_names, trim_titles

    text = "丁阿姨笑了"
    assert trim_titles(text, [(0, 3, "PER")]) == [(0, 1, "PER")]
    text = "（赵立新钱学军）"
    assert split_joined_names(text, [(1, 7, "PER")]) == [(1, 4, "PER"), (4, 7, "PER")]
    assert split_joined_names("欧阳明华立新", [(0, 6, "PER")]) == [(0, 6, "PER")]  # compound surname: one name
    text = "他到黔东南苗族侗族自治州考察"
    assert autonomous_places(text, [(2, 5, "LOC")]) == [(2, 12, "LOC")]
