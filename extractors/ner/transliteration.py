"""The characters foreign names are transliterated with, learned from the *training* JSONL only.

Xinhua writes foreign names with a small set of characters (克, 尔, 斯, 特, 夫 …). A character is
kept when it occurs at least ``min_count`` times in training PER spans that are not Chinese names
(a middle dot, or three or more characters without a common Chinese surname) and at least
``min_share`` of all its occurrences fall there. Characters common in Chinese given names are then
left out by hand (`CHINESE_GIVEN`), so that a Chinese name is never taken for a transliteration.

    python -m extractors.ner.transliteration --data ../shared/data/pfr1998/ner_train.jsonl
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rules" / "transliteration.json"
CHINESE_GIVEN = set("健尉薄川洪毅恺阎井仁珠彦俊琳丘猛秉藤申谢郎胡")
# the standard transliteration table's characters that a month of 1998 news is too small to show
TABLE = "法戈福豪蕾娅斐京米列契什罗马林里利格基加西安艾伊约丹汉霍施舒维沙达黑宁佐乔杰汤威温凯肯柯康昆兰劳黎廉隆露门明奈内妮努欧潘佩皮珀恰切琼热茹若萨森史苏泰坦特图托威沃乌武希谢辛休雅扬伊尤于泽扎詹朱佐"


def translit_chars(records, common_surnames: str, min_count: int = 3, min_share: float = 0.05) -> str:
    foreign, every = Counter(), Counter()
    for rec in records:
        text = rec["text"]
        every.update(text)
        for s, e, label in rec["entities"]:
            name = text[s:e]
            if label == "PER" and ("·" in name or (len(name) >= 3 and name[0] not in common_surnames)):
                foreign.update(name.replace("·", ""))
    keep = [c for c, k in foreign.most_common()
            if k >= min_count and k / every[c] >= min_share and "\u4e00" <= c <= "\u9fff" and c not in CHINESE_GIVEN]
    return "".join(dict.fromkeys(keep + [c for c in TABLE if c not in CHINESE_GIVEN]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    surnames = json.loads((OUT.parent / "surnames.json").read_text(encoding="utf-8"))["single"][:300]
    chars = translit_chars(records, surnames)
    OUT.write_text(json.dumps({"_doc": __doc__.split("\n\n")[0] + " Made by extractors/ner/transliteration.py.",
                               "chars": chars}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {OUT}")


if __name__ == "__main__":
    main()
