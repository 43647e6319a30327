from pathlib import Path

import pytest

from kg import vocab_gen
from kg.vocab import PBE


def test_generated_vocabulary_matches_the_ontology():
    generated = vocab_gen.render(vocab_gen.pbe_terms())
    assert Path(vocab_gen.__file__).with_name("vocab.py").read_text(encoding="utf-8") == generated


def test_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        PBE.chiar  # noqa: B018


def test_ontology_files_travel_with_the_package():
    from ontology import CONTEXT_JSONLD, ONTOLOGY_TTL, SHAPES_TTL

    for path in (ONTOLOGY_TTL, SHAPES_TTL, CONTEXT_JSONLD):
        assert path.is_file(), path
