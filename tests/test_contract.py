"""The ontology contract, checked through SPARQL on a real store built from text.

The article below is written for this test (not taken from any page): a standing-committee meeting
of a city CPPCC with a chair, an attendee list, a report, an election, a quorum and a byline.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.store import KgStore
from kg.vocab import PREFIXES

ARTICLE = """市政协召开十五届二次常委会议
本报讯 5月12日上午，市政协召开十五届二次常委会议。会议由市政协主席李明华主持，市政协副主席王志
刚、陈晓燕、刘德胜出席会议。
会议应到委员42人，实到39人，符合规定人数。
会议听取了市政协秘书长赵文斌所作的关于提案办理情况的报告。经过选举，孙立新当选为政协保定市第十五届委员会副主席。（张晓梅）
"""

PRO = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("contract")
    path = tmp / "20230513_01.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with KgStore(tmp / "store") as s:
        build([path], s, locale="河北省保定市")
        yield s


def rows(store: KgStore, q: str) -> list[dict[str, str]]:
    res = store.query(PRO + q)
    return [{v.value: (sol[v].value if sol[v] is not None else None) for v in res.variables} for sol in res]


def test_persons_are_schema_persons_with_chinese_labels(store):
    got = rows(store, 'SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n FILTER(lang(?n) = "zh") }')
    names = {r["n"] for r in got}
    assert {"李明华", "王志刚", "陈晓燕", "刘德胜", "赵文斌", "孙立新", "张晓梅"} <= names


def test_chair_attendees_in_order_speaker_elected(store):
    chair = rows(store, "SELECT ?n ?d WHERE { ?e a schema:Event ; pbe:chair ?p ; schema:startDate ?d . ?p rdfs:label ?n }")
    assert chair == [{"n": "李明华", "d": "2023-05-12"}]
    att = rows(store, """SELECT ?n ?i WHERE { ?x a pbe:Participation ; pbe:role pbe:AttendeeRole ;
        pbe:agent ?p ; pbe:listPosition ?i ; pbe:event ?e . ?e pbe:chair ?c . ?p rdfs:label ?n } ORDER BY ?i""")
    assert [r["n"] for r in att] == ["王志刚", "陈晓燕", "刘德胜"]
    assert [r["i"] for r in att] == ["1", "2", "3"]
    assert {r["n"] for r in rows(store, "SELECT ?n WHERE { ?e pbe:speaker ?p . ?p rdfs:label ?n }")} == {"赵文斌"}
    assert {r["n"] for r in rows(store, "SELECT ?n WHERE { ?e pbe:elected ?p . ?p rdfs:label ?n }")} == {"孙立新"}


def test_quorum_is_recorded(store):
    got = rows(store, "SELECT ?a ?b WHERE { ?e pbe:expectedCount ?a ; pbe:presentCount ?b }")
    assert got == [{"a": "42", "b": "39"}]


def test_body_full_name_alias_and_post(store):
    got = rows(store, 'SELECT ?full WHERE { ?o a org:Organization ; skos:altLabel "市政协"@zh ; rdfs:label ?full }')
    assert [r["full"] for r in got] == ["中国人民政治协商会议河北省保定市委员会"]
    posts = rows(store, 'SELECT ?t WHERE { ?p rdfs:label "李明华"@zh ; org:holds ?post . ?post pbe:title ?t ; org:postIn ?o . ?o skos:altLabel "市政协"@zh }')
    assert {r["t"] for r in posts} == {"主席"}


def test_article_has_author_date_and_headline(store):
    got = rows(store, "SELECT ?h ?d ?n WHERE { ?a a schema:NewsArticle ; schema:author ?p ; schema:datePublished ?d ; schema:headline ?h . ?p rdfs:label ?n }")
    assert got == [{"h": "市政协召开十五届二次常委会议", "d": "2023-05-13", "n": "张晓梅"}]


def test_evidence_offsets_point_into_the_original_file(store, tmp_path_factory):
    got = rows(store, "SELECT ?q ?s ?e WHERE { ?x a pbe:Participation ; pbe:quote ?q ; pbe:startOffset ?s ; pbe:endOffset ?e }")
    assert got
    for r in got:
        original = ARTICLE[int(r["s"]) : int(r["e"])]
        assert re.sub(r"\s", "", original) == re.sub(r"\s", "", r["q"])


def test_built_graph_passes_the_shacl_shapes(store):
    from kg.shapes import validate_store

    conforms, text = validate_store(store)
    assert conforms, text
