"""Person identity across papers: same name and compatible place → one IRI; else apart."""
from extractors.records import Article, Document, Person, Post
from kg.iris import IriMinter
from kg.resolution import person_keys
from kg.triples import ArticleGraphBuilder


def _doc(source: str, locale: str | None, name: str, post: Post | None = None) -> Document:
    art = Article(id=f"{source}#0", source=source, index=0, start=0, end=1, text="x", persons=(Person(name),), posts=(post,) if post else ())
    return Document(source, source, "0" * 40, "utf-8", None, locale, (art,))


def _person_iris(doc: Document) -> set[str]:
    from rdflib.namespace import RDF

    from kg.vocab import SCHEMA

    b = ArticleGraphBuilder(IriMinter())
    return {str(s) for _, g in b.document_graphs(doc) for s in g.subjects(RDF.type, SCHEMA.Person)}


def test_same_name_in_two_cities_stays_two_people():
    a = _person_iris(_doc("a.txt", "河北省保定市", "王刚"))
    b = _person_iris(_doc("b.txt", "山西省大同市", "王刚"))
    assert a and b and a.isdisjoint(b)


def test_same_name_in_two_issues_of_one_paper_is_one_person():
    assert _person_iris(_doc("a.txt", "河北省保定市", "王刚")) == _person_iris(_doc("b.txt", "河北省保定市", "王刚"))


def test_holder_of_a_national_post_is_one_person_in_every_paper():
    post = Post("李某某", "总理", "中华人民共和国国务院", "国务院总理")
    a = _person_iris(_doc("a.txt", "河北省保定市", "李某某", post))
    b = _person_iris(_doc("b.txt", "山西省大同市", "李某某", post))
    assert a == b
    assert person_keys(_doc("c.txt", "河北省保定市", "李某某", post)) == {"李某某": None}


def test_placeless_bodies_of_two_pages_without_locale_stay_apart():
    from extractors.records import Body

    def doc(source: str, locale: str | None) -> Document:
        art = Article(id=f"{source}#0", source=source, index=0, start=0, end=1, text="x",
                      bodies=(Body("中国人民政治协商会议市委员会", "cppcc", ("市政协",)), Body("中华人民共和国国务院", "government", ("国务院",))))
        return Document(source, source, "0" * 40, "utf-8", None, locale, (art,))

    def bodies(d: Document) -> set[str]:
        from rdflib.namespace import RDF

        from kg.vocab import ORG

        b = ArticleGraphBuilder(IriMinter())
        return {str(s) for _, g in b.document_graphs(d) for s in g.subjects(RDF.type, ORG.Organization)}

    a, b = bodies(doc("a.txt", None)), bodies(doc("b.txt", None))
    assert len(a & b) == 1  # 国务院 is one body everywhere; the two 市政协 are not
    assert bodies(doc("c.txt", "河北省保定市")) == bodies(doc("d.txt", "河北省保定市"))
