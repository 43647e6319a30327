"""kg extractors: Chinese official-news text -> plain records (see records.py).

    from extractors import extract_document, extract_text
    doc = extract_document("examples/page.txt", locale="山西省阳泉市")

Nothing here knows about RDF; `kg` turns the records into triples.
"""
from __future__ import annotations

from .document import extract_document, extract_text
from .errors import EmptyInputError, ExtractionError, InputDecodeError

__all__ = ["extract_document", "extract_text", "ExtractionError", "InputDecodeError", "EmptyInputError"]
