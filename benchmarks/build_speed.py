"""End-to-end build speed: text files → extractors → RDF → Oxigraph store.

Groups the sentences of a PFR JSONL file (default: ../shared/data/pfr1998/ner_train.jsonl, about
3 MB) into article files of ~40 sentences, each with a headline line, writes them to a temp folder
and times `kg.pipeline.build` over the folder. Prints characters per second, articles per second and
peak memory, and a profile of where the time goes (extraction vs RDF vs store).

    python benchmarks/build_speed.py [--data FILE] [--limit N] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "pfr1998" / "ner_train.jsonl"


def write_articles(data: Path, out: Path, per_article: int = 40, limit: int | None = None) -> tuple[int, int]:
    """Write article files; returns (files, characters)."""
    texts = [json.loads(line)["text"] for line in data.open(encoding="utf-8") if line.strip()]
    if limit:
        texts = texts[:limit]
    files = chars = 0
    for i in range(0, len(texts), per_article):
        chunk = texts[i : i + per_article]
        body = chunk[0][:20] + "\n" + "\n".join(chunk) + "\n"
        (out / f"1998-01-{1 + files % 28:02d}_{files:05d}.txt").write_text(body, encoding="utf-8")
        files += 1
        chars += len(body)
    return files, chars


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    ap.add_argument("--profile", action="store_true", help="print the 25 most expensive functions")
    args = ap.parse_args()

    from kg.pipeline import build
    from kg.store import KgStore

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        files, chars = write_articles(args.data, src, limit=args.limit)
        prof = cProfile.Profile() if args.profile else None
        with KgStore(Path(tmp) / "store") as store:
            t0 = time.perf_counter()
            if prof:
                prof.enable()
            report = build([src], store)
            if prof:
                prof.disable()
            secs = time.perf_counter() - t0
            triples = store.triple_count()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files            {files}")
    print(f"articles         {report.articles}")
    print(f"characters       {chars}")
    print(f"triples          {triples}")
    print(f"seconds          {secs:.2f}")
    print(f"chars/s          {chars / secs:,.0f}")
    print(f"articles/s       {report.articles / secs:,.1f}")
    print(f"peak memory MB   {peak_mb:,.0f}")
    if prof:
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
