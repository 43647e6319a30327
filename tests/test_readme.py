"""The README's promises: its example queries run on the sample page's store and answer something."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.store import KgStore

README = Path(__file__).resolve().parent.parent / "README.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_starts_with_the_two_commands():
    head = README.read_text(encoding="utf-8")[:600]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_readme_query_answers_on_the_sample(seed_store_dir, query):
    with KgStore(seed_store_dir, read_only=True) as store:
        rows = list(store.query(query))
    assert rows, query
