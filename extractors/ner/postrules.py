"""Post-rules over model spans, from general vocabulary and the corpus conventions.

Rule 1, surname before a title: the PFR convention tags a surname alone before a title as
PER (江主席 -> 江/PER).  Such forms are rare in the training half (188 single-char PER spans),
so the model under-predicts them.  A char that is a common Chinese surname, directly followed
by a common title and not inside any model span, becomes PER - unless the char before it
forms a dictionary word with it (为何主席..: 何 closes the word 为何).

Rule 2, enumerations: in a run of items joined by the enumeration comma 、 where at least two
items are exactly one model PER span and those make up at least half of the
run, an item with no span at all becomes PER when it looks like a name: 2-4 CJK chars
starting with a common surname (lists of officials in meeting reports are long and
the model drops rare names in the middle).  Trailing notes like （女） or （苗族） are skipped
and a last item is cut at 等.

Rule 2b, cut names: a model PER span of one char (a surname) that is neither followed by a
title nor by another span, but by one or two CJK chars and then a name boundary (punctuation,
、, or 等/为/说/的), is extended over those chars (孙天义、 -> not 孙 alone).  Likewise a PER
span that is a strict prefix of an enumeration item of 2-4 CJK chars (not the last item,
which runs on into the clause) is extended to the item.  Not when the added chars form a
dictionary word (赵外出, 李认为).

Rule 2c, transliterated names: the corpus keeps A·B names as one PER (137 times in training,
never as two adjacent PER spans), so PER · PER becomes one span, and a PER directly followed
by · and a run of CJK chars up to a boundary is extended over it.

Rule 2d, elections and appointments: in 选举/任命/推选/补选/增补 X 为 ..., the 2-4 CJK chars X
before the first 为 are a PER when they start with a common surname; spans overlapping X are
replaced (the model sometimes reads 安启元为省政协 as one body).

Rule 2e, names after titles: right after a title (书记, 主席, 省长 ...), 2-3 uncovered CJK chars
starting with a common surname and followed by a name boundary (punctuation, 、, 等, 在, 说 ...)
are a PER (省长舒圣佑等 -> 舒圣佑).

Rule 3, place + body suffix: a LOC span directly followed by a suffix that in training closes
ORGs made of a place plus that suffix (委, 政府, 军区, 外交部, 队 ...; learned by
``learn_rules.py`` and shipped as ``model/kg_postrules.json``) becomes one ORG span, swallowing
a model span that covers exactly the suffix.  Not when the suffix's last char starts a
dictionary word with the next char (中国队员: 队员).

Lists below are general vocabulary (the most common surnames; common titles/forms of address).
"""
from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int, str]

SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔汤"
)
TITLES = (
    "主席", "副主席", "总理", "副总理", "总书记", "书记", "副书记", "委员长", "部长", "副部长",
    "省长", "副省长", "市长", "副市长", "县长", "区长", "乡长", "镇长", "村长", "局长", "处长",
    "科长", "厂长", "校长", "院长", "所长", "站长", "社长", "会长", "主任", "副主任", "经理",
    "总经理", "董事长", "总裁", "司令", "司令员", "政委", "军长", "师长", "团长", "连长", "排长",
    "班长", "队长", "大使", "参赞", "领事", "总统", "首相", "议长", "先生", "女士", "小姐", "太太",
    "夫人", "同志", "老师", "教授", "院士", "博士", "医生", "大夫", "师傅", "大爷", "大妈", "大娘",
    "大姐", "大哥", "阿姨", "老汉", "老太", "元帅", "将军", "主编", "编辑",
    "记者", "律师", "法官", "检察长", "行长", "主任委员", "支书", "委员",
    "奶奶", "爷爷", "老伯", "首长", "指导", "教练", "兄弟", "姐姐", "哥哥", "叔叔", "婶婶",
)
_MAX_TITLE = max(map(len, TITLES))
_TITLES = set(TITLES)


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """Two-char words of the general jieba dictionary (to spot words like 为何, where the surname char belongs to the word before)."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        return frozenset(w for w in (line.split(" ", 1)[0] for line in fh) if len(w) == 2)


def surname_title(text: str, spans: list[Span]) -> list[Span]:
    """Spans for lone surnames before a title (rule 1)."""
    covered = bytearray(len(text) + 1)
    for s, e, _ in spans:
        covered[s:e] = b"\x01" * (e - s)
    words = _words()
    out: list[Span] = []
    for i, ch in enumerate(text[:-1]):
        if ch not in SURNAMES or covered[i]:
            continue
        if not any(text[i + 1:i + 1 + k] in _TITLES for k in range(1, _MAX_TITLE + 1)):
            continue
        if i and (covered[i - 1] or text[i - 1:i + 1] in words):
            continue
        if covered[i + 1]:
            continue
        out.append((i, i + 1, "PER"))
    return out


_ITEM_END = set("，,。；;：:！？!?“”\"《》「」 \n\t")
_NOTE = re.compile(r"[（(][^（）()]{1,6}[)）]$")
_CJK = re.compile(r"^[\u4e00-\u9fff·]+$")
_MAX_ITEM = {"PER": 4, "LOC": 6, "ORG": 10}
# Run over the training half with a model trained on it, the rule added 0 right and 12 wrong
# LOC/ORG items (部门 lists, abbreviations the corpus leaves untagged): PER only.
ENUM_LABELS = ("PER",)


def _enumerations(text: str) -> list[list[tuple[int, int]]]:
    """Runs of (start, end) items joined by 、 (items bounded by punctuation)."""
    runs: list[list[tuple[int, int]]] = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find("、", i)
        if j < 0:
            break
        # first item: back to the previous boundary
        k = j
        while k > 0 and text[k - 1] not in _ITEM_END and text[k - 1] != "、":
            k -= 1
        items = [(k, j)]
        pos = j + 1
        while True:
            e = pos
            while e < n and text[e] not in _ITEM_END and text[e] != "、":
                e += 1
            items.append((pos, e))
            if e < n and text[e] == "、":
                pos = e + 1
                continue
            break
        runs.append(items)
        i = items[-1][1] + 1
    return runs


def _trim(text: str, s: int, e: int, last: bool) -> tuple[int, int]:
    m = _NOTE.search(text, s, e)
    if m:
        e = m.start()
    if last:
        k = text.find("等", s, e)
        if k > s:
            e = k
    return s, e


def enumeration(text: str, spans: list[Span]) -> list[Span]:
    """Spans for unlabeled items of enumerations dominated by one label (rule 2)."""
    if "、" not in text:
        return []
    exact = {(s, e): label for s, e, label in spans}
    covered = bytearray(len(text) + 1)
    for s, e, _ in spans:
        covered[s:e] = b"\x01" * (e - s)
    out: list[Span] = []
    for run in _enumerations(text):
        items = [_trim(text, s, e, idx == len(run) - 1) for idx, (s, e) in enumerate(run)]
        labels = [exact.get(it) for it in items]
        for label in ENUM_LABELS:
            hits = labels.count(label)
            if hits < 2 or 2 * hits < len(items):
                continue
            for idx, (s, e) in enumerate(items):
                if labels[idx] is not None or any(covered[s:e]):
                    continue
                if not 2 <= e - s <= _MAX_ITEM[label] or not _CJK.match(text[s:e]):
                    continue
                if label == "PER" and text[s] not in SURNAMES:
                    continue
                if idx == 0 and s > 0 and text[s - 1] not in _ITEM_END:
                    continue  # first item runs into the clause before it: boundary unknown
                out.append((s, e, label))
    return out


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[dict[str, int], int]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent / "model" / "kg_postrules.json"
    if not path.exists():
        return {}, 0
    table = json.loads(path.read_text(encoding="utf-8")).get("org_suffixes", {})
    return table, max(map(len, table), default=0)


def place_suffix(text: str, spans: list[Span]) -> list[Span]:
    """Rule 3: merge LOC + trained ORG suffix into one ORG; returns the new span list."""
    table, max_len = _org_suffixes()
    if not table:
        return spans
    words = _words()
    starts = {s: (s, e, label) for s, e, label in spans}
    drop: set[Span] = set()
    add: list[Span] = []
    for span in sorted(spans):
        s, e, label = span
        if label != "LOC" or span in drop:
            continue
        for k in range(min(max_len, len(text) - e), 0, -1):
            suffix = text[e:e + k]
            if suffix not in table:
                continue
            end = e + k
            if any(s2 < end and e2 > e and (s2, e2) != (e, end) for s2, e2, _ in spans if s2 >= e):
                break  # another span overlaps the suffix: leave it
            if end < len(text) and text[end - 1:end + 1] in words:
                break
            inner = starts.get(e)
            if inner is not None and inner[1] == end:
                drop.add(inner)
            drop.add(span)
            add.append((s, end, "ORG"))
            break
    return [x for x in spans if x not in drop] + add


@lru_cache(maxsize=1)
def _body_suffixes() -> dict[str, tuple[str, ...]]:
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).with_name("body_suffixes.json")).read_text(encoding="utf-8"))
    return {"LOC": tuple(sorted(data["after_place"], key=len, reverse=True)),
            "ORG": tuple(sorted(data["after_body"], key=len, reverse=True))}


def body_suffix(text: str, spans: list[Span]) -> list[Span]:
    """Rule 3b: a place or body followed at once by an organ of general vocabulary is one ORG.

    Why: the model often stops at the place (河北省|人大, 衡阳市|教委) or the parent body
    (农业部|党组, 团中央|书记处); the corpus tags the whole as one ORG. The suffixes are general
    body vocabulary (body_suffixes.json), not strings learned from any sentence.
    """
    table = _body_suffixes()
    out = list(spans)
    for span in sorted(spans):
        s, e, label = span
        for suffix in table.get(label, ()):
            if text.startswith(suffix, e):
                end = e + len(suffix)
                if not any(x != span and x[0] < end and x[1] > e for x in out):
                    out.remove(span)
                    out.append((s, end, "ORG"))
                break
    return out


_NAME_END = set("，,。；;：:！？!?、（(“”\" 等为说的和与在")


def _title_at(text: str, i: int) -> bool:
    return any(text[i:i + k] in _TITLES for k in range(1, _MAX_TITLE + 1))


def extend_cut_names(text: str, spans: list[Span]) -> list[Span]:
    """Rule 2b: extend one-char PER spans (and PER prefixes of list items) to the full name."""
    starts = {s for s, _, _ in spans}
    words = _words()
    out: list[Span] = []
    n = len(text)
    for s, e, label in spans:
        if label == "PER" and e - s == 1 and text[s] in SURNAMES and not _title_at(text, e):
            for k in (2, 1):
                end = e + k
                if end > n or any(x in starts for x in range(e, end)):
                    continue
                if not _CJK.match(text[e:end]) or _title_at(text, e + 1) or text[e] in "家氏老小某":
                    continue
                if (k == 2 and text[e:end] in words) or (end < n and text[end - 1:end + 1] in words):
                    continue  # 赵外出 / 李认为: the chars form a word, not a given name
                if end == n or text[end] in _NAME_END:
                    e = end
                    break
        out.append((s, e, label))
    if "、" in text:
        items = {}
        for run in _enumerations(text):
            for a, b in run[:-1]:  # the last item runs on into the clause (王芳报道)
                a, b = _trim(text, a, b, False)
                items[a] = b
        fixed = []
        for s, e, label in out:
            b = items.get(s)
            if label == "PER" and b is not None and e < b <= s + 4 and _CJK.match(text[s:b]):
                if not any(s < x < b for x in starts):
                    e = b
            fixed.append((s, e, label))
        out = fixed
    return out


def join_dotted_names(text: str, spans: list[Span]) -> list[Span]:
    """Rule 2c: one PER span for A·B transliterated names."""
    if "·" not in text:
        return spans
    spans = sorted(spans)
    out: list[Span] = []
    starts = {s for s, _, _ in spans}
    for span in spans:
        s, e, label = span
        if out and label == "PER" and out[-1][2] == "PER" and out[-1][1] + 1 == s and text[s - 1] == "·":
            out[-1] = (out[-1][0], e, "PER")
            continue
        out.append(span)
    result: list[Span] = []
    for s, e, label in out:
        while label == "PER" and e + 1 < len(text) and text[e] == "·":
            j = e + 1
            while j < len(text) and "\u4e00" <= text[j] <= "\u9fff" and j not in starts and j - e <= 8:
                j += 1
            if j == e + 1 or (j < len(text) and text[j] not in _NAME_END and text[j] != "·"):
                break
            e = j
        result.append((s, e, label))
    return result


_APPOINT = re.compile(r"(?:选举|任命|推选|补选|增补|推举)([\u4e00-\u9fff]{2,5}?)为")


def appointments(text: str, spans: list[Span]) -> list[Span]:
    """Rule 2d: 选举 X 为 -> X is PER."""
    if "为" not in text:
        return spans
    out = list(spans)
    for m in _APPOINT.finditer(text):
        s, e = m.span(1)
        cut = text.find("等", s, e)
        if cut >= 0:  # 推举林默涵等为顾问
            e = cut
        if not 2 <= e - s <= 4 or text[s] not in SURNAMES:
            continue
        out = [x for x in out if x[1] <= s or x[0] >= e]
        out.append((s, e, "PER"))
    return out


_AFTER_NAME = tuple("，,。；;：:！？!?、（(“”\" 等在说和与及对向") + ("表示", "指出", "主持", "出席", "会见", "强调")
_LEAD_TITLES = tuple(t for t in TITLES if len(t) >= 2 and t not in ("先生", "女士", "小姐", "太太", "夫人", "同志", "师傅", "大爷", "大妈", "大娘", "大姐", "大哥", "阿姨", "老汉", "老太", "奶奶", "爷爷", "老伯", "兄弟", "姐姐", "哥哥", "叔叔", "婶婶", "指导", "首长"))
_NOT_IN_NAME = set("说等在和与及对向的是了也都就")


def names_after_titles(text: str, spans: list[Span]) -> list[Span]:
    """Rule 2e: title + surname-led 2-3 chars + boundary -> PER."""
    words = _words()
    covered = bytearray(len(text) + 1)
    for s, e, _ in spans:
        covered[s:e] = b"\x01" * (e - s)
    out = list(spans)
    n = len(text)
    for title in _LEAD_TITLES:
        pos = text.find(title)
        while pos >= 0:
            i = pos + len(title)
            pos = text.find(title, pos + 1)
            if i >= n or text[i] not in SURNAMES or covered[i]:
                continue
            for k in (3, 2):
                end = i + k
                if end > n or any(covered[i:end]) or not _CJK.match(text[i:end]):
                    continue
                if _NOT_IN_NAME.intersection(text[i:end]) or text[i:end] in words:
                    continue  # 许军说 / 曾经 / 方针: a verb or a word, not a name
                if end == n or text.startswith(_AFTER_NAME, end):
                    out.append((i, end, "PER"))
                    covered[i:end] = b"\x01" * k
                    break
    return out


_AUTONOMOUS = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族){0,3}自治(?:州|县|区|旗)")
_ROYAL = ("王子", "公主", "国王", "女王", "亲王")
_TRAILING_TITLES = tuple(sorted(set(TITLES) | set(_ROYAL), key=len, reverse=True))


def autonomous_places(text: str, spans: list[Span]) -> list[Span]:
    """Rule 8: a place followed by 布依族苗族自治州 / 自治县 is one place (黔南 + 布依族苗族自治州)."""
    out = []
    for s, e, label in spans:
        m = _AUTONOMOUS.match(text, e) if label == "LOC" else None
        if m and not any(x[0] < m.end() and x[1] > e for x in spans if x != (s, e, label)):
            e = m.end()
        out.append((s, e, label))
    return out


def split_joined_names(text: str, spans: list[Span]) -> list[Span]:
    """Rule 9: six characters read as one name are two three-character names (bylines: 宋某某陈某某).

    Only when both halves start with a single-character surname and nothing marks one long name
    (a middle dot, a compound surname).
    """
    compound = _compound_surnames()
    out: list[Span] = []
    for s, e, label in spans:
        w = text[s:e]
        if (label == "PER" and e - s == 6 and "·" not in w and w[0] in SURNAMES and w[3] in SURNAMES
                and not any(w.startswith(c) for c in compound)):
            out += [(s, s + 3, "PER"), (s + 3, e, "PER")]
        else:
            out.append((s, e, label))
    return out


def trim_titles(text: str, spans: list[Span]) -> list[Span]:
    """Rule 10: titles stay outside person spans, as the corpus has it (丁阿姨 -> 丁, 查尔斯王子 -> 查尔斯)."""
    out: list[Span] = []
    for s, e, label in spans:
        if label == "PER":
            w = text[s:e]
            title = next((t for t in _TRAILING_TITLES if w.endswith(t) and len(w) > len(t)), None)
            if title:
                e -= len(title)
        out.append((s, e, label))
    return out


@lru_cache(maxsize=1)
def _compound_surnames() -> tuple[str, ...]:
    """Compound surnames (欧阳, 司马 …) from the project's rule data (extractors/rules/surnames.json)."""
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).resolve().parent.parent / "rules" / "surnames.json").read_text(encoding="utf-8"))
    return tuple(data["compound"])


def apply_rules(text: str, spans: list[Span]) -> list[Span]:
    """Model spans plus rule spans, sorted by start."""
    spans = appointments(text, spans)
    spans = join_dotted_names(text, spans)
    spans = extend_cut_names(text, spans)
    spans = place_suffix(text, spans)
    spans = body_suffix(text, spans)
    spans = spans + surname_title(text, spans)
    spans = names_after_titles(text, spans)
    spans = sorted(spans + enumeration(text, spans))
    return sorted(trim_titles(text, split_joined_names(text, autonomous_places(text, spans))))
