"""Shared fixtures: real stores built from real text (no mocks)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "000_4de6902b1dfc0275.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store on disk built once from the sample page, opened read-only by the tests that use it."""
    from kg.pipeline import build
    from kg.store import KgStore

    path = tmp_path_factory.mktemp("seed") / "store"
    with KgStore(path) as store:
        build([SEED], store)
    return path
