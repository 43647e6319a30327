"""Post-rules over model spans, from general vocabulary and the corpus conventions.

Rule 1, surname before a title: the PFR convention tags a surname alone before a title as
PER (江主席 -> 江/PER).  Such forms are rare in the training half (188 single-char PER spans),
so the model under-predicts them.  A char that is a common Chinese surname, directly followed
by a common title and not inside any model span, becomes PER - unless the char before it
forms a dictionary word with it (为何主席..: 何 closes the word 为何).
Lists below are general vocabulary (the most common surnames; common titles/forms of address).
"""
from __future__ import annotations

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


def apply_rules(text: str, spans: list[Span]) -> list[Span]:
    """Model spans plus rule spans, sorted by start."""
    return sorted(spans + surname_title(text, spans))
