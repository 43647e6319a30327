"""Vocabulary of kg: the pbe: namespace, generated from ontology/pbe.ttl by kg.vocab_gen.

Do not edit by hand. A misspelt term fails at import time, not silently.
"""
from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class PBE(DefinedNamespace):
    """People, bodies and events."""

    _fail = True
    _NS = Namespace("https://w3id.org/pbe#")

    AttendeeRole: URIRef
    CPPCC: URIRef
    Ceremony: URIRef
    ChairRole: URIRef
    CommitteeMeeting: URIRef
    Court: URIRef
    Deliberation: URIRef
    ElectedRole: URIRef
    Election: URIRef
    Government: URIRef
    Meeting: URIRef
    Organ: URIRef
    Participation: URIRef
    Party: URIRef
    PartyCommittee: URIRef
    PeoplesCongress: URIRef
    PlenarySession: URIRef
    Plenum: URIRef
    PostStatement: URIRef
    PresidiumMeeting: URIRef
    Procuratorate: URIRef
    Role: URIRef
    Session: URIRef
    SourceFile: URIRef
    SpeakerRole: URIRef
    StandingCommitteeMeeting: URIRef
    Symposium: URIRef
    Training: URIRef
    agent: URIRef
    article: URIRef
    bodyKind: URIRef
    chair: URIRef
    continued: URIRef
    dateline: URIRef
    elected: URIRef
    endOffset: URIRef
    event: URIRef
    eventKind: URIRef
    expectedCount: URIRef
    fileName: URIRef
    listPosition: URIRef
    locale: URIRef
    participation: URIRef
    post: URIRef
    presentCount: URIRef
    quote: URIRef
    role: URIRef
    sha1: URIRef
    sourceFile: URIRef
    speaker: URIRef
    startOffset: URIRef
    timeOfDay: URIRef
    title: URIRef
    titleAsWritten: URIRef


SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

PREFIXES: dict[str, str] = {
    "pbe": "https://w3id.org/pbe#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
}
