"""Extraction on the hand-annotated articles of tests/data/articles, scored by the evaluation kit.

These articles (national and local news of many kinds, none from the sample page) guard against
rules that only fit one page. The scorer is the project's evaluation kit in ../shared/eval.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score_graph.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the evaluation kit (../shared/eval) is not beside the checkout")
def test_hand_annotated_articles_score_well_on_every_kind():
    import importlib.util
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import score_articles
    finally:
        sys.path.pop(0)
    spec = importlib.util.spec_from_file_location("score_graph", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    _, summary = score_articles.score_all(scorer)
    figures = dict(item.split("=") for item in summary.split()[1:])
    assert float(figures["f1_macro"]) >= 0.9, summary
    assert min(float(v) for v in figures.values()) >= 0.75, summary
