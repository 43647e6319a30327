"""Pick the development articles by a fixed seed, among real articles that report a meeting,
election, appointment, talks or inspection — never by what the system gets right.

    python benchmarks/devgold/choose.py [--news ../shared/data/news]

Prints the chosen xwlb items (day file + headline) and pd1998 files, and which half each falls in.
The choice depends only on the corpus and SEED, so anyone can redo it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

SEED = 20261201
N_XWLB = 27
N_PD1998 = 17
N2_XWLB = 20
N2_PD1998 = 10
MAX_CHARS = 3500  # annotation by hand stays feasible; the body length says nothing of the system
LEAD = 250  # the headline and lead say what an article reports; a passing mention does not count
KIND = re.compile(r"会议|会见|会谈|通电话|当选|选举|任命|考察|调研|座谈会|出席|主持|全会|代表大会")


def xwlb_items(folder: Path):
    """Yield (day file name, headline, text) for each `### headline` item of every day."""
    for day in sorted(folder.glob("*.md")):
        parts = re.split(r"^### ", day.read_text(encoding="utf-8"), flags=re.M)
        for part in parts[1:]:
            headline, _, body = part.partition("\n")
            yield day.name, headline.strip(), body


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>|\[查看原文\]\([^)]*\)|&nbsp;", "", text)


def choose_xwlb(folder: Path, seed: int = SEED, n: int = N_XWLB, skip: set = frozenset()) -> list[tuple[str, str]]:
    pool = [(d, h) for d, h, b in xwlb_items(folder)
            if "快讯" not in h and KIND.search(h + plain(b)[:LEAD]) and 150 <= len(plain(b)) <= MAX_CHARS]
    pool = [x for x in pool if x not in skip]
    return random.Random(seed).sample(pool, n)


def choose_pd1998(folder: Path, seed: int = SEED, n: int = N_PD1998, skip: set = frozenset()) -> list[str]:
    pool = []
    for f in sorted(folder.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        if KIND.search(text[:LEAD]) and 150 <= len(text) <= MAX_CHARS:
            pool.append(f.name)
    pool = [x for x in pool if x not in skip]
    return random.Random(seed).sample(pool, n)


def half_of(article_id: str) -> str:
    """Tune (two thirds) or check (one third), by a seeded hash of the id: an article's half never
    changes when others are added."""
    h = int(hashlib.sha1(f"{SEED}:{article_id}".encode()).hexdigest(), 16)
    return "check" if h % 3 == 0 else "tune"


def write_split(gold: Path) -> dict[str, str]:
    ids = sorted(json.loads(p.read_text(encoding="utf-8"))["document"]["id"] for p in gold.glob("*.json"))
    halves = {i: half_of(i) for i in ids}
    (gold.parent / "split.json").write_text(json.dumps(halves, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return halves


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(Path(__file__).resolve().parents[3] / "shared/data/news"))
    ap.add_argument("--batch2", action="store_true", help="also the second draw")
    ap.add_argument("--split", action="store_true", help="write split.json for the gold files present")
    args = ap.parse_args()
    if args.split:
        halves = write_split(Path(__file__).resolve().parent / "gold")
        print(f"{sum(v == 'tune' for v in halves.values())} tune, {sum(v == 'check' for v in halves.values())} check")
        return
    news = Path(args.news)
    first_x, first_p = choose_xwlb(news / "xwlb"), choose_pd1998(news / "pd1998")
    batches = [(first_x, first_p)]
    if args.batch2:  # a second draw, with the next seed, of articles not drawn before
        batches.append((choose_xwlb(news / "xwlb", SEED + 1, N2_XWLB, set(first_x)),
                        choose_pd1998(news / "pd1998", SEED + 1, N2_PD1998, set(first_p))))
    for k, (xs, ps) in enumerate(batches, 1):
        for day, headline in xs:
            print(f"{k}\txwlb\t{day}\t{headline}")
        for name in ps:
            print(f"{k}\tpd1998\t{name}")


if __name__ == "__main__":
    main()
