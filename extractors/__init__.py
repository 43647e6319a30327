"""kg extractors: Chinese official-news text -> plain records (see records.py).

    from extractors import extract_document, extract_text
    doc = extract_document("examples/page.txt", locale="山西省阳泉市")

Modules, in the order data flows through them:

- decoding   bytes -> text (UTF-8 / GB18030), InputDecodeError / EmptyInputError
- splitting  a page's raw lines -> article chunks (datelines, bylines, headlines before/after)
- cleaning   wrapped PDF text -> clean text with an exact offset map to the original
- locality   which city 市政协 means; place names of the page
- pipeline   spaCy blank("zh") (char tokens) with kg_body_ruler, kg_title_ruler, [kg_ner_bridge],
             kg_person_finder, kg_event_finder; rules are data in rules/
- bodies, persons, dates, events, roles   what those components find
- pagewide   passes over a whole page (dates, continued speeches, activities named by headlines)
- assemble   annotations -> records with Evidence into the original text
- document   extract_document / extract_text

Nothing here knows about RDF; `kg` turns the records into triples.
"""
from __future__ import annotations

from .document import extract_document, extract_text
from .errors import EmptyInputError, ExtractionError, InputDecodeError

__all__ = ["extract_document", "extract_text", "ExtractionError", "InputDecodeError", "EmptyInputError"]
