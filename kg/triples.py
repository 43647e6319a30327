"""Records → RDF: one set of rdflib triples per article, under the ontology in `ontology/pbe.ttl`.

Each article's graph is self-contained: it describes every person, body, event and post the
article speaks of (type, labels, dates), the role edges (`pbe:chair`, `schema:attendee`, …) and,
beside each edge, a `pbe:Participation` node carrying list position, title as written and evidence.
The store keeps these graphs apart (one named graph per article) and merges them into the default
graph, so the same IRI minted from two articles is one node.
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from extractors.records import Article, Body, Document, Event, Evidence, Participation, Post
from kg.iris import IriMinter
from kg.tripleset import TripleSet
from kg.resolution import explicit_keys, is_placeless, person_keys
from kg.vocab import ORG, PBE, SCHEMA

ROLE_EDGE = {"chair": PBE.chair, "attendee": SCHEMA.attendee, "speaker": PBE.speaker, "elected": PBE.elected}
ROLE_NODE = {
    "chair": PBE.ChairRole,
    "attendee": PBE.AttendeeRole,
    "speaker": PBE.SpeakerRole,
    "elected": PBE.ElectedRole,
}
BODY_CLASS = {
    "party": PBE.Party,
    "party_committee": PBE.PartyCommittee,
    "congress": PBE.PeoplesCongress,
    "cppcc": PBE.CPPCC,
    "government": PBE.Government,
    "court": PBE.Court,
    "procuratorate": PBE.Procuratorate,
    "organ": PBE.Organ,
}
EVENT_CLASS = {
    "session": PBE.Session,
    "plenary": PBE.PlenarySession,
    "presidium_meeting": PBE.PresidiumMeeting,
    "standing_committee_meeting": PBE.StandingCommitteeMeeting,
    "committee_meeting": PBE.CommitteeMeeting,
    "meeting": PBE.Meeting,
    "training": PBE.Training,
    "deliberation": PBE.Deliberation,
    "election": PBE.Election,
    "symposium": PBE.Symposium,
    "ceremony": PBE.Ceremony,
    "plenum": PBE.Plenum,
}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def date_literal(iso: str) -> Literal:
    return Literal(iso, datatype=XSD.date)


class ArticleGraphBuilder:
    """Turns one `Document`'s articles into graphs; holds the IRI minter and nothing else."""

    def __init__(self, minter: IriMinter) -> None:
        self.iris = minter
        self._keys: dict[str, str | None] = {}
        self._page: str = ""
        self._locale: str | None = None

    def person_iri(self, name: str) -> URIRef:
        """The person a name means in the document being built (see kg.resolution)."""
        return self.iris.person(name, self._keys.get(name))

    def body_iri(self, name: str) -> URIRef:
        """A place-free body name (市政协 on a page with no known city) is keyed by its page."""
        return self.iris.body(name, self._page if is_placeless(name) and not self._locale else None)

    def post_iri(self, body: str, title: str) -> URIRef:
        scope = self._page if is_placeless(body) and not self._locale else None
        return self.iris.post(body if scope is None else f"{body}|{scope}", title)

    def document_graphs(self, doc: Document) -> Iterator[tuple[URIRef, TripleSet]]:
        """(named graph IRI, graph) for every article of the document."""
        self._page, self._locale = doc.source, doc.locale
        self._keys = person_keys(doc)
        self._keys.update(explicit_keys(doc))
        for article in doc.articles:
            yield self.iris.graph(doc.source, article.index), self.article_graph(doc, article)

    def article_graph(self, doc: Document, article: Article) -> TripleSet:
        g = TripleSet()
        a = self.iris.article(doc.source, article.index)
        self._source(g, doc)
        self._article(g, doc, article, a)
        for person in article.persons:
            p = self.person_iri(person.name)
            g.add((p, RDF.type, SCHEMA.Person))
            g.add((p, RDFS.label, zh(person.name)))
            g.add((a, SCHEMA.mentions, p))
        for body in article.bodies:
            self._body(g, body)
            g.add((a, SCHEMA.mentions, self.body_iri(body.name)))
        for place in article.places:
            pl = self.iris.place(place.name)
            g.add((pl, RDF.type, SCHEMA.Place))
            g.add((pl, RDFS.label, zh(place.name)))
        for event in article.events:
            self._event(g, event)
            g.add((a, SCHEMA.about, self.iris.event(event.name, event.date)))
        for n, post in enumerate(article.posts, 1):
            self._post(g, a, n, post)
        for n, part in enumerate(article.participations, 1):
            self._participation(g, a, n, part)
        return g

    # -- pieces -------------------------------------------------------------------------------

    def _source(self, g: TripleSet, doc: Document) -> None:
        s = self.iris.source(doc.source)
        g.add((s, RDF.type, PBE.SourceFile))
        g.add((s, PBE.fileName, Literal(doc.source)))
        g.add((s, PBE.sha1, Literal(doc.sha1)))
        if doc.locale:
            g.add((s, PBE.locale, zh(doc.locale)))

    def _article(self, g: TripleSet, doc: Document, article: Article, a: URIRef) -> None:
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, PBE.sourceFile, self.iris.source(doc.source)))
        g.add((a, SCHEMA.position, Literal(article.index)))
        g.add((a, PBE.startOffset, Literal(article.start)))
        g.add((a, PBE.endOffset, Literal(article.end)))
        g.add((a, SCHEMA.inLanguage, Literal("zh")))
        if article.headline:
            g.add((a, SCHEMA.headline, zh(article.headline)))
            g.add((a, RDFS.label, zh(article.headline)))
        else:
            g.add((a, RDFS.label, zh(f"{doc.source} #{article.index + 1}")))
        if article.date_published:
            g.add((a, SCHEMA.datePublished, date_literal(article.date_published)))
        if article.dateline:
            g.add((a, PBE.dateline, zh(article.dateline)))
        if article.continued:
            g.add((a, PBE.continued, Literal(True)))
        if article.text:
            g.add((a, SCHEMA.articleBody, zh(article.text)))
        for reporter in article.reporters:
            p = self.person_iri(reporter)
            g.add((p, RDF.type, SCHEMA.Person))
            g.add((p, RDFS.label, zh(reporter)))
            g.add((a, SCHEMA.author, p))

    def _body(self, g: TripleSet, body: Body) -> None:
        o = self.body_iri(body.name)
        g.add((o, RDF.type, ORG.Organization))
        cls = BODY_CLASS.get(body.kind)
        if cls is not None:
            g.add((o, RDF.type, cls))
        g.add((o, PBE.bodyKind, Literal(body.kind)))
        g.add((o, RDFS.label, zh(body.name)))
        g.add((o, SKOS.prefLabel, zh(body.name)))
        for alias in body.aliases:
            if alias != body.name:
                g.add((o, SKOS.altLabel, zh(alias)))
        if body.parent and body.parent != body.name:
            parent = self.body_iri(body.parent)
            g.add((o, ORG.subOrganizationOf, parent))
            g.add((parent, RDF.type, ORG.Organization))
            g.add((parent, RDFS.label, zh(body.parent)))

    def _event(self, g: TripleSet, event: Event) -> None:
        e = self.iris.event(event.name, event.date)
        g.add((e, RDF.type, SCHEMA.Event))
        cls = EVENT_CLASS.get(event.kind)
        if cls is not None:
            g.add((e, RDF.type, cls))
        g.add((e, PBE.eventKind, Literal(event.kind)))
        # one rdfs:label per event whichever article names it: the canonical name, which the IRI is
        # minted from; the forms articles write (市政协十四届三次会议) are alternative labels
        g.add((e, RDFS.label, zh(event.name)))
        g.add((e, SCHEMA.name, zh(event.name)))
        for alias in dict.fromkeys((event.label, *event.aliases)):
            if alias and alias != event.name:
                g.add((e, SKOS.altLabel, zh(alias)))
        if event.date:
            g.add((e, SCHEMA.startDate, date_literal(event.date)))
        if event.end_date:
            g.add((e, SCHEMA.endDate, date_literal(event.end_date)))
        if event.time_of_day:
            g.add((e, PBE.timeOfDay, zh(event.time_of_day)))
        if event.place:
            pl = self.iris.place(event.place)
            g.add((pl, RDF.type, SCHEMA.Place))
            g.add((pl, RDFS.label, zh(event.place)))
            g.add((e, SCHEMA.location, pl))
        if event.organizer:
            g.add((e, SCHEMA.organizer, self.body_iri(event.organizer)))
        if event.parent:
            g.add((e, SCHEMA.superEvent, self.iris.event(event.parent, event.parent_date)))
        if event.expected is not None:
            g.add((e, PBE.expectedCount, Literal(event.expected)))
        if event.present is not None:
            g.add((e, PBE.presentCount, Literal(event.present)))

    def _evidence(self, g: TripleSet, node: URIRef, a: URIRef, ev: Evidence | None) -> None:
        g.add((node, PROV.wasDerivedFrom, a))
        g.add((node, PBE.article, a))
        if ev is not None:
            g.add((node, PBE.startOffset, Literal(ev.start)))
            g.add((node, PBE.endOffset, Literal(ev.end)))
            g.add((node, PBE.quote, zh(ev.text)))

    def _post(self, g: TripleSet, a: URIRef, n: int, post: Post) -> None:
        p = self.person_iri(post.person)
        st = self.iris.statement(a, "post", n)
        g.add((st, RDF.type, PBE.PostStatement))
        g.add((st, PBE.agent, p))
        g.add((st, PBE.titleAsWritten, zh(post.as_written)))
        g.add((p, RDF.type, SCHEMA.Person))
        g.add((p, RDFS.label, zh(post.person)))
        if post.body:
            po = self.post_iri(post.body, post.title)
            g.add((po, RDF.type, ORG.Post))
            g.add((po, RDFS.label, zh(f"{post.body}{post.title}")))
            g.add((po, PBE.title, zh(post.title)))
            g.add((po, ORG.postIn, self.body_iri(post.body)))
            g.add((p, ORG.holds, po))
            g.add((st, PBE.post, po))
        else:
            g.add((p, SCHEMA.jobTitle, zh(post.title)))
        self._evidence(g, st, a, post.evidence)

    def _participation(self, g: TripleSet, a: URIRef, n: int, part: Participation) -> None:
        e = self.iris.event(part.event, part.event_date)
        p = self.person_iri(part.person)
        g.add((p, RDF.type, SCHEMA.Person))
        g.add((p, RDFS.label, zh(part.person)))
        g.add((e, ROLE_EDGE[part.role], p))
        st = self.iris.statement(a, "participation", n)
        g.add((st, RDF.type, PBE.Participation))
        g.add((e, PBE.participation, st))
        g.add((st, PBE.agent, p))
        g.add((st, PBE.event, e))
        g.add((st, PBE.role, ROLE_NODE[part.role]))
        g.add((st, PBE.listPosition, Literal(part.position)))
        if part.title_as_written:
            g.add((st, PBE.titleAsWritten, zh(part.title_as_written)))
        if part.post and part.post_body:
            g.add((st, PBE.post, self.post_iri(part.post_body, part.post)))
        self._evidence(g, st, a, part.evidence)
