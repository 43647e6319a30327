"""Generate `kg/vocab.py` from `ontology/pbe.ttl`, so every pbe: term used in code is declared.

Run `python -m kg.vocab_gen` after editing the ontology; a test fails when the two drift.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from ontology import ONTOLOGY_TTL

PBE_IRI = "https://w3id.org/pbe#"
VOCAB_PY = Path(__file__).with_name("vocab.py")


def pbe_terms(ontology: Path = ONTOLOGY_TTL) -> list[str]:
    """Local names of every pbe: subject declared in the ontology, sorted."""
    g = Graph().parse(ontology)
    return sorted(
        {str(s)[len(PBE_IRI):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(PBE_IRI)}
        - {""}
    )


def render(terms: list[str]) -> str:
    """The source text of kg/vocab.py for these terms."""
    lines = [
        '"""Vocabulary of kg: the pbe: namespace, generated from ontology/pbe.ttl by kg.vocab_gen.',
        "",
        "Do not edit by hand. A misspelt term fails at import time, not silently.",
        '"""',
        "from rdflib import Namespace, URIRef",
        "from rdflib.namespace import DefinedNamespace",
        "",
        "",
        "class PBE(DefinedNamespace):",
        '    """People, bodies and events."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{PBE_IRI}")',
        "",
    ]
    lines += [f"    {t}: URIRef" for t in terms]
    lines += [
        "",
        "",
        'SCHEMA = Namespace("https://schema.org/")',
        'ORG = Namespace("http://www.w3.org/ns/org#")',
        'SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")',
        "",
        "PREFIXES: dict[str, str] = {",
        f'    "pbe": "{PBE_IRI}",',
        '    "schema": "https://schema.org/",',
        '    "org": "http://www.w3.org/ns/org#",',
        '    "skos": "http://www.w3.org/2004/02/skos/core#",',
        '    "prov": "http://www.w3.org/ns/prov#",',
        '    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",',
        '    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",',
        '    "xsd": "http://www.w3.org/2001/XMLSchema#",',
        '    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",',
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    VOCAB_PY.write_text(render(pbe_terms()), encoding="utf-8")


if __name__ == "__main__":
    main()
