"""Score the graph of each hand-annotated article in tests/data/articles with the evaluation kit.

The articles there were written for kg (national and local news of several kinds, not the sample
page), each with a gold file in the sample page's gold format. This prints the scorer's summary per
article and for all of them together: a check on text nobody tuned the rules to.

    python benchmarks/score_articles.py [--scorer ../shared/eval/score_graph.py] [--verbose]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "tests" / "data" / "articles"
SCORER = HERE.parent.parent / "shared" / "eval" / "score_graph.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_graph", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_all(scorer, verbose: bool = False) -> tuple[dict[str, str], str]:
    from rdflib import Graph

    from kg.pipeline import build
    from kg.store import KgStore

    total: Counter = Counter()
    sums: dict[str, list[int]] = {}
    lines = {}
    for txt in sorted(ARTICLES.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            with KgStore(Path(tmp) / "s") as store:
                build([txt], store)
                store.export("nt", Path(tmp) / "g.nt")
            g = Graph().parse(Path(tmp) / "g.nt", format="nt")
        counts = scorer.score(g, gold, verbose=verbose)
        for k, v in counts.items():
            acc = sums.setdefault(k, [0, 0, 0])
            for i in range(3):
                acc[i] += v[i]
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            lines[txt.name] = scorer.summarize(counts)
    summary = scorer.summarize({k: tuple(v) for k, v in sums.items()})
    return lines, summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not args.scorer.exists():
        sys.exit(f"scorer not found: {args.scorer}")
    lines, summary = score_all(load_scorer(args.scorer), args.verbose)
    for name, line in lines.items():
        print(f"{name:<36} {line}")
    print(summary)


if __name__ == "__main__":
    main()
