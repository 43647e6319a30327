"""The spaCy pipeline: a blank Chinese pipeline with the char segmenter and kg's own components.

The NER model (extractors/ner) is char-level too, so both share the tokenisation. Each component
finds its annotations with the rule data and writes them on the Doc (`doc._.kg_*`, `doc.spans`).
Context a component needs (locale, year, reference date, byline names) is set on `doc._.kg_ctx`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .bodies import BodyFinder
from .dates import find_dates
from .events import EventFinder, meetings, sentences
from .sittings import group_sittings
from .visits import visit_activities
from .lexicon import _load, alt
from .locality import Locale
from .persons import PersonFinder, find_titles
from .roles import RoleFinder

for _attr in ("kg_ctx", "kg_bodies", "kg_sessions", "kg_titles", "kg_persons", "kg_ner", "kg_dates",
              "kg_events", "kg_main", "kg_roles", "kg_posts", "kg_bf"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

NER_MODEL = Path(__file__).with_name("ner") / "model"
_NER_CUE = __import__("re").compile(alt(_load("persons.json")["ner_cues"]))


def _span(doc: Doc, s: int, e: int, label: str):
    return doc.char_span(s, e, label=label, alignment_mode="expand")


@Language.factory("kg_body_ruler")
class BodyRuler:
    """Bodies and numbered sessions (市政协, 市十六届人大四次会议) with canonical names."""

    def __init__(self, nlp: Language, name: str):
        self._cache: dict[tuple, BodyFinder] = {}

    def finder(self, locale: Locale | None, known: frozenset[str]) -> BodyFinder:
        key = (locale, known)
        if key not in self._cache:
            self._cache[key] = BodyFinder(locale, set(known))
        return self._cache[key]

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.kg_ctx or {}
        bf = self.finder(ctx.get("locale"), frozenset(ctx.get("known_places", ())))
        bodies, sessions = bf.find(ctx.get("text") or doc.text)
        doc._.kg_bf, doc._.kg_bodies, doc._.kg_sessions = bf, bodies, sessions
        doc.spans["kg_bodies"] = [sp for b in bodies if (sp := _span(doc, b.start, b.end, "ORG"))]
        return doc


@Language.factory("kg_title_ruler")
class TitleRuler:
    """Posts (主席, 副主任委员 …) and the body written before each."""

    def __init__(self, nlp: Language, name: str):
        pass

    def __call__(self, doc: Doc) -> Doc:
        text = (doc._.kg_ctx or {}).get("text") or doc.text
        doc._.kg_titles = find_titles(text, doc._.kg_bodies or [])
        doc.spans["kg_titles"] = [sp for t in doc._.kg_titles if (sp := _span(doc, t.start, t.end, "TITLE"))]
        return doc


@Language.factory("kg_ner_bridge")
class NerBridge:
    """PER spans from the statistical recognizer (extractors.ner), when its model exists."""

    def __init__(self, nlp: Language, name: str):
        self.recognize = None
        try:
            from .ner import recognize  # type: ignore[attr-defined]
            self.recognize = recognize
        except Exception:  # the recognizer is optional
            self.recognize = None

    def __call__(self, doc: Doc) -> Doc:
        """Run the model only on sentences with a cue that a person is named there.

        Why: the model reads ~8k chars/s, too slow for whole pages at the pipeline's speed target;
        sentences with posts, reporting verbs or person nouns hold nearly all names.
        """
        spans: list[tuple[int, int]] = []
        ctx = doc._.kg_ctx or {}
        if "ner" in ctx:
            doc._.kg_ner = ctx["ner"]
            return doc
        text = ctx.get("text") or doc.text
        if self.recognize is not None:
            spans = person_spans([text], self.recognize)[0]
        doc._.kg_ner = spans
        ctx["ner"] = spans
        return doc


def person_spans(texts: list[str], recognize=None) -> list[list[tuple[int, int]]]:
    """PER spans of the recognizer in the cue sentences of each text, in one batched call
    (a page's articles together: the model's per-call overhead is paid once)."""
    if recognize is None:
        try:
            from .ner import recognize  # type: ignore[attr-defined]
        except Exception:
            return [[] for _ in texts]
    jobs = [(i, a, b) for i, t in enumerate(texts) for a, b in sentences(t) if _NER_CUE.search(t, a, b)]
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    if not jobs:
        return out
    try:
        found_all = recognize([texts[i][a:b] for i, a, b in jobs])
    except Exception:  # a broken model must not stop extraction
        return out
    for (i, a, _), found in zip(jobs, found_all):
        out[i].extend((a + s, a + e) for s, e, label in found if label == "PER")
    return out


@Language.factory("kg_person_finder")
class PersonComponent:
    """Personal names in context (after posts, before verbs, in lists, bylines, NER)."""

    def __init__(self, nlp: Language, name: str):
        self.finder = PersonFinder()

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.kg_ctx or {}
        persons = self.finder.find(ctx.get("text") or doc.text, doc._.kg_titles or [], doc._.kg_bodies or [],
                                   ctx.get("bylines", []), ctx.get("names", set()), doc._.kg_ner or [],
                                   set(ctx.get("known_places", ())))
        doc._.kg_persons = persons
        doc.spans["kg_persons"] = [sp for p in persons if (sp := _span(doc, p.start, p.end, "PER"))]
        return doc


@Language.factory("kg_event_finder")
class EventComponent:
    """Dates, events, the main event, roles and posts."""

    def __init__(self, nlp: Language, name: str):
        pass

    def __call__(self, doc: Doc) -> Doc:
        ctx: dict[str, Any] = doc._.kg_ctx or {}
        text = ctx.get("text") or doc.text
        dates = find_dates(text, ctx.get("year"), ctx.get("ref"))
        doc._.kg_dates = dates
        body_start = ctx.get("body_start", 0)
        first = next((d for d in dates if d.start >= body_start), None)
        art_date = first if first is not None and first.start - body_start < 40 else None
        ef = EventFinder(doc._.kg_bf)
        events, main = ef.find(text, doc._.kg_bodies or [], doc._.kg_sessions or [], dates, art_date, body_start)
        reporters0 = set(ctx.get("bylines", []))
        meets = meetings(text, [p for p in doc._.kg_persons or [] if p.name not in reporters0], dates, body_start=body_start)
        if meets:  # 某某会见某某: the talks, when no named event is reported
            keep = []
            for e in events:  # 某某同某国总理举行会谈 found as an event phrase: the same talks
                twin = next((x for x in meets if e.label.replace("举行", "") in {x.label, *x.aliases}
                             or (e.label in ("会谈", "会晤", "会见") and x.start <= e.start < x.end + 2)), None)
                if twin is None:
                    keep.append(e)
                    continue
                if e.label not in ("会谈", "会晤", "会见"):
                    twin.aliases.add(e.label)
                if main is e:
                    main = twin
            events = keep + meets
            first = min((e for e in meets if e.start >= body_start), key=lambda e: e.start, default=None)
            if main is not None and first is not None and main.label == main.name and len(main.label) <= 4 \
                    and first.start < main.start:
                events = [e for e in events if e is not main]
                main = first  # the talks the lead reports, not a bare 会谈 mentioned later in someone's words
            if main is None:
                main = min((e for e in meets if e.start >= body_start), key=lambda e: e.start, default=meets[0])
                if main.date is None and art_date is not None:
                    main.date, main.end_date = art_date.date, art_date.end_date
        events = events + visit_activities(text, doc._.kg_persons or [], main)
        sittings = group_sittings(text, doc._.kg_persons or [], events, main)  # drops the generic 代表团审议 it names better
        events = events + sittings
        doc._.kg_events, doc._.kg_main = events, main
        implied = ctx.get("implied", {})
        rf = RoleFinder(implied)
        reporters = set(ctx.get("bylines", []))
        persons = [p for p in doc._.kg_persons or [] if p.name not in reporters]
        roles, posts = rf.find(text, persons, events, main, doc._.kg_bodies or [])
        doc._.kg_roles, doc._.kg_posts = roles, posts
        return doc


_NLP: Language | None = None


def get_nlp() -> Language:
    """Build the pipeline once per process."""
    global _NLP
    if _NLP is None:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        nlp.add_pipe("kg_body_ruler")
        nlp.add_pipe("kg_title_ruler")
        if NER_MODEL.exists():
            nlp.add_pipe("kg_ner_bridge")
        nlp.add_pipe("kg_person_finder")
        nlp.add_pipe("kg_event_finder")
        _NLP = nlp
    return _NLP


def rerun_from(doc: Doc, component: str, ctx: dict) -> Doc:
    """Re-run the pipeline from `component` on with a changed context (names seen elsewhere)."""
    nlp = get_nlp()
    names = [n for n, _ in nlp.pipeline]
    ctx["text"] = doc._.kg_ctx["text"]
    ctx["ner"] = doc._.kg_ner or []
    doc._.kg_ctx = ctx
    for name in names[names.index(component):]:
        doc = nlp.get_pipe(name)(doc)
    return doc


def analyse(text: str, ctx: dict) -> Doc:
    """Run the pipeline on one article text with its context."""
    nlp = get_nlp()
    # one token per character (what the char segmenter gives), built directly: much faster
    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text)) if text else nlp.make_doc(text)
    ctx["text"] = text  # Doc.text re-joins every token on each access; read it once
    doc._.kg_ctx = ctx
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
