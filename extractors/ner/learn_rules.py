"""Statistics for the post-rules, learned from the *training* JSONL only.

ORG suffixes after a place: the corpus tags 贵州省委 / 南非外交部 / 中国队 as one ORG, while the
model often stops after the place name.  For every training ORG that starts with a string seen
as a LOC span in training, the rest is a candidate suffix (委, 政府, 军区, 外交部, 队...).  A
suffix is kept when it closes such an ORG at least ``min_count`` times and at least
``min_ratio`` times as often as it merely follows a LOC span that stays LOC.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

RULES_FILE = "kg_postrules.json"


def org_suffixes(records: list[dict], min_count: int = 3, min_ratio: float = 3.0) -> dict[str, int]:
    locs = Counter()
    for rec in records:
        for s, e, label in rec["entities"]:
            if label == "LOC":
                locs[rec["text"][s:e]] += 1
    closes: Counter[str] = Counter()
    follows: Counter[str] = Counter()
    for rec in records:
        text = rec["text"]
        for s, e, label in rec["entities"]:
            if label == "ORG":
                for k in range(min(e - s - 1, 8), 1, -1):
                    if text[s:s + k] in locs:
                        closes[text[s + k:e]] += 1
                        break
            elif label == "LOC":
                for k in range(1, 9):
                    if e + k <= len(text):
                        follows[text[e:e + k]] += 1
    return {
        suf: n for suf, n in closes.items()
        if n >= min_count and n >= min_ratio * follows.get(suf, 0) and len(suf) <= 8
    }


def write_rules(train_jsonl: Path, model_dir: Path) -> Path:
    with open(train_jsonl, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    out = model_dir / RULES_FILE
    out.write_text(json.dumps({"org_suffixes": org_suffixes(records)}, ensure_ascii=False, indent=0),
                   encoding="utf-8")
    return out
