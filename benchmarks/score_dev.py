"""Score extraction on the development gold (real articles, `benchmarks/devgold/`), both halves.

    python benchmarks/score_dev.py [--verbose] [--only ID ...] [--eval ../shared/eval]

Each article is written to a file named as published (`.md` for an xwlb item, `.txt` otherwise),
built with `kg.pipeline.build` into a fresh store, exported as N-Triples and scored with the
evaluation kit's `score_graph.py` — the same path as `kg build` + `kg export` + the scorer.
Prints a line per article, then per-kind P/R/F1 and a `SCORE f1_macro=…` line for the tune half and
for the check half. `--verbose` lists misses and spurious facts for tune articles only: rules are
written from the tune half; the check half is only scored.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.pipeline import build
from kg.store import KgStore

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "devgold"))
from sources import article_text  # noqa: E402

GOLD = HERE / "devgold" / "gold"
SPLIT = HERE / "devgold" / "split.json"


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_graph", eval_dir / "score_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def file_name(gold: dict, suffix: str) -> str:
    """A name carrying the publication date (kg reads it from the file name) and the article id."""
    doc = gold["document"]
    date = (doc.get("date") or "").replace("-", "")
    return f"{date + '-' if date else ''}{doc['id']}{suffix}"


def graph_of(gold: dict, work: Path) -> Graph:
    """Build one article the way `kg build` does and read back its export."""
    suffix, text = article_text(gold["document"]["source"])
    folder = work / gold["document"]["id"]
    folder.mkdir()
    path = folder / file_name(gold, suffix)
    path.write_text(text, encoding="utf-8")
    with KgStore(folder / "store") as store:
        build([path], store)
        store.export("nt", folder / "out.nt")
    g = Graph()
    g.parse(folder / "out.nt", format="nt")
    return g


def spurious_events(scorer, g: Graph, gold: dict) -> list[str]:
    """System events no gold event matches (the scorer's own rule: name similarity >= 0.3, same date)."""
    from rdflib.namespace import RDF
    out = []
    for e in set(g.subjects(RDF.type, scorer.SCHEMA.Event)):
        names = scorer.labels(g, e)
        dates = {str(d)[:10] for d in g.objects(e, scorer.SCHEMA.startDate)}
        if not any(max((scorer.sim(a, b) for a in (ge.get("name", ""), ge.get("canonical", "")) if a for b in names),
                       default=0.0) >= 0.3 and not ((ge.get("date") or "")[:10] and dates and (ge.get("date") or "")[:10] not in dates)
                   for ge in gold.get("events", [])):
            out.append(f"{min(names, key=len) if names else e} {sorted(dates)}")
    return sorted(out)


def add(total: dict, counts: dict) -> None:
    for k, v in counts.items():
        t = total.get(k, (0, 0, 0))
        total[k] = tuple(a + b for a, b in zip(t, v))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(HERE.parents[1] / "shared" / "eval"), help="the evaluation kit")
    ap.add_argument("--verbose", action="store_true", help="misses and spurious facts (tune half only)")
    ap.add_argument("--only", nargs="*", help="article ids to score")
    args = ap.parse_args()
    scorer = load_scorer(Path(args.eval))
    halves = json.loads(SPLIT.read_text(encoding="utf-8"))
    golds = sorted(GOLD.glob("*.json"))
    totals: dict[str, dict] = {"tune": {}, "check": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for path in golds:
            gold = json.loads(path.read_text(encoding="utf-8"))
            aid = gold["document"]["id"]
            if args.only and aid not in args.only:
                continue
            half = halves.get(aid)
            if half is None:
                print(f"{aid}: not in split.json, skipped", file=sys.stderr)
                continue
            g = graph_of(gold, Path(tmp))
            detail = io.StringIO()
            with contextlib.redirect_stdout(detail):
                counts = scorer.score(g, gold, verbose=args.verbose and half == "tune")
                line = scorer.summarize(counts)
            add(totals[half], counts)
            print(f"{half:<5} {aid:<28} {line}")
            if args.verbose and half == "tune":
                print("\n".join(l for l in detail.getvalue().splitlines() if l.startswith("    ")))
                for label in spurious_events(scorer, g, gold):
                    print(f"    events spurious {label}")
    for half in ("tune", "check"):
        if totals[half]:
            print(f"\n== {half} half ({sum(1 for v in halves.values() if v == half)} articles)")
            print(scorer.summarize(totals[half]))


if __name__ == "__main__":
    main()
