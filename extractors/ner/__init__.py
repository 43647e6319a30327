"""Statistical named-entity recognizer (PER / ORG / LOC) for Chinese news, over char tokens.

A standard spaCy ``ner`` component (transition-based, with its *own* tok2vec, no listener)
trained on the PFR annotated corpus of People's Daily, January 1998 (word segmentation and
POS tags by the Institute of Computational Linguistics, Peking University, with Fujitsu;
released for research use, article text People's Daily copyright).  The shipped model in
``model/`` holds no corpus text; see README.md for scores and how it was trained.

Use::

    from extractors.ner import recognize
    recognize(["美国国务卿布林肯抵达北京。"])   # -> [[(0, 2, 'LOC'), (5, 8, 'PER'), (10, 12, 'LOC')]]

Add the component to another pipeline (must be ``spacy.blank("zh")`` with the default char
segmenter; importing this package registers the ``kg.CharFeatureEmbed.v1`` layer the model
needs, so import it before loading or sourcing)::

    import spacy
    from extractors.ner import load_ner
    nlp = spacy.blank("zh")
    nlp.add_pipe("ner", source=load_ner())     # keeps its own tok2vec; put rules after it
    doc = nlp("...")                           # doc.ents are PER/ORG/LOC spans

``recognize`` adds a few post-rules (see ``postrules.py``) on top of ``doc.ents``; sourcing
the bare component gives the model output only.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Iterator

from . import features  # noqa: F401  registers kg.CharFeatureEmbed.v1

MODEL_DIR = Path(__file__).resolve().parent / "model"
LABELS = ("PER", "ORG", "LOC")
Span = tuple[int, int, str]

__all__ = ["MODEL_DIR", "LABELS", "load_ner", "recognize", "annotate_jsonl", "NERInputError"]


class NERInputError(ValueError):
    """A JSON line that cannot be annotated; the message names the line number."""


@lru_cache(maxsize=None)
def load_ner(path: str | None = None):
    """Load (once per process) the shipped pipeline: ``spacy.blank("zh")`` char tokens + ``ner``."""
    import spacy

    model = Path(path) if path else MODEL_DIR
    if not (model / "config.cfg").exists():
        raise FileNotFoundError(
            f"no NER model at {model}; train one with "
            "`python -m extractors.ner.train --data DATA --out extractors/ner/model`"
        )
    return spacy.load(model)


_SPACE = re.compile(r"\s")


def _make_doc(nlp, text: str):
    """The char tokenizer's Doc, built directly when the text has no whitespace (the common
    case); spaCy's tokenizer spends most of its time aligning spaces."""
    if _SPACE.search(text) is None:
        from spacy.tokens import Doc

        return Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
    return nlp.make_doc(text)


def _spans(doc) -> list[Span]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]


def recognize(texts: Iterable[str], batch_size: int = 128) -> list[list[Span]]:
    """Entity spans ``(start, end, label)`` (char offsets, end exclusive) for each text."""
    from .postrules import apply_rules

    texts = list(texts)
    out: list[list[Span]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if t and not t.isspace()]
    nlp = load_ner()
    docs = (_make_doc(nlp, texts[i]) for i in todo)
    for i, doc in zip(todo, nlp.pipe(docs, batch_size=batch_size)):
        out[i] = apply_rules(texts[i], _spans(doc))
    return out


def _read_records(in_stream: IO[str]) -> Iterator[tuple[int, dict]]:
    for line_no, line in enumerate(in_stream, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise NERInputError(f"line {line_no}: not valid JSON ({err.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise NERInputError(f"line {line_no}: expected a JSON object with a string field 'text'")
        yield line_no, rec


def annotate_jsonl(in_stream: IO[str], out_stream: IO[str], batch_size: int = 128) -> int:
    """Read JSON lines with ``text``, write them back with ``entities`` added; return the count.

    Other fields are kept; an existing ``entities`` field is replaced.  A bad line raises
    ``NERInputError`` naming its line number (lines before it in earlier batches are written).
    """
    n = 0
    batch: list[dict] = []

    def flush() -> None:
        for rec, spans in zip(batch, recognize([r["text"] for r in batch], batch_size=batch_size)):
            rec["entities"] = [[s, e, label] for s, e, label in spans]
            out_stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        batch.clear()

    for _, rec in _read_records(in_stream):
        batch.append(rec)
        n += 1
        if len(batch) >= 1024:
            flush()
    flush()
    return n
