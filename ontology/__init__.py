"""The kg ontology files (Turtle ontology, SHACL shapes, JSON-LD context), shipped as package data."""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "pbe.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_JSONLD = ONTOLOGY_DIR / "context.jsonld"
